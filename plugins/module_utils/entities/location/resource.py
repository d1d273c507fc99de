# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""An Atria location: which module option maps to which CortexAPI tag, and where a location lives.

Used by atria_location and atria_location_info. The guide ("Locations", lines 1855-1975) says "You can FIND, GET,
SET, and DELETE locations" and shows the reads only: FIND ``<location/>`` (with ``<service/>`` for the services
each offers), GET ``<location><name/></location>``, with ``<customer><customerproperties/></customer>`` for the
customer properties and ``<user><additionalproperties/></user>`` for the user properties of the location. As for
every entity (line 211: a GET answer "can then be used as the basis of the SET request"), the SET carries the
GET answer's shape: ``<service><name/></service>`` items directly under ``<location>`` (the whole list: a SET
without them leaves the list as it is, so an empty list cannot be sent), and the two property lists inside
``<customer>`` and ``<user>``, of which only the names a task gives are compared and sent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import LOCATION_NOT_FOUND
from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Address, Level, Resource
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.checks import properties_need_release, services_not_emptied


class ServicesField(f.ListField):
    """The services a location offers: ``<service><name>HE</name><fullname>Hosted Exchange</fullname></service>``
    items directly under ``<location>``, by code. A playbook may name a service by code or by display name."""

    def __init__(self, option='services'):
        super(ServicesField, self).__init__(option, 'service', item_tag='name', ignore_case=True)

    def read(self, entity):
        items = entity.findall(self.tag)
        if not items:
            return None
        return [(xml_codec.text_of(item, 'name') or '').strip() for item in items]

    def read_request(self, desired):
        """A GET names ``<service/>`` so that its answer lists the services, as the guide's FIND does."""
        return [xml_codec.leaf(self.tag)] if desired is not None else []

    def resolve(self, value, entity):
        """Display names (``Hosted Exchange``) become the codes the location lists (``HE``)."""
        if entity is None:
            return value
        codes = {}
        for item in entity.findall(self.tag):
            code = (xml_codec.text_of(item, 'name') or '').strip()
            for key in (code, xml_codec.text_of(item, 'fullname')):
                if key:
                    codes[key.strip().lower()] = code
        return [codes.get(name.lower(), name) for name in value]

    def build(self, value):
        elements = []
        for name in value:
            service = xml_codec.leaf(self.tag)
            xml_codec.sub(service, 'name', name)
            elements.append(service)
        return elements


class NestedPropertiesField(f.PropertiesField):
    """A property list inside a box: ``<customer><customerproperties><property>...</customerproperties></customer>``."""

    def __init__(self, option, box, tag):
        super(NestedPropertiesField, self).__init__(option, tag)
        self.box = box

    def read(self, entity):
        container = entity.find('%s/%s' % (self.box, self.tag))
        return None if container is None else xml_codec.properties_to_dict(container)

    def read_request(self, desired):
        if desired is None:
            return []
        return [xml_codec.E(self.box, xml_codec.leaf(self.tag))]

    def build(self, value):
        properties = xml_codec.properties_element(value)
        properties.tag = self.tag
        return [xml_codec.E(self.box, properties)]


LOCATION = Resource(
    noun='location',
    result_key='location',
    fields=(
        f.Field('name', 'name', read_only=True),
        ServicesField(),
        NestedPropertiesField('customer_properties', 'customer', 'customerproperties'),
        NestedPropertiesField('user_properties', 'user', 'additionalproperties'),
    ),
    facts=(
        f.Field('id', 'id'),
    ),
    missing_codes=(LOCATION_NOT_FOUND,),
    provisionable=False,
    identity=('name',),
    checks=(services_not_emptied, properties_need_release),
)


class LocationLocator:
    """A location, by its name (compared case-insensitively by the server)."""

    def __init__(self, name):
        self.name = name

    def address(self, client=None):
        return Address([Level('location', [('name', self.name)])])

    def retry_after(self, error, client):
        return False
