# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Tags the guides spell two ways: a scalar goes out under both spellings, a list gets a fallback spelling."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from lxml import etree

from fakes import element

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.engine.spellings import AlsoSpelt, fallback_of, with_fallback
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.distribution import DIST_GROUP


def test_a_scalar_is_sent_under_both_spellings_and_read_from_either():
    field = AlsoSpelt(f.Field('mail_tip', 'mailtip'), 'mailtoip')
    assert [etree.tostring(item) for item in field.build('Ask us')] == [b'<mailtip>Ask us</mailtip>', b'<mailtoip>Ask us</mailtoip>']
    assert field.read(element('<group><mailtip>A</mailtip></group>')) == 'A'
    assert field.read(element('<group><mailtoip>B</mailtoip></group>')) == 'B'
    assert field.read(element('<group/>')) is None
    # everything else is the wrapped field's: the option, the comparison, the tag messages show
    assert field.option == 'mail_tip' and field.equal('x ', 'x') and field.verify_tag == '<mailtip> or <mailtoip>'


def test_a_boolean_keeps_its_conversion_under_both_spellings():
    field = AlsoSpelt(f.BooleanField('send_moderation_notifications', 'sendmoderationnotifications'), 'sendmoderationnotification')
    assert [item.text for item in field.build(True)] == ['True', 'True']
    assert field.read(element('<g><sendmoderationnotification>false</sendmoderationnotification></g>')) is False


def test_a_wrapped_field_survives_copies():
    field = AlsoSpelt(f.Field('mail_tip', 'mailtip'), 'mailtoip')
    assert copy.deepcopy(field).spellings == ('mailtip', 'mailtoip')


def test_the_distribution_group_spells_every_ambiguous_tag_as_docs_spellings_md_says():
    fields = dict((field.option, field) for field in DIST_GROUP.fields)
    assert fields['mail_tip'].spellings == ('mailtip', 'mailtoip')
    assert fields['group_type'].spellings == ('grouptype', 'groupype')
    assert fields['send_moderation_notifications'].spellings == ('sendmoderationnotifications', 'sendmoderationnotification')
    owners = fields['owners']
    assert owners.item_tag == 'owners' and fallback_of(owners).item_tag == 'owner'
    item = fields['members'].build((['a@x.example'], ['b@x.example']))[0]
    assert [(member.findtext('selected'), member.findtext('enabled')) for member in item] == [('True', 'True'), ('False', 'False')]


def test_with_fallback_marks_the_field():
    first, second = f.Field('x', 'a'), f.Field('x', 'b')
    assert with_fallback(first, second) is first and fallback_of(first) is second and fallback_of(second) is None
