# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One atria_service task: which entity it manages (a customer service, a user service or a service instance),
which options fit that entity, and the engine run with the checks of that entity.

Services are never deleted (guide: "services without instances can be de-provisioned only"): state absent
de-provisions them with <status>NotProvisioned</status>, through the engine's ``deprovisioned`` state. Only an
instance is deleted, and an instance assigned to a user is taken away from the user with a DELETE of
customer/user/service/instances/instance (guide line 302; the read is lines 2399-2431).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Engine
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.resource import CUSTOMER_SERVICE, SERVICE_INSTANCE, USER_INSTANCE, USER_SERVICE
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError, ValidationError
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.checks import (
    customer_service_checks, explain_refusal, instance_checks, user_instance_checks, user_service_checks)
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.locator import InstanceLocator, ServiceLocator, UserInstanceLocator
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.catalog import HOSTED_EXCHANGE, has_instances, known_code, same_name
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.exchange import CUSTOMER_EXCHANGE_OPTIONS
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.mailbox import mailbox_checks

# Options that describe the service; state absent ignores them (a de-provisioned service keeps its settings).
SETTINGS = ('package', 'user_plans', 'user_limit', 'version', 'properties') + CUSTOMER_EXCHANGE_OPTIONS + ('mailbox_storage_limit',)
# Options of a user's Hosted Exchange mailbox only (entities/service/mailbox.py; mailbox_storage_limit is both levels').
USER_MAILBOX_ONLY = ('reply_address', 'email_addresses', 'distribution_groups')
SETTINGS += USER_MAILBOX_ONLY
CUSTOMER_ONLY = ('package', 'user_limit', 'version')
# Options of the customer-level Hosted Exchange only (entities/service/exchange.py).
HE_ONLY = CUSTOMER_EXCHANGE_OPTIONS + ('mailbox_storage_limit',)


def option_problems(params):
    """What is wrong with the combination of options, found before any request ([] when nothing is)."""
    problems = []
    given = [option for option in CUSTOMER_ONLY if params.get(option) is not None]
    if params.get('user') and given:
        problems.append('%s belong(s) to the customer service, not to a user: set them in a task without user'
                        % ', '.join(given))
    if params.get('instance'):
        if params.get('user') and params.get('properties') is not None:
            problems.append("properties of an instance are the customer's instance settings: set them in a task without "
                            "user (a user is only assigned the instance)")
        misplaced = [option for option in ('package', 'user_plans', 'user_limit', 'version') if params.get(option) is not None]
        if misplaced:
            problems.append('%s describe(s) the service, not an instance: manage them in a task without instance'
                            % ', '.join(misplaced))
    code = known_code(params['name'])
    problems.extend(_exchange_problems(params, code))
    problems.extend(_mailbox_problems(params, code))
    if code and params.get('instance') and not has_instances(code):
        problems.append("service %s has no instances; only CRM2011, SharePoint2010, SQL2005Hosting and WinWebHost have "
                        "them" % code)
    if code and params.get('version') is not None and not same_name(code, HOSTED_EXCHANGE):
        problems.append('version applies to Hosted Exchange (HE) only, not to %s' % code)
    if params.get('user_plans_mode') == 'absent' and any(isinstance(item, dict) and item.get('user_limit') is not None
                                                         for item in params.get('user_plans') or []):
        problems.append('user_limit of a plan has no meaning with user_plans_mode: absent (the plan is disabled)')
    return problems


def _exchange_problems(params, code):
    given = [option for option in CUSTOMER_EXCHANGE_OPTIONS if params.get(option) is not None]
    problems = []
    if given and params.get('user'):
        problems.append('%s belong(s) to the customer\'s Hosted Exchange, not to a user: set them in a task with name: '
                        'HE and without user' % ', '.join(given))
    if given and params.get('instance'):
        problems.append('%s describe(s) the customer\'s Hosted Exchange, not an instance: leave out instance' % ', '.join(given))
    he_only = [option for option in HE_ONLY if params.get(option) is not None]
    if code and he_only and not same_name(code, HOSTED_EXCHANGE):
        problems.append('%s apply to Hosted Exchange (HE) only, not to %s' % (', '.join(he_only), code))
    return problems


def _mailbox_problems(params, code):
    given = [option for option in USER_MAILBOX_ONLY if params.get(option) is not None]
    problems = []
    if given and not params.get('user'):
        problems.append("%s belong(s) to a user's Hosted Exchange mailbox: add user (with name: HE)" % ', '.join(given))
    if given and params.get('instance'):
        problems.append("%s describe(s) a user's Hosted Exchange mailbox, not an instance: leave out instance"
                        % ', '.join(given))
    if code and given and not same_name(code, HOSTED_EXCHANGE):
        problems.append("%s apply to a user's Hosted Exchange (HE) only, not to %s" % (', '.join(given), code))
    reply = (params.get('reply_address') or '').strip().lower()
    if reply and reply in [str(address).strip().lower() for address in params.get('email_addresses') or []]:
        problems.append("email_addresses lists the reply address %s: list only the user's other addresses there"
                        % params['reply_address'])
    return problems


def _checks_of(checks, locator):
    return lambda client, service: checks(client, locator)


def ensure_service(module, client):
    """Reconcile the service (or instance) the task names; return the module result."""
    params = module.params
    service = ServiceLocator(params['customer'], params['name'], user=params.get('user'))
    if params.get('instance') and params.get('user'):
        # An instance of the customer's service assigned to the user (guide lines 2399-2431; removed with DELETE: 302).
        locator, resource = UserInstanceLocator(service, params['instance']), USER_INSTANCE
        checks = _checks_of(user_instance_checks, locator)
        state = params['state']
    elif params.get('instance'):
        locator, resource, checks = InstanceLocator(service, params['instance']), SERVICE_INSTANCE, instance_checks
        state = params['state']
    elif params.get('user'):
        locator, resource, checks = service, USER_SERVICE, user_service_checks
        state = 'present' if params['state'] == 'present' else 'deprovisioned'
    else:
        locator, resource, checks = service, CUSTOMER_SERVICE, customer_service_checks
        state = 'present' if params['state'] == 'present' else 'deprovisioned'
    if params['state'] == 'absent' and not params.get('instance'):
        params = dict(params, **dict.fromkeys(SETTINGS))
    engine = Engine(module, client, resource, locator, params=params)
    try:
        before_write = checks(client, service)
        if resource is USER_SERVICE:
            before_write = mailbox_checks(before_write, engine)
        return engine.ensure(state, before_write=before_write)
    except NotFoundError as error:
        if service.user is None:
            raise
        raise service.user.explain_missing(error, client)
    except ValidationError as error:
        raise explain_refusal(error, service)
