#!/usr/bin/env python3
"""A minimal static server for the benchmark: answers GET <path> from the recordings
(<name> + <name>.meta.json) in DIR, uncompressed, HTTP/1.1 keep-alive, TCP_NODELAY.
(The fixture server compresses on the fly with brotli at its highest quality, which
costs far more than the programs being measured.)
Usage: serve_site.py DIR PORT_FILE   -> writes the chosen port to PORT_FILE."""
import http.server
import json
import pathlib
import socket
import sys


def load(root):
    table = {}
    for meta_path in pathlib.Path(root).glob("*.meta.json"):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        body = meta_path.with_name(meta_path.name[: -len(".meta.json")]).read_bytes()
        target = meta["url"].split("://", 1)[-1]
        target = target[target.index("/"):] if "://" in meta["url"] else meta["url"]
        table[target] = (meta.get("status", 200), meta.get("content_type", "application/json"), body)
    return table


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    table = {}

    def do_GET(self):  # noqa: N802 (http.server naming)
        status, content_type, body = self.table.get(self.path, (404, "application/json", b'{"detail":"Not found."}'))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    Handler.table = load(sys.argv[1])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    pathlib.Path(sys.argv[2]).write_text(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
