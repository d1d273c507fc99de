# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The README's performance table is what `make bench` measured: it must equal the table benchmarks/figures.py
writes from benchmarks/results/latest.json, so that a typed-in or stale figure fails here. (The hostile-input limits
the README quotes are checked against the limits the tests enforce in test_hostile_responses.py.)"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import sys

from tests.e2e.harness import ROOT

sys.path.insert(0, os.path.join(ROOT, 'benchmarks'))
import figures  # noqa: E402  pylint: disable=wrong-import-position,import-error

RESULTS = os.path.join(ROOT, 'benchmarks', 'results', 'latest.json')


def test_the_readme_performance_table_is_written_from_the_benchmark_results():
    with open(RESULTS, encoding='utf-8') as handle:
        results = json.load(handle)
    with open(os.path.join(ROOT, 'README.md'), encoding='utf-8') as handle:
        readme = handle.read()
    assert readme.count(figures.README_BEGIN) == 1 and readme.count(figures.README_END) == 1
    between = readme.split(figures.README_BEGIN)[1].split(figures.README_END)[0].strip()
    assert between == figures.readme_table(results).strip(), (
        'README.md differs from benchmarks/results/latest.json: run `make bench` (or benchmarks/bench.py --readme-only)')
