# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The unit tests' stand-ins for the server: one set of fakes.

- FakeModule: the few task-interface attributes (engine/runner.py) the engine reads.
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
        if child.tag == 'properties' and target.find('properties') is not None:
            # The server sets the properties a SET names and keeps the others.
            held = target.find('properties')
            for prop in child.findall('property'):
                for old in [item for item in held.findall('property') if item.findtext('name') == prop.findtext('name')]:
                    held.remove(old)
                held.append(copy.deepcopy(prop))
            return
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


# -- groups: approval providers and paged distribution groups of customer DA -------------------------------
def xml(el):
    return etree.tostring(el).decode()


def run_engine(resource, locator, client, params, check_mode=False, state='present', before_write=None):
    """One entity through the engine, as a module's main() runs it."""
    from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Engine
    engine = Engine(FakeModule(params, check_mode=check_mode), client, resource, locator)
    return engine.ensure(state, before_write=before_write)


PROVIDERS = (
    '<approvalproviders>'
    '<approvalprovider><name>Workflow Managers</name><enabled>True</enabled>'
    '<configuration><managers>1</managers><timeoutdays>3</timeoutdays><reminderdays>1</reminderdays></configuration>'
    '<subscriptions><users><subscription><name>Provision</name><access>None</access></subscription>'
    '<subscription><name>Deprovision</name><access>None</access></subscription></users>'
    '<services><service><label>All</label><subscription><name>Provision</name><access>None</access></subscription>'
    '</service></services></subscriptions></approvalprovider>'
    '<approvalprovider><name>Workflow Groups</name><groups>'
    '<group><name>Other</name><configuration><memberstoapprove>2</memberstoapprove></configuration></group>'
    '<group><name>Approvers</name><description>d</description>'
    '<configuration><memberstoapprove>1</memberstoapprove><timeoutdays>5</timeoutdays><reminderdays>2</reminderdays></configuration>'
    '<members><member><displayname>Y</displayname><username>yvonne_DA</username></member></members>'
    '</group></groups></approvalprovider>'
    '</approvalproviders>')


class ProvidersClient:
    def __init__(self, providers=PROVIDERS):
        self.providers = providers
        self.calls = []

    def get(self, entity):
        self.calls.append(('GET', xml(entity)))
        return element('<response><customer><name>DA</name>%s</customer></response>' % self.providers)

    def set(self, entity, verify=None):
        self.calls.append(('SET', xml(entity)))
        return 1

    def find(self, entity):
        raise AssertionError('no FIND expected')


def last_set(client):
    return [call for call in client.calls if call[0] == 'SET'][-1]


class PagedGroupsClient:
    """Distribution groups of DA, filtered by substring and paged like the guide (no total count)."""

    def __init__(self, names, status='Provisioned'):
        self.names = sorted(names, key=str.lower)
        self.status = status
        self.requests = []
        self.writes = []

    def get(self, entity):
        self.requests.append(entity)
        groups_el = entity.find('service/distributiongroups')
        wanted = (groups_el.findtext('displaynamefilter') or '').lower()
        # The guide's members query names the group instead of paging (entities/groups/checks.py).
        index, size = int(groups_el.findtext('pageindex') or 1), int(groups_el.findtext('pagesize') or 1000)
        chosen = [name for name in self.names if wanted in name.lower()][(index - 1) * size:index * size]
        template = groups_el.find('distributiongroup')
        lists = '' if template is None else ''.join('<%s/>' % child.tag for child in template)
        groups = ''.join('<distributiongroup><displayname>%s</displayname><email>%s@da.example</email>%s</distributiongroup>'
                         % (name, name.replace(' ', '').lower(), lists) for name in chosen)
        return element('<response><customer><name>DA</name><service><name>HE</name><status>%s</status>'
                       '<distributiongroups>%s</distributiongroups></service></customer></response>' % (self.status, groups))

    def set(self, entity, verify=None):
        self.writes.append(xml(entity))
        return 1

    def find(self, entity):
        raise AssertionError('no FIND expected')


# -- users of customer DA, as member lists look them up ------------------------------------------------------
class UsersClient:
    """Answers GETs and FINDs of users of customer DA like the server: a GET naming an unknown user fails (16)."""

    def __init__(self, users):
        self.users = users      # stored name -> (upn, primary address or None, status)
        self.calls = []

    def _detail(self, name):
        upn, primary, status = self.users[name]
        addresses = '<address primary="True">%s</address>' % primary if primary else ''
        return ('<user><name>%s</name><fullname>%s</fullname><upn>%s</upn><addresses>%s</addresses><status>%s</status></user>'
                % (name, name.split('_')[0], upn, addresses, status))

    def get(self, entity):
        self.calls.append('GET')
        wanted = [user.findtext('name') for user in entity.findall('user')]
        known = dict((name.lower(), name) for name in self.users)
        for name in wanted:
            if name.lower() not in known:
                raise NotFoundError(16, "User '%s' not found." % name)
        return element('<response><customer><name>DA</name>%s</customer></response>'
                       % ''.join(self._detail(known[name.lower()]) for name in wanted))

    def find(self, entity):
        self.calls.append('FIND')
        summaries = ''.join('<user><name>%s</name></user>' % name for name in self.users)
        return element('<response><customer><name>DA</name>%s</customer></response>' % summaries)


USERS = {
    'xavier_DA': ('xavier_DA@da.example', 'xavier@da.example', 'Provisioned'),
    'yvonne_DA': ('yvonne_DA@da.example', None, 'Provisioned'),
    'zoe_DA': ('zoe_DA@da.example', 'zoe@da.example', 'NotProvisioned'),
}


# -- one atria_service task ----------------------------------------------------------------------------------
def request_path(el):
    """'customer/user/service' for a request element, like the simulator's log."""
    steps = [el.tag]
    child = next((c for c in el if c.tag in ('user', 'service', 'instances', 'instance')), None)
    while child is not None:
        steps.append(child.tag)
        child = next((c for c in child if c.tag in ('user', 'service', 'instances', 'instance')), None)
    return '/'.join(steps)


def service_params(**overrides):
    values = dict(customer='TC', user=None, name='HE', state='present', package=None, user_plans=None, user_plans_mode='exact',
                  user_limit=None, version=None, properties=None, instance=None, wait=False, wait_timeout=5)
    values.update(overrides)
    return values


def run_service(client, check_mode=False, **overrides):
    """One atria_service task (entities/service/tasks.ensure_service) with service_params(**overrides)."""
    from ansible_collections.atria.cortex.plugins.module_utils.entities.service.tasks import ensure_service
    return ensure_service(FakeModule(service_params(**overrides), check_mode=check_mode), client)
