# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a loop item costs (issue 14): atria_user loops on both execution paths beside Ansible's own floor.

In one run, against one simulator: a set_fact loop (an in-process action: the floor), the uri loop (a module
execution per item, what users write without the collection), and atria_user loops that change nothing (no-op)
or one field per item, in-process (the action plugin's default on the controller) and on the module path
(ATRIA_CORTEX_EXECUTION=module). Also one single task and one bulk ``users:`` task on both paths.

A loop item's cost is the median gap between consecutive items' ends (benchmarks/callback_plugins/loop_items.py
records them); the first item is reported on its own: from the task's start to its end, it carries the worker's
start and, in-process, the imports and the HTTP connection. Every figure is the median of ``runs`` repetitions.
``python benchmarks/loops.py`` runs this part alone and rewrites the README's loop table; bench.py includes it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import argparse
import json
import os
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from tests.e2e.harness import HERE as E2E, Simulator, link_collection, run_playbook  # noqa: E402  pylint: disable=wrong-import-position

PLAYBOOKS = os.path.join(HERE, 'playbooks')
PATHS = (('in-process', 'auto'), ('module path', 'module'))


def _users(count, first_name='User'):
    return [{'name': 'loop%04d' % number, 'first_name': '%s%d' % (first_name, number)} for number in range(count)]


class LoopBench:
    def __init__(self, sim, workdir):
        self.sim = sim
        self.workdir = workdir
        self.counter = 0

    def play(self, name, users, execution='auto'):
        """Run a playbook; return the loop_items entry of its "Bench:" task."""
        self.counter += 1
        items_file = os.path.join(self.workdir, 'items-%d.jsonl' % self.counter)
        env = {'ATRIA_CORTEX_EXECUTION': execution, 'LOOP_ITEMS_FILE': items_file,
               'ANSIBLE_CALLBACK_PLUGINS': os.pathsep.join([os.path.join(E2E, 'callback_plugins'), os.path.join(HERE, 'callback_plugins')]),
               'ANSIBLE_CALLBACKS_ENABLED': 'task_results,loop_items'}
        run = run_playbook(self.sim, os.path.join(PLAYBOOKS, name), os.path.join(self.workdir, 'results-%d.jsonl' % self.counter),
                           extra_vars={'bench_users': users}, env=env)
        if run.returncode != 0:
            raise SystemExit('benchmark playbook %s failed:\n%s' % (name, run.output[-4000:]))
        with open(items_file, encoding='utf-8') as handle:
            tasks = [json.loads(line) for line in handle if line.strip()]
        return [task for task in tasks if task['task'].startswith('Bench:')][0]

    def fresh_users(self, users):
        self.sim.reset()
        self.play('customer.yml', [])
        self.play('users_bulk.yml', users)


def _loop_figures(samples):
    """Per-item (steady) and first-item milliseconds, medians over the samples (one loop_items entry each)."""
    steady = [statistics.median(b - a for a, b in zip(sample['items'], sample['items'][1:])) for sample in samples]
    first = [sample['items'][0] for sample in samples]
    per_item = statistics.median(steady)
    return {'per item ms': round(per_item * 1000, 1), 'first item ms': round(statistics.median(first) * 1000, 1),
            'items': len(samples[0]['items']), 'runs': len(samples)}


def loop_side_by_side(sim, workdir, count=100, module_count=20, runs=3, bulk=1000):
    """The whole comparison (see the module docstring); a dict of scenario -> figures."""
    bench = LoopBench(sim, workdir)
    samples = {}

    def sample(label, *play):
        samples.setdefault(label, []).append(bench.play(*play))

    for run in range(runs):
        users = _users(count)
        sample('set_fact loop', 'loop_set_fact.yml', users)
        bench.fresh_users(users)
        sample('uri loop (one GET per item)', 'uri_users_loop.yml', users[:module_count])
        for label, execution in PATHS:
            loop_users = users if execution == 'auto' else users[:module_count]
            sample('atria_user no-op loop, %s' % label, 'users_loop.yml', loop_users, execution)
            changed = _users(len(loop_users), first_name='Run%d-%s-' % (run, execution))
            sample('atria_user one-field-change loop, %s' % label, 'users_loop.yml', changed, execution)
            sample('single atria_user task (no-op), %s' % label, 'single_user.yml', changed, execution)
        bulk_users = _users(bulk)
        for label, execution in PATHS:
            sample('bulk users: %d (no-op), %s' % (bulk, label), 'users_bulk.yml', bulk_users, execution)
    results = {}
    for label, entries in samples.items():
        if entries[0]['items']:
            results[label] = _loop_figures(entries)
        else:
            results[label] = {'task ms': round(statistics.median(entry['elapsed'] for entry in entries) * 1000, 1),
                              'runs': len(entries)}
    floor = results['set_fact loop']['per item ms']
    for label in list(results):
        if 'per item ms' in results[label] and label != 'set_fact loop':
            results[label]['x set_fact'] = round(results[label]['per item ms'] / floor, 1) if floor else None
    for label, _execution in PATHS:
        results['first item extra ms, no-op loop, %s' % label] = round(
            results['atria_user no-op loop, %s' % label]['first item ms'] - results['set_fact loop']['first item ms'], 1)
    return results


README_BEGIN = '<!-- loops:begin: written by benchmarks/loops.py (make bench) from its results; edit loops.py, not this -->'
README_END = '<!-- loops:end -->'
ROWS = (
    ('`ansible.builtin.set_fact` (Ansible\'s own floor)', 'set_fact loop'),
    ('`atria_user`, nothing to change, in-process', 'atria_user no-op loop, in-process'),
    ('`atria_user`, one field changed, in-process', 'atria_user one-field-change loop, in-process'),
    ('`atria_user`, nothing to change, module path', 'atria_user no-op loop, module path'),
    ('`atria_user`, one field changed, module path', 'atria_user one-field-change loop, module path'),
    ('`ansible.builtin.uri`, one GET per item', 'uri loop (one GET per item)'),
)


def readme_table(results):
    """The README's loop table (markdown) from loop_side_by_side()'s results."""
    lines = ['| loop of | per item | first item | per item, x set_fact |', '|---|---|---|---|']
    for label, key in ROWS:
        figures = results[key]
        lines.append('| %s (%d items) | %s ms | %s ms | %s |' % (
            label, figures['items'], figures['per item ms'], figures['first item ms'], figures.get('x set_fact', 1)))
    single = [results['single atria_user task (no-op), %s' % label]['task ms'] for label, _execution in PATHS]
    bulk = [key for key in results if key.startswith('bulk users:') and key.endswith(PATHS[0][0])][0]
    bulk_figures = [results[bulk.replace(PATHS[0][0], label)]['task ms'] for label, _execution in PATHS]
    lines.append('')
    lines.append('The first item of an in-process loop costs %s ms more than the first `set_fact` item (the imports of '
                 'requests and lxml, the HTTP connection); on the module path every item pays a module execution. '
                 'A single `atria_user` task: %s ms in-process, %s ms on the module path. One bulk `users:` task of '
                 '%s users that changes nothing: %s ms in-process, %s ms on the module path.' % (
                     results['first item extra ms, no-op loop, in-process'], single[0], single[1],
                     bulk.split()[2], bulk_figures[0], bulk_figures[1]))
    return '\n'.join(lines)


def write_readme(path, results):
    """Replace what stands between the README's loop markers with the table; the markers must be there."""
    with open(path, encoding='utf-8') as handle:
        text = handle.read()
    begin, end = text.index(README_BEGIN) + len(README_BEGIN), text.index(README_END)
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write(text[:begin] + '\n' + readme_table(results) + '\n' + text[end:])


def print_loops(results):
    for label, figures in results.items():
        if isinstance(figures, dict):
            print('%-58s %s' % (label, ', '.join('%s %s' % (key, value) for key, value in figures.items())))
        else:
            print('%-58s %s' % (label, figures))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--items', type=int, default=100, help='items of the set_fact and in-process loops')
    parser.add_argument('--module-items', type=int, default=20, help='items of the module-path and uri loops (~0.4 s each)')
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--bulk', type=int, default=1000, help='users of the bulk task')
    parser.add_argument('--readme', default=os.path.join(ROOT, 'README.md'), help='whose loop table to rewrite')
    parser.add_argument('--results', help='rewrite the README from this JSON (a previous run\'s output) without measuring')
    args = parser.parse_args()
    if args.results:
        with open(args.results, encoding='utf-8') as handle:
            write_readme(args.readme, json.load(handle))
        return
    link_collection()
    with tempfile.TemporaryDirectory() as workdir:
        sim = Simulator(workdir)
        try:
            results = loop_side_by_side(sim, workdir, args.items, args.module_items, args.runs, args.bulk)
        finally:
            sim.stop()
    print_loops(results)
    print(json.dumps(results))
    write_readme(args.readme, results)


if __name__ == '__main__':
    main()
