#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_service_info
short_description: List the services of an Atria customer or user, with details on request
version_added: 0.1.0
description:
  - Lists the services of a customer of Atria (formerly Citrix CloudPortal Services Manager) - every service
    offered to it, provisioned or not - or the services of one of its users, with their status, in one FIND
    request.
  - O(details=true) adds the plans, packages, limits and settings of each listed service with one GET request
    (per 100 services); O(properties=true) adds their properties, hidden ones included; O(instances=true) adds
    the instances of multi-instance services (CRM 2011, SharePoint 2010, Microsoft SQL Server Hosting, Windows
    Web-Hosting).
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
  user:
    description:
      - List the services of this user of the customer instead, by name (with or without the
        C(_<customer code>) suffix) or by user principal name.
      - A user's list holds the services the customer has provisioned for users, and those the user has.
    type: str
  name:
    description: Only this service, by internal name (C(HE)) or display name (C(Hosted Exchange)).
    type: str
    aliases: [service]
  status:
    description: Only services with this provisioning status.
    type: str
    choices: [NotProvisioned, Requested, InProgress, Provisioned, Failed, Pending]
  details:
    description: Read the plans, packages, limits and settings of the listed services.
    type: bool
    default: false
  properties:
    description: Include the services' properties, hidden ones too (implies O(details)).
    type: bool
    default: false
  instances:
    description: Include the instances of multi-instance services (implies O(details)).
    type: bool
    default: false
seealso:
  - module: atria.cortex.atria_service
"""

EXAMPLES = r"""
- name: Which services does the customer have?
  atria.cortex.atria_service_info:
    customer: ACME
    status: Provisioned
  register: acme_services

- name: Hosted Exchange of the customer in detail
  atria.cortex.atria_service_info:
    customer: Acme Corporation
    name: Hosted Exchange
    properties: true

- name: The services of one user
  atria.cortex.atria_service_info:
    customer: ACME
    user: alice
    details: true

- name: SharePoint sites of the customer
  atria.cortex.atria_service_info:
    customer: ACME
    name: SharePoint2010
    instances: true
"""

RETURN = r"""
services:
  description:
    - The matching services. C(name), C(fullname), C(status), C(approval_pending) (and C(location) for a customer)
      always; with O(details) also what M(atria.cortex.atria_service) returns as C(service), and C(properties)
      and C(instances) when asked for.
    - A customer's Hosted Exchange (C(HE)) with O(details) adds its settings - C(accepted_domains),
      C(update_email_address_policy), C(mailbox_storage_limit), the C(public_folder_*) values - and
      C(address_formats), the e-mail address formats the server shows (C(customerwide) and C(addresses), each with
      C(example), C(domain), C(pattern), C(primary), C(assigned); capture C(CustomerServiceGet), returned only).
  returned: always
  type: list
  elements: dict
  sample:
    - name: HE
      fullname: Hosted Exchange
      location: Location GSP
      status: Provisioned
      approval_pending: false
    - name: FSS
      fullname: File Sharing
      location: Location GSP
      status: NotProvisioned
      approval_pending: false
"""

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.resource import CUSTOMER_SERVICE, SERVICE_SUMMARY, USER_SERVICE, instances_of
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.finder import find_services, get_services
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.locator import user_locator
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.catalog import same_name
from ansible_collections.atria.cortex.plugins.module_utils.api.status import status_equal


def wanted(summary, name, status):
    """Whether a FIND entry passes the name (code or display name) and status filters."""
    if name and not (same_name(xml_codec.text_of(summary, 'name'), name) or same_name(xml_codec.text_of(summary, 'fullname'), name)):
        return False
    return not status or status_equal(xml_codec.text_of(summary, 'status'), status)


# Filters applied to the FIND answer (name: code or display name).
FILTER_OPTIONS = ('name', 'status')


def argument_spec():
    spec = connection_argument_spec()
    spec.update(SERVICE_SUMMARY.argument_spec(FILTER_OPTIONS))
    spec.update(
        customer=dict(type='str', required=True),
        user=dict(type='str'),
        details=dict(type='bool', default=False),
        properties=dict(type='bool', default=False),
        instances=dict(type='bool', default=False),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    params = task.params

    def query(client):
        customer = CustomerRef(params['customer'])
        user = user_locator(customer, params['user']) if params['user'] else None
        summaries = [entry for entry in find_services(client, customer, user) if wanted(entry, params['name'], params['status'])]
        if not (params['details'] or params['properties'] or params['instances']):
            return {'changed': False, 'services': [SERVICE_SUMMARY.values(entry) for entry in summaries]}
        codes = [xml_codec.text_of(entry, 'name') for entry in summaries]
        services = []
        for element in get_services(client, customer, codes, user, params['properties'], params['instances']):
            values = (USER_SERVICE if user else CUSTOMER_SERVICE).values(element)
            instances = instances_of(element)
            if instances is not None:
                values['instances'] = instances
            services.append(values)
        return {'changed': False, 'services': services}

    run(task, query)


if __name__ == '__main__':
    main()
