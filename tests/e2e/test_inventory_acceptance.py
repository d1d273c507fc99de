# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Acceptance of the atria inventory plugin (#8): 10,000 customers from one FIND, and a cached second run that
sends nothing. Runs the real ansible-inventory against the simulator process of the e2e session.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from tests.e2e.inventory_run import run_inventory, write_config

CUSTOMERS = 10000
SEEDED = 3  # Gsp, DA, OC


def test_ten_thousand_customers_come_from_exactly_one_find(sim, tmp_path):
    sim.hook('seed', {'customers': CUSTOMERS, 'parent': 'Gsp'})
    sim.hook('log/clear')
    run = run_inventory(sim.url, write_config(tmp_path, {}))
    assert run.returncode == 0, run.describe()
    log = sim.log()
    assert [(entry['action'], entry['path']) for entry in log] == [('FIND', 'customer')]
    listing = run.json()
    assert len(listing['_meta']['hostvars']) == CUSTOMERS + SEEDED
    assert len(listing['atria_status_provisioned']['hosts']) == CUSTOMERS + SEEDED
    print('\n10,000 customers: %.1f s, peak RSS %.0f MB' % (run.seconds, run.peak_rss_mb))


def test_second_run_with_cache_sends_no_request(sim, tmp_path):
    sim.hook('seed', {'customers': CUSTOMERS, 'parent': 'Gsp'})
    config = write_config(tmp_path, {'cache': True, 'cache_plugin': 'ansible.builtin.jsonfile',
                                     'cache_connection': str(tmp_path / 'cache'), 'cache_timeout': 3600})
    sim.hook('log/clear')
    first = run_inventory(sim.url, config)
    assert first.returncode == 0, first.describe()
    assert len(sim.log()) == 1

    sim.hook('log/clear')
    second = run_inventory(sim.url, config)
    assert second.returncode == 0, second.describe()
    assert sim.log() == []
    assert second.json() == first.json()
