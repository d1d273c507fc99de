"""The simulator, assembled: state, request log, faults and the HTTP server (core/http.py serves the requests).

``from tests.simulator.server import SimServer``: start() serves in a thread, stop() ends it (state saved).
"""

import os
import ssl
import tempfile
import threading

from .core import faults, hooks, tls
from .core.http import Handler, ThreadedHTTPServer
from .core.store import Store
from .seed import base, bulk


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
        self.httpd = ThreadedHTTPServer((host, port), Handler)
        self.httpd.sim = self
        self.cafile = None
        self.scheme = "http"
        if use_tls:
            self._tls(cert_dir, state_file)
        self.host, self.port = self.httpd.server_address[:2]
        self._thread = None

    def _seed(self):
        base.seed_core(self.store)
        if self.seed_customers:
            bulk.bulk_seed(self.store, {"customers": self.seed_customers})
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
