"""Writes recordings for the benchmark sites the fixture server serves: <name> (the body)
and <name>.meta.json next to it, in the format documented in common/http/recording.hpp."""
import json
import pathlib


def write_recording(directory, name, url, body, content_type):
    """Writes DIRECTORY/NAME (body: bytes, or str stored as UTF-8) and its meta file: a GET
    of URL (an absolute URL or just the target) answered 200 with CONTENT_TYPE."""
    path = pathlib.Path(directory) / name
    path.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    meta = {"method": "GET", "url": url, "status": 200, "content_type": content_type}
    path.with_name(name + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
