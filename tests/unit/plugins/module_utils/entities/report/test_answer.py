# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Report answers: the guide's two samples, and the plausible variants of what it does not show."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import XmlError
from ansible_collections.atria.cortex.plugins.module_utils.entities.report.answer import column_keys, parse_find, parse_report

# atria-cortexapi-developer-guide.txt lines 2159-2225 (the XML sample, as printed)
GUIDE_XML = b'''<?xml version="1.0" encoding="utf-8"?>
<response version="1.0">
 <report>
   <name>Customers with Stored Procedure</name>
   <description />
   <result>
     <column type="int">CustomerID</column>
     <column type="int">LocationID</column>
     <column type="nvarchar">Name</column>
     <column type="nvarchar">Label</column>
     <column type="nvarchar">BillingID</column>
     <column type="nvarchar">PrimaryDomain</column>
     <column type="int">StatusID</column>
     <row>
       <CustomerID>3</CustomerID>
       <LocationID>1</LocationID>
       <Name>CS</Name>
       <Label>Citrix Systems</Label>
       <BillingID />
       <PrimaryDomain>citrix.com</PrimaryDomain>
       <StatusID>1</StatusID>
     </row>
     <row>
       <CustomerID>1</CustomerID>
       <LocationID>1</LocationID>
       <Name>CSP</Name>
       <Label>Cortex service Provider</Label>
       <BillingID />
       <PrimaryDomain>csp.local</PrimaryDomain>
       <StatusID>1</StatusID>
     </row>
   </result>
 </report>
</response>'''

QUERY_COLUMNS = ('CustomerID int, Name nvarchar, Label nvarchar, Location nvarchar, ContactName nvarchar, '
                 'ContactEMail nvarchar, Description nvarchar, Created datetime, PhoneNumber nvarchar, FaxNumber nvarchar, '
                 'MinPWLength int, BannerPWDays int, ModifiedBy int, DateDisabled datetime, DateDeleted datetime, '
                 'BrandName nvarchar, OU_Name nvarchar, ObjectID int, BillingID nvarchar, ImpersonatingUserID int, '
                 'BrandType nvarchar, ParentID int')
COLUMNS = [tuple(item.split()) for item in QUERY_COLUMNS.split(', ')]
# The guide's TSV sample (lines 2309-2317) with the tabs its printing lost put back.
GUIDE_ROW = ['1', 'CSP', 'Cortex service Provider', '', 'CSP Admin', 'cspadmin@csp.local', '', '7/29/2012 8:36:22 PM',
             '', '', '0', '0', '0', '', '', 'Default', 'customers', '36543', '', '0', 'DNS', '']


def tsv_answer(data, columns=COLUMNS):
    report = xml_codec.E.report(xml_codec.E.name('Customers with Query'), xml_codec.E.description())
    result = xml_codec.sub(report, 'result')
    for name, sql_type in columns:
        xml_codec.sub(result, 'column', name, type=sql_type)
    data_el = xml_codec.sub(result, 'data')
    data_el.text = xml_codec.etree.CDATA(data)
    return xml_codec.parse(xml_codec.etree.tostring(xml_codec.E.response(report, version='1.0')))


def test_the_guides_xml_sample():
    answer = parse_report(xml_codec.parse(GUIDE_XML))
    assert answer['name'] == 'Customers with Stored Procedure' and answer['description'] == ''
    assert answer['columns'][0] == {'name': 'CustomerID', 'type': 'int'} and len(answer['columns']) == 7
    assert answer['rows'] == [
        {'CustomerID': 3, 'LocationID': 1, 'Name': 'CS', 'Label': 'Citrix Systems', 'BillingID': '',
         'PrimaryDomain': 'citrix.com', 'StatusID': 1},
        {'CustomerID': 1, 'LocationID': 1, 'Name': 'CSP', 'Label': 'Cortex service Provider', 'BillingID': '',
         'PrimaryDomain': 'csp.local', 'StatusID': 1}]
    assert list(answer['rows'][0]) == [c['name'] for c in answer['columns']]      # column order kept
    assert answer['tsv'] is None


def test_xml_rows_without_column_names_are_read_by_position():
    text = GUIDE_XML
    for name in (b'CustomerID', b'LocationID', b'Name', b'Label', b'BillingID', b'PrimaryDomain', b'StatusID'):
        text = text.replace(b'<%s>' % name, b'<column>').replace(b'</%s>' % name, b'</column>')
        text = text.replace(b'<%s />' % name, b'<column />')
    answer = parse_report(xml_codec.parse(text))
    assert answer['rows'][1] == {'CustomerID': 1, 'LocationID': 1, 'Name': 'CSP', 'Label': 'Cortex service Provider',
                                 'BillingID': '', 'PrimaryDomain': 'csp.local', 'StatusID': 1}


def test_xml_rows_with_a_missing_cell_and_too_many_cells():
    root = xml_codec.parse(b'<response><report><name>R</name><result><column type="int">A</column>'
                           b'<column type="nvarchar">B</column><row><B>x</B></row></result></report></response>')
    assert parse_report(root)['rows'] == [{'A': None, 'B': 'x'}]
    root = xml_codec.parse(b'<response><report><name>R</name><result><column type="int">A</column>'
                           b'<row><v>1</v><v>2</v></row></result></report></response>')
    with pytest.raises(XmlError, match='2 values but the report has 1 columns'):
        parse_report(root)


@pytest.mark.parametrize('newline', ['\r\n', '\n'])
@pytest.mark.parametrize('header', [True, False])
def test_the_guides_tsv_sample_with_or_without_header(newline, header):
    lines = ([[name for name, _type in COLUMNS]] if header else []) + [GUIDE_ROW]
    data = newline + newline.join('\t'.join(line) for line in lines) + newline + '      '
    answer = parse_report(tsv_answer(data))
    assert answer['tsv'] == data.replace('\r\n', '\n')        # XML parsers read CR LF as LF
    assert len(answer['rows']) == 1
    row = answer['rows'][0]
    assert row['CustomerID'] == 1 and row['Name'] == 'CSP' and row['Location'] == '' and row['ParentID'] is None
    assert row['Created'] == '7/29/2012 8:36:22 PM' and row['DateDeleted'] is None and row['ObjectID'] == 36543


def test_tsv_rows_whose_fields_are_all_empty_are_rows_and_trailing_empty_fields_are_tolerated():
    answer = parse_report(tsv_answer('\nA\tB\n\t\n1\t\t\n', [('A', 'int'), ('B', 'nvarchar')]))
    assert answer['rows'] == [{'A': None, 'B': ''}, {'A': 1, 'B': ''}]


def test_a_tsv_line_with_a_wrong_field_count_says_why():
    with pytest.raises(XmlError, match='Line 2 of the TSV data has 3 fields, but the report has 2 columns.*format=xml'):
        parse_report(tsv_answer('\n1\tx\n2\tx\ty\n', [('A', 'int'), ('B', 'nvarchar')]))


def test_tsv_without_column_elements_takes_the_header():
    answer = parse_report(tsv_answer('\nA\tB\n1\tx\n', []))
    assert answer['columns'] == [{'name': 'A', 'type': 'nvarchar'}, {'name': 'B', 'type': 'nvarchar'}]
    assert answer['rows'] == [{'A': '1', 'B': 'x'}]


def test_repeated_column_names_get_a_suffix():
    assert column_keys(['Name', 'ID', 'Name', 'Name']) == ['Name', 'ID', 'Name_2', 'Name_3']
    answer = parse_report(tsv_answer('\n1\t2\n', [('Name', 'int'), ('Name', 'int')]))
    assert answer['rows'] == [{'Name': 1, 'Name_2': 2}]


def test_an_answer_without_report_is_an_error():
    with pytest.raises(XmlError):
        parse_report(xml_codec.parse(b'<response version="1.0"/>'))


FIND_VARIANTS = {
    'wrapped texts (the simulator)': '<parameters><parameter>Name</parameter><parameter>Other</parameter></parameters>',
    'wrapped name attributes': '<parameters><parameter name="Name"/><parameter name="Other"/></parameters>',
    'bare texts': '<parameter>Name</parameter><parameter>Other</parameter>',
    'bare name attributes': '<parameter name="Name" /><parameter name="Other"></parameter>',
    'name children': '<parameters><parameter><name>Name</name></parameter><parameter><name>Other</name></parameter></parameters>',
    'sql spelling with the calling customer': '<parameters><parameter>@CallingCustomerID</parameter>'
                                              '<parameter>@Name</parameter><parameter> @Other </parameter></parameters>',
}


@pytest.mark.parametrize('variant', sorted(FIND_VARIANTS))
def test_find_reads_every_plausible_parameter_list(variant):
    root = xml_codec.parse('<response version="1.0"><report><name>Customers with Query</name><description>All</description>'
                           '%s</report><report><name>Other</name></report></response>' % FIND_VARIANTS[variant])
    assert parse_find(root) == [
        {'name': 'Customers with Query', 'description': 'All', 'parameters': ['Name', 'Other']},
        {'name': 'Other', 'description': '', 'parameters': []}]


def test_an_empty_find_answer_is_no_reports():
    assert parse_find(xml_codec.parse(b'<response version="1.0" />')) == []
