# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""An in-process simulator for the inventory tests (one per module, reset before each test), and its hooks."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests

from tests.simulator.server import SimServer


class SimHooks:
    """The running simulator: ``url`` for the API, and the /_sim/ hooks the tests need."""

    def __init__(self, server):
        self.url = server.url
        self.admin_url = server.admin_url

    def _hook(self, method, path, body=None):
        answer = requests.request(method, self.admin_url + path, json=body, timeout=120)
        answer.raise_for_status()
        return answer.json()

    def reset(self):
        return self._hook('POST', '/reset')

    def seed(self, spec):
        return self._hook('POST', '/seed', spec)

    def clear_log(self):
        return self._hook('POST', '/log/clear')

    def config(self, settings):
        return self._hook('POST', '/config', settings)

    def log(self):
        return self._hook('GET', '/log')

    def requests(self):
        """(action, path) of every API request logged since the last clear_log()."""
        return [(entry['action'], entry['path']) for entry in self.log()]


@pytest.fixture(scope='module')
def sim_server():
    server = SimServer(port=0, provisioning_delay=0.0).start()
    yield server
    server.stop()


@pytest.fixture
def sim(sim_server):
    hooks = SimHooks(sim_server)
    hooks.reset()
    return hooks
