# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Feed hostile answers to the collection in a process of their own and report what happened, one JSON line each.

    python -m tests.reliability.hostile_probe parse|client FILE NAME...

``parse`` calls xml_codec.parse(body); ``client`` serves the body from a local HTTP server and calls
CortexClient.get(). FILE is the local file the payloads try to read. A separate process, because a parser that
opened a FIFO would hang (the caller's timeout catches that) and because peak memory is per process: before each
payload the peak-RSS mark is reset (/proc/self/clear_refs), so "peak_growth_mb" is what that payload cost.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Imported for its side effect: it makes ansible_collections.atria.cortex importable.
from tests.reliability import inprocess  # noqa: F401  pylint: disable=unused-import
from tests.reliability.hostile_payloads import PAYLOADS, STREAMED

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec  # noqa: E402
from ansible_collections.atria.cortex.plugins.module_utils.api.client import CortexClient  # noqa: E402
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError  # noqa: E402


def _status_kb(field):
    with open('/proc/self/status', encoding='ascii') as status:
        for line in status:
            if line.startswith(field + ':'):
                return int(line.split()[1])
    return 0


def _reset_peak():
    # "5" resets the peak resident set size (VmHWM) to the current RSS (Linux >= 4.0).
    with open('/proc/self/clear_refs', 'w', encoding='ascii') as clear_refs:
        clear_refs.write('5')


class _Server:
    """Answers every POST with the current body, HTTP 200, text/xml (``streamed``: no Content-Length)."""

    def __init__(self):
        self.body = b''
        self.streamed = False
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = 'HTTP/1.1'

            def log_message(self, *args):
                pass

            def do_POST(self):
                self.rfile.read(int(self.headers.get('Content-Length', 0)))
                self.send_response(200)
                self.send_header('Content-Type', 'text/xml; charset=utf-8')
                if server.streamed:
                    self.send_header('Connection', 'close')
                    self.close_connection = True
                else:
                    self.send_header('Content-Length', str(len(server.body)))
                self.end_headers()
                try:
                    self.wfile.write(server.body)
                except OSError:
                    pass    # the client refused a too-large answer and hung up

        self.httpd = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = 'http://127.0.0.1:%d/CortexAPI/Default.aspx' % self.httpd.server_address[1]


def probe(mode, name, body, server):
    if mode == 'client':
        server.body = body
        server.streamed = name in STREAMED
        client = CortexClient(server.url, 'admin_Gsp', 'Adm1n!Gsp', retries=0, timeout=30)

        def call():
            return client.get(xml_codec.E.customer(xml_codec.E.name('DA')))
    else:
        def call():
            return xml_codec.parse(body)
    before = _status_kb('VmRSS')
    _reset_peak()
    started = time.monotonic()
    outcome = {'payload': name, 'mode': mode}
    try:
        root = call()
        outcome.update(error=None, text=xml_codec.serialize(root)[:2000].decode('utf-8', 'replace'))
    except CortexError as exc:
        message = str(exc)
        outcome.update(error=type(exc).__name__, message=message[:4000], message_length=len(message))
    except Exception as exc:  # pylint: disable=broad-except
        outcome.update(error='UNEXPECTED ' + type(exc).__name__, message=str(exc)[:4000], message_length=len(str(exc)))
    outcome['seconds'] = round(time.monotonic() - started, 3)
    outcome['peak_growth_mb'] = round((_status_kb('VmHWM') - before) / 1024.0, 1)
    return outcome


def main(argv):
    mode, path, names = argv[0], argv[1], argv[2:]
    server = _Server() if mode == 'client' else None
    for name in names:
        body = PAYLOADS[name](path)
        sys.stdout.write(json.dumps(probe(mode, name, body, server)) + '\n')
        sys.stdout.flush()
        del body
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
