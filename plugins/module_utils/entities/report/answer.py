# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Reading report answers: the FIND list of reports and a GET's columns and rows, XML or TSV.

Guide "Querying Data" (atria-cortexapi-developer-guide.txt lines 2052-2325; CPSM 11 guide 1611-1770, CPSM 10 guide
1258-1525). A GET answers ``<report><name/><description/><result>`` with one ``<column type="int">Name</column>``
per column, then either ``<row>``s (XML, lines 2177-2219) or one ``<data>`` holding the TSV text in a CDATA section
(lines 2309-2317). What the guide leaves open is read in every plausible form:

* FIND (line 2089: "For each report, a list of parameter names is displayed"; no sample): parameters as
  ``<parameters><parameter>Name</parameter></parameters>``, ``<parameter name="Name"/>``, ``<parameter><name>Name</name>``,
  with or without the ``<parameters>`` wrapper. A leading ``@`` (the SQL spelling) is dropped, and so is
  ``CallingCustomerID``, which the server fills in itself (line 2069).
* XML rows with column names as tags (``columnnames="true"``) are read by name; rows whose tags are not the
  column names (``columnnames`` false or ignored) are read by position.
* TSV with or without the header line (told apart by comparing the first line with the column names); CR LF or
  LF line ends; blank lines around the data (the CDATA starts with a line break) are not rows.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import XmlError
from ansible_collections.atria.cortex.plugins.module_utils.api.xml_codec import text_of
from ansible_collections.atria.cortex.plugins.module_utils.entities.report.values import convert

CALLING_CUSTOMER = 'callingcustomerid'


def _parameter_name(el):
    name = el.get('name')
    if name is None:
        name = text_of(el, 'name')
    if name is None:
        name = el.text
    name = (name or '').strip().lstrip('@').strip()
    return name or None


def report_parameters(report_el):
    """The parameter names a FIND entry lists, in order, without duplicates and without CallingCustomerID."""
    names = []
    for el in report_el.findall('parameters/parameter') + report_el.findall('parameter'):
        name = _parameter_name(el)
        if name and name.lower() != CALLING_CUSTOMER and name not in names:
            names.append(name)
    return names


def parse_find(root):
    """A FIND answer -> [{name, description, parameters}] (an empty answer: no reports for this login)."""
    reports = []
    for el in root.findall('report'):
        name = (text_of(el, 'name') or '').strip()
        if name:
            reports.append(dict(name=name, description=(text_of(el, 'description') or '').strip(),
                                parameters=report_parameters(el)))
    return reports


def column_keys(names):
    """Column names as dict keys: a repeated name (a SQL join may give two) becomes Name_2, Name_3, ..."""
    seen = {}
    result = []
    for name in names:
        count = seen.get(name, 0) + 1
        seen[name] = count
        result.append(name if count == 1 else '%s_%d' % (name, count))
    return result


def _xml_rows(result, columns):
    keys = [column['name'] for column in columns]
    rows = []
    for row in result.findall('row'):
        cells = [child for child in row if isinstance(child.tag, str)]
        tags = [child.tag for child in cells]
        by_name = bool(cells) and all(tag in keys for tag in tags)
        if by_name:
            texts = [text_of(row, key) for key in keys]
        else:
            if len(cells) > len(keys):
                raise XmlError('A report row has %d values but the report has %d columns.' % (len(cells), len(keys)))
            texts = [cell.text or '' for cell in cells] + [None] * (len(keys) - len(cells))
        rows.append(texts)
    return rows


def _lines(data):
    lines = data.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    # Blank lines (no tab, at most spaces) around the data are layout, not rows.
    while lines and lines[0].strip(' ') == '':
        lines.pop(0)
    while lines and lines[-1].strip(' ') == '':
        lines.pop()
    return lines


def _tsv_rows(data, columns):
    lines = _lines(data)
    keys = [column['name'] for column in columns]
    if lines and [field.strip().lower() for field in lines[0].split('\t')] == [key.lower() for key in keys]:
        lines.pop(0)
    elif lines and not keys:
        keys = [field.strip() for field in lines.pop(0).split('\t')]
        columns.extend(dict(name=key, type='nvarchar') for key in keys)
    rows = []
    for number, line in enumerate(lines, 1):
        fields = line.split('\t')
        while len(fields) > len(keys) and fields[-1].strip() == '':
            fields.pop()
        if len(fields) != len(keys):
            raise XmlError('Line %d of the TSV data has %d fields, but the report has %d columns: a value probably '
                           'holds a tab or a line break. Ask for format=xml instead.' % (number, len(fields), len(keys)))
        rows.append(fields)
    return rows


def parse_report(root):
    """A GET answer -> {name, description, columns: [{name, type}], rows: [dict], tsv: text or None}.

    Rows are dicts in column order, typed by column type (values.py).
    """
    report = root.find('report')
    if report is None:
        raise XmlError('The report answer has no <report> element.')
    result = report.find('result')
    if result is None:
        result = report
    columns = [dict(name=(el.text or '').strip(), type=(el.get('type') or '').strip()) for el in result.findall('column')]
    data = result.find('data')
    tsv = None
    if data is not None:
        tsv = data.text or ''
        texts = _tsv_rows(tsv, columns)
    else:
        texts = _xml_rows(result, columns)
    keys = column_keys([column['name'] for column in columns])
    rows = [dict(zip(keys, [convert(column['type'], text) for column, text in zip(columns, values)]))
            for values in texts]
    return dict(name=(text_of(report, 'name') or '').strip(), description=(text_of(report, 'description') or '').strip(),
                columns=columns, rows=rows, tsv=tsv)
