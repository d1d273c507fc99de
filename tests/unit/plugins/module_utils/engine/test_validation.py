# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks before sending: only what the guide states for every deployment (the rest is the server's)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.engine import validation


class Task:
    def __init__(self, **params):
        self.params = params

    def fail(self, msg, **_result):
        raise SystemExit(msg)


@pytest.mark.parametrize('name', ["Dunder & Mifflin, Inc.", "O'Brien (UK) Ltd", 'Ünïcode Ltd.', 'x' * 80])
def test_names_another_deployment_accepts_are_not_refused_client_side(name):
    """Failed before issue 12 item 5: the capture's ^[\\p{L}\\p{N} .-]{1,60}$ was hard-coded."""
    assert validation.not_blank_problem(name) is None


def test_blank_values_and_non_addresses_are_refused_with_every_problem_at_once():
    with pytest.raises(SystemExit) as failed:
        validation.check_options(Task(fullname=' ', contact_email='nobody', name=None), {
            'fullname': validation.not_blank_problem, 'contact_email': validation.email_problem,
            'name': validation.not_blank_problem})
    message = str(failed.value)
    assert message.startswith('Invalid input, nothing was sent:')
    assert "fullname ' ' must not be empty" in message and "contact_email 'nobody' is not an e-mail address" in message


def test_counts_are_not_negative():
    assert validation.non_negative_problem(-1) == 'must be 0 or more'
    assert validation.non_negative_problem(0) is None


def test_sizes_are_at_least_one():
    assert validation.positive_problem(0) == 'must be at least 1'
    assert validation.positive_problem(1) is None
