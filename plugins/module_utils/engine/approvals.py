# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Workflow approval requests (guide, "Approval management"), as the engine reads and waits for them.

A provisioning change a Workflow Groups group or the Workflow Managers subscribe to is held: the entity keeps its
status and shows ``<approvalpending>True``, and nothing moves until approvers answer. An approval request is an
``<approvalresponse>`` (description, status, dates, customer, requester) with one ``<subscription>`` per approver
(a GUID id, status, reason, the approver). This module reads them in one plain-dict shape and, for a write the
engine just sent, finds the request that holds it, says who must approve and - when the task asks for it - waits
for the answer. The approval modules (entities/approval/) answer them.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError
from ansible_collections.atria.cortex.plugins.module_utils.api.status import PENDING, in_flight, status_equal
from ansible_collections.atria.cortex.plugins.module_utils.engine.verification import verify_run
from ansible_collections.atria.cortex.plugins.module_utils.engine.waiter import WaitTimeout, poll_intervals

# Answers of a subscription besides the provisioning status Pending (an approval status, not a provisioning one).
ACCEPTED = 'Accepted'
DECLINED = 'Declined'
NOT_REQUIRED = 'NotRequired'
ANSWERS = (ACCEPTED, DECLINED)
# What engine/verification.py's read-back warns about a held write (replaced here by a warning naming the approvers).
HELD_BY_READ_BACK = 'held for workflow approval: the change takes effect when an approver accepts'


# -- reading -------------------------------------------------------------------------------------------------
def _person(element):
    if element is None:
        return {}
    return dict(name=xml_codec.text_of(element, 'name'), fullname=xml_codec.text_of(element, 'fullname'),
                email=xml_codec.text_of(element, 'email'))


def subscription_to_dict(element):
    approver = _person(element.find('user'))
    return {
        'id': xml_codec.text_of(element, 'id'),
        'approver': approver.get('name'),
        'approver_fullname': approver.get('fullname'),
        'approver_email': approver.get('email'),
        'status': xml_codec.text_of(element, 'status'),
        'reason': xml_codec.text_of(element, 'reason') or '',
        'request_date': xml_codec.text_of(element, 'requestdate'),
        'resolved_date': xml_codec.text_of(element, 'resolveddate'),
    }


def request_to_dict(element):
    """One ``<approvalresponse>`` as a dict (customer and requester as {name, fullname, email})."""
    return {
        'description': xml_codec.text_of(element, 'description'),
        'status': xml_codec.text_of(element, 'status'),
        'request_date': xml_codec.text_of(element, 'requestdate'),
        'resolved_date': xml_codec.text_of(element, 'resolveddate'),
        'customer': _person(element.find('customer')),
        'requested_by': _person(element.find('requestedbyuser')),
        'subscriptions': [subscription_to_dict(item) for item in element.findall('subscription')],
    }


def responses_element(show_all=False):
    return xml_codec.leaf('approvalresponses', filter='all') if show_all else xml_codec.leaf('approvalresponses')


def list_requests(client, customer_code, user_name=None, show_all=False):
    """The approval requests of a customer (and those below it) or the subscriptions of one of its users.

    Only pending ones unless ``show_all`` (``filter="all"``). One GET.
    """
    customer = xml_codec.leaf('customer')
    xml_codec.sub(customer, 'name', customer_code)
    holder = customer
    if user_name is not None:
        holder = xml_codec.sub(customer, 'user')
        xml_codec.sub(holder, 'name', user_name)
    holder.append(responses_element(show_all))
    answer = client.get(customer)
    return [request_to_dict(item) for item in answer.iter('approvalresponse')]


def read_request(client, subscription_id):
    """The approval request holding one subscription (``GET <approval><id>GUID</id>``); None when not found.

    The guide documents the request but not the answer: an ``<approvalresponse>`` inside ``<approval>`` is read,
    else the ``<approval>`` element itself as one.
    """
    approval = xml_codec.leaf('approval')
    xml_codec.sub(approval, 'id', subscription_id)
    answer = client.get(approval)
    found = answer.find('.//approvalresponse')
    if found is None:
        found = answer.find('approval')
        if found is None or found.find('subscription') is None:
            return None
    return request_to_dict(found)


def is_pending(request_or_subscription):
    return status_equal(request_or_subscription.get('status'), PENDING)


def pending_approvers(request):
    return [item.get('approver') for item in request.get('subscriptions') or [] if is_pending(item)]


def who_must_approve(request):
    approvers = pending_approvers(request)
    return ', '.join(str(name) for name in approvers) if approvers else 'nobody listed'


# -- the change a write just made, held for approval ------------------------------------------------------------
class ApprovalDeclined(CortexError):
    """An approver declined the change the task made; the server put the entity back."""

    name = 'ApprovalDeclined'

    def __init__(self, describe, request):
        self.entity = describe
        declined = [item for item in request.get('subscriptions') or [] if status_equal(item.get('status'), DECLINED)]
        reasons = '; '.join("%s: '%s'" % (item.get('approver'), item.get('reason') or 'no reason given') for item in declined)
        super(ApprovalDeclined, self).__init__(
            "The change of %s was declined in workflow approval (request '%s'%s). The server put it back as it was "
            "before the task. Settle it with the approvers, then run the task again."
            % (describe, request.get('description'), ', declined by ' + reasons if reasons else ''))
        self.reason = '; '.join(item.get('reason') or '' for item in declined)
        self.hint = 'Ask the approvers why, or change the task so that it needs no approval.'


class Hold:
    """A write the server holds for approval: the entity, the request found for it, and the customer it is in."""

    def __init__(self, engine, customer_code, request):
        self.engine = engine
        self.customer_code = customer_code
        self.request = request

    def warning(self):
        describe = self.engine.describe()
        if self.request is None:
            return ('%s waits for workflow approval; no pending approval request of customer %s names it. List them '
                    'with atria.cortex.atria_approval_response_info.' % (describe, self.customer_code))
        request = self.request
        needed = [item.get('id') for item in request.get('subscriptions') or [] if is_pending(item)]
        return ("%s waits for workflow approval: request '%s' must be accepted by %s (subscription %s). Answer it with "
                "atria.cortex.atria_approval_response, or set wait_for_approval to wait for the answer."
                % (describe, request.get('description'), who_must_approve(request), ', '.join(needed) or 'none'))


def approval_pending(entity):
    return entity is not None and xml_codec.to_bool(xml_codec.text_of(entity, 'approvalpending')) is True


def _names_of(entity):
    names = [xml_codec.text_of(entity, tag) for tag in ('fullname', 'displayname', 'name')]
    return [name.lower() for name in names if name]


def request_for(requests, entity):
    """The pending request that holds ``entity``, the newest first of: the one whose description ends with one of its
    names (the guide writes "Provision User - Minnie Mouse"), one that names it anywhere, any pending one."""
    pending = [request for request in requests if is_pending(request)]
    names = _names_of(entity) if entity is not None else []

    def described(request):
        return (request.get('description') or '').lower()

    for matches in (lambda text: any(text.endswith(' - ' + name) for name in names),
                    lambda text: any(name in text for name in names if len(name) > 2),
                    lambda text: True):
        chosen = [request for request in pending if matches(described(request))]
        if chosen:
            return chosen[-1]
    return None


def customer_code_of(engine):
    """The code of the customer whose approval requests list the engine's entity (a customer: its own)."""
    customer = getattr(engine.context, 'customer', None)
    if customer is not None:
        return customer.code_for(engine.client)
    return xml_codec.text_of(engine.current, 'name') if engine.current is not None else None


def holds_of(run, written):
    """Holds for the written entities whose read-back shows approval pending (one GET per customer)."""
    holds = []
    listed = {}
    for engine in written:
        if engine.planned.action == 'delete' and engine.current is None:
            continue
        if not approval_pending(engine.current):
            continue
        code = customer_code_of(engine)
        if code not in listed:
            listed[code] = list_requests(engine.client, code) if code else []
        holds.append(Hold(engine, code, request_for(listed[code], engine.current)))
    return holds


def settle(run, written):
    """After the write and read-back of ``run``: report the holds, or wait for their answer (wait_for_approval).

    Returns the holds still pending (the result reports them). A declined change raises ApprovalDeclined.
    """
    holds = holds_of(run, written)
    for hold in holds:
        # The read-back's general "held for workflow approval" warning gives way to the one naming the approvers.
        hold.engine.warnings[:] = [warning for warning in hold.engine.warnings if HELD_BY_READ_BACK not in warning]
    if not holds or not run.params.get('wait_for_approval'):
        for hold in holds:
            hold.engine.warnings.append(hold.warning())
        return holds
    timeout = run.params.get('wait_timeout') or 300
    for hold in holds:
        wait_for_answer(run, hold, timeout)
    # Accepted and provisioned: now the read-back can tell whether what was sent took (DESIGN point 15).
    verify_run(run, [hold.engine for hold in holds])
    return []


def wait_for_answer(run, hold, timeout, sleep=time.sleep, clock=time.monotonic):
    """Poll the approval request until it is answered, then the entity until the accepted change took."""
    engine = hold.engine
    subscription = next(iter((hold.request or {}).get('subscriptions') or []), {}).get('id')
    progress = getattr(run.task, 'progress', None)
    deadline = clock() + timeout
    for interval in poll_intervals(timeout, clock=clock):
        sleep(interval)
        request = read_request(engine.client, subscription) if subscription else None
        if request is not None and status_equal(request.get('status'), DECLINED):
            raise ApprovalDeclined(engine.describe(), request)
        if request is not None and is_pending(request):
            continue
        run.store.read_back([engine])
        if not approval_pending(engine.current):
            break
    else:
        raise WaitTimeout('%s still waited for workflow approval after wait_timeout=%s seconds (request %s, approvers: %s). '
                          'It goes on in Atria: answer it with atria.cortex.atria_approval_response, or raise wait_timeout.'
                          % (engine.describe(), timeout, (hold.request or {}).get('description'),
                             who_must_approve(hold.request or {})))
    if progress is not None:
        progress('%s: approval answered' % engine.describe())
    # Accepted: provisioning starts now; wait (within what is left of the timeout) until the entity rests.
    remaining = max(deadline - clock(), 1)
    for interval in poll_intervals(remaining, clock=clock):
        if not _in_flight(engine.current):
            return
        sleep(interval)
        run.store.read_back([engine])


def _in_flight(entity):
    return entity is not None and in_flight(xml_codec.text_of(entity, 'status'))


def result_of(holds):
    """What a task result says about holds: approval_pending and the requests (one per held entity)."""
    if not holds:
        return {}
    requests = [hold.request for hold in holds if hold.request is not None]
    return {'approval_pending': True, 'approval': requests[0] if requests else {}, 'approval_requests': requests}
