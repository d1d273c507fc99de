# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""docs/spellings.md, row by row: with the simulator reading only one spelling of a tag (POST /_sim/config
{"spellings": {KEY: SPELLING}}), each task converges - whichever spelling the server reads - and a re-run is a
no-op. Each test fails without the strategy its row names (sent under both spellings, or the fallback)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from tests.reliability.inprocess import connection, run_module, writing_modules
from ansible_collections.atria.cortex.plugins.module_utils.entities.approval.responses import APPROVAL_SUBSCRIPTION
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.contact import CONTACT
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.distribution import DIST_GROUP
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.resource import LOCATION
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.approval import APPROVAL_GROUP, APPROVAL_MANAGERS
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.resource import CUSTOMER_SERVICE, SERVICE_INSTANCE, USER_SERVICE

GROUP = dict(customer='DA', display_name='Spelling Team', email='spelling@nervogrid.com')
USERS = dict(customer='DA', users=[dict(name='spa'), dict(name='spb'), dict(name='spc')])


def run(sim, module, **options):
    result = run_module(module, dict(connection(sim.url), **options))
    assert not result.get('failed'), result.get('msg')
    return result


def group_state(sim, name='Spelling Team'):
    """The group's record; its lists as sorted user ids (the simulator keeps member references)."""
    customer = next(rec for rec in sim.state()['customers'] if rec['name'] == 'DA')
    group = dict(next(group for group in customer['distgroups'] if group['displayname'] == name))
    for key, value in group.items():
        if isinstance(value, list) and value and isinstance(value[0], dict) and 'id' in value[0]:
            group[key] = sorted(entry['id'] for entry in value)
    return group


def user_ids(sim, *names):
    return sorted(rec['id'] for rec in sim.state()['users'] if rec['name'] in names)


def writes(sim):
    return [entry for entry in sim.log() if entry['action'] in ('SET', 'DELETE')]


def reads_only(sim, spellings):
    sim.hook('config', {'spellings': spellings})


@pytest.fixture
def group(sim):
    run(sim, 'atria_user', **USERS)
    run(sim, 'atria_dist_group', **GROUP)
    return sim


def converges(sim, module, **options):
    """The task reports changed, the server holds it (the re-run is a no-op sending one read)."""
    sim.hook('log/clear')
    first = run(sim, module, **options)
    assert first['changed'] is True
    sent = writes(sim)
    sim.hook('log/clear')
    again = run(sim, module, **options)
    assert again['changed'] is False and not writes(sim), again.get('diff')
    return first, sent


@pytest.mark.parametrize('spelling', ['selected', 'enabled'])
def test_member_flag(group, spelling):
    sim = group
    reads_only(sim, {'member_flag': spelling})
    converges(sim, 'atria_dist_group', members=['spa', 'spb'], members_mode='present', **GROUP)
    assert set(user_ids(sim, 'spa_DA', 'spb_DA')) <= set(group_state(sim)['members'])
    # Removal is where the spelling matters: a member item without a readable flag means "add".
    converges(sim, 'atria_dist_group', members=['spa'], members_mode='absent', **GROUP)
    assert user_ids(sim, 'spa_DA')[0] not in group_state(sim)['members']
    converges(sim, 'atria_dist_group', send_as_members=['spc'], **GROUP)
    converges(sim, 'atria_dist_group', send_as_members=[], **GROUP)
    assert group_state(sim)['sendasmembers'] == []


@pytest.mark.parametrize('spelling', ['owner', 'owners'])
def test_owners_item(group, spelling):
    sim = group
    reads_only(sim, {'owners_item': spelling})
    _first, sent = converges(sim, 'atria_dist_group', owners=['spa', 'spb'], **GROUP)
    assert sorted(group_state(sim)['owners']) == user_ids(sim, 'spa_DA', 'spb_DA')
    # The guides' <owners><owners> goes first; <owners><owner> only when the read-back shows it was ignored.
    assert len(sent) == (1 if spelling == 'owners' else 2)


@pytest.mark.parametrize('key, spelling, option, value, stored', [
    ('mailtip', 'mailtip', 'mail_tip', 'Ask us first', ('mailtip', 'Ask us first')),
    ('mailtip', 'mailtoip', 'mail_tip', 'Ask us first', ('mailtip', 'Ask us first')),
    ('grouptype', 'grouptype', 'group_type', 'Global_Security', ('grouptype', 'Global_Security')),
    ('grouptype', 'groupype', 'group_type', 'Global_Security', ('grouptype', 'Global_Security')),
    ('sendmoderationnotifications', 'sendmoderationnotifications', 'send_moderation_notifications', True,
     ('sendmoderationnotifications', True)),
    ('sendmoderationnotifications', 'sendmoderationnotification', 'send_moderation_notifications', True,
     ('sendmoderationnotifications', True)),
])
def test_scalar_group_tags(group, key, spelling, option, value, stored):
    sim = group
    reads_only(sim, {key: spelling})
    _first, sent = converges(sim, 'atria_dist_group', **dict(GROUP, **{option: value}))
    assert len(sent) == 1
    assert group_state(sim)[stored[0]] == stored[1]


def test_the_cpsm11_release_reads_its_own_guide_spellings(sim):
    """Release cpsm11 reads <mailtoip> and <groupype> only (its guide), and answers 11.0.0.0 like Atria 12."""
    sim.hook('config', {'release': 'cpsm11'})
    run(sim, 'atria_user', **USERS)
    converges(sim, 'atria_dist_group', mail_tip='CPSM 11 tip', group_type='Local_Distribution', members=['spa'], **GROUP)
    state = group_state(sim)
    assert state['mailtip'] == 'CPSM 11 tip' and state['grouptype'] == 'Local_Distribution'


WRITING_RESOURCES = (CUSTOMER, USER, DIST_GROUP, APPROVAL_GROUP, APPROVAL_MANAGERS, CUSTOMER_SERVICE,
                     USER_SERVICE, SERVICE_INSTANCE, APPROVAL_SUBSCRIPTION, CONTACT, LOCATION)
# One spelling of each pair the guides disagree on (docs/spellings.md): a field sending one must send the other too.
AMBIGUOUS = {'changeatnextlogon': 'changeatnextlogin', 'changeatnextlogin': 'changeatnextlogon', 'mailtip': 'mailtoip',
             'mailtoip': 'mailtip', 'grouptype': 'groupype', 'groupype': 'grouptype',
             'sendmoderationnotifications': 'sendmoderationnotification',
             'sendmoderationnotification': 'sendmoderationnotifications'}


def test_no_module_sends_an_undocumented_spelling():
    """Any field that sends one spelling of a pair in the table
    must send the other as well (engine/spellings.AlsoSpelt) - adding such an option without it fails here."""
    # A new writing module must add its Resource here (the answer module's status/reason have one spelling).
    assert len(writing_modules()) == 9
    for resource in WRITING_RESOURCES:
        for field in resource.fields:
            spellings = set(getattr(field, 'spellings', (field.tag,)))
            for tag in spellings:
                if tag in AMBIGUOUS:
                    assert AMBIGUOUS[tag] in spellings, (resource.noun, field.option)


@pytest.mark.parametrize('name', ['SharePoint2010', 'SharePoint 2010'])
@pytest.mark.parametrize('spelling', ['Sharepoint2010', 'SharePoint 2010'])
def test_sharepoint_name(sim, spelling, name):
    """A server that knows SharePoint only by Appendix B's code 'SharePoint 2010' answers error 21 to the examples'
    'SharePoint2010': the locator looks the service up (one FIND) and tries the other documented spelling."""
    reads_only(sim, {'sharepoint_name': spelling})
    converges(sim, 'atria_service', customer='DA', name=name)
    converges(sim, 'atria_service', customer='DA', name=name, instance='Site01')
    service = next(rec for rec in sim.state()['customers'] if rec['name'] == 'DA')['services']
    assert [code for code, record in service.items() if code.lower().replace(' ', '') == 'sharepoint2010'
            and record.get('status') != 'NotProvisioned']
