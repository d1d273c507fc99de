# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""playbooks/audit.yml and the drift report (callback atria.cortex.atria_audit): issue 6 acceptance.

The example tenant of playbooks/vars/tenants.yml is onboarded once for the module and onboard.yml is run again at
once (the second run must change nothing and send reads only); the tests then audit it, clean and with exactly two
drifted fields. Each playbook runs once per module (fixture ``audits``); the tests look at those runs.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import shutil
import struct
import subprocess

import pytest
from lxml import html as lxml_html

from tests.e2e.harness import ROOT, run_playbook
from tests.e2e.tenant_support import (changed_tasks, e2e_playbook, read_report, run_repo_playbook,
                                      writes)

pytestmark = [pytest.mark.e2e, pytest.mark.simulator]

DRIFTED = [
    ('ACME', 'customer ACME', 'contact_name', 'Jane Doe', 'Jane Smith & <Partners>'),
    ('ACME', 'user alice_ACME', 'department', 'Sales', 'Support'),
]


class Audits:
    """The module's runs, each made once: onboard twice, a clean audit, two fields drifted, audits of that."""


@pytest.fixture(scope='module')
def audits(simulator, tmp_path_factory):
    simulator.reset()
    workdir = tmp_path_factory.mktemp('audit')
    done = Audits()
    done.onboard = run_repo_playbook(simulator, workdir, 'onboard.yml')
    simulator.hook('log/clear')
    done.onboard_again = run_repo_playbook(simulator, workdir, 'onboard.yml')
    done.onboard_again_log = simulator.log()

    # A converged tenant: the gate must not fail.
    simulator.hook('log/clear')
    done.clean = run_repo_playbook(simulator, workdir, 'audit.yml', audit_dir=workdir / 'clean',
                                   extra_vars={'audit_fail_on_drift': True})
    done.clean_report, done.clean_log = read_report(workdir / 'clean'), simulator.log()

    done.made = run_playbook(simulator, e2e_playbook('tenant_drift.yml'), str(workdir / 'drift.jsonl'))
    simulator.hook('log/clear')
    done.drift_dir = workdir / 'drift'
    done.drift = run_repo_playbook(simulator, workdir, 'audit.yml', audit_dir=done.drift_dir, check=True,
                                   extra_vars={'audit_fail_on_drift': True})
    done.drift_log = simulator.log()
    return done


def test_the_example_tenant_onboards(audits):
    assert audits.onboard.returncode == 0, audits.onboard.output
    # customer, users (one bulk task), customer services, user services, approval groups, distribution groups
    assert len(changed_tasks(audits.onboard)) == 6, changed_tasks(audits.onboard)


def test_onboarding_again_changes_nothing_and_only_reads(audits):
    assert audits.onboard_again.returncode == 0, audits.onboard_again.output
    assert changed_tasks(audits.onboard_again) == []
    assert audits.onboard_again_log and writes(audits.onboard_again_log) == [], writes(audits.onboard_again_log)


def test_a_converged_tenant_has_no_drift_and_the_audit_only_reads(audits):
    assert audits.clean.returncode == 0, audits.clean.output
    report = audits.clean_report
    assert report['complete'] is True and report['playbook'] == 'audit.yml'
    assert report['summary'] == {'drift': False, 'tenants_audited': 1, 'tenants_drifted': 0, 'drifted_entities': 0,
                                 'drifted_fields': 0, 'module_results': 8, 'failures': 0}
    assert report['rows'] == []
    assert audits.clean_log and writes(audits.clean_log) == []
    assert 'ATRIA AUDIT: no drift in 1 tenant(s)' in audits.clean.output


def test_two_drifted_fields_are_exactly_the_two_rows_and_nothing_is_written(audits):
    assert audits.made.returncode == 0, audits.made.output
    run, log = audits.drift, audits.drift_log
    report = read_report(audits.drift_dir)
    rows = [(row['tenant'], row['entity'], row['field'], row['expected'], row['actual']) for row in report['rows']]
    assert rows == DRIFTED
    assert report['summary']['drifted_fields'] == 2 and report['summary']['tenants_drifted'] == 1
    assert report['summary']['drifted_entities'] == 2 and report['summary']['failures'] == 0
    assert log and writes(log) == [], writes(log)
    assert 'ATRIA AUDIT: DRIFT - 2 field(s)' in run.output
    assert 'ACME | user alice_ACME | department: expected Sales, actual Support' in run.output
    # The play's statistics carry the summary (AWX shows them as artifacts).
    stats = [task for task in run.tasks if task['action'] == 'ansible.builtin.set_stats']
    assert stats and stats[0]['result']['ansible_stats']['data']['atria_audit']['drifted_fields'] == 2


def test_the_html_report_has_the_summary_and_one_escaped_row_per_drifted_field(audits):
    page = (audits.drift_dir / 'atria-audit.html').read_text(encoding='utf-8')
    assert '&lt;Partners&gt;' in page and '<Partners>' not in page
    tree = lxml_html.fromstring(page)
    assert tree.findtext('.//title') == 'Atria drift report'
    assert 'DRIFT: 2 field(s) in 1 tenant(s)' in tree.xpath('string(//section[@id="summary"])')
    assert tree.xpath('string(//*[@id="drifted_fields"])') == '2'
    assert [th.text_content() for th in tree.xpath('//table[@id="drift"]/thead/tr/th')] == ['Tenant', 'Entity', 'Field', 'Expected', 'Actual']
    rows = [tuple(td.text_content() for td in tr.xpath('td')) for tr in tree.xpath('//table[@id="drift"]/tbody/tr')]
    assert rows == DRIFTED


def test_fail_on_drift_fails_the_run_for_ci_gates(audits):
    # audit_fail_on_drift=true: the clean audit passed (above); this one fails, after writing the whole report.
    assert audits.drift.returncode != 0
    assert 'Drift found: 2 field(s) in 1 tenant(s) differ from their definitions' in audits.drift.output


def test_without_the_callback_the_audit_refuses_before_sending_anything(sim, tmp_path):
    run = run_repo_playbook(sim, tmp_path, 'audit.yml')
    assert run.returncode != 0
    assert 'atria.cortex.atria_audit, which is not enabled' in run.output
    assert 'ANSIBLE_CALLBACKS_ENABLED=atria.cortex.atria_audit' in run.output
    assert sim.log() == []


def test_a_tenant_that_cannot_be_read_does_not_hide_the_others_and_fails_the_run(sim, tmp_path):
    definitions = tmp_path / 'tenants.yml'
    definitions.write_text(UNREADABLE_AND_NEW, encoding='utf-8')
    run = run_repo_playbook(sim, tmp_path, 'audit.yml', audit_dir=tmp_path / 'report',
                            extra_vars={'tenant_vars_file': str(definitions)})
    assert run.returncode != 0
    assert 'task(s) failed, so the audit is incomplete: [NOPE]' in run.output
    report = read_report(tmp_path / 'report')
    assert [failure['tenant'] for failure in report['failures']] == ['NOPE']
    # The tenant after it was still audited: a customer that does not exist yet is all drift, and check mode
    # previews its users too (issue 12 item 13), each a row of its own.
    assert set((row['tenant'], row['entity'], row['change'], row['actual']) for row in report['rows']) == {
        ('NEW', 'customer NEW', 'create', None), ('NEW', 'user nia_NEW', 'create', 'absent')}
    assert writes(sim.log()) == []


UNREADABLE_AND_NEW = """
tenants:
  - customer: {name: NOPE, fullname: Nope Unknown}
    users: [{name: ghost}]
  - customer: {name: NEW, fullname: New Tenant, contact_name: Nia New, contact_email: nia@new.example,
               primary_domain: new.example}
    users: [{name: nia}]
"""


def _png_size(path):
    with open(path, 'rb') as handle:
        header = handle.read(24)
    assert header[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    return struct.unpack('>II', header[16:24])


def test_the_html_report_renders_in_headless_chromium(audits, tmp_path):
    audit_dir = audits.drift_dir
    found = subprocess.run([os.path.join(ROOT, 'scripts', 'ensure-chromium')], capture_output=True, text=True, check=False)
    # scripts/ensure-test-tools (run by the Makefile's test targets) installs it: no browser is a failure, never a skip.
    assert found.returncode == 0, 'no Chromium for the screenshot: ' + found.stderr.strip()
    browser = found.stdout.strip().splitlines()[-1]
    screenshot = tmp_path / 'atria-audit.png'
    command = [browser, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
               '--disable-background-networking', '--disable-component-update', '--disable-sync',
               '--user-data-dir=%s' % (tmp_path / 'profile'), '--screenshot=%s' % screenshot, '--window-size=1200,900',
               (audit_dir / 'atria-audit.html').as_uri()]
    shot = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert shot.returncode == 0 and screenshot.exists(), shot.stderr[-2000:]
    assert _png_size(screenshot) == (1200, 900)
    assert screenshot.stat().st_size > 10000      # a blank page compresses to a few hundred bytes
    # Kept for people to look at (git-ignored).
    keep = os.path.join(ROOT, '.build', 'e2e')
    os.makedirs(keep, exist_ok=True)
    shutil.copy(str(screenshot), os.path.join(keep, 'atria-audit-report.png'))
    shutil.copy(str(audit_dir / 'atria-audit.html'), os.path.join(keep, 'atria-audit-report.html'))
