# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A client that answers workflow approval requests as the guide's "Approval management" shows them."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from lxml import etree
from lxml.builder import E

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import api_error

GUIDE_IDS = ('b17edee6-50a0-4706-bcd8-29f67d2d5ac1', 'b360825a-d7b1-4685-a1cc-ceb94b81fa4a')


def subscription(sid, approver, status='Pending', reason=''):
    return {'id': sid, 'approver': approver, 'status': status, 'reason': reason}


def guide_request(description='Provision User - Minnie Mouse', status='Pending', subscriptions=None, customer='CSP'):
    return {'description': description, 'status': status, 'customer': customer,
            'subscriptions': subscriptions if subscriptions is not None else [
                subscription(GUIDE_IDS[0], 'Donald_CSP'), subscription(GUIDE_IDS[1], 'Mickey_CSP')]}


class ApprovalsClient:
    """GET <customer><approvalresponses/>, GET <approval><id/>, SET answers; records every request."""

    def __init__(self, *requests, apply_answers=True, api_version='11.0.0.0'):
        self.api_version = api_version
        self.requests = list(requests)
        self.apply_answers = apply_answers
        self.calls = []
        self.memo = {}

    def writes(self):
        return [call for call in self.calls if call[0] == 'SET']

    def _render(self, request, only=None):
        subs = [item for item in request['subscriptions'] if only is None or item['approver'] == only]
        return E.approvalresponse(
            E.description(request['description']), E.status(request['status']), E.requestdate('20121001'), E.resolveddate(),
            E.customer(E.name(request['customer']), E.fullname('Cortex Service Provider')),
            E.requestedbyuser(E.name('Steve_CSP'), E.fullname('Steve McQueen'), E.email('Steve@csp.local')),
            *[E.subscription(E.id(item['id']), E.requestdate('20121001'), E.resolveddate(), E.status(item['status']),
                             E.reason(item['reason']), E.user(E.name(item['approver']), E.fullname(item['approver'])))
              for item in subs])

    def get(self, entity, entity_name=None):
        if entity.tag == 'global':
            return E.response(E('global', E.version(E.api(self.api_version))))
        self.calls.append(('GET', etree.tostring(entity).decode()))
        if entity.tag == 'approval':
            wanted = entity.findtext('id')
            for request in self.requests:
                if any(item['id'] == wanted for item in request['subscriptions']):
                    return E.response(E.approval(E.id(wanted), self._render(request)))
            raise api_error(18, "Approval request '%s' not found." % wanted)
        user = entity.findtext('user/name')
        show_all = entity.find('.//approvalresponses').get('filter') == 'all'
        listed = [self._render(request, only=user) for request in self.requests
                  if (show_all or request['status'] == 'Pending') and (user is None or any(i['approver'] == user for i in request['subscriptions']))]
        holder = E.customer(E.name(entity.findtext('name')), E.approvalresponses(*listed))
        return E.response(holder)

    def set(self, entity, verify=None, entity_name=None):
        self.calls.append(('SET', etree.tostring(entity).decode()))
        if self.apply_answers:
            for answer in entity.iter('subscription'):
                for request in self.requests:
                    for item in request['subscriptions']:
                        if item['id'] == answer.findtext('id'):
                            item.update(status=answer.findtext('status'), reason=answer.findtext('reason') or '')
                            if item['status'] == 'Declined':
                                request['status'] = 'Declined'
                            elif item['status'] == 'Accepted':
                                request['status'] = 'Accepted'
        return 77
