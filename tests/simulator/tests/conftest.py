"""Fixtures for the simulator's own tests.

``sim_server`` is one in-process simulator per session (free port, provisioning delay 0 so statuses are final at
once; tests that watch the timer set a delay with ``sim.config``). ``sim`` resets it before each test.
"""

import pytest
import requests

from tests.simulator.server import SimServer

from .simhelp import PASSWORDS, parse


class Sim(object):
    """Client side of a running simulator: API calls and the /_sim/ hooks."""

    def __init__(self, server):
        self.server = server
        self.url = server.url
        self.admin_url = server.admin_url
        self.http = requests.Session()
        self.verify = server.cafile or True

    def call(self, xml, user="admin_Gsp", password=None, timeout=30):
        """POST a request; (HTTP status, parsed <response> root)."""
        body = xml.encode("utf-8") if isinstance(xml, str) else xml
        answer = self.http.post(self.url, data=body, auth=(user, password or PASSWORDS.get(user, "")),
                                headers={"Content-Type": "text/xml; charset=utf-8"}, timeout=timeout,
                                verify=self.verify)
        return answer.status_code, parse(answer.content)

    def raw(self, body=b"", headers=None, method="POST", auth=None, url=None, timeout=30):
        """Send exactly these bytes; the requests.Response (no credentials unless auth is given)."""
        return requests.request(method, url or self.url, data=body, headers=headers or {}, auth=auth,
                                timeout=timeout, verify=self.verify)

    def _hook(self, method, path, body=None):
        answer = requests.request(method, self.admin_url + path, json=body, timeout=60)
        answer.raise_for_status()
        return answer.json()

    def reset(self):
        return self._hook("POST", "/reset")

    def log(self, since=0):
        return self._hook("GET", "/log?since=%d" % since)

    def clear_log(self):
        return self._hook("POST", "/log/clear")

    def faults(self, settings):
        return self._hook("POST", "/faults", settings)

    def config(self, settings):
        return self._hook("POST", "/config", settings)

    def seed(self, spec):
        return self._hook("POST", "/seed", spec)

    def state(self):
        return self._hook("GET", "/state")

    def lock(self, user):
        """Lock an account as failed logons would (the API itself can only unlock)."""
        return self._hook("POST", "/lock", {"user": user})


@pytest.fixture(scope="session")
def sim_server():
    server = SimServer(port=0, provisioning_delay=0.0).start()
    yield server
    server.stop()


@pytest.fixture
def sim(sim_server):
    client = Sim(sim_server)
    client.reset()
    yield client
    client.http.close()
