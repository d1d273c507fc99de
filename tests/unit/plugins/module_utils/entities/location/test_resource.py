# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A location through the engine: the SET in the GET answer's shape, services by code or display name, list modes,
only the given property names compared, check mode and the re-run with reads only."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.api.release import Release
from ansible_collections.atria.cortex.plugins.module_utils.engine import reconciler
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.checks import LocationCheckError
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.resource import LOCATION, LocationLocator

from fakes import element, xml
from fakes import run_engine as run

SERVICES = (('HE', 'Hosted Exchange'), ('FSS', 'File Sharing'), ('MARCH', 'Mail Archiving'))


class LocationServer:
    """Keeps locations as the simulator does and answers GET/SET/DELETE in the GET answer's shape."""

    def __init__(self, **locations):
        self.locations = dict((name, dict(services=list(services), customer={'City': '', 'Country': ''},
                                          user={'co': ''})) for name, services in locations.items())
        self.calls = []
        self.memo = {}

    @property
    def writes(self):
        return [call for call in self.calls if call[0] in ('SET', 'DELETE')]

    def _place(self, name):
        return next((key for key in self.locations if key.lower() == name.lower()), None)

    def get(self, entity_el, entity=None):
        self.calls.append(('GET', xml(entity_el)))
        if entity_el.tag == 'global':
            return element('<response><global><version><api>11.0.0.0</api></version></global></response>')
        key = self._place(entity_el.findtext('name'))
        if key is None:
            raise NotFoundError(20, "Location '%s' not found." % entity_el.findtext('name'))
        place = self.locations[key]
        body = '<name>%s</name><id>7</id>' % key
        body += ''.join('<service><name>%s</name><fullname>%s</fullname></service>' % item
                        for item in SERVICES if item[0] in place['services'])
        for box, tag, values in (('customer', 'customerproperties', place['customer']),
                                 ('user', 'additionalproperties', place['user'])):
            if entity_el.find('%s/%s' % (box, tag)) is not None:
                body += '<%s><%s>%s</%s></%s>' % (box, tag, ''.join(
                    '<property><name>%s</name><value>%s</value></property>' % item for item in values.items()), tag, box)
        return element('<response><location>%s</location></response>' % body)

    def set(self, entity_el, verify=None, entity=None):
        self.calls.append(('SET', xml(entity_el)))
        name = entity_el.findtext('name')
        key = self._place(name) or name
        place = self.locations.setdefault(key, dict(services=[], customer={'City': '', 'Country': ''}, user={'co': ''}))
        if entity_el.find('service') is not None:
            codes = dict((key.lower(), code) for code, label in SERVICES for key in (code, label))
            place['services'] = [codes[item.findtext('name').lower()] for item in entity_el.findall('service')]
        for box, tag, values in (('customer', 'customerproperties', place['customer']),
                                 ('user', 'additionalproperties', place['user'])):
            for prop in entity_el.findall('%s/%s/property' % (box, tag)):
                values[prop.findtext('name')] = prop.findtext('value') or ''
        return 900

    def delete(self, entity_el, verify=None, entity=None):
        self.calls.append(('DELETE', xml(entity_el)))
        del self.locations[self._place(entity_el.findtext('name'))]
        return 901


@pytest.fixture(autouse=True)
def current_release(monkeypatch):
    monkeypatch.setattr(reconciler, 'release_of', lambda client: Release('11.0.0.0'))


def params(**overrides):
    values = dict(name='Location NL', services=None, services_mode='exact', customer_properties=None,
                  user_properties=None, state='present')
    values.update(overrides)
    return values


def test_a_new_location_is_one_set_in_the_get_answers_shape_then_read_back():
    server = LocationServer()
    result = run(LOCATION, LocationLocator('Location NL'), server,
                 params(services=['HE', 'File Sharing'], customer_properties={'City': 'Amsterdam'}))
    assert [call[0] for call in server.calls] == ['GET', 'GET', 'SET', 'GET']     # read, <global/>, write, read-back
    assert server.calls[0][1] == ('<location><name>Location NL</name><service/>'
                                  '<customer><customerproperties/></customer></location>')
    assert server.calls[2][1] == (
        '<location><name>Location NL</name><service><name>HE</name></service><service><name>File Sharing</name>'
        '</service><customer><customerproperties><property><name>City</name><value>Amsterdam</value></property>'
        '</customerproperties></customer></location>')
    assert result['changed'] is True
    # the read-back shows the codes; the display name the task gave counts as the same service
    assert result['location']['services'] == ['HE', 'FSS']
    assert result['location']['customer_properties']['City'] == 'Amsterdam'


def test_a_re_run_reads_once_and_display_names_match_codes():
    server = LocationServer(**{'Location NL': ['HE', 'FSS']})
    server.locations['Location NL']['customer']['City'] = 'Amsterdam'
    result = run(LOCATION, LocationLocator('location nl'), server,
                 params(services=['Hosted Exchange', 'fss'], customer_properties={'City': 'Amsterdam'}))
    assert result['changed'] is False
    assert [call[0] for call in server.calls] == ['GET']


def test_services_modes_send_the_whole_resulting_list():
    server = LocationServer(**{'Location NL': ['HE', 'FSS']})
    result = run(LOCATION, LocationLocator('Location NL'), server, params(services=['MARCH'], services_mode='present'))
    assert server.writes[0][1] == ('<location><name>Location NL</name><service><name>HE</name></service>'
                                   '<service><name>FSS</name></service><service><name>MARCH</name></service></location>')
    assert result['diff'] == {'before': {'name': 'Location NL', 'services': ['HE', 'FSS']},
                              'after': {'name': 'Location NL', 'services': ['HE', 'FSS', 'MARCH']}}
    server.calls = []
    run(LOCATION, LocationLocator('Location NL'), server, params(services=['Hosted Exchange'], services_mode='absent'))
    assert server.locations['Location NL']['services'] == ['FSS', 'MARCH']


def test_only_the_property_names_given_are_compared_and_sent():
    server = LocationServer(**{'Location NL': ['HE']})
    server.locations['Location NL']['user']['co'] = 'Belgium'
    result = run(LOCATION, LocationLocator('Location NL'), server, params(user_properties={'co': 'Netherlands'}))
    assert server.writes[0][1] == ('<location><name>Location NL</name><user><additionalproperties><property>'
                                   '<name>co</name><value>Netherlands</value></property></additionalproperties>'
                                   '</user></location>')
    assert result['diff'] == {'before': {'name': 'Location NL', 'user_properties': {'co': 'Belgium'}},
                              'after': {'name': 'Location NL', 'user_properties': {'co': 'Netherlands'}}}


def test_check_mode_reads_only_and_predicts():
    server = LocationServer(**{'Location NL': ['HE']})
    result = run(LOCATION, LocationLocator('Location NL'), server, params(services=['HE', 'FSS']), check_mode=True)
    assert result['changed'] is True and not server.writes
    assert result['location']['services'] == ['HE', 'FSS']


def test_a_task_that_would_leave_no_service_is_refused_before_any_write():
    server = LocationServer(**{'Location NL': ['HE']})
    with pytest.raises(LocationCheckError) as caught:
        run(LOCATION, LocationLocator('Location NL'), server, params(services=['HE'], services_mode='absent'))
    assert 'would offer no service at all' in str(caught.value) and 'Nothing was sent' in str(caught.value)
    assert not server.writes


def test_state_absent_deletes_by_name_and_an_unknown_location_is_no_change():
    server = LocationServer(**{'Location NL': ['HE']})
    result = run(LOCATION, LocationLocator('Location NL'), server, params(state='absent'), state='absent')
    assert result['changed'] is True and result['location'] == {}
    assert server.writes == [('DELETE', '<location><name>Location NL</name></location>')]
    server.calls = []
    result = run(LOCATION, LocationLocator('Location NL'), server, params(state='absent'), state='absent')
    assert result['changed'] is False and [call[0] for call in server.calls] == ['GET']


def test_a_service_the_server_did_not_take_fails_naming_the_option():
    server = LocationServer(**{'Location NL': ['HE']})
    original = server.set

    def ignoring_services(entity_el, verify=None, entity=None):
        for item in entity_el.findall('service'):
            entity_el.remove(item)
        return original(entity_el, verify, entity)

    server.set = ignoring_services
    with pytest.raises(Exception) as caught:
        run(LOCATION, LocationLocator('Location NL'), server, params(services=['HE', 'FSS']))
    assert '`services`' in str(caught.value)
