# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-only customer queries shared by the _info modules and the inventory plugin.

A customer's FIND entry has no parent, contact or properties: anything more costs a GET.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CUSTOMER_CODE_PATTERN


def filter_children(filters):
    """[(tag, value)] -> leaf elements, skipping unset filters. A parent filter becomes <parent><name|fullname/>."""
    children = []
    for tag, value in filters:
        if value is None:
            continue
        if tag == 'parent':
            parent = xml_codec.leaf('parent')
            xml_codec.sub(parent, 'name' if CUSTOMER_CODE_PATTERN.match(value) else 'fullname', value)
            children.append(parent)
        else:
            children.append(xml_codec.leaf(tag, value))
    return children


def find_customers(client, filters, entity=None):
    """Customer summary elements matching the filters (all visible customers when none is set).
    ``entity``: how error messages name the query (default: derived from the request).
    """
    response = client.find(xml_codec.E('customer', *filter_children(filters)), entity=entity)
    return response.findall('customer')


def get_identity(client):
    """The API user's own customer (``<identity><customer>``): the top of everything it can see."""
    return client.get(xml_codec.leaf('identity'), entity='the API user (identity)').find('identity/customer')


def find_customer_services(client, customer_code):
    """Service summary elements of a customer (provisioned or not); [] when the customer is gone."""
    response = client.find(xml_codec.E('customer', xml_codec.leaf('name', customer_code), xml_codec.leaf('service')))
    found = response.find('customer')
    return [] if found is None else found.findall('service')


def get_customer(client, code, with_properties=False):
    request = xml_codec.E('customer', xml_codec.leaf('name', code))
    if with_properties:
        request.append(xml_codec.leaf('properties'))
    return client.get(request).find('customer')
