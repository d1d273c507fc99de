# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-only queries shared by the _info modules and the inventory plugin.

FIND answers summaries (a customer's FIND entry has no parent, contact or properties); anything more costs a
GET. These helpers keep that cost visible: one FIND, then GETs only when details are asked for, batched where
the API allows several entities in one request.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.atria.cortex.plugins.module_utils import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.locators import CUSTOMER_CODE_PATTERN, CustomerRef, suffixed_user_name

# Entities named per GET when details are read one by one: keeps each answer a reasonable size.
DETAIL_BATCH = 100
# Items per page of a paged GET (distribution groups, contacts): the guide's own example asks for 1000.
PAGE_SIZE = 1000


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


def find_users(client, customer, filters):
    """(customer summary element, [user summary elements]) of a customer given by code or full name.

    FIND answers the customer's summary even when no user matches, and an empty response only when the
    customer itself is unknown; so an empty answer for a guessed code is retried as a full name.
    """
    ref = customer if isinstance(customer, CustomerRef) else CustomerRef(customer)
    for _attempt in range(2):
        if ref.code is None:
            ref.resolve(client)
        children = filter_children(
            (tag, suffixed_user_name(value, ref.code) if tag == 'name' else value) for tag, value in filters)
        response = client.find(xml_codec.E('customer', xml_codec.leaf('name', ref.code), xml_codec.E('user', *children)))
        found = response.find('customer')
        if found is not None:
            return found, found.findall('user')
        if ref.resolved:
            break
        ref.resolve(client)
    return None, []


def get_children(client, customer_code, tag, names, extra_children=()):
    """Detailed ``tag`` elements (users) of a customer for the given stored names, a batch of names per GET."""
    found = []
    for start in range(0, len(names), DETAIL_BATCH):
        request = xml_codec.E('customer', xml_codec.leaf('name', customer_code))
        for name in names[start:start + DETAIL_BATCH]:
            child = xml_codec.sub(request, tag)
            xml_codec.sub(child, 'name', name)
            for extra in extra_children:
                child.append(copy.deepcopy(extra))
        found.extend(client.get(request).iterfind('customer/' + tag))
    return found


def get_users(client, customer_code, names, with_properties=False):
    """Detailed user elements for the given stored names."""
    return get_children(client, customer_code, 'user', names, [xml_codec.leaf('properties')] if with_properties else ())


def with_properties(resource, element):
    """The entity's values, plus its properties when the element carries them."""
    values = resource.values(element)
    container = element.find('properties')
    if container is not None:
        values['properties'] = xml_codec.properties_to_dict(container)
    return values


def read_pages(client, request_for_page, items_in, page_size=PAGE_SIZE):
    """Every item of a paged GET, one page per request, as a generator (stop early by not iterating on).

    request_for_page(pageindex, pagesize) -> the request element; items_in(response) -> the page's items.
    ``pageindex`` starts at 1. The API returns no total count: a page with fewer than ``pagesize`` items
    (possibly none) is the last one.
    """
    index = 1
    while True:
        items = items_in(client.get(request_for_page(index, page_size)))
        yield from items
        if len(items) < page_size:
            return
        index += 1
