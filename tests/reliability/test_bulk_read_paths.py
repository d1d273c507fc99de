# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The two ways the bulk form of atria_user reads a customer's users, each through create, update and no-op.

The direct path is one GET of an empty ``<user/>``: the simulator answers every user, as it does for
``<distributiongroups/>``, but the guide lists users only with FIND. A server that refuses it (the simulator's
``refuse_user_list_get``: error 16, UserNotFound) is asked the documented way: a FIND of the users, then GETs that
name them in batches. Both paths must give the same result in the server's state; the request counts of each are
asserted exactly, from the simulator's log, so that a change in the cost of either path shows up here.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import os

import pytest

from tests.e2e.harness import ROOT
from tests.reliability.inprocess import connection, run_module
from tests.reliability.module_cases import CUSTOMER

TEAM = 20
# (action, path) -> count per phase. Create and update read once before the SET and once after it (a write is not
# done until a read shows it); the no-op reads once. In the fallback each of those reads is the GET of the empty
# <user/> (refused: error 16), the FIND of the names, and one GET naming them all (20 fit in one batch; before a
# creation there is nobody to name, so no GET).
EXPECTED = {
    'direct': {
        'create': {('GET', 'customer/user'): 2, ('SET', 'customer/user'): 1},
        'update': {('GET', 'customer/user'): 2, ('SET', 'customer/user'): 1},
        'no-op': {('GET', 'customer/user'): 1},
    },
    'fallback': {
        'create': {('GET', 'customer/user'): 3, ('FIND', 'customer/user'): 2, ('SET', 'customer/user'): 1},
        'update': {('GET', 'customer/user'): 4, ('FIND', 'customer/user'): 2, ('SET', 'customer/user'): 1},
        'no-op': {('GET', 'customer/user'): 2, ('FIND', 'customer/user'): 1},
    },
}


def team(department):
    return [dict(name='member%02d' % number, first_name='Member', department=department) for number in range(TEAM)]


def run_phase(sim, users):
    sim.hook('log/clear')
    result = run_module('atria_user', dict(connection(sim.url), customer='REL', users=users))
    assert not result.get('failed'), result.get('msg')
    log = sim.log()
    return result, log, dict(collections.Counter((entry['action'], entry['path']) for entry in log))


def departments(sim):
    customer = next(record for record in sim.state()['customers'] if record['name'] == 'REL')
    return dict((record['name'], record['department']) for record in sim.state()['users']
                if record['customer_id'] == customer['id'])


@pytest.mark.parametrize('path', ['direct', 'fallback'])
def test_bulk_create_update_and_noop_on_both_read_paths(sim, path):
    result = run_module('atria_customer', dict(connection(sim.url), **CUSTOMER))
    assert not result.get('failed'), result.get('msg')
    sim.hook('config', {'refuse_user_list_get': path == 'fallback'})
    counts = {}

    created, log, counts['create'] = run_phase(sim, team('Sales'))
    assert created['changed']
    refused = [entry for entry in log if entry['action'] == 'GET' and entry['error_id'] == 16]
    assert bool(refused) is (path == 'fallback'), log
    assert departments(sim) == dict(('member%02d_REL' % number, 'Sales') for number in range(TEAM))

    updated, _log, counts['update'] = run_phase(sim, team('Support'))
    assert updated['changed'] and [user['action'] for user in updated['users']] == ['update'] * TEAM
    assert departments(sim) == dict(('member%02d_REL' % number, 'Support') for number in range(TEAM))

    again, _log, counts['no-op'] = run_phase(sim, team('Support'))
    assert not again['changed']
    print('\nbulk read path %s, requests per phase: %s' % (path, counts))
    assert counts == EXPECTED[path]


def readme_claim():
    """How the README states EXPECTED: requests of create, update and no-op on each path."""
    totals = dict((path, [sum(EXPECTED[path][phase].values()) for phase in ('create', 'update', 'no-op')]) for path in EXPECTED)
    return 'create, update and no-op cost %d, %d and %d requests; through the fallback %d, %d and %d' % tuple(
        totals['direct'] + totals['fallback'])


def test_the_readme_quotes_these_request_counts():
    with open(os.path.join(ROOT, 'README.md'), encoding='utf-8') as handle:
        readme = ' '.join(handle.read().split())
    assert readme_claim() in readme, 'README.md must say: %s' % readme_claim()
