# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Service-shaped answers (from the CPSM 11 captures) and a client that replays them, for the service unit tests.

ScriptedClient answers each call with the next function of a script: ``answer(action, element) -> response``
(an lxml element, or an exception to raise). It records every call, so tests can count reads and look at writes.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from lxml import etree


def element(xml):
    return etree.fromstring(xml)


def plan_xml(tag, name, fullname, enabled=True, limit='Unlimited', used=False):
    template = ('<{tag}><name>{name}</name><fullname>{fullname}</fullname><userlimit>{limit}</userlimit><used>{used}</used>'
                '<enabled>{enabled}</enabled></{tag}>')
    return template.format(tag=tag, name=name, fullname=fullname, limit=limit, used='True' if used else 'False',
                           enabled='True' if enabled else 'False')


def he_service(status='Provisioned', plans=None, package='Default', version='2013'):
    """The HE customer service of CustomerServiceGet.xml (trimmed), with the plans given as (name, fullname, enabled, used)."""
    plans = plans if plans is not None else [('FORFAIT_2GO_2013', 'Forfait_2Go_2013', True, False),
                                             ('FORFAIT_60GO_1AN', 'Forfait_60Go_1an', True, False),
                                             ('EX10_BASIC', 'Ex10 Basic', False, False)]
    packages = ''.join('<package><name>%s</name><fullname>%s</fullname><enabled>%s</enabled></package>'
                       % (name, fullname, 'True' if name == package else 'False')
                       for name, fullname in (('Default', 'Default'), ('PublicFolders', 'Public Folders')))
    return element(
        '<service><name>HE</name><fullname>Hosted Exchange</fullname><location>Location GSP</location>'
        '<userlimit>Unlimited</userlimit><isbilled>True</isbilled><status>%s</status><approvalpending>False</approvalpending>'
        '<version>%s</version>%s%s</service>'
        % (status, version, ''.join(plan_xml('userpackage', n, f, e, used=u) for n, f, e, u in plans), packages))


def fss_service(status='NotProvisioned'):
    return element(
        '<service><name>FSS</name><fullname>File Sharing</fullname><status>%s</status>'
        '%s%s%s<package><name>FULL</name><fullname>FULL</fullname><enabled>True</enabled></package></service>'
        % (status, plan_xml('userplan', 'FULL', 'Full'), plan_xml('userplan', 'READ', 'Read'), plan_xml('userplan', 'LIST', 'List')))


def response(*entities):
    root = etree.Element('response', version='1.0')
    for entity in entities:
        root.append(copy.deepcopy(entity))
    return root


def customer_answer(service, user=None):
    """``<response><customer><name>TC</name>[<user>...]<service/></customer></response>``."""
    customer = element('<customer><name>TC</name><fullname>Test Customer</fullname><status>Provisioned</status></customer>')
    if user is None:
        customer.append(copy.deepcopy(service))
    else:
        holder = etree.SubElement(customer, 'user')
        etree.SubElement(holder, 'name').text = user
        holder.append(copy.deepcopy(service))
    return response(customer)


def user_he_service(plans=('FORFAIT_60GO_1AN',), status='Provisioned'):
    fullnames = {'FORFAIT_60GO_1AN': 'Forfait_60Go_1an', 'FORFAIT_2GO_2013': 'Forfait_2Go_2013'}
    return element('<service><name>HE</name><fullname>Hosted Exchange</fullname><status>%s</status>'
                   '<approvalpending>False</approvalpending>%s</service>'
                   % (status, ''.join('<userpackage><name>%s</name><fullname>%s</fullname></userpackage>'
                                      % (name, fullnames.get(name, name)) for name in plans)))


class ScriptedClient:
    username = 'admin_Gsp'

    def __init__(self, *script):
        self.script = list(script)
        self.calls = []
        self.next_request = 500

    @property
    def reads(self):
        return [call for call in self.calls if call[0] in ('GET', 'FIND')]

    @property
    def writes(self):
        return [call for call in self.calls if call[0] in ('SET', 'DELETE')]

    def _answer(self, action, entity):
        self.calls.append((action, copy.deepcopy(entity)))
        if not self.script:
            raise AssertionError('unexpected %s request: %s' % (action, etree.tostring(entity)))
        answer = self.script.pop(0)(action, entity)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def get(self, entity_el, entity=None):
        return self._answer('GET', entity_el)

    def find(self, entity_el, entity=None):
        return self._answer('FIND', entity_el)

    def set(self, entity_el, verify=None, entity=None):
        self._answer('SET', entity_el)
        self.next_request += 1
        return self.next_request

    def delete(self, entity_el, verify=None, entity=None):
        self._answer('DELETE', entity_el)
        self.next_request += 1
        return self.next_request


def answers(result):
    """A script step that answers ``result`` whatever the request."""
    return lambda action, entity: result


def accept(action, entity):
    """A script step for a write: the server accepts it."""
    return None
