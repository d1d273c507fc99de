# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""List modes: exact, present and absent give the whole list the API needs; comparisons ignore order."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine.lists import LIST_MODES, list_delta, merge_list, mode_option_spec, same_items


@pytest.mark.parametrize('mode, desired, expected', [
    ('exact', ['c', 'a', 'c'], ['c', 'a']),          # the given list, each item once
    ('present', ['b', 'C', 'd'], ['a', 'b', 'C', 'd']),  # current order kept, new items appended once
    ('absent', ['b', 'x'], ['a']),                  # an item not there removes nothing
])
def test_merge_list_modes(mode, desired, expected):
    assert merge_list(['a', 'b'], desired, mode) == expected


def test_merge_list_ignores_case_only_when_asked():
    assert merge_list(['Alpha'], ['alpha'], 'present', ignore_case=True) == ['Alpha']
    assert merge_list(['Alpha'], ['alpha'], 'present') == ['Alpha', 'alpha']
    assert merge_list(['Alpha', 'beta'], ['ALPHA'], 'absent', ignore_case=True) == ['beta']
    assert merge_list(None, ['x', 'X'], 'exact', ignore_case=True) == ['x']


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError) as caught:
        merge_list([], ['a'], 'replace')
    assert "unknown list mode 'replace'" in str(caught.value)


def test_list_delta_gives_what_to_add_and_remove():
    assert list_delta(['a', 'B'], ['b', 'c'], ignore_case=True) == (['c'], ['a'])
    assert list_delta(['a', 'B'], ['b', 'c']) == (['b', 'c'], ['a', 'B'])
    assert list_delta(None, None) == ([], [])


def test_same_items_ignores_order_and_optionally_case():
    assert same_items(['a', 'b'], ['b', 'a'])
    assert not same_items(['a'], ['A'])
    assert same_items(['a'], ['A'], ignore_case=True)
    assert same_items(None, [])
    assert not same_items(['a', 'a'], ['a'])


def test_mode_option_spec_defaults_to_exact():
    assert mode_option_spec() == {'type': 'str', 'default': 'exact', 'choices': list(LIST_MODES)}
    assert mode_option_spec() is not mode_option_spec()
