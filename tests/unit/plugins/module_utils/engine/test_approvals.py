# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A write held for workflow approval: reported at once with who must approve, or waited for (wait_for_approval)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from lxml.builder import E

from ansible_collections.atria.cortex.plugins.module_utils.engine import approvals
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef

from approval_fakes import GUIDE_IDS, ApprovalsClient, guide_request, subscription


def user(pending=True, status='NotProvisioned'):
    return E.user(E.name('Minnie_CSP'), E.fullname('Minnie Mouse'), E.status(status), E.approvalpending(str(pending)))


class Held:
    """An engine whose write the server holds; read_back() shows ``after`` once the approvers answered."""

    def __init__(self, client, current, after=None):
        self.client = client
        self.current = current
        self.after = after
        self.warnings = ['user held for workflow approval: the change takes effect when an approver accepts it.']
        self.context = type('Context', (), {'customer': CustomerRef('CSP')})()
        self.planned = type('Plan', (), {'action': 'create'})()

    def describe(self):
        return "user 'Minnie_CSP' of customer 'CSP'"


class Run:
    def __init__(self, engine, **params):
        self.params = dict(dict(wait_for_approval=False, wait_timeout=5), **params)
        self.store = self
        self.engine = engine
        self.task = type('Task', (), {'progress': lambda self, line: None})()

    def read_back(self, engines):
        request = self.engine.client.requests[0]
        if request['status'] != 'Pending':
            for engine in engines:
                engine.current = engine.after


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch):
    monkeypatch.setattr(approvals.time, 'sleep', lambda seconds: None)


def test_the_guides_answer_reads_into_one_shape():
    client = ApprovalsClient(guide_request())
    (request,) = approvals.list_requests(client, 'CSP')
    assert request['description'] == 'Provision User - Minnie Mouse' and request['status'] == 'Pending'
    assert request['customer']['name'] == 'CSP' and request['requested_by']['name'] == 'Steve_CSP'
    assert [(item['id'], item['approver'], item['status']) for item in request['subscriptions']] == [
        (GUIDE_IDS[0], 'Donald_CSP', 'Pending'), (GUIDE_IDS[1], 'Mickey_CSP', 'Pending')]
    assert approvals.read_request(client, GUIDE_IDS[1])['description'] == request['description']


def test_a_held_write_returns_at_once_naming_the_approvers():
    client = ApprovalsClient(guide_request(description='Provision User - Goofy'), guide_request())
    engine = Held(client, user())
    run = Run(engine)
    holds = approvals.settle(run, [engine])
    assert [hold.request['description'] for hold in holds] == ['Provision User - Minnie Mouse']
    (warning,) = engine.warnings
    assert 'Donald_CSP, Mickey_CSP' in warning and GUIDE_IDS[1] in warning and 'atria_approval_response' in warning
    result = approvals.result_of(holds)
    assert result['approval_pending'] is True and result['approval']['subscriptions'][1]['id'] == GUIDE_IDS[1]
    assert client.writes() == [] and len(client.calls) == 1


def test_nothing_held_costs_no_request():
    client = ApprovalsClient(guide_request())
    engine = Held(client, user(pending=False, status='Provisioned'))
    assert approvals.settle(Run(engine), [engine]) == [] and client.calls == []
    assert approvals.result_of([]) == {}


def test_waiting_for_approval_fails_with_the_decline_reason():
    request = guide_request()
    client = ApprovalsClient(request)
    engine = Held(client, user())
    run = Run(engine, wait_for_approval=True)
    hold = approvals.holds_of(run, [engine])[0]
    request['subscriptions'][1].update(status='Declined', reason='Not before her contract is signed')
    request['status'] = 'Declined'
    with pytest.raises(approvals.ApprovalDeclined) as raised:
        approvals.wait_for_answer(run, hold, 5)
    assert 'Not before her contract is signed' in str(raised.value) and 'Mickey_CSP' in str(raised.value)


def test_waiting_for_approval_ends_when_accepted_and_provisioned():
    request = guide_request(subscriptions=[subscription(GUIDE_IDS[1], 'Mickey_CSP')])
    client = ApprovalsClient(request)
    engine = Held(client, user(), after=user(pending=False, status='Provisioned'))
    run = Run(engine, wait_for_approval=True)
    holds = approvals.holds_of(run, [engine])
    request.update(status='Accepted')
    approvals.wait_for_answer(run, holds[0], 5)
    assert engine.current.findtext('status') == 'Provisioned'


def test_waiting_for_approval_times_out_naming_the_approvers():
    client = ApprovalsClient(guide_request())
    engine = Held(client, user())
    clock = iter(range(0, 1000, 2))
    run = Run(engine, wait_for_approval=True)
    hold = approvals.holds_of(run, [engine])[0]
    with pytest.raises(approvals.WaitTimeout) as raised:
        approvals.wait_for_answer(run, hold, 5, clock=lambda: next(clock))
    assert 'Donald_CSP, Mickey_CSP' in str(raised.value)


def test_the_request_is_the_one_whose_description_ends_with_the_entity_name():
    requests = [guide_request(description='Provision User - Minnie Mouse'), guide_request(description='Provision User - A'),
                guide_request(description='Provision User - Mouse Trap')]
    entity = E.user(E.name('a_CSP'), E.fullname('A'))
    assert approvals.request_for([approvals.request_to_dict(ApprovalsClient()._render(r)) for r in requests], entity)[
        'description'] == 'Provision User - A'
    assert approvals.request_for([], entity) is None
