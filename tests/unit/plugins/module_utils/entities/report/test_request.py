# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Report requests: what is sent, what is refused before sending, and how errors 13 and 14 are explained."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import (ApiError, InvalidValueError, NotFoundError, TransportError,
                                                                              XmlError, api_error)
from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.xml_codec import parse
from ansible_collections.atria.cortex.plugins.module_utils.entities.report.request import find_element, find_reports, get_element, run_report

from fakes import ScriptedClient, answers

FIND = parse(b'<response version="1.0"><report><name>Customers with Stored Procedure</name><description/><parameters>'
             b'<parameter>Name</parameter></parameters></report><report><name>Customers with Query</name><description/>'
             b'<parameters><parameter>Name</parameter></parameters></report></response>')
ANSWER = parse(b'<response version="1.0"><report><name>Customers with Query</name><description/><result>'
               b'<column type="int">CustomerID</column><row><CustomerID>1</CustomerID></row></result></report></response>')


def text(el):
    return etree.tostring(el).decode()


def test_find_is_an_empty_report():
    assert text(find_element()) == '<report/>'
    client = ScriptedClient(answers(FIND))
    assert [r['name'] for r in find_reports(client)] == ['Customers with Stored Procedure', 'Customers with Query']
    assert [(action, text(sent)) for action, sent in client.calls] == [('FIND', '<report/>')]


def test_get_carries_name_timeout_parameters_columns_and_format():
    el = get_element(' Customers with Query ', {'Name': 'C%', 'Flag': True, 'Count': 3}, ['Name', 'CustomerID'], 'tsv', 0)
    assert text(el) == ('<report><name>Customers with Query</name><timeout>0</timeout>'
                        '<parameter name="Name">C%</parameter><parameter name="Flag">True</parameter>'
                        '<parameter name="Count">3</parameter><column>Name</column><column>CustomerID</column>'
                        '<dataformat header="true">tsv</dataformat></report>')
    assert text(get_element('R', {'Name': 'A&B <x>'})) == (
        '<report><name>R</name><parameter name="Name">A&amp;B &lt;x&gt;</parameter>'
        '<dataformat columnnames="true">xml</dataformat></report>')


@pytest.mark.parametrize('args, message', [
    (('', None, None, 'xml', None), 'name must be'),
    (('R', {'Name': None}, None, 'xml', None), "'Name' has no value"),
    (('R', {'Name': ['a']}, None, 'xml', None), 'single value'),
    (('R', {' ': 'a'}, None, 'xml', None), 'empty parameter name'),
    (('R', None, [''], 'xml', None), 'empty column name'),
    (('R', None, None, 'xml', -1), 'milliseconds'),
    (('R', None, None, 'csv', None), 'format must be'),
])
def test_bad_input_is_refused_before_any_request(args, message):
    client = ScriptedClient()
    with pytest.raises(InvalidValueError, match=message):
        run_report(client, *args)
    assert client.calls == []


def test_a_report_answer_is_parsed():
    client = ScriptedClient(answers(ANSWER))
    answer = run_report(client, 'Customers with Query', {'Name': '%'})
    assert answer['rows'] == [{'CustomerID': 1}]
    assert [action for action, _sent in client.calls] == ['GET']


def refused(code, message):
    return lambda action, entity: api_error(code, message, http_status=400, entity="report 'x'")


def test_unknown_report_lists_the_offered_ones_with_one_find():
    client = ScriptedClient(refused(14, "The report 'Customers with query ' was not found."), answers(FIND))
    with pytest.raises(NotFoundError) as info:
        run_report(client, 'Customers with query ', {'Name': '%'})
    message = str(info.value)
    assert message.startswith('CortexAPI error 14 (ReportNotFound)')
    assert "Did you mean 'Customers with Query'?" in message
    assert "The server offers: 'Customers with Stored Procedure', 'Customers with Query'." in message
    assert [action for action, _sent in client.calls] == ['GET', 'FIND']


def test_unknown_report_when_the_server_offers_none_or_the_find_fails():
    client = ScriptedClient(refused(14, 'not found'), answers(parse(b'<response version="1.0"/>')))
    with pytest.raises(NotFoundError, match='offers no reports to this login'):
        run_report(client, 'Sales', {})
    client = ScriptedClient(refused(14, 'not found'), refused(12, 'denied'))
    with pytest.raises(NotFoundError, match="Check the report name 'Sales'"):
        run_report(client, 'Sales', {})


def test_a_refused_report_names_the_parameters_sent_and_wanted():
    client = ScriptedClient(refused(13, "Procedure or function expects parameter '@Name', which was not supplied."),
                            answers(FIND))
    with pytest.raises(ApiError) as info:
        run_report(client, 'Customers with Query', {'Colour': 'red'})
    message = str(info.value)
    assert message.startswith('CortexAPI error 13 (ReportError)')
    assert "Parameters sent: 'Colour'. Report 'Customers with Query' takes: 'Name'. Missing: 'Name'." in message
    assert "Not a parameter of this report: 'Colour'." in message
    assert 'take % and _ wildcards' in message and '%%' not in message
    assert [action for action, _sent in client.calls] == ['GET', 'FIND']


def test_other_errors_pass_unchanged_with_no_extra_request():
    error = api_error(12, 'denied', http_status=401)
    client = ScriptedClient(lambda action, entity: error)
    with pytest.raises(ApiError) as info:
        run_report(client, 'R', {})
    assert info.value is error and len(client.calls) == 1


def test_a_tsv_answer_over_the_parsers_text_limit_says_to_ask_for_xml():
    big = b'<response><report><result><column type="int">A</column><data><![CDATA[\n' + b'1\n' * 5500000 + b']]></data></result></report></response>'
    with pytest.raises(XmlError) as parsed:
        xml_codec.parse(big)          # the hardened parser keeps libxml2's 10 MB limit on one text

    def too_big(action, entity):
        return TransportError('HTTP 200 from URL for report \'R\' is not a CortexAPI XML answer: %s' % parsed.value)

    with pytest.raises(TransportError) as info:
        run_report(ScriptedClient(too_big), 'R', {}, fmt='tsv')
    assert info.value.name == 'ReportTooLarge'
    assert "Report 'R' came back as more than 10 MB of TSV" in str(info.value) and 'format=xml' in str(info.value)
    # what the client said for 120,000 simulated customers (lxml 5, libxml2 2.x)
    seen = ('HTTP 200 from URL for report \'R\' is not a CortexAPI XML answer: The document is not well-formed XML: '
            'Resource limit exceeded: Buffer size limit exceeded, try XML_PARSE_HUGE')
    with pytest.raises(TransportError) as info:
        run_report(ScriptedClient(lambda action, entity: TransportError(seen)), 'R', {}, fmt='tsv')
    assert info.value.name == 'ReportTooLarge'
    with pytest.raises(TransportError) as info:      # XML: passed on as it is
        run_report(ScriptedClient(too_big), 'R', {}, fmt='xml')
    assert info.value.name == 'TransportError'
