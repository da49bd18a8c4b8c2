"""Time and memory of reading saved pages whose bulk is inline data: a single-file save (a base64
image before the article) and a script-drawn page (a __NEXT_DATA__ JSON script), at 10.7, 12.7
and 50 MB, and an MHTML save with 30 MB of images. Prints, per page: paragraphs read, the
warning (if any), the median wall time of `load` over 3 runs, and the peak Python heap (tracemalloc).

    PYTHONPATH=tui python benchmarks/big_pages.py
"""

from __future__ import annotations

import base64
import json
import os
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from storyview.inputs.load import load

PARAGRAPHS = "".join(
    f"<p>Paragraph {n}: the council approved the transit budget on Tuesday after a long debate about buses.</p>" for n in range(8)
)


def page(size: int, kind: str) -> bytes:
    blob = base64.b64encode(os.urandom(size * 3 // 4)).decode()
    head = body = ""
    if kind == "image":
        body = f'<figure><img src="data:image/jpeg;base64,{blob}"></figure>'
    else:
        head = '<script id="__NEXT_DATA__" type="application/json">' + json.dumps({"props": {"state": blob}}) + "</script>"
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Budget passes</title>{head}</head>"
            f"<body><article><h1>Budget passes</h1>{body}{PARAGRAPHS}</article></body></html>").encode()


def mhtml(size: int) -> bytes:
    html = f"<html><head><title>Budget passes</title></head><body><article>{PARAGRAPHS}</article></body></html>"
    image = base64.encodebytes(os.urandom(size * 3 // 4))
    return (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n'
            b"--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + html.encode()
            + b"\r\n--b\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n" + image + b"\r\n--b--\r\n")


def main() -> None:
    cases = [("image 10.7 MB", "a.html", page(10_700_000, "image")), ("__NEXT_DATA__ 12.7 MB", "b.html", page(12_700_000, "next")),
             ("image 50 MB", "c.html", page(50_000_000, "image")), ("__NEXT_DATA__ 50 MB", "d.html", page(50_000_000, "next")),
             ("MHTML 30 MB", "e.mhtml", mhtml(30_000_000))]
    with tempfile.TemporaryDirectory() as folder:
        for label, name, data in cases:
            path = Path(folder) / name
            path.write_bytes(data)
            load([str(path)])  # imports and caches warm
            times = []
            for _ in range(3):
                start = time.perf_counter()
                loaded = load([str(path)])
                times.append(time.perf_counter() - start)
            tracemalloc.start()
            load([str(path)])
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            paragraphs = len(loaded.articles[0].paragraphs) if loaded.articles else 0
            print(f"{label:24} {len(data) / 1e6:6.1f} MB  {paragraphs} paragraphs  "
                  f"median {statistics.median(times):.2f} s  peak heap {peak / 1e6:.1f} MB  {loaded.warnings or ''}")


if __name__ == "__main__":
    main()
