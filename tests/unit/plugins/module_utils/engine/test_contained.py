# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Values inside a shared container: read from it under either spelling, sent under every spelling, one container
per write (Plan.children), refused before sending when a number is negative."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import InvalidValueError
from ansible_collections.atria.cortex.plugins.module_utils.engine.contained import Contained, ContainedFlag, ContainedLimit, ContainedNumber
from ansible_collections.atria.cortex.plugins.module_utils.engine.fields import Change
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Plan

from fakes import element

FLAG = ContainedFlag('flag', 'password', 'changeatnextlogon', 'changeatnextlogin')
NUMBER = ContainedNumber('length', 'password', 'minimumlength')


@pytest.mark.parametrize('tag', ['changeatnextlogon', 'changeatnextlogin'])
def test_a_value_is_read_under_either_spelling(tag):
    assert FLAG.read(element('<user><password><%s>True</%s></password></user>' % (tag, tag))) is True


def test_absent_container_or_value_reads_as_not_said():
    assert FLAG.read(element('<user/>')) is None
    assert NUMBER.read(element('<customer><password/></customer>')) is None
    assert Contained('text', 'box', 'value').read(element('<x><box><value>a</value></box></x>')) == 'a'


def test_values_of_one_write_travel_in_one_container_under_every_spelling():
    plan = Plan('update', [(FLAG, Change(True, send=False)), (NUMBER, Change(True, send=9))])
    box, = plan.children(None)
    assert [(child.tag, child.text) for child in box] == [
        ('changeatnextlogon', 'False'), ('changeatnextlogin', 'False'), ('minimumlength', '9')]
    assert FLAG.verify_tag == '<password><changeatnextlogon> or <password><changeatnextlogin>'


def test_numbers_compare_as_numbers_and_negative_ones_are_refused():
    assert not NUMBER.compare(7, NUMBER.normalize('7'), {}, creating=False).changed
    with pytest.raises(InvalidValueError):
        NUMBER.normalize(-1)


LIMIT = ContainedLimit('storage', 'publicfolder', 'storagelimit')


def test_a_contained_limit_is_a_number_or_unlimited_in_any_case():
    assert LIMIT.read(element('<service><publicfolder><storagelimit>Unlimited</storagelimit></publicfolder></service>')) == 'Unlimited'
    assert LIMIT.read(element('<service><publicfolder><storagelimit>500</storagelimit></publicfolder></service>')) == 500
    assert LIMIT.normalize('unlimited') == 'Unlimited' and LIMIT.normalize('25') == 25
    assert LIMIT.compare(500, 500, {}, creating=False).changed is False
    (box,) = LIMIT.build('Unlimited')
    assert (box.tag, box.findtext('storagelimit')) == ('publicfolder', 'Unlimited')
    with pytest.raises(InvalidValueError):
        LIMIT.normalize(-1)
