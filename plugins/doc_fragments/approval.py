# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The O(subscriptions) option of the workflow approval modules (atria_approval_group, atria_approval_managers).

The options must match subscriptions_argument_spec() in plugins/module_utils/entities/groups/subscriptions.py.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    DOCUMENTATION = r'''
options:
  subscriptions:
    description:
      - Which events need approval, and at which access level (the guide's C(<subscriptions>)).
      - Only the events given are compared and sent; the others stay as they are (the API applies subscriptions
        "only to the tags that are specified").
      - Access values are compared case-insensitively. Known values are V(None) (no approval), V(Object) and
        V(All). V(None) needs no quotes; YAML writes null as C(null) or C(~).
      - An event the server does not list has access V(None).
    type: dict
    suboptions:
      users:
        description: Provisioning and de-provisioning of users.
        type: dict
        suboptions:
          provision:
            description: Access level for the C(Provision) event.
            type: str
          deprovision:
            description: Access level for the C(Deprovision) event.
            type: str
      services:
        description: Customer services, per service label.
        type: list
        elements: dict
        suboptions:
          label:
            description:
              - V(All), or the display name of a service as the server shows it, for example C(Hosted Exchange).
              - Compared case-insensitively.
            type: str
            required: true
          provision:
            description: Access level for the C(Provision) event.
            type: str
          deprovision:
            description: Access level for the C(Deprovision) event.
            type: str
      user_services:
        description: User services, per service label (the API's C(<userservices>)).
        type: list
        elements: dict
        suboptions:
          label:
            description:
              - V(All), or the display name of a service as the server shows it, for example C(Hosted Exchange).
              - Compared case-insensitively.
            type: str
            required: true
          provision:
            description: Access level for the C(Provision) event.
            type: str
          deprovision:
            description: Access level for the C(Deprovision) event.
            type: str
'''
