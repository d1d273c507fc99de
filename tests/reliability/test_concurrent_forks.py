# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Eight ansible-playbook forks creating users in one customer at the same time: none lost, none duplicated,
and a second run changes nothing. "At the same time" is proven from the simulator's log: every entry has the time
the request arrived (start) and the time its answer was ready (end), and requests of different forks overlap."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HOSTS = ['fork%d' % number for number in range(1, 9)]
EXPECTED_USERS = sorted(['%su%d_FORK' % (host, item) for host in HOSTS for item in range(1, 6)] + ['shared_FORK'])
EIGHT_FORKS = {'ANSIBLE_INVENTORY': os.path.join(HERE, 'inventory', 'forks.yml'), 'ANSIBLE_FORKS': '8',
               'ANSIBLE_PIPELINING': '1'}


def users_of(state, code):
    customer = [rec for rec in state['customers'] if rec['name'] == code]
    assert len(customer) == 1, 'expected one customer %s, found %d' % (code, len(customer))
    return [rec['name'] for rec in state['users'] if rec['customer_id'] == customer[0]['id']]


def peak_in_flight(entries):
    """The largest number of requests the server held at once: +1 at each start, -1 at each end."""
    events = sorted([(entry['start'], 1) for entry in entries] + [(entry['end'], -1) for entry in entries],
                    key=lambda event: (event[0], event[1]))
    peak = current = 0
    for _time, step in events:
        current += step
        peak = max(peak, current)
    return peak


def test_eight_forks_lose_nothing_and_duplicate_nothing(playbook, sim):
    first = playbook('forks.yml', env=EIGHT_FORKS)
    assert first.returncode == 0, first.output[-4000:]
    names = users_of(sim.state(), 'FORK')
    duplicates = [name for name, count in collections.Counter(name.lower() for name in names).items() if count > 1]
    assert not duplicates, duplicates
    assert sorted(names) == EXPECTED_USERS
    log = sim.log()
    # One client at a time never has two requests open: the answer comes before the next request goes out.
    assert peak_in_flight(log) >= 2, 'no two requests overlapped: the forks did not run concurrently'
    writes = [entry for entry in log if entry['action'] in ('SET', 'DELETE')]
    assert peak_in_flight(writes) >= 2, 'no two writes overlapped: the forks never wrote at the same time'
    print('\nat most %d requests and %d writes in flight at once' % (peak_in_flight(log), peak_in_flight(writes)))

    sim.hook('log/clear')
    second = playbook('forks.yml', env=EIGHT_FORKS)
    assert second.returncode == 0, second.output[-4000:]
    results = [item for task in second.results('Forks:') for item in task['result'].get('results') or [task['result']]]
    assert len(results) == 8 * 3 and not any(result['changed'] for result in results)
    assert [entry for entry in sim.log() if entry['action'] in ('SET', 'DELETE')] == []
    assert sorted(users_of(sim.state(), 'FORK')) == EXPECTED_USERS
