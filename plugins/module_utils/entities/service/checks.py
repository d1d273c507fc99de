# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks that run before a service is written, so that the server's refusals come with the fix and nothing is
half-applied. They are ``before_write(plan)`` hooks of the engine: they run only when something must change (an
identical re-run costs no extra read), in check mode too, and they only read.

- a customer service being provisioned needs its required properties (File Sharing: FileShareServer), and a Hosted
  Exchange never provisioned before needs ``version`` (its GET shows an empty <version/>; guide, "Provision a
  Customer Service - Hosted Exchange": "we need to specify the Version attribute");
- a user service needs its customer service provisioned, and each of its plans there and enabled;
- an instance needs its service provisioned.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import INVALID_SERVICE, ValidationError, with_hint
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.plans import ServiceOptionError, describe_plans, find_plan, read_plans
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.catalog import HOSTED_EXCHANGE, required_properties, same_name
from ansible_collections.atria.cortex.plugins.module_utils.api.status import NOT_PROVISIONED, PROVISIONED, status_equal
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.exchange import CUSTOMER_EXCHANGE_OPTIONS

# The customer-service options only Hosted Exchange has (a service found by a display name Appendix B lacks).
EXCHANGE_OPTIONS = CUSTOMER_EXCHANGE_OPTIONS + ('mailbox_storage_limit',)


def label(service_el, code):
    """'Hosted Exchange (HE)'."""
    fullname = xml_codec.text_of(service_el, 'fullname') if service_el is not None else None
    return '%s (%s)' % (fullname, code) if fullname else code


def _provisioning(plan):
    return plan.status is not None and status_equal(plan.status, PROVISIONED)


def _deprovisioning(plan):
    return plan.status is not None and status_equal(plan.status, NOT_PROVISIONED)


# -- customer services -----------------------------------------------------------------------------------------
def customer_service_checks(client, locator):
    def check(plan):
        if _deprovisioning(plan):
            return
        if plan.sent('version') is not None and not same_name(locator.code, HOSTED_EXCHANGE):
            raise ServiceOptionError('version applies to Hosted Exchange (HE) only, not to %s. Remove it from the task.'
                                     % locator.code)
        exchange = [field.option for field, change in plan.changes if field.option in EXCHANGE_OPTIONS]
        if exchange and not same_name(locator.code, HOSTED_EXCHANGE):
            raise ServiceOptionError('%s apply to Hosted Exchange (HE) only, not to %s. Remove them from the task.'
                                     % (', '.join(exchange), locator.code))
        if _provisioning(plan):
            # One GET of the service with its property rules serves both checks.
            address = locator.customer_service_address()
            asked = xml_codec.leaf('properties', detail='true', filter='all')
            service = address.entity_in(client.get(address.element([asked])))
            _check_first_exchange_version(service, locator, plan)
            _check_required_properties(service, locator, plan.sent('properties') or {})

    return check


def _check_first_exchange_version(service, locator, plan):
    """A Hosted Exchange that was never provisioned answers an empty <version/>: its first provisioning must say which
    Exchange version its users receive, or the server refuses the SET. A version already chosen (a re-provisioning,
    or a server that defaults it) needs none."""
    if service is None or not same_name(locator.code, HOSTED_EXCHANGE) or plan.sent('version') is not None:
        return
    if service.find('version') is None or xml_codec.text_of(service, 'version'):
        return
    customer = locator.customer.code or locator.customer.reference
    raise ServiceOptionError(
        "%s has never been provisioned for customer '%s' (its <version> is empty), and its first provisioning needs the "
        "Exchange version its users will receive. Add the option version to the task, e.g. version: \"2013\". The "
        "versions a deployment offers are the Exchange versions of its Hosted Exchange service in the Services Manager "
        "control panel; atria.cortex.atria_service_info (name: HE) shows the version of a customer that has it."
        % (label(service, locator.code), customer))


def _check_required_properties(service, locator, sent):
    """A required property (by the published rules of the GET) without a value stops the provisioning."""
    properties = dict((xml_codec.text_of(prop, 'name'), prop) for prop in service.iterfind('properties/property'))
    required = [name for name, prop in properties.items() if xml_codec.to_bool(xml_codec.text_of(prop, 'mandatory'))]
    required += [name for name in required_properties(locator.code) if name not in required]
    missing = [name for name in required if not sent.get(name) and not _value(properties.get(name))]
    if missing:
        described = '; '.join(_describe_property(name, properties.get(name)) for name in missing)
        example = ', '.join('%s: ...' % name for name in missing)
        raise ServiceOptionError('%s cannot be provisioned without %s. Add it to the task: properties: {%s}.'
                                 % (label(service, locator.code), described, example))


def _value(prop):
    return None if prop is None else xml_codec.text_of(prop, 'value')


def _describe_property(name, prop):
    if prop is None:
        return 'the property %s' % name
    options = [xml_codec.text_of(option, 'name') for option in prop.iterfind('validation/options/option')]
    text = 'the property %s' % name
    fullname = xml_codec.text_of(prop, 'fullname')
    details = [fullname] if fullname else []
    if options:
        details.append('one of ' + ', '.join(options))
    return text + (' (%s)' % '; '.join(details) if details else '')


# -- user services ---------------------------------------------------------------------------------------------
def user_service_checks(client, locator):
    def check(plan):
        if _deprovisioning(plan):
            return
        service = locator.customer_service(client)
        what = label(service, locator.code)
        customer = locator.customer.code or locator.customer.reference
        if status_equal(xml_codec.text_of(service, 'status'), NOT_PROVISIONED):
            raise ServiceOptionError(
                "%s is not provisioned for customer '%s', so it cannot be provisioned to a user. Provision the customer "
                "service first: a task with customer: %s and name: %s but no user, before this one."
                % (what, customer, customer, locator.code))
        plans = read_plans(service, locator.plan_tag())
        enabled = [entry for entry in plans if entry.get('enabled')]
        sent = plan.sent('user_plans')    # [(plan, enabled)]: a plan taken away need not be enabled any more
        names = None if sent is None else [name for name, enabled in sent if enabled]
        if names is None:
            if plans and not enabled:
                raise ServiceOptionError("%s has no user plan enabled for customer '%s'. Enable one on the customer "
                                         "service (user_plans)." % (what, customer))
            return
        for name in names:
            _check_user_plan(find_plan(plans, name), name, what, customer, locator.code, enabled)

    return check


def _check_user_plan(entry, name, what, customer, code, enabled):
    if entry is None:
        raise ServiceOptionError("%s has no user plan %r. Plans enabled for customer '%s': %s."
                                 % (what, name, customer, describe_plans(enabled)))
    if not entry.get('enabled'):
        raise ServiceOptionError(
            "User plan %s of %s is not enabled for customer '%s' (enabled: %s). Enable it on the customer service "
            "first: customer: %s, name: %s, user_plans: [%s], user_plans_mode: present."
            % (entry['name'], what, customer, describe_plans(enabled), customer, code, entry['name']))
    if entry.get('user_limit') == 0:
        raise ServiceOptionError("User plan %s of %s has a user limit of 0 for customer '%s'. %s"
                                 % (entry['name'], what, customer, limit_fix(customer, code, entry['name'])))


def limit_fix(customer, code, plan_name):
    return ('Raise the plan\'s limit on the customer service (customer: %s, name: %s, user_plans: [{name: %s, user_limit: '
            'N}], user_plans_mode: present), or de-provision the service of another user of the plan.'
            % (customer, code, plan_name or 'PLAN'))


def explain_refusal(error, locator):
    """The server's "user limit reached" refusal, with the task that lifts the limit as its hint."""
    if not isinstance(error, ValidationError) or error.code != INVALID_SERVICE or 'limit' not in (error.server_message or '').lower():
        return error
    if locator.user is None:
        return with_hint(error, 'A user limit of %s is lower than the number of users that already have the service or '
                                'plan. Raise user_limit, or de-provision the service of some users first.' % locator.code)
    plan_name = None
    if locator.cached_customer_service is not None:
        plans = read_plans(locator.cached_customer_service, locator.plan_tag())
        plan_name = next((entry['name'] for entry in plans if entry['name'].lower() in error.server_message.lower()), None)
    customer = locator.customer.code or locator.customer.reference
    return with_hint(error, 'A user limit of %s is reached. %s' % (locator.code, limit_fix(customer, locator.code, plan_name)))


# -- instances -------------------------------------------------------------------------------------------------
def instance_checks(client, locator):
    def check(plan):
        if plan.action != 'create':
            return
        service = locator.customer_service(client)
        if status_equal(xml_codec.text_of(service, 'status'), NOT_PROVISIONED):
            customer = locator.customer.code or locator.customer.reference
            raise ServiceOptionError(
                "%s is not provisioned for customer '%s'; provision it before adding instances: a task with customer: "
                "%s and name: %s but no instance, before this one."
                % (label(service, locator.code), customer, customer, locator.code))

    return check


# -- instances assigned to users -------------------------------------------------------------------------------
def user_instance_checks(client, locator):
    """Before an instance is assigned to a user: the user has the service, and the customer's service has the instance
    (one GET of the customer's instances; nothing is read when nothing is to be written)."""
    def check(plan):
        if plan.action != 'create':
            return
        service = locator.service
        customer = service.customer.code or service.customer.reference
        user = service.user.name or service.user.upn
        names = locator.customer_instances(client)
        if locator.name.lower() not in [name.lower() for name in names]:
            raise ServiceOptionError(
                "Customer '%s' has no instance %r of %s (its instances: %s). Create it on the customer service first: a "
                "task with customer: %s, name: %s and instance: %s but no user."
                % (customer, locator.name, label(locator.user_service, service.code), ', '.join(names) or 'none', customer,
                   service.code, locator.name))
        user_service = locator.user_service
        if user_service is None or status_equal(xml_codec.text_of(user_service, 'status'), NOT_PROVISIONED):
            raise ServiceOptionError(
                "%s is not provisioned for user '%s', so no instance of it can be assigned to the user. Provision it "
                "first: a task with customer: %s, user: %s and name: %s but no instance, before this one."
                % (label(user_service, service.code), user, customer, user, service.code))

    return check
