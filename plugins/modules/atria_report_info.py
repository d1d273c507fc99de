#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: atria_report_info
short_description: List and run the reports of the Atria CortexAPI
version_added: 0.1.0
description:
  - Atria (formerly Citrix CloudPortal Services Manager) runs simple report queries and stored procedures
    configured in its C(dbo.ReportQueries) table and returns their rows through the CortexAPI (guide "Querying
    Data").
  - Without O(name), lists the reports this API login may run, with their parameter names (one FIND).
  - With O(name), runs that report (one GET) and returns its columns and its rows as a list of dicts, typed by
    the column types the server sends (see RV(rows)). The server adds the login's own customer id to the query,
    so a report only shows the login's customer and those below it.
  - With O(dest), also writes the rows to a file. That is the only thing this module changes; without O(dest) it
    never reports C(changed).
  - A report name the server does not know fails naming the reports it offers; a refused report (a missing or
    unknown parameter, an unknown column, a timeout) fails naming the parameters sent and those the report takes.
author:
  - atria.cortex contributors (@atria-cortex)
extends_documentation_fragment:
  - atria.cortex.atria
  - atria.cortex.atria.info_module
attributes:
  # These two replace the info_module fragment's: this module may write O(dest).
  check_mode:
    description: Reports are read in check mode too; O(dest) is not written, C(changed) says whether it would be.
    support: full
  diff_mode:
    description: No diff is returned, not even for O(dest).
    support: none
options:
  name:
    description:
      - The report to run, as the list of reports names it (for example C(Customers with Query)).
      - Leave it out to list the reports instead.
    type: str
  parameters:
    description:
      - The report's parameters, name to value (each sent as C(<parameter name="NAME">VALUE</parameter>)).
      - Every parameter the report lists must be given. The guide's sample reports match C(Name) with SQL
        C(LIKE), so C(%) stands for any text and C(_) for one character.
      - C(CallingCustomerID) need not be given; the server always fills in the login's customer.
    type: dict
  columns:
    description: Only these columns, in this order (one C(<column>) each). Default all of them.
    type: list
    elements: str
  format:
    description:
      - The format the server is asked for. V(xml) returns the rows as elements, V(tsv) as tab-separated text.
      - Both give the same RV(rows). V(xml) is safer for values that may hold a tab or a line break.
    type: str
    choices: [xml, tsv]
    default: xml
  query_timeout:
    description:
      - How long the server may run the query, in milliseconds (the report's C(<timeout>)); V(0) means no timeout.
      - Default the server's own. The HTTP O(timeout) (seconds) must be long enough for the query too.
    type: int
  raw:
    description: With O(format=tsv), also return the TSV text as the server sent it, in RV(tsv).
    type: bool
    default: false
  dest:
    description:
      - Also write the rows to this file on the host the task runs on (the controller unless delegated).
      - Written to a temporary file and renamed, so readers never see a partial file. C(changed) is true only when
        the file was created or its content (or O(mode), O(owner), O(group)) differs; in check mode nothing is
        written.
      - An existing file keeps its mode and owner unless O(mode), O(owner) or O(group) say otherwise (equal content
        with another mode or owner is fixed in place); the directory must exist.
    type: path
  dest_format:
    description:
      - How O(dest) is written. V(csv) and V(tsv) have a header line with the column names, then a line per row
        (quoted only where needed, NULL as an empty field, booleans as C(True)/C(False), LF line ends).
        V(json) is the list of RV(rows), indented.
      - Default from the extension of O(dest) (C(.csv), C(.tsv) or C(.tab), C(.json)); another extension needs it.
    type: str
    choices: [csv, tsv, json]
  mode:
    description:
      - The permissions of O(dest), an octal number such as C('0644') (quote it in YAML, as for
        M(ansible.builtin.copy)). Symbolic modes are not supported.
      - Default 0666 minus the umask for a new file; an existing file keeps its mode.
    type: raw
  owner:
    description:
      - The user that should own O(dest), by name or number. Default the one running the task for a new file; an
        existing file keeps its owner where the task may give it.
      - Setting another owner needs the right to (usually root, with O(dest) on the controller run as root or with
        C(become)).
    type: str
  group:
    description: The group that should own O(dest), by name or number (default as for O(owner)).
    type: str
notes:
  - Values are typed by their column's SQL type. C(int), C(bigint), C(smallint) and C(tinyint) become integers,
    C(bit) booleans, C(float) and C(real) floats. C(decimal), C(numeric) and C(money) stay strings so that no digit
    is lost (use C(| float) in a template). Dates and times (C(datetime) and the like) stay strings as the server
    writes them, because their form follows the server's culture (the guide shows C(7/29/2012 8:36:22 PM), where
    day and month cannot be told apart in general). Text columns stay strings.
  - An empty value is C(null) in a typed column and an empty string in a text column (an answer cannot tell an empty
    text from NULL).
  - A column name that appears twice in a report gets C(_2), C(_3) appended in RV(rows).
  - A TSV answer is one XML text, and the hardened XML parser refuses a text over 10 MB (libxml2's limit, never
    lifted); such a report fails saying so. V(xml) has no such limit (each value is its own element); every
    answer is still bounded by the client's 64 MB.
"""

EXAMPLES = r"""
- name: List the reports this login may run
  atria.cortex.atria_report_info:
  register: offered

- name: Customers whose code starts with C
  atria.cortex.atria_report_info:
    name: Customers with Stored Procedure
    parameters:
      Name: C%
  register: report

- name: Show their full names
  ansible.builtin.debug:
    msg: "{{ report.rows | map(attribute='Label') | list }}"

- name: Every customer, two columns, as TSV, into a CSV file
  atria.cortex.atria_report_info:
    name: Customers with Query
    parameters:
      Name: "%"
    columns: [CustomerID, Name]
    format: tsv
    query_timeout: 0
    dest: /var/reports/customers.csv
    mode: "0640"
"""

RETURN = r"""
reports:
  description: Without O(name), the reports the login may run, with the names of their parameters.
  returned: when O(name) is not given
  type: list
  elements: dict
  sample:
    - {name: Customers with Query, description: "", parameters: [Name]}
report:
  description: The report that ran.
  returned: when O(name) is given
  type: dict
  sample: {name: Customers with Query, description: ""}
columns:
  description: The report's columns in order, with the SQL type the server gives.
  returned: when O(name) is given
  type: list
  elements: dict
  sample:
    - {name: CustomerID, type: int}
    - {name: Name, type: nvarchar}
rows:
  description: The rows, one dict per row, keys in column order, values typed as the notes say.
  returned: when O(name) is given
  type: list
  elements: dict
  sample:
    - {CustomerID: 1, Name: CSP, Label: Cortex service Provider}
tsv:
  description: The TSV text exactly as the server sent it.
  returned: when O(format=tsv) and O(raw=true)
  type: str
dest:
  description: The absolute path of the file written (or that would be written in check mode).
  returned: when O(dest) is given
  type: str
dest_format:
  description: The format O(dest) was written in.
  returned: when O(dest) is given
  type: str
  sample: csv
"""

from ansible_collections.atria.cortex.plugins.module_utils.engine.connection import connection_argument_spec
from ansible_collections.atria.cortex.plugins.module_utils.engine.runner import run, start_task
from ansible_collections.atria.cortex.plugins.module_utils.entities.report.output import file_format, parse_mode, render, resolve_owner, write
from ansible_collections.atria.cortex.plugins.module_utils.entities.report.request import check_query, find_reports, run_report

REPORT_ONLY = ('parameters', 'columns', 'query_timeout', 'dest')


def argument_spec():
    spec = connection_argument_spec()
    spec.update(
        name=dict(type='str'),
        parameters=dict(type='dict'),
        columns=dict(type='list', elements='str'),
        format=dict(type='str', choices=['xml', 'tsv'], default='xml'),
        query_timeout=dict(type='int'),
        raw=dict(type='bool', default=False),
        dest=dict(type='path'),
        dest_format=dict(type='str', choices=['csv', 'tsv', 'json']),
        mode=dict(type='raw'),
        owner=dict(type='str'),
        group=dict(type='str'),
    )
    return spec


def main():
    task = start_task(argument_spec(), supports_check_mode=True,
                      required_by=dict((option, 'name') for option in REPORT_ONLY))
    params = task.params
    for option in ('dest_format', 'mode', 'owner', 'group'):
        if params[option] is not None and params['dest'] is None:
            task.fail('%s needs dest (the file to write the rows to).' % option)

    def query(client):
        if params['name'] is None:
            return {'changed': False, 'reports': find_reports(client)}
        # Everything the task can refuse is refused before the first request.
        check_query(params['name'], params['parameters'], params['columns'], params['query_timeout'])
        fmt = file_format(params['dest'], params['dest_format']) if params['dest'] else None
        mode = parse_mode(params['mode'])
        uid, gid = resolve_owner(params['owner'], params['group'])
        answer = run_report(client, params['name'], params['parameters'], params['columns'], params['format'],
                            params['query_timeout'])
        result = {'changed': False, 'report': {'name': answer['name'] or params['name'], 'description': answer['description']},
                  'columns': answer['columns'], 'rows': answer['rows']}
        if params['raw'] and answer['tsv'] is not None:
            result['tsv'] = answer['tsv']
        elif params['raw']:
            result['warnings'] = ['raw returns the TSV text only with format=tsv; this report was read as XML.']
        if params['dest']:
            written = write(params['dest'], render(answer['columns'], answer['rows'], fmt), mode, task.check_mode, uid, gid)
            result.update(changed=written['changed'], dest=written['dest'], dest_format=fmt)
        return result

    run(task, query)


if __name__ == '__main__':
    main()
