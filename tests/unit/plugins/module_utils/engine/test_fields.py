# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fields: the module option each one declares (its argument spec), besides how it reads and writes its tag."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f

MODE = {'type': 'str', 'default': 'exact', 'choices': ['exact', 'present', 'absent']}


def test_each_field_type_declares_its_option_type():
    assert f.Field('phone', 'phone').argument_spec() == {'phone': {'type': 'str'}}
    assert f.BooleanField('enabled', 'enabled').argument_spec() == {'enabled': {'type': 'bool'}}
    assert f.LimitField('user_limit', 'userlimit').argument_spec() == {'user_limit': {'type': 'raw'}}
    assert f.PropertiesField('properties').argument_spec() == {'properties': {'type': 'dict'}}


def test_a_list_comes_with_its_mode_option():
    spec = f.ListField('roles', 'roles', item_tag='role').argument_spec()
    assert spec == {'roles': {'type': 'list', 'elements': 'str'}, 'roles_mode': MODE}


def test_extra_option_keys_are_declared_on_the_field():
    field = f.Field('group_type', 'grouptype', ignore_case=True, choices=('A', 'B'), aliases=('kind',))
    assert field.argument_spec() == {'group_type': {'type': 'str', 'choices': ['A', 'B'], 'aliases': ['kind']}}
    assert f.Field('id', 'id', type='int').argument_spec() == {'id': {'type': 'int'}}
    assert field.ignore_case  # the option keys do not disturb the field's own settings


def test_a_write_only_field_is_no_log_and_brings_its_update_option():
    spec = f.WriteOnlyField('password', lambda value: [], update_option='update_password').argument_spec()
    assert spec['password'] == {'type': 'str', 'no_log': True}
    assert spec['update_password'] == {'type': 'str', 'default': 'on_create', 'choices': ['on_create', 'always'], 'no_log': False}
    assert f.WriteOnlyField('pin', lambda value: []).argument_spec() == {'pin': {'type': 'str', 'no_log': True}}
