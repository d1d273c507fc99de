# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Check mode is provable from the server side: modules say so in their User-Agent, the simulator logs it, and
scripts/check_mode_audit.py (run by scripts/run-integration after the whole suite) fails on any check-mode write."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import subprocess
import sys

import yaml

from tests.e2e.harness import ROOT
from tests.reliability.inprocess import connection, run_module
from tests.reliability.module_cases import CUSTOMER

from ansible_collections.atria.cortex.plugins.module_utils.api import client  # noqa: E402  pylint: disable=wrong-import-order

AUDIT = os.path.join(ROOT, 'scripts', 'check_mode_audit.py')


def test_collection_version_in_the_user_agent_matches_galaxy_yml():
    with open(os.path.join(ROOT, 'galaxy.yml'), encoding='utf-8') as handle:
        assert yaml.safe_load(handle)['version'] == client.COLLECTION_VERSION


def test_check_mode_requests_carry_the_mark_and_real_runs_do_not(sim):
    options = dict(connection(sim.url), **CUSTOMER)
    assert run_module('atria_customer', options, check_mode=True)['changed']
    checked = sim.log()
    sim.hook('log/clear')
    assert run_module('atria_customer', options)['changed']
    real = sim.log()
    assert checked and all(entry['user_agent'] == client.USER_AGENT + ' (check_mode)' for entry in checked), checked
    assert all(entry['user_agent'] == client.USER_AGENT for entry in real), real
    assert any(entry['action'] == 'SET' for entry in real)


def audit(tmp_path, entries, *options):
    log = tmp_path / 'requests.jsonl'
    log.write_text(''.join(json.dumps(entry) + '\n' for entry in entries), encoding='utf-8')
    return subprocess.run([sys.executable, AUDIT] + list(options) + [str(log)], capture_output=True, text=True, check=False)


def entry(action, check_mode):
    return {'action': action, 'path': 'customer', 'caller': 'admin_Gsp', 'http_status': 200,
            'user_agent': client.USER_AGENT + (' (check_mode)' if check_mode else '')}


def test_audit_fails_on_a_write_sent_in_check_mode(tmp_path):
    result = audit(tmp_path, [entry('GET', True), entry('SET', True), entry('SET', False)])
    assert result.returncode == 1 and 'SET customer' in result.stderr


def test_audit_passes_reads_in_check_mode_and_writes_outside_it(tmp_path):
    result = audit(tmp_path, [entry('GET', True), entry('FIND', True), entry('SET', False), entry('DELETE', False)],
                   '--expect-check-mode')
    assert result.returncode == 0, result.stderr
    assert '2 check-mode request(s) among 4' in result.stdout


def test_audit_of_a_whole_suite_fails_when_no_request_was_marked(tmp_path):
    result = audit(tmp_path, [entry('GET', False)], '--expect-check-mode')
    assert result.returncode == 1 and 'no request carried the check-mode mark' in result.stderr
