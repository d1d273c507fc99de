# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Finding a user: playbooks name it as created (``User1``) although the server stores ``User1_TC``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Address, Level
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef


def suffixed_user_name(name, customer_code):
    """The server stores a user created as ``User1`` under ``TC`` as ``User1_TC``."""
    if not name or not customer_code:
        return name
    suffix = '_' + customer_code
    if name.lower().endswith(suffix.lower()):
        return name
    return name + suffix


class UserLocator:
    """A user of a customer, addressed by name (suffix added) or UPN."""

    def __init__(self, customer, name=None, upn=None):
        self.customer = customer if isinstance(customer, CustomerRef) else CustomerRef(customer)
        self.name = name
        self.upn = upn

    def stored_name(self):
        return suffixed_user_name(self.name, self.customer.code)

    def address(self, client):
        if self.customer.code is None:
            self.customer.resolve(client)
        if self.name:
            keys = [('name', self.stored_name())]
        else:
            keys = [('upn', self.upn)]
        return Address([self.customer.level(), Level('user', keys)])

    def retry_after(self, error, client):
        return self.customer.retry_after(error, client)
