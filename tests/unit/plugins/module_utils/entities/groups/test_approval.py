# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Workflow groups and the Workflow Managers provider through the engine: the documented GET, one
<configuration>, deletion by SET, the checks before a write."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.release import Release
from ansible_collections.atria.cortex.plugins.module_utils.engine import reconciler
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.approval import APPROVAL_GROUP, APPROVAL_MANAGERS
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import (
    ApprovalGroupLocator, ApprovalProviderLocator, ProviderNotEnabled, require_existing)

from fakes import ProvidersClient, last_set
from fakes import run_engine as run


@pytest.fixture(autouse=True)
def current_release_without_read_back(monkeypatch):
    """These fakes record requests without applying them: the release gate and the read-back after a write are
    tested elsewhere (test_verification.py, test_release.py, tests/reliability/test_dropped_tags.py)."""
    monkeypatch.setattr(reconciler, 'verify_run', lambda run, written: None)
    monkeypatch.setattr(reconciler, 'release_of', lambda client: Release('11.0.0.0'))


def group_params(**overrides):
    params = dict(customer='DA', name='approvers', description=None, members_to_approve=None, timeout_days=None,
                  reminder_days=None, members=None, members_mode='exact', subscriptions=None, wait=False, wait_timeout=5)
    params.update(overrides)
    return params


def test_workflow_group_read_is_the_documented_get_and_picks_the_group_by_name():
    client = ProvidersClient()
    result = run(APPROVAL_GROUP, ApprovalGroupLocator('DA', 'approvers'), client, group_params(timeout_days=5))
    assert not result['changed']
    assert client.calls == [('GET', '<customer><name>DA</name><approvalproviders/></customer>')]
    assert result['approval_group']['name'] == 'Approvers' and result['approval_group']['members'] == ['yvonne_DA']


def test_configuration_values_travel_in_one_configuration_element():
    client = ProvidersClient()
    result = run(APPROVAL_GROUP, ApprovalGroupLocator('DA', 'Approvers'), client,
                 group_params(timeout_days=7, reminder_days=3, members_to_approve=1))
    assert result['changed']
    sent = last_set(client)
    # The key is spelt as the server has it; only the differing values are sent, in one <configuration>.
    assert sent[1] == ('<customer><name>DA</name><approvalproviders><approvalprovider><name>Workflow Groups</name><groups>'
                       '<group><name>Approvers</name><configuration><timeoutdays>7</timeoutdays><reminderdays>3</reminderdays>'
                       '</configuration></group></groups></approvalprovider></approvalproviders></customer>')


def test_workflow_group_is_deleted_with_the_documented_action():
    client = ProvidersClient()
    result = run(APPROVAL_GROUP, ApprovalGroupLocator('DA', 'Approvers'), client, group_params(), state='absent')
    assert result['changed'] and result['approval_group'] == {}
    assert last_set(client)[1].endswith('<group><name>Approvers</name><action>delete</action></group></groups>'
                                        '</approvalprovider></approvalproviders></customer>')
    missing = ProvidersClient()
    assert not run(APPROVAL_GROUP, ApprovalGroupLocator('DA', 'Nope'), missing, group_params(), state='absent')['changed']
    assert [call[0] for call in missing.calls] == ['GET']


def test_before_write_runs_in_check_mode_and_only_when_something_changes():
    seen = []
    client = ProvidersClient()
    run(APPROVAL_GROUP, ApprovalGroupLocator('DA', 'Approvers'), client, group_params(timeout_days=9), check_mode=True,
        before_write=seen.append)
    run(APPROVAL_GROUP, ApprovalGroupLocator('DA', 'Approvers'), client, group_params(timeout_days=5),
        before_write=seen.append)
    assert len(seen) == 1 and seen[0].sent('timeout_days') == 9
    assert [call[0] for call in client.calls] == ['GET', 'GET']


def test_managers_provider_is_configured_never_created():
    client = ProvidersClient('<approvalproviders />')
    locator = ApprovalProviderLocator('DA')
    with pytest.raises(ProviderNotEnabled) as failure:
        run(APPROVAL_MANAGERS, locator, client, dict(managers=2), before_write=require_existing(locator))
    assert "'Workflow Managers' approval provider is not enabled for customer 'DA'" in str(failure.value)
    assert [call[0] for call in client.calls] == ['GET']


def test_managers_subscriptions_compare_only_the_events_given():
    client = ProvidersClient()
    locator = ApprovalProviderLocator('DA')
    same = run(APPROVAL_MANAGERS, locator, client, dict(subscriptions={'users': {'provision': 'none'}}))
    assert not same['changed']
    changed = run(APPROVAL_MANAGERS, locator, client, dict(managers=2, subscriptions={
        'users': {'provision': 'Object', 'deprovision': None},
        'services': [{'label': 'all', 'provision': 'None', 'deprovision': 'Object'}]}))
    assert changed['diff'] == {
        'before': {'managers': 1, 'subscriptions': {'users': {'provision': 'None'},
                                                    'services': [{'label': 'all', 'provision': 'None', 'deprovision': 'None'}]}},
        'after': {'managers': 2, 'subscriptions': {'users': {'provision': 'Object'},
                                                   'services': [{'label': 'all', 'provision': 'None', 'deprovision': 'Object'}]}}}
    assert last_set(client)[1] == (
        '<customer><name>DA</name><approvalproviders><approvalprovider><name>Workflow Managers</name>'
        '<configuration><managers>2</managers></configuration><subscriptions>'
        '<users><subscription><name>Provision</name><access>Object</access></subscription></users>'
        '<services><service><label>all</label><subscription><name>Deprovision</name><access>Object</access></subscription>'
        '</service></services></subscriptions></approvalprovider></approvalproviders></customer>')
