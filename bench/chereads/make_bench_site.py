#!/usr/bin/env python3
"""Writes a recordings directory for the end-to-end benchmark: one chereads book of N
chapters (novel page with __NEXT_DATA__) whose chapter pages are copies of the
readable fixture pages (embedded-JSON and HTML-only forms, in rotation).

usage: make_bench_site.py OUT_DIR N_CHAPTERS
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.join(HERE, ".."))
from recordings import write_recording  # noqa: E402 (bench/recordings.py)

FIXTURES = os.path.join(HERE, "..", "..", "fixtures", "chereads")
BOOK = "41000000000000001"
SOURCES = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "10.5"]
HTML = "text/html; charset=utf-8"


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    items = []
    for i in range(1, n + 1):
        cid = str(90000000000000000 + i)
        items.append({"chapterId": cid, "chapterName": f"Chapter {i} - Bench Chapter {i}", "chapterIndex": i, "isAuth": 1})
        with open(os.path.join(FIXTURES, f"chapter-34048845808168505-{SOURCES[i % len(SOURCES)]}.html"), "rb") as f:
            write_recording(out, f"chapter-{i}.html", f"/novel/{BOOK}/{cid}", f.read(), HTML)
    data = {"props": {"pageProps": {"data": {
        "bookInfo": {"bookId": BOOK, "bookName": "Bench Book"},
        "volumeItems": [{"volumeId": 1, "volumeName": "Volume 1", "chapterItems": items}]}}}}
    write_recording(out, "novel.html", f"/novel/{BOOK}",
                    "<!DOCTYPE html><html><head><title>Bench Book</title></head><body><div id=\"__next\"></div>"
                    "<script id=\"__NEXT_DATA__\" type=\"application/json\">"
                    + json.dumps(data, ensure_ascii=False).replace("<", "\\u003c") + "</script></body></html>", HTML)
    print(BOOK)


if __name__ == "__main__":
    main()
