# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Answering approval subscriptions: found by id or by what a playbook knows; idempotent; final answers stay."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.release import ReleaseTooOld

from ansible_collections.atria.cortex.plugins.module_utils.entities.approval import responses

from approval_fakes import GUIDE_IDS, ApprovalsClient, guide_request, subscription


def params(**given):
    base = dict(id=None, customer=None, description='', approver=None, status='accepted', reason='Go ahead')
    base.update(given)
    return base


def test_accepting_by_id_sends_the_guides_set_and_reads_it_back():
    client = ApprovalsClient(guide_request())
    result = responses.respond(client, params(id=GUIDE_IDS[1]), check_mode=False)
    assert result['changed'] is True and result['request_id'] == 77
    assert result['subscription']['status'] == 'Accepted'
    assert result['diff'] == {'before': {'status': 'Pending', 'reason': ''}, 'after': {'status': 'Accepted', 'reason': 'Go ahead'}}
    (write,) = client.writes()
    assert ('<customer><name>CSP</name><approvalresponses><approvalresponse><subscription><id>%s</id>'
            '<status>Accepted</status><reason>Go ahead</reason></subscription></approvalresponse></approvalresponses>'
            '</customer>' % GUIDE_IDS[1]) == write[1]


def test_answering_the_same_way_again_changes_nothing_and_only_reads():
    client = ApprovalsClient(guide_request(status='Accepted', subscriptions=[subscription(GUIDE_IDS[1], 'Mickey_CSP', 'Accepted')]))
    result = responses.respond(client, params(id=GUIDE_IDS[1]), check_mode=False)
    assert result['changed'] is False and client.writes() == []


def test_answering_a_resolved_subscription_differently_is_refused_before_any_write():
    client = ApprovalsClient(guide_request(status='Accepted', subscriptions=[subscription(GUIDE_IDS[1], 'Mickey_CSP', 'Accepted', 'ok')]))
    with pytest.raises(responses.AlreadyAnswered) as raised:
        responses.respond(client, params(id=GUIDE_IDS[1], status='declined'), check_mode=False)
    assert 'already Accepted' in str(raised.value) and 'Mickey_CSP' in str(raised.value)
    assert client.writes() == []


def test_check_mode_predicts_and_sends_nothing():
    client = ApprovalsClient(guide_request())
    result = responses.respond(client, params(id=GUIDE_IDS[0], status='declined'), check_mode=True)
    assert result['changed'] is True and result['subscription']['status'] == 'Declined'
    assert client.writes() == []


def test_by_customer_description_and_approver_without_suffix():
    client = ApprovalsClient(guide_request(), guide_request(description='Provision User - Goofy', subscriptions=[
        subscription('c0ffee00-0000-4000-8000-000000000000', 'Mickey_CSP')]))
    result = responses.respond(client, params(customer='CSP', description='minnie', approver='Mickey'), check_mode=False)
    assert result['subscription']['id'] == GUIDE_IDS[1]
    assert '<id>%s</id>' % GUIDE_IDS[1] in client.writes()[0][1]


def test_several_approvers_need_the_approver_named():
    client = ApprovalsClient(guide_request())
    with pytest.raises(responses.SubscriptionNotFound) as raised:
        responses.respond(client, params(customer='CSP', description='Minnie'), check_mode=False)
    assert 'Several subscriptions' in str(raised.value) and GUIDE_IDS[0] in str(raised.value)
    assert client.writes() == []


def test_an_unknown_id_is_named():
    client = ApprovalsClient(guide_request())
    with pytest.raises(responses.SubscriptionNotFound) as raised:
        responses.respond(client, params(id='00000000-0000-4000-8000-000000000000'), check_mode=False)
    assert '00000000-0000-4000-8000-000000000000' in str(raised.value)


def test_an_answer_the_server_ignores_fails_naming_the_subscription():
    client = ApprovalsClient(guide_request(), apply_answers=False)
    with pytest.raises(responses.AnswerNotApplied) as raised:
        responses.respond(client, params(id=GUIDE_IDS[1]), check_mode=False)
    assert GUIDE_IDS[1] in str(raised.value)


def test_requests_of_a_user_completes_the_stored_name_and_all_adds_resolved():
    client = ApprovalsClient(guide_request(), guide_request(description='Deprovision User - Old', status='Declined'))
    found = responses.requests_of(client, dict(id=None, customer='CSP', user='Mickey', all=False))
    assert [request['description'] for request in found] == ['Provision User - Minnie Mouse']
    assert [item['approver'] for item in found[0]['subscriptions']] == ['Mickey_CSP']
    assert '<user><name>Mickey_CSP</name><approvalresponses/></user>' in client.calls[-1][1]
    everything = responses.requests_of(client, dict(id=None, customer='CSP', user=None, all=True))
    assert len(everything) == 2 and 'filter="all"' in client.calls[-1][1]


def test_cpsm10_has_no_workflow_approval_and_nothing_is_sent():
    client = ApprovalsClient(guide_request(), api_version='10.0.0.0')
    with pytest.raises(ReleaseTooOld):
        responses.respond(client, params(id=GUIDE_IDS[1]), check_mode=False)
    assert client.writes() == []
