"""Bytes to articles: files, folders, standard input, saved pages and URLs, Markdown, encodings and page debris."""
