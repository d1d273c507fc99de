# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Acceptance of atria_service (issue #4): Hosted Exchange for a customer and three users, File Sharing with
its file server, idempotence by the simulator's log, waiting for provisioning, and failures with the request log."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import os
import subprocess

from tests.e2e.harness import ROOT

SERVICE_TASKS = 9   # customer, 3 users, HE customer, HE for 3 users, FSS


def writes(log):
    return [entry for entry in log if entry['action'] in ('SET', 'DELETE')]


def module_results(run):
    """One entry per module execution (loop items count separately), setup tasks excluded."""
    results = []
    for task in run.results('Service:'):
        results.extend(task['result'].get('results') or [task['result']])
    return results


def services(run):
    return [result for result in module_results(run) if 'service' in result]


def loop_results(run, task_name):
    task, = run.results(task_name)
    return task['result']['results']


def plan_limit(plans, name):
    return next(plan['user_limit'] for plan in plans if plan['name'] == name)


def test_second_run_changes_nothing_and_reads_once_per_task(playbook, sim):
    first = playbook('service.yml')
    assert first.returncode == 0, first.output
    assert all(result['changed'] for result in module_results(first))
    # The result is the read-back of the written service (a write is not done until a read shows it), so it shows
    # the code the server stores, whichever name the playbook used ('Ex10 Full' for ben).
    mailboxes = [result['service']['user_plans'] for result in loop_results(first, 'Service: Hosted Exchange for the users')]
    assert mailboxes == [['EX10_BASIC'], ['EX10_FULL'], ['EX10_BASIC']]
    # What the server stores, read from the simulator's state rather than through our own parser.
    state = sim.state()
    customer = next(record for record in state['customers'] if record['name'] == 'E2S')
    exchange = customer['services']['HE']
    assert (exchange['package'], exchange['version']) == ('Default', '2013')
    assert sorted(code for code, plan in exchange['userplans'].items() if plan['enabled']) == ['EX10_BASIC', 'EX10_FULL']
    assert str(exchange['userplans']['EX10_FULL']['userlimit']) == '50'
    assert (customer['services']['FSS']['package'], customer['services']['FSS']['properties']['FileShareServer']) == (
        'Basic', 'CSPFILEHOST01')
    users = dict((record['name'], record['services']['HE']['plans']) for record in state['users']
                 if record['customer_id'] == customer['id'])
    assert users == {'ann_E2S': ['EX10_BASIC'], 'ben_E2S': ['EX10_FULL'], 'cat_E2S': ['EX10_BASIC']}

    sim.hook('log/clear')
    second = playbook('service.yml')
    assert second.returncode == 0, second.output
    results = module_results(second)
    assert len(results) == SERVICE_TASKS
    assert not any(result['changed'] for result in results)
    log = sim.log()
    assert writes(log) == []
    assert len(log) == SERVICE_TASKS, log     # exactly one read per task
    assert collections.Counter(entry['path'] for entry in log) == {
        'customer': 1, 'customer/user': 3, 'customer/service': 2, 'customer/user/service': 3}


def test_check_diff_of_an_edited_playbook_predicts_the_changes_and_writes_nothing(playbook, sim):
    assert playbook('service.yml').returncode == 0
    sim.hook('log/clear')
    edited = {'service_full_limit': 20, 'service_mailboxes': {'ann': 'Ex10 Full', 'ben': 'Ex10 Full', 'cat': 'EX10_BASIC'}}
    run = playbook('service.yml', extra_vars=edited, check=True, diff=True)
    assert run.returncode == 0, run.output
    log = sim.log()
    assert writes(log) == []
    changed = [result for result in services(run) if result['changed']]
    assert len(changed) == 2
    exchange, ann = changed
    before, after = exchange['diff']['before']['user_plans'], exchange['diff']['after']['user_plans']
    assert (plan_limit(before, 'EX10_FULL'), plan_limit(after, 'EX10_FULL')) == (50, 20)
    assert (ann['diff']['before']['user_plans'], ann['diff']['after']['user_plans']) == (['EX10_BASIC'], ['Ex10 Full'])
    # The checks before a write read the customer service once for ann; the unchanged tasks read once each.
    assert len(log) == SERVICE_TASKS + 1


def test_wait_returns_only_once_the_request_is_provisioned(playbook, sim):
    run = playbook('service.yml', extra_vars={'service_wait': True})
    assert run.returncode == 0, run.output
    waited = services(run)
    assert len(waited) == 5
    for result in waited:
        assert result['request']['status'] == 'Provisioned', result
        assert result['service']['status'] == 'Provisioned', result   # re-read after the wait
    polls = [entry for entry in sim.log() if entry['path'] == 'request']
    assert len(polls) >= len(waited)


def test_a_failing_request_fails_the_task_with_its_log_and_a_rerun_provisions_again(playbook, sim):
    sim.hook('config', {'fail_rate': 1.0})
    try:
        failing = playbook('service.yml', extra_vars={'service_wait': True, 'service_mailboxes': {}})
    finally:
        sim.hook('config', {'fail_rate': 0.0})
    assert failing.returncode != 0
    failed, = [task for task in failing.tasks if task['status'] == 'failed']
    assert failed['task'] == 'Service: Hosted Exchange for the customer'
    message = failed['result']['msg']
    request_id, = [entry['request_id'] for entry in sim.log() if entry['action'] == 'SET' and entry['path'] == 'customer/service']
    assert message.startswith('Provisioning request %s (Provision Hosted Exchange for customer E2S) failed.' % request_id)
    assert 'Request log:' in message
    assert "Error Provisioning failed for Customer Service 'E2S/HE': simulated failure (fail_rate=1.0)" in message

    again = playbook('service.yml', extra_vars={'service_wait': True, 'service_mailboxes': {}})
    assert again.returncode == 0, again.output
    exchange = services(again)[0]
    assert exchange['changed'] and exchange['request']['status'] == 'Provisioned'
    assert exchange['service']['status'] == 'Provisioned'


def test_no_playbook_in_the_repository_mentions_userpackage():
    listed = subprocess.run(['git', 'ls-files', '--cached', '--others', '--exclude-standard', '*.yml', '*.yaml'],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    offending = []
    for path in listed:
        full = os.path.join(ROOT, path)
        if os.path.exists(full):
            with open(full, encoding='utf-8', errors='replace') as handle:
                if 'userpackage' in handle.read().lower():
                    offending.append(path)
    assert offending == []
