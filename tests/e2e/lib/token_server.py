#!/usr/bin/env python3
"""The token server of distribution's token auth spec (docs/spec/auth/token.md, oauth.md), for the
registry tests: HTTPS on 127.0.0.1, JWTs signed RS256 with a test key whose certificate the
registry trusts (auth: token: rootcertbundle), sent in the x5c header as distribution 2.8 reads it.

  GET  /token?service=S&scope=A&scope=B[&account=U]   Basic credentials optional
  POST /token  grant_type=refresh_token&refresh_token=R&service=S&scope=...  (identity tokens)
  POST /token  grant_type=password&username=U&password=P&service=S&scope=...

Anonymous callers get `pull` only; USER:PASSWORD (and the refresh token REFRESH, which stands for
USER) get every action asked for. A partial grant is not an error (the spec): the registry then
answers 401 insufficient_scope. Bad credentials get 401. The answer carries both `token` and
`access_token`, `expires_in` read from EXPIRES_FILE on each request, and `issued_at`.

Each request is logged to LOG_FILE as "METHOD service=S scope=A scope=B who=anonymous|USER|refresh:USER"
(never a password or a token). Signing runs `openssl dgst -sha256 -sign KEY` (Debian's openssl:
no Python package beyond the standard library).

usage: token_server.py PORT TLS_CERT TLS_KEY SIGN_KEY SIGN_CERT ISSUER USER:PASSWORD REFRESH EXPIRES_FILE LOG_FILE
"""
import base64
import datetime
import http.server
import json
import os
import socketserver
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse

(port, tls_cert, tls_key, sign_key, sign_cert, issuer, user_pass, refresh_token, expires_file,
 log_file) = sys.argv[1:11]
user, password = user_pass.split(":", 1)
lock = threading.Lock()
cert_der = subprocess.run(["openssl", "x509", "-in", sign_cert, "-outform", "DER"], check=True,
                          capture_output=True).stdout


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(payload):
    return subprocess.run(["openssl", "dgst", "-sha256", "-sign", sign_key], input=payload, check=True,
                          capture_output=True).stdout


def make_token(subject, service, access, expires_in):
    now = int(time.time())
    header = {"typ": "JWT", "alg": "RS256", "x5c": [base64.b64encode(cert_der).decode()]}
    claims = {"iss": issuer, "sub": subject, "aud": service, "exp": now + expires_in, "nbf": now - 10,
              "iat": now, "jti": b64url(os.urandom(12)), "access": access}
    signing_input = (b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())).encode()
    return signing_input.decode() + "." + b64url(sign(signing_input))


def granted(scopes, who):
    """The intersection of what was asked and what `who` may do: anonymous pulls, the user does all."""
    access = []
    for scope in scopes:
        parts = scope.split(":")
        if len(parts) < 3:
            continue
        kind, name, actions = parts[0], ":".join(parts[1:-1]), parts[-1].split(",")
        allowed = [a for a in actions if who != "anonymous" or a == "pull"]
        if allowed:
            access.append({"type": kind, "name": name, "actions": allowed})
    return access


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="msmigrate test token server"')
        self.end_headers()
        self.wfile.write(data)

    def issue(self, method, params):
        service = params.get("service", [""])[0]
        scopes = params.get("scope", [])
        who = "anonymous"
        refused = False
        auth = self.headers.get("Authorization", "")
        if method == "GET" and auth.lower().startswith("basic "):
            given = base64.b64decode(auth[6:]).decode(errors="replace")
            refused = given != f"{user}:{password}"
            who = given.split(":", 1)[0]
        elif method == "POST":
            grant = params.get("grant_type", [""])[0]
            if grant == "refresh_token":
                refused = params.get("refresh_token", [""])[0] != refresh_token
                who = "refresh:" + user
            elif grant == "password":
                refused = (params.get("username", [""])[0], params.get("password", [""])[0]) != (user, password)
                who = params.get("username", [""])[0]
            else:
                refused = True
                who = "grant:" + grant
        with lock, open(log_file, "a") as log:
            log.write(f"{method} service={service} " + " ".join(f"scope={s}" for s in scopes) +
                      f" who={who}{' refused' if refused else ''}\n")
        if refused:
            self.answer(401, {"errors": [{"code": "UNAUTHORIZED", "message": "authentication required"}]})
            return
        expires_in = int(open(expires_file).read().strip())
        token = make_token("" if who == "anonymous" else user, service,
                           granted(scopes, "anonymous" if who == "anonymous" else user), expires_in)
        issued = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        body = {"token": token, "access_token": token, "expires_in": expires_in, "issued_at": issued}
        if method == "POST" and params.get("grant_type", [""])[0] == "refresh_token":
            body["refresh_token"] = refresh_token  # the spec lets the server rotate it; ours keeps it
        self.answer(200, body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/token":
            self.answer(404, {})
            return
        self.issue("GET", urllib.parse.parse_qs(url.query))

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length", "0"))
        form = self.rfile.read(length).decode()
        if url.path != "/token":
            self.answer(404, {})
            return
        self.issue("POST", urllib.parse.parse_qs(form))


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", int(port)), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(tls_cert, tls_key)
server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
