# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Finding a user: playbooks name it as created (``User1``) although the server stores ``User1_TC``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import USER_NOT_FOUND, CortexError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Address, Level
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CUSTOMER_CODE_PATTERN, CustomerRef


def suffixed_user_name(name, customer_code):
    """The server stores a user created as ``User1`` under ``TC`` as ``User1_TC``."""
    if not name or not customer_code:
        return name
    suffix = '_' + customer_code
    if name.lower().endswith(suffix.lower()):
        return name
    return name + suffix


def foreign_suffix(name, customer_code):
    """'GLX' for ``hsimpson_GLX`` named under customer ACME: the suffix of another customer's stored names, or None."""
    if not name or '_' not in name or not customer_code:
        return None
    suffix = name.rsplit('_', 1)[1]
    if not suffix or suffix.lower() == customer_code.lower() or not CUSTOMER_CODE_PATTERN.match(suffix):
        return None
    return suffix


def owner_of(client, name, customer_code):
    """The code of the other customer a missing user name belongs to (``hsimpson_GLX`` -> 'GLX'), or None.

    Only on the error path: one FIND of the user in the customer its suffix names (a customer out of the login's
    scope, or no such user there, gives None).
    """
    suffix = foreign_suffix(name, customer_code)
    if suffix is None:
        return None
    try:
        answer = client.find(xml_codec.E('customer', xml_codec.leaf('name', suffix),
                                         xml_codec.E('user', xml_codec.leaf('name', name))))
    except CortexError:
        return None
    found = answer.find('customer')
    if found is None or not any((xml_codec.text_of(user, 'name') or '').lower() == name.lower() for user in found.iterfind('user')):
        return None
    return xml_codec.text_of(found, 'name') or suffix


def foreign_owners(client, names, customer_code):
    """{name: owning customer code} for the names that are users of another customer."""
    owners = {}
    for name in names:
        given = unsuffixed_user_name(name, customer_code)     # lists hold stored names: hsimpson_GLX_ACME
        owner = owner_of(client, given, customer_code)
        if owner:
            owners[name] = (given, owner)
    return owners


def unsuffixed_user_name(name, customer_code):
    """``hsimpson_GLX_ACME`` -> ``hsimpson_GLX`` under ACME (the reverse of suffixed_user_name)."""
    suffix = '_' + (customer_code or '')
    if customer_code and name and name.lower().endswith(suffix.lower()) and len(name) > len(suffix):
        return name[:-len(suffix)]
    return name


class UserLocator:
    """A user of a customer, addressed by name (suffix added) or UPN."""

    def __init__(self, customer, name=None, upn=None):
        self.customer = customer if isinstance(customer, CustomerRef) else CustomerRef(customer)
        self.name = name
        self.upn = upn

    def stored_name(self):
        return suffixed_user_name(self.name, self.customer.code)

    def address(self, client):
        self.customer.code_for(client)
        if self.name:
            keys = [('name', self.stored_name())]
        else:
            keys = [('upn', self.upn)]
        return Address([self.customer.level(), Level('user', keys)])

    def retry_after(self, error, client):
        return self.customer.retry_after(error, client)

    def explain_missing(self, error, client):
        """A UserNotFound for a name that is another customer's user (``hsimpson_GLX`` in ACME, looked up as
        ``hsimpson_GLX_ACME``) says whose user it is; any other error is returned as it is."""
        owner = owner_of(client, self.name, self.customer.code) if getattr(error, 'code', None) == USER_NOT_FOUND else None
        if owner is None:
            return error
        return NotFoundError(
            USER_NOT_FOUND, "User '%s' belongs to customer '%s', not to customer '%s' (its name ends in _%s, the suffix "
            "the server gives the users of %s)." % (self.name, owner, self.customer.code, owner, owner),
            entity="user '%s'" % self.name, api_user=getattr(client, 'username', None),
            hint="A customer's services and groups take only its own users: name a user of customer '%s', or manage "
                 "this user under customer: %s." % (self.customer.code, owner))
