# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The drift report: rows from module results, the summary, and the HTML page (escaping, structure)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from lxml import html as lxml_html

from ansible_collections.atria.cortex.plugins.plugin_utils import audit

CUSTOMER_ARGS = {'name': 'ACME', 'fullname': None, 'contact_name': 'Joan', 'state': 'present', 'password': 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'}


def customer_result(before, after, changed=True):
    return {'changed': changed, 'customer': {'name': 'ACME', 'id': '35'}, 'diff': {'before': before, 'after': after}}


def test_an_update_gives_one_row_per_field_that_differs():
    result = customer_result({'name': 'ACME', 'contact_name': 'Jane', 'phone': '1'}, {'name': 'ACME', 'contact_name': 'Joan', 'phone': '1'})
    rows = audit.rows_from_result('atria.cortex.atria_customer', CUSTOMER_ARGS, result, host='localhost', task='t')
    assert [(row['tenant'], row['entity'], row['field'], row['expected'], row['actual'], row['change']) for row in rows] == [
        ('ACME', 'customer ACME', 'contact_name', 'Joan', 'Jane', 'update')]


def test_properties_are_compared_key_by_key():
    result = customer_result({'properties': {'City': 'Riga', 'Country': 'LV'}}, {'properties': {'City': 'Oslo', 'Country': 'LV'}})
    rows = audit.rows_from_result('atria.cortex.atria_customer', dict(CUSTOMER_ARGS, properties={}), result)
    assert [(row['field'], row['expected'], row['actual']) for row in rows] == [('properties.City', 'Oslo', 'Riga')]


def test_bulk_user_diffs_are_keyed_by_user_name():
    result = {'changed': True, 'users': [], 'diff': {
        'before': {'bob_ACME': {'name': 'bob_ACME', 'department': 'Sales'}, 'dan_ACME': {}},
        'after': {'bob_ACME': {'name': 'bob_ACME', 'department': 'Marketing'}, 'dan_ACME': {'first_name': 'Dan'}}}}
    args = {'customer': 'ACME', 'users': [{'name': 'bob'}], 'name': None, 'upn': None}
    rows = audit.rows_from_result('atria.cortex.atria_user', args, result)
    assert [(row['entity'], row['field'], row['expected'], row['actual'], row['change']) for row in rows] == [
        ('user bob_ACME', 'department', 'Marketing', 'Sales', 'update'),
        ('user dan_ACME', 'first_name', 'Dan', None, 'create')]


def test_an_entity_that_should_be_absent_is_one_state_row():
    result = {'changed': True, 'diff': {'before': {'name': 'Sales', 'members': ['a']}, 'after': {}}}
    rows = audit.rows_from_result('atria.cortex.atria_dist_group', {'customer': 'ACME', 'display_name': 'Sales'}, result)
    assert [(row['entity'], row['field'], row['expected'], row['actual']) for row in rows] == [
        ('distribution group Sales', 'state', 'absent', 'present')]


def test_user_services_name_the_user_and_info_modules_and_unchanged_results_give_no_rows():
    result = {'changed': True, 'diff': {'before': {'status': 'NotProvisioned'}, 'after': {'status': 'Provisioned'}}}
    rows = audit.rows_from_result('atria.cortex.atria_service', {'customer': 'ACME', 'user': 'alice', 'name': 'HE'}, result)
    assert rows[0]['entity'] == 'service HE of user alice' and rows[0]['field'] == 'status'
    assert audit.rows_from_result('atria.cortex.atria_customer_info', {}, {'changed': True}) == []
    assert audit.rows_from_result('atria.cortex.atria_customer', CUSTOMER_ARGS, customer_result({}, {}, changed=False)) == []
    assert audit.rows_from_result('community.general.foo', {}, {'changed': True, 'diff': {'before': {}, 'after': {'a': 1}}}) == []


def test_secrets_and_no_log_results_are_redacted():
    result = customer_result({'password': None, 'note': 'x'}, {'password': 'S3cret!', 'note': 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'})
    rows = audit.rows_from_result('atria.cortex.atria_customer', dict(CUSTOMER_ARGS, password=None, note=None), result)
    assert 'S3cret!' not in json.dumps(rows)
    assert {row['field']: row['expected'] for row in rows} == {'password': audit.REDACTED, 'note': audit.REDACTED}
    censored = audit.rows_from_result('atria.cortex.atria_user', {'customer': 'ACME', 'name': 'x'},
                                      {'censored': 'the output has been hidden', 'changed': True})
    assert censored[0]['field'] == audit.NO_LOG_FIELD and censored[0]['expected'] == audit.REDACTED


def test_a_change_without_diff_mode_still_counts_as_drift():
    rows = audit.rows_from_result('atria.cortex.atria_user', {'customer': 'ACME', 'name': 'alice'}, {'changed': True, 'user': {'name': 'alice_ACME'}})
    assert len(rows) == 1 and rows[0]['entity'] == 'user alice_ACME' and 'diff' in rows[0]['field']


def test_summary_counts_tenants_entities_fields_and_failures():
    report = audit.Report(playbook='audit.yml')
    report.add_result('atria.cortex.atria_customer', CUSTOMER_ARGS,
                      customer_result({'contact_name': 'Jane', 'phone': '1'}, {'contact_name': 'Joan', 'phone': '2'}))
    report.add_result('atria.cortex.atria_customer', {'name': 'BETA'}, {'changed': False, 'customer': {'name': 'BETA', 'id': '36'}})
    report.add_failure('atria.cortex.atria_user', {'customer': 'GAMMA'}, {'failed': True, 'msg': 'CortexAPI error 34'})
    data = report.to_dict()
    assert data['summary'] == {'drift': True, 'tenants_audited': 3, 'tenants_drifted': 1, 'drifted_entities': 1,
                               'drifted_fields': 2, 'module_results': 2, 'failures': 1}
    assert [(tenant['tenant'], tenant['drifted_fields'], tenant['failures']) for tenant in data['tenants']] == [
        ('ACME', 2, 0), ('BETA', 0, 0), ('GAMMA', 0, 1)]
    assert data['format'] == audit.REPORT_FORMAT and data['playbook'] == 'audit.yml'


def test_html_escapes_every_value_and_has_summary_and_table(tmp_path):
    report = audit.Report(playbook='audit.yml')
    hostile = '<script>alert("x")</script> & Co'
    report.add_result('atria.cortex.atria_customer', {'name': 'AC<ME'},
                      {'changed': True, 'customer': {'name': 'AC<ME'}, 'diff': {'before': {'address': 'a & b'}, 'after': {'address': hostile}}})
    paths = audit.write_report(report.to_dict(), str(tmp_path / 'out'), 'r')
    page = open(paths['html'], encoding='utf-8').read()
    assert '<script>' not in page and 'AC<ME' not in page
    assert '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co' in page
    tree = lxml_html.fromstring(page)
    assert tree.xpath('string(//*[@id="drifted_fields"])') == '1'
    cells = [cell.text_content() for cell in tree.xpath('//table[@id="drift"]/tbody/tr/td')]
    assert cells == ['AC<ME', 'customer AC<ME', 'address', hostile, 'a & b']
    assert json.load(open(paths['json'], encoding='utf-8'))['rows'][0]['expected'] == hostile


def test_html_without_drift_says_so():
    page = audit.render_html(audit.Report().to_dict())
    tree = lxml_html.fromstring(page)
    assert 'NO DRIFT' in tree.xpath('string(//section[@id="summary"])')
    assert not tree.xpath('//table[@id="drift"]')
