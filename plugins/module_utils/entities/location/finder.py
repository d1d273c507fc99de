# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read-only location queries for atria_location_info (guide "Locations", lines 1855-1975).

Every location: one FIND ``<location/>``, with ``<service/>`` inside for the services each offers. One location:
one GET by name, with the customer and user property lists when asked (they travel in the same GET).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import LOCATION_NOT_FOUND, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.resource import LOCATION, LocationLocator


def find_locations(client, with_services=False):
    """<location> summary elements of every location (one FIND)."""
    children = [xml_codec.leaf('service')] if with_services else []
    return client.find(xml_codec.E('location', *children), entity='the locations').findall('location')


def get_location(client, name, customer_properties=False, user_properties=False):
    """The <location> element of one location (one GET, services included), or None when it does not exist."""
    desired = {'services': []}
    if customer_properties:
        desired['customer_properties'] = {}
    if user_properties:
        desired['user_properties'] = {}
    try:
        return LocationLocator(name).address().read(client, LOCATION.read_children(desired))
    except NotFoundError as error:
        if error.code == LOCATION_NOT_FOUND:
            return None
        raise
