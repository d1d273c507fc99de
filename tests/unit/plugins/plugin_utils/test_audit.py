# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The drift report: rows from module results, the summary, and the HTML page (escaping, structure)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest
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
    # Jinja2's autoescape (markupsafe) writes " as &#34;
    assert '&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co' in page
    assert '<td>AC&lt;ME</td>' in page and '<td class="v act">a &amp; b</td>' in page
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


def test_the_page_is_self_contained_no_script_no_external_resource():
    report = audit.Report(playbook='audit.yml')
    report.add_result('atria.cortex.atria_customer', {'name': 'ACME'},
                      customer_result({'fax': 'x'}, {'fax': '<img src="https://evil.example/x.png">'}))
    report.add_failure('atria.cortex.atria_user', {'customer': 'B&B'}, {'failed': True, 'msg': '<b>bad</b> & worse'})
    page = audit.render_html(report.to_dict())
    tree = lxml_html.fromstring(page)
    assert not tree.xpath('//script | //link | //img | //iframe | //object | //embed | //*[@src] | //*[@href]')
    assert 'default-src &#39;none&#39;' in page or "default-src 'none'" in page
    assert '&lt;img src=&#34;https://evil.example/x.png&#34;&gt;' in page
    assert [cell.text_content() for cell in tree.xpath('//table[@id="failures"]/tbody/tr/td')] == [
        'B&B', '', '<b>bad</b> & worse']
    assert '<b>' not in page


def test_slice_ids_keep_slices_apart():
    assert audit.slice_id() is None and audit.slice_id(hosts=['a']) is None      # not a slice: the plain name
    first = audit.slice_id(hosts=['ACME', 'BETA'], limit='atria_customers[0::2]')
    assert first == audit.slice_id(hosts=['BETA', 'ACME'], limit='other pattern, same hosts')
    assert first != audit.slice_id(hosts=['GAMMA'], limit='atria_customers[1::2]')
    assert first.startswith('hosts-') and len(first) == len('hosts-') + 12
    assert audit.slice_id(hosts=['x'], limit='x', awx_job_id=42, awx_workflow_job_id=40) == '40-42'
    assert audit.slice_id(awx_job_id=42) is None                                  # a job outside a workflow
    assert audit.slice_id(explicit='../2 of 4', limit='x') == '2_of_4'
    assert audit.slice_basename('atria-audit', None) == 'atria-audit'
    assert audit.slice_basename('atria-audit', '40-42') == 'atria-audit-40-42'


def _slice_report(part, tenant, rows=(), failures=(), complete=True):
    report = audit.Report(playbook='audit.yml')
    report.slice = {'id': part, 'hosts': [tenant], 'limit': 'atria_customers[%s]' % part}
    report.saw(tenant)
    for field, expected, actual in rows:
        report.add_result('atria.cortex.atria_customer', {'name': tenant},
                          {'changed': True, 'customer': {'name': tenant},
                           'diff': {'before': {field: actual}, 'after': {field: expected}}})
    for message in failures:
        report.add_failure('atria.cortex.atria_user', {'customer': tenant}, {'failed': True, 'msg': message})
    return report.to_dict(complete=complete)


def test_merging_slices_adds_them_up_and_lists_each_slice():
    one = _slice_report('a', 'ACME', rows=[('fax', '1', '2'), ('phone', '<3>', '4 & 5')])
    two = _slice_report('b', 'BETA')
    three = _slice_report('c', 'GAMMA', failures=['CortexAPI error 34'])
    merged = audit.merge_reports([one, two, three], sources=['s/a.json', 's/b.json', 's/c.json'])
    assert merged['format'] == audit.REPORT_FORMAT and merged['complete'] is True
    assert merged['summary'] == {'drift': True, 'tenants_audited': 3, 'tenants_drifted': 1, 'drifted_entities': 1,
                                 'drifted_fields': 2, 'module_results': 2, 'failures': 1}
    assert [tenant['tenant'] for tenant in merged['tenants']] == ['ACME', 'BETA', 'GAMMA']
    assert [(part['slice'], part['hosts'], part['drifted_fields'], part['source']) for part in merged['slices']] == [
        ('a', 1, 2, 's/a.json'), ('b', 1, 0, 's/b.json'), ('c', 1, 0, 's/c.json')]
    page = audit.render_html(merged)
    tree = lxml_html.fromstring(page)
    assert 'merged from 3 slice(s)' in tree.xpath('string(//div[@class="meta"])')
    assert [tr.xpath('string(td[1])') for tr in tree.xpath('//table[@id="slices"]/tbody/tr')] == ['a', 'b', 'c']
    assert '&lt;3&gt;' in page and '4 &amp; 5' in page and '<3>' not in page
    assert tree.xpath('string(//*[@id="drifted_fields"])') == '2'


def test_merging_refuses_the_same_slice_twice_and_other_formats_and_flags_incomplete_slices():
    one = _slice_report('a', 'ACME')
    with pytest.raises(audit.MergeError, match='same slice a'):
        audit.merge_reports([one, dict(one)], sources=['x.json', 'y.json'])
    with pytest.raises(audit.MergeError, match='not a drift report'):
        audit.merge_reports([one, {'format': 'other'}])
    with pytest.raises(audit.MergeError, match='no slice report'):
        audit.merge_reports([])
    merged = audit.merge_reports([one, _slice_report('b', 'BETA', complete=False)])
    assert merged['complete'] is False and [part['complete'] for part in merged['slices']] == [True, False]
