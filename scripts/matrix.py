"""The version matrix: every ansible-core the collection claims (meta/runtime.yml), each in a venv of its own.

    python scripts/matrix.py [--versions 2.16,2.21] [--stages sanity,units,smoke,e2e]

(`make matrix`; MATRIX_VERSIONS and MATRIX_STAGES in the environment do the same as the options.)

For each version: its venv (.build/matrix/<core>, made by scripts/make-venv from requirements/matrix/
ansible-core-<core>.txt and rebuilt only when those pins change; 2.19 is the project's own .venv), then

- sanity  `ansible-test sanity` with no ignore entries (scripts/run-sanity), on the oldest and the newest core;
- units   the collection's pytest suite, tests/unit;
- smoke   the collection tarball (built once, by the .venv) installed with that core's ansible-galaxy, and against
          a fresh simulator: playbooks/demo.yml twice (the second run changes nothing), the example tenant of
          playbooks/onboard.yml twice (the same), `ansible-inventory --list` of the inventory plugin, and
          playbooks/audit.yml in check mode on drifted definitions: the drift report lists exactly the drift, and
          the simulator's request log shows no SET or DELETE during that run;
- e2e     on the newest core, the whole end-to-end suite, tests/e2e (the .venv's 2.19 runs it in `make e2e`).

It prints a table version x stage x result x time, writes .build/matrix/summary.json, and exits 1 when any stage
failed. Logs: .build/matrix/logs/<core>-<stage>.log. A Python that is missing skips its versions, except with
CI=true, where that is a failure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MATRIX_DIR = os.path.join(ROOT, '.build', 'matrix')
LOG_DIR = os.path.join(MATRIX_DIR, 'logs')
MAIN_VENV = os.path.join(ROOT, '.venv')
STAGES = ('sanity', 'units', 'smoke', 'e2e')
ADMIN_USER, ADMIN_PASSWORD = 'admin_Gsp', 'Adm1n!Gsp'


class Version:
    def __init__(self, core, python, sanity=False, venv=None, e2e=False):
        self.core, self.python, self.sanity, self.e2e = core, python, sanity, e2e
        self.venv = venv or os.path.join(MATRIX_DIR, core)
        self.requirements = None if venv else os.path.join(ROOT, 'requirements', 'matrix', 'ansible-core-%s.txt' % core)

    @property
    def bin(self):
        return os.path.join(self.venv, 'bin')


# Oldest first. Sanity on the oldest and the newest; the .venv's 2.19 gets its sanity from `make sanity`.
VERSIONS = [
    Version('2.16', '3.11', sanity=True),
    Version('2.17', '3.11'),
    Version('2.18', '3.11'),
    Version('2.19', '3.11', venv=MAIN_VENV),
    Version('2.20', '3.12'),
    Version('2.21', '3.13', sanity=True, e2e=True),
]
# Pins every venv shares with the project's own: a matrix that tests other versions of these proves nothing.
SHARED_PINS = ('requests', 'lxml', 'pytest')
E2E_PINS = ('ansible-runner', 'ansible-builder')     # tests/e2e drives them too


class StageFailed(Exception):
    pass


def ci():
    return os.environ.get('CI', '').lower() in ('1', 'true', 'yes')


def pins(path):
    found = {}
    with open(path, encoding='utf-8') as handle:
        for line in handle:
            line = line.split('#', 1)[0].strip()
            match = re.match(r'^([A-Za-z0-9_.-]+)==(\S+)$', line)
            if match:
                found[match.group(1).lower()] = match.group(2)
            elif line.startswith('-r '):
                found.update(pins(os.path.join(os.path.dirname(path), line[3:].strip())))
    return found


def check_pins():
    """The matrix files pin the same requests, lxml and pytest as runtime.txt / dev.txt."""
    project = pins(os.path.join(ROOT, 'requirements', 'dev.txt'))
    problems = []
    for version in VERSIONS:
        if not version.requirements:
            continue
        mine = pins(version.requirements)
        if mine.get('ansible-core', '').rsplit('.', 1)[0] != version.core:
            problems.append('%s pins ansible-core %s' % (version.requirements, mine.get('ansible-core')))
        for name in SHARED_PINS + (E2E_PINS if version.e2e else ()):
            if mine.get(name) != project.get(name):
                problems.append('%s pins %s %s, the project %s'
                                % (version.requirements, name, mine.get(name), project.get(name)))
    return problems


# ------------------------------------------------------------------------------------------------ running
def run(command, log, env=None, cwd=ROOT, timeout=1800, check=True):
    """Run a command, appending its output to the log file; StageFailed (with the log's tail) on failure."""
    with open(log, 'a', encoding='utf-8') as handle:
        handle.write('\n$ %s\n' % ' '.join(command))
        handle.flush()
        result = subprocess.run(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=handle,
                                stderr=subprocess.STDOUT, timeout=timeout, check=False)
    if check and result.returncode != 0:
        raise StageFailed('%s exited with %d' % (os.path.basename(command[0]), result.returncode))
    return result.returncode


def capture(command, log, env=None, timeout=600):
    with open(log, 'a', encoding='utf-8') as handle:
        handle.write('\n$ %s\n' % ' '.join(command))
    result = subprocess.run(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            timeout=timeout, check=False)
    with open(log, 'a', encoding='utf-8') as handle:
        handle.write(result.stdout)
        handle.write(result.stderr)
    if result.returncode != 0:
        raise StageFailed('%s exited with %d' % (os.path.basename(command[0]), result.returncode))
    return result.stdout


def tail(path, lines=25):
    try:
        with open(path, encoding='utf-8', errors='replace') as handle:
            return ''.join(handle.readlines()[-lines:])
    except OSError:
        return ''


def base_env(version):
    env = dict(os.environ)
    env['PATH'] = version.bin + os.pathsep + env.get('PATH', '')
    env.pop('VIRTUAL_ENV', None)
    env.pop('PYTHONPATH', None)
    return env


# ------------------------------------------------------------------------------------------------- stages
def prepare(version, log):
    """The version's venv (only when its pins changed); its ansible-core must be the one it claims."""
    if version.requirements:
        run([os.path.join(ROOT, 'scripts', 'make-venv'), version.venv, version.python, version.requirements], log)
    elif not os.path.exists(os.path.join(version.bin, 'python')):
        run([os.path.join(ROOT, 'scripts', 'bootstrap-venv')], log)
    out = capture([os.path.join(version.bin, 'python'), '-c',
                   'import sys; from ansible.release import __version__ as v; print(v, "%d.%d" % sys.version_info[:2])'],
                  log)
    core, python = out.split()
    if core.rsplit('.', 1)[0] != version.core or python != version.python:
        raise StageFailed('the venv holds ansible-core %s on Python %s' % (core, python))
    # The get-pip stand-in under every name this ansible-test asks for (its own code says which), whether or not
    # the matrix runs its sanity: a later `ansible-test sanity` of this core never tries to download one.
    env = dict(base_env(version), PYTHON=os.path.join(version.bin, 'python'))
    run([os.path.join(ROOT, 'scripts', 'provide-get-pip')], log, env=env)
    return core


def stage_sanity(version, log, _shared):
    env = base_env(version)
    env.update(SANITY_VENV=version.venv, SANITY_PYTHON=version.python,
               SANITY_STAGE=os.path.join(MATRIX_DIR, 'sanity-%s' % version.core))
    run([os.path.join(ROOT, 'scripts', 'run-sanity')], log, env=env, timeout=3600)


def stage_units(version, log, _shared):
    env = base_env(version)
    run([os.path.join(version.bin, 'python'), '-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests/unit'], log,
        env=env)


def build_tarball(log):
    dist = os.path.join(MATRIX_DIR, 'dist')
    shutil.rmtree(dist, ignore_errors=True)
    run([os.path.join(MAIN_VENV, 'bin', 'ansible-galaxy'), 'collection', 'build', '--force', '--output-path', dist],
        log)
    tarballs = [name for name in os.listdir(dist) if name.endswith('.tar.gz')]
    if len(tarballs) != 1:
        raise StageFailed('expected one tarball in %s, found %s' % (dist, tarballs))
    return os.path.join(dist, tarballs[0])


class Simulator:
    """A fresh simulator for one smoke (the .venv runs it: it is test infrastructure, not the code under test)."""

    def __init__(self, log):
        self.run_dir = tempfile.mkdtemp(prefix='atria-matrix-')
        self.request_log = os.path.join(self.run_dir, 'requests.jsonl')
        self.log = log

    def __enter__(self):
        run([os.path.join(MAIN_VENV, 'bin', 'python'), 'scripts/simulator.py', 'start', self.run_dir, '--',
             '--provisioning-delay', '0.2', '--request-log', self.request_log], self.log)
        env = {}
        with open(os.path.join(self.run_dir, 'env.sh'), encoding='utf-8') as handle:
            for line in handle:
                key, _sep, value = line.replace('export ', '', 1).strip().partition('=')
                env[key] = value.strip("'")
        self.url, self.admin = env['ATRIA_URL'], env['ATRIA_SIM_ADMIN']
        return self

    def __exit__(self, *exc):
        subprocess.run([os.path.join(MAIN_VENV, 'bin', 'python'), 'scripts/simulator.py', 'stop', self.run_dir],
                       cwd=ROOT, check=False)
        shutil.rmtree(self.run_dir, ignore_errors=True)

    def entries(self, since=0):
        with urllib.request.urlopen('%s/_sim/log?since=%d' % (self.admin, since), timeout=30) as answer:
            data = json.loads(answer.read().decode('utf-8'))
        return data.get('entries', data) if isinstance(data, dict) else data


def recap(output):
    """{host: {ok: N, changed: N, ...}} from the PLAY RECAP of an ansible-playbook run."""
    hosts = {}
    text = re.sub(r'\x1b\[[0-9;]*m', '', output)
    for line in text.split('PLAY RECAP', 1)[-1].splitlines():
        match = re.match(r'^(\S+)\s+:\s+(.*)$', line.strip())
        if match:
            hosts[match.group(1)] = dict((key, int(value)) for key, value in re.findall(r'(\w+)=(\d+)', match.group(2)))
    return hosts


# Two fields of the example tenant that differ from what onboard.yml made: the check-mode audit must find them.
# The '&' and '<' must reach the HTML page escaped (its template comes with the installed tarball).
DRIFTED_FIELDS = [('customer ACME', 'contact_name', 'Jane Roe & <Co>'), ('user alice_ACME', 'department', 'Marketing')]
ESCAPED = 'Jane Roe &amp; &lt;Co&gt;'


def drifted_definitions(path):
    import yaml  # the .venv's: only this process reads it
    with open(os.path.join(ROOT, 'playbooks', 'vars', 'tenants.yml'), encoding='utf-8') as handle:
        data = yaml.safe_load(handle)
    tenant = data['tenants'][0]
    tenant['customer']['contact_name'] = DRIFTED_FIELDS[0][2]
    next(user for user in tenant['users'] if user['name'] == 'alice')['department'] = 'Marketing'
    with open(path, 'w', encoding='utf-8') as handle:
        yaml.safe_dump(data, handle)


def stage_smoke(version, log, shared):
    work = os.path.join(MATRIX_DIR, 'smoke-%s' % version.core)
    shutil.rmtree(work, ignore_errors=True)
    collections = os.path.join(work, 'collections')
    os.makedirs(collections)
    env = base_env(version)
    # Only the installed tarball provides atria.cortex; nothing from ~/.ansible or this checkout.
    env.update(ANSIBLE_COLLECTIONS_PATH=collections, ANSIBLE_COLLECTIONS_SCAN_SYS_PATH='false',
               ANSIBLE_HOME=os.path.join(work, 'ansible-home'), ANSIBLE_LOCAL_TEMP=os.path.join(work, 'tmp'),
               ANSIBLE_LOCALHOST_WARNING='false', ANSIBLE_INVENTORY_UNPARSED_WARNING='false', ANSIBLE_NOCOLOR='1',
               ANSIBLE_FORCE_COLOR='0', ANSIBLE_DEPRECATION_WARNINGS='false', ANSIBLE_RETRY_FILES_ENABLED='false')
    for key in [key for key in env if key.startswith('ATRIA_')]:
        del env[key]
    bin_ = version.bin
    run([os.path.join(bin_, 'ansible-galaxy'), 'collection', 'install', '--offline', '--no-deps', '--force', '-p',
         collections, shared['tarball']], log, env=env)

    with Simulator(log) as sim:
        # The connection comes from the ATRIA_* variables only (the names the modules and the inventory read).
        env.update(ATRIA_URL=sim.url, ATRIA_USERNAME=ADMIN_USER, ATRIA_PASSWORD=ADMIN_PASSWORD)

        def playbook(name, *args, expect_rc=0):
            output = capture_rc([os.path.join(bin_, 'ansible-playbook'), os.path.join('playbooks', name)] + list(args),
                                log, env, expect_rc)
            return recap(output)

        # 1. The demo, twice: the second run changes nothing.
        for attempt in (1, 2):
            hosts = playbook('demo.yml')
            changed = sum(host.get('changed', 0) for host in hosts.values())
            if attempt == 1 and not changed:
                raise StageFailed('demo.yml run 1 changed nothing on a fresh simulator')
            if attempt == 2 and changed:
                raise StageFailed('demo.yml run 2 changed %d task(s); it must be a no-op' % changed)

        # 2. The example tenant (role atria.cortex.tenant: customer, users, services, groups), twice.
        for attempt in (1, 2):
            hosts = playbook('onboard.yml')
            changed = sum(host.get('changed', 0) for host in hosts.values())
            if attempt == 1 and not changed:
                raise StageFailed('onboard.yml run 1 changed nothing')
            if attempt == 2 and changed:
                raise StageFailed('onboard.yml run 2 changed %d task(s); it must be a no-op' % changed)

        # 3. The inventory plugin: one host per customer, DEMO and ACME among them.
        inventory = os.path.join(work, 'atria.yml')
        with open(inventory, 'w', encoding='utf-8') as handle:
            handle.write('plugin: atria.cortex.atria\nreseller_groups: true\n')
        listing = json.loads(capture([os.path.join(bin_, 'ansible-inventory'), '-i', inventory, '--list'], log,
                                     env=env))
        hostvars = listing.get('_meta', {}).get('hostvars', {})
        missing = [code for code in ('DEMO', 'ACME') if code not in hostvars]
        if missing:
            raise StageFailed('ansible-inventory --list lacks %s (hosts: %s)' % (missing, sorted(hostvars)[:20]))

        # 4. Check mode: the audit on drifted definitions finds the drift and sends no SET or DELETE.
        definitions = os.path.join(work, 'tenants-drifted.yml')
        drifted_definitions(definitions)
        report_dir = os.path.join(work, 'audit')
        mark = max([entry.get('seq', 0) for entry in sim.entries()] or [0])
        audit_env = dict(env, ANSIBLE_CALLBACKS_ENABLED='atria.cortex.atria_audit', ATRIA_AUDIT_REPORT_DIR=report_dir)
        capture_rc([os.path.join(bin_, 'ansible-playbook'), 'playbooks/audit.yml', '--check', '-e',
                    'tenant_vars_file=%s' % definitions], log, audit_env, 0)
        entries = sim.entries(since=mark)
        writes = [entry for entry in entries if entry.get('action') in ('SET', 'DELETE')]
        if not entries:
            raise StageFailed('the check-mode audit sent no request at all')
        if writes:
            raise StageFailed('check mode sent %d write(s): %s' % (len(writes), [(e.get('action'), e.get('path'))
                                                                                 for e in writes]))
        with open(os.path.join(report_dir, 'atria-audit.json'), encoding='utf-8') as handle:
            report = json.load(handle)
        rows = [(row['entity'], row['field'], row['expected']) for row in report['rows']]
        if rows != DRIFTED_FIELDS:
            raise StageFailed('the drift report lists %s, expected %s' % (rows, DRIFTED_FIELDS))
        tenants = sorted(set(row['tenant'] for row in report['rows']))
        if tenants != ['ACME'] or report['summary']['tenants_audited'] != 1 or report['summary']['failures']:
            raise StageFailed('the drift report names tenants %s, summary %s' % (tenants, report['summary']))
        with open(os.path.join(report_dir, 'atria-audit.html'), encoding='utf-8') as handle:
            page = handle.read()
        if ESCAPED not in page or '<Co>' in page:
            raise StageFailed('the HTML report does not show %r escaped' % DRIFTED_FIELDS[0][2])
        with open(log, 'a', encoding='utf-8') as handle:
            handle.write('\nsmoke: %d request(s) in check mode, no write; drift rows %s\n' % (len(entries), rows))


def capture_rc(command, log, env, expect_rc):
    with open(log, 'a', encoding='utf-8') as handle:
        handle.write('\n$ %s\n' % ' '.join(command))
    result = subprocess.run(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, timeout=900, check=False)
    with open(log, 'a', encoding='utf-8') as handle:
        handle.write(result.stdout)
    if result.returncode != expect_rc:
        raise StageFailed('%s %s exited with %d' % (os.path.basename(command[0]), command[1], result.returncode))
    return result.stdout


def stage_e2e(version, log, _shared):
    env = base_env(version)
    run([os.path.join(version.bin, 'python'), '-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests/e2e'], log,
        env=env, timeout=3600)


def runs(version, stage):
    """Whether the matrix runs this stage on this version."""
    if stage == 'sanity':
        return version.sanity
    if stage == 'e2e':
        return version.e2e
    if stage == 'units' and version.venv == MAIN_VENV and not EXPLICIT_VERSIONS:
        # `make units` runs tests/unit in the .venv (2.19) already, in the same `make test`; asked for by name
        # (--versions 2.19, MATRIX_VERSIONS=2.19), the matrix runs it too.
        return False
    return True


EXPLICIT_VERSIONS = []
STAGE_FUNCTIONS = {'sanity': stage_sanity, 'units': stage_units, 'smoke': stage_smoke, 'e2e': stage_e2e}


# --------------------------------------------------------------------------------------------------- main
def fmt(seconds):
    return '%dm%02ds' % (seconds // 60, seconds % 60)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', 1)[0])
    parser.add_argument('--versions', default=os.environ.get('MATRIX_VERSIONS', ''),
                        help='comma-separated cores, e.g. 2.16,2.21 (default: all)')
    parser.add_argument('--stages', default=os.environ.get('MATRIX_STAGES', ''),
                        help='comma-separated stages among %s (default: all)' % ','.join(STAGES))
    options = parser.parse_args(argv)
    wanted = [item for item in options.versions.split(',') if item]
    stages = [item for item in options.stages.split(',') if item] or list(STAGES)
    unknown = [item for item in wanted if item not in [v.core for v in VERSIONS]] + \
        [item for item in stages if item not in STAGES]
    if unknown:
        parser.error('unknown version or stage: %s' % ', '.join(unknown))
    versions = [version for version in VERSIONS if not wanted or version.core in wanted]
    EXPLICIT_VERSIONS[:] = wanted

    problems = check_pins()
    if problems:
        for problem in problems:
            print('matrix: %s' % problem, file=sys.stderr)
        return 1
    os.makedirs(LOG_DIR, exist_ok=True)
    results = []   # (core, full version, python, stage, result, seconds)
    shared = {}
    started = time.monotonic()

    def record(version, stage, result, seconds, full='', detail=''):
        results.append({'core': version.core, 'version': full, 'python': version.python, 'stage': stage,
                        'result': result, 'seconds': round(seconds, 1), 'detail': detail})
        print('matrix: %-5s %-6s %-7s %s%s' % (version.core, stage, result, fmt(seconds),
                                               ('  ' + detail) if detail else ''), flush=True)

    if 'smoke' in stages:
        log = os.path.join(LOG_DIR, 'build.log')
        open(log, 'w').close()
        try:
            shared['tarball'] = build_tarball(log)
        except StageFailed as error:
            print('matrix: building the tarball failed: %s\n%s' % (error, tail(log)), file=sys.stderr)
            return 1

    for version in versions:
        log = os.path.join(LOG_DIR, '%s-venv.log' % version.core)
        open(log, 'w').close()
        begin = time.monotonic()
        try:
            full = prepare(version, log)
        except StageFailed as error:
            missing = 'no working Python' in tail(log)
            result = 'FAILED' if (ci() or not missing) else 'skipped'
            detail = ('Python %s missing%s' % (version.python, ' (CI=true: a failure)' if ci() else '')) if missing \
                else str(error)
            record(version, 'venv', result, time.monotonic() - begin, detail=detail)
            if result == 'FAILED':
                sys.stderr.write(tail(log))
            for stage in stages:
                if runs(version, stage):
                    record(version, stage, result, 0, detail='no venv')
            continue
        record(version, 'venv', 'passed', time.monotonic() - begin, full)
        for stage in stages:
            if not runs(version, stage):
                if stage == 'units' and version.venv == MAIN_VENV:
                    record(version, stage, 'in make units', 0, full)
                continue
            log = os.path.join(LOG_DIR, '%s-%s.log' % (version.core, stage))
            open(log, 'w').close()
            begin = time.monotonic()
            try:
                STAGE_FUNCTIONS[stage](version, log, shared)
            except (StageFailed, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as error:
                record(version, stage, 'FAILED', time.monotonic() - begin, full, '%s (log %s)'
                       % (error, os.path.relpath(log, ROOT)))
                sys.stderr.write(tail(log))
            else:
                record(version, stage, 'passed', time.monotonic() - begin, full)

    total = time.monotonic() - started
    print_table(results, stages, total)
    with open(os.path.join(MATRIX_DIR, 'summary.json'), 'w', encoding='utf-8') as handle:
        json.dump({'results': results, 'seconds': round(total, 1)}, handle, indent=2)
    return 1 if any(item['result'] == 'FAILED' for item in results) else 0


def print_table(results, stages, total):
    columns = ['venv'] + [stage for stage in STAGES if stage in stages]
    by_version = {}
    for item in results:
        by_version.setdefault(item['core'], {})[item['stage']] = item
    print('\nMATRIX SUMMARY (result, time)')
    header = '%-13s %-7s ' % ('ansible-core', 'python') + ' '.join('%-17s' % column for column in columns)
    print(header)
    print('-' * len(header))
    for version in VERSIONS:
        cells = by_version.get(version.core)
        if not cells:
            continue
        full = next((item['version'] for item in cells.values() if item['version']), version.core)
        row = '%-13s %-7s ' % (full, version.python)
        for column in columns:
            item = cells.get(column)
            if item is None:
                cell = '-'
            elif item['result'] in ('passed', 'FAILED', 'skipped'):
                cell = '%s %s' % (item['result'], fmt(item['seconds']))
            else:
                cell = item['result']       # run by another stage of `make test`
            row += '%-17s ' % cell
        print(row.rstrip())
    print('total %s' % fmt(total))


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
