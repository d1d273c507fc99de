# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Values inside a container other fields share: ``<password><minimumlength>8</minimumlength>...</password>``.

The API reads only the first container of a kind in a request, so every such field is ``shares_container`` and the
engine puts the values of one write into one container (reconciler.Plan.children). Reading takes the value out of
the container; a value the guides spell two ways (docs/spellings.md) is sent under every spelling and read under
whichever the answer uses.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import InvalidValueError
from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f


class Contained(f.Field):
    """A value inside a container other fields share: ``<password><expires>...</expires></password>``.

    ``spellings``: the tags the value is sent under, the first the one answers use (docs/spellings.md).
    """

    shares_container = True

    def __init__(self, option, container, *spellings, **option_spec):
        super(Contained, self).__init__(option, spellings[0], **option_spec)
        self.container = container
        self.spellings = tuple(spellings)

    @property
    def verify_tag(self):
        return ' or '.join('<%s><%s>' % (self.container, tag) for tag in self.spellings)

    def read_text(self, entity):
        box = entity.find(self.container) if entity is not None else None
        if box is None:
            return None
        return next((xml_codec.text_of(box, tag) for tag in self.spellings if box.find(tag) is not None), None)

    def read(self, entity):
        return self.read_text(entity)

    def text(self, value):
        return str(value)

    def build(self, value):
        return [xml_codec.E(self.container, *[xml_codec.leaf(tag, self.text(value)) for tag in self.spellings])]


class ContainedFlag(Contained):
    option_type = 'bool'

    def read(self, entity):
        return xml_codec.to_bool(self.read_text(entity))

    def normalize(self, value):
        return None if value is None else bool(value)

    def equal(self, current, desired):
        return current == desired

    def text(self, value):
        return xml_codec.bool_text(value)


class ContainedNumber(Contained):
    option_type = 'int'

    def read(self, entity):
        text = self.read_text(entity)
        return int(text) if text and text.strip().lstrip('-').isdigit() else None

    def normalize(self, value):
        if value is None:
            return None
        if int(value) < 0:
            raise InvalidValueError('%s must be 0 or more (got %s). Nothing was sent.' % (self.option, value))
        return int(value)

    def equal(self, current, desired):
        return current == desired


class ContainedLimit(Contained):
    """A limit inside a container: ``<publicfolder><storagelimit>Unlimited</storagelimit></publicfolder>``."""

    option_type = 'raw'     # a number or 'Unlimited'

    def read(self, entity):
        return xml_codec.to_limit(self.read_text(entity))

    def normalize(self, value):
        return None if value is None else xml_codec.to_limit(value)

    def equal(self, current, desired):
        return current == desired

    def text(self, value):
        return xml_codec.limit_text(value)
