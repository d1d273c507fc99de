# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What an entity is (Resource) and where it lives in a request tree (Address).

A CortexAPI request wraps the entity in its parents: a user travels as
``<customer><name>TC</name><user><name>User1_TC</name>...</user></customer>`` and a GET answers with the same
nesting. An Address is that chain of levels; a Resource is the entity's description: its tag, its fields,
which error codes mean "it does not exist", and whether it is provisioned.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api import status as statuses

# Keys (xml_codec.status_key) of the statuses of an entity whose provisioning is still running: Requested and
# InProgress. Pending ("Pending Changes") rests. api/status.py is the one place that decides.
IN_FLIGHT_STATUSES = tuple(statuses.status_key(status) for status in statuses.IN_FLIGHT)


class Level:
    """One step of an address: an element tag and the key children that select it (``<name>TC</name>``).

    ``pick_by_keys``: the answer lists this element's siblings too (approval providers, workflow groups,
    distribution groups), so reading picks the one whose key children match, case-insensitively.
    """

    def __init__(self, tag, keys, label=None, pick_by_keys=False):
        self.tag = tag
        self.keys = [(key, value) for key, value in keys if value is not None]
        self.label = label or tag
        self.pick_by_keys = pick_by_keys

    def element(self, children=()):
        element = xml_codec.leaf(self.tag)
        key_children = set()
        for key, value in self.keys:
            xml_codec.sub(element, key, str(value))
            key_children.add((key, str(value)))
        for child in children:
            # A key repeated as a field (creating a customer addressed by its full name) is sent once.
            if (child.tag, child.text) not in key_children:
                element.append(child)
        return element

    def describe(self):
        if not self.keys:
            return self.label
        return "%s '%s'" % (self.label, self.keys[0][1])

    def matches(self, element):
        """True when the element's key children equal this level's keys (case-insensitive)."""
        return all((xml_codec.text_of(element, key) or '').lower() == str(value).lower() for key, value in self.keys)

    def find_in(self, parent):
        """This level's element among the children of ``parent`` in an answer; None when absent."""
        if not self.pick_by_keys:
            return parent.find(self.tag)
        return next((child for child in parent.iterfind(self.tag) if self.matches(child)), None)


class Address:
    """The chain of levels from the outermost element (usually ``customer``) down to the entity."""

    def __init__(self, levels):
        self.levels = list(levels)

    @property
    def entity_level(self):
        return self.levels[-1]

    def element(self, children=(), entity_children=True):
        """The request tree; ``children`` go inside the innermost level (the entity)."""
        inner = None
        for index in range(len(self.levels) - 1, -1, -1):
            level = self.levels[index]
            if inner is None:
                inner = level.element(children if entity_children else ())
            else:
                inner = level.element([inner])
        return inner

    def entity_in(self, response):
        """The entity element inside a GET answer, following the same nesting; None when absent."""
        node = response
        for level in self.levels:
            node = level.find_in(node)
            if node is None:
                return None
        return node

    def read(self, client, children=()):
        """The entity as one GET answers it, or None. Addresses of listed entities read differently (paging)."""
        return self.entity_in(client.get(self.element(children)))

    def describe(self):
        """"user 'U1_TC' of customer 'TC'": the levels that have a name (list wrappers such as <instances> have none)."""
        return ' of '.join(level.describe() for level in reversed(self.levels) if level.keys)


class Resource:
    """The declarative description of one kind of entity.

    noun              -- how messages name it ("customer", "user")
    result_key        -- the key of the entity in the module result
    fields            -- Field objects: options that map to tags (see fields.py)
    facts             -- read-only fields returned in the result but never compared (id, status, ...)
    missing_codes     -- API error codes that mean "this entity does not exist" on GET
    required_for_create -- options a creation must have; checked before anything is sent
    provisionable     -- whether the entity has a provisioning status that state can drive
    delete_by_set     -- None: the entity is deleted with DELETE. Else a function returning the elements that
                         delete it when sent in a SET (workflow groups: <action>delete</action>)
    needs             -- a feature older releases lack (api/release.py CPSM10_LACKS: 'distribution_groups', 'approval');
                         a write is refused before it is sent when the server's release lacks it
    identity          -- the options that name one entity, in the order reports try them (the audit's names)
    checks            -- what must hold before the entity is created or updated, as check(plan, context, describe)
                         (may read through the context, raises to refuse); run in check mode too, only when
                         something is to be written (workflow-group members must be existing, provisioned users)
    delete_checks     -- the same before a delete: check(current, context, describe)
    """

    def __init__(self, noun, result_key, fields, facts=(), missing_codes=(), required_for_create=(), provisionable=True,
                 delete_by_set=None, needs=None, identity=(), checks=(), delete_checks=()):
        self.noun = noun
        self.result_key = result_key
        self.fields = tuple(fields)
        self.facts = tuple(facts)
        self.missing_codes = tuple(missing_codes)
        self.required_for_create = tuple(required_for_create)
        self.provisionable = provisionable
        self.delete_by_set = delete_by_set
        self.needs = needs
        self.identity = tuple(identity)
        self.checks = tuple(checks)
        self.delete_checks = tuple(delete_checks)

    def field(self, option):
        for field in self.fields:
            if field.option == option:
                return field
        raise KeyError(option)

    def option_field(self, option):
        """The field or fact behind a module option (facts are options of _info modules: filters)."""
        for field in self.fields + self.facts:
            if field.option == option:
                return field
        raise KeyError(option)

    def argument_spec(self, options=None, required=()):
        """The module options of this entity, derived from its fields: the one source of names and types.

        options  -- None: every field (a list field adds its ``<option>_mode``); else only these fields or facts
        required -- options the module requires (a key such as a group's name)
        """
        fields = self.fields if options is None else [self.option_field(option) for option in options]
        spec = {}
        for field in fields:
            spec.update(field.argument_spec())
        for option in required:
            spec[option]['required'] = True
        return spec

    def tags(self, options):
        """[(option, tag)] for the given fields or facts: how _info modules turn their filters into FIND tags."""
        return [(option, self.option_field(option).tag) for option in options]

    def desired(self, params):
        """The options the task manages, normalised to the shape fields read; None means unmanaged."""
        desired = {}
        for field in self.fields:
            value = params.get(field.option)
            if value is not None:
                desired[field.option] = field.normalize(value)
        return desired

    def read_children(self, desired):
        """Extra elements a GET needs so that the answer holds every managed field (e.g. <properties/>)."""
        children = []
        for field in self.fields:
            children.extend(field.read_request(desired.get(field.option)))
        return children

    def announce(self, desired, context):
        """Before planning: every field tells the run's lookups what its desired value will need (one read for all)."""
        for field in self.fields:
            if field.option in desired:
                field.announce(desired[field.option], context)

    def resolve(self, entity, desired):
        """The desired values, with names a playbook may give in several forms turned into the server's codes."""
        resolved = dict(desired)
        for field in self.fields:
            if field.option in resolved:
                resolved[field.option] = field.resolve(resolved[field.option], entity)
        return resolved

    def values(self, entity):
        """The entity element as a dict of option names (write-only fields excluded)."""
        values = {}
        for field in self.facts + self.fields:
            if field.write_only:
                continue
            value = field.read(entity)
            if value is not None:
                values[field.option] = value
        return values

    def missing_for_create(self, desired):
        return [option for option in self.required_for_create if desired.get(option) in (None, '', [])]
