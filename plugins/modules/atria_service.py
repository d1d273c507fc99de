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
    have instances; O(instance) creates, updates and deletes one of them on the customer service, or with O(user)
    assigns one to a user or takes it away.
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
  accepted_domains:
    description:
      - The accepted domains of the customer's Hosted Exchange (the domains mail is accepted for; guide line 107),
        each a domain of the customer (see M(atria.cortex.atria_customer) O(atria.cortex.atria_customer#module:domains)).
        A domain the customer does not have is refused before anything is sent.
      - Sent as the CPSM 11 capture C(CustomerModifyExchange) sends them, in one request - C(<authoritativedomains>)
        with the authoritative ones and C(<domains>) with all of them and their type; the server replaces the list.
      - Names compare case-insensitively. See O(accepted_domains_mode). Hosted Exchange (C(HE)) customer services only.
    type: list
    elements: dict
    suboptions:
      name:
        description: The domain, for example C(example.com).
        type: str
        required: true
      type:
        description: The Exchange accepted-domain type.
        type: str
        choices: [authoritative, internalrelay, externalrelay]
        default: authoritative
  accepted_domains_mode:
    description:
      - V(exact) makes O(accepted_domains) the whole list; V(present) adds the listed domains (or changes their type)
        and keeps the others; V(absent) removes the listed names.
    type: str
    choices: [exact, present, absent]
    default: exact
  mailbox_storage_limit:
    description:
      - The mailbox storage limit (C(<mailboxstoragelimit>)), a number or C(Unlimited).
      - Without O(user), the customer's Hosted Exchange default; with O(user), the user's mailbox. Hosted Exchange only.
      - For a user it travels as C(<mailboxstoragelimit>) in the user's Hosted Exchange service. The captures show that
        tag only at customer level (C(CustomerServiceGet)) and the guide documents no user-level mailbox limit, so
        the read-back decides - a server that ignores it fails the task naming the option.
    type: raw
  update_email_address_policy:
    description:
      - The customer's Hosted Exchange C(<UpdateEmailAddressPolicy>) flag (capture C(CustomerServiceGet)). Customer
        Hosted Exchange only.
    type: bool
  public_folder_override_template:
    description:
      - Public folders - whether the customer's settings override the plan's template (C(<publicfolder><overridetemplate>)).
        The public-folder options travel in one C(<publicfolder>) element. Customer Hosted Exchange only.
    type: bool
  public_folder_create:
    description: Public folders - whether the customer has public folders (C(<publicfolder><create>)). Customer Hosted Exchange only.
    type: bool
  public_folder_storage_limit:
    description: Public folders - storage limit (C(<publicfolder><storagelimit>)), a number or C(Unlimited).
    type: raw
  public_folder_warning_limit:
    description: Public folders - warning limit (C(<publicfolder><warninglimit>)), a number or C(Unlimited).
    type: raw
  public_folder_item_limit:
    description: Public folders - item limit (C(<publicfolder><itemlimit>)), a number or C(Unlimited).
    type: raw
  reply_address:
    description:
      - The reply (primary SMTP) address of the user's Hosted Exchange mailbox (C(<replyaddress>), capture
        C(UserServiceGet)). With O(user) and Hosted Exchange only.
      - Its domain must be a domain of the customer (M(atria.cortex.atria_customer) O(atria.cortex.atria_customer#module:domains));
        another is refused before anything is sent.
    type: str
  email_addresses:
    description:
      - The user's other SMTP addresses (not O(reply_address)). With O(user) and Hosted Exchange only. See
        O(email_addresses_mode).
      - Sent as C(<emailaddresses><emailaddress>) in the user's Hosted Exchange service - the guide's spelling of an
        Exchange object's address list, which the server replaces as a whole (Atria guide line 3041), so the whole
        resulting list is sent. The guide shows no user-level SET of them, so the read-back decides - a server that
        ignores them fails the task naming the option.
      - Read from the service's C(<emailaddresses>) when the answer has it, else from the user's
        C(<addresses><address>) (captures C(UserGet), C(UserServiceGet)); the one with C(primary="True") is the reply
        address and is not part of this list.
      - Each domain must be a domain of the customer; another is refused before anything is sent. Addresses compare
        case-insensitively.
    type: list
    elements: str
  email_addresses_mode:
    description:
      - V(exact) makes O(email_addresses) the whole list; V(present) adds the listed addresses and keeps the others;
        V(absent) removes the listed addresses.
    type: str
    choices: [exact, present, absent]
    default: exact
  distribution_groups:
    description:
      - The distribution groups the user is a member of, each by display name, e-mail address or path
        (distinguished name). With O(user) and Hosted Exchange only. See O(distribution_groups_mode).
      - Read with the guide's "Get Distribution Groups of which the User is a Member" in the same request as the
        service, and changed with "Add a User to a Distribution Group" (a user-level request with C(<selected>)),
        which carries only the groups to join or leave. Returned as the groups' display names.
      - A group to join must exist for the customer (one read of the customer's groups, only when the user must join
        a group); an unknown group is refused before anything is sent, naming the customer's groups. In check mode
        it is previewed as joined, with a warning, because an earlier task of the same run may create it. CPSM 10 has
        no distribution groups, so there the task is refused, naming the release.
    type: list
    elements: str
  distribution_groups_mode:
    description:
      - V(exact) makes O(distribution_groups) the user's whole list (the user leaves the groups not listed);
        V(present) joins the listed groups and keeps the others; V(absent) leaves the listed groups.
    type: str
    choices: [exact, present, absent]
    default: exact
  instance:
    description:
      - An instance of a multi-instance service of the customer (CRM 2011, SharePoint 2010, Microsoft SQL Server
        Hosting, Windows Web-Hosting), by name. V(present) creates (or updates, with O(properties)) it, V(absent)
        deletes it.
      - The service must already be provisioned.
      - With O(user), the instance of the customer's service assigned to that user - V(present) assigns it (a SET of
        C(customer/user/service/instances/instance), the shape the guide's read of a user's instance shows, lines
        2399-2431 "CRM 2011 for a User"), V(absent) takes it away from the user (a DELETE of the same path - guide line
        302, DELETE uses "the same format as the GET request" and "Only service instances can be deleted"); the
        customer's instance stays. The guide shows no SET of a user's instances, so the SET carries every instance the
        user holds with the new one (right for a server that replaces the list and for one that adds to it), and the
        read after the write decides whether it took. The customer's service must have the instance and the user must
        have the service (refused before anything is sent, with the task that fixes it). O(properties) belong to the
        customer's instance and are refused with O(user).
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

- name: Hosted Exchange settings of the customer (accepted domains, public folders, mailbox limit)
  atria.cortex.atria_service:
    customer: ACME
    name: HE
    accepted_domains:
      - name: acme.example
      - name: mail.acme.example
        type: internalrelay
    update_email_address_policy: true
    mailbox_storage_limit: 2048
    public_folder_create: true
    public_folder_override_template: true
    public_folder_storage_limit: Unlimited
    public_folder_warning_limit: 900
    public_folder_item_limit: Unlimited

- name: Alice's mailbox - reply address, other addresses, storage limit, and her groups (Sales and Support)
  atria.cortex.atria_service:
    customer: ACME
    user: alice
    name: HE
    reply_address: alice@acme.example
    email_addresses: [a.smith@acme.example, sales.alice@acme.example]
    mailbox_storage_limit: 2048
    distribution_groups: [Sales, support@acme.example]
    distribution_groups_mode: present

- name: Assign the customer's CRM 2011 instance Site01 to alice
  atria.cortex.atria_service:
    customer: ACME
    user: alice
    name: CRM2011
    instance: Site01

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
    - A customer's Hosted Exchange also returns its settings (the options O(accepted_domains) to
      O(public_folder_item_limit)) and C(address_formats), the e-mail address formats the server shows
      (C(customerwide), and C(addresses) with C(example), C(domain), C(pattern), C(primary), C(assigned)). The guide
      documents no request that sets address formats, so they are returned only (capture C(CustomerServiceGet);
      the SET capture C(CustomerModifyExchange) carries none).
    - A user's Hosted Exchange also returns C(reply_address), C(email_addresses) (the other SMTP addresses),
      C(mailbox_storage_limit) when the server shows one, and C(distribution_groups) (display names) when the task
      manages them.
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
    accepted_domains: [{name: test2.local, type: authoritative}]
    update_email_address_policy: false
    mailbox_storage_limit: Unlimited
    public_folder_override_template: true
    public_folder_create: true
    public_folder_storage_limit: Unlimited
    public_folder_warning_limit: Unlimited
    public_folder_item_limit: Unlimited
    address_formats:
      customerwide: false
      addresses:
        - {example: Firstname.Lastname@test2.local, domain: test2.local, pattern: "%g.%s", primary: false, assigned: false}
instance:
  description:
    - The instance as it is after the task, with O(instance).
    - With O(user), the instance assigned to the user - C(name) and C(instance), its name - or C({}) after V(absent).
  returned: when O(instance) is given
  type: dict
  sample:
    name: Site01
    status: Provisioned
    approval_pending: false
    properties: {SiteUrl: "https://sites.example.com/acme", QuotaMB: "1024"}
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
