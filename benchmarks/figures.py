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
