# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Knowing the release: GET <global/> once per task, CPSM 10 told from the rest, features gated before a write."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from fakes import element

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import api_error
from ansible_collections.atria.cortex.plugins.module_utils.api.release import ReleaseTooOld, known_release, parse_global, release_of


def global_answer(api):
    return element('<response version="1.0"><global><version><api>%s</api><database>%s</database></version></global>'
                   '</response>' % (api, api))


class Client:
    def __init__(self, answer, memo=True):
        self.answer = answer
        self.gets = 0
        if memo:
            self.memo = {}

    def get(self, request, **_kwargs):
        self.gets += 1
        assert request.tag == "global"
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


@pytest.mark.parametrize('memo', [True, False])
def test_the_release_is_read_once_per_task(memo):
    client = Client(global_answer('11.0.0.0'), memo=memo)
    assert known_release(client) is None
    first = release_of(client)
    assert release_of(client) is first and client.gets == 1
    assert known_release(client) is first


def test_the_version_tells_cpsm10_from_the_rest_but_not_cpsm11_from_atria12():
    assert parse_global(global_answer('10.0.0.0')).is_cpsm10
    # The Atria guide's own <global> sample answers 11.0.0.0, like CPSM 11's.
    assert not parse_global(global_answer('11.0.0.0')).is_cpsm10
    assert not parse_global(global_answer('12.1.0.0')).is_cpsm10


def test_a_server_without_global_is_taken_for_cpsm10():
    release = parse_global(element('<response version="1.0" />'))
    assert release.is_cpsm10 and 'does not answer GET <global/>' in release.describe()


def test_an_error_answer_leaves_the_release_unknown_and_gates_nothing():
    release = release_of(Client(api_error(5, 'Invalid action')))
    assert not release.known
    release.require('distribution_groups', 'atria_dist_group')


def test_a_feature_cpsm10_lacks_is_refused_with_the_release_in_the_message():
    release = parse_global(global_answer('10.0.0.0'))
    with pytest.raises(ReleaseTooOld) as raised:
        release.require('distribution_groups', "Distribution group 'Sales' of customer 'TC'")
    message = str(raised.value)
    assert 'needs CPSM 11 or Atria 12' in message and 'the server reports 10.0.0.0' in message
    assert 'Nothing was sent' in message
    parse_global(global_answer('11.0.0.0')).require('approval', 'x')


def test_unknown_features_are_a_programming_error():
    with pytest.raises(KeyError):
        parse_global(global_answer('10.0.0.0')).lacks('teleportation')


@pytest.mark.parametrize('code', [11, 12])
def test_refused_credentials_fail_the_task_at_once(code):
    """A 401 is never answered twice: the write after an unknown release would be refused the same way."""
    with pytest.raises(Exception) as raised:
        release_of(Client(api_error(code, 'refused')))
    assert raised.value.code == code
