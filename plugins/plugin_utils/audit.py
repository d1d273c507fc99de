# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The drift report: check-mode results of the atria.cortex modules -> one row per drifted field -> JSON and HTML.

Used by the callback plugin atria.cortex.atria_audit. Pure functions, no Ansible objects: the callback hands in
the module name, its arguments and its result.

Every writing module returns ``diff: {before, after}`` in check+diff mode, with the option names as keys and
only the options the task manages. Options that did not change have equal values on both sides. A bulk task
(atria_user with ``users``) returns one such pair per entity, keyed by the entity's name. A drifted field is a key
whose values differ; dict values (properties) are compared key by key, so each property is a field of its own.
Write-only options (passwords) never reach a diff, and anything that looks like a secret is redacted anyway.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import html
import json
import os
import re
import tempfile

COLLECTION_PREFIX = 'atria.cortex.'
REPORT_FORMAT = 'atria.cortex.audit/1'
REDACTED = '********'
NO_LOG_FIELD = '(hidden by no_log)'
# Keys whose values are never written to a report, whatever a result holds.
SECRET_KEY = re.compile(r'passw(or)?d|passphrase|secret|token|api_?key|private_?key', re.IGNORECASE)
NO_LOG_MARK = 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'

# How each module names the entity it manages: (label, options whose value identifies it).
ENTITY_NAMES = {
    'atria_customer': ('customer', ('name', 'fullname')),
    'atria_user': ('user', ('name', 'upn')),
    'atria_service': ('service', ('name',)),
    'atria_approval_group': ('approval group', ('name',)),
    'atria_approval_managers': ('approval managers', ()),
    'atria_dist_group': ('distribution group', ('display_name',)),
}


def short_name(action):
    """'atria.cortex.atria_user' -> 'atria_user'; None for modules of other collections."""
    if not action or not action.startswith(COLLECTION_PREFIX):
        return None
    return action[len(COLLECTION_PREFIX):]


def is_writing_module(module):
    return bool(module) and not module.endswith('_info')


def tenant_of(module, args, result):
    """The customer code (or the name the task used) a result belongs to."""
    if module == 'atria_customer':
        entity = result.get('customer') or {}
        return entity.get('name') or args.get('name') or args.get('fullname') or entity.get('fullname')
    return args.get('customer')


def entity_of(module, args, result):
    """'user alice_ACME', 'service HE of user alice', 'distribution group Sales Team', ..."""
    label, keys = ENTITY_NAMES.get(module, (module.replace('atria_', '', 1).replace('_', ' '), ('name',)))
    name = None
    if module == 'atria_customer':
        name = tenant_of(module, args, result)
    elif module == 'atria_user' and (result.get('user') or {}).get('name'):
        name = result['user']['name']      # the stored name (alice_ACME), as bulk diffs show it
    else:
        for key in keys:
            if args.get(key):
                name = args[key]
                break
    text = label if not name else '%s %s' % (label, name)
    if module == 'atria_service':
        if args.get('instance'):
            text += ' instance %s' % args['instance']
        if args.get('user'):
            text += ' of user %s' % args['user']
    return text


def _redact(key, value):
    if key is not None and SECRET_KEY.search(str(key)):
        return REDACTED if value not in (None, '', [], {}) else value
    if isinstance(value, str) and NO_LOG_MARK in value:
        return REDACTED
    if isinstance(value, dict):
        return dict((k, _redact(k, v)) for k, v in value.items())
    if isinstance(value, list):
        return [_redact(None, item) for item in value]
    return value


def field_rows(before, after):
    """[(field, expected, actual, change)] for one entity's diff."""
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    if before and not after:
        return [('state', 'absent', 'present', 'delete')]
    change = 'create' if not before else 'update'
    rows = []
    for key in list(after) + [key for key in before if key not in after]:
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if isinstance(old, dict) or isinstance(new, dict):
            old_dict, new_dict = old if isinstance(old, dict) else {}, new if isinstance(new, dict) else {}
            for sub in list(new_dict) + [sub for sub in old_dict if sub not in new_dict]:
                if old_dict.get(sub) != new_dict.get(sub):
                    rows.append(('%s.%s' % (key, sub), _redact(sub, new_dict.get(sub)), _redact(sub, old_dict.get(sub)), change))
            continue
        rows.append((key, _redact(key, new), _redact(key, old), change))
    if not rows:
        rows.append(('state', 'present', 'absent' if change == 'create' else 'present', change))
    return rows


def _is_bulk(diff_side, args):
    """A bulk diff is keyed by entity names, not by the module's option names, and holds a dict per entity."""
    if not diff_side:
        return False
    return all(key not in args and isinstance(value, dict) for key, value in diff_side.items())


def rows_from_result(action, args, result, host=None, task=None):
    """Drift rows for one module result (one loop item). Empty when the result shows no drift."""
    module = short_name(action)
    if not is_writing_module(module) or not result.get('changed'):
        return []
    args = args or {}
    tenant = tenant_of(module, args, result)
    base = {'tenant': tenant, 'host': host, 'task': task, 'module': action}
    if result.get('censored') or (result.get('_ansible_no_log') and 'diff' not in result):
        row = dict(base, entity=entity_of(module, args, result), field=NO_LOG_FIELD, expected=REDACTED, actual=REDACTED,
                   change='update')
        return [row]
    diff = result.get('diff')
    diffs = diff if isinstance(diff, list) else [diff] if isinstance(diff, dict) else []
    rows = []
    for one in diffs:
        before, after = one.get('before') or {}, one.get('after') or {}
        if not isinstance(before, dict) or not isinstance(after, dict):
            continue        # text diffs belong to other modules
        if _is_bulk(before, args) or _is_bulk(after, args):
            label, _keys = ENTITY_NAMES.get(module, (module, ()))
            for name in list(after) + [name for name in before if name not in after]:
                for field, expected, actual, change in field_rows(before.get(name), after.get(name)):
                    rows.append(dict(base, entity='%s %s' % (label, name), field=field, expected=expected, actual=actual,
                                     change=change))
        else:
            entity = entity_of(module, args, result)
            for field, expected, actual, change in field_rows(before, after):
                rows.append(dict(base, entity=entity, field=field, expected=expected, actual=actual, change=change))
    if not rows:
        # Changed, but without a diff (run without --diff): the entity drifted, the fields are unknown.
        rows.append(dict(base, entity=entity_of(module, args, result), field='(run with --diff for the fields)',
                         expected=None, actual=None, change='update'))
    return rows


class Report:
    """Collects rows, tenants seen and failures; renders JSON and HTML."""

    def __init__(self, playbook=None):
        self.playbook = playbook
        self.started = _now()
        self.rows = []
        self.tenants = []
        self.failures = []
        self.tasks = 0

    def saw(self, tenant):
        if tenant and tenant not in self.tenants:
            self.tenants.append(tenant)

    def add_result(self, action, args, result, host=None, task=None):
        module = short_name(action)
        if not is_writing_module(module):
            return []
        self.tasks += 1
        self.saw(tenant_of(module, args or {}, result))
        rows = rows_from_result(action, args, result, host=host, task=task)
        self.rows.extend(rows)
        return rows

    def add_failure(self, action, args, result, host=None, task=None):
        module = short_name(action)
        tenant = tenant_of(module, args or {}, result) if module else None
        self.saw(tenant)
        message = result.get('msg') or 'failed'
        if result.get('censored'):
            message = 'the task failed (its output is hidden by no_log)'
        self.failures.append({'tenant': tenant, 'host': host, 'task': task, 'module': action, 'msg': str(message)})

    def to_dict(self, complete=True):
        drifted = []
        for row in self.rows:
            if row['tenant'] not in drifted:
                drifted.append(row['tenant'])
        per_tenant = []
        for tenant in self.tenants + [name for name in drifted if name not in self.tenants]:
            mine = [row for row in self.rows if row['tenant'] == tenant]
            per_tenant.append({
                'tenant': tenant,
                'drifted_fields': len(mine),
                'drifted_entities': len(set(row['entity'] for row in mine)),
                'failures': len([failure for failure in self.failures if failure['tenant'] == tenant]),
            })
        return {
            'format': REPORT_FORMAT,
            'generated': _now(),
            'started': self.started,
            'complete': complete,
            'playbook': self.playbook,
            'summary': {
                'drift': bool(self.rows),
                'tenants_audited': len(per_tenant),
                'tenants_drifted': len(drifted),
                'drifted_entities': len(set((row['tenant'], row['entity']) for row in self.rows)),
                'drifted_fields': len(self.rows),
                'module_results': self.tasks,
                'failures': len(self.failures),
            },
            'tenants': per_tenant,
            'rows': [dict(row) for row in self.rows],
            'failures': list(self.failures),
        }


def _now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace('+00:00', 'Z')


# ---------------------------------------------------------------------------------------------------- rendering
def value_text(value):
    """How a value reads in the HTML table (the JSON keeps the value itself)."""
    if value is None:
        return '(not set)'
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, (list, tuple)):
        return ', '.join(value_text(item) for item in value) if value else '(empty list)'
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, default=str)
    if value == '':
        return '(empty)'
    return str(value)


def actual_text(row):
    """The actual value as people read it: a field of an entity that does not exist is '(missing)'."""
    if row.get('change') == 'create' and row.get('actual') is None:
        return '(missing)'
    return value_text(row.get('actual'))


def _e(value):
    return html.escape(str(value), quote=True)


_CSS = """
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
"""


def render_html(report):
    """A self-contained page: summary at the top, then the drift table. Every value is HTML-escaped."""
    summary = report['summary']
    status = ('<span class="status drift">DRIFT: %d field(s) in %d tenant(s)</span>'
              % (summary['drifted_fields'], summary['tenants_drifted'])) if summary['drift'] else \
        '<span class="status clean">NO DRIFT</span>'
    cards = ''.join('<div class="card"><div class="n" id="%s">%s</div><div class="l">%s</div></div>' % (key, _e(summary[key]), _e(label))
                    for key, label in (('tenants_audited', 'tenants audited'), ('tenants_drifted', 'tenants with drift'),
                                       ('drifted_entities', 'drifted entities'), ('drifted_fields', 'drifted fields'),
                                       ('failures', 'failed tasks')))
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
        '<title>Atria drift report</title>\n<style>%s</style>\n</head>\n<body>\n' % _CSS,
        '<h1>Atria drift report</h1>\n',
        '<div class="meta">Generated %s%s (check mode: nothing was changed)</div>\n'
        % (_e(report['generated']), ' by %s' % _e(report['playbook']) if report.get('playbook') else ''),
        '<section id="summary">\n<div>%s</div>\n<div class="summary">%s</div>\n' % (status, cards),
    ]
    if report['tenants']:
        parts.append('<table id="tenants"><thead><tr><th>Tenant</th><th>Drifted fields</th><th>Drifted entities</th>'
                     '<th>Failed tasks</th></tr></thead><tbody>\n')
        for tenant in report['tenants']:
            parts.append('<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td></tr>\n'
                         % (_e(tenant['tenant']), tenant['drifted_fields'], tenant['drifted_entities'], tenant['failures']))
        parts.append('</tbody></table>\n')
    parts.append('</section>\n<h2>Drifted fields</h2>\n')
    if report['rows']:
        parts.append('<table id="drift"><thead><tr><th>Tenant</th><th>Entity</th><th>Field</th><th>Expected</th>'
                     '<th>Actual</th></tr></thead><tbody>\n')
        for row in report['rows']:
            parts.append('<tr><td>%s</td><td>%s</td><td>%s</td><td class="v exp">%s</td><td class="v act">%s</td></tr>\n'
                         % (_e(row['tenant']), _e(row['entity']), _e(row['field']), _e(value_text(row['expected'])),
                            _e(actual_text(row))))
        parts.append('</tbody></table>\n')
    else:
        parts.append('<p class="none">Every audited entity matches its definition.</p>\n')
    if report['failures']:
        parts.append('<h2>Failed tasks (not audited)</h2>\n<table id="failures"><thead><tr><th>Tenant</th><th>Task</th>'
                     '<th>Message</th></tr></thead><tbody>\n')
        for failure in report['failures']:
            parts.append('<tr><td>%s</td><td>%s</td><td class="v">%s</td></tr>\n'
                         % (_e(failure['tenant'] or ''), _e(failure['task'] or ''), _e(failure['msg'])))
        parts.append('</tbody></table>\n')
    parts.append('</body>\n</html>\n')
    return ''.join(parts)


def report_paths(directory, basename='atria-audit'):
    """{'json': ..., 'html': ...}: the absolute paths of the report files."""
    directory = os.path.abspath(os.path.expanduser(directory))
    return dict((kind, os.path.join(directory, '%s.%s' % (basename, kind))) for kind in ('json', 'html'))


def write_report(report, directory, basename='atria-audit'):
    """Write <basename>.json and <basename>.html atomically (creating the directory); return their paths."""
    paths = report_paths(directory, basename)
    directory = os.path.dirname(paths['json'])
    if not os.path.isdir(directory):
        os.makedirs(directory)
    texts = {'json': json.dumps(report, indent=2, default=str) + '\n', 'html': render_html(report)}
    for kind, path in paths.items():
        handle, temporary = tempfile.mkstemp(dir=directory, prefix='.%s.' % basename)
        try:
            with os.fdopen(handle, 'w', encoding='utf-8') as stream:
                stream.write(texts[kind])
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.remove(temporary)
            raise
    return paths
