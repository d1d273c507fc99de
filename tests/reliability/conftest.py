# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reliability suite fixtures: one simulator process for the session (statuses final at once), reset per test."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import pytest

from tests.e2e.harness import playbook_runner, simulator_process


@pytest.fixture(scope='session')
def simulator():
    # provisioning delay 0: a re-run sees final statuses, so "no-op" means exactly reads and nothing else
    yield from simulator_process(['--provisioning-delay', '0'])


@pytest.fixture
def sim(simulator):
    simulator.reset()
    return simulator


@pytest.fixture
def playbook(sim, tmp_path):
    """playbook(path, **run_playbook options) -> PlaybookRun, against the reset simulator."""
    return playbook_runner(sim, tmp_path, os.path.join(os.path.dirname(__file__), 'playbooks'))
