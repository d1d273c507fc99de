#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_dist_group
short_description: Create, update and delete Hosted Exchange distribution groups of an Atria customer
version_added: 0.1.0
description:
  - Manages a distribution group of a customer's Hosted Exchange service in Atria (formerly Citrix CloudPortal
    Services Manager) through the CortexAPI, as in the guide's "Add a User to a Distribution Group".
  - The group is identified by its display name (compared case-insensitively). It is read with one GET that
    filters the customer's groups by that name, so a customer with thousands of groups costs no more (further
    pages are read only when more than 1000 names contain the display name).
  - Every list option has a C(_mode) option - V(exact) (the whole list), V(present) (add these), V(absent)
    (remove these) - whatever the API does underneath. The API replaces O(email_addresses) and O(owners) as a
    whole, so the module sends the full resulting list. It changes O(members), O(send_as_members),
    O(accepted_senders) and O(rejected_senders) one entry at a time, so the module sends only the entries to add
    and to remove, and leaves the others untouched.
  - Hosted Exchange must be provisioned for the customer. The module checks that before it writes, from the
    same read, and fails with a clear message otherwise.
  - Members, owners and senders must be users, contacts or groups of the customer; an unknown one is refused before
    anything is sent. In check mode it is a warning instead, because an earlier task of the same run (a new user or
    contact) may create it.
  - An identical re-run sends one read request and reports no change - two when the lists name users by user
    name, whose e-mail addresses are then looked up.
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
    description: The group's display name; identifies the group.
    type: str
    required: true
  email:
    description: The group's primary e-mail address.
    type: str
  email_alias:
    description: The Exchange alias of the group.
    type: str
  group_type:
    description: Scope and kind of the group.
    type: str
    choices: [Universal_Distribution, Global_Distribution, Local_Distribution, Universal_Security, Global_Security, Local_Security]
  mail_tip:
    description: The MailTip Outlook shows to senders.
    type: str
  hide_from_address_lists:
    description: Whether the group is hidden from the address lists.
    type: bool
  require_sender_authentication:
    description: Whether only authenticated (internal) senders may send to the group.
    type: bool
  member_join_restriction:
    description: Whether users may join the group themselves.
    type: str
    choices: [Open, Closed, ApprovalRequired]
  member_depart_restriction:
    description: Whether members may leave the group themselves.
    type: str
    choices: [Open, Closed, ApprovalRequired]
  send_moderation_notifications:
    description: Whether senders are told when moderators reject their messages.
    type: bool
  email_addresses:
    description:
      - The group's additional e-mail addresses. Compared case-insensitively. See O(email_addresses_mode).
    type: list
    elements: str
  email_addresses_mode:
    description: V(exact) makes O(email_addresses) the whole list, V(present) adds the given addresses, V(absent) removes them.
    type: str
    choices: [exact, present, absent]
    default: exact
  owners:
    description:
      - The group's owners (managers). Each owner is named by e-mail address, or by user name with or without
        the C(_<customer code>) suffix (C(alice) or C(alice_ACME)); see O(members) for how names are matched.
      - See O(owners_mode).
    type: list
    elements: str
  owners_mode:
    description: V(exact) makes O(owners) the whole list, V(present) adds the given owners, V(absent) removes them.
    type: str
    choices: [exact, present, absent]
    default: exact
  members:
    description:
      - The group's members. A member is named by its e-mail address (users, contacts and other groups), or, for
        a user of the customer, by user name with or without the C(_<customer code>) suffix, or, for a contact of
        the customer (M(atria.cortex.atria_contact)), by its display name.
      - Names are compared case-insensitively. A user name is looked up (one read for all the lists of the task)
        and matched by the user's e-mail addresses; a name that is no user is looked up among the customer's
        contacts (one more read) and stands for the contact's e-mail address. Results and diffs show members by
        e-mail address.
      - A name that is neither a user nor a contact fails the task before anything is sent, except in V(absent)
        mode, where it has nothing to remove.
      - See O(members_mode).
    type: list
    elements: str
  members_mode:
    description: V(exact) makes O(members) the whole list, V(present) adds the given members, V(absent) removes them.
    type: str
    choices: [exact, present, absent]
    default: exact
  send_as_members:
    description: Recipients allowed to send as the group; named like O(members). See O(send_as_members_mode).
    type: list
    elements: str
  send_as_members_mode:
    description: As O(members_mode), for O(send_as_members).
    type: str
    choices: [exact, present, absent]
    default: exact
  accepted_senders:
    description:
      - The only senders the group accepts messages from (the API's C(sendrestrictionacceptedmembers)); named like
        O(members). See O(accepted_senders_mode).
    type: list
    elements: str
  accepted_senders_mode:
    description: As O(members_mode), for O(accepted_senders).
    type: str
    choices: [exact, present, absent]
    default: exact
  rejected_senders:
    description:
      - Senders whose messages the group rejects (the API's C(sendrestrictionrejectedmembers)); named like
        O(members). See O(rejected_senders_mode).
    type: list
    elements: str
  rejected_senders_mode:
    description: As O(members_mode), for O(rejected_senders).
    type: str
    choices: [exact, present, absent]
    default: exact
  state:
    description:
      - V(present) creates or updates the group.
      - V(absent) removes it. The guide documents no DELETE for distribution groups; the module sends the group's
        C(<enabled>false</enabled>) (the flag of the guide's complete distribution-group SET template) in a
        customer-level SET, and the result is then empty.
    type: str
    choices: [present, absent]
    default: present
notes:
  - Only the member lists the task manages are read; the others are neither read nor returned.
seealso:
  - module: atria.cortex.atria_dist_group_info
  - module: atria.cortex.atria_user
"""

EXAMPLES = r"""
- name: A distribution group with three members and one owner
  atria.cortex.atria_dist_group:
    customer: ACME
    display_name: Sales Team
    email: sales@acme.example
    group_type: Universal_Distribution
    member_join_restriction: Closed
    owners: [alice]
    members: [alice, bob, partner@example.org]

- name: Add a member, keeping the others
  atria.cortex.atria_dist_group:
    customer: ACME
    display_name: Sales Team
    members: [carol_ACME]
    members_mode: present

- name: Only internal senders, and not bob
  atria.cortex.atria_dist_group:
    customer: ACME
    display_name: Sales Team
    require_sender_authentication: true
    rejected_senders: [bob]
    rejected_senders_mode: present

- name: Remove the group
  atria.cortex.atria_dist_group:
    customer: ACME
    display_name: Sales Team
    state: absent
"""

RETURN = r"""
distribution_group:
  description:
    - The group as it is after the task (predicted in check mode); empty after a removal.
    - Lists show recipients by e-mail address. Member lists the task does not manage are not included.
  returned: always
  type: dict
  sample:
    display_name: Sales Team
    email: sales@acme.example
    email_alias: salesteam
    group_type: Universal_Distribution
    mail_tip: ""
    hide_from_address_lists: false
    require_sender_authentication: true
    member_join_restriction: Closed
    member_depart_restriction: Closed
    send_moderation_notifications: false
    email_addresses: []
    owners: [alice_acme@acme.example]
    members: [alice_acme@acme.example, bob_acme@acme.example, partner@example.org]
    path: CN=Sales Team,OU=Distribution Groups,OU=Acme(ACME),OU=Customers,DC=example,DC=local
    sync_object_id: ""
    enabled: true
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
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.distribution import DIST_GROUP
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import DistGroupLocator
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run_resource, start_task


def argument_spec():
    spec = connection_argument_spec()
    spec.update(wait_argument_spec())
    spec.update(DIST_GROUP.argument_spec(required=('display_name',)))
    spec.update(
        customer=dict(type='str', required=True),
        state=dict(type='str', default='present', choices=['present', 'absent']),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    validation.check_options(task, {'email': validation.email_problem})
    locator = DistGroupLocator(task.params['customer'], task.params['display_name'])
    run_resource(task, DIST_GROUP, locator, before_write=locator.require_service)


if __name__ == '__main__':
    main()
