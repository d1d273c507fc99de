# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read helpers: batched GETs of a customer's children, paged GETs, values with properties."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine import reads
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import all_children, get_children, read_pages, with_properties
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER

from fakes import element


class Recorder:
    """Answers each GET with the users it names (as the server's detailed answer) and records the request."""

    def __init__(self):
        self.requests = []

    def get(self, request):
        self.requests.append(request)
        answer = element('<response><customer><name>TC</name></customer></response>')
        for user in request.iterfind('user'):
            answer.find('customer').append(element('<user><name>%s</name><status>Provisioned</status></user>' % user.findtext('name')))
        return answer


def test_get_children_names_a_batch_of_users_per_get(monkeypatch):
    monkeypatch.setattr(reads, 'DETAIL_BATCH', 2)
    client = Recorder()
    found = get_children(client, 'TC', 'user', ['a_TC', 'b_TC', 'c_TC'], [xml_codec.leaf('properties')])
    assert [user.findtext('name') for user in found] == ['a_TC', 'b_TC', 'c_TC']
    assert [[user.findtext('name') for user in request.iterfind('user')] for request in client.requests] == [['a_TC', 'b_TC'], ['c_TC']]
    # every named child asks for the extra elements (its own copy: one element cannot sit in two places)
    assert all(user.find('properties') is not None for request in client.requests for user in request.iterfind('user'))
    assert all(request.findtext('name') == 'TC' for request in client.requests)


def test_get_children_of_no_names_sends_nothing():
    client = Recorder()
    assert get_children(client, 'TC', 'user', []) == [] and client.requests == []


def test_with_properties_adds_them_only_when_the_answer_has_them():
    user = element('<user><name>a_TC</name><status>Provisioned</status></user>')
    assert 'properties' not in with_properties(USER, user)
    user.append(element('<properties><property><name>City</name><value>Riga</value></property></properties>'))
    values = with_properties(USER, user)
    assert values['properties'] == {'City': 'Riga'} and values['name'] == 'a_TC'


class Pages:
    def __init__(self, total):
        self.total = total
        self.requests = []

    def get(self, request):
        self.requests.append((int(request.findtext('pageindex')), int(request.findtext('pagesize'))))
        index, size = self.requests[-1]
        items = ''.join('<item>%d</item>' % number for number in range((index - 1) * size, min(index * size, self.total)))
        return element('<response><list>%s</list></response>' % items)


def page_request(index, size):
    request = etree.Element('list')
    xml_codec.sub(request, 'pageindex', str(index))
    xml_codec.sub(request, 'pagesize', str(size))
    return request


def test_read_pages_follows_pageindex_from_1_until_a_short_page():
    client = Pages(5)
    items = list(read_pages(client, page_request, lambda answer: answer.findall('list/item'), page_size=2))
    assert [item.text for item in items] == ['0', '1', '2', '3', '4']
    assert client.requests == [(1, 2), (2, 2), (3, 2)]


def test_a_full_last_page_costs_one_more_empty_page():
    client = Pages(4)
    items = list(read_pages(client, page_request, lambda answer: answer.findall('list/item'), page_size=2))
    assert len(items) == 4 and len(client.requests) == 3


def test_read_pages_stops_when_the_caller_stops():
    client = Pages(10)
    first = next(read_pages(client, page_request, lambda answer: answer.findall('list/item'), page_size=2))
    assert first.text == '0' and client.requests == [(1, 2)]


class RefusesTheListGet(Recorder):
    """A server that wants users named: an empty <user/> is InvalidUser (15); FIND lists the names."""

    def get(self, request):
        if any(user.findtext('name') is None for user in request.iterfind('user')):
            self.requests.append(request)
            raise NotFoundError(15, 'Invalid user')
        return super(RefusesTheListGet, self).get(request)

    def find(self, request):
        self.requests.append(request)
        return element('<response><customer><name>TC</name><user><name>a_TC</name></user><user><name>b_TC</name></user>'
                       '</customer></response>')


class AllUsers(Recorder):
    def get(self, request):
        self.requests.append(request)
        return element('<response><customer><name>TC</name><user><name>a_TC</name></user></customer></response>')


def test_all_children_is_one_get_of_an_empty_child():
    client = AllUsers()
    assert [user.findtext('name') for user in all_children(client, CustomerRef('TC'), 'user')] == ['a_TC']
    request, = client.requests
    assert request.find('user') is not None and len(request.find('user')) == 0


def test_all_children_of_a_server_that_wants_them_named_is_a_find_then_gets():
    client = RefusesTheListGet()
    found = all_children(client, CustomerRef('TC'), 'user')
    assert [user.findtext('name') for user in found] == ['a_TC', 'b_TC']
    assert [len(request.findall('user')) for request in client.requests] == [1, 1, 2]   # GET <user/>, FIND, GET a and b
