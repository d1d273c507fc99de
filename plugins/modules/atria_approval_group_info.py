#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_approval_group_info
short_description: Read the workflow approval groups and managers of an Atria customer
version_added: 0.1.0
description:
  - Reads a customer's approval providers with the one GET request the guide documents ("Get Approval Provider
    Subscriptions") and returns the groups of the C(Workflow Groups) provider and the settings of the
    C(Workflow Managers) provider, with the option names of M(atria.cortex.atria_approval_group) and
    M(atria.cortex.atria_approval_managers).
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.info_module
options:
  customer:
    description: The customer, by code or full name.
    type: str
    required: true
  name:
    description: Return only the workflow group of this name (compared case-insensitively).
    type: str
notes:
  - The API user needs the Update role permission for the customer to read approval providers.
seealso:
  - module: atria.cortex.atria_approval_group
  - module: atria.cortex.atria_approval_managers
"""

EXAMPLES = r"""
- name: Every workflow group of a customer, and the Workflow Managers settings
  atria.cortex.atria_approval_group_info:
    customer: ACME
  register: approval

- name: The approvers of one group
  ansible.builtin.debug:
    msg: "{{ (approval.groups | selectattr('name', 'equalto', 'Customer Service Approval') | first).members }}"
"""

RETURN = r"""
groups:
  description: The workflow groups (all, or the one named by O(name)); empty when the provider is not enabled.
  returned: always
  type: list
  elements: dict
  sample:
    - name: Customer Service Approval
      description: This group will approve all customer services
      members_to_approve: 1
      timeout_days: 5
      reminder_days: 2
      members: [jocelynb_ACME, rogera_ACME]
      subscriptions:
        users: {provision: None, deprovision: None}
        services: [{label: All, provision: Object, deprovision: Object}]
        user_services: [{label: All, provision: None, deprovision: None}]
managers:
  description: The Workflow Managers provider's settings; empty when the provider is not enabled.
  returned: always
  type: dict
  sample:
    name: Workflow Managers
    enabled: true
    managers: 1
    timeout_days: 3
    reminder_days: 1
    subscriptions:
      users: {provision: None, deprovision: None}
providers:
  description: The names of the approval providers the customer's answer lists.
  returned: always
  type: list
  elements: str
  sample: [Workflow Managers, Workflow Groups]
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.approval import APPROVAL_GROUP, APPROVAL_MANAGERS
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.finder import approval_providers
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import WORKFLOW_GROUPS, WORKFLOW_MANAGERS
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task


# Filter applied to the groups the providers' answer lists.
FILTER_OPTIONS = ('name',)


def argument_spec():
    spec = connection_argument_spec()
    spec.update(APPROVAL_GROUP.argument_spec(FILTER_OPTIONS))
    spec.update(customer=dict(type='str', required=True))
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    params = task.params

    def query(client):
        providers = approval_providers(client, params['customer'])
        groups_provider = providers.get(WORKFLOW_GROUPS)
        groups = [] if groups_provider is None else groups_provider.findall('groups/group')
        if params['name'] is not None:
            groups = [group for group in groups if (group.findtext('name') or '').lower() == params['name'].lower()]
        managers = providers.get(WORKFLOW_MANAGERS)
        return {
            'changed': False,
            'groups': [APPROVAL_GROUP.values(group) for group in groups],
            'managers': APPROVAL_MANAGERS.values(managers) if managers is not None else {},
            'providers': list(providers),
        }

    run(task, query)


if __name__ == '__main__':
    main()
