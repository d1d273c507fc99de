# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the modules write, as the simulator stores it (/_sim/state), for the values the fault matrix's cases leave
out: write-only passwords (never readable through the API, so only the server's state can prove them), a service's
plan limits and properties, a distribution group's owners and settings.

A field sent under the wrong tag is silently ignored by the server, and read back from the wrong tag it looks
unchanged too; comparing the module's own result with the task would pass in both directions. These tests read
the state the simulator keeps, with no code of the collection in between.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from tests.reliability.inprocess import connection, run_module
from tests.reliability.module_cases import CUSTOMER, DA_MEMBERS, KEEPER


def run(sim, module, **options):
    result = run_module(module, dict(connection(sim.url), **options))
    assert not result.get('failed'), result.get('msg')
    return result


def stored_user(sim, name):
    users = [record for record in sim.state()['users'] if record['name'] == name]
    assert len(users) == 1, users
    return users[0]


def customer_record(sim, code):
    return next(record for record in sim.state()['customers'] if record['name'] == code)


def writes(sim):
    return [entry for entry in sim.log() if entry['action'] in ('SET', 'DELETE')]


def test_a_user_password_reaches_the_server_on_create_and_with_update_password_always(sim):
    run(sim, 'atria_customer', **CUSTOMER)
    run(sim, 'atria_user', **dict(KEEPER[1]))
    run(sim, 'atria_user', customer='REL', name='pw', password='First!Passw0rd')
    assert stored_user(sim, 'pw_REL')['password'] == 'First!Passw0rd'

    sim.hook('log/clear')
    same = run(sim, 'atria_user', customer='REL', name='pw', password='Second!Passw0rd')     # on_create: kept
    assert not same['changed'] and writes(sim) == []
    assert stored_user(sim, 'pw_REL')['password'] == 'First!Passw0rd'

    rotated = run(sim, 'atria_user', customer='REL', name='pw', password='Second!Passw0rd', update_password='always')
    assert rotated['changed']
    assert stored_user(sim, 'pw_REL')['password'] == 'Second!Passw0rd'


def test_bulk_passwords_reach_the_server_on_create_and_with_update_password_always(sim):
    run(sim, 'atria_customer', **CUSTOMER)
    team = [dict(name='t%d' % number, password='Team!Passw0rd%d' % number) for number in range(3)]
    run(sim, 'atria_user', customer='REL', users=team)
    assert [stored_user(sim, 't%d_REL' % number)['password'] for number in range(3)] == [
        'Team!Passw0rd0', 'Team!Passw0rd1', 'Team!Passw0rd2']

    rotated = [dict(user, password=user['password'] + 'x', update_password='always') for user in team]
    run(sim, 'atria_user', customer='REL', users=rotated)
    assert [stored_user(sim, 't%d_REL' % number)['password'] for number in range(3)] == [
        'Team!Passw0rd0x', 'Team!Passw0rd1x', 'Team!Passw0rd2x']


def test_a_service_stores_its_package_plans_limits_and_properties(sim):
    run(sim, 'atria_customer', **CUSTOMER)
    run(sim, 'atria_service', customer='REL', name='HE', version='2013', package='Default',
        user_plans=['EX10_BASIC', dict(name='Ex10 Full', user_limit=10)])
    exchange = customer_record(sim, 'REL')['services']['HE']
    assert exchange['package'] == 'Default' and exchange['version'] == '2013'
    plans = exchange['userplans']
    assert sorted(code for code, plan in plans.items() if plan['enabled']) == ['EX10_BASIC', 'EX10_FULL']
    assert str(plans['EX10_FULL']['userlimit']) == '10' and plans['EX10_BASIC']['userlimit'] == 'Unlimited'

    run(sim, 'atria_service', customer='REL', name='FSS', properties={'FileShareServer': 'CSPFILEHOST01', 'ShareRoot': r'D:\Shares'})
    files = customer_record(sim, 'REL')['services']['FSS']
    assert files['status'] == 'Provisioned'
    assert files['properties']['FileShareServer'] == 'CSPFILEHOST01'
    assert files['properties']['ShareRoot'] == r'D:\Shares'


def test_a_distribution_group_stores_its_owners_members_and_settings(sim):
    run(sim, DA_MEMBERS[0], **DA_MEMBERS[1])
    run(sim, 'atria_dist_group', customer='DA', display_name='Values Team', email='values@nervogrid.com',
        members=['relx', 'rely'], owners=['rely'], member_join_restriction='Open', require_sender_authentication=False,
        mail_tip='Tip & <more>')
    group = next(record for record in customer_record(sim, 'DA')['distgroups'] if record['displayname'] == 'Values Team')
    ids = dict((record['id'], record['name']) for record in sim.state()['users'])
    assert sorted(ids[member['id']] for member in group['members']) == ['relx_DA', 'rely_DA']
    assert [ids[owner['id']] for owner in group['owners']] == ['rely_DA']
    assert (group['memberjoinrestriction'], group['requiresenderauthentication'], group['mailtip']) == ('Open', False, 'Tip & <more>')

    run(sim, 'atria_dist_group', customer='DA', display_name='Values Team', owners=['relx'], members=['rely'],
        members_mode='absent')
    group = next(record for record in customer_record(sim, 'DA')['distgroups'] if record['displayname'] == 'Values Team')
    assert [ids[member['id']] for member in group['members']] == ['relx_DA']
    assert [ids[owner['id']] for owner in group['owners']] == ['relx_DA']
