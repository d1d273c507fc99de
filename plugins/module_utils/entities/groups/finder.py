# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-only queries for the group _info modules: approval providers and distribution groups of a customer.

Approval providers come from one GET. Distribution groups come page by page (read_pages): a customer
with 2,500 groups costs three GETs of 1,000.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.locator import PagedAddress, dist_group_levels
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Address, Level
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import PAGE_SIZE

# The member lists a distribution-group GET returns only when asked for them.
MEMBER_LIST_TAGS = ('members', 'sendasmembers', 'sendrestrictionacceptedmembers', 'sendrestrictionrejectedmembers')


def _with_customer(client, customer, read):
    """read(customer_level) with the customer given by code or full name (CustomerRef.read_with)."""
    ref = customer if isinstance(customer, CustomerRef) else CustomerRef(customer)
    return ref.read_with(client, lambda: read(ref.level()), needs_code=False)


def approval_providers(client, customer):
    """{provider name: <approvalprovider> element} of a customer (one GET)."""

    def read(customer_level):
        answer = client.get(Address([customer_level, Level('approvalproviders', [])]).element())
        providers = answer.find('customer/approvalproviders')
        return {} if providers is None else dict(
            (xml_codec.text_of(provider, 'name') or '', provider) for provider in providers.findall('approvalprovider'))

    return _with_customer(client, customer, read)


def dist_groups(client, customer, display_name_filter=None, email_filter=None, with_members=False,
                page_size=PAGE_SIZE):
    """(Hosted Exchange status, [<distributiongroup> elements]) of a customer, every page read."""

    def read(customer_level):
        address = PagedAddress(dist_group_levels(customer_level), [('displaynamefilter', display_name_filter),
                                                                   ('emailfilter', email_filter)], page_size)
        children = [xml_codec.leaf(tag) for tag in MEMBER_LIST_TAGS] if with_members else []
        groups = list(address.items(client, children))
        return address.around('customer/service/status'), groups

    return _with_customer(client, customer, read)
