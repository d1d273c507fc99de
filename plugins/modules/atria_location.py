#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_location
short_description: Create, update and delete Atria locations
version_added: 0.1.0
description:
  - Manages a location of Atria (formerly Citrix CloudPortal Services Manager) through the CortexAPI, as in the
    guide's "Locations" - the services it offers and the defaults of its customer and user properties. Locations
    are a service provider administrator's tool; a reseller's login is refused by the server (error 12).
  - The guide says "You can FIND, GET, SET, and DELETE locations" but shows only the reads. The module's SET
    carries what the location's GET answers, as the guide does for every entity - C(<service>) items and the
    C(<customer><customerproperties>) and C(<user><additionalproperties>) property lists - and reads the
    location back after every write; a value the server did not take fails the task, naming the option.
  - A customer chooses its location when it is created (O(atria.cortex.atria_customer#module:location))
    and keeps it. A location a customer still has cannot be deleted; with O(state=absent) the module finds those
    customers first and fails naming them, before anything is sent.
  - An identical re-run sends one read request (a GET of the location) and reports no change.
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.attributes
options:
  name:
    description: The location's name; identifies it (compared case-insensitively). An unknown name is created.
    type: str
    required: true
  services:
    description:
      - The services the location offers, by internal name (Appendix B of the guide, for example V(HE), V(FSS))
        or display name (V(Hosted Exchange)). See O(services_mode).
      - A location's SET lists its services; one that lists none leaves them unchanged, so the module refuses a
        task that would leave the location without any service.
    type: list
    elements: str
  services_mode:
    description:
      - V(exact) - O(services) is the whole list; V(present) - add these; V(absent) - remove these.
    type: str
    choices: [exact, present, absent]
    default: exact
  customer_properties:
    description:
      - Defaults of customer properties at this location, by property name (as the location's
        C(<customerproperties>) lists them, for example C(City)).
      - Only the names given are compared and sent; the others keep their values.
      - Not on CPSM 10, whose guide has no location property lists; refused there before anything is sent.
    type: dict
  user_properties:
    description:
      - Defaults of the user (Active Directory) properties at this location, by property name (as the location's
        C(<additionalproperties>) lists them, for example C(co)).
      - Only the names given are compared and sent; the others keep their values. Not on CPSM 10.
    type: dict
  check_usage:
    description:
      - With O(state=absent), before deleting an existing location, find the customers that have it and fail naming
        them, with nothing sent. No request filters customers by location, so this reads every visible customer -
        one FIND and one GET per customer - and only when there is a location to delete.
      - V(false) sends the DELETE at once; a server that refuses it because the location is in use (error 27) is
        reported the same way, naming the customers when a read finds them.
    type: bool
    default: true
  state:
    description:
      - V(present) creates or updates the location.
      - V(absent) deletes it (see O(check_usage)); the result is then empty.
    type: str
    choices: [present, absent]
    default: present
notes:
  - The property lists are read only when the task manages them (they travel in the same GET).
seealso:
  - module: atria.cortex.atria_location_info
  - module: atria.cortex.atria_customer
"""

EXAMPLES = r"""
- name: A location offering Hosted Exchange and File Sharing, with customer and user defaults
  atria.cortex.atria_location:
    name: Location NL
    services: [HE, File Sharing]
    customer_properties:
      City: Amsterdam
    user_properties:
      co: Netherlands

- name: Offer Mail Archiving there too, keeping the other services
  atria.cortex.atria_location:
    name: Location NL
    services: [MARCH]
    services_mode: present

- name: Delete the location (fails naming the customers that still have it)
  atria.cortex.atria_location:
    name: Location NL
    state: absent
"""

RETURN = r"""
location:
  description:
    - The location as it is after the task (predicted in check mode); empty after a deletion.
    - The property lists appear only when the task manages them, with every property the location lists.
  returned: always
  type: dict
  sample:
    name: Location NL
    id: "2"
    services: [HE, FSS]
    customer_properties:
      City: Amsterdam
    user_properties:
      co: Netherlands
request_id:
  description: The id of the request the change started; null when nothing was sent or on CPSM 10.
  returned: always
  type: int
diff:
  description: The options the task manages, before and after.
  returned: when changed and in diff mode
  type: dict
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.resource import LOCATION, LocationLocator
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.usage import explain_refusal, refuse_if_used
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run_resource, start_task


def argument_spec():
    spec = connection_argument_spec()
    spec.update(LOCATION.argument_spec(required=('name',)))
    spec.update(
        check_usage=dict(type='bool', default=True),
        state=dict(type='str', default='present', choices=['present', 'absent']),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True)
    name = task.params['name']

    def before_delete_factory(task, client):
        if not task.params['check_usage']:
            return None
        return lambda current: refuse_if_used(client, name)

    run_resource(task, LOCATION, LocationLocator(name), before_delete_factory=before_delete_factory,
                 explain=lambda error, client, params: explain_refusal(error, client, name))


if __name__ == '__main__':
    main()
