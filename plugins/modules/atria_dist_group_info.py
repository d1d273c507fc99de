#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_dist_group_info
short_description: List the Hosted Exchange distribution groups of an Atria customer
version_added: 0.1.0
description:
  - Reads a customer's distribution groups with the guide's paged GET ("Get Distribution Groups with a Filter"),
    following C(pageindex) until the last page, so every group is returned however many there are
    (2,500 groups take three requests of 1,000).
  - The filters are the server's; it matches them as it does (the guide shows a filter of C(M) without saying
    whether that means "contains" or "starts with").
  - The member lists are returned only with O(members=true), because the server sends them only when asked.
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
    description: Only groups whose display name matches this filter (the API's C(displaynamefilter)).
    type: str
  email:
    description: Only groups whose e-mail addresses match this filter (the API's C(emailfilter)).
    type: str
  members:
    description: Include the member lists (members, send-as members, accepted and rejected senders).
    type: bool
    default: false
  page_size:
    description:
      - Groups per request. The last page is the first one with fewer groups than this, so it must not be
        larger than the most the server returns per page.
    type: int
    default: 1000
seealso:
  - module: atria.cortex.atria_dist_group
"""

EXAMPLES = r"""
- name: Every distribution group of a customer
  atria.cortex.atria_dist_group_info:
    customer: ACME
  register: groups

- name: The sales groups, with their members
  atria.cortex.atria_dist_group_info:
    customer: Acme Corporation
    display_name: Sales
    members: true
  register: sales
"""

RETURN = r"""
groups:
  description:
    - The matching groups, with the option names of M(atria.cortex.atria_dist_group).
    - Recipients are shown by e-mail address; the member lists only with O(members=true).
  returned: always
  type: list
  elements: dict
  sample:
    - display_name: Sales Team
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
      path: CN=Sales Team,OU=Distribution Groups,OU=Acme(ACME),OU=Customers,DC=example,DC=local
      sync_object_id: ""
      enabled: true
hosted_exchange_status:
  description: The status of the customer's Hosted Exchange service; a customer without it has no groups.
  returned: always
  type: str
  sample: Provisioned
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine import validation
from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.distribution import DIST_GROUP
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.finder import dist_groups
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task


# Filters the server applies (finder.dist_groups sends them as displaynamefilter and emailfilter).
FILTER_OPTIONS = ('display_name', 'email')


def argument_spec():
    spec = connection_argument_spec()
    spec.update(DIST_GROUP.argument_spec(FILTER_OPTIONS))
    spec.update(
        customer=dict(type='str', required=True),
        members=dict(type='bool', default=False),
        page_size=dict(type='int', default=1000),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    params = task.params
    validation.check_options(task, {'page_size': validation.positive_problem})

    def query(client):
        status, groups = dist_groups(client, params['customer'], params['display_name'], params['email'],
                                     with_members=params['members'], page_size=params['page_size'])
        resource = DIST_GROUP
        return {'changed': False, 'hosted_exchange_status': status, 'groups': [resource.values(group) for group in groups]}

    run(task, query)


if __name__ == '__main__':
    main()
