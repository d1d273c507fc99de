# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Tags the guides spell two ways (docs/spellings.md): work with a server that reads either.

The server ignores tags it does not read, and the Atria and CPSM 11 guides spell some tags differently
(``<mailtip>``/``<mailtoip>``). The version a server reports does not tell the two apart (both answer 11.0.0.0),
so two strategies are used, whichever is provably right for the tag:

- ``AlsoSpelt``: a single value sent under both spellings. A server reads the one it knows and ignores the
  other, so nothing depends on which one it reads; a server that reads both gets the same value twice.
- ``fallback``: a list whose items would be doubled if a server read both spellings (``<owners><owners>`` and
  ``<owners><owner>``). It is sent in the guides' spelling; when the read-back shows that the server did not take
  it, the engine sends it once more in the other spelling (verification.py), and fails if that did not take
  either.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec


class AlsoSpelt:
    """A field (any scalar Field) whose value is also sent under its other documented spellings.

    Everything but build() and read() is the wrapped field's: option, tag, comparison, normalisation.
    """

    def __init__(self, field, *other_tags):
        self.field = field
        self.other_tags = tuple(other_tags)

    def __getattr__(self, name):
        if name == 'field':     # not set yet (copy, pickle): never recurse
            raise AttributeError(name)
        return getattr(self.field, name)

    @property
    def spellings(self):
        return (self.field.tag,) + self.other_tags

    @property
    def verify_tag(self):
        return ' or '.join('<%s>' % tag for tag in self.spellings)

    def build(self, value):
        elements = []
        for element in self.field.build(value):
            elements.append(element)
            if element.tag == self.field.tag:
                for tag in self.other_tags:
                    twin = copy.deepcopy(element)
                    twin.tag = tag
                    elements.append(twin)
        return elements

    def read(self, entity):
        """The value under the field's own tag, else under another spelling (an answer may use either)."""
        value = self.field.read(entity)
        if value is not None or entity is None:
            return value
        for tag in self.other_tags:
            found = entity.find(tag)
            if found is not None:
                stand_in = xml_codec.leaf(entity.tag)
                renamed = copy.deepcopy(found)
                renamed.tag = self.field.tag
                stand_in.append(renamed)
                return self.field.read(stand_in)
        return None


def with_fallback(field, fallback):
    """Give ``field`` a second spelling the engine sends when the read-back shows the first one was ignored.

    ``fallback`` is the same field built with the other spelling (same option, same comparison).
    """
    field.fallback = fallback
    return field


def fallback_of(field):
    return getattr(field, 'fallback', None)
