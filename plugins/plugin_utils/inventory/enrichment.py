# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Optional host details that FIND summaries lack: each customer's users and services.

They cost one FIND per customer and kind (the documented ``<customer><name/><user/></customer>`` and
``<service/>`` forms), sent by at most ``max_workers`` threads at once, each with a CortexClient (and so a
requests session) of its own. The first error stops the work and is raised as it is.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import threading
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.finder import find_customer_services
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.finder import find_users

# The fields of a service summary in a FIND answer (CustomerServicesFindAll.xml).
SERVICE_SUMMARY = Resource(
    noun='service',
    result_key='service',
    fields=(f.Field('name', 'name'), f.Field('fullname', 'fullname'), f.Field('location', 'location')),
    facts=(f.Field('status', 'status'), f.BooleanField('approval_pending', 'approvalpending')),
)

# enrichment kind -> the host variable it fills
HOST_VARIABLES = {'users': 'atria_users', 'services': 'atria_services'}


def _users(client, code):
    try:
        _customer, users = find_users(client, CustomerRef(code), [])
    except NotFoundError:
        return []  # the customer was deleted after the FIND
    return [USER.values(user) for user in users]


def _services(client, code):
    return [SERVICE_SUMMARY.values(service) for service in find_customer_services(client, code)]


_READERS = {'users': _users, 'services': _services}


class Enricher:
    """enrich(records, kinds): adds atria_users / atria_services to each record (a dict with at least 'code')."""

    def __init__(self, new_client, max_workers):
        self.new_client = new_client
        self.max_workers = max_workers
        self.requests = 0
        self._local = threading.local()
        self._clients = []
        self._lock = threading.Lock()

    def _client(self):
        client = getattr(self._local, 'client', None)
        if client is None:
            client = self._local.client = self.new_client()
            with self._lock:
                self._clients.append(client)
        return client

    def _one(self, job):
        record, kind = job
        client = self._client()
        before = client.round_trips
        record[HOST_VARIABLES[kind]] = _READERS[kind](client, record['code'])
        with self._lock:
            self.requests += client.round_trips - before

    def enrich(self, records, kinds):
        jobs = [(record, kind) for record in records for kind in kinds]
        if not jobs:
            return
        pool = ThreadPoolExecutor(max_workers=min(self.max_workers, len(jobs)), thread_name_prefix='atria-enrich')
        try:
            for future in [pool.submit(self._one, job) for job in jobs]:
                future.result()  # the first failure propagates; the rest are cancelled below
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            for client in self._clients:
                client.close()
