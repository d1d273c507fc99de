"""HTTP front end: routing, error bodies, faults, the /_sim/ hooks (the API call itself is call.py).

Answers follow the guide: 200 with the <response>; 400 (never retry), 401 (credentials or permission, with
WWW-Authenticate) or 500 (may succeed later) with an <error> body.
"""

import ipaddress
import json
import socket
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import dispatch, faults, hooks, xmlio
from .auth import REALM, basic_username
from .call import Outcome, run_api_call
from .errors import SimError

API_PATH = "/cortexapi/default.aspx"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # headers and body leave in two send()s (wbufsize 0): without TCP_NODELAY the body of a kept-alive connection
    # waits ~40 ms for the client's delayed ACK (Nagle), which IIS does not do (issue 14)
    disable_nagle_algorithm = True
    server_version = "Microsoft-IIS/10.0"
    sys_version = ""

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        """Quiet: the request log at /_sim/log is the record."""

    @property
    def sim(self):
        return self.server.sim

    def do_GET(self):
        self._route("GET")

    def do_POST(self):
        self._route("POST")

    def _route(self, method):
        received = time.time()
        parts = urlsplit(self.path)
        body = self._read_body()
        if parts.path.lower() == API_PATH:
            if method == "GET":
                self._api_page()
            else:
                self._api_post(body, received)
        elif parts.path.startswith("/_sim/"):
            self.route_hook(method, parts, body)
        else:
            self._send(404, b"<html><body><h2>404 - File or directory not found.</h2></body></html>", "text/html")

    def _read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if sum(len(chunk) for chunk in chunks) + size > xmlio.MAX_BODY:
                    self.close_connection = True
                    return self.rfile.read(min(size, xmlio.MAX_BODY + 1))
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        if length > xmlio.MAX_BODY:
            # read just enough for the parser to refuse it, and do not reuse a connection with unread bytes
            self.close_connection = True
            return self.rfile.read(xmlio.MAX_BODY + 1)
        return self.rfile.read(length) if length > 0 else b""

    def _send(self, status, body, content_type, extra=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _drop(self):
        """Close the socket without a single byte of answer."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _api_page(self):
        """GET of Default.aspx: IIS asks for credentials, then the page answers an empty response."""
        if not self.headers.get("Authorization"):
            body = xmlio.serialize(xmlio.error_response(11, "The user authentication failed: send HTTP Basic credentials."))
            self._send(401, body, "text/xml; charset=utf-8", {"WWW-Authenticate": REALM})
            return
        self._send(200, xmlio.serialize(xmlio.response()), "text/xml; charset=utf-8")

    def _api_post(self, body, received):
        header = self.headers.get("Authorization")
        try:
            root = xmlio.parse_request(body)
        except SimError:
            root = None
        plan = self.sim.faults.plan(dispatch.peek_action(root))
        if plan.get("latency"):
            time.sleep(plan["latency"])
        fault = plan.get("fault") or ("latency" if plan.get("latency") else None)
        if plan.get("fault") in faults.BEFORE:
            out = self._before_fault(plan, header, root)
        else:
            out = run_api_call(self.sim, header, body)
        out.fault = fault
        if out.action is None:
            out.action = dispatch.peek_action(root)
            out.path = out.path or dispatch.log_path(root)
        self.sim.log.add({"caller": out.caller, "action": out.action, "path": out.path, "http_status": out.status,
                          "error_id": out.error_id, "changed": out.changed, "fault": fault,
                          "request_id": out.request_id, "user_agent": self.headers.get("User-Agent"),
                          "ignored": out.ignored, "start": received, "end": time.time(),
                          "peer": "%s:%d" % self.client_address[:2]})
        if fault in ("drop", "drop_after"):
            self._drop()
            return
        payload = out.body[:max(1, len(out.body) // 2)] if fault == "truncate" else out.body
        extra = {"WWW-Authenticate": REALM} if out.status == 401 else None
        self._send(out.status, payload, out.content_type, extra)

    def _before_fault(self, plan, header, root):
        out = Outcome()
        out.caller = basic_username(header)
        kind = plan["fault"]
        if kind == "http500":
            out.error(SimError(0, "Request could not be processed: the provisioning database is busy (injected "
                                  "fault). Resending the request may work later.", 500))
        elif kind == "unauthorized":
            out.error(SimError(11, "The user authentication failed (injected fault: unauthorized_after).", 401))
        elif kind == "html":
            out.status = plan.get("html_status", 500)
            out.body = faults.html_page(out.status)
            out.content_type = "text/html"
        out.action = dispatch.peek_action(root)
        return out

    def route_hook(self, method, parts, body):
        if not ipaddress.ip_address(self.client_address[0]).is_loopback:
            self._send(403, b'{"error": "test hooks answer loopback clients only"}', "application/json")
            return
        try:
            data = json.loads(body.decode("utf-8")) if body.strip() else None
        except ValueError:
            self._send(400, b'{"error": "body is not JSON"}', "application/json")
            return
        status, answer = hooks.dispatch(self.sim, method, parts.path, data, parse_qs(parts.query))
        self._send(status, json.dumps(answer, ensure_ascii=False).encode("utf-8"), "application/json")


class ThreadedHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
