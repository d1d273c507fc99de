# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Customers that use a location: one FIND and one GET per customer; the error 27 message, before and after."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import ConflictError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.usage import (
    LocationInUse, customers_using, explain_refusal, refuse_if_used)

from fakes import ScriptedClient, answers, element

FOUND = element('<response><customer><name>DA</name><id>23</id></customer><customer><name>NLC</name></customer>'
                '<customer><name>OC</name></customer></response>')


def customer(code, fullname, location):
    return answers(element('<response><customer><name>%s</name><fullname>%s</fullname><location>%s</location>'
                           '</customer></response>' % (code, fullname, location)))


def scan(nl_location='Location NL'):
    return [answers(FOUND), customer('DA', 'Demo Also', 'Location GSP'), customer('NLC', 'Dutch Customer', nl_location),
            customer('OC', 'Other Customer', 'location nl')]


def test_one_find_and_one_get_per_customer_find_who_has_the_location():
    client = ScriptedClient(*scan())
    assert customers_using(client, 'Location NL') == [('NLC', 'Dutch Customer'), ('OC', 'Other Customer')]
    assert [call[0] for call in client.calls] == ['FIND', 'GET', 'GET', 'GET']
    assert client.calls[0][1].tag == 'customer' and len(client.calls[0][1]) == 0      # no filter: every customer
    assert [call[1].findtext('name') for call in client.calls[1:]] == ['DA', 'NLC', 'OC']


def test_refusal_before_the_delete_names_code_location_customers_and_fix():
    client = ScriptedClient(*scan())
    with pytest.raises(LocationInUse) as caught:
        refuse_if_used(client, 'Location NL')
    message = str(caught.value)
    assert message.startswith("CortexAPI error 27 (LocationError) for location 'Location NL'")
    assert 'in use by 2 customers: NLC (Dutch Customer), OC (Other Customer). Nothing was sent.' in message
    assert 'atria_customer state: absent' in message
    assert caught.value.to_dict()['code'] == 27 and caught.value.to_dict()['name'] == 'LocationError'
    # nobody has it: nothing raised, and the DELETE may follow
    unused = ScriptedClient(answers(FOUND), customer('DA', 'Demo Also', 'X'), customer('NLC', 'N', 'X'),
                            customer('OC', 'O', 'X'))
    assert refuse_if_used(unused, 'Location NL') is None and len(unused.calls) == 4


def test_a_server_error_27_is_told_the_same_way_and_others_pass_through():
    server = ConflictError(27, 'The location is in use.', http_status=400, entity="location 'Location NL'")
    told = explain_refusal(server, ScriptedClient(*scan()), 'Location NL')
    assert isinstance(told, LocationInUse)
    assert 'in use by 2 customers: NLC (Dutch Customer)' in str(told)
    assert 'The server refused the DELETE: The location is in use.' in str(told) and 'Nothing was sent' not in str(told)
    other = NotFoundError(20, "Location 'X' not found.")
    assert explain_refusal(other, ScriptedClient(), 'X') is other
    # the customers cannot be read: the server's own words still name the cause
    unreadable = explain_refusal(server, ScriptedClient(answers(NotFoundError(34, 'gone'))), 'Location NL')
    assert "the location cannot be deleted, it is in use. The server refused the DELETE" in str(unreadable)


def test_a_customer_deleted_since_the_find_no_longer_counts():
    client = ScriptedClient(answers(FOUND), customer('DA', 'Demo Also', 'Location NL'),
                            answers(NotFoundError(34, "Customer 'NLC' not found.")), customer('OC', 'O', 'X'))
    assert customers_using(client, 'Location NL') == [('DA', 'Demo Also')]
    with pytest.raises(NotFoundError):
        customers_using(ScriptedClient(answers(FOUND), answers(NotFoundError(16, 'other'))), 'Location NL')
