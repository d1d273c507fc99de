#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_service
short_description: Provision and de-provision a service of an Atria customer or user
version_added: 0.1.0
description:
  - Manages one service (Hosted Exchange, File Sharing, Hosted Apps and Desktops, ...) of a customer of Atria
    (formerly Citrix CloudPortal Services Manager) through the CortexAPI, or of one of its users when O(user) is
    given.
  - The same task shape serves every service. Hosted Exchange calls its user plans C(userpackage) and every other
    service C(userplan); the module picks the right one.
  - Services are never deleted. V(present) provisions the service, V(absent) de-provisions it. De-provisioning a
    customer service de-provisions it for every user of the customer.
  - Before anything is sent, the module refuses what the server would refuse, with the fix in the message
    (only when something must change, so an identical re-run sends one read request) - an unknown service, a
    plan the customer service does not offer or enable, a user service whose customer service is not
    provisioned, a required property missing (File Sharing needs C(FileShareServer)).
  - Multi-instance services (CRM 2011, SharePoint 2010, Microsoft SQL Server Hosting, Windows Web-Hosting) can
    have instances; O(instance) creates, updates and deletes one of them on the customer service.
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
  user:
    description:
      - The user whose service this is, by name (with or without the C(_<customer code>) suffix) or by user
        principal name (a value with an C(@)).
      - Without it, the task manages the customer service.
    type: str
  name:
    description:
      - The service, by its internal name (Appendix B of the CortexAPI guide, for example C(HE), C(FSS),
        C(HostedAppsandDesktops)) or its display name (C(Hosted Exchange), C(File Sharing)).
    type: str
    required: true
    aliases: [service]
  state:
    description:
      - V(present) provisions the service (and re-provisions a de-provisioned one) and applies the other options.
      - V(absent) de-provisions it; the other options are then ignored. With O(instance), V(absent) deletes the
        instance.
    type: str
    choices: [present, absent]
    default: present
  package:
    description:
      - The customer plan (the server's C(package)), by name or display name. A service has one at a time.
      - When a service is provisioned without one, the server enables its first customer plan.
      - Customer services only.
    type: str
  user_plans:
    description:
      - For a customer service, the user plans it offers to its users. Each item is a plan name (or display
        name) or a dict with C(name) and C(user_limit), the number of users that may have the plan (a number or
        C(Unlimited)). See O(user_plans_mode). When a service is provisioned without user plans, the server
        enables all of them.
      - For a user service, the plan the user gets. Hosted Apps and Desktops (C(HostedAppsandDesktops)) is the
        service that gives a user several plans; any other service takes one. Each plan must be enabled on the
        customer service. Without it, a new user service gets the first plan enabled for the customer.
    type: list
    elements: raw
  user_plans_mode:
    description:
      - V(exact) makes O(user_plans) the whole list - for a customer service, plans not listed are disabled.
      - V(present) enables (assigns) the listed plans and keeps the others.
      - V(absent) disables (takes away) the listed plans.
    type: str
    choices: [exact, present, absent]
    default: exact
  user_limit:
    description:
      - How many users may have the service, a number or C(Unlimited). Customer services only.
    type: raw
  version:
    description:
      - The Exchange version users of Hosted Exchange receive, for example C(2013). Hosted Exchange only.
    type: str
  properties:
    description:
      - Service settings (with O(instance), instance settings) by property name. Only the given keys are compared
        and changed; hidden properties are read too (the guide's C(filter="all")).
    type: dict
  instance:
    description:
      - An instance of a multi-instance service of the customer (CRM 2011, SharePoint 2010, Microsoft SQL Server
        Hosting, Windows Web-Hosting), by name. V(present) creates (or updates, with O(properties)) it, V(absent)
        deletes it.
      - The service must already be provisioned. Assigning instances to users is not managed by this module.
    type: str
notes:
  - The result's C(service.status) is predicted after a change without O(wait); use O(wait=true) to return the
    status the server reached.
seealso:
  - module: atria.cortex.atria_service_info
  - module: atria.cortex.atria_request_info
  - module: atria.cortex.atria_customer
  - module: atria.cortex.atria_user
"""

EXAMPLES = r"""
# Plan and package names are per deployment. These are the developer guide's ("Provision a Customer Service -
# Hosted Exchange"); list the ones your server has first (codes and display names both work):
- name: The plans and packages this deployment offers for Hosted Exchange
  atria.cortex.atria_service_info:
    customer: ACME
    name: HE
  register: exchange

- name: Hosted Exchange 2010 for a customer, with two user plans (the others disabled) and a customer plan
  atria.cortex.atria_service:
    customer: ACME
    name: HE
    version: "2010"
    package: Basic
    user_plans:
      - Ex10 Basic
      - name: Ex10 Full
        user_limit: 10
    wait: true

- name: A mailbox for a user, on one of those plans
  atria.cortex.atria_service:
    customer: ACME
    user: alice
    name: Hosted Exchange
    user_plans: [Ex10 Full]

- name: File Sharing needs its file server
  atria.cortex.atria_service:
    customer: ACME
    name: FSS
    properties:
      FileShareServer: CSPFILEHOST01

- name: Two Hosted Apps and Desktops plans for one user
  atria.cortex.atria_service:
    customer: ACME
    user: alice
    name: HostedAppsandDesktops
    user_plans: [DESKTOPS, OFFICEAPPS]

- name: A SharePoint site
  atria.cortex.atria_service:
    customer: ACME
    name: SharePoint2010
    instance: Site01
    properties:
      SiteUrl: https://sites.example.com/acme

- name: De-provision Hosted Exchange for the customer and all its users
  atria.cortex.atria_service:
    customer: ACME
    name: HE
    state: absent
"""

RETURN = r"""
service:
  description:
    - The service as it is after the task (predicted after a change without O(wait), and in check mode).
    - C(user_plans) lists every user plan of a customer service with C(enabled), C(user_limit) and C(used); for a
      user service, the codes of the user's plans.
  returned: when O(instance) is not given
  type: dict
  sample:
    name: HE
    fullname: Hosted Exchange
    location: Location GSP
    status: Provisioned
    approval_pending: false
    is_billed: true
    user_limit: Unlimited
    version: "2013"
    package: Default
    packages:
      - {name: Default, fullname: Default, enabled: true}
      - {name: Basic, fullname: Basic, enabled: false}
    user_plans:
      - {name: FORFAIT_2GO_2013, fullname: Forfait_2Go_2013, user_limit: Unlimited, used: false, enabled: true}
      - {name: EX10_BASIC, fullname: Ex10 Basic, user_limit: Unlimited, used: false, enabled: false}
instance:
  description: The instance as it is after the task, with O(instance).
  returned: when O(instance) is given
  type: dict
  sample:
    name: Site01
    status: Provisioned
    approval_pending: false
    properties: {SiteUrl: "https://sites.example.com/acme", QuotaMB: "1024"}
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

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec, wait_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.resource import CUSTOMER_SERVICE, USER_SERVICE
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.tasks import ensure_service, option_problems


def argument_spec():
    spec = connection_argument_spec()
    spec.update(wait_argument_spec())
    # One module for both kinds of service: the options of either (user services have fewer).
    for resource in (CUSTOMER_SERVICE, USER_SERVICE):
        spec.update(resource.argument_spec(required=('name',)))
    spec.update(
        customer=dict(type='str', required=True),
        user=dict(type='str'),
        state=dict(type='str', default='present', choices=['present', 'absent']),
        instance=dict(type='str'),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    problems = option_problems(task.params)
    if problems:
        task.fail('Invalid options, nothing was sent: ' + '; '.join(problems) + '.')
    run(task, lambda client: ensure_service(task, client))


if __name__ == '__main__':
    main()
