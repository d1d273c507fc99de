#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_approval_response
short_description: Accept or decline a workflow approval request in Atria
version_added: 0.1.0
description:
  - Answers one approver's subscription of an approval request with the customer-level SET the guide documents
    ("Set Customer Approval Request"), then reads it back.
  - The subscription is named by O(id), or by what a playbook knows - O(customer), a part of the request's
    O(description) (the user's full name, a service name) and the O(approver).
  - Answering a subscription the way it is already answered changes nothing. An answer is final - a subscription
    accepted, declined or no longer required is not answered differently (the task fails, saying so, before
    anything is sent).
  - Once enough approvers accept, the server provisions the held change; one decline puts the object back.
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.attributes
options:
  id:
    description: The subscription id (a GUID, as M(atria.cortex.atria_approval_response_info) and the warning of a held
      task list it).
    type: str
  customer:
    description: The customer whose approval requests are searched (code or full name), when O(id) is not given.
    type: str
  description:
    description:
      - A part of the request's description, compared case-insensitively (C(Minnie Mouse) finds
        C(Provision User - Minnie Mouse)). With O(customer).
      - Pending requests are preferred; when none matches, the newest resolved one is answered (so a re-run is
        idempotent).
    type: str
    default: ""
  approver:
    description:
      - The approver whose subscription is answered, by user name (C(Mickey) or C(Mickey_CSP)). Needed when the
        request has several approvers.
    type: str
  status:
    description: The answer.
    type: str
    choices: [accepted, declined]
    required: true
  reason:
    description: The reason sent with the answer; the requester sees it.
    type: str
notes:
  - The API user answers on behalf of the approver; it needs the permission to manage the customer's approvals.
seealso:
  - module: atria.cortex.atria_approval_response_info
  - module: atria.cortex.atria_approval_group
"""

EXAMPLES = r"""
- name: Accept by subscription id (an AWX approve job template)
  atria.cortex.atria_approval_response:
    id: b360825a-d7b1-4685-a1cc-ceb94b81fa4a
    status: accepted
    reason: Approved in AWX

- name: Decline Minnie's provisioning as Mickey
  atria.cortex.atria_approval_response:
    customer: CSP
    description: Minnie Mouse
    approver: Mickey
    status: declined
    reason: Not before her contract is signed
"""

RETURN = r"""
subscription:
  description: The subscription answered, as the server holds it after the answer (predicted in check mode).
  returned: always
  type: dict
  sample: {id: b360825a-d7b1-4685-a1cc-ceb94b81fa4a, approver: Mickey_CSP, approver_fullname: Mickey Mouse,
           approver_email: Mickey@csp.local, status: Accepted, reason: Go ahead, request_date: "20121001",
           resolved_date: "20121002"}
approval:
  description: The whole approval request, in the shape of M(atria.cortex.atria_approval_response_info)'s requests.
  returned: always
  type: dict
request_id:
  description: The id the answer's SET returned (an accepted change starts provisioning); null when nothing was sent.
  returned: always
  type: int
diff:
  description: The subscription's status and reason, before and after.
  returned: when changed and in diff mode
  type: dict
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task
from ansible_collections.atria.cortex.plugins.module_utils.entities.approval.responses import respond


def argument_spec():
    spec = connection_argument_spec()
    spec.update(
        id=dict(type='str'),
        customer=dict(type='str'),
        description=dict(type='str', default=''),
        approver=dict(type='str'),
        status=dict(type='str', choices=['accepted', 'declined'], required=True),
        reason=dict(type='str'),
    )
    return spec


def main():
    task = start_task(argument_spec(), required_one_of=[('id', 'customer')], mutually_exclusive=[('id', 'customer')],
                      supports_check_mode=True)

    def work(client):
        result = respond(client, task.params, task.check_mode)
        if not task.diff:
            result.pop('diff', None)
        return result

    run(task, work)


if __name__ == '__main__':
    main()
