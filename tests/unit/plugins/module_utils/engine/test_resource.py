# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Resource: the options of an entity (argument spec, filters) come from its fields and facts."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Resource

THING = Resource(
    noun='thing',
    result_key='thing',
    fields=(
        f.Field('name', 'name', read_only=True),
        f.Field('full_name', 'fullname'),
        f.ListField('tags', 'tags', item_tag='tag'),
        f.WriteOnlyField('secret', lambda value: []),
    ),
    facts=(f.Field('id', 'id', type='int'), f.Field('status', 'status', choices=('Ok', 'Bad'))),
    identity=('name',),
)


def test_the_argument_spec_has_every_field_and_no_fact():
    spec = THING.argument_spec()
    assert sorted(spec) == ['full_name', 'name', 'secret', 'tags', 'tags_mode']
    assert spec['secret']['no_log'] is True


def test_a_module_requires_its_keys():
    spec = THING.argument_spec(required=('name',))
    assert spec['name'] == {'type': 'str', 'required': True}
    assert 'required' not in THING.argument_spec()['name']  # a fresh spec every time


def test_filters_of_info_modules_name_fields_and_facts_and_their_tags():
    assert THING.argument_spec(('full_name', 'id', 'status')) == {
        'full_name': {'type': 'str'},
        'id': {'type': 'int'},
        'status': {'type': 'str', 'choices': ['Ok', 'Bad']},
    }
    assert THING.tags(('full_name', 'id')) == [('full_name', 'fullname'), ('id', 'id')]
    with pytest.raises(KeyError):
        THING.tags(('nothing',))
    assert THING.identity == ('name',)
