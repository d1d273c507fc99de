# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: merge_audits
short_description: Merge the drift reports of an audit's slices into one report
version_added: 0.1.0
author:
  - atria.cortex contributors (@atria-cortex)
description:
  - Takes the JSON drift reports (format C(atria.cortex.audit/1)) that the callback plugin
    P(atria.cortex.atria_audit#callback) wrote for the slices of one audit - the jobs of an AWX sliced job
    template, or runs of C(playbooks/audit.yml) with different C(--limit) patterns - and returns one report.
  - Rows, tenants and failures are concatenated in slice order (a tenant that two slices audited is counted
    once), the summary is counted again from them, and C(slices) lists every slice with its hosts and counts.
    C(complete) is true only when every slice completed.
  - Two reports of the same slice, and anything that is not a drift report, are refused with an error, as they
    would count twice or be misread.
  - C(playbooks/audit_merge.yml) uses it, with P(atria.cortex.audit_html#filter) for the HTML page.
options:
  _input:
    description: The slices' reports, as read from their JSON files.
    type: list
    elements: dict
    required: true
  sources:
    description:
      - Where each report came from (file names), in the same order; shown in C(slices) and in error messages.
    type: list
    elements: str
seealso:
  - plugin: atria.cortex.audit_html
    plugin_type: filter
  - plugin: atria.cortex.atria_audit
    plugin_type: callback
"""

EXAMPLES = r"""
- name: Find the reports of the slices
  ansible.builtin.find:
    paths: /shared/atria-audit
    patterns: atria-audit-*.json
  register: slices

- name: Merge them
  ansible.builtin.set_fact:
    merged: >-
      {{ query('ansible.builtin.file', *(slices.files | map(attribute='path')))
         | map('from_json') | atria.cortex.merge_audits(sources=slices.files | map(attribute='path')) }}
"""

RETURN = r"""
_value:
  description:
    - One drift report (format C(atria.cortex.audit/1)) with C(summary), C(tenants), C(rows), C(failures), as a
      single run writes it, plus C(slices) - one entry per merged report (C(slice), C(source), C(hosts),
      C(tenants_audited), C(drifted_fields), C(failures), C(complete), C(generated)).
  type: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.atria.cortex.plugins.plugin_utils.audit import MergeError, merge_reports


def merge_audits(reports, sources=None):
    if not isinstance(reports, (list, tuple)):
        raise AnsibleFilterError('merge_audits: expected a list of drift reports, got %s' % type(reports).__name__)
    if sources is not None:
        sources = [str(source) for source in sources]
        if len(sources) != len(reports):
            raise AnsibleFilterError('merge_audits: %d report(s) but %d source(s)' % (len(reports), len(sources)))
    try:
        return merge_reports([_plain(report) for report in reports], sources=sources)
    except MergeError as error:
        raise AnsibleFilterError('merge_audits: %s' % error)


def _plain(value):
    """Templar values (lazy containers, tagged strings) as plain Python data."""
    if isinstance(value, dict):
        return dict((str(key), _plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


class FilterModule(object):
    def filters(self):
        return {'merge_audits': merge_audits}
