# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: audit_html
short_description: The HTML page of a drift report
version_added: 0.1.0
author:
  - atria.cortex contributors (@atria-cortex)
description:
  - Renders a drift report (format C(atria.cortex.audit/1)) - one that the callback plugin
    P(atria.cortex.atria_audit#callback) wrote, or one that P(atria.cortex.merge_audits#filter) merged - as the same
    self-contained HTML page the callback writes - the summary at the top, a table per tenant, the drifted fields,
    the failed tasks and, for a merged report, the slices.
  - The page has no script and loads nothing; every value is HTML-escaped.
options:
  _input:
    description: The drift report.
    type: dict
    required: true
seealso:
  - plugin: atria.cortex.merge_audits
    plugin_type: filter
"""

EXAMPLES = r"""
- name: Write the merged report's HTML page
  ansible.builtin.copy:
    content: "{{ merged | atria.cortex.audit_html }}"
    dest: /shared/atria-audit/atria-audit-merged.html
    mode: "0644"
"""

RETURN = r"""
_value:
  description: The HTML page, a complete document.
  type: str
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.atria.cortex.plugins.filter.merge_audits import _plain
from ansible_collections.atria.cortex.plugins.plugin_utils.audit import REPORT_FORMAT, render_html


def audit_html(report):
    if not isinstance(report, dict) or report.get('format') != REPORT_FORMAT:
        raise AnsibleFilterError('audit_html: expected a drift report of format %s' % REPORT_FORMAT)
    try:
        return render_html(_plain(report))
    except (KeyError, TypeError) as error:
        raise AnsibleFilterError('audit_html: the report lacks a part of the format: %s' % error)


class FilterModule(object):
    def filters(self):
        return {'audit_html': audit_html}
