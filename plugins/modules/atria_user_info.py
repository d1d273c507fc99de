#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_user_info
short_description: List the users of an Atria customer, with details on request
version_added: 0.1.0
description:
  - Finds the users of one customer with one FIND request; every filter is optional and they combine.
  - FIND answers are summaries. O(details=true) reads the details (names, e-mail, roles, enabled, locked, custom
    fields, account expiry, the password settings C(change_password_at_next_logon) and C(password_expires)) with
    GET requests of up to 100 users each; O(properties=true) adds the user properties and the Active Directory
    attributes (C(additional_properties), for example C(title) and C(manager)).
  - Never returns passwords, because the server does not return them.
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
    description: User name, with or without the C(_<customer code>) suffix.
    type: str
  display_name:
    description: Display name (the server's C(fullname)).
    type: str
  id:
    description: User id.
    type: int
  upn:
    description: User principal name.
    type: str
  location:
    description: Customer location of the user.
    type: str
  department:
    description: Department of the user.
    type: str
  status:
    description: Provisioning status.
    type: str
    choices: [NotProvisioned, Requested, InProgress, Provisioned, Failed, Pending]
  details:
    description: Read the users' details (batched GET requests).
    type: bool
    default: false
  properties:
    description: Include the users' properties and Active Directory attributes (implies O(details)).
    type: bool
    default: false
seealso:
  - module: atria.cortex.atria_user
"""

EXAMPLES = r"""
- name: Every user of a customer
  atria.cortex.atria_user_info:
    customer: ACME
  register: acme_users

- name: One user in detail
  atria.cortex.atria_user_info:
    customer: Acme Corporation
    name: alice
    details: true
"""

RETURN = r"""
customer:
  description: The customer's summary (code, id, full name, status).
  returned: always
  type: dict
users:
  description: The matching users. Summary keys always; the rest with O(details).
  returned: always
  type: list
  elements: dict
  sample:
    - name: alice_ACME
      id: "114"
      display_name: Alice Liddell
      upn: alice_ACME@acme.example
      location: Unassigned
      department: Unassigned
      status: Provisioned
      approval_pending: false
"""

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import with_properties
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.finder import find_users, get_users

# The FIND filters, in the order the guide lists them: (option, tag) of the user's fields.
FILTER_OPTIONS = ('name', 'display_name', 'id', 'upn', 'location', 'department', 'status')
FILTERS = USER.tags(FILTER_OPTIONS)


def argument_spec():
    spec = connection_argument_spec()
    spec.update(USER.argument_spec(FILTER_OPTIONS))
    spec.update(
        customer=dict(type='str', required=True),
        details=dict(type='bool', default=False),
        properties=dict(type='bool', default=False),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    params = task.params

    def query(client):
        filters = [(tag, None if params[option] is None else str(params[option])) for option, tag in FILTERS]
        customer, users = find_users(client, params['customer'], filters)
        if users and (params['details'] or params['properties']):
            code = xml_codec.text_of(customer, 'name')
            users = get_users(client, code, [xml_codec.text_of(user, 'name') for user in users], params['properties'])
        return {
            'changed': False,
            'customer': CUSTOMER.values(customer) if customer is not None else {},
            'users': [with_properties(USER, user) for user in users],
        }

    run(task, query)


if __name__ == '__main__':
    main()
