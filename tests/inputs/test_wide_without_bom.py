"""UTF-16 and UTF-32 without a byte-order mark are read in any script, as the docs promise;
binary data is still refused (try32: Russian, Arabic and Chinese UTF-16LE were "binary")."""

from __future__ import annotations

import random
import zlib

import pytest

from storyview.inputs.text import Unusable, _bomless_wide, decode

TEXTS = {
    "en": "The council approved the budget on Tuesday.\nBuses come first, the mayor said.\n",
    "ru": "Совет утвердил бюджет во вторник.\nСначала закупят автобусы, сказал мэр.\n",
    "ar": "وافق المجلس على الميزانية يوم الثلاثاء.\nقال العمدة إن الحافلات تأتي أولا.\n",
    "zh": "北京市政府周三宣布新的交通计划。该计划将在明年一月开始实施，预计耗资五十亿元。\n",
    "emoji": "Crowds cheered 🎉 as the 𝒻𝒾𝓇𝓈𝓉 bus left the depot on Tuesday morning.\n",
}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_bomless_wide_text_in_any_script_is_read(codec: str, lang: str) -> None:
    assert decode(TEXTS[lang].encode(codec)) == TEXTS[lang]


def test_a_capped_read_that_cuts_a_surrogate_pair_still_reads() -> None:
    data = ("Крупный пожар 🔥 " * 600).encode("utf-16-le")
    assert decode(data[:8191]).startswith("Крупный пожар 🔥 Крупный")


def _blobs() -> list[bytes]:
    rng = random.Random(33)
    blobs = [rng.randbytes(rng.randrange(64, 4097)) for _ in range(3000)]
    blobs += [zlib.compress(rng.randbytes(n) * 3) for n in range(64, 2000, 97)]
    # Tables of numbers: 16- and 32-bit integers, small and large.
    blobs += [b"".join(rng.randrange(0, 1 << bits).to_bytes(bits // 8, order) for _ in range(64))
              for bits in (16, 32) for order in ("little", "big") for _ in range(50)]
    return blobs


def test_no_binary_blob_is_taken_for_wide_text() -> None:
    assert [b[:16] for b in _blobs() if _bomless_wide(b) is not None] == []


def test_random_binary_that_looks_binary_is_still_refused() -> None:
    rng = random.Random(7)
    for _ in range(200):
        with pytest.raises(Unusable, match="binary"):
            decode(rng.randbytes(8192))


def test_a_byte_order_mark_before_what_is_no_text_is_no_text() -> None:
    """try31: "FF FE 00 00" then "garbage" was read as UTF-32 and listed as the story "��". Text
    behind a real mark still reads, in UTF-16 and UTF-32."""
    with pytest.raises(Unusable, match="binary"):
        decode(b"\xff\xfe\x00\x00garbage")
    assert decode("\ufeffHi there\n".encode("utf-16-le")) == "Hi there\n"
    assert decode("\ufeffHi\n".encode("utf-32-le")) == "Hi\n"
    assert decode("\ufeff北京\n".encode("utf-16-be")) == "北京\n"
