# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A customer's Customer Administrators, and the roles option that keeps one.

The server makes the first user of a customer its Customer Administrator, whatever the SET said (the guide: "the
first user provisioned to a customer will always become the customer administrator"). Taken literally, an exact
``roles`` list without that role would then need two runs - the server adds it, the next run takes it away - and
the second would leave the customer without an administrator. So the roles field:

- on the creation of a customer's first user, adds Customer Administrator to the roles it sends (what the server
  does anyway), with a warning: the task converges in one run, and the read-back finds what was sent;
- never takes Customer Administrator away from a customer's last administrator: it keeps the role, with a warning
  that names the way out (give another user the role first). A re-run is then a no-op.

Both need the customer's users, read once per task and only when a roles change could touch the role.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CUSTOMER_NOT_FOUND, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine.fields import Change, ListField
from ansible_collections.atria.cortex.plugins.module_utils.engine.lists import merge_list, same_items
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import all_children
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef

CUSTOMER_ADMINISTRATOR = 'Customer Administrator'


def is_administrator_role(role):
    return (role or '').strip().lower() == CUSTOMER_ADMINISTRATOR.lower()


class Administrators:
    """Who holds Customer Administrator in one customer, as far as this task knows (one read, when needed).

    A lookup of the run's context (engine/context.py): ``context.lookup(Administrators)``, one for every user of a
    bulk task; its warnings go to the task through ``context.warn``.
    """

    def __init__(self, context):
        self.client = context.client
        customer = context.customer
        self.customer = customer if isinstance(customer, CustomerRef) else CustomerRef(customer)
        self.context = context
        self._users = None          # number of users the customer had when read
        self._holders = None        # users holding Customer Administrator then
        self._creates_before = 0    # users this task creates before the read (their roles were not managed)
        self._first_claimed = False
        self._taken_away = 0

    def _load(self):
        if self._users is not None:
            return
        users = self._read_users()
        self._users = len(users)
        self._holders = sum(1 for user in users if any(is_administrator_role(role.text) for role in user.iterfind('roles/role')))

    def _read_users(self):
        try:
            return all_children(self.client, self.customer, 'user')
        except NotFoundError as error:
            if error.code == CUSTOMER_NOT_FOUND:
                return []       # check mode: a customer an earlier task would create has no users yet
            raise

    def user_count(self):
        """How many users the customer had when read."""
        self._load()
        return self._users

    def warn(self, message):
        self.context.warn(message)      # once: the read-back after a write plans again

    def customer_label(self):
        return "customer '%s'" % (self.customer.code or self.customer.reference)

    # -- what the roles field asks -------------------------------------------------------------------------------
    def created(self, roles_managed):
        """A user of this customer is created; True when it is the customer's first (the server's administrator)."""
        if not roles_managed and self._users is None:
            self._creates_before += 1       # no read for a user whose roles the task leaves alone
            return False
        self._load()
        first = self._users == 0 and not self._first_claimed and self._creates_before == 0
        if self._users == 0:
            self._first_claimed = True
        return first

    def may_take_away(self):
        """True when another user keeps Customer Administrator after this one loses it."""
        self._load()
        holders = self._holders + (1 if self._first_claimed else 0) - self._taken_away
        if holders > 1:
            self._taken_away += 1
            return True
        return False


class RolesField(ListField):
    """The user's security roles (a list the API replaces), keeping the customer's Customer Administrator."""

    def compare(self, current, desired, params, creating, context=None):
        if context is None or context.customer is None:     # nothing is written (info modules): a plain list
            return super(RolesField, self).compare(current, desired, params, creating, context)
        administrators = context.lookup(Administrators)
        if creating and current is None:
            first = administrators.created(roles_managed=desired is not None)
            if desired is None:
                return Change(False)
            wanted = merge_list([], desired, params.get(self.mode_option) or 'exact', self.ignore_case)
            if first and not any(is_administrator_role(role) for role in wanted):
                wanted.append(CUSTOMER_ADMINISTRATOR)
                administrators.warn(
                    "The new user is the first user of %s: the server makes it the customer's %s whatever the task "
                    "says, so its roles include %s. To move the role, give it to another user later, then take it "
                    "from this one." % (administrators.customer_label(), CUSTOMER_ADMINISTRATOR, CUSTOMER_ADMINISTRATOR))
            return Change(True, send=wanted, before=None, after=wanted)
        if desired is None:
            return Change(False, before=current, after=current)
        current = current or []
        wanted = merge_list(current, desired, params.get(self.mode_option) or 'exact', self.ignore_case)
        losing = any(is_administrator_role(role) for role in current) and not any(is_administrator_role(role) for role in wanted)
        if losing and not same_items(current, wanted, self.ignore_case) and not administrators.may_take_away():
            held = next(role for role in current if is_administrator_role(role))
            wanted.append(held)
            administrators.warn(
                "roles would take %s away from the last administrator of %s, which would leave the customer without "
                "one: the role is kept. Give %s to another user of the customer first (atria.cortex.atria_user, "
                "roles_mode: present), then take it from this one."
                % (CUSTOMER_ADMINISTRATOR, administrators.customer_label(), CUSTOMER_ADMINISTRATOR))
        if not creating and same_items(current, wanted, self.ignore_case):
            return Change(False, before=current, after=current)
        return Change(True, send=wanted, before=current, after=wanted)
