# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The unit tests' stand-ins for the server: one set of fakes.

- FakeModule: the few AnsibleModule attributes the engine reads.
- FakeClient: an in-memory CortexClient that keeps customers (and their users) as lxml elements and applies SETs
  by replacing the tags it is sent; it records every call so tests can assert "reads only" and "what was sent".
- ScriptedClient: answers each call with the next function of a script, ``answer(action, element) -> response``
  (an lxml element, or an exception to raise), plus service-shaped answers from the CPSM 11 captures.

Behavioural tests against the real protocol run against tests/simulator instead.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import NotFoundError


def element(xml):
    return etree.fromstring(xml)


class FakeModule:
    def __init__(self, params, check_mode=False, diff=True):
        self.params = params
        self.check_mode = check_mode
        self.diff = diff
        self.memo = {}
        self.progress_lines = []

    def progress(self, msg):
        self.progress_lines.append(msg)


class FakeClient:
    def __init__(self, customers=()):
        self.customers = dict((c.findtext('name'), copy.deepcopy(c)) for c in customers)
        self.calls = []
        self.next_request = 1000
        self.memo = {}

    # -- what tests look at --------------------------------------------------------------------------------
    @property
    def writes(self):
        return [call for call in self.calls if call[0] in ('SET', 'DELETE')]

    @property
    def reads(self):
        return [call for call in self.calls if call[0] in ('GET', 'FIND')]

    # -- the client API ------------------------------------------------------------------------------------
    def get(self, entity):
        self.calls.append(('GET', copy.deepcopy(entity)))
        customer = self._customer(entity)
        response = etree.Element('response', version='1.0')
        answer = copy.deepcopy(customer)
        for user in answer.findall('user'):
            answer.remove(user)
        wanted_users = entity.findall('user')
        for wanted in wanted_users:
            answer.append(copy.deepcopy(self._user(customer, wanted)))
        response.append(answer)
        return response

    def find(self, entity):
        self.calls.append(('FIND', copy.deepcopy(entity)))
        response = etree.Element('response', version='1.0')
        for customer in self.customers.values():
            if all(customer.findtext(child.tag) == child.text for child in entity if child.text):
                summary = etree.SubElement(response, 'customer')
                for tag in ('name', 'id', 'fullname', 'status'):
                    etree.SubElement(summary, tag).text = customer.findtext(tag)
        return response

    def set(self, entity, verify=None):
        self.calls.append(('SET', copy.deepcopy(entity)))
        name = entity.findtext('name')
        if name not in self.customers:
            created = etree.Element('customer')
            etree.SubElement(created, 'status').text = 'Provisioned'
            self.customers[name] = created
        target = self.customers[name]
        for child in entity:
            if child.tag == 'user':
                self._set_user(target, child)
            else:
                self._replace(target, child)
        return self._request_id()

    def delete(self, entity, verify=None):
        self.calls.append(('DELETE', copy.deepcopy(entity)))
        customer = self._customer(entity)
        users = entity.findall('user')
        if not users:
            del self.customers[customer.findtext('name')]
        for user in users:
            customer.remove(self._user(customer, user))
        return self._request_id()

    # -- internals -----------------------------------------------------------------------------------------
    def _request_id(self):
        self.next_request += 1
        return self.next_request

    def _customer(self, entity):
        for key in ('name', 'fullname'):
            value = entity.findtext(key)
            for customer in self.customers.values():
                if value is not None and customer.findtext(key) == value:
                    return customer
        raise NotFoundError(34, "Customer '%s' not found." % (entity.findtext('name') or entity.findtext('fullname')))

    @staticmethod
    def _user(customer, wanted):
        for user in customer.findall('user'):
            if any(wanted.findtext(key) and wanted.findtext(key) == user.findtext(key) for key in ('name', 'upn')):
                return user
        raise NotFoundError(16, "User '%s' not found." % wanted.findtext('name'))

    def _set_user(self, customer, wanted):
        try:
            user = self._user(customer, wanted)
        except NotFoundError:
            user = etree.SubElement(customer, 'user')
            etree.SubElement(user, 'status').text = 'Provisioned'
        for child in wanted:
            if child.tag != 'password':     # write-only, as on the server
                self._replace(user, child)

    @staticmethod
    def _replace(target, child):
        existing = target.find(child.tag)
        if existing is not None:
            target.remove(existing)
        target.append(copy.deepcopy(child))


# -- service-shaped answers and the scripted client ----------------------------------------------------
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
        self.memo = {}

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
