# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The benchmark table's figures: medians of samples, and the table itself."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import statistics


def summarise(samples, per=1):
    """Medians of (seconds, requests, reads, writes) samples; ``per`` divides them (per-user figures)."""
    figures = {
        'seconds': statistics.median(sample[0] for sample in samples) / float(per),
        'requests': statistics.median(sample[1] for sample in samples) / float(per),
        'reads': statistics.median(sample[2] for sample in samples) / float(per),
        'writes': statistics.median(sample[3] for sample in samples) / float(per),
        'runs': len(samples),
    }
    for key in ('seconds', 'requests', 'reads', 'writes'):
        figures[key] = round(figures[key], 4 if per != 1 else 3)
    return figures


def print_table(results):
    """One line per scenario: the task figures, a throughput, or a single value (a ratio, a size)."""
    print('%-52s %9s %9s %7s %7s %5s' % ('scenario', 'seconds', 'requests', 'reads', 'writes', 'runs'))
    for group, scenarios in results.items():
        for scenario, figures in scenarios.items():
            label = '%s: %s' % (group, scenario)
            if isinstance(figures, dict) and 'seconds' in figures:
                row = (label, figures['seconds'], figures['requests'], figures['reads'], figures['writes'], figures['runs'])
                print('%-52s %9.3f %9g %7g %7g %5d' % row)
            elif isinstance(figures, dict):
                print('%-52s %s' % (label, ', '.join('%s %s' % (key, value) for key, value in figures.items())))
            else:
                print('%-52s %9s' % (label, figures))


# ---------------------------------------------------------------- the README's table, written from the results

README_BEGIN = '<!-- bench:begin: written by `make bench` from benchmarks/results/latest.json; edit figures.py, not this -->'
README_END = '<!-- bench:end -->'


def _group(results, prefix):
    """The result group whose name starts with prefix ('users' matches '1000 users'), and the number in its name."""
    for name, scenarios in results.items():
        words = name.split()
        if prefix in words:
            count = next((int(word) for word in words if word.isdigit()), None)
            return scenarios, count
    raise KeyError('no result group for %r in %s' % (prefix, sorted(results)))


def _plural(number, noun):
    return '%s %s%s' % (_number(number), noun, '' if number == 1 else 's')


def _number(value):
    return '{:,}'.format(int(value)) if float(value).is_integer() else '%g' % value


def _times(ratio):
    """A speed-up as people say it: 107, 1,082; one decimal below 10 (1.6)."""
    return _number(round(ratio)) if ratio >= 10 else '%.1f' % ratio


def _seconds(value):
    return '%.2f s' % value if value < 10 else '%.0f s' % value


def _task(figures, bold=False):
    """'3 requests (2 reads, 1 write), 0.68 s' from one summarise() result."""
    requests = _plural(figures['requests'], 'request')
    if bold:
        requests = '**%s**' % requests
    return '%s (%s, %s), %s' % (requests, _plural(figures['reads'], 'read'), _plural(figures['writes'], 'write'),
                                _seconds(figures['seconds']))


def _per_user(figures):
    return '%s per user, %s per user' % (_plural(figures['requests'], 'request'), _seconds(figures['seconds']))


def _find(scenarios, start):
    return next(figures for name, figures in scenarios.items() if name.startswith(start))


def readme_table(results):
    """The Markdown table and the sentences under it, every figure taken from ``results`` (bench.py's JSON)."""
    customer, _count = _group(results, 'customer')
    users, count = _group(results, 'users')
    groups, group_count = _group(results, 'distribution')
    inventory, customers = _group(results, 'inventory')
    simulator, clients = _group(results, 'clients')
    rows = [
        ('customer, identical re-run (no-op)', _task(customer['no-op'], bold=True), _task(customer['uri no-op'])),
        ('customer, create', _task(customer['create']), _task(customer['uri create'])),
        ('customer, one field changed', _task(customer['update']), _task(customer['uri update'])),
        ('%s users of one customer, create' % _number(count),
         'one task: %s; a loop of `atria_user`: %s' % (_task(users['bulk create'], bold=True),
                                                       _task(_find(users, 'loop create (all'))),
         'a loop: %s' % _task(_find(users, 'uri loop create (all'))),
        ('%s users, identical re-run' % _number(count),
         'one task: %s; a loop: %s' % (_task(users['bulk no-op']), _per_user(_find(users, 'loop no-op, per user'))),
         'a loop: %s' % _per_user(_find(users, 'uri loop no-op, per user'))),
        ('%s distribution groups, read' % _number(group_count), _task(groups['read all']), ''),
        ('inventory of %s customers' % _number(customers),
         '%s, %s for the whole `ansible-inventory --list`, %s MB peak; cached: %s' % (
             _plural(inventory['--list']['requests'], 'request'), _seconds(inventory['--list']['seconds']),
             _number(round(inventory['peak MB --list'])), _plural(inventory['cached --list']['requests'], 'request')), ''),
    ]
    lines = ['| scenario | atria.cortex | `ansible.builtin.uri` |', '|---|---|---|']
    lines += ['| %s | %s | %s |' % row for row in rows]
    read = _find(simulator, 'read')
    write = _find(simulator, 'write')
    per_user_sample = next(name for name in users if name.startswith('loop no-op, per user'))
    lines += [
        '',
        'Creating %s users in one bulk task is **%s times faster** than a loop of `atria_user` tasks and **%s times '
        'faster** than the `uri` loop; a loop of `atria_user` is %s times faster than the `uri` loop it replaces. '
        'The loops of %s tasks run once at full size; their per-user no-op figures come from %d runs of %s. The '
        'simulator itself answers %s reads/s and %s writes/s with %d concurrent clients, far above what these '
        'scenarios ask of it.' % (
            _number(count), _times(users['loop/bulk create time']), _times(users['uri loop/bulk create time']),
            _times(users['uri loop/loop create time']), _number(count), _find(users, 'loop no-op, per user')['runs'],
            per_user_sample[per_user_sample.index('(') + 1:-1], _number(round(read['requests/s'])),
            _number(round(write['requests/s'])), clients),
    ]
    lines += _loop_table(results.get('loops'))
    return '\n'.join(lines)


def _loop_table(loops):
    """What one loop item costs (benchmarks/loops.py), beside Ansible's own floor (a set_fact loop)."""
    if not loops:
        return []
    lines = ['', '| loop (benchmarks/loops.py) | per item | first item | vs `set_fact` |', '|---|---|---|---|']
    for label, figures in loops.items():
        if isinstance(figures, dict) and 'per item ms' in figures:
            ratio = figures.get('x set_fact')
            lines.append('| %s, %d items | %s ms | %s ms | %s |' % (
                label, figures['items'], _number(figures['per item ms']), _number(figures['first item ms']),
                '%s times' % _times(ratio) if ratio else 'the floor'))
        elif isinstance(figures, dict) and 'task ms' in figures:
            lines.append('| %s | %s ms (the whole task) | | |' % (label, _number(figures['task ms'])))
    return lines


def write_readme(readme_path, results):
    """Replace what stands between README_BEGIN and README_END with readme_table(results)."""
    with open(readme_path, encoding='utf-8') as handle:
        text = handle.read()
    if text.count(README_BEGIN) != 1 or text.count(README_END) != 1:
        raise SystemExit('%s must hold the markers %s and %s once each' % (readme_path, README_BEGIN, README_END))
    head, rest = text.split(README_BEGIN)
    _old, tail = rest.split(README_END)
    with open(readme_path, 'w', encoding='utf-8') as handle:
        handle.write(head + README_BEGIN + '\n' + readme_table(results) + '\n' + README_END + tail)
