# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Jinja2 template of the drift report's HTML page (rendered by audit.render_html with autoescape on).

A Python constant rather than a file, so it travels with the collection whichever way it is installed (tarball,
Galaxy, an execution environment) and needs no loader path. The page is self-contained: inline CSS only, no
script, no external resource; the Content-Security-Policy forbids anything else. Every value reaches the page
through ``{{ }}`` and is escaped by Jinja2's autoescape; nothing is marked safe.

Variables: ``report`` (the JSON report, audit.Report.to_dict() or audit.merge_reports()), ``status`` (the text of
the status badge). Filters: ``value_text`` and ``actual_text`` (how a value reads).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

HTML_TEMPLATE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Atria drift report</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}
.meta{color:#59636e;font-size:13px;margin-bottom:16px}
.summary{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{border:1px solid #d1d9e0;border-radius:8px;padding:10px 16px;min-width:120px}
.card .n{font-size:26px;font-weight:600}
.card .l{font-size:12px;color:#59636e;text-transform:uppercase;letter-spacing:.04em}
.status{display:inline-block;padding:4px 12px;border-radius:14px;font-weight:600;font-size:14px}
.drift{background:#ffebe9;color:#a40e26;border:1px solid #ff818266}
.clean{background:#dafbe1;color:#116329;border:1px solid #4ac26b66}
table{border-collapse:collapse;width:100%;margin:8px 0 24px;font-size:14px}
th,td{border:1px solid #d1d9e0;padding:6px 10px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.v{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-word}
td.exp{background:#f0fff4}
td.act{background:#fff5f5}
h2{font-size:17px;margin:20px 0 6px}
.none{color:#59636e}
</style>
</head>
<body>
<h1>Atria drift report</h1>
<div class="meta">Generated {{ report.generated }}{% if report.playbook %} by {{ report.playbook }}{% endif %}
{%- if report.slices %}, merged from {{ report.slices | length }} slice(s){% endif %} (check mode: nothing was changed)</div>
<section id="summary">
<div><span class="status {{ 'drift' if report.summary.drift else 'clean' }}">{{ status }}</span></div>
<div class="summary">
{%- for key, label in cards %}
<div class="card"><div class="n" id="{{ key }}">{{ report.summary[key] }}</div><div class="l">{{ label }}</div></div>
{%- endfor %}
</div>
{%- if report.tenants %}
<table id="tenants"><thead><tr><th>Tenant</th><th>Drifted fields</th><th>Drifted entities</th><th>Failed tasks</th></tr></thead><tbody>
{%- for tenant in report.tenants %}
<tr><td>{{ tenant.tenant }}</td><td>{{ tenant.drifted_fields }}</td><td>{{ tenant.drifted_entities }}</td><td>{{ tenant.failures }}</td></tr>
{%- endfor %}
</tbody></table>
{%- endif %}
</section>
<h2>Drifted fields</h2>
{%- if report.rows %}
<table id="drift"><thead><tr><th>Tenant</th><th>Entity</th><th>Field</th><th>Expected</th><th>Actual</th></tr></thead><tbody>
{%- for row in report.rows %}
<tr><td>{{ row.tenant }}</td><td>{{ row.entity }}</td><td>{{ row.field }}</td>
<td class="v exp">{{ row.expected | value_text }}</td><td class="v act">{{ row | actual_text }}</td></tr>
{%- endfor %}
</tbody></table>
{%- else %}
<p class="none">Every audited entity matches its definition.</p>
{%- endif %}
{%- if report.failures %}
<h2>Failed tasks (not audited)</h2>
<table id="failures"><thead><tr><th>Tenant</th><th>Task</th><th>Message</th></tr></thead><tbody>
{%- for failure in report.failures %}
<tr><td>{{ failure.tenant or '' }}</td><td>{{ failure.task or '' }}</td><td class="v">{{ failure.msg }}</td></tr>
{%- endfor %}
</tbody></table>
{%- endif %}
{%- if report.slices %}
<h2>Slices</h2>
<table id="slices"><thead><tr><th>Slice</th><th>Hosts</th><th>Tenants</th><th>Drifted fields</th><th>Failed tasks</th>
<th>Complete</th><th>Generated</th></tr></thead><tbody>
{%- for part in report.slices %}
<tr><td>{{ part.slice }}</td><td>{{ part.hosts if part.hosts is not none else '' }}</td><td>{{ part.tenants_audited }}</td>
<td>{{ part.drifted_fields }}</td><td>{{ part.failures }}</td><td>{{ 'yes' if part.complete else 'NO' }}</td>
<td>{{ part.generated }}</td></tr>
{%- endfor %}
</tbody></table>
{%- endif %}
</body>
</html>
"""

# The summary cards at the top: (summary key, label).
CARDS = (
    ('tenants_audited', 'tenants audited'),
    ('tenants_drifted', 'tenants with drift'),
    ('drifted_entities', 'drifted entities'),
    ('drifted_fields', 'drifted fields'),
    ('failures', 'failed tasks'),
)
