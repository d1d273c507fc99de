# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Customer settings a GET shows and a SET takes back (CustomerGet.xml): its places, and its location.

- ``<locations>``/``<departments>``: ``<name>`` items, replaced as a whole. The server always keeps ``Unassigned``
  (users default to it), so the list sent and compared always holds it: ``exact`` need not name it, ``absent``
  never removes it.
- ``<location>``: the Atria location the customer is provisioned in, chosen at creation; the server refuses another
  one later (error 1), so a change is refused before anything is sent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.engine.lists import same_items
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.checks import CustomerCheckError

UNASSIGNED = 'Unassigned'
# Appendix B's OrganisationalStructure (CPSM 10 guide): how users are grouped in the customer's OU.
OU_STRUCTURES = ('ungrouped', 'department', 'location', 'department_location', 'location_department', 'user_specified')


class PlacesField(f.ListField):
    """A customer's locations or departments: ``<locations><name>Riga</name>...</locations>``."""

    def __init__(self, option, tag):
        super(PlacesField, self).__init__(option, tag, item_tag='name')

    def compare(self, current, desired, params, creating, context=None):
        change = super(PlacesField, self).compare(current, desired, params, creating, context)
        if not change.changed or UNASSIGNED.lower() in [item.lower() for item in change.send]:
            return change
        wanted = [UNASSIGNED] + change.send
        if not creating and same_items(current, wanted, self.ignore_case):
            return f.Change(False, before=current, after=current)
        return f.Change(True, send=wanted, before=current, after=wanted)


class CreationOnlyField(f.Field):
    """A value the server takes when the entity is created and never changes afterwards (the customer's location)."""

    def __init__(self, option, tag, fix):
        super(CreationOnlyField, self).__init__(option, tag, ignore_case=True)
        self.fix = fix

    def compare(self, current, desired, params, creating, context=None):
        if desired is None or creating or current is None or self.equal(current, desired):
            return super(CreationOnlyField, self).compare(current, desired, params, creating, context)
        raise CustomerCheckError(
            '%s is %r and cannot be changed after creation: the server refuses another value (error 1, '
            'InvalidCustomer). %s' % (self.option, current, self.fix % {'current': current, 'desired': desired}))
