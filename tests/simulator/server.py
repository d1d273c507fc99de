"""HTTP front end: routing, Basic authentication, error bodies, faults, the /_sim/ hooks, TLS.

One API call = one store lock held from authentication to the built response, so concurrent clients never lose
updates. Answers follow the guide: 200 with the <response>; 400 (never retry), 401 (credentials or permission,
with WWW-Authenticate) or 500 (may succeed later) with an <error> body.
"""

import base64
import ipaddress
import json
import os
import socket
import ssl
import sys
import tempfile
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import api, faults, hooks, seed, tls, xmlio
from .context import RequestContext
from .errors import SimError
from .store import Store

API_PATH = "/cortexapi/default.aspx"
REALM = 'Basic realm="CortexAPI"'


def authenticate(store, header):
    """The API user for an Authorization header; error 11 (bad credentials) or 12 (no API Access), HTTP 401."""
    if not header or not header.lower().startswith("basic "):
        raise SimError(11, "The user authentication failed: send HTTP Basic credentials.", 401)
    try:
        raw = base64.b64decode(header.split(None, 1)[1].strip(), validate=True)
        username, _sep, password = raw.decode("utf-8", "replace").partition(":")
    except (ValueError, IndexError):
        raise SimError(11, "The user authentication failed: the Authorization header is not valid Basic.", 401) from None
    user = store.user_by_login(username)
    if user is None or not user.get("password") or user.get("password") != password:
        raise SimError(11, "The user authentication failed for '%s'." % username, 401)
    if not user.get("api_access"):
        raise SimError(12, "User '%s' does not have the API Access permission; give the user a security role with "
                           "API Access." % username, 401)
    return user


def basic_username(header):
    try:
        return base64.b64decode(header.split(None, 1)[1]).decode("utf-8", "replace").partition(":")[0]
    except (ValueError, IndexError, AttributeError):
        return None


class Outcome(object):
    """What to send for one API request, and what to log about it."""

    def __init__(self):
        self.status = 200
        self.body = b""
        self.content_type = "text/xml; charset=utf-8"
        self.error_id = None
        self.changed = False
        self.request_id = None
        self.fault = None
        self.action = None
        self.path = ""
        self.caller = None
        self.ignored = []           # paths of the tags this server did not read (ignore_tags, release, spellings)

    def error(self, exc, bom=False):
        self.status = exc.http_status
        self.error_id = exc.code
        self.body = xmlio.serialize(xmlio.error_response(exc.code, exc.message), bom)


def run_api_call(sim, header, body):
    """Authenticate, parse, dispatch under the store lock; fill an Outcome (faults are applied by the caller)."""
    out = Outcome()
    out.caller = basic_username(header)
    store = sim.store
    with store.lock:
        now = time.time()
        store.refresh(now)
        bom = bool(store.config.get("bom"))
        ctx = None
        try:
            caller = authenticate(store, header)
            root = xmlio.parse_request(body)
            out.action = api.envelope(root)
            out.path = api.log_path(root)
            out.ignored = api.prepare(root, store.config, out.action)
            ctx = RequestContext(store, caller, out.action, store.config.get("release", "atria12"), now)
            answer = api.execute(ctx, root)
            out.body = xmlio.serialize(answer, bom)
            out.request_id = ctx.top_request_id
        except SimError as exc:
            out.error(exc, bom)
        except Exception as exc:  # pylint: disable=broad-except
            traceback.print_exc(file=sys.stderr)
            out.error(SimError(0, "Internal simulator error: %s: %s" % (type(exc).__name__, exc), 500), bom)
        if ctx is not None:
            out.path = ctx.path or out.path
            out.changed = ctx.changed
            if ctx.changed:
                store.save()
    return out


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
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
        plan = self.sim.faults.plan(api.peek_action(root))
        if plan.get("latency"):
            time.sleep(plan["latency"])
        fault = plan.get("fault") or ("latency" if plan.get("latency") else None)
        if plan.get("fault") in faults.BEFORE:
            out = self._before_fault(plan, header, root)
        else:
            out = run_api_call(self.sim, header, body)
        out.fault = fault
        if out.action is None:
            out.action = api.peek_action(root)
            out.path = out.path or api.log_path(root)
        self.sim.log.add({"caller": out.caller, "action": out.action, "path": out.path, "http_status": out.status,
                          "error_id": out.error_id, "changed": out.changed, "fault": fault,
                          "request_id": out.request_id, "user_agent": self.headers.get("User-Agent"),
                          "ignored": out.ignored, "start": received, "end": time.time()})
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
        out.action = api.peek_action(root)
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


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


class SimServer(object):
    """The simulator: state, log, faults and the HTTP server. start() serves in a thread; stop() ends it."""

    def __init__(self, host="127.0.0.1", port=8480, release="atria12", state_file=None, provisioning_delay=0.3,
                 fail_rate=0.0, seed_value=0, use_tls=False, seed_customers=0, cert_dir=None, request_log=None):
        self.store = Store(state_file, {"provisioning_delay": provisioning_delay, "fail_rate": fail_rate,
                                        "release": release, "seed": seed_value})
        self.seed_customers = seed_customers
        with self.store.lock:
            if not self.store.load():
                self._seed()
        self.log = hooks.RequestLog(request_log)
        self.faults = faults.Faults()
        self.httpd = _HTTPServer((host, port), Handler)
        self.httpd.sim = self
        self.cafile = None
        self.scheme = "http"
        if use_tls:
            self._tls(cert_dir, state_file)
        self.host, self.port = self.httpd.server_address[:2]
        self._thread = None

    def _seed(self):
        seed.seed_core(self.store)
        if self.seed_customers:
            seed.bulk_seed(self.store, {"customers": self.seed_customers})
        self.store.save()

    def _tls(self, cert_dir, state_file):
        if cert_dir is None and state_file:
            cert_dir = os.path.dirname(os.path.abspath(state_file))
        if cert_dir is None:
            cert_dir = tempfile.mkdtemp(prefix="cortex-sim-tls-")
        certfile, keyfile = tls.make_certificate(cert_dir)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certfile, keyfile)
        # handshake in the handler thread, not in the accept loop, so one silent client cannot stall the server
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True, do_handshake_on_connect=False)
        self.cafile = certfile
        self.scheme = "https"

    @property
    def base(self):
        return "%s://%s:%d" % (self.scheme, self.host, self.port)

    @property
    def url(self):
        return self.base + "/CortexAPI/Default.aspx"

    @property
    def admin_url(self):
        return self.base + "/_sim"

    def reset(self):
        with self.store.lock:
            self.store.reset_config()
            self._seed()
        self.log.clear()
        self.faults.clear()

    def start(self):
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="cortex-sim", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self):
        self.httpd.serve_forever()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread is not None:
            self._thread.join(5)
        with self.store.lock:
            self.store.save()
