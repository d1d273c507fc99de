# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks before a distribution-group write: e-mail addresses added to a member list must name an object of the
customer, as the guide's members query (<exists> per item) answers; one GET, only when addresses are added."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.engine.fields import Change
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Plan
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.checks import UnknownRecipientsError, recipients_exist
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.distribution import DIST_GROUP, SELECTED_LISTS

from fakes import ScriptedClient, answers, element, xml

CHECK = recipients_exist(SELECTED_LISTS)


def describe():
    return "distribution group 'Sales' of service 'HE' of customer 'DA'"


def plan(action, added, removed=(), option='members'):
    before = {'display_name': 'Sales'} if action == 'update' else {}
    return Plan(action, [(DIST_GROUP.field(option), Change(True, send=(list(added), list(removed))))], before=before)


def answer(items, display_name='Sales', tag='members', item_tag='member'):
    members = ''.join('<%s><email>%s</email>%s</%s>' % (item_tag, email, '' if exists is None else '<exists>%s</exists>' % exists, item_tag)
                      for email, exists in items)
    return element('<response><customer><name>DA</name><service><name>HE</name><distributiongroups><distributiongroup>'
                   '<displayname>%s</displayname><%s>%s</%s></distributiongroup></distributiongroups></service></customer>'
                   '</response>' % (display_name, tag, members, tag))


def test_an_address_the_directory_does_not_know_is_refused_naming_it():
    client = ScriptedClient(answers(answer([('ghost@da.example', 'False'), ('sales@da.example', 'True')])))
    with pytest.raises(UnknownRecipientsError) as caught:
        CHECK(plan('update', ['ghost@da.example', 'sales@da.example']), RunContext(client, customer=CustomerRef('DA')), describe)
    message = str(caught.value)
    assert "Distribution group 'Sales'" in message and "members: 'ghost@da.example'" in message
    assert 'sales@da.example' not in message and 'atria_user_info' in message and 'Nothing was sent' in message
    (action, query), = client.calls
    assert action == 'GET' and xml(query) == (
        '<customer><name>DA</name><service><name>HE</name><distributiongroups><distributiongroup><displayname>Sales'
        '</displayname><members><member><email>ghost@da.example</email></member><member><email>sales@da.example</email>'
        '</member></members></distributiongroup></distributiongroups></service></customer>')


def test_a_new_group_asks_about_its_members_through_the_customers_first_group():
    client = ScriptedClient(answers(answer([('ghost@da.example', 'False')], display_name='Other', tag='sendasmembers',
                                           item_tag='sendasmember')))
    with pytest.raises(UnknownRecipientsError) as caught:
        CHECK(plan('create', ['ghost@da.example'], option='send_as_members'), RunContext(client, customer=CustomerRef('DA')), describe)
    assert "send_as_members: 'ghost@da.example'" in str(caught.value)
    query = client.calls[0][1].find('service/distributiongroups')
    assert xml(query) == ('<distributiongroups><pageindex>1</pageindex><pagesize>1</pagesize><distributiongroup><sendasmembers>'
                          '<sendasmember><email>ghost@da.example</email></sendasmember></sendasmembers></distributiongroup>'
                          '</distributiongroups>')


@pytest.mark.parametrize('response', [
    answer([('ghost@da.example', 'True')]),          # it exists
    answer([('ghost@da.example', None)]),            # a server that does not answer the query proves nothing
    element('<response><customer><name>DA</name><service><name>HE</name><distributiongroups/></service></customer></response>'),
], ids=['exists', 'no_exists_tag', 'no_group_to_ask'])
def test_what_the_answer_does_not_prove_unknown_passes(response):
    client = ScriptedClient(answers(response))
    CHECK(plan('update', ['ghost@da.example']), RunContext(client, customer=CustomerRef('DA')), describe)
    assert len(client.calls) == 1


def test_no_read_without_addresses_added():
    client = ScriptedClient()
    context = RunContext(client, customer=CustomerRef('DA'))
    CHECK(plan('update', [], removed=['gone@da.example']), context, describe)     # removing needs no check
    CHECK(plan('update', ['alice_DA']), context, describe)                        # user names: the UserDirectory's job
    CHECK(Plan('update', before={'display_name': 'Sales'}), context, describe)
    assert client.calls == []
