#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_approval_response_info
short_description: Read the workflow approval requests of an Atria customer or user
version_added: 0.1.0
description:
  - Reads approval requests with the requests the guide documents ("Approval management"); a change a Workflow
    Groups group or the Workflow Managers subscribe to waits for them.
  - With O(customer), the requests of that customer and the customers below it (one GET); with O(customer) and
    O(user), those that user must answer; with O(id), the one request holding that subscription (C(GET <approval>)).
  - Only pending requests are returned unless O(all=true).
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.info_module
options:
  customer:
    description: The customer, by code or full name. Required unless O(id) is given.
    type: str
  user:
    description:
      - Only the requests this user of O(customer) must answer (its subscriptions), by user name.
      - A name without the customer suffix (C(bob)) is completed to the stored name (C(bob_ACME)).
    type: str
  id:
    description: The subscription id (a GUID) of one request; returns that request whatever its status.
    type: str
  all:
    description: Also return resolved (accepted, declined) requests (the guide's C(filter="all")).
    type: bool
    default: false
notes:
  - CPSM 10 has no workflow approval; its answer lists nothing.
seealso:
  - module: atria.cortex.atria_approval_response
  - module: atria.cortex.atria_approval_group
"""

EXAMPLES = r"""
- name: What waits for approval at ACME
  atria.cortex.atria_approval_response_info:
    customer: ACME
  register: pending

- name: What Mickey must answer, resolved requests too
  atria.cortex.atria_approval_response_info:
    customer: ACME
    user: Mickey
    all: true

- name: One request by subscription id
  atria.cortex.atria_approval_response_info:
    id: b360825a-d7b1-4685-a1cc-ceb94b81fa4a
"""

RETURN = r"""
requests:
  description: The approval requests, oldest first. With O(user), each lists only that user's subscriptions.
  returned: always
  type: list
  elements: dict
  contains:
    description:
      description: What waits, e.g. C(Provision User - Minnie Mouse).
      type: str
    status:
      description: C(Pending), C(Accepted) or C(Declined).
      type: str
    request_date:
      description: When it was requested (as the server writes it, e.g. C(20121001)).
      type: str
    resolved_date:
      description: When it was resolved; null while pending.
      type: str
    customer:
      description: The customer it belongs to (C(name), C(fullname), C(email)).
      type: dict
    requested_by:
      description: The user who requested the change (C(name), C(fullname), C(email)).
      type: dict
    subscriptions:
      description:
        - One per approver. C(status) is C(Pending), C(Accepted), C(Declined) or C(NotRequired) (others answered
          first).
        - C(id) is what M(atria.cortex.atria_approval_response) answers.
      type: list
      elements: dict
  sample:
    - description: Provision User - Minnie Mouse
      status: Pending
      request_date: "20121001"
      resolved_date: null
      customer: {name: CSP, fullname: Cortex Service Provider, email: null}
      requested_by: {name: Steve_CSP, fullname: Steve McQueen, email: Steve@csp.local}
      subscriptions:
        - id: b360825a-d7b1-4685-a1cc-ceb94b81fa4a
          approver: Mickey_CSP
          approver_fullname: Mickey Mouse
          approver_email: Mickey@csp.local
          status: Pending
          reason: ""
          request_date: "20121001"
          resolved_date: null
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task
from ansible_collections.atria.cortex.plugins.module_utils.entities.approval.responses import requests_of


def argument_spec():
    spec = connection_argument_spec()
    spec.update(
        customer=dict(type='str'),
        user=dict(type='str'),
        id=dict(type='str'),
        all=dict(type='bool', default=False),
    )
    return spec


def main():
    task = start_task(argument_spec(), required_one_of=[('customer', 'id')], required_by={'user': 'customer'},
                      supports_check_mode=True)
    run(task, lambda client: {'changed': False, 'requests': requests_of(client, task.params)})


if __name__ == '__main__':
    main()
