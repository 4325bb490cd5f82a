#!/usr/bin/env python3
"""Writes a recordings directory for the end-to-end benchmark: one chereads book of N
chapters (novel page with __NEXT_DATA__) whose chapter pages are copies of the
readable fixture pages (embedded-JSON and HTML-only forms, in rotation).

usage: make_bench_site.py OUT_DIR N_CHAPTERS
"""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "fixtures", "chereads")
BOOK = "41000000000000001"
SOURCES = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "10.5"]


def write_meta(path, url):
    with open(path + ".meta.json", "w", encoding="utf-8") as f:
        json.dump({"method": "GET", "url": url, "status": 200, "content_type": "text/html; charset=utf-8"}, f)


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    items = []
    for i in range(1, n + 1):
        cid = str(90000000000000000 + i)
        items.append({"chapterId": cid, "chapterName": f"Chapter {i} - Bench Chapter {i}", "chapterIndex": i, "isAuth": 1})
        page = os.path.join(out, f"chapter-{i}.html")
        shutil.copyfile(os.path.join(FIXTURES, f"chapter-34048845808168505-{SOURCES[i % len(SOURCES)]}.html"), page)
        write_meta(page, f"/novel/{BOOK}/{cid}")
    data = {"props": {"pageProps": {"data": {
        "bookInfo": {"bookId": BOOK, "bookName": "Bench Book"},
        "volumeItems": [{"volumeId": 1, "volumeName": "Volume 1", "chapterItems": items}]}}}}
    novel = os.path.join(out, "novel.html")
    with open(novel, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><title>Bench Book</title></head><body><div id=\"__next\"></div>"
                "<script id=\"__NEXT_DATA__\" type=\"application/json\">"
                + json.dumps(data, ensure_ascii=False).replace("<", "\\u003c") + "</script></body></html>")
    write_meta(novel, f"/novel/{BOOK}")
    print(BOOK)


if __name__ == "__main__":
    main()
