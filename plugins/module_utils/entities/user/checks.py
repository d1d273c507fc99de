# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks before a user is written or deleted, so that what the server would refuse is refused first, with the fix.

They are the engine's ``before_write(plan)`` / ``before_delete(current)`` hooks: they run only when something must
change (an identical re-run costs no extra read), in check mode too, and they only read - the customer once (its
password policy and the roles it offers) and its users once (how many are left), each only when needed.

- a password shorter than the customer's password policy allows (the server: error 15);
- a role the customer does not offer (the server: error 22, RoleNotFound);
- a password that never expires where the customer's policy does not allow it (the server: error 35);
- deleting the customer's last user (the server: error 15, "the last user of a customer cannot be deleted").
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.administrators import Administrators


class UserCheckError(CortexError):
    """A user write the server would refuse, found before anything was sent."""

    name = 'InvalidUser'

    def __init__(self, message):
        super(UserCheckError, self).__init__(message + ' Nothing was sent.')


class UserChecks:
    """The checks of one atria_user task (single or bulk); ``administrators`` reads the customer's users."""

    def __init__(self, context):
        self.client = context.client
        self.administrators = context.lookup(Administrators)
        self.customer = self.administrators.customer
        self._customer_el = None
        self._deleted = 0

    def _customer(self):
        if self._customer_el is None:
            self.customer.code_for(self.client)
            answer = self.client.get(xml_codec.E('customer', xml_codec.leaf('name', self.customer.code)))
            self._customer_el = answer.find('customer')
        return self._customer_el

    def label(self):
        return "customer '%s'" % (self.customer.code or self.customer.reference)

    def before_write(self, plan):
        password = plan.sent('password')
        if password is not None:
            minimum = xml_codec.text_of(self._customer(), 'password/minimumlength') if self._customer() is not None else None
            if minimum and minimum.strip().isdigit() and len(password) < int(minimum):
                raise UserCheckError(
                    'The password is %d characters long, and the password policy of %s asks for at least %s. Give a '
                    'longer password (or change the policy in Atria).' % (len(password), self.label(), minimum.strip()))
        if plan.sent('password_expires') == 'Never':
            self._check_never_expires()
        roles = plan.sent('roles')
        if roles and self._customer() is not None and self._customer().find('roles') is not None:
            offered = [(role.text or '').strip() for role in self._customer().iterfind('roles/role')]
            known = set(role.lower() for role in offered)
            unknown = [role for role in roles if role.strip().lower() not in known]
            if unknown:
                raise UserCheckError(
                    '%s does not offer the role%s %s. Spell roles as the customer lists them (atria.cortex.atria_customer_info '
                    'shows them): %s.' % (self.label()[0].upper() + self.label()[1:], 's' if len(unknown) > 1 else '',
                                          ', '.join("'%s'" % role for role in unknown), ', '.join(offered) or 'none'))

    def _check_never_expires(self):
        allowed = xml_codec.text_of(self._customer(), 'password/allowneverexpires') if self._customer() is not None else None
        if allowed is not None and xml_codec.to_bool(allowed) is False:
            raise UserCheckError(
                "password_expires: never is not allowed by the password policy of %s (allowneverexpires is False; the "
                "server would answer error 35, PasswordNeverExpiredNotAllowed). Give a date (YYYY-MM-DD), or allow it "
                "first with atria.cortex.atria_customer password_allow_never_expires: true." % self.label())

    def before_delete(self, current):
        users = self.administrators.user_count()
        self._deleted += 1
        if users - self._deleted < 1:
            name = xml_codec.text_of(current, 'name') if current is not None else None
            raise UserCheckError(
                "User '%s' is the last user of %s, and the server never deletes a customer's last user. Delete the "
                'customer instead (atria.cortex.atria_customer with state: absent), or create another user first.'
                % (name or '?', self.label()))


def check_write(plan, context, describe):
    """The user Resource's check before a create or update (``Resource(checks=...)``)."""
    context.lookup(UserChecks).before_write(plan)


def check_delete(current, context, describe):
    """The user Resource's check before a delete (``Resource(delete_checks=...)``): one count for every item."""
    context.lookup(UserChecks).before_delete(current)
