#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_contact_info
short_description: List the Hosted Exchange contacts of an Atria customer
version_added: 0.1.0
description:
  - Reads a customer's contacts with the guide's paged GET ("Get Contacts"), following C(pageindex) until the last
    page, so every contact is returned however many there are (2,500 contacts take three requests of 1,000).
  - The filters are the server's (C(displaynamefilter), C(syncfilter)); it matches them as it does (the guide does
    not say whether a filter means "contains" or "starts with"). With O(exact=true) only the contacts whose display
    name and sync object id equal the filters are returned - one contact, for a display name.
  - CPSM 10 has no contacts and ignores the request for them; the module then fails naming the release, rather than
    report an empty list (one C(GET <global/>), only when the answer holds no contacts list at all).
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
  display_name:
    description: Only contacts whose display name matches this filter (the API's C(displaynamefilter)).
    type: str
  sync_object_id:
    description: Only contacts whose sync object id matches this filter (the API's C(syncfilter)).
    type: str
  exact:
    description:
      - Only contacts whose display name (and sync object id) equal O(display_name) (and O(sync_object_id)),
        compared case-insensitively, instead of everything the server's filters match.
    type: bool
    default: false
  page_size:
    description:
      - Contacts per request. The last page is the first one with fewer contacts than this, so it must not be
        larger than the most the server returns per page.
    type: int
    default: 1000
seealso:
  - module: atria.cortex.atria_contact
"""

EXAMPLES = r"""
- name: Every contact of a customer
  atria.cortex.atria_contact_info:
    customer: ACME
  register: contacts

- name: One contact
  atria.cortex.atria_contact_info:
    customer: Acme Corporation
    display_name: Pat Partner
    exact: true
  register: pat
"""

RETURN = r"""
contacts:
  description: The matching contacts, with the option names of M(atria.cortex.atria_contact).
  returned: always
  type: list
  elements: dict
  sample:
    - display_name: Pat Partner
      sync_object_id: ""
      email: pat@partner.example
      email_alias: patpartner
      first_name: Pat
      last_name: Partner
      initials: ""
      job_title: ""
      company_name: Partner Ltd
      business_phone: "+44 20 7946 0000"
      business_fax: ""
      home_phone: ""
      mobile: ""
      web_page: ""
      street: ""
      city: ""
      state_or_province: ""
      country: ""
      postcode: ""
      hide_from_address_lists: false
      path: CN=Pat Partner,OU=Contacts,OU=Acme(ACME),OU=Customers,DC=example,DC=local
      enabled: true
hosted_exchange_status:
  description: The status of the customer's Hosted Exchange service; a customer without it has no contacts.
  returned: always
  type: str
  sample: Provisioned
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine import validation
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.contact import CONTACT, contacts
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task

# Filters the server applies (contact.contacts sends them as displaynamefilter and syncfilter).
FILTER_OPTIONS = ('display_name', 'sync_object_id')


def argument_spec():
    spec = connection_argument_spec()
    spec.update(CONTACT.argument_spec(FILTER_OPTIONS))
    spec.update(
        customer=dict(type='str', required=True),
        exact=dict(type='bool', default=False),
        page_size=dict(type='int', default=1000),
    )
    return spec


def equal_to_filters(values, params):
    """With exact: the contact's display name and sync object id equal the filters given (case-insensitively)."""
    return all((values.get(option) or '').lower() == params[option].strip().lower()
               for option in FILTER_OPTIONS if params[option] is not None)


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    params = task.params
    validation.check_options(task, {'page_size': validation.positive_problem})

    def query(client):
        status, found = contacts(client, params['customer'], params['display_name'], params['sync_object_id'],
                                 page_size=params['page_size'])
        values = [CONTACT.values(contact) for contact in found]
        if params['exact']:
            values = [value for value in values if equal_to_filters(value, params)]
        return {'changed': False, 'hosted_exchange_status': status, 'contacts': values}

    run(task, query)


if __name__ == '__main__':
    main()
