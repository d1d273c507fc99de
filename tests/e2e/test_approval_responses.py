# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Issue 15, workflow approval answered from Ansible: users need one approver's consent (DA's workflow group
"Service Approvers", member admin_DA, subscribed to user provisioning)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

import pytest

PLAY = 'approval_responses.yml'


@pytest.fixture
def approvals(sim, playbook):
    setup = playbook(PLAY, extra_vars={'approval_step': 'setup'})
    assert setup.returncode == 0, setup.output

    def step(name, **extra_vars):
        extra_vars['approval_step'] = name
        started = time.monotonic()
        run = playbook(PLAY, extra_vars=extra_vars)
        run.seconds = time.monotonic() - started
        return run

    return step


def newbie(sim):
    users = [user for user in sim.state()['users'] if user['name'] == 'newbie_DA']
    return users[0] if users else None


def only(run, name):
    """The result of the task called ``name`` (the play has one task per step; the others are skipped)."""
    (result,) = [task['result'] for task in run.tasks if task['task'] == name and not task['result'].get('skipped')]
    return result


def writes(sim, since):
    return [entry for entry in sim.log()[since:] if entry.get('action') in ('SET', 'DELETE')]


def test_a_held_user_returns_at_once_naming_the_approver_and_is_provisioned_once_accepted(sim, approvals):
    created = approvals('create')
    assert created.returncode == 0, created.output
    result = only(created, 'Approval: create the user')
    (task,) = [task for task in created.tasks if task['task'] == 'Approval: create the user' and not task['result'].get('skipped')]
    print('held create: task %.2f s, ansible-playbook run %.2f s' % (task['elapsed'], created.seconds))
    assert task['elapsed'] < 5, task['elapsed']      # wait: true, wait_timeout: 30 - the task does not sit it out
    assert result['changed'] is True and result['approval_pending'] is True and not result.get('failed')
    assert result['approval']['description'] == 'Provision User - newbie'
    (subscription,) = result['approval']['subscriptions']
    assert subscription['approver'] == 'admin_DA' and subscription['status'] == 'Pending'
    assert any('admin_DA' in warning and 'waits for workflow approval' in warning for warning in result['warnings'])
    assert newbie(sim)['status'] == 'NotProvisioned' and newbie(sim)['approvalpending'] is True

    listed = only(approvals('list'), 'Approval: list pending')
    assert [item['subscriptions'][0]['id'] for item in listed['requests'] if 'newbie' in item['description']] == [subscription['id']]

    accepted = approvals('answer', approval_answer='accepted')
    assert accepted.returncode == 0, accepted.output
    answer = only(accepted, 'Approval: answer by description')
    assert answer['changed'] is True and answer['subscription']['status'] == 'Accepted'
    deadline = time.monotonic() + 10
    while newbie(sim)['status'] != 'Provisioned' and time.monotonic() < deadline:
        time.sleep(0.2)
    assert newbie(sim)['status'] == 'Provisioned' and not newbie(sim)['approvalpending']

    mark = len(sim.log())
    again = approvals('answer', approval_id=subscription['id'], approval_answer='accepted')
    assert again.returncode == 0, again.output
    assert only(again, 'Approval: answer by id')['changed'] is False
    assert writes(sim, mark) == []

    refused = approvals('answer', approval_id=subscription['id'], approval_answer='declined')
    assert refused.returncode != 0
    assert 'already Accepted' in only(refused, 'Approval: answer by id')['msg']
    assert writes(sim, mark) == []


def test_a_decline_leaves_the_user_not_provisioned(sim, approvals):
    created = approvals('create')
    assert only(created, 'Approval: create the user')['approval_pending'] is True
    declined = approvals('answer', approval_answer='declined')
    assert declined.returncode == 0, declined.output
    assert only(declined, 'Approval: answer by description')['subscription']['status'] == 'Declined'
    assert newbie(sim)['status'] == 'NotProvisioned' and not newbie(sim)['approvalpending']


def test_waiting_for_the_approval_fails_with_the_decline_reason(sim, approvals, playbook):
    import threading

    outcome = {}
    waiting = threading.Thread(target=lambda: outcome.update(run=approvals('create', approval_wait=True)))
    waiting.start()
    deadline = time.monotonic() + 20
    while (newbie(sim) is None or not newbie(sim)['approvalpending']) and time.monotonic() < deadline:
        time.sleep(0.2)
    declined = approvals('answer', approval_answer='declined')
    assert declined.returncode == 0, declined.output
    waiting.join(60)
    run = outcome['run']
    assert run.returncode != 0
    result = only(run, 'Approval: create the user')
    assert 'declined' in result['msg'] and 'from the e2e test' in result['msg'] and 'admin_DA' in result['msg']
    assert newbie(sim)['status'] == 'NotProvisioned'


def test_the_approve_playbook_lists_then_accepts_by_id(sim, approvals, playbook):
    import os

    from tests.e2e.harness import ROOT

    approve = os.path.join(ROOT, 'playbooks', 'approve.yml')
    held = only(approvals('create'), 'Approval: create the user')
    subscription_id = held['approval']['subscriptions'][0]['id']
    listed = playbook(approve, extra_vars={'approve_customer': 'DA'})
    assert listed.returncode == 0, listed.output
    assert subscription_id in listed.output and 'Provision User - newbie' in listed.output
    accepted = playbook(approve, extra_vars={'approve_id': subscription_id})
    assert accepted.returncode == 0, accepted.output
    assert only(accepted, 'Answer one subscription')['subscription']['status'] == 'Accepted'
    deadline = time.monotonic() + 10
    while newbie(sim)['status'] != 'Provisioned' and time.monotonic() < deadline:
        time.sleep(0.2)
    assert newbie(sim)['status'] == 'Provisioned'


def test_waiting_for_the_approval_ends_provisioned_once_accepted(sim, approvals):
    import threading

    outcome = {}
    waiting = threading.Thread(target=lambda: outcome.update(run=approvals('create', approval_wait=True)))
    waiting.start()
    deadline = time.monotonic() + 20
    while (newbie(sim) is None or not newbie(sim)['approvalpending']) and time.monotonic() < deadline:
        time.sleep(0.2)
    accepted = approvals('answer', approval_answer='accepted')
    assert accepted.returncode == 0, accepted.output
    waiting.join(60)
    run = outcome['run']
    assert run.returncode == 0, run.output
    result = only(run, 'Approval: create the user')
    assert result['changed'] is True and not result.get('approval_pending')
    assert result['user']['status'] == 'Provisioned'
    assert newbie(sim)['status'] == 'Provisioned'


def test_users_held_in_one_bulk_task_each_name_their_own_request(sim, approvals):
    result = only(approvals('bulk'), 'Approval: create two users in one task')
    assert result['changed'] is True and result['approval_pending'] is True
    assert [request['description'] for request in result['approval_requests']] == ['Provision User - bulka', 'Provision User - bulkb']
    for name, request in zip(('bulka_DA', 'bulkb_DA'), result['approval_requests']):
        assert any(name in warning and request['subscriptions'][0]['id'] in warning for warning in result['warnings'])
