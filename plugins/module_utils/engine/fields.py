# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Field types: how one module option maps to one CortexAPI tag.

A module describes its entity as a tuple of fields. Each field knows how to read its value from an entity
element, how to compare the value a playbook asks for with the value the server has, and how to write the
value back as XML. The engine never looks inside a field; a field never talks to the server: what only the server
can tell (a customer's code, a plan's code, whether users exist) it asks the run's context (engine/context.py),
which the engine hands to compare(), announce() and prepare().

Reading conventions: a tag that is absent from a response reads as None ("the server did not say"), an empty
tag (``<phone />``) reads as ''. A desired value of None means "not managed by this task".
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine.lists import merge_list, mode_option_spec, same_items

# ``update_<option>`` of a write-only field: when to send a value the server never shows.
UPDATE_CHOICES = ('on_create', 'always')


class Change:
    """The outcome of comparing one field: what to send (if anything) and the before/after for the diff."""

    __slots__ = ('changed', 'send', 'before', 'after')

    def __init__(self, changed, send=None, before=None, after=None):
        self.changed = changed
        self.send = send
        self.before = before
        self.after = after


class Field:
    """A scalar text field: ``<tag>value</tag>``."""

    write_only = False
    # True when build() returns a container other fields share (<configuration>): the engine sends one.
    shares_container = False
    # The module option's argument-spec type (and element type of a list); modules derive their spec from these.
    option_type = 'str'
    option_elements = None
    option_spec = None

    def __init__(self, option, tag, ignore_case=False, read_only=False, **option_spec):
        self.option = option
        self.tag = tag
        self.ignore_case = ignore_case
        self.read_only = read_only
        # Further argument-spec keys of the option (choices, aliases, or a type other than the class's).
        self.option_spec = option_spec

    # -- the module option -------------------------------------------------------------------------------
    def argument_spec(self):
        """{option: spec} for the module's argument spec; a list with a mode (``<option>_mode``) adds that too."""
        spec = dict(type=self.option_type)
        if self.option_elements:
            spec['elements'] = self.option_elements
        for key, value in (self.option_spec or {}).items():
            spec[key] = list(value) if isinstance(value, (tuple, list)) else value
        options = {self.option: spec}
        mode_option = getattr(self, 'mode_option', None)
        if mode_option:
            options[mode_option] = mode_option_spec()
        return options

    # -- reading -----------------------------------------------------------------------------------------
    def read(self, entity):
        return xml_codec.text_of(entity, self.tag)

    def read_request(self, desired):
        """Elements a GET must carry so that the answer includes this field (most fields need none)."""
        return []

    def resolve(self, value, entity):
        """The desired value in the server's own terms, where the current entity tells them apart.

        A playbook may name a thing in more than one way (a plan by code or by display name); the entity
        just read lists both, so the value can be turned into the code before it is compared. Most fields
        have nothing to resolve.
        """
        return value

    # -- comparing ---------------------------------------------------------------------------------------
    def normalize(self, value):
        """The desired value in the shape read() returns, so that the two compare.

        The server trims leading and trailing blanks from the values it stores; trimming them here too keeps a
        re-run of ``' Riga '`` a no-op instead of a change on every run.
        """
        return None if value is None else str(value).strip()

    def equal(self, current, desired):
        current = '' if current is None else current.strip()
        if self.ignore_case:
            return current.lower() == desired.lower()
        return current == desired

    def compare(self, current, desired, params, creating, context=None):
        if desired is None or self.read_only:
            return Change(False, before=current, after=current)
        if not creating and self.equal(current, desired):
            return Change(False, before=current, after=current)
        return Change(True, send=desired, before=current, after=desired)

    # -- writing -----------------------------------------------------------------------------------------
    def announce(self, value, context):
        """Tell the run's lookups what this desired value will need, before any field asks: one read then serves
        every field (member lists announce their user names). Most fields need nothing."""

    def prepare(self, context, value):
        """Turn the value into what build() sends; only references need the server (through ``context``) for that."""
        return value

    def build(self, value):
        return [xml_codec.leaf(self.tag, value)]


class BooleanField(Field):
    """``<tag>True|False</tag>``; the server accepts true/yes/1/-1/0/no/false but answers True/False."""

    option_type = 'bool'

    def read(self, entity):
        return xml_codec.to_bool(xml_codec.text_of(entity, self.tag))

    def normalize(self, value):
        return None if value is None else bool(value)

    def equal(self, current, desired):
        return current == desired

    def build(self, value):
        return [xml_codec.leaf(self.tag, xml_codec.bool_text(value))]


class LimitField(Field):
    """``<tag>5</tag>`` or ``<tag>Unlimited</tag>``."""

    option_type = 'raw'     # a number or 'Unlimited'

    def read(self, entity):
        return xml_codec.to_limit(xml_codec.text_of(entity, self.tag))

    def normalize(self, value):
        return None if value is None else xml_codec.to_limit(str(value))

    def equal(self, current, desired):
        return current == desired

    def build(self, value):
        return [xml_codec.leaf(self.tag, xml_codec.limit_text(value))]


class ListField(Field):
    """A list the API replaces as a whole: ``<domains><domain>a</domain><domain>b</domain></domains>``.

    The playbook chooses with ``<option>_mode`` whether its list is the whole list (exact), items to add
    (present) or items to remove (absent); the field computes the full list the API needs either way.
    """

    option_type = 'list'
    option_elements = 'str'

    def __init__(self, option, tag, item_tag, ignore_case=True):
        super(ListField, self).__init__(option, tag, ignore_case=ignore_case)
        self.item_tag = item_tag
        self.mode_option = option + '_mode'

    def read(self, entity):
        container = entity.find(self.tag)
        if container is None:
            return None
        return [(item.text or '').strip() for item in container.findall(self.item_tag)]

    def normalize(self, value):
        return None if value is None else [str(item).strip() for item in value]

    def compare(self, current, desired, params, creating, context=None):
        if desired is None:
            return Change(False, before=current, after=current)
        mode = params.get(self.mode_option) or 'exact'
        current = current or []
        wanted = merge_list(current, desired, mode, self.ignore_case)
        if not creating and same_items(current, wanted, self.ignore_case):
            return Change(False, before=current, after=current)
        return Change(True, send=wanted, before=current, after=wanted)

    def build(self, value):
        container = xml_codec.leaf(self.tag)
        for item in value:
            xml_codec.sub(container, self.item_tag, item)
        return [container]


class PropertiesField(Field):
    """``<properties><property><name/><value/></property>...</properties>``.

    Only the keys the playbook names are compared and sent: an entity carries dozens of properties the
    playbook does not care about. A default GET does not return properties, so reading asks for them.
    """

    option_type = 'dict'

    def __init__(self, option='properties', tag='properties', read_attributes=None):
        super(PropertiesField, self).__init__(option, tag)
        # e.g. {'filter': 'all'}: services hide some properties from a plain <properties/> request.
        self.read_attributes = read_attributes or {}

    def read(self, entity):
        container = entity.find(self.tag)
        if container is None:
            return None
        return xml_codec.properties_to_dict(container)

    def read_request(self, desired):
        return [xml_codec.leaf(self.tag, **self.read_attributes)] if desired is not None else []

    def normalize(self, value):
        if value is None:
            return None
        return dict((str(key), property_text(item)) for key, item in value.items())

    def compare(self, current, desired, params, creating, context=None):
        current = current or {}
        if desired is None:
            return Change(False)
        differing = dict((key, value) for key, value in desired.items() if creating or _trimmed(current.get(key)) != value)
        before = dict((key, current.get(key)) for key in desired)
        if not differing:
            return Change(False, before=before, after=before)
        after = dict(before)
        after.update(differing)
        return Change(True, send=differing, before=before, after=after)

    def build(self, value):
        return [xml_codec.properties_element(value)]


class WriteOnlyField(Field):
    """A value the server accepts but never returns (a password).

    It cannot be compared, so it is sent when the entity is created, or on every run when the playbook asks
    for that with ``update_option: always``. It never appears in a diff, a result or a trace.
    """

    write_only = True

    def __init__(self, option, build_fn, update_option=None):
        super(WriteOnlyField, self).__init__(option, tag=None)
        self.build_fn = build_fn
        self.update_option = update_option

    def argument_spec(self):
        options = {self.option: dict(type='str', no_log=True)}
        if self.update_option:
            # no_log=False: the name contains "password" but the value (on_create/always) is no secret.
            options[self.update_option] = dict(type='str', default=UPDATE_CHOICES[0], choices=list(UPDATE_CHOICES), no_log=False)
        return options

    def read(self, entity):
        return None

    def normalize(self, value):
        return None if value is None else str(value)    # a secret is sent exactly as given, blanks included

    def compare(self, current, desired, params, creating, context=None):
        if desired is None:
            return Change(False)
        always = self.update_option and params.get(self.update_option) == 'always'
        if creating or always:
            return Change(True, send=desired)
        return Change(False)

    def build(self, value):
        return self.build_fn(value)


def property_text(value):
    """Property values travel as text; booleans the way the server writes them."""
    if isinstance(value, bool):
        return xml_codec.bool_text(value)
    return '' if value is None else str(value).strip()    # trimmed, as the server stores it (see Field.normalize)


def _trimmed(text):
    return text.strip() if isinstance(text, str) else text
