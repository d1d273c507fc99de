# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-only user queries: the users of a customer, as FIND summaries or batched GET details.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import get_children
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.finder import filter_children
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.locator import suffixed_user_name


def find_users(client, customer, filters):
    """(customer summary element, [user summary elements]) of a customer given by code or full name.

    FIND answers the customer's summary even when no user matches, and an empty response only when the
    customer itself is unknown; so an empty answer for a guessed code is retried as a full name.
    """
    ref = customer if isinstance(customer, CustomerRef) else CustomerRef(customer)

    def read():
        children = filter_children(
            (tag, suffixed_user_name(value, ref.code) if tag == 'name' else value) for tag, value in filters)
        return client.find(xml_codec.E('customer', xml_codec.leaf('name', ref.code), xml_codec.E('user', *children))).find('customer')

    found = ref.read_with(client, read)
    return (None, []) if found is None else (found, found.findall('user'))


def get_users(client, customer_code, names, with_properties=False):
    """Detailed user elements for the given stored names; ``with_properties``: with their properties and their Active
    Directory attributes (``<additionalproperties/>``)."""
    extra = [xml_codec.leaf('properties'), xml_codec.leaf('additionalproperties')] if with_properties else ()
    return get_children(client, customer_code, 'user', names, extra)
