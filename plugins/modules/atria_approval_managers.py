#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_approval_managers
short_description: Configure the Workflow Managers approval provider of an Atria customer
version_added: 0.1.0
description:
  - Manages the C(Workflow Managers) approval provider of a customer in Atria (formerly Citrix CloudPortal
    Services Manager) through the CortexAPI, as in the guide's "Set Workflow Managers" - how many managers
    approve, the timeout and reminder, and which events need approval.
  - The provider exists once per customer and cannot be created or deleted through the API, so this module has
    no C(state) option; it only changes the settings the task gives.
  - Groups of the C(Workflow Groups) provider are managed with M(atria.cortex.atria_approval_group); both are
    read with M(atria.cortex.atria_approval_group_info).
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
  managers:
    description: How many managers must approve a request (the API's C(<managers>)).
    type: int
  timeout_days:
    description: Days after which an unanswered approval request times out.
    type: int
  reminder_days:
    description: Days after which the managers are reminded of an unanswered request.
    type: int
notes:
  - The provider must be enabled for the customer; the API manages only enabled providers. The module fails
    before sending anything when the customer's answer does not list it.
  - The API user needs the Update role permission for the customer to read and manage approval providers.
seealso:
  - module: atria.cortex.atria_approval_group
  - module: atria.cortex.atria_approval_group_info
"""

EXAMPLES = r"""
- name: Managers approve new users; Hosted Exchange mailboxes need no approval
  atria.cortex.atria_approval_managers:
    customer: ACME
    managers: 1
    timeout_days: 4
    reminder_days: 1
    subscriptions:
      users:
        provision: Object
        deprovision: Object
      user_services:
        - label: Hosted Exchange
          provision: None
          deprovision: None
"""

RETURN = r"""
managers:
  description: The provider's settings after the task (predicted in check mode).
  returned: always
  type: dict
  sample:
    name: Workflow Managers
    enabled: true
    managers: 1
    timeout_days: 4
    reminder_days: 1
    subscriptions:
      users: {provision: Object, deprovision: Object}
      services: [{label: All, provision: None, deprovision: None}]
      user_services: [{label: All, provision: None, deprovision: None}, {label: Hosted Exchange, provision: None, deprovision: None}]
request_id:
  description: The id of the request the change started; null when nothing was sent or on CPSM 10.
  returned: always
  type: int
diff:
  description: The settings the task manages, before and after.
  returned: when changed and in diff mode
  type: dict
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine import validation
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec, wait_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.approval import APPROVAL_MANAGERS
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import ApprovalProviderLocator, require_existing
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run_resource, start_task

# Options that count (people, days): never negative.
COUNTS = ('managers', 'timeout_days', 'reminder_days')


def argument_spec():
    spec = connection_argument_spec()
    spec.update(wait_argument_spec())
    spec.update(APPROVAL_MANAGERS.argument_spec())
    spec.update(customer=dict(type='str', required=True))
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    validation.check_options(task, dict.fromkeys(COUNTS, validation.non_negative_problem))
    locator = ApprovalProviderLocator(task.params['customer'])
    run_resource(task, APPROVAL_MANAGERS, locator, state='present', before_write=require_existing(locator))


if __name__ == '__main__':
    main()
