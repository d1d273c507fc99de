# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fault matrix: every writing module (one case each in module_cases.py, two for atria_customer and atria_user)
x 6 transport faults x 3 scenarios (transient on the first write, transient on the first read, on every write)
x create / update / delete.

Not the full grid: ``narrowed()`` leaves out the first-read scenario of updates and deletions (a read is retried
the same way whatever write follows it; creation covers it) and the timeout cells of the first read and of updates
(each costs the 1 s timeout; a timed-out read is retried like a dropped one, an update is sent and re-read like a
creation). A module that removes nothing has no deletion. ``cells()`` generates only what runs; the ids name each.

What must hold in every cell, judged by the simulator's state and request log, not by the module's own result:
- the faulty run converges, or fails with a message that names what went wrong and what to do;
- the server carried out at most one state-changing write;
- when the answer was lost (dropped after the work, truncated, timed out), every SET/DELETE that reached the server
  is counted, changed or not: one in all (a re-read shows the work done), or after a timeout a re-send that
  only follows a read;
- the values the task asked for are what the simulator stores (the update's changed field included);
- with the fault gone, one run converges and the next is a no-op that only reads;
- the simulator holds exactly one of each entity (none after a deletion): never a duplicate, never a loss.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
import time

import pytest

from tests.reliability.inprocess import PATHS, connection, default_path, run_module, writing_modules
from tests.reliability.module_cases import CASES, modules_covered

WRITES = ('SET', 'DELETE')
READS = ('GET', 'FIND')
# Every operation of every case sends exactly one SET or DELETE when nothing goes wrong (module_cases.py): with a
# lost answer that one write is re-read, never simply sent again.
WRITES_PER_OPERATION = 1
LATENCY = 1.1       # > the 1 s timeout the timeout cells give the module
RETRIES = 2


class Fault:
    """``settings`` for /_sim/faults. ``lost_answer``: the server does the work and the answer is lost, so a write
    hit every time must still converge (re-read shows it done). ``message``: what a failure must say."""

    def __init__(self, kind, settings, lost_answer, message, late_work=False):
        self.kind = kind
        self.settings = settings
        self.lost_answer = lost_answer
        self.message = message
        # late_work: the server may still be working on a request the client gave up on (a timeout), so a re-sent
        # SET can overtake it and both change something (a password set twice): only duplicates are forbidden.
        self.late_work = late_work

    def __repr__(self):
        return self.kind


# A clear message names the cause (status, first line of the page, the network failure) and says what to do.
FAULTS = [
    Fault('http500', {'http500_rate': 1.0}, False,
          r"HTTP 500, gave up after \d attempts\): .*busy.*Read the server message"),
    Fault('timeout', {'latency': LATENCY}, True, r'No answer from .* within 1 seconds .*Raise timeout', late_work=True),
    Fault('dropped connection', {'drop_rate': 1.0}, False,
          r'Connection to .* failed: .*gave up after \d attempts.*Running the task again is safe'),
    Fault('lost answer', {'drop_after_rate': 1.0}, True, r'Connection to .* failed'),
    Fault('truncated body', {'truncate_rate': 1.0}, True, r'not a CortexAPI XML answer'),
    Fault('html error page', {'html_rate': 1.0, 'html_status': 503}, False,
          r'HTTP 503 from .*: Service Unavailable \(gave up after \d attempts\).*retry later'),
]

# (name, extra fault settings, whether the module must converge in the faulty run itself)
SCENARIOS = [
    ('first write', {'only_actions': ['SET', 'DELETE'], 'max_faults': 1}, True),
    ('first read', {'only_actions': ['GET', 'FIND'], 'max_faults': 1}, True),
    ('every write', {'only_actions': ['SET', 'DELETE']}, None),     # None: the fault decides (lost_answer)
]


def narrowed(fault, scenario, operation):
    """Cells left out to keep the suite fast, and why they add nothing (None: the cell runs)."""
    if scenario == 'first read' and operation != 'create':
        return 'reads are retried by the client the same way whatever follows them (create covers it)'
    if fault.kind == 'timeout' and scenario == 'first read':
        return 'a timed-out read is retried like a dropped one (covered); timeouts cost a second each'
    if fault.kind == 'timeout' and operation == 'update':
        return 'an update is sent and verified like a creation (covered); timeouts cost a second each'
    return None


def writes(log):
    return [entry for entry in log if entry['action'] in WRITES]


def state_changing_writes(log):
    return [entry for entry in log if entry['action'] in WRITES and entry['changed']]


def by_start(log):
    return sorted(log, key=lambda entry: (entry['start'], entry['seq']))


def describe(log):
    return ['%s %s%s @%.3f-%.3f' % (entry['action'], entry['path'], ' (%s)' % entry['fault'] if entry['fault'] else '',
                                    entry['start'], entry['end']) for entry in by_start(log)]


def assert_no_write_resent_unread(log, fault):
    """Every SET/DELETE the server received, from its own log, whether it changed anything or not (a repeated
    identical SET changes nothing in the simulator, so counting changes alone cannot see a re-sent write).

    The server did the work before the answer was lost (drop_after, truncate): the re-read shows it done, so the
    one write is all that may arrive. After a timeout the server may still be sleeping on the first request when the
    re-read comes, so a second write is allowed, but only after a read that started once the earlier write had.
    """
    sent = by_start(writes(log))
    if fault.late_work:
        assert WRITES_PER_OPERATION <= len(sent) <= (RETRIES + 1) * WRITES_PER_OPERATION, describe(log)
    else:
        assert len(sent) == WRITES_PER_OPERATION, 'a write whose answer was lost was sent again: %s' % describe(log)
    for earlier, later in zip(sent, sent[1:]):
        reread = [entry for entry in log if entry['action'] in READS and earlier['start'] < entry['start'] < later['start']]
        assert reread, 'a write was sent again without reading first: %s' % describe(log)


def assert_values_written(sim, case, operation):
    """The written values, as the simulator stores them; the update's changed field included."""
    if operation in case.expected:
        assert case.stored(sim.state()) == case.expected[operation], 'values in /_sim/state after the %s' % operation


def run(sim, case, options, trace=False, path=None, **connection_options):
    return run_module(case.module, dict(connection(sim.url, **connection_options), trace=trace, **options), path=path)


def wait_for_late_work(sim, result):
    """Wait until the server has finished every write the client sent, the ones it gave up on included: those
    still sleep in the simulator's latency when the module returns. The module's own trace counts what was sent."""
    sent = len([record for record in result.get('trace', []) if record['action'] in WRITES])
    deadline = time.monotonic() + LATENCY + 5
    while len(writes(sim.log())) < sent and time.monotonic() < deadline:
        time.sleep(0.05)


def options_for(case, operation):
    return getattr(case, operation)


def prepare(sim, case, operation):
    """Everything the case needs before the faulty run; for an update or a deletion, the entity itself."""
    for module, options in case.setup:
        result = run_module(module, dict(connection(sim.url), **options))
        assert not result.get('failed'), result.get('msg')
    if operation != 'create':
        result = run(sim, case, case.create)
        assert not result.get('failed'), result.get('msg')
    sim.hook('log/clear')


def assert_clean_convergence(sim, case, operation, expect_change):
    """With the fault gone: converge (changed only if the faulty run did not), then a read-only no-op; the simulator
    holds the entity once (none after a deletion) with the values the task asked for."""
    options = options_for(case, operation)
    expected_count = 0 if operation == 'delete' else 1
    sim.hook('faults', {})
    sim.hook('log/clear')
    clean = run(sim, case, options)
    assert not clean.get('failed'), clean.get('msg')
    assert clean['changed'] is expect_change, clean
    sim.hook('log/clear')
    again = run(sim, case, options)
    assert not again.get('failed') and not again['changed'], again
    assert writes(sim.log()) == [], 'the second clean run wrote: %s' % writes(sim.log())
    counts = case.identities(sim.state())
    assert set(counts.values()) == {expected_count}, 'duplicates or losses in the simulator state: %s' % counts
    assert_values_written(sim, case, operation)


def test_every_writing_module_has_a_case():
    missing = sorted(set(writing_modules()) - modules_covered())
    assert not missing, ('add an entry for %s to tests/reliability/module_cases.py (task options that create and '
                         'update): every writing module must pass the fault matrix' % ', '.join(missing))


def on_both_paths(scenario, operation):
    """The cells that run on the other execution path too (the whole grid runs on the default one, in-process
    unless ATRIA_CORTEX_EXECUTION=module; tests/reliability/inprocess.py): every case and fault, the hardest scenario
    (every write faulty) on creation. The client, engine and retries are the same code on both paths; what differs
    is the task around them (validation, failure and result handling), which these cells exercise with every kind
    of failure and lost answer. The whole grid twice would double the suite's time."""
    return scenario == 'every write' and operation == 'create'


def cells():
    """Every (path, case, fault, scenario, operation) that runs: the narrowed ones and operations a module does not
    have (a module that removes nothing has no deletion) are left out here rather than skipped at run time."""
    for case in CASES:
        for fault in FAULTS:
            for scenario in SCENARIOS:
                for operation in ('create', 'update', 'delete'):
                    if narrowed(fault, scenario[0], operation) is None and options_for(case, operation) is not None:
                        for path in PATHS if on_both_paths(scenario[0], operation) else (default_path(),):
                            yield pytest.param(path, case, fault, scenario, operation,
                                               id='%s-%r-%r-%s-%s' % (path, case, fault, scenario[0], operation))


@pytest.mark.parametrize('path, case, fault, scenario, operation', list(cells()))
def test_fault_converges_or_fails_clearly_and_never_duplicates(sim, path, case, fault, scenario, operation):
    _name, extra, must_converge = scenario
    if must_converge is None:
        must_converge = fault.lost_answer
    options = options_for(case, operation)
    prepare(sim, case, operation)
    sim.hook('faults', dict(fault.settings, **extra))
    timeout = 1 if fault.kind == 'timeout' else 10
    result = run(sim, case, options, trace=True, retries=RETRIES, timeout=timeout, path=path)
    if fault.late_work:
        wait_for_late_work(sim, result)     # before the state is judged
    log = sim.log()
    assert any(entry['fault'] for entry in log), 'the fault was never injected: %s' % log

    if must_converge:
        assert not result.get('failed'), result.get('msg')
        assert result['changed'], result
    else:
        assert result.get('failed'), 'the server never did the work, yet the module reported success: %s' % result
        assert re.search(fault.message, result['msg'], re.S), result['msg']
    if not fault.late_work:
        # A lost answer is re-read, not re-sent: the server changed state with one write at most.
        assert len(state_changing_writes(log)) <= 1, describe(log)
    if fault.lost_answer:
        assert_no_write_resent_unread(log, fault)
    if must_converge:
        assert_values_written(sim, case, operation)
    assert_clean_convergence(sim, case, operation, expect_change=bool(result.get('failed')))


@pytest.mark.parametrize('path', PATHS)
@pytest.mark.parametrize('case', CASES, ids=repr)
def test_credentials_refused_mid_run_fail_clearly_and_are_not_retried(sim, case, path):
    prepare(sim, case, 'create')
    sim.hook('faults', {'unauthorized_after': 1})      # the first request passes, every later one answers 401
    result = run(sim, case, case.create, retries=RETRIES, path=path)
    assert result.get('failed'), result
    assert re.search(r'error 11 \(NotAuthenticated\).*admin_Gsp.*Check api_username and api_password', result['msg']), result['msg']
    refused = [entry for entry in sim.log() if entry['fault'] == 'unauthorized']
    assert len(refused) == 1, 'a 401 must never be retried: %s' % refused
    assert_clean_convergence(sim, case, 'create', expect_change=True)
