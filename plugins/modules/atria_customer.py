#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_customer
short_description: Create, update, de-provision and delete Atria customers (tenants)
version_added: 0.1.0
description:
  - Manages a customer of Atria (formerly Citrix CloudPortal Services Manager) through the CortexAPI.
  - The customer is found by O(name) (its short code), else by O(fullname), so a customer whose code the server
    generated stays idempotent when the task names it by full name only.
  - Only the options given in the task are compared and sent; the others are left as they are.
  - A second identical run sends one read request and reports C(changed=false).
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.attributes
  - atria.cortex.atria.wait
options:
  name:
    description:
      - The customer's short code (on most deployments 1 to 20 letters or digits; the server's published rule
        applies, see O(fullname)).
      - When omitted on creation the server generates one from the initials of O(fullname).
      - One of O(name) and O(fullname) is required.
    type: str
    aliases: [code]
  fullname:
    description:
      - The customer's full name. Required to create a customer. Used to find the customer when O(name) is not given.
      - Which characters a full name may contain is the server's rule, and it differs between deployments (one
        allows only letters, digits, spaces, dots and hyphens, another also ampersands, commas, apostrophes and parentheses, as in
        C(Dunder & Mifflin, Inc.)).
        The module sends the name as given; when the server refuses it, the error quotes the rule the server
        publishes (C(<properties detail="true"/>)).
    type: str
  parent:
    description:
      - The reseller the customer belongs to, by code or full name.
      - Defaults, on creation, to the customer of the API user.
    type: str
  contact_name:
    description: Name of the customer's contact. Required to create a customer.
    type: str
  contact_email:
    description: E-mail address of the customer's contact. Required to create a customer.
    type: str
  primary_domain:
    description:
      - The customer's primary domain; new users' UPNs use it. Required to create a customer.
    type: str
  billing_id:
    description: The customer's billing identifier.
    type: str
  address:
    description: Postal address (free text; any character is accepted).
    type: str
  phone:
    description: Phone number.
    type: str
  fax:
    description: Fax number.
    type: str
  domains:
    description:
      - The customer's domains. See O(domains_mode) for how the list is applied.
      - The server requires the primary domain in the list, so O(primary_domain) always stays in it, whatever
        the mode.
    type: list
    elements: str
  domains_mode:
    description:
      - V(exact) makes O(domains) the whole list, V(present) adds the given domains, V(absent) removes them.
    type: str
    choices: [exact, present, absent]
    default: exact
  properties:
    description:
      - Customer properties, for example C(City) or C(Country).
      - Only the keys given are compared and sent; other properties are left alone.
    type: dict
  enabled:
    description: Whether the customer is enabled. A disabled customer keeps its data but its users cannot log on.
    type: bool
  location:
    description:
      - The Atria location the customer is provisioned in, as M(atria.cortex.atria_customer_info) shows it (the
        server's C(location)). Defaults, on creation, to the location of the parent.
      - Chosen at creation only. The server refuses another location later, so a task giving another location for
        an existing customer fails before anything is sent (check mode too).
    type: str
  password_minimum_length:
    description:
      - Password policy of the customer's users - the shortest password allowed (the server's C(minimumlength)).
        The server's published rule for its range applies.
    type: int
  password_banner_days:
    description: Password policy - how many days before a password expires users are warned (C(bannerdisplaydays)).
    type: int
  password_change_at_next_logon:
    description:
      - Password policy - whether new users must change their password at their first logon (C(changeatnextlogon),
        sent in both spellings of the guides).
    type: bool
  password_allow_never_expires:
    description:
      - Password policy - whether users may have a password that never expires (C(allowneverexpires)); needed for
        O(atria.cortex.atria_user#module:password_expires=never).
    type: bool
  locations:
    description:
      - The customer's locations users can be placed in (not its Atria O(location)). See O(locations_mode).
      - The server always keeps C(Unassigned) (users default to it), so the list always holds it, whatever the mode.
        A location a user still has cannot be removed (the server refuses it, error 1).
    type: list
    elements: str
  locations_mode:
    description:
      - V(exact) makes O(locations) the whole list, V(present) adds the given ones, V(absent) removes them.
    type: str
    choices: [exact, present, absent]
    default: exact
  departments:
    description:
      - The customer's departments, as O(locations) (C(Unassigned) always stays). See O(departments_mode).
    type: list
    elements: str
  departments_mode:
    description:
      - V(exact) makes O(departments) the whole list, V(present) adds the given ones, V(absent) removes them.
    type: str
    choices: [exact, present, absent]
    default: exact
  allowed_roles:
    description:
      - The security roles the customer's users may get (the customer's C(roles)), by name, for example
        C(User Administrator). See O(allowed_roles_mode).
      - A role a user of the customer still holds cannot be removed (the server refuses it, error 1), nor a role
        the server does not know (error 22).
    type: list
    elements: str
  allowed_roles_mode:
    description:
      - V(exact) makes O(allowed_roles) the whole list, V(present) adds the given roles, V(absent) removes them.
    type: str
    choices: [exact, present, absent]
    default: exact
  ou_structure:
    description:
      - How the customer's users are grouped in its Active Directory organisational unit (C(customeroustructure)).
    type: str
    choices: [ungrouped, department, location, department_location, location_department, user_specified]
  state:
    description:
      - V(present) creates or updates the customer, and re-provisions it if it was de-provisioned.
      - V(deprovisioned) keeps the customer but de-provisions it, which de-provisions all its users and
        services; V(present) provisions it again.
      - V(absent) deletes the customer. A customer that still has provisioned users or services is only deleted
        with O(force=true), because deleting it destroys their data.
    type: str
    choices: [present, absent, deprovisioned]
    default: present
  force:
    description:
      - With O(state=absent), delete the customer even if it still has provisioned users or services.
    type: bool
    default: false
notes:
  - The CortexAPI ignores unknown tags silently; this module only sends the tags it documents.
seealso:
  - module: atria.cortex.atria_customer_info
  - module: atria.cortex.atria_user
"""

EXAMPLES = r"""
- name: Create a customer under a reseller
  atria.cortex.atria_customer:
    api_url: https://atria.example.com/CortexAPI/Default.aspx
    api_username: api_CSP
    api_password: "{{ vault_atria_password }}"
    name: ACME
    fullname: Acme Corporation
    parent: DA
    contact_name: Jane Doe
    contact_email: jane.doe@acme.example
    primary_domain: acme.example
    domains:
      - acme.example
    properties:
      City: Riga
      Country: Latvia

- name: Password policy, places and the roles the customer's users may get
  atria.cortex.atria_customer:
    name: ACME
    password_minimum_length: 10
    password_banner_days: 14
    password_change_at_next_logon: true
    password_allow_never_expires: false
    locations: [Riga, London]
    departments: [Sales, Support]
    departments_mode: present
    allowed_roles: [Customer Administrator, User Administrator, Exchange Users]
    ou_structure: department

- name: Add a domain without touching the others (credentials from ATRIA_* environment variables)
  atria.cortex.atria_customer:
    name: ACME
    domains: [acme-mail.example]
    domains_mode: present

- name: De-provision a customer (and all its users and services) without deleting it
  atria.cortex.atria_customer:
    name: ACME
    state: deprovisioned
    wait: true

- name: Delete a customer that still has provisioned users
  atria.cortex.atria_customer:
    name: ACME
    state: absent
    force: true
"""

RETURN = r"""
customer:
  description: The customer as it is after the task (predicted in check mode).
  returned: always
  type: dict
  sample:
    name: ACME
    id: "35"
    fullname: Acme Corporation
    parent: {name: DA, fullname: Demo Also}
    contact_name: Jane Doe
    contact_email: jane.doe@acme.example
    primary_domain: acme.example
    domains: [acme.example]
    enabled: true
    status: Provisioned
    approval_pending: false
# shared RETURN block: approval (scripts/return_blocks.py)
approval_pending:
  description:
    - True when the server holds the change for workflow approval (see O(wait_for_approval)); absent otherwise.
  returned: when the change is held for approval
  type: bool
  sample: true
approval:
  description:
    - The approval request that holds the change, in the shape of M(atria.cortex.atria_approval_response_info)'s
      requests (description, status, dates, customer, requester, subscriptions with id, approver, status, reason).
  returned: when the change is held for approval
  type: dict
  sample:
    description: Provision User - Minnie Mouse
    status: Pending
    subscriptions: [{id: b360825a-d7b1-4685-a1cc-ceb94b81fa4a, approver: Mickey_CSP, status: Pending, reason: ""}]
approval_requests:
  description: Every approval request holding a change of the task (several with a list of entities), as RV(approval).
  returned: when the change is held for approval
  type: list
  elements: dict
# end of shared RETURN block: approval
request_id:
  description: The id of the provisioning request the change started; null when nothing was sent or on CPSM 10.
  returned: always
  type: int
request:
  description: The finished provisioning request, when O(wait=true).
  returned: when wait is true and a change was made
  type: dict
diff:
  description: The managed options before and after, in diff mode.
  returned: when changed and in diff mode
  type: dict
trace:
  description: Request and response XML with secrets redacted, when O(trace=true).
  returned: when trace is true
  type: list
  elements: dict
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine import validation
from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec, wait_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerLocator
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer import rules as customer_rules
from ansible_collections.atria.cortex.plugins.module_utils.api.status import NOT_PROVISIONED, status_equal
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run_resource, start_task

# Services every customer has that hold no tenant data (portal and administration settings).
SETTINGS_SERVICES = ('proxy', 'serviceadmins', 'reseller')


def argument_spec():
    spec = connection_argument_spec()
    spec.update(wait_argument_spec())
    spec.update(CUSTOMER.argument_spec())
    spec.update(
        state=dict(type='str', default='present', choices=['present', 'absent', 'deprovisioned']),
        force=dict(type='bool', default=False),
    )
    return spec


def refuse_to_destroy_data(module, client):
    """Deleting a customer silently destroys its users' and services' data: demand force for that."""

    def check(current):
        if module.params['force']:
            return
        code = xml_codec.text_of(current, 'name')
        provisioned = []
        for kind in ('user', 'service'):
            listing = client.find(xml_codec.E('customer', xml_codec.E('name', code), xml_codec.E(kind)))
            for entry in listing.iterfind('customer/' + kind):
                entry_name = xml_codec.text_of(entry, 'name') or ''
                if kind == 'service' and entry_name.lower() in SETTINGS_SERVICES:
                    continue
                if not status_equal(xml_codec.text_of(entry, 'status'), NOT_PROVISIONED):
                    provisioned.append('%s %s' % (kind, entry_name))
        if provisioned:
            raise CortexError(
                "Refusing to delete customer '%s': it still has provisioned %s. Deleting it would destroy their data. "
                "De-provision them first (state: deprovisioned), or set force: true to delete anyway."
                % (code, ', '.join(provisioned)))

    return check


def main():
    task = start_task(
        argument_spec(),
        required_one_of=[('name', 'fullname')],
        supports_check_mode=True,
    )
    validation.check_options(task, {
        'name': validation.not_blank_problem,
        'fullname': validation.not_blank_problem,
        'contact_email': validation.email_problem,
    })
    locator = CustomerLocator(name=task.params['name'], fullname=task.params['fullname'])
    run_resource(task, CUSTOMER, locator, before_delete_factory=refuse_to_destroy_data, explain=customer_rules.explain_refusal)


if __name__ == '__main__':
    main()
