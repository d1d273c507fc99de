#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_user
short_description: Create, update, de-provision and delete users of an Atria customer
version_added: 0.1.0
description:
  - Manages users of a customer of Atria (formerly Citrix CloudPortal Services Manager) through the CortexAPI.
  - The server stores a user created as C(User1) under customer C(TC) as C(User1_TC); this module accepts
    either form in O(name) and stays idempotent.
  - One user per task with O(name) or O(upn), or many users of one customer in one task with O(users) (one read
    request and one multi-user SET request, however many users change).
  - The first user of a customer becomes its administrator; the last user of a customer cannot be deleted.
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.attributes
  - atria.cortex.atria.wait
options:
  customer:
    description: The customer the user belongs to, by code or full name.
    type: str
    required: true
  name:
    description:
      - The user name, with or without the C(_<customer code>) suffix the server adds.
      - One of O(name), O(upn) and O(users) is required.
    type: str
  upn:
    description:
      - The user principal name. Identifies the user when O(name) is not given; otherwise it is a managed value.
      - Defaults, on creation, to C(<name>_<code>@<primary domain of the customer>).
    type: str
  first_name:
    description: Given name.
    type: str
  last_name:
    description: Surname.
    type: str
  display_name:
    description: Display name (the server's C(fullname)).
    type: str
  external_email:
    description: External e-mail address.
    type: str
  location:
    description: The customer location the user belongs to.
    type: str
  department:
    description: The customer department the user belongs to.
    type: str
  phone:
    description: Phone number.
    type: str
  enabled:
    description: Whether the user account is enabled.
    type: bool
  custom_field1:
    description: The user's custom field 1 (C(customfield1); Atria shows it as C(Custom 1)).
    type: str
  custom_field2:
    description: The user's custom field 2 (C(customfield2); Atria shows it as C(Custom 2)).
    type: str
  account_expires:
    description:
      - When the account expires (the user-level C(expires)) - V(never), or a date C(YYYY-MM-DD) such as
        C(2031-01-31) (quoted or not). Anything else is refused before anything is sent.
    type: str
  locked:
    description:
      - V(false) unlocks an account that locked itself after failed logons; an unlocked account is left alone.
      - The CortexAPI cannot lock an account, so V(true) is refused before anything is sent (to stop a user from
        logging on, use O(enabled=false)). Leave O(locked) out to leave the lock alone; the result always shows it.
    type: bool
  change_password_at_next_logon:
    description:
      - Whether the user must change the password at the next logon (inside C(<password>); sent as both
        C(changeatnextlogon), the Atria guide's spelling, and C(changeatnextlogin), the CPSM 11 guide's).
      - Compared on every run and changed without sending the password again.
    type: bool
  password_expires:
    description:
      - When the password expires - V(never), or a date C(YYYY-MM-DD). Compared on every run and changed without
        sending the password again.
      - V(never) needs the customer's password policy to allow it
        (O(atria.cortex.atria_customer#module:password_allow_never_expires)); otherwise it is refused before
        anything is sent (the server would answer error 35).
    type: str
  properties:
    description:
      - User properties (C(<properties>)), for example C(adminDescription). Only the keys given are compared and
        sent; other properties are left alone.
    type: dict
  additional_properties:
    description:
      - Active Directory attributes of the user (C(<additionalproperties>)), named by their attribute, for example
        C(title), C(mobile), C(extensionAttribute1), C(manager). Only the keys given are compared and sent.
      - C(manager) names a user of the same customer by user name, with or without the C(_<customer code>)
        suffix (the server stores the manager's login, C(boss_ACME)); a user that does not exist is refused before
        anything is sent. Workflow Managers approvals follow this manager chain.
    type: dict
  roles:
    description:
      - Security roles by name, for example C(User Administrator), as the customer lists them. A role the customer
        does not offer is refused before anything is sent. See O(roles_mode).
      - The server makes the first user of a customer its C(Customer Administrator) whatever the request says. So
        when the task creates a customer's first user, the roles sent include C(Customer Administrator) (with a
        warning), and the task converges in one run.
      - The module never takes C(Customer Administrator) away from a customer's last administrator, whatever
        O(roles_mode) says - that would leave the customer without one. It keeps the role, with a warning; give
        the role to another user first, then take it from this one. Knowing this costs one read of the customer's
        users, made only when a roles change would take that role away.
    type: list
    elements: str
  roles_mode:
    description:
      - V(exact) makes O(roles) the whole list, V(present) adds the given roles, V(absent) removes them.
    type: str
    choices: [exact, present, absent]
    default: exact
  password:
    description:
      - The user's password. The server never returns it, so it cannot be compared; see O(update_password).
      - When a user is created without one, the server generates one.
      - A password shorter than the customer's password policy (C(minimumlength)) is refused before anything is
        sent (one read of the customer, only when a password is sent).
    type: str
  update_password:
    description:
      - V(on_create) sets O(password) only when the user is created, so re-runs stay unchanged.
      - V(always) sends O(password) on every run, which then always reports a change.
    type: str
    choices: [on_create, always]
    default: on_create
  state:
    description:
      - V(present) creates or updates the user and re-provisions a de-provisioned one.
      - V(deprovisioned) keeps the user but de-provisions it (and its services).
      - V(absent) deletes the user. The server never deletes the last user of a customer; the module refuses that
        before sending anything - delete the customer instead (M(atria.cortex.atria_customer) with V(absent)).
    type: str
    choices: [present, absent, deprovisioned]
    default: present
  users:
    description:
      - Many users of O(customer) reconciled in one task. Each item takes the per-user options of this module
        (O(users[].name) or O(users[].upn) required). Cannot be combined with O(name) or O(upn).
      - The per-user options belong in the items. A per-user option given at the top level next to O(users) (for
        example O(update_password=always)) is refused before anything is sent, because it would apply to no user.
      - All creations and updates travel in one SET request, all deletions in one DELETE request.
    type: list
    elements: dict
    suboptions:
      name:
        description: As O(name).
        type: str
      upn:
        description: As O(upn).
        type: str
      first_name:
        description: As O(first_name).
        type: str
      last_name:
        description: As O(last_name).
        type: str
      display_name:
        description: As O(display_name).
        type: str
      external_email:
        description: As O(external_email).
        type: str
      location:
        description: As O(location).
        type: str
      department:
        description: As O(department).
        type: str
      phone:
        description: As O(phone).
        type: str
      enabled:
        description: As O(enabled).
        type: bool
      custom_field1:
        description: As O(custom_field1).
        type: str
      custom_field2:
        description: As O(custom_field2).
        type: str
      account_expires:
        description: As O(account_expires).
        type: str
      locked:
        description: As O(locked).
        type: bool
      change_password_at_next_logon:
        description: As O(change_password_at_next_logon).
        type: bool
      password_expires:
        description: As O(password_expires).
        type: str
      properties:
        description: As O(properties).
        type: dict
      additional_properties:
        description: As O(additional_properties).
        type: dict
      roles:
        description: As O(roles).
        type: list
        elements: str
      roles_mode:
        description: As O(roles_mode).
        type: str
        choices: [exact, present, absent]
        default: exact
      password:
        description: As O(password).
        type: str
      update_password:
        description: As O(update_password).
        type: str
        choices: [on_create, always]
        default: on_create
      state:
        description: As O(state).
        type: str
        choices: [present, absent, deprovisioned]
        default: present
seealso:
  - module: atria.cortex.atria_user_info
  - module: atria.cortex.atria_customer
"""

EXAMPLES = r"""
- name: Create a user with an initial password (credentials from ATRIA_* environment variables)
  atria.cortex.atria_user:
    customer: ACME
    name: alice
    first_name: Alice
    last_name: Liddell
    display_name: Alice Liddell
    password: "{{ vault_alice_password }}"
    roles:
      - User Administrator
    roles_mode: present

- name: Password settings, account expiry and Active Directory attributes (the password itself is not re-sent)
  atria.cortex.atria_user:
    customer: ACME
    name: bob
    change_password_at_next_logon: true
    password_expires: "2031-01-31"
    account_expires: never
    custom_field1: cost centre 42
    additional_properties:
      title: Engineer
      mobile: "+371 2000 0000"
      manager: alice

- name: Unlock an account that locked itself after failed logons
  atria.cortex.atria_user:
    customer: ACME
    name: bob
    locked: false

- name: Reconcile a whole team in one request
  atria.cortex.atria_user:
    customer: ACME
    users:
      - name: bob
        first_name: Bob
        last_name: Builder
      - name: carol
        first_name: Carol
        last_name: Singer
        department: Sales
      - name: mallory
        state: absent

- name: De-provision a user, keeping the account
  atria.cortex.atria_user:
    customer: Acme Corporation
    name: alice_ACME
    state: deprovisioned
"""

RETURN = r"""
user:
  description: The user as it is after the task (predicted in check mode). Never contains the password.
  returned: when O(users) is not used
  type: dict
  sample:
    name: alice_ACME
    id: "114"
    upn: alice_ACME@acme.example
    first_name: Alice
    last_name: Liddell
    display_name: Alice Liddell
    roles: [User Administrator]
    enabled: true
    locked: false
    account_expires: Never
    change_password_at_next_logon: false
    password_expires: "2031-01-31"
    status: Provisioned
users:
  description: One entry per item of O(users), with C(changed) and C(action) (create, update, delete, none).
  returned: when O(users) is used
  type: list
  elements: dict
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
  description: The id of the provisioning request; null when nothing was sent or on CPSM 10.
  returned: when O(users) is not used
  type: int
request_ids:
  description: The ids of the provisioning requests of a bulk run (one SET, at most one DELETE).
  returned: when O(users) is used
  type: list
  elements: int
diff:
  description: The managed options before and after (keyed by user name for O(users)); never the password.
  returned: when changed and in diff mode
  type: dict
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec, wait_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.locator import UserLocator, suffixed_user_name
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run_bulk, run_resource, start_task


def user_options():
    """The per-user options, shared by the top level and by the items of ``users``."""
    options = USER.argument_spec()
    options.update(state=dict(type='str', default='present', choices=['present', 'absent', 'deprovisioned']))
    return options


def argument_spec():
    spec = connection_argument_spec()
    spec.update(wait_argument_spec())
    spec.update(user_options())
    spec.update(
        customer=dict(type='str', required=True),
        users=dict(type='list', elements='dict', options=user_options(),
                   required_one_of=[('name', 'upn')]),
    )
    return spec


def user_keys(item, customer_code):
    """How a user is selected inside its customer: stored name first, else UPN."""
    if item.get('name'):
        return [('name', suffixed_user_name(item['name'], customer_code))]
    return [('upn', item['upn'])]


def options_beside_users(params):
    """Per-user options given at the top level next to ``users`` (they would silently apply to nobody)."""
    return sorted(
        option
        for option, spec in user_options().items()
        if params.get(option) is not None and params.get(option) != spec.get('default')
    )


def main():
    task = start_task(
        argument_spec(),
        required_one_of=[('name', 'upn', 'users')],
        mutually_exclusive=[('users', 'name'), ('users', 'upn')],
        supports_check_mode=True,
    )
    params = task.params
    if params['users'] is None:
        run_resource(task, USER, UserLocator(params['customer'], name=params['name'], upn=params['upn']))
        return

    ignored = options_beside_users(params)
    if ignored:
        task.fail(
            'With users, the per-user options belong in each item: %s at the top level would apply to no user. Move '
            'them into the items of users (for example update_password: always in each item). Nothing was sent.'
            % ', '.join(ignored)
        )
        return
    run_bulk(task, USER, CustomerRef(params['customer']), 'user', user_keys, ('name', 'upn'), 'users')


if __name__ == '__main__':
    main()
