# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Acceptance of atria_report_info (issue #16): the rows of a report on the simulator, XML and TSV, the file when
dest is given (and unchanged on a re-run), an unknown report and a missing parameter."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import csv
import json
import os
import stat


def result_of(run, name):
    task, = run.results(name)
    return task['result']


def failure_of(run, name):
    task, = run.results(name)
    assert task['status'] == 'failed', task
    return task['result']


def reads_only(log):
    return all(entry['action'] in ('FIND', 'GET') for entry in log)


def test_reports_list_xml_tsv_and_file(playbook, sim, tmp_path):
    dest = str(tmp_path / 'customers.csv')
    sim.hook('log/clear')
    run = playbook('reports.yml', extra_vars={'report_dest': dest})
    assert run.returncode == 0, run.output

    listed = result_of(run, 'Report: list')
    assert listed['changed'] is False
    assert listed['reports'] == [
        {'name': 'Customers with Stored Procedure', 'description': '', 'parameters': ['Name']},
        {'name': 'Customers with Query', 'description': '', 'parameters': ['Name']}]

    xml = result_of(run, 'Report: xml')
    assert xml['changed'] is False and 'dest' not in xml and 'tsv' not in xml
    assert [column['name'] for column in xml['columns']] == [
        'CustomerID', 'LocationID', 'Name', 'Label', 'BillingID', 'PrimaryDomain', 'StatusID']
    # the seeded customers, ordered by name, typed: ints are ints, NULL text columns ''
    assert xml['rows'][0] == {'CustomerID': 23, 'LocationID': 1, 'Name': 'DA', 'Label': 'Demo Also', 'BillingID': '',
                              'PrimaryDomain': 'nervogrid.com', 'StatusID': 1}
    assert [row['Name'] for row in xml['rows']] == ['DA', 'Gsp', 'OC']

    tsv = result_of(run, 'Report: tsv')
    assert len(tsv['columns']) == 22 and {'name': 'Created', 'type': 'datetime'} in tsv['columns']
    row, = tsv['rows']
    assert (row['CustomerID'], row['Name'], row['Label'], row['ParentID'], row['MinPWLength']) == (1, 'Gsp', 'Globalsp', None, 7)
    assert row['Created'] == '7/29/2012 8:36:22 PM'
    assert tsv['tsv'].split('\n')[1].split('\t')[:3] == ['CustomerID', 'Name', 'Label']

    written = result_of(run, 'Report: to file')
    assert written['changed'] is True and written['dest'] == dest and written['dest_format'] == 'csv'
    with open(dest, encoding='utf-8', newline='') as handle:
        lines = list(csv.reader(handle))
    assert lines == [['CustomerID', 'Name', 'Label', 'ParentID'], ['23', 'DA', 'Demo Also', '1'],
                     ['1', 'Gsp', 'Globalsp', ''], ['24', 'OC', 'Other Customer', '1']]
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o640
    log = sim.log()
    assert reads_only(log) and [entry['path'] for entry in log] == ['report'] * 4

    before = os.stat(dest)
    again = playbook('reports.yml', extra_vars={'report_dest': dest})
    assert again.returncode == 0, again.output
    assert result_of(again, 'Report: to file')['changed'] is False
    assert os.stat(dest).st_ino == before.st_ino and os.stat(dest).st_mtime_ns == before.st_mtime_ns


def test_check_mode_writes_no_file_and_json_by_option(playbook, sim, tmp_path):
    dest = str(tmp_path / 'customers.out')
    run = playbook('reports.yml', extra_vars={'report_dest': dest, 'report_dest_format': 'json'}, check=True)
    assert run.returncode == 0, run.output
    assert result_of(run, 'Report: to file')['changed'] is True
    assert not os.path.exists(dest)
    run = playbook('reports.yml', extra_vars={'report_dest': dest, 'report_dest_format': 'json'})
    with open(dest, encoding='utf-8') as handle:
        assert json.load(handle) == result_of(run, 'Report: to file')['rows']


def test_the_module_path_gives_the_same_rows_and_file(playbook, sim, tmp_path):
    """ATRIA_CORTEX_EXECUTION=module: the module shipped and run by AnsibleModule, not in the controller's worker."""
    files = dict((way, str(tmp_path / ('%s.tsv' % way))) for way in ('auto', 'module'))
    runs = dict((way, playbook('reports.yml', extra_vars={'report_dest': files[way]}, env={'ATRIA_CORTEX_EXECUTION': way},
                               verbosity=3)) for way in files)
    for way, run in runs.items():
        assert run.returncode == 0, run.output
    assert 'module path (asked for' in runs['module'].output and 'module path (asked for' not in runs['auto'].output
    for name in ('Report: list', 'Report: xml', 'Report: tsv'):
        auto, module = result_of(runs['auto'], name), result_of(runs['module'], name)
        assert dict((key, auto.get(key)) for key in ('reports', 'rows', 'columns', 'tsv')) == \
            dict((key, module.get(key)) for key in ('reports', 'rows', 'columns', 'tsv'))
    with open(files['auto'], 'rb') as auto, open(files['module'], 'rb') as module:
        content = auto.read()
        assert content == module.read()
    assert content.split(b'\n')[0] == b'CustomerID\tName\tLabel\tParentID'


def test_unknown_report_and_missing_parameter_fail_clearly(playbook, sim):
    sim.hook('log/clear')
    run = playbook('report_errors.yml')
    unknown = failure_of(run, 'Report: unknown')
    assert unknown['msg'].startswith('CortexAPI error 14 (ReportNotFound)')
    assert "Did you mean 'Customers with Query'?" in unknown['msg']
    assert "The server offers: 'Customers with Stored Procedure', 'Customers with Query'." in unknown['msg']
    assert unknown['error']['code'] == 14

    missing = failure_of(run, 'Report: missing parameter')
    assert missing['error']['code'] == 13
    assert missing['msg'].startswith('CortexAPI error 13 (ReportError)')
    assert "Parameters sent: 'Nmae'. Report 'Customers with Query' takes: 'Name'. Missing: 'Name'." in missing['msg']

    guess = failure_of(run, 'Report: file format not guessed')
    assert 'set dest_format' in guess['msg']
    assert not os.path.exists('/tmp/never-written.txt')
    # GET + FIND for each refusal; nothing at all for the file format refused before any request
    assert [(entry['action'], entry['path'], entry['error_id']) for entry in sim.log()] == [
        ('GET', 'report', 14), ('FIND', 'report', None), ('GET', 'report', 13), ('FIND', 'report', None)]
