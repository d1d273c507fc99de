# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fields for the plans of a service: the customer plan (<package>) and the user plans.

User plans travel as <userpackage> for Hosted Exchange and <userplan> for every other service. The fields read
that tag from the service element they read (its <name> is the service code) and write it as the run's service
says (``context.service.plan_tag()``, engine/context.py), so a playbook never names it and the fields are
constants. Plans are named by code or display name; the fields turn either into the code with what the server
answered (resolve), and compare codes.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError
from ansible_collections.atria.cortex.plugins.module_utils.engine.fields import Change, Field
from ansible_collections.atria.cortex.plugins.module_utils.engine.lists import merge_list, same_items
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.catalog import allows_several_plans, plan_tag, same_name


class ServiceOptionError(CortexError):
    """A service option that cannot work, found before anything was sent; the message says how to fix it."""

    name = 'InvalidServiceOption'

    def __init__(self, message):
        super(ServiceOptionError, self).__init__(message + ' Nothing was sent.')


# How messages name the tag of user plans (verification.tag_of): which one depends on the service.
USER_PLAN_TAGS = '<userpackage> or <userplan>'


# -- reading plan lists ------------------------------------------------------------------------------------
def entity_plan_tag(entity):
    """The tag of the user plans in a service element: <userpackage> for Hosted Exchange, <userplan> otherwise."""
    return plan_tag(xml_codec.text_of(entity, 'name'))


def read_plans(entity, tag):
    """Every ``tag`` element of a service as {name, fullname, user_limit, enabled, used} (absent keys left out)."""
    plans = []
    for element in entity.findall(tag):
        plan = {'name': xml_codec.text_of(element, 'name'), 'fullname': xml_codec.text_of(element, 'fullname')}
        limit = xml_codec.to_limit(xml_codec.text_of(element, 'userlimit'))
        for key, value in (('user_limit', limit), ('enabled', xml_codec.to_bool(xml_codec.text_of(element, 'enabled'))),
                           ('used', xml_codec.to_bool(xml_codec.text_of(element, 'used')))):
            if value is not None:
                plan[key] = value
        plans.append(plan)
    return plans


def find_plan(plans, name):
    """The plan named by code or display name (case and blanks ignored), or None."""
    for plan in plans:
        if same_name(plan.get('name'), name) or same_name(plan.get('fullname'), name):
            return plan
    return None


def describe_plans(plans):
    """'EX10_BASIC (Ex10 Basic), EX10_FULL (Ex10 Full)' for error messages."""
    if not plans:
        return 'none'
    return ', '.join('%s (%s)' % (plan['name'], plan.get('fullname') or plan['name']) for plan in plans)


def plan_items(value, option, with_limits):
    """The playbook's plan list -> [{'name', 'user_limit'}]; an item is a plan name or {name, user_limit}."""
    items = []
    for item in value:
        if not isinstance(item, dict):
            item = {'name': item}
        unknown = sorted(set(item) - set(['name', 'user_limit']))
        if unknown or not item.get('name'):
            raise ServiceOptionError('Each item of %s is a plan name or a dict with name (required) and user_limit; got %r.'
                                     % (option, item))
        limit = item.get('user_limit')
        if limit is not None and not with_limits:
            raise ServiceOptionError(
                'user_limit of plan %r cannot be set on a user service: plan limits belong to the customer service. '
                'Set it in a task without user.' % item['name'])
        items.append({'name': str(item['name']), 'user_limit': None if limit is None else xml_codec.to_limit(str(limit))})
    return items


def _resolve_names(items, plans, service_label, option):
    """Items with plan codes instead of display names; an unknown plan is refused with the plans available."""
    resolved = []
    seen = set()
    for item in items:
        plan = find_plan(plans, item['name'])
        if plan is None:
            raise ServiceOptionError('%s has no user plan %r (%s). Its user plans: %s.'
                                     % (service_label, item['name'], option, describe_plans(plans)))
        if plan['name'] in seen:
            raise ServiceOptionError('%s names user plan %s twice; give each plan once.' % (option, plan['name']))
        seen.add(plan['name'])
        resolved.append(dict(item, name=plan['name']))
    return resolved


def _service_label(entity):
    return '%s (%s)' % (xml_codec.text_of(entity, 'fullname') or 'The service', xml_codec.text_of(entity, 'name'))


# -- the customer plan ---------------------------------------------------------------------------------------
class PackageField(Field):
    """The customer plan: one of the service's <package> elements is enabled; choosing one disables the others."""

    def __init__(self, option='package', tag='package'):
        super(PackageField, self).__init__(option, tag, ignore_case=True)

    def read(self, entity):
        for plan in read_plans(entity, self.tag):
            if plan.get('enabled'):
                return plan['name']
        return None

    def resolve(self, value, entity):
        packages = read_plans(entity, self.tag)
        plan = find_plan(packages, value)
        if plan is None:
            raise ServiceOptionError('%s has no customer plan %r (package). Its customer plans: %s.'
                                     % (_service_label(entity), value, describe_plans(packages)))
        return plan['name']

    def build(self, value):
        package = xml_codec.leaf(self.tag)
        xml_codec.sub(package, 'name', value)
        xml_codec.sub(package, 'enabled', True)
        return [package]


class PlanListField(Field):
    """Every plan of a kind with its state, read only (the customer plans of a service, for results)."""

    def __init__(self, option, tag):
        super(PlanListField, self).__init__(option, tag, read_only=True)

    def read(self, entity):
        return read_plans(entity, self.tag) or None


# -- user plans of a customer service ---------------------------------------------------------------------------
class CustomerPlansField(Field):
    """The user plans a customer service offers its users: which are enabled, and each one's user limit.

    The value is the service's whole plan list ({name, fullname, user_limit, enabled, used}); the playbook gives
    plans to enable (with an optional user_limit) and ``<option>_mode``: exact (plans not listed are disabled),
    present (the others are kept) or absent (the listed plans are disabled).

    A change sends every plan with an explicit <enabled>: the guide documents what the server does with plans a
    SET leaves out only for a first provisioning without any plan (all enabled), so nothing is left to defaults.
    """

    # A plan name, or a dict with name and user_limit.
    option_type = 'list'
    option_elements = 'raw'

    verify_tag = USER_PLAN_TAGS

    def __init__(self, option):
        super(CustomerPlansField, self).__init__(option, tag=None)
        self.mode_option = option + '_mode'

    def read(self, entity):
        return read_plans(entity, entity_plan_tag(entity))

    def normalize(self, value):
        return None if value is None else plan_items(value, self.option, with_limits=True)

    def resolve(self, value, entity):
        return _resolve_names(value, read_plans(entity, entity_plan_tag(entity)), _service_label(entity), self.option)

    def compare(self, current, desired, params, creating, context=None):
        current = current or []
        if desired is None:
            return Change(False, before=current, after=current)
        mode = params.get(self.mode_option) or 'exact'
        wanted = dict((item['name'], item) for item in desired)
        after = [self._wanted_state(plan, wanted.get(plan['name']), mode) for plan in current]
        in_use = [plan['name'] for plan, new in zip(current, after) if plan.get('enabled') and not new['enabled'] and plan.get('used')]
        if in_use:
            raise ServiceOptionError(
                'User plan(s) %s cannot be disabled: users still have them. Move those users to another plan or '
                'de-provision their service first, or keep the plan (%s: present).' % (', '.join(in_use), self.mode_option))
        # Re-provisioning (creating) sends the whole list again: a service provisioned without plans enables them all.
        if after == current and not (creating and after):
            return Change(False, before=current, after=current)
        return Change(True, send=after, before=current, after=after)

    @staticmethod
    def _wanted_state(plan, item, mode):
        new = dict(plan)
        if mode == 'exact':
            new['enabled'] = item is not None
        elif item is not None:
            new['enabled'] = mode == 'present'
        if item is not None and item.get('user_limit') is not None and mode != 'absent':
            new['user_limit'] = item['user_limit']
        return new

    def prepare(self, context, value):
        return context.service.plan_tag(), value

    def build(self, value):
        tag, plans = value
        elements = []
        for plan in plans:
            element = xml_codec.leaf(tag)
            xml_codec.sub(element, 'name', plan['name'])
            xml_codec.sub(element, 'enabled', bool(plan.get('enabled')))
            if plan.get('user_limit') is not None:
                xml_codec.sub(element, 'userlimit', xml_codec.limit_text(plan['user_limit']))
            elements.append(element)
        return elements


# -- user plans of a user service -------------------------------------------------------------------------------
class UserPlansField(Field):
    """The user plan (or, where the service allows it, plans) a user service is provisioned with.

    The value is the list of plan codes the user has. A user's GET names only the user's own plans; a plan the
    user does not have yet is turned into its code from the customer service (the run's
    ``context.service.customer_service``), which the checks before a write have read already.
    """

    # Plan names; the items are raw so that one option takes the same shape as a customer service's user_plans.
    option_type = 'list'
    option_elements = 'raw'

    verify_tag = USER_PLAN_TAGS

    def __init__(self, option):
        super(UserPlansField, self).__init__(option, tag=None, ignore_case=True)
        self.mode_option = option + '_mode'

    def read(self, entity):
        return [plan['name'] for plan in read_plans(entity, entity_plan_tag(entity))]

    def normalize(self, value):
        return None if value is None else [item['name'] for item in plan_items(value, self.option, with_limits=False)]

    def resolve(self, value, entity):
        return _codes(value, read_plans(entity, entity_plan_tag(entity)))

    def compare(self, current, desired, params, creating, context=None):
        current = current or []
        if desired is None:
            return Change(False, before=current, after=current)
        wanted = merge_list(current, desired, params.get(self.mode_option) or 'exact', ignore_case=True)
        if not wanted:
            raise ServiceOptionError('A user service needs a user plan, and %s would leave none. To take the service away '
                                     'from the user, use state: absent.' % self.option)
        code = context.service.code
        if len(wanted) > 1 and not allows_several_plans(code):
            raise ServiceOptionError('Service %s gives a user one user plan, but %s asks for %d (%s). Only Hosted Apps and '
                                     'Desktops (HostedAppsandDesktops) gives a user several plans.'
                                     % (code, self.option, len(wanted), ', '.join(wanted)))
        if not creating and same_items(current, wanted, ignore_case=True):
            return Change(False, before=current, after=current)
        return Change(True, send=self._to_send(current, wanted, code), before=current, after=wanted)

    @staticmethod
    def _to_send(current, wanted, code):
        """[(plan, enabled)]: the plans the user gets, and - where a user has several plans - the ones taken away.

        One plan per user: the plan sent replaces the one held. Several plans per user (Hosted Apps and Desktops):
        the guide shows only how to add plans to such a user, and it enables and disables a customer's plans with
        <enabled> on each plan; so a plan to take away travels with <enabled>false</enabled> (the read-back after
        the write fails the task if a server ignores it).
        """
        send = [(name, True) for name in wanted]
        if allows_several_plans(code):
            kept = set(name.lower() for name in wanted)
            send += [(name, False) for name in current if name.lower() not in kept]
        return send

    def prepare(self, context, value):
        service = context.service
        catalogue = read_plans(service.customer_service(context.client), service.plan_tag())
        codes = _codes([name for name, _enabled in value], catalogue)
        return service.plan_tag(), list(zip(codes, [enabled for _name, enabled in value]))

    def build(self, value):
        tag, plans = value
        elements = []
        for name, enabled in plans:
            element = xml_codec.leaf(tag)
            xml_codec.sub(element, 'name', name)
            if not enabled:
                xml_codec.sub(element, 'enabled', False)
            elements.append(element)
        return elements


def _codes(names, plans):
    """Names turned into plan codes where the plans know them; the others are kept as given."""
    codes = []
    for name in names:
        plan = find_plan(plans, name)
        codes.append(plan['name'] if plan else name)
    return codes
