# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Answering workflow approval requests (guide, "Set Customer Approval Request"): find a subscription, accept or
decline it, read it back.

A subscription is named by its GUID, or by what a playbook knows: the customer, the request's description (or a
part of it, such as the user's full name) and the approver. Answering the way it is already answered changes
nothing; answering a resolved subscription differently is refused before anything is sent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import INVALID_REFERENCE, ApiError, CortexError
from ansible_collections.atria.cortex.plugins.module_utils.api.status import status_equal
from ansible_collections.atria.cortex.plugins.module_utils.api.release import release_of
from ansible_collections.atria.cortex.plugins.module_utils.engine import approvals
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.locator import suffixed_user_name

# An approver's subscription: no option maps to an entity field (the answer is a one-off SET); the audit names it
# by its id, else by the request's description.
APPROVAL_SUBSCRIPTION = Resource('approval subscription', 'subscription', (), provisionable=False, needs='approval',
                                 identity=('id', 'description'))

# option value -> the status the API reads
ANSWER_STATUS = {'accepted': approvals.ACCEPTED, 'declined': approvals.DECLINED}


class SubscriptionNotFound(CortexError):
    name = 'SubscriptionNotFound'

    def __init__(self, message, hint):
        super(SubscriptionNotFound, self).__init__(message)
        self.hint = hint


class AlreadyAnswered(CortexError):
    """The subscription was resolved another way: the API refuses to change an answer (error 1)."""

    name = 'AlreadyAnswered'

    def __init__(self, subscription, request, wanted):
        self.entity = "approval subscription '%s'" % subscription.get('id')
        super(AlreadyAnswered, self).__init__(
            "Approval subscription '%s' of %s (request '%s') is already %s%s; it cannot be %s. An answer is final: "
            "the request is %s." % (subscription.get('id'), subscription.get('approver'), request.get('description'),
                                    subscription.get('status'),
                                    " ('%s')" % subscription['reason'] if subscription.get('reason') else '',
                                    wanted.lower(), request.get('status')))
        self.hint = 'Leave the task out, or answer only pending subscriptions (atria.cortex.atria_approval_response_info).'


class AnswerNotApplied(CortexError):
    name = 'WriteNotApplied'

    def __init__(self, subscription_id, wanted, held):
        self.entity = "approval subscription '%s'" % subscription_id
        super(AnswerNotApplied, self).__init__(
            "The server accepted the answer %s to approval subscription '%s' but a read right after it shows %s. The "
            'CortexAPI silently ignores tags it does not read: this release may not support workflow approval through '
            'the API (CPSM 10 has none). Check the request in the Atria control panel.'
            % (wanted, subscription_id, held or 'no such subscription'))


def _same_user(name, wanted, customer_code):
    name, wanted = (name or '').lower(), (wanted or '').lower()
    return name == wanted or (customer_code and name == ('%s_%s' % (wanted, customer_code)).lower())


def request_by_subscription(client, subscription_id):
    """The approval request holding a subscription, or None when the server knows no such subscription."""
    try:
        return approvals.read_request(client, subscription_id)
    except ApiError as error:
        if error.code != INVALID_REFERENCE:
            raise
        return None         # InvalidReference: no such subscription


def locate(client, params):
    """(request, subscription) the task answers: by id, else by customer + description + approver."""
    if params.get('id'):
        request = request_by_subscription(client, params['id'])
        found = [item for item in (request or {}).get('subscriptions') or [] if (item.get('id') or '').lower() == params['id'].lower()]
        if not found:
            raise SubscriptionNotFound("Approval subscription '%s' not found." % params['id'],
                                       'Check the id: atria.cortex.atria_approval_response_info lists them.')
        return request, found[0]
    customer = CustomerRef(params['customer'])
    code = customer.code_for(client)
    requests = approvals.list_requests(client, code, show_all=True)
    text = (params.get('description') or '').lower()
    matching = []
    for request in requests:
        if text not in (request.get('description') or '').lower():
            continue
        for item in request.get('subscriptions') or []:
            if params.get('approver') is None or _same_user(item.get('approver'), params['approver'], code):
                matching.append((request, item))
    pending = [pair for pair in matching if approvals.is_pending(pair[0])]
    candidates = pending or matching[-1:]
    what = "approval request of customer '%s' described '%s'%s" % (
        params['customer'], params.get('description'), " for approver '%s'" % params['approver'] if params.get('approver') else '')
    if not candidates:
        raise SubscriptionNotFound('No %s.' % what, 'List the requests with atria.cortex.atria_approval_response_info.')
    if len(candidates) > 1:
        raise SubscriptionNotFound(
            'Several subscriptions match the %s: %s.' % (what, ', '.join(
                "%s (%s, approver %s)" % (item.get('id'), request.get('description'), item.get('approver')) for request, item in candidates)),
            'Name the approver, a longer part of the description, or the subscription id.')
    return candidates[0]


def answer_element(customer_code, subscription_id, status, reason):
    customer = xml_codec.leaf('customer')
    xml_codec.sub(customer, 'name', customer_code)
    subscription = xml_codec.sub(xml_codec.sub(xml_codec.sub(customer, 'approvalresponses'), 'approvalresponse'), 'subscription')
    xml_codec.sub(subscription, 'id', subscription_id)
    xml_codec.sub(subscription, 'status', status)
    if reason is not None:
        xml_codec.sub(subscription, 'reason', reason)
    return customer


def respond(client, params, check_mode):
    """The module result of answering one subscription."""
    wanted = ANSWER_STATUS[params['status']]
    request, subscription = locate(client, params)
    before = dict(status=subscription.get('status'), reason=subscription.get('reason'))
    result = {'changed': False, 'request_id': None, 'subscription': subscription, 'approval': request}
    if status_equal(subscription.get('status'), wanted):
        return result
    if not approvals.is_pending(subscription):
        raise AlreadyAnswered(subscription, request, wanted)
    after = dict(status=wanted, reason=params.get('reason') or '')
    result.update(changed=True, diff={'before': before, 'after': after})
    # CPSM 10 has no workflow approval and ignores the tags: refuse before writing (one GET <global/>, once per task).
    release_of(client).require(APPROVAL_SUBSCRIPTION.needs, "approval subscription '%s'" % subscription.get('id'))
    if check_mode:
        result['subscription'] = dict(subscription, **after)
        return result
    code = (request.get('customer') or {}).get('name') or CustomerRef(params['customer']).code_for(client)
    sid = subscription['id']
    result['request_id'] = client.set(answer_element(code, sid, wanted, params.get('reason')),
                                      verify=lambda: _answered(client, sid, wanted))
    again = approvals.read_request(client, sid)
    held = [item for item in (again or {}).get('subscriptions') or [] if (item.get('id') or '').lower() == sid.lower()]
    if not held or not status_equal(held[0].get('status'), wanted):
        raise AnswerNotApplied(sid, wanted, held[0].get('status') if held else None)
    result.update(subscription=held[0], approval=again)
    return result


def _answered(client, subscription_id, wanted):
    request = approvals.read_request(client, subscription_id)
    return any(status_equal(item.get('status'), wanted) for item in (request or {}).get('subscriptions') or []
               if (item.get('id') or '').lower() == subscription_id.lower())


def requests_of(client, params):
    """The requests an info task asks for: one by subscription id, a user's, or a customer's."""
    if params.get('id'):
        request = request_by_subscription(client, params['id'])
        return [request] if request is not None else []
    customer = CustomerRef(params['customer'])
    code = customer.code_for(client)
    user = params.get('user')
    if user is not None:
        user = suffixed_user_name(user, code)
    return approvals.list_requests(client, code, user, show_all=params.get('all'))
