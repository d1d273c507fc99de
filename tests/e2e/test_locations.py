# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Acceptance of the locations (issue 16) through ansible-playbook: a location is created, used by a new customer,
refused for deletion while in use (no DELETE sent, the message names the customer), then deleted; a re-run reads
only; --check sends nothing; --diff shows each change; a property the server ignores fails naming the option."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

LOCATION = 'Location NL'
IN_USE = {'loc_customer': 'present', 'loc_absent': True, 'loc_present': False}


def writes(sim):
    return [(entry['action'], entry['path']) for entry in sim.log() if entry['action'] in ('SET', 'DELETE')]


def location_record(sim):
    return next((rec for rec in sim.state()['locations'] if rec['name'] == LOCATION), None)


def result(run, name):
    task, = run.results(name)
    return dict(task['result'], status=task['status'])


def test_created_used_refused_while_in_use_then_deleted(playbook, sim):
    created = playbook('locations.yml')
    assert created.returncode == 0, created.output
    assert result(created, 'Location: present')['changed'] is True
    record = location_record(sim)
    assert sorted(record['services']) == ['FSS', 'HE'] and record['customer_properties'] == {'City': 'Amsterdam'}
    assert record['user_properties'] == {'co': 'Netherlands'}
    info = result(created, 'Location: info')['locations']
    assert [(item['name'], sorted(item['services']), item['customer_properties']['City']) for item in info] == [
        (LOCATION, ['FSS', 'HE'], 'Amsterdam')]

    sim.hook('log/clear')
    again = playbook('locations.yml')
    assert again.returncode == 0 and result(again, 'Location: present')['changed'] is False
    assert [entry['action'] for entry in sim.log()] == ['GET', 'GET']      # the module's one read, the info's one

    used = playbook('locations.yml', extra_vars={'loc_customer': 'present'})
    assert used.returncode == 0, used.output
    customer = next(rec for rec in sim.state()['customers'] if rec['name'] == 'NLC')
    assert customer['location'] == LOCATION

    sim.hook('log/clear')
    refused = playbook('locations.yml', extra_vars=IN_USE)
    assert refused.returncode != 0
    failure = result(refused, 'Location: absent')
    assert failure['status'] == 'failed'
    assert failure['msg'].startswith("CortexAPI error 27 (LocationError) for location 'Location NL'")
    assert 'in use by 1 customer: NLC (Dutch Customer). Nothing was sent.' in failure['msg']
    assert 'atria.cortex.atria_customer state: absent' in failure['msg']
    assert failure['error']['code'] == 27
    assert writes(sim) == [] and location_record(sim) is not None
    # the requests of the refusal: the location's GET, then every visible customer (1 FIND + 1 GET each)
    customers = len(sim.state()['customers'])
    location_requests = [entry['action'] for entry in sim.log()][1:]       # after the customer task's GET
    assert location_requests == ['GET', 'FIND'] + ['GET'] * customers

    sim.hook('log/clear')
    deleted = playbook('locations.yml', extra_vars=dict(IN_USE, loc_customer='absent'))
    assert deleted.returncode == 0, deleted.output
    assert result(deleted, 'Location: absent')['changed'] is True
    assert location_record(sim) is None
    assert writes(sim) == [('DELETE', 'customer'), ('DELETE', 'location')]

    sim.hook('log/clear')
    gone = playbook('locations.yml', extra_vars=dict(IN_USE, loc_customer='absent'))
    assert gone.returncode == 0 and result(gone, 'Location: absent')['changed'] is False and writes(sim) == []


def test_a_refusal_of_the_server_is_told_the_same_way(playbook, sim):
    assert playbook('locations.yml', extra_vars={'loc_customer': 'present'}).returncode == 0
    sim.hook('log/clear')
    refused = playbook('locations.yml', extra_vars=dict(IN_USE, loc_check_usage=False))
    assert refused.returncode != 0
    failure = result(refused, 'Location: absent')
    assert failure['msg'].startswith("CortexAPI error 27 (LocationError) for location 'Location NL'")
    assert 'in use by 1 customer: NLC (Dutch Customer). The server refused the DELETE:' in failure['msg']
    assert 'atria.cortex.atria_customer state: absent' in failure['msg']
    assert writes(sim) == [('DELETE', 'location')] and location_record(sim) is not None


def test_check_mode_sends_nothing_and_diff_shows_each_change(playbook, sim):
    sim.hook('log/clear')
    preview = playbook('locations.yml', check=True, diff=True)
    assert preview.returncode == 0, preview.output
    planned = result(preview, 'Location: present')
    assert planned['changed'] is True and planned['diff']['before'] == {}
    assert planned['diff']['after']['customer_properties'] == {'City': 'Amsterdam'}
    assert writes(sim) == [] and location_record(sim) is None

    assert playbook('locations.yml').returncode == 0
    sim.hook('log/clear')
    preview = playbook('locations.yml', check=True, diff=True,
                       extra_vars={'loc_city': 'Utrecht', 'loc_services': ['HE', 'FSS', 'MARCH']})
    planned = result(preview, 'Location: present')
    assert planned['changed'] is True
    assert planned['diff']['before']['customer_properties'] == {'City': 'Amsterdam'}
    assert planned['diff']['after']['customer_properties'] == {'City': 'Utrecht'}
    assert sorted(planned['diff']['after']['services']) == ['FSS', 'HE', 'MARCH']
    # an unchanged option shows the same on both sides
    assert planned['diff']['before']['user_properties'] == planned['diff']['after']['user_properties'] == {
        'co': 'Netherlands'}
    assert writes(sim) == [] and location_record(sim)['customer_properties'] == {'City': 'Amsterdam'}


def test_a_property_list_the_server_ignores_fails_naming_the_option(playbook, sim):
    assert playbook('locations.yml').returncode == 0
    sim.hook('config', {'ignore_tags': ['customerproperties']})
    run = playbook('locations.yml', extra_vars={'loc_city': 'Utrecht'})
    assert run.returncode != 0
    message = result(run, 'Location: present')['msg']
    assert 'did not apply `customer_properties`' in message and 'Utrecht' in message


def test_a_reseller_login_is_refused(playbook, sim):
    run = playbook('locations.yml', user=('admin_DA', 'Adm1n!DA'))
    assert run.returncode != 0
    message = result(run, 'Location: present')['msg']
    assert 'CortexAPI error 12 (NotAuthorized)' in message and location_record(sim) is None


def test_property_defaults_on_cpsm10_are_refused_before_any_write(playbook, sim):
    sim.hook('config', {'release': 'cpsm10'})
    sim.hook('log/clear')
    run = playbook('locations.yml')
    assert run.returncode != 0
    message = result(run, 'Location: present')['msg']
    assert "location 'Location NL' (customer_properties, user_properties) needs CPSM 11 or Atria 12" in message
    assert 'the server reports 10.0.0.0' in message
    assert writes(sim) == [] and location_record(sim) is None
