# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""End-to-end fixtures: one simulator process per session, reset before each test, and a playbook runner."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from tests.e2e.harness import PLAYBOOKS, playbook_runner, simulator_process


@pytest.fixture(scope='session')
def simulator():
    yield from simulator_process()


@pytest.fixture
def sim(simulator):
    simulator.reset()
    return simulator


@pytest.fixture
def playbook(sim, tmp_path):
    """playbook(name, extra_vars=None, check=False, diff=False, verbosity=0, env=None) -> PlaybookRun."""
    return playbook_runner(sim, tmp_path, PLAYBOOKS)
