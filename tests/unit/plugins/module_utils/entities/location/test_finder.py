# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Location reads for atria_location_info: the guide's FIND (with services) and GET (with the property lists)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import AuthorizationError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.finder import find_locations, get_location
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.resource import LOCATION

from fakes import ScriptedClient, answers, element, xml

LOCATIONS = element('<response><location><name>Location GSP</name><id>1</id><service><name>HE</name></service>'
                    '</location><location><name>Location NL</name><id>2</id></location></response>')


def test_every_location_with_one_find_services_on_request():
    client = ScriptedClient(answers(LOCATIONS), answers(LOCATIONS))
    found = find_locations(client)
    assert xml(client.calls[0][1]) == '<location/>'
    assert [LOCATION.values(item) for item in found] == [
        {'id': '1', 'name': 'Location GSP', 'services': ['HE']}, {'id': '2', 'name': 'Location NL'}]
    find_locations(client, with_services=True)
    assert xml(client.calls[1][1]) == '<location><service/></location>'


def test_one_location_with_one_get_and_the_property_lists_asked_for():
    answer = element('<response><location><name>Location NL</name><id>2</id><customer><customerproperties>'
                     '<property><name>City</name><value>Amsterdam</value></property></customerproperties></customer>'
                     '</location></response>')
    client = ScriptedClient(answers(answer))
    found = get_location(client, 'Location NL', customer_properties=True)
    assert xml(client.calls[0][1]) == ('<location><name>Location NL</name><service/><customer><customerproperties/>'
                                       '</customer></location>')
    assert LOCATION.values(found)['customer_properties'] == {'City': 'Amsterdam'}


def test_an_unknown_location_is_none_other_errors_fail():
    assert get_location(ScriptedClient(answers(NotFoundError(20, 'nope'))), 'Mars') is None
    with pytest.raises(AuthorizationError):
        get_location(ScriptedClient(answers(AuthorizationError(12, 'no'))), 'Mars', user_properties=True)
