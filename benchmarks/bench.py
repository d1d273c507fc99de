# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make bench`: what a task costs, in HTTP round-trips and wall time, measured against the simulator.

Round-trips come from the simulator's request log (every HTTP request the collection sent); times are the
task's own duration as ansible-playbook reports it (process start-up excluded). Each figure is the median
of --runs repetitions. The inventory scenario times the whole ansible-inventory process instead (start-up
included) and reports its peak RSS. Results are printed as a table and written to benchmarks/results/latest.json;
the README's performance table is then rewritten from that file (figures.write_readme), so that no figure in it is
typed in. ``--readme-only`` rewrites the README from the results file without measuring anything.

Side by side (uri_baseline.py): each customer and user scenario also runs the way it is written without the
collection, ansible.builtin.uri with templated XML. throughput.py measures the simulator itself (8 clients).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import argparse
import json
import os
import statistics
import sys
import tempfile

from figures import print_table, summarise, write_readme
from loops import loop_side_by_side, write_readme as write_loops_readme
from throughput import simulator_throughput
from uri_baseline import customer_side_by_side, users_side_by_side

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

from tests.e2e.harness import Simulator, link_collection, run_playbook  # noqa: E402  pylint: disable=wrong-import-position
from tests.e2e.inventory_run import run_inventory, write_config  # noqa: E402  pylint: disable=wrong-import-position


class Bench:
    def __init__(self, sim, workdir):
        self.sim = sim
        self.workdir = workdir
        self.counter = 0

    def play(self, name, extra_vars=None):
        """Run one benchmark playbook; return (task seconds, requests logged, reads, writes)."""
        self.counter += 1
        self.sim.hook('log/clear')
        run = run_playbook(self.sim, os.path.join(HERE, 'playbooks', name),
                           os.path.join(self.workdir, 'results-%d.jsonl' % self.counter), extra_vars=extra_vars)
        if run.returncode != 0:
            raise SystemExit('benchmark playbook %s failed:\n%s' % (name, run.output[-4000:]))
        tasks = run.results('Bench:')
        log = self.sim.log()
        writes = [entry for entry in log if entry['action'] in ('SET', 'DELETE')]
        return sum(task['elapsed'] for task in tasks), len(log), len(log) - len(writes), len(writes)

    def run_inventory(self, config):
        """One ansible-inventory --list; return ((wall seconds, requests logged, reads, writes), peak RSS in MB)."""
        self.sim.hook('log/clear')
        run = run_inventory(self.sim.url, config)
        if run.returncode != 0:
            raise SystemExit('benchmark inventory failed:\n%s' % run.describe())
        log = self.sim.log()
        writes = [entry for entry in log if entry['action'] in ('SET', 'DELETE')]
        return (run.seconds, len(log), len(log) - len(writes), len(writes)), run.peak_rss_mb

    def inventory(self, customers, runs):
        """ansible-inventory --list with `customers` customers (wall time and peak RSS of the whole process),
        then the same with a warm jsonfile cache."""
        self.sim.reset()
        self.sim.hook('seed', {'customers': customers, 'parent': 'Gsp'})
        plain = write_config(self.workdir, {}, name='bench_atria.yml')
        cached = write_config(self.workdir, {'cache': True, 'cache_plugin': 'ansible.builtin.jsonfile',
                                             'cache_connection': os.path.join(self.workdir, 'inventory-cache')},
                              name='bench_cached_atria.yml')
        fresh = [self.run_inventory(plain) for _run in range(runs)]
        self.run_inventory(cached)  # fills the cache
        warm = [self.run_inventory(cached) for _run in range(runs)]
        self.sim.reset()
        return {
            '--list': summarise([sample for sample, _rss in fresh]),
            'cached --list': summarise([sample for sample, _rss in warm]),
            'peak MB --list': statistics.median(rss for _sample, rss in fresh),
            'peak MB cached': statistics.median(rss for _sample, rss in warm),
        }

    def dist_groups(self, count, runs):
        """Reading every distribution group of a customer that has count of them (paged GETs)."""
        samples = []
        for _run in range(runs):
            self.sim.reset()
            self.sim.hook('seed', {'distgroups': {'customer': 'OC', 'count': count}})
            samples.append(self.play('dist_groups_read.yml', {'bench_customer': 'OC', 'bench_expected': count}))
        return {'read all': summarise(samples)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--runs', type=int, default=5, help='repetitions of the cheap scenarios (median reported)')
    parser.add_argument('--users', type=int, default=1000, help='users in the bulk/loop/uri comparison')
    parser.add_argument('--user-sample', type=int, default=20,
                        help='users per repetition of the loop and uri-loop per-user figures (the full size runs once)')
    parser.add_argument('--distgroups', type=int, default=2500, help='distribution groups of one customer, read with paging')
    parser.add_argument('--inventory-customers', type=int, default=10000, help='customers in the inventory scenario')
    parser.add_argument('--inventory-runs', type=int, default=5, help='repetitions of the inventory scenario')
    parser.add_argument('--clients', type=int, default=8, help='concurrent clients in the simulator throughput scenario')
    parser.add_argument('--loop-items', type=int, default=100,
                        help='items of the set_fact and in-process atria_user loops (module-path loops: --user-sample)')
    parser.add_argument('--output', default=os.path.join(HERE, 'results', 'latest.json'))
    parser.add_argument('--readme', default=os.path.join(ROOT, 'README.md'), help='whose performance table to rewrite')
    parser.add_argument('--readme-only', action='store_true', help='rewrite the README from --output, measure nothing')
    args = parser.parse_args()
    if args.readme_only:
        with open(args.output, encoding='utf-8') as handle:
            results = json.load(handle)
        write_readme(args.readme, results)
        if 'loops' in results:
            write_loops_readme(args.readme, results['loops'])
        print('%s rewritten from %s' % (os.path.relpath(args.readme, ROOT), os.path.relpath(args.output, ROOT)))
        return

    link_collection()
    with tempfile.TemporaryDirectory() as workdir:
        sim = Simulator(workdir)
        try:
            bench = Bench(sim, workdir)
            results = {
                'customer task': customer_side_by_side(bench, args.runs),
                '%d users' % args.users: users_side_by_side(bench, args.users, args.user_sample, args.runs),
                '%d distribution groups' % args.distgroups: bench.dist_groups(args.distgroups, args.runs),
                'inventory %d' % args.inventory_customers: bench.inventory(args.inventory_customers, args.inventory_runs),
                'simulator, %d clients' % args.clients: simulator_throughput(sim, args.runs, args.clients),
                # Last, as it resets the simulator for itself: loop items on both execution paths (loops.py, issue 14).
                'loops': loop_side_by_side(sim, workdir, args.loop_items, args.user_sample, args.runs),
            }
        finally:
            sim.stop()
    print_table(results)
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, 'w', encoding='utf-8') as handle:
        json.dump(results, handle, indent=2)
    print('written to %s' % os.path.relpath(args.output, ROOT))
    write_readme(args.readme, results)
    write_loops_readme(args.readme, results['loops'])
    print('%s: performance table rewritten' % os.path.relpath(args.readme, ROOT))


if __name__ == '__main__':
    main()
