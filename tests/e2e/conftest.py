# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""End-to-end fixtures: one simulator process per session, reset before each test, and a playbook runner."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import tempfile
import time

import pytest

from tests.e2e.harness import PLAYBOOKS, Simulator, link_collection, run_playbook


@pytest.fixture(scope='session')
def simulator():
    link_collection()
    with tempfile.TemporaryDirectory() as workdir:
        sim = Simulator(workdir)
        try:
            yield sim
        finally:
            sim.stop()


@pytest.fixture
def sim(simulator):
    simulator.reset()
    return simulator


@pytest.fixture
def playbook(sim, tmp_path):
    """playbook(name, extra_vars=None, check=False, diff=False, verbosity=0, env=None) -> PlaybookRun."""

    def run(name, **options):
        results_file = str(tmp_path / ('results-%d.jsonl' % time.monotonic_ns()))
        return run_playbook(sim, os.path.join(PLAYBOOKS, name), results_file, **options)

    return run
