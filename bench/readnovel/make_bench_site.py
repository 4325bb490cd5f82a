#!/usr/bin/env python3
"""Writes a synthetic readnovel site (fixture format) for the end-to-end benchmark into DIR:
GET /api/chapters/bench-novel/ with CHAPTERS chapters, and GET /api/getchapter/...
for the first CONTENT of them (about 9 KB of text each, with a watermark line and
escaped markup so the cleaner has work to do).
Usage: make_bench_site.py DIR CHAPTERS CONTENT  -> prints the novel slug."""
import json
import os
import pathlib
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from recordings import write_recording  # noqa: E402 (bench/recordings.py)

SLUG = "bench-novel"
PARAGRAPH = ("The lamps of the old road burned low as the caravan passed, and the scholar counted them "
             "under his breath — “nine, eight, seven” — while the river kept its own slower count. ")
JSON = "application/json"


def main():
    root = pathlib.Path(sys.argv[1])
    chapters, content = int(sys.argv[2]), int(sys.argv[3])
    root.mkdir(parents=True, exist_ok=True)
    items = [{"id": 500000 + i, "index": i, "title": f"Chapter {i}: The Long Road — Part {i % 7 + 1}",
              "novSlugChapSlug": f"{SLUG}-{i}", "timeAdded": "March 5 2023"} for i in range(1, chapters + 1)]
    write_recording(root, "chapters.json", f"/api/chapters/{SLUG}/",
                    json.dumps(items, ensure_ascii=False, separators=(",", ":")), JSON)
    for i in range(1, content + 1):
        lines = []
        for p in range(40):
            lines.append(PARAGRAPH * 2)
            if p == 20:
                lines.append("Please continue reading on ΒOXΝʘVEL.ϹΟM .")
            if p == 30:
                lines.append("A note&lt;sup&gt;1&lt;/sup&gt; was pinned to the door.")
            lines.append("")
        body = {"index": i, "title": items[i - 1]["title"], "text": "\n".join(lines), "nextChap": i + 1,
                "novelParent": SLUG, "novelParentName": "Bench Novel", "prevChap": i - 1, "id": 500000 + i}
        write_recording(root, f"getchapter-{i}.json", f"/api/getchapter/{SLUG}-{i}/",
                        json.dumps(body, ensure_ascii=False, separators=(",", ":")), JSON)
    print(SLUG)


if __name__ == "__main__":
    main()
