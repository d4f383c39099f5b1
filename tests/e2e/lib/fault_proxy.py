#!/usr/bin/env python3
"""A plain-HTTP proxy on 127.0.0.1 in front of the test registry (TLS), that injects the faults
the registry tests need into blob downloads. The mode is read from MODE_FILE on every request ("once" counts from a change of mode):

  pass            forward everything
  429-once        the first blob GET answers 429 (Retry-After: 1), later ones are forwarded
  corrupt         blob bodies arrive with one byte changed
  drop-once       the first blob GET sends half its body and closes the connection
  drop-once-200   like drop-once, and Range requests are answered 200 with the whole blob
  slow            blob bodies trickle out in 64 kB pieces, 20 ms apart
  slow-head       a manifest HEAD is answered after 2.5 s (a client's token outlives its expiry)

Each request is logged to LOG_FILE as "METHOD PATH range=<Range> content-range=<Content-Range>".

usage: fault_proxy.py PORT UPSTREAM_HOST:PORT CA_FILE MODE_FILE LOG_FILE
"""
import http.client
import http.server
import socketserver
import ssl
import sys
import threading
import time

port, upstream, ca_file, mode_file, log_file = sys.argv[1:6]
state = {"blob_gets": 0, "mode": None}
lock = threading.Lock()
context = ssl.create_default_context(cafile=ca_file)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def forward(self, method):
        mode = open(mode_file).read().strip()
        with lock, open(log_file, "a") as log:
            log.write(f"{method} {self.path} range={self.headers.get('Range', '')}"
                      f" content-range={self.headers.get('Content-Range', '')}\n")
        is_blob = method == "GET" and "/blobs/sha256:" in self.path
        with lock:
            if mode != state["mode"]:  # "once" counts from the mode's start
                state["mode"], state["blob_gets"] = mode, 0
            if is_blob:
                state["blob_gets"] += 1
            first_blob = is_blob and state["blob_gets"] == 1
        if first_blob and mode == "429-once":
            self.send_response(429)
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if mode == "slow-head" and method == "HEAD" and "/manifests/" in self.path:
            time.sleep(2.5)
        body = None
        if method in ("POST", "PUT", "PATCH"):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        if mode == "drop-once-200" and "Range" in headers and is_blob:
            del headers["Range"]
        conn = http.client.HTTPSConnection(upstream, context=context)
        conn.request(method, self.path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        if is_blob and resp.status in (200, 206):
            if mode == "corrupt" and data:
                data = bytes([data[0] ^ 0xFF]) + data[1:]
        self.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() in ("connection", "transfer-encoding", "content-length"):
                continue
            if k.lower() == "location":  # the registry names itself in upload Locations: name the proxy
                v = v.replace(f"https://{upstream}", f"http://127.0.0.1:{port}")
            self.send_header(k, v)
        if method == "HEAD":
            self.send_header("Content-Length", resp.getheader("Content-Length", "0"))
            self.end_headers()
            return
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if first_blob and mode.startswith("drop-once") and len(data) > 1:
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if mode == "slow" and is_blob:
            for i in range(0, len(data), 65536):
                self.wfile.write(data[i:i + 65536])
                self.wfile.flush()
                time.sleep(0.02)
            return
        self.wfile.write(data)

    def do_GET(self):
        self.forward("GET")

    def do_HEAD(self):
        self.forward("HEAD")

    def do_POST(self):
        self.forward("POST")

    def do_PUT(self):
        self.forward("PUT")

    def do_PATCH(self):
        self.forward("PATCH")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


Server(("127.0.0.1", int(port)), Handler).serve_forever()
