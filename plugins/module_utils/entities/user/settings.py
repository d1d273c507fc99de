# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The fields of a user beyond names: its password block, account expiry, unlocking, directory attributes.

``<password>`` holds the password (write-only) and two settings the server shows on every GET:
``<changeatnextlogon>`` (the CPSM 11 guide spells it ``<changeatnextlogin>``: both are sent, docs/spellings.md) and
``<expires>`` (``NEVER`` or a date). They share one ``<password>`` element in a write (the API reads only the first
of a kind), so a setting changes without the password being sent again.

Dates are sent as ``YYYY-MM-DD`` (the server refuses other forms with error 36/37) and read in the forms answers
use: ``Never``, ``2031-01-31`` or, in the password block, ``20310131`` (UserGet.xml).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError, InvalidValueError
from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.engine.contained import Contained
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.directory import UserDirectory

PASSWORD = 'password'
NEVER = 'Never'
_DATE_FORMATS = ('%Y-%m-%d', '%Y%m%d')


class PasswordField(f.WriteOnlyField):
    """``<password><password>secret</password></password>``: the only place a password travels; it shares the
    ``<password>`` element with the password settings."""

    shares_container = True

    def __init__(self, option='password', update_option='update_password'):
        super(PasswordField, self).__init__(option, lambda value: [xml_codec.E(PASSWORD, xml_codec.E(PASSWORD, value))],
                                            update_option=update_option)


def expiry_text(text):
    """``Never`` or ``YYYY-MM-DD`` from what an answer (or a playbook) says; None when it says nothing; else the text."""
    text = (text or '').strip()
    if not text:
        return None
    if text.lower() == NEVER.lower():
        return NEVER
    for pattern in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text[:10] if '-' in text else text[:8], pattern).strftime('%Y-%m-%d')
        except ValueError:
            continue
    return text


class ExpiryMixin:
    """``Never`` or a date ``YYYY-MM-DD`` (an unquoted YAML date arrives as that text too); anything else is refused
    before anything is sent."""

    never_text = NEVER

    def read(self, entity):
        return expiry_text(super(ExpiryMixin, self).read(entity))

    def normalize(self, value):
        if value is None:
            return None
        text = expiry_text(str(value))
        if text != NEVER:
            try:
                datetime.datetime.strptime(text or '', '%Y-%m-%d')
            except ValueError:
                raise InvalidValueError("%s %r is neither 'never' nor a date YYYY-MM-DD (for example 2031-01-31). Nothing "
                                        "was sent." % (self.option, str(value)))
        return text

    def equal(self, current, desired):
        return (current or '') == desired

    def text(self, value):
        return self.never_text if value == NEVER else value

    def build(self, value):
        return super(ExpiryMixin, self).build(self.text(value))


class AccountExpiryField(ExpiryMixin, f.Field):
    """The account's ``<expires>`` at user level: ``Never`` or the date the account stops working."""


class PasswordExpiryField(ExpiryMixin, Contained):
    """``<password><expires>``: ``NEVER`` (the guide's sample; the customer's policy must allow it) or a date."""

    never_text = 'NEVER'

    def build(self, value):
        return Contained.build(self, value)


class UnlockField(f.BooleanField):
    """``<locked>``: the API can unlock an account (``false``) but never lock one - accounts lock after failed
    logons. ``locked: true`` would be a silent no-op on the server, so it is refused before anything is sent."""

    def normalize(self, value):
        if value:
            raise UnlockOnlyError()
        return super(UnlockField, self).normalize(value)


class UnlockOnlyError(CortexError):
    name = 'CannotLock'

    def __init__(self):
        super(UnlockOnlyError, self).__init__(
            'locked: true cannot be done: the CortexAPI can only unlock an account (an account locks itself after '
            'failed logons). Use locked: false to unlock, disable the account with enabled: false, or leave locked out. '
            'Nothing was sent.')


class UserPropertiesField(f.PropertiesField):
    """User ``<properties>`` or ``<additionalproperties>`` (Active Directory attributes: title, mobile, manager...).

    Only the keys given are compared and sent. ``manager`` names a user of the same customer; the server stores the
    manager's login (``Boss_TC``), so a name given without the suffix is turned into the stored name (as member
    lists do) and compared case-insensitively; a DN or UPN is sent as given.
    """

    MANAGER = 'manager'

    def _manager_key(self, desired):
        return next((key for key in desired or {} if key.lower() == self.MANAGER), None)

    def announce(self, value, context):
        key = self._manager_key(value)
        if key and value[key] and _is_user_name(value[key]):
            context.lookup(UserDirectory).expect([value[key]])

    def compare(self, current, desired, params, creating, context=None):
        key = self._manager_key(desired)
        if key and desired[key] and _is_user_name(desired[key]) and context is not None:
            desired = dict(desired)
            desired[key] = context.lookup(UserDirectory).stored_name(desired[key])
            held = (current or {}).get(key)
            if held and held.strip().lower() == desired[key].lower():
                desired[key] = held.strip()     # the server's spelling: no change on a case difference
        return super(UserPropertiesField, self).compare(current, desired, params, creating, context)

    def build(self, value):
        element, = super(UserPropertiesField, self).build(value)
        element.tag = self.tag      # the same <property> items inside <properties> or <additionalproperties>
        return [element]

    def manager(self, value):
        key = self._manager_key(value)
        return value[key] if key and value[key] and _is_user_name(value[key]) else None


def _is_user_name(value):
    return '@' not in value and not value.upper().startswith('CN=')


class TaskUsers:
    """The user names a task manages (a lookup of the run's context): a manager created by the same bulk task (listed
    before the users it manages, so the one SET creates it first) is no unknown user."""

    def __init__(self, context):
        self.names = []

    def add(self, name):
        self.names.append(name)

    def named(self, stored_name, directory):
        return stored_name.lower() in [directory.stored_name(name).lower() for name in self.names]


class UserNameField(f.Field):
    """The user's name (read-only: the server's handle); tells the run which users the task names."""

    def announce(self, value, context):
        context.lookup(TaskUsers).add(value)


def check_manager(plan, context, describe):
    """``Resource(checks=...)``: a manager the write names is a user of the customer, or one the same task creates
    (the server: error 15, "A user must be specified"). One read, only when a manager is sent."""
    for option in ('additional_properties', 'properties'):
        sent = plan.sent(option)
        if not sent:
            continue
        field = next(field for field, _change in plan.changes if field.option == option)
        name = field.manager(sent)
        directory = context.lookup(UserDirectory)
        if name and not context.lookup(TaskUsers).named(name, directory):
            directory.require([name], 'The manager of %s' % describe(), provisioned=False)
