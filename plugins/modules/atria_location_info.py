#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_location_info
short_description: List Atria locations, or read one with its services and property defaults
version_added: 0.1.0
description:
  - Reads the locations of Atria (formerly Citrix CloudPortal Services Manager) through the CortexAPI (guide
    "Locations").
  - Without O(name), every location, with one FIND (with the services each offers when O(services=true)).
  - With O(name), that location, with one GET (its services always; its customer and user property defaults
    when asked). An unknown name returns an empty list.
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.info_module
options:
  name:
    description: The location to read (case-insensitive); all locations when omitted.
    type: str
  services:
    description: List the services each location offers (always listed for one location, O(name)).
    type: bool
    default: false
  customer_properties:
    description: With O(name), the location's customer properties and their defaults (not on CPSM 10).
    type: bool
    default: false
  user_properties:
    description: With O(name), the location's user (Active Directory) properties and their defaults (not on CPSM 10).
    type: bool
    default: false
seealso:
  - module: atria.cortex.atria_location
"""

EXAMPLES = r"""
- name: Every location and the services it offers
  atria.cortex.atria_location_info:
    services: true
  register: locations

- name: One location with its customer property defaults
  atria.cortex.atria_location_info:
    name: Location NL
    customer_properties: true
  register: location_nl
"""

RETURN = r"""
locations:
  description: The locations, with the option names of M(atria.cortex.atria_location).
  returned: always
  type: list
  elements: dict
  sample:
    - name: Location NL
      id: "2"
      services: [HE, FSS]
      customer_properties:
        City: Amsterdam
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.finder import find_locations, get_location
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.resource import LOCATION
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task

# Filters the server applies (a GET by name).
FILTER_OPTIONS = ('name',)


def argument_spec():
    spec = connection_argument_spec()
    spec.update(LOCATION.argument_spec(FILTER_OPTIONS))
    spec.update(
        services=dict(type='bool', default=False),
        customer_properties=dict(type='bool', default=False),
        user_properties=dict(type='bool', default=False),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    params = task.params
    if not params['name'] and (params['customer_properties'] or params['user_properties']):
        task.fail('customer_properties and user_properties need name: the guide reads the property lists of one '
                  'location at a time. Nothing was sent.')

    def query(client):
        if params['name']:
            found = get_location(client, params['name'], params['customer_properties'], params['user_properties'])
            elements = [] if found is None else [found]
        else:
            elements = find_locations(client, params['services'])
        return {'changed': False, 'locations': [LOCATION.values(element) for element in elements]}

    run(task, query)


if __name__ == '__main__':
    main()
