# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The users of one customer, as the member lists of groups name them.

Playbooks name a user the way it was created (``alice``) or stored (``alice_TC``); workflow groups list
members by stored login name, distribution groups by e-mail address. A UserDirectory turns one into the
other and checks that users exist (and are provisioned) before a write. It reads only when asked, once for
all the names a task gives: the engine has the list fields announce their names before it plans (expect()).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.status import NOT_PROVISIONED, status_equal
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CUSTOMER_NOT_FOUND, USER_NOT_FOUND, CortexError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.locator import foreign_owners, suffixed_user_name
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.finder import find_users, get_users


def is_email(name):
    """An e-mail address names any recipient (user, contact, group); anything else is a user name."""
    return '@' in (name or '')


class UnknownUsersError(CortexError):
    """Users a list names do not exist, or are de-provisioned where the API wants provisioned users."""

    name = 'InvalidMembers'

    def __init__(self, what, missing=(), deprovisioned=(), customer=None, foreign=None, contacts=False):
        self.foreign = dict(foreign or {})      # name as listed -> (name as given, code of the customer it belongs to)
        self.missing = [name for name in missing if name not in self.foreign]
        self.deprovisioned = list(deprovisioned)
        problems = []
        if self.missing:
            problems.append('%s not exist in customer %s' % (_names(self.missing, 'does', 'do'), customer))
        for name, owner in sorted(self.foreign.values()):
            problems.append("user '%s' belongs to customer '%s', not to customer %s: a group or service of a customer "
                            "can only name that customer's own users" % (name, owner, customer))
        if self.deprovisioned:
            problems.append('%s de-provisioned' % _names(self.deprovisioned, 'is', 'are'))
        super(UnknownUsersError, self).__init__(
            '%s: %s%s. Name existing%s users (by user name, with or without the _<customer code> suffix), create or '
            're-provision them with atria.cortex.atria_user, or leave them out.%s Nothing was sent.'
            % (what, '; '.join(problems), ', and no contact has that display name' if contacts and self.missing else '',
               ', provisioned' if self.deprovisioned else '',
               ' Contacts are named by e-mail address or display name (atria.cortex.atria_contact_info lists them).'
               if contacts else ''))


def _names(names, singular, plural):
    quoted = ', '.join("'%s'" % name for name in names)
    return 'user %s %s' % (quoted, singular) if len(names) == 1 else 'users %s %s' % (quoted, plural)


class UserDirectory:
    """User lookups for the customer of a run: a lookup of the run's context (engine/context.py), so that every
    member list of a task shares it: ``context.lookup(UserDirectory)``."""

    def __init__(self, context):
        self.context = context
        self.client = context.client
        customer = context.customer
        self.customer = customer if isinstance(customer, CustomerRef) else CustomerRef(customer)
        self._expected = []     # user names the task gives; looked up together with the first lookup
        self._known = {}        # stored name (lower) -> user dict, or None when there is no such user

    # -- names -------------------------------------------------------------------------------------------
    def code(self):
        return self.customer.code_for(self.client)

    def stored_name(self, name):
        """``alice`` -> ``alice_TC``: the login name the server stores (an existing suffix is kept)."""
        return suffixed_user_name(name, self.code())

    def expect(self, names):
        """Remember user names a later lookup will need, so that one read serves them all."""
        self._expected.extend(name for name in names or () if name and not is_email(name))

    # -- lookups -----------------------------------------------------------------------------------------
    def users(self, names):
        """{name: user dict or None} for the given user names (None: no such user in the customer)."""
        self._fetch(list(names) + self._expected)
        return dict((name, self._known[self.stored_name(name).lower()]) for name in names)

    def _fetch(self, names):
        wanted, seen = [], set()
        for name in names:
            stored = self.stored_name(name)
            if stored.lower() not in self._known and stored.lower() not in seen:
                seen.add(stored.lower())
                wanted.append(stored)
        if not wanted:
            return
        try:
            found = get_users(self.client, self.code(), wanted)
        except NotFoundError as error:
            if error.code == CUSTOMER_NOT_FOUND:
                # Only reached in check mode (a real run fails on reading the entity first): the customer is one an
                # earlier task would create, so the names preview as the users it would get (engine: parent_absent).
                for name in wanted:
                    self._known[name.lower()] = {'name': name, 'display_name': None, 'status': None, 'emails': []}
                return
            if error.code != USER_NOT_FOUND:
                raise
            # One GET fails as a whole when any name is unknown: learn which exist from one FIND.
            _customer, summaries = find_users(self.client, self.customer, [])
            existing = set((xml_codec.text_of(summary, 'name') or '').lower() for summary in summaries)
            present = [name for name in wanted if name.lower() in existing]
            found = get_users(self.client, self.code(), present) if present else []
        for name in wanted:
            self._known[name.lower()] = None
        for element in found:
            user = user_entry(element)
            self._known[user['name'].lower()] = user

    # -- what list fields need ---------------------------------------------------------------------------
    def recipient_keys(self, names, current, lenient=False, what='The list', others=None):
        """Each name as the e-mail address a distribution-group list shows for it.

        An e-mail address stays as given. A user name becomes the user's address that ``current`` already
        shows (a user may have several), else its primary address. ``others(names)`` -> {name: key} may name
        the recipients among the names no user has (contacts by display name: groups/contact.py). Unknown users
        raise UnknownUsersError, unless ``lenient`` (removing a user that does not exist removes nothing).
        """
        user_names = [name for name in names if not is_email(name)]
        users = self.users(user_names) if user_names else {}
        unknown = [name for name in user_names if users[name] is None]
        other_keys = others(unknown) if (others is not None and unknown) else {}
        shown = dict((item.lower(), item) for item in current or [])
        keys, missing = [], []
        for name in names:
            if is_email(name):
                keys.append(name)
                continue
            user = users[name]
            if user is None and name in other_keys:
                keys.append(shown.get(other_keys[name].lower(), other_keys[name]))
                continue
            if user is None:
                if not lenient:
                    missing.append(name)
                    keys.append(name)   # previewed as named, when check mode lets it through (context.refuse)
                continue
            keys.append(next((shown[address.lower()] for address in user['emails'] if address.lower() in shown),
                             user['emails'][0] if user['emails'] else user['name']))
        if missing:
            error = UnknownUsersError(what, missing=missing, customer="'%s'" % self.code(),
                                      foreign=foreign_owners(self.client, missing, self.code()), contacts=others is not None)
            if error.foreign:
                raise error     # another customer's user: no task of this run can make it this customer's
            self.context.refuse(error)
        return keys

    def require(self, names, what, provisioned=True):
        """Raise UnknownUsersError unless every user exists (and is not de-provisioned, with ``provisioned``)."""
        users = self.users(names)
        missing = [name for name in names if users[name] is None]
        present = [name for name in names if users[name] is not None] if provisioned else []
        deprovisioned = [users[name]['name'] for name in present if status_equal(users[name]['status'], NOT_PROVISIONED)]
        if missing or deprovisioned:
            error = UnknownUsersError(what, missing, deprovisioned, customer="'%s'" % self.code(),
                                      foreign=foreign_owners(self.client, missing, self.code()))
            if deprovisioned or error.foreign:
                raise error
            self.context.refuse(error)


def user_entry(element):
    """A user's detail element -> {name, display_name, status, emails (primary first, then the UPN)}."""
    emails = []
    addresses = element.find('addresses')
    if addresses is not None:
        ordered = sorted(addresses.findall('address'), key=lambda item: not xml_codec.to_bool(item.get('primary') or 'false'))
        emails.extend((item.text or '').strip() for item in ordered if (item.text or '').strip())
    upn = xml_codec.text_of(element, 'upn')
    if upn and upn.lower() not in [email.lower() for email in emails]:
        emails.append(upn)
    return {
        'name': xml_codec.text_of(element, 'name') or '',
        'display_name': xml_codec.text_of(element, 'fullname'),
        'status': xml_codec.text_of(element, 'status'),
        'emails': emails,
    }


def require_members(option, provisioned=True):
    """A Resource check (``Resource(checks=...)``): the users a write sends in ``option`` exist (and are
    provisioned). ``describe()`` names the group in the message. Costs one read, and only when the list is sent."""

    def check(plan, context, describe):
        names = plan.sent(option)
        if names:
            context.lookup(UserDirectory).require(names, '%s of %s' % (option.capitalize(), describe()), provisioned)

    return check
