# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks before a location write: no empty service list, no property defaults on CPSM 10."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.release import Release, ReleaseTooOld
from ansible_collections.atria.cortex.plugins.module_utils.engine.fields import Change
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Plan
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.checks import (
    LocationCheckError, properties_need_release, services_not_emptied)
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.resource import LOCATION


class Context:
    def __init__(self, release):
        self.release = release


def plan(**sent):
    changes = [(LOCATION.field(option), Change(True, send=value)) for option, value in sent.items()]
    return Plan('update', changes, before={'services': ['HE']})


def describe():
    return "location 'Location NL'"


def test_an_empty_service_list_is_refused_naming_what_it_had():
    with pytest.raises(LocationCheckError) as caught:
        services_not_emptied(plan(services=[]), None, describe)
    assert str(caught.value).startswith("Location 'Location NL' would offer no service at all")
    assert '(it offers HE now)' in str(caught.value) and str(caught.value).endswith('Nothing was sent.')
    services_not_emptied(plan(services=['FSS']), None, describe)
    services_not_emptied(plan(customer_properties={'City': 'Riga'}), None, describe)


def test_property_defaults_need_a_release_that_reads_them():
    with pytest.raises(ReleaseTooOld) as caught:
        properties_need_release(plan(user_properties={'co': 'NL'}), Context(Release('10.0.0.0')), describe)
    assert "location 'Location NL' (user_properties) needs CPSM 11 or Atria 12" in str(caught.value)
    assert 'the server reports 10.0.0.0' in str(caught.value)
    properties_need_release(plan(user_properties={'co': 'NL'}), Context(Release('11.0.0.0')), describe)
    properties_need_release(plan(services=['HE']), Context(Release('10.0.0.0')), describe)
