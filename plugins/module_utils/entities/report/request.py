# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Asking for reports: FIND the ones this login may run, GET one, and explain the server's refusals.

Guide "Querying Data" (atria-cortexapi-developer-guide.txt lines 2052-2325). FIND is ``<report />`` (line 2083).
GET takes ``<name>``, one ``<parameter name="...">value</parameter>`` per parameter, ``<timeout>`` in milliseconds
(0 = no timeout), ``<column>`` (one per column wanted) and ``<dataformat columnnames="true">xml</dataformat>`` or
``<dataformat header="true">tsv</dataformat>`` (lines 2098-2133). Column names and headers are always asked for,
so the answer names every value; answer.py still reads answers without them.

Errors (Appendix A, lines 4211-4217): 14 ReportNotFound names the report and lists the ones the server offers (one
FIND, only then); 13 ReportError names the parameters sent and the ones the report takes (one FIND, only then).
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import difflib

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import (REPORT_ERROR, REPORT_NOT_FOUND, ApiError,
                                                                              CortexError, InvalidValueError, TransportError,
                                                                              with_hint)
from ansible_collections.atria.cortex.plugins.module_utils.api.xml_codec import leaf, sub
from ansible_collections.atria.cortex.plugins.module_utils.entities.report.answer import parse_find, parse_report

FORMATS = ('xml', 'tsv')
# What libxml2 says when one text node passes its 10 MB limit (the hardened parser never lifts it, huge_tree=False):
# a TSV answer is a single CDATA text, an XML answer many small ones.
_TEXT_NODE_LIMIT = ('CData section too big', 'huge text node', 'Buffer size limit exceeded', 'XML_PARSE_HUGE')


def find_element():
    return leaf('report')


def check_query(name, parameters, columns, timeout):
    """Refuse, before any request, what the server could only answer with an error or silently ignore."""
    if not (name or '').strip():
        raise InvalidValueError('name must be the name of a report; leave it out to list the reports.')
    for key, value in (parameters or {}).items():
        if not str(key).strip():
            raise InvalidValueError('parameters has an empty parameter name.')
        if value is None:
            raise InvalidValueError("Report parameter '%s' has no value (null); give one, or '' for an empty one. "
                                    'SQL LIKE parameters take %% for any text.' % key)
        if isinstance(value, (dict, list)):
            raise InvalidValueError("Report parameter '%s' must be a single value, not a %s." % (key, type(value).__name__))
    for column in columns or ():
        if not (column or '').strip():
            raise InvalidValueError('columns has an empty column name.')
    if timeout is not None and timeout < 0:
        raise InvalidValueError('query_timeout is in milliseconds and must be 0 (no timeout) or more, not %d.' % timeout)


def get_element(name, parameters=None, columns=None, fmt='xml', timeout=None):
    """The ``<report>`` element of a GET (built with the XML library; values are data, never markup)."""
    if fmt not in FORMATS:
        raise InvalidValueError('format must be one of %s, not %r.' % (', '.join(FORMATS), fmt))
    check_query(name, parameters, columns, timeout)
    report = leaf('report')
    sub(report, 'name', name.strip())
    if timeout is not None:
        sub(report, 'timeout', timeout)
    for key, value in (parameters or {}).items():
        sub(report, 'parameter', value, name=str(key).strip())
    for column in columns or ():
        sub(report, 'column', column.strip())
    if fmt == 'tsv':
        sub(report, 'dataformat', 'tsv', header='true')
    else:
        sub(report, 'dataformat', 'xml', columnnames='true')
    return report


def find_reports(client):
    """[{name, description, parameters}] of every report the login may run (one FIND)."""
    return parse_find(client.find(find_element(), entity='the reports'))


def _offered(client):
    """The server's reports, or None when even the FIND fails (the explanation then goes without)."""
    try:
        return find_reports(client)
    except CortexError:
        return None


def _unknown_report(error, client, name):
    reports = _offered(client)
    if reports is None:
        return with_hint(error, "Check the report name '%s' (run atria_report_info without name to list the reports)." % name)
    if not reports:
        return with_hint(error, "The server offers no reports to this login, so '%s' cannot run (the reports are the rows "
                                'of the dbo.ReportQueries table, guide "Querying Data").' % name)
    names = [report['name'] for report in reports]
    close = [match for match in names if match.lower() == name.strip().lower()]
    close = close or difflib.get_close_matches(name, names, n=1)
    hint = "The server offers: %s." % ', '.join("'%s'" % item for item in names)
    if close:
        hint = "Did you mean '%s'? %s" % (close[0], hint)
    return with_hint(error, hint)


def _report_refused(error, client, name, parameters):
    sent = ', '.join("'%s'" % key for key in parameters) if parameters else 'none'
    hint = 'Parameters sent: %s.' % sent
    report = next((item for item in _offered(client) or () if item['name'].lower() == name.strip().lower()), None)
    if report is not None:
        wanted = report['parameters']
        hint += " Report '%s' takes: %s." % (report['name'], ', '.join("'%s'" % item for item in wanted) or 'none')
        missing = [item for item in wanted if item.lower() not in [str(key).lower() for key in parameters]]
        unknown = [key for key in parameters if str(key).lower() not in [item.lower() for item in wanted]]
        if missing:
            hint += ' Missing: %s.' % ', '.join("'%s'" % item for item in missing)
        if unknown:
            hint += ' Not a parameter of this report: %s.' % ', '.join("'%s'" % item for item in unknown)
    hint += (' Give every parameter in parameters (SQL LIKE parameters take % and _ wildcards); check columns and '
             'query_timeout too (0 = no timeout).')
    return with_hint(error, hint)


def run_report(client, name, parameters=None, columns=None, fmt='xml', timeout=None):
    """GET one report -> {name, description, columns, rows, tsv} (answer.parse_report)."""
    element = get_element(name, parameters, columns, fmt, timeout)
    try:
        root = client.get(element)
    except TransportError as error:
        if fmt == 'tsv' and any(phrase in str(error) for phrase in _TEXT_NODE_LIMIT):
            raise TransportError("Report '%s' came back as more than 10 MB of TSV in one XML text, which the hardened "
                                 'parser refuses (libxml2 limit): %s' % (name, error.message), http_status=error.http_status,
                                 name='ReportTooLarge', entity=error.entity,
                                 hint='Ask for format=xml (each value is its own element, so no limit is reached) or '
                                      'fewer rows or columns (parameters, columns).')
        raise
    except ApiError as error:
        if error.code == REPORT_NOT_FOUND:
            raise _unknown_report(error, client, name)
        if error.code == REPORT_ERROR:
            raise _report_refused(error, client, name, parameters or {})
        raise
    return parse_report(root)
