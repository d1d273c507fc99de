# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The simulator's own throughput: 8 client processes sending CortexAPI requests as fast as it answers them.

What it tells: how much load the test bed takes before it, not the collection, is what a benchmark measures
(playbook scenarios stay far below it). Each client is a process of its own with one keep-alive connection, so
the client side is not limited by one interpreter lock; every request is a full API call (authentication, XML
parse, store lock, answer). Reads are GETs of one customer; writes are SETs that change a customer's contact
each time (a provisioning request and a state-file save each).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import multiprocessing
import statistics
import time

import requests

ADMIN = ('admin_Gsp', 'Adm1n!Gsp')
READ = (b'<?xml version="1.0" encoding="utf-8"?><request version="1.0" action="GET">'
        b'<customer><name>DA</name></customer></request>')
WRITE = ('<?xml version="1.0" encoding="utf-8"?><request version="1.0" action="SET">'
         '<customer><name>OC</name><contactname>Load %d-%d</contactname></customer></request>')


def _client(job):
    """One client: send requests until the deadline; (answers, failures, seconds spent waiting for answers)."""
    url, kind, seconds, number = job
    session = requests.Session()
    session.auth = ADMIN
    session.headers['Content-Type'] = 'text/xml; charset=utf-8'
    answers = failures = 0
    waited = 0.0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = READ if kind == 'read' else (WRITE % (number, answers)).encode('ascii')
        started = time.monotonic()
        try:
            ok = session.post(url, data=body, timeout=30).status_code == 200
        except requests.RequestException:
            ok = False
        waited += time.monotonic() - started
        answers += ok
        failures += not ok
    session.close()
    return answers, failures, waited


def measure(url, kind, clients=8, seconds=3.0):
    """One run: (requests per second, mean latency in ms, failures) with ``clients`` concurrent clients."""
    with multiprocessing.get_context('fork').Pool(clients) as pool:
        started = time.monotonic()
        outcomes = pool.map(_client, [(url, kind, seconds, number) for number in range(clients)])
        elapsed = time.monotonic() - started
    answers = sum(outcome[0] for outcome in outcomes)
    failures = sum(outcome[1] for outcome in outcomes)
    waited = sum(outcome[2] for outcome in outcomes)
    return answers / elapsed, 1000.0 * waited / max(1, answers + failures), failures


def simulator_throughput(sim, runs, clients=8, seconds=3.0):
    """Medians over ``runs`` of reads/s and writes/s with ``clients`` concurrent clients."""
    result = {}
    for kind in ('read', 'write'):
        samples = []
        for _run in range(runs):
            sim.reset()
            samples.append(measure(sim.url, kind, clients, seconds))
        result['%s (GET customer)' % kind if kind == 'read' else '%s (SET customer)' % kind] = {
            'requests/s': round(statistics.median(sample[0] for sample in samples), 1),
            'mean latency ms': round(statistics.median(sample[1] for sample in samples), 1),
            'failures': sum(sample[2] for sample in samples),
            'clients': clients,
            'runs': runs,
        }
    sim.reset()
    return result
