#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_approval_group
short_description: Create, update and delete workflow approval groups of an Atria customer
version_added: 0.1.0
description:
  - Manages a group of the customer's C(Workflow Groups) approval provider in Atria (formerly Citrix CloudPortal
    Services Manager) through the CortexAPI, as in the guide's "Set Workflow Groups".
  - The members of the group approve the events the group subscribes to. The API replaces the member list as a
    whole; O(members_mode) lets a task give the whole list or only the users to add or remove.
  - Members must be existing users of the customer that are not de-provisioned. The module checks that with one
    read before it sends a member list, and fails with the names of the users that are missing or de-provisioned.
    In check mode a missing user is a warning instead, because an earlier task of the same run may create it.
  - The C(Workflow Managers) provider (managers, timeout, reminder, its subscriptions) is a single setting per
    customer rather than a named group; M(atria.cortex.atria_approval_managers) manages it.
  - An identical re-run sends one read request and reports no change.
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.attributes
  - atria.cortex.atria.wait
  - atria.cortex.approval
options:
  customer:
    description: The customer, by code or full name.
    type: str
    required: true
  name:
    description: The name of the workflow group; identifies it (compared case-insensitively).
    type: str
    required: true
  description:
    description: What the group is for.
    type: str
  members_to_approve:
    description: How many members must approve a request (the API's C(memberstoapprove)).
    type: int
  timeout_days:
    description: Days after which an unanswered approval request times out.
    type: int
  reminder_days:
    description: Days after which the members are reminded of an unanswered request.
    type: int
  members:
    description:
      - Users of O(customer) by user name, with or without the C(_<customer code>) suffix the server adds
        (C(alice) and C(alice_ACME) are the same user). See O(members_mode).
      - Results and diffs show the stored names (C(alice_ACME)).
    type: list
    elements: str
  members_mode:
    description:
      - V(exact) makes O(members) the whole member list (an empty list removes every member), V(present) adds
        the given users, V(absent) removes them.
      - The API replaces the list as a whole either way; the module computes the full list from the current one.
    type: str
    choices: [exact, present, absent]
    default: exact
  state:
    description:
      - V(present) creates or updates the group.
      - V(absent) deletes it (a SET with the documented C(<action>delete</action>)).
    type: str
    choices: [present, absent]
    default: present
notes:
  - The customer's C(Workflow Groups) provider must be enabled; the API manages only enabled providers.
  - The API user needs the Update role permission for the customer to read and manage approval providers.
seealso:
  - module: atria.cortex.atria_approval_group_info
  - module: atria.cortex.atria_approval_managers
  - module: atria.cortex.atria_user
"""

EXAMPLES = r"""
- name: A group of two approvers for every customer service change
  atria.cortex.atria_approval_group:
    customer: ACME
    name: Customer Service Approval
    description: This group will approve all customer services
    members_to_approve: 1
    timeout_days: 5
    reminder_days: 2
    members: [jocelynb, rogera]
    subscriptions:
      services:
        - label: All
          provision: Object
          deprovision: Object

- name: Add one approver, keeping the others
  atria.cortex.atria_approval_group:
    customer: ACME
    name: Customer Service Approval
    members: [carol]
    members_mode: present

- name: Remove the group
  atria.cortex.atria_approval_group:
    customer: ACME
    name: Customer Service Approval
    state: absent
"""

RETURN = r"""
approval_group:
  description: The group as it is after the task (predicted in check mode); empty after a deletion.
  returned: always
  type: dict
  sample:
    name: Customer Service Approval
    description: This group will approve all customer services
    members_to_approve: 1
    timeout_days: 5
    reminder_days: 2
    members: [jocelynb_ACME, rogera_ACME]
    subscriptions:
      users: {provision: None, deprovision: None}
      services: [{label: All, provision: Object, deprovision: Object}]
      user_services: [{label: All, provision: None, deprovision: None}]
request_id:
  description: The id of the request the change started; null when nothing was sent or on CPSM 10.
  returned: always
  type: int
diff:
  description: The options the task manages, before and after.
  returned: when changed and in diff mode
  type: dict
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine import validation
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec, wait_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.approval import APPROVAL_GROUP
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import ApprovalGroupLocator
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run_resource, start_task

# Options that count (people, days): never negative.
COUNTS = ('members_to_approve', 'timeout_days', 'reminder_days')


def argument_spec():
    spec = connection_argument_spec()
    spec.update(wait_argument_spec())
    spec.update(APPROVAL_GROUP.argument_spec(required=('name',)))
    spec.update(
        customer=dict(type='str', required=True),
        state=dict(type='str', default='present', choices=['present', 'absent']),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    validation.check_options(task, dict.fromkeys(COUNTS, validation.non_negative_problem))
    run_resource(task, APPROVAL_GROUP, ApprovalGroupLocator(task.params['customer'], task.params['name']))


if __name__ == '__main__':
    main()
