# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Issue 13 through ansible-playbook: a write the server ignored fails the task naming the field; what CPSM 10 lacks
fails before any write; the request counts of a no-op, a one-field update and a creation (the simulator's log)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


def actions(sim, path_prefix='customer/user'):
    return [entry['action'] for entry in sim.log() if entry['path'] == path_prefix]


def all_actions(sim):
    return [entry['action'] for entry in sim.log()]


def test_a_last_name_the_server_does_not_read_fails_naming_option_tag_and_values(playbook, sim):
    """Failed before: changed=1 on every run, never an error (issue 13, second example)."""
    assert playbook('verified_writes.yml', extra_vars={'vw_last_name': 'Tester'}).returncode == 0
    sim.hook('config', {'ignore_tags': ['lastname']})
    run = playbook('verified_writes.yml', extra_vars={'vw_last_name': 'Renamed'})
    assert run.returncode != 0
    task, = run.results('Verified: user')
    message = task['result']['msg']
    assert "did not apply `last_name` (tag <lastname>): sent 'Renamed', it holds 'Tester'" in message
    assert 'may not support the tag' in message and '(request 456' in message
    assert task['result']['error']['unapplied'] == [dict(option='last_name', tag='<lastname>', sent='Renamed', held='Tester')]


def test_request_counts_of_a_creation_a_one_field_update_and_a_no_op(playbook, sim):
    playbook('verified_writes.yml', extra_vars={'vw_last_name': 'Tester'})       # customer, keeper
    sim.hook('config', {'provisioning_delay': 0.0})
    sim.hook('log/clear')
    assert playbook('verified_writes.yml', extra_vars={'vw_last_name': 'Tester'}).returncode == 0
    noop = all_actions(sim)
    assert noop == ['GET', 'GET', 'GET'], noop                 # three tasks, one read each
    sim.hook('log/clear')
    assert playbook('verified_writes.yml', extra_vars={'vw_last_name': 'Changed'}).returncode == 0
    assert all_actions(sim)[2:] == ['GET', 'SET', 'GET']       # read, write, verifying read


def test_a_distribution_group_on_cpsm10_fails_before_any_write(playbook, sim):
    """Failed before: changed=true, distribution_group: {} on every run, nothing on the server (issue 13, first example)."""
    sim.hook('config', {'release': 'cpsm10'})
    sim.hook('log/clear')
    run = playbook('verified_writes.yml', extra_vars={'vw_last_name': 'Tester', 'vw_group': True})
    assert run.returncode != 0
    task, = run.results('Verified: distribution group')
    assert 'needs CPSM 11 or Atria 12' in task['result']['msg'] and 'the server reports 10.0.0.0' in task['result']['msg']
    group_writes = [entry for entry in sim.log() if entry['action'] in ('SET', 'DELETE') and 'distributiongroups' in entry['path']]
    assert group_writes == []
