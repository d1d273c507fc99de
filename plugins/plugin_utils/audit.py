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
import hashlib
import json
import os
import re
import tempfile

from jinja2 import Environment, StrictUndefined

from ansible_collections.atria.cortex.plugins.module_utils.entities.approval.responses import APPROVAL_SUBSCRIPTION
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.approval import APPROVAL_GROUP, APPROVAL_MANAGERS
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.contact import CONTACT
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.distribution import DIST_GROUP
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.resource import LOCATION
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.resource import SERVICE_SUMMARY
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER
from ansible_collections.atria.cortex.plugins.plugin_utils.audit_template import CARDS, HTML_TEMPLATE

COLLECTION_PREFIX = 'atria.cortex.'
REPORT_FORMAT = 'atria.cortex.audit/1'
REDACTED = '********'
NO_LOG_FIELD = '(hidden by no_log)'
# Keys whose values are never written to a report, whatever a result holds.
SECRET_KEY = re.compile(r'passw(or)?d|passphrase|secret|token|api_?key|private_?key', re.IGNORECASE)
NO_LOG_MARK = 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'

# The entity each writing module manages; reports name it as its Resource does (noun, identifying options).
MANAGED_ENTITIES = {
    'atria_customer': CUSTOMER,
    'atria_user': USER,
    'atria_service': SERVICE_SUMMARY,
    'atria_approval_group': APPROVAL_GROUP,
    'atria_approval_managers': APPROVAL_MANAGERS,
    'atria_approval_response': APPROVAL_SUBSCRIPTION,
    'atria_dist_group': DIST_GROUP,
    'atria_contact': CONTACT,
    'atria_location': LOCATION,
}
ENTITY_NAMES = dict((module, (resource.noun, resource.identity)) for module, resource in MANAGED_ENTITIES.items())


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
        self.slice = None       # {'id', 'hosts', 'limit', ...} when the run audits part of the inventory

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
        data = {
            'format': REPORT_FORMAT,
            'generated': _now(),
            'started': self.started,
            'complete': complete,
            'playbook': self.playbook,
        }
        data.update(_summarise(self.tenants, self.rows, self.failures, self.tasks))
        if self.slice:
            data['slice'] = dict(self.slice)
        return data


def _summarise(tenants, rows, failures, module_results):
    """summary, tenants (per tenant) and the rows and failures themselves, counted the same way everywhere."""
    drifted = []
    for row in rows:
        if row['tenant'] not in drifted:
            drifted.append(row['tenant'])
    failed = [failure['tenant'] for failure in failures if failure.get('tenant') and failure['tenant'] not in tenants]
    per_tenant = []
    for tenant in _unique(list(tenants) + drifted + failed):
        mine = [row for row in rows if row['tenant'] == tenant]
        per_tenant.append({
            'tenant': tenant,
            'drifted_fields': len(mine),
            'drifted_entities': len(set(row['entity'] for row in mine)),
            'failures': len([failure for failure in failures if failure.get('tenant') == tenant]),
        })
    return {
        'summary': {
            'drift': bool(rows),
            'tenants_audited': len(per_tenant),
            'tenants_drifted': len(drifted),
            'drifted_entities': len(set((row['tenant'], row['entity']) for row in rows)),
            'drifted_fields': len(rows),
            'module_results': module_results,
            'failures': len(failures),
        },
        'tenants': per_tenant,
        'rows': [dict(row) for row in rows],
        'failures': [dict(failure) for failure in failures],
    }


def _unique(items):
    seen, result = set(), []
    for item in items:
        key = json.dumps(item, sort_keys=True, default=str)
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result


# ---------------------------------------------------------------------------------------------------- slices
def slice_id(hosts=None, limit=None, awx_job_id=None, awx_workflow_job_id=None, explicit=None):
    """The name part that keeps one slice's report apart from the others' (None: the run is not a slice).

    - ``explicit`` (the callback's report_slice option) wins;
    - in AWX, a sliced job template runs as a workflow job whose slices are jobs: ``<workflow job id>-<job id>``
      (``awx_workflow_job_id`` and ``awx_job_id`` are extra variables AWX gives every job), so every slice has its
      own name and the slices of one run share a prefix;
    - a run restricted with ``--limit``: ``hosts-`` and a hash of the host names the limit selected, so two slices
      never collide and the same slice run again replaces its own report.
    """
    if explicit:
        return _safe_name(explicit)
    if awx_job_id not in (None, '') and awx_workflow_job_id not in (None, ''):
        return _safe_name('%s-%s' % (awx_workflow_job_id, awx_job_id))
    if limit:
        names = '\n'.join(sorted(str(host) for host in hosts or []))
        return 'hosts-' + hashlib.sha256(names.encode('utf-8')).hexdigest()[:12]
    return None


def _safe_name(text):
    return re.sub(r'[^A-Za-z0-9_.-]+', '_', str(text)).strip('._') or 'slice'


def slice_basename(basename, part):
    return basename if not part else '%s-%s' % (basename, part)


class MergeError(ValueError):
    pass


def merge_reports(reports, sources=None):
    """One report from the reports of an audit's slices (JSON dicts, atria.cortex.audit/1).

    Rows, tenants and failures are concatenated in slice order (a tenant audited by two slices is counted once),
    the summary is counted again from them, and ``slices`` lists each slice (its id, hosts, counts, whether it
    completed). ``complete`` is true only when every slice completed. Two reports of the same slice, or a report of
    another format, are refused (MergeError): they would double-count or mis-read.
    """
    reports = list(reports)
    sources = list(sources) if sources is not None else [None] * len(reports)
    if not reports:
        raise MergeError('no slice report to merge')
    tenants, rows, failures, slices, seen = [], [], [], [], {}
    module_results = 0
    for index, (report, source) in enumerate(zip(reports, sources)):
        where = source or 'report %d' % (index + 1)
        if not isinstance(report, dict) or report.get('format') != REPORT_FORMAT:
            raise MergeError('%s is not a drift report of format %s' % (where, REPORT_FORMAT))
        part = report.get('slice') or {}
        name = part.get('id') or (os.path.splitext(os.path.basename(source))[0] if source else 'slice %d' % (index + 1))
        if name in seen:
            raise MergeError('%s and %s are reports of the same slice %s' % (seen[name], where, name))
        seen[name] = where
        tenants.extend(entry['tenant'] for entry in report.get('tenants') or [])
        rows.extend(report.get('rows') or [])
        failures.extend(report.get('failures') or [])
        module_results += (report.get('summary') or {}).get('module_results') or 0
        summary = report.get('summary') or {}
        slices.append({
            'slice': name,
            'source': source,
            'hosts': len(part.get('hosts') or []) if part.get('hosts') is not None else None,
            'limit': part.get('limit'),
            'tenants_audited': summary.get('tenants_audited'),
            'drifted_fields': summary.get('drifted_fields'),
            'failures': summary.get('failures'),
            'complete': bool(report.get('complete')),
            'generated': report.get('generated'),
        })
    merged = {
        'format': REPORT_FORMAT,
        'generated': _now(),
        'started': min(str(report.get('started') or '') for report in reports) or None,
        'complete': all(part['complete'] for part in slices),
        'playbook': _unique([report.get('playbook') for report in reports if report.get('playbook')])[0]
        if any(report.get('playbook') for report in reports) else None,
    }
    merged.update(_summarise(_unique(tenants), _unique(rows), _unique(failures), module_results))
    merged['slices'] = slices
    return merged


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


_TEMPLATE = []


def _template():
    """The page template, compiled once per process. Autoescape on: every value is HTML-escaped."""
    if not _TEMPLATE:
        environment = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
        environment.filters['value_text'] = value_text
        environment.filters['actual_text'] = actual_text
        _TEMPLATE.append(environment.from_string(HTML_TEMPLATE))
    return _TEMPLATE[0]


def render_html(report):
    """A self-contained page (plugin_utils/audit_template.py): summary at the top, then the drift table."""
    summary = report['summary']
    status = ('DRIFT: %d field(s) in %d tenant(s)' % (summary['drifted_fields'], summary['tenants_drifted'])
              if summary['drift'] else 'NO DRIFT')
    page = dict(report, playbook=report.get('playbook'), slices=report.get('slices') or [])
    return _template().render(report=page, status=status, cards=CARDS)


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
