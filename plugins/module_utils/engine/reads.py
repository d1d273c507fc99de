# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read helpers every entity uses: batched GETs of a customer's children, paged GETs, values with properties.

FIND answers summaries; anything more costs a GET. These keep that cost visible: GETs only when details are
asked for, batched where the API allows several entities in one request.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import INVALID_USER, USER_NOT_FOUND, NotFoundError


# Entities named per GET when details are read one by one: keeps each answer a reasonable size.
DETAIL_BATCH = 100


# Items per page of a paged GET (distribution groups, contacts): the guide's own example asks for 1000.
PAGE_SIZE = 1000

# Server answers that mean "no such child" to a GET that names none: the server wants them named.
NO_CHILDREN_CODES = (INVALID_USER, USER_NOT_FOUND)


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


def all_children(client, customer, tag, read_children=()):
    """Every ``tag`` child (user) of a customer, in detail: ``customer`` is a CustomerRef (code, else full name).

    One GET with an empty ``<user/>`` asks for all users, as ``<distributiongroups/>`` or ``<instances/>`` do for
    theirs. A server that refuses that (error 15/16) is asked the documented way instead: a FIND of the users, then
    GETs naming them in batches.
    """
    def read():
        request = xml_codec.E('customer', xml_codec.leaf('name', customer.code), xml_codec.E(tag, *read_children))
        try:
            return client.get(request).findall('customer/' + tag)
        except NotFoundError as error:
            if error.code not in NO_CHILDREN_CODES:
                raise
        listing = client.find(xml_codec.E('customer', xml_codec.leaf('name', customer.code), xml_codec.E(tag)))
        names = [xml_codec.text_of(child, 'name') for child in listing.iterfind('customer/' + tag)]
        return get_children(client, customer.code, tag, names, read_children)

    return customer.read_with(client, read)


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
