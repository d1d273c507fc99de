# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reliability suite fixtures: one simulator process for the session (statuses final at once), reset per test."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import tempfile
import time

import pytest

from tests.e2e.harness import Simulator, link_collection, run_playbook


@pytest.fixture(scope='session')
def simulator():
    link_collection()
    with tempfile.TemporaryDirectory() as workdir:
        # provisioning delay 0: a re-run sees final statuses, so "no-op" means exactly reads and nothing else
        sim = Simulator(workdir, extra_args=['--provisioning-delay', '0'])
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
    """playbook(path, **run_playbook options) -> PlaybookRun, against the reset simulator."""

    def run(path, **options):
        results_file = str(tmp_path / ('results-%d.jsonl' % time.monotonic_ns()))
        return run_playbook(sim, os.path.join(os.path.dirname(__file__), 'playbooks', path), results_file, **options)

    return run
