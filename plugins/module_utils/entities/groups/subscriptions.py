# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fields of the workflow approval providers (guide: "Workflow Approval").

ConfigurationValue   a number inside the provider's or group's shared ``<configuration>`` element.
SubscriptionsField   which events need approval: ``<subscriptions>`` with ``<users>``, ``<services>`` and
                     ``<userservices>``, each event (Provision, Deprovision) with an access level. The guide:
                     "Subscriptions are optional and are only applied to the tags that are specified", so only
                     the events the playbook names are compared and sent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine.fields import Change, Field

# option key -> API tag; 'users' holds events directly, the other two hold one <service> per label.
SUBSCRIPTION_CATEGORIES = (('users', 'users'), ('services', 'services'), ('user_services', 'userservices'))
# option key -> the event's <name>
EVENTS = (('provision', 'Provision'), ('deprovision', 'Deprovision'))
# Access of an event the answer does not list: nobody is asked to approve it.
NO_ACCESS = 'None'


class ConfigurationValue(Field):
    """``<configuration><tag>N</tag></configuration>``; several of them travel in one <configuration>."""

    shares_container = True
    option_type = 'int'

    def __init__(self, option, tag, container='configuration'):
        super(ConfigurationValue, self).__init__(option, tag)
        self.container = container

    def read(self, entity):
        text = xml_codec.text_of(entity, '%s/%s' % (self.container, self.tag))
        try:
            return int(text) if text else None
        except ValueError:
            return None

    def normalize(self, value):
        return None if value is None else int(value)

    def equal(self, current, desired):
        return current == desired

    def build(self, value):
        return [xml_codec.E(self.container, xml_codec.leaf(self.tag, value))]


class SubscriptionsField(Field):
    """Approval subscriptions, in the option's shape:

    ``{users: {provision, deprovision}, services: [{label, provision, deprovision}], user_services: [...]}``.
    A label is ``All`` or a service's display name (``Hosted Exchange``); access values (``None``, ``Object``,
    ...) and labels compare case-insensitively. An event the answer does not list has access None.
    """

    def __init__(self, option='subscriptions', tag='subscriptions'):
        super(SubscriptionsField, self).__init__(option, tag)

    def argument_spec(self):
        return {self.option: subscriptions_argument_spec()}

    # -- reading -----------------------------------------------------------------------------------------
    def read(self, entity):
        container = entity.find(self.tag)
        if container is None:
            return None
        value = {}
        for key, tag in SUBSCRIPTION_CATEGORIES:
            category = container.find(tag)
            if category is None:
                continue
            if key == 'users':
                value[key] = _events_of(category)
            else:
                value[key] = [dict(label=xml_codec.text_of(service, 'label') or '', **_events_of(service))
                              for service in category.findall('service')]
        return value

    def normalize(self, value):
        """Only what the playbook sets: events with a value, services with a label and at least one event."""
        if value is None:
            return None
        wanted = {}
        for key, _tag in SUBSCRIPTION_CATEGORIES:
            given = value.get(key)
            if given is None:
                continue
            if key == 'users':
                events = _given_events(given)
                if events:
                    wanted[key] = events
                continue
            services = []
            for service in given:
                events = _given_events(service)
                if events:
                    services.append(dict(label=str(service['label']), **events))
            if services:
                wanted[key] = services
        return wanted

    # -- comparing ---------------------------------------------------------------------------------------
    def compare(self, current, desired, params, creating, context=None):
        if desired is None:
            return Change(False)
        current = current or {}
        before, after, send = {}, {}, {}
        for key, _tag in SUBSCRIPTION_CATEGORIES:
            if key not in desired:
                continue
            if key == 'users':
                now = _access_of(current.get(key))
                before[key] = dict((event, now.get(event, NO_ACCESS)) for event in desired[key])
                after[key] = dict(before[key], **desired[key])
                differing = _differing(before[key], desired[key], creating)
                if differing:
                    send[key] = differing
                continue
            shown = dict((service['label'].lower(), service) for service in current.get(key) or [])
            before[key], after[key], sent = [], [], []
            for service in desired[key]:
                now = _access_of(shown.get(service['label'].lower()))
                wanted = dict((event, access) for event, access in service.items() if event != 'label')
                then = dict((event, now.get(event, NO_ACCESS)) for event in wanted)
                before[key].append(dict(label=service['label'], **then))
                after[key].append(dict(label=service['label'], **dict(then, **wanted)))
                differing = _differing(then, wanted, creating)
                if differing:
                    sent.append(dict(label=service['label'], **differing))
            if sent:
                send[key] = sent
        if not send:
            return Change(False, before=before, after=before)
        return Change(True, send=send, before=before, after=after)

    # -- writing -----------------------------------------------------------------------------------------
    def build(self, value):
        container = xml_codec.leaf(self.tag)
        for key, tag in SUBSCRIPTION_CATEGORIES:
            if key not in value:
                continue
            category = xml_codec.sub(container, tag)
            if key == 'users':
                _build_events(category, value[key])
                continue
            for service in value[key]:
                element = xml_codec.sub(category, 'service')
                xml_codec.sub(element, 'label', service['label'])
                _build_events(element, service)
        return [container]


def _events_of(element):
    """``<subscription><name>Provision</name><access>Object</access></subscription>...`` -> {provision: Object}."""
    names = dict((name.lower(), key) for key, name in EVENTS)
    events = {}
    for subscription in element.findall('subscription'):
        key = names.get((xml_codec.text_of(subscription, 'name') or '').lower())
        if key:
            events[key] = xml_codec.text_of(subscription, 'access') or NO_ACCESS
    return events


def _given_events(value):
    return dict((key, str(value[key])) for key, _name in EVENTS if value.get(key) is not None)


def _access_of(value):
    return dict((key, access) for key, access in (value or {}).items() if key != 'label')


def _differing(current, wanted, creating):
    return dict((event, access) for event, access in wanted.items()
                if creating or (current.get(event) or NO_ACCESS).lower() != access.lower())


def _build_events(parent, events):
    for key, name in EVENTS:
        if events.get(key) is not None:
            subscription = xml_codec.sub(parent, 'subscription')
            xml_codec.sub(subscription, 'name', name)
            xml_codec.sub(subscription, 'access', events[key])


def subscriptions_argument_spec():
    """The argument spec of the ``subscriptions`` option (documented in doc_fragments/approval.py)."""
    events = dict(provision=dict(type='str'), deprovision=dict(type='str'))
    per_label = dict(label=dict(type='str', required=True), **events)
    return dict(type='dict', options=dict(
        users=dict(type='dict', options=dict(events)),
        services=dict(type='list', elements='dict', options=dict(per_label)),
        user_services=dict(type='list', elements='dict', options=dict(per_label)),
    ))
