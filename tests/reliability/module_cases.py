# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One entry per writing module: task options that create something, options that change one field of it, and
how to count it in the simulator state (more than one is a duplicate, none after a creation is a loss).

Adding a module to the fault matrix and to the secret-leak tests is adding one entry here;
test_fault_matrix.py fails when a writing module in plugins/modules has none.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleCase:
    """``setup``: [(module, options)] run first, fault-free (the customer a user belongs to, ...).
    ``create``/``update``: task options (connection options are added by the tests); ``update`` changes one field.
    ``delete``: the options that remove it again (None when the module cannot remove what it manages).
    ``identities(state)``: {what: how many the simulator holds}; 1 after a create or update, 0 after a delete.
    """

    def __init__(self, label, module, create, update, identities, setup=(), delete=True):
        self.label = label
        self.module = module
        self.create = create
        self.update = update
        self.delete = dict(create, state='absent') if delete is True else delete
        self.identities = identities
        self.setup = list(setup)

    def __repr__(self):
        return self.label


CUSTOMER = dict(name='REL', fullname='Reliability Customer', contact_name='Jane Doe', contact_email='jane@rel.example',
                primary_domain='rel.example')
# Without a code the server generates one; only the full name identifies the customer. A SET re-sent after a
# lost answer is the classic way to end up with two customers, so this variant matters most.
CUSTOMER_WITHOUT_CODE = dict((key, value) for key, value in CUSTOMER.items() if key != 'name')
USERS = [dict(name='bulk%d' % number, first_name='Bulk%d' % number, password='Bulk!Passw0rd%d' % number)
         for number in range(3)]
# The last user of a customer cannot be deleted: this one stays, so that the cases may delete theirs.
KEEPER = ('atria_user', dict(customer='REL', name='keeper'))
EXCHANGE = dict(customer='REL', name='HE', version='2013', package='Default', user_plans=['EX10_BASIC'])
# DA is seeded with Hosted Exchange and workflow providers; these users are the members of the groups below.
DA_MEMBERS = ('atria_user', dict(customer='DA', users=[dict(name='relx'), dict(name='rely')]))
DIST_GROUP = dict(customer='DA', display_name='Reliability Team', email='reliability@nervogrid.com', members=['relx'])
APPROVAL_GROUP = dict(customer='DA', name='Reliability Approvers', description='Approves the reliability tests',
                      members_to_approve=1, members=['relx'])


def _count(records, predicate):
    return sum(1 for record in records if predicate(record))


def _customer(state, code):
    return next((rec for rec in state['customers'] if rec['name'] == code), {})


def _customers_named(fullname):
    def identities(state):
        return {fullname: _count(state['customers'], lambda rec: rec['fullname'] == fullname)}
    return identities


def _users_named(*names):
    def identities(state):
        return dict((name, _count(state['users'], lambda rec: rec['name'].lower() == name.lower())) for name in names)
    return identities


def _provisioned_service(code, service):
    def identities(state):
        record = _customer(state, code).get('services', {}).get(service)
        return {service: int(bool(record) and record.get('status') != 'NotProvisioned')}
    return identities


def _provisioned_user_service(user, service):
    def identities(state):
        record = next((rec for rec in state['users'] if rec['name'] == user), {}).get('services', {}).get(service)
        return {'%s of %s' % (service, user): int(bool(record) and record.get('status') != 'NotProvisioned')}
    return identities


def _dist_groups_named(code, display_name):
    def identities(state):
        return {display_name: _count(_customer(state, code).get('distgroups', []), lambda rec: rec['displayname'] == display_name)}
    return identities


def _approval_groups_named(code, name):
    def identities(state):
        providers = _customer(state, code).get('approval', {}).get('providers', {})
        groups = providers.get('Workflow Groups', {}).get('groups', [])
        return {name: _count(groups, lambda group: group['name'] == name)}
    return identities


def _workflow_managers(code):
    def identities(state):
        return {'Workflow Managers': int('Workflow Managers' in _customer(state, code).get('approval', {}).get('providers', {}))}
    return identities


CASES = [
    ModuleCase('customer', 'atria_customer', CUSTOMER, dict(CUSTOMER, contact_name='Joan Doe'),
               _customers_named(CUSTOMER['fullname'])),
    ModuleCase('customer without code', 'atria_customer', CUSTOMER_WITHOUT_CODE,
               dict(CUSTOMER_WITHOUT_CODE, phone='+371 2000 0000'), _customers_named(CUSTOMER['fullname'])),
    ModuleCase('user', 'atria_user',
               dict(customer='REL', name='rel1', first_name='Rel', password='Rel!Passw0rd1'),
               dict(customer='REL', name='rel1', first_name='Rel', department='Support'),
               _users_named('rel1_REL'), setup=[('atria_customer', CUSTOMER), KEEPER]),
    ModuleCase('users in bulk', 'atria_user', dict(customer='REL', users=USERS),
               dict(customer='REL', users=[dict(USERS[0], department='Support')] + USERS[1:]),
               _users_named(*['%s_REL' % user['name'] for user in USERS]), setup=[('atria_customer', CUSTOMER), KEEPER],
               delete=dict(customer='REL', users=[dict(user, state='absent') for user in USERS])),
    ModuleCase('customer service', 'atria_service', EXCHANGE, dict(EXCHANGE, user_plans=['EX10_BASIC', 'EX10_FULL']),
               _provisioned_service('REL', 'HE'), setup=[('atria_customer', CUSTOMER)]),
    ModuleCase('user service', 'atria_service', dict(customer='REL', user='rel1', name='HE', user_plans=['EX10_BASIC']),
               dict(customer='REL', user='rel1', name='HE', user_plans=['EX10_FULL']),
               _provisioned_user_service('rel1_REL', 'HE'),
               setup=[('atria_customer', CUSTOMER), ('atria_service', dict(EXCHANGE, user_plans=['EX10_BASIC', 'EX10_FULL'])),
                      ('atria_user', dict(customer='REL', name='rel1'))]),
    ModuleCase('distribution group', 'atria_dist_group', DIST_GROUP, dict(DIST_GROUP, mail_tip='Ask & <us>'),
               _dist_groups_named('DA', DIST_GROUP['display_name']), setup=[DA_MEMBERS]),
    ModuleCase('approval group', 'atria_approval_group', APPROVAL_GROUP,
               dict(APPROVAL_GROUP, description='Approves the reliability tests & more'),
               _approval_groups_named('DA', APPROVAL_GROUP['name']), setup=[DA_MEMBERS]),
    # A setting of the customer, always there: "create" changes it, "update" changes it again; nothing to delete.
    ModuleCase('approval managers', 'atria_approval_managers', dict(customer='DA', managers=2, timeout_days=3),
               dict(customer='DA', managers=2, timeout_days=3, reminder_days=2), _workflow_managers('DA'), delete=None),
]

# Options for each read-only module, run after the setup of the cases above (customer REL exists). They take part
# in the secret tests: the API password travels with every request of every module.
INFO_CASES = {
    'atria_customer_info': dict(name='REL', properties=True),
    'atria_user_info': dict(customer='REL'),
    'atria_service_info': dict(customer='REL'),
    'atria_approval_group_info': dict(customer='REL'),
    'atria_dist_group_info': dict(customer='REL'),
    'atria_request_info': dict(id=45666),      # the first provisioning request after a reset: REL's creation
}


def modules_covered():
    return set(case.module for case in CASES)
