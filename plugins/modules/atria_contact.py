#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_contact
short_description: Create, update and delete Hosted Exchange contacts of an Atria customer
version_added: 0.1.0
description:
  - Manages a contact (an external recipient in the customer's address book) of a customer's Hosted Exchange
    service in Atria (formerly Citrix CloudPortal Services Manager) through the CortexAPI, as in the guide's
    "Get Contacts" and "Set Contact".
  - The contact is found by O(path), by O(sync_object_id) or by O(display_name), tried in that order (each with
    one filtered GET; further pages only when more than 1000 contacts match the filter). The write names the
    contact by the identifier that found it, so a contact found by O(path) or O(sync_object_id) takes a new
    O(display_name).
  - Hosted Exchange must be provisioned for the customer. The module checks that before it writes, from the
    same read, and fails with a clear message otherwise.
  - An identical re-run sends one read request and reports no change.
  - Contacts can be members of distribution groups; M(atria.cortex.atria_dist_group) names them by e-mail address
    or display name.
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.attributes
  - atria.cortex.atria.wait
options:
  customer:
    description: The customer, by code or full name.
    type: str
    required: true
  display_name:
    description:
      - The contact's display name (compared case-insensitively). Identifies the contact unless O(path) or
        O(sync_object_id) find it; required to create one.
    type: str
  sync_object_id:
    description:
      - The identifier of the object the contact was synced from in a remote domain (the API's C(syncobjectid)).
      - Finds the contact when it has this identifier; otherwise, the contact found by O(display_name) gets it.
    type: str
  path:
    description:
      - The contact's distinguished name (the C(path) the result RV(contact) shows). Only finds the contact; it is
        never changed. Creating a contact needs O(display_name).
    type: str
  email:
    description: The contact's external e-mail address.
    type: str
  email_alias:
    description: The Exchange alias of the contact.
    type: str
  first_name:
    description: First name.
    type: str
  last_name:
    description: Last name.
    type: str
  initials:
    description: Initials.
    type: str
  job_title:
    description: Job title.
    type: str
  company_name:
    description: Company.
    type: str
  business_phone:
    description: Business phone number.
    type: str
  business_fax:
    description: Business fax number.
    type: str
  home_phone:
    description: Home phone number.
    type: str
  mobile:
    description: Mobile phone number.
    type: str
  web_page:
    description: Web page.
    type: str
  street:
    description: Street address.
    type: str
  city:
    description: City.
    type: str
  state_or_province:
    description: State or province (the API's C(state); O(state) is whether the contact exists).
    type: str
  country:
    description: Country or region.
    type: str
  postcode:
    description: Postal code.
    type: str
  hide_from_address_lists:
    description: Whether the contact is hidden from the address lists.
    type: bool
  state:
    description:
      - V(present) creates or updates the contact.
      - V(absent) removes it. The guide documents no DELETE for contacts; the module sends the contact's
        C(<enabled>false</enabled>) (the one flag of the guide's "Set Contact" template) in a customer-level SET,
        checks with a read that the contact is gone, and the result is then empty.
    type: str
    choices: [present, absent]
    default: present
notes:
  - CPSM 10 has no contacts; on such a server the module fails before sending anything.
  - An empty string clears a text field, except O(email), which must be an e-mail address.
seealso:
  - module: atria.cortex.atria_contact_info
  - module: atria.cortex.atria_dist_group
"""

EXAMPLES = r"""
- name: A partner in the address book
  atria.cortex.atria_contact:
    customer: ACME
    display_name: Pat Partner
    email: pat@partner.example
    first_name: Pat
    last_name: Partner
    company_name: Partner Ltd
    business_phone: "+44 20 7946 0000"

- name: Rename a synced contact
  atria.cortex.atria_contact:
    customer: Acme Corporation
    sync_object_id: 6f1c2c1e-52a4-4d4e-9e1c-0d5b8c3f4a11
    display_name: Pat Partner (Partner Ltd)

- name: Hide it, then make it a distribution-group member
  atria.cortex.atria_contact:
    customer: ACME
    display_name: Pat Partner
    hide_from_address_lists: true

- name: Remove the contact
  atria.cortex.atria_contact:
    customer: ACME
    display_name: Pat Partner
    state: absent
"""

RETURN = r"""
contact:
  description: The contact as it is after the task (predicted in check mode); empty after a removal.
  returned: always
  type: dict
  sample:
    display_name: Pat Partner
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
request_id:
  description: The id of the request the change started; null when nothing was sent.
  returned: always
  type: int
diff:
  description: The options the task manages, before and after.
  returned: when changed and in diff mode
  type: dict
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine import validation
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec, wait_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.contact import CONTACT, ContactLocator
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run_resource, start_task

IDENTIFIERS = ('display_name', 'sync_object_id', 'path')


def argument_spec():
    spec = connection_argument_spec()
    spec.update(wait_argument_spec())
    spec.update(CONTACT.argument_spec())
    spec.update(
        customer=dict(type='str', required=True),
        path=dict(type='str'),
        state=dict(type='str', default='present', choices=['present', 'absent']),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True, required_one_of=[IDENTIFIERS])
    params = task.params
    validation.check_options(task, dict([('email', validation.email_problem)] + [
        (option, validation.not_blank_problem) for option in IDENTIFIERS]))
    locator = ContactLocator(params['customer'], params['display_name'], params['sync_object_id'], params['path'])
    run_resource(task, CONTACT, locator, before_write=locator.require_service)


if __name__ == '__main__':
    main()
