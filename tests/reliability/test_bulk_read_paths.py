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

import pytest

from tests.reliability.inprocess import connection, run_module
from tests.reliability.module_cases import CUSTOMER

TEAM = 20
# (action, path) -> count per phase. The fallback's GET of the empty <user/> is refused (error 16) and costs one
# request, the FIND lists the names, one GET names them all (a batch holds up to the finder's batch size).
EXPECTED = {
    'direct': {
        'create': {('GET', 'customer/user'): 2, ('SET', 'customer/user'): 1},
        'update': {('GET', 'customer/user'): 1, ('SET', 'customer/user'): 1},
        'no-op': {('GET', 'customer/user'): 1},
    },
    'fallback': {
        'create': {('GET', 'customer/user'): 3, ('FIND', 'customer/user'): 2, ('SET', 'customer/user'): 1},
        'update': {('GET', 'customer/user'): 2, ('FIND', 'customer/user'): 1, ('SET', 'customer/user'): 1},
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
