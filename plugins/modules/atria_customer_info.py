#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_customer_info
short_description: List Atria customers, with details on request
version_added: 0.1.0
description:
  - Finds the customers visible to the API user (its own customer and those below it) with one FIND request.
  - Every filter is optional and they combine; without filters every visible customer is returned.
  - FIND answers are summaries. O(details=true) adds one GET per customer for the contact, address, parent,
    domains and the other details; O(properties=true) adds the customer properties.
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.info_module
options:
  name:
    description: Customer short code.
    type: str
    aliases: [code]
  fullname:
    description: Customer full name.
    type: str
  id:
    description: Customer id.
    type: int
  billing_id:
    description: Billing id.
    type: str
  primary_domain:
    description: Primary domain.
    type: str
  status:
    description: Provisioning status.
    type: str
    choices: [NotProvisioned, Requested, InProgress, Provisioned, Failed, Pending]
  parent:
    description: Only customers of this reseller (code or full name).
    type: str
  details:
    description: Read each customer's details with one GET per customer.
    type: bool
    default: false
  properties:
    description: Include each customer's properties (implies O(details)).
    type: bool
    default: false
seealso:
  - module: atria.cortex.atria_customer
"""

EXAMPLES = r"""
- name: All customers of a reseller that are provisioned
  atria.cortex.atria_customer_info:
    parent: DA
    status: Provisioned
  register: provisioned

- name: One customer with its details and properties
  atria.cortex.atria_customer_info:
    name: ACME
    properties: true
  register: acme
"""

RETURN = r"""
customers:
  description: The matching customers, in the server's order. Summary keys always; the rest with O(details).
  returned: always
  type: list
  elements: dict
  sample:
    - name: DA
      id: "23"
      fullname: Demo Also
      billing_id: ""
      primary_domain: nervogrid.com
      status: Provisioned
      approval_pending: false
"""

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import with_properties
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.finder import find_customers, get_customer

# The FIND filters, in the order the guide lists them: (option, tag) of the customer's fields.
FILTER_OPTIONS = ('name', 'fullname', 'id', 'billing_id', 'primary_domain', 'status', 'parent')
FILTERS = CUSTOMER.tags(FILTER_OPTIONS)


def argument_spec():
    spec = connection_argument_spec()
    spec.update(CUSTOMER.argument_spec(FILTER_OPTIONS))
    spec.update(
        details=dict(type='bool', default=False),
        properties=dict(type='bool', default=False),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    params = task.params

    def query(client):
        filters = [(tag, None if params[option] is None else str(params[option])) for option, tag in FILTERS]
        found = find_customers(client, filters)
        if params['details'] or params['properties']:
            found = [get_customer(client, xml_codec.text_of(summary, 'name'), params['properties']) for summary in found]
        return {'changed': False, 'customers': [with_properties(CUSTOMER, customer) for customer in found]}

    run(task, query)


if __name__ == '__main__':
    main()
