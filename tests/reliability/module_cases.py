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
    ``stored(state)``: the written values as the simulator stores them (raw /_sim/state, not our parsers);
    ``expected``: {'create': values, 'update': values} they must equal after that operation. The update's
    changed field is among them, so a field sent under the wrong tag (or read back from the wrong one) fails.
    """

    def __init__(self, label, module, create, update, identities, stored, expected, setup=(), delete=True):
        self.label = label
        self.module = module
        self.create = create
        self.update = update
        self.delete = dict(create, state='absent') if delete is True else delete
        self.identities = identities
        self.stored = stored
        self.expected = expected
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
EXCHANGE_SETTINGS = dict(EXCHANGE, accepted_domains=[{'name': 'rel.example'}], mailbox_storage_limit=1024, public_folder_create=True)
MAILBOX = dict(customer='REL', user='rel1', name='HE', reply_address='rel.one@rel.example', email_addresses=['rel1.a@rel.example'],
               mailbox_storage_limit=1024, distribution_groups=['relsales@rel.example'])
# DA is seeded with Hosted Exchange and workflow providers; these users are the members of the groups below.
DA_MEMBERS = ('atria_user', dict(customer='DA', users=[dict(name='relx'), dict(name='rely')]))
DIST_GROUP = dict(customer='DA', display_name='Reliability Team', email='reliability@nervogrid.com', members=['relx'],
                  owners=['rely'], hide_from_address_lists=True)
# DA is seeded with Hosted Exchange: a contact of its address book.
CONTACT = dict(customer='DA', display_name='Reliability Contact', email='rel.contact@partner.example',
               company_name='Partner Ltd', state_or_province='Kent', hide_from_address_lists=True)
# A location of the service provider (no customer uses it, so it can be deleted again).
LOCATION = dict(name='Location REL', services=['HE', 'File Sharing'], customer_properties={'City': 'Riga'})
APPROVAL_GROUP = dict(customer='DA', name='Reliability Approvers', description='Approves the reliability tests',
                      members_to_approve=2, members=['relx', 'rely'])


def _count(records, predicate):
    return sum(1 for record in records if predicate(record))


def _customer(state, code):
    return next((rec for rec in state['customers'] if rec['name'] == code), {})


def _user(state, name):
    return next((rec for rec in state['users'] if rec['name'].lower() == name.lower()), {})


def _user_names(state, ids):
    """Stored member ids (workflow and distribution groups keep user ids) as the users' stored names."""
    names = dict((rec['id'], rec['name']) for rec in state['users'])
    return sorted(names.get(entry['id'] if isinstance(entry, dict) else entry, 'unknown id %r' % (entry,)) for entry in ids)


def _customers_named(fullname):
    def identities(state):
        return {fullname: _count(state['customers'], lambda rec: rec['fullname'] == fullname)}
    return identities


def _customer_fields(fullname, *fields):
    def stored(state):
        record = next((rec for rec in state['customers'] if rec['fullname'] == fullname), {})
        return dict((field, record.get(field)) for field in fields)
    return stored


def _users_named(*names):
    def identities(state):
        return dict((name, _count(state['users'], lambda rec: rec['name'].lower() == name.lower())) for name in names)
    return identities


def _user_fields(names, *fields):
    """The password is among the fields: the simulator stores it, so this proves it reached the server."""
    def stored(state):
        return dict((name, dict((field, _user(state, name).get(field)) for field in fields)) for name in names)
    return stored


def _customer_service_of(state, code, service):
    return _customer(state, code).get('services', {}).get(service) or {}


def _provisioned_service(code, service):
    def identities(state):
        record = _customer_service_of(state, code, service)
        return {service: int(bool(record) and record.get('status') != 'NotProvisioned')}
    return identities


def _service_values(code, service):
    def stored(state):
        record = _customer_service_of(state, code, service)
        return {'status': record.get('status'), 'version': record.get('version'), 'package': record.get('package'),
                'enabled plans': sorted(plan for plan, values in record.get('userplans', {}).items() if values.get('enabled'))}
    return stored


def _exchange_settings(code):
    """A customer's Hosted Exchange settings as the simulator stores them (services/exchange.py)."""
    def stored(state):
        record = _customer_service_of(state, code, 'HE')
        folder = record.get('publicfolder') or {}
        return {'status': record.get('status'), 'domains': record.get('domains'), 'limit': record.get('mailboxstoragelimit'),
                'folders': folder.get('create'), 'items': folder.get('itemlimit')}
    return stored


def _user_service_of(state, user, service):
    return _user(state, user).get('services', {}).get(service) or {}


def _provisioned_user_service(user, service):
    def identities(state):
        record = _user_service_of(state, user, service)
        return {'%s of %s' % (service, user): int(bool(record) and record.get('status') != 'NotProvisioned')}
    return identities


def _user_service_values(user, service):
    def stored(state):
        record = _user_service_of(state, user, service)
        return {'status': record.get('status'), 'plans': sorted(record.get('plans', []))}
    return stored


def _mailbox_values(code, user):
    """A user's Hosted Exchange mailbox as the simulator stores it, with the groups whose members hold the user."""
    def stored(state):
        record = _user_service_of(state, user, 'HE')
        ref = {'type': 'user', 'id': _user(state, user).get('id')}
        groups = sorted(group['displayname'] for group in _customer(state, code).get('distgroups', []) if ref in group['members'])
        return {'status': record.get('status'), 'reply': record.get('replyaddress'),
                'addresses': record.get('emailaddresses'), 'limit': record.get('mailboxstoragelimit'), 'groups': groups}
    return stored


def _dist_group(state, code, display_name):
    return next((rec for rec in _customer(state, code).get('distgroups', []) if rec['displayname'] == display_name), {})


def _dist_groups_named(code, display_name):
    def identities(state):
        return {display_name: _count(_customer(state, code).get('distgroups', []), lambda rec: rec['displayname'] == display_name)}
    return identities


def _dist_group_values(code, display_name):
    def stored(state):
        record = _dist_group(state, code, display_name)
        return {'email': record.get('email'), 'mailtip': record.get('mailtip'), 'hidden': record.get('hidefromaddresslists'),
                'members': _user_names(state, record.get('members', [])), 'owners': _user_names(state, record.get('owners', []))}
    return stored


def _contacts_of(state, code):
    return _customer_service_of(state, code, 'HE').get('contacts', [])


def _contacts_named(code, display_name):
    def identities(state):
        return {display_name: _count(_contacts_of(state, code), lambda rec: rec['displayname'] == display_name)}
    return identities


def _contact_values(code, display_name):
    def stored(state):
        record = next((rec for rec in _contacts_of(state, code) if rec['displayname'] == display_name), {})
        return dict((tag, record.get(tag)) for tag in ('email', 'companyname', 'jobtitle', 'state', 'hidefromaddresslists'))
    return stored


def _locations_named(name):
    def identities(state):
        return {name: _count(state.get('locations', []), lambda rec: rec['name'] == name)}
    return identities


def _location_values(name):
    def stored(state):
        record = next((rec for rec in state.get('locations', []) if rec['name'] == name), {})
        return {'services': sorted(record.get('services') or []),
                'City': (record.get('customer_properties') or {}).get('City')}
    return stored


def _providers(state, code):
    return _customer(state, code).get('approval', {}).get('providers', {})


def _approval_group(state, code, name):
    groups = _providers(state, code).get('Workflow Groups', {}).get('groups', [])
    return next((group for group in groups if group['name'] == name), {})


def _approval_groups_named(code, name):
    def identities(state):
        groups = _providers(state, code).get('Workflow Groups', {}).get('groups', [])
        return {name: _count(groups, lambda group: group['name'] == name)}
    return identities


def _approval_group_values(code, name):
    def stored(state):
        group = _approval_group(state, code, name)
        return {'description': group.get('description'), 'members': _user_names(state, group.get('members', [])),
                'members to approve': group.get('configuration', {}).get('memberstoapprove')}
    return stored


def _workflow_managers(code):
    def identities(state):
        return {'Workflow Managers': int('Workflow Managers' in _providers(state, code))}
    return identities


def _workflow_manager_values(code):
    """The seed data already has Workflow Managers for DA (1 manager, 3 days, reminder after 1): only the values
    tell whether a write took."""
    def stored(state):
        return dict(_providers(state, code).get('Workflow Managers', {}).get('configuration', {}))
    return stored


# DA's seeded approval request: "Provision User - New Starter", one subscription for admin_DA, pending.
APPROVAL_ANSWER = dict(customer='DA', description='New Starter', approver='admin', status='accepted', reason='Reliability & <ok>')


def _seeded_subscriptions(code, description):
    responses = _customer_approval_responses(code, description)

    def identities(state):
        return {description: sum(len(response['subscriptions']) for response in responses(state))}
    return identities


def _customer_approval_responses(code, description):
    def responses(state):
        return [response for response in _customer(state, code).get('approval', {}).get('responses', [])
                if description in response['description']]
    return responses


def _subscription_answers(code, description):
    responses = _customer_approval_responses(code, description)

    def stored(state):
        return dict((item['id'], {'status': item['status'], 'reason': item['reason']})
                    for response in responses(state) for item in response['subscriptions'])
    return stored


SEEDED_SUBSCRIPTION = '6f1c2a4e-3b5d-4c7e-9a1f-2d3e4f5a6b7c'

CUSTOMER_FIELDS = ('contactname', 'contactemail', 'primarydomain', 'phone')
BULK_NAMES = ['%s_REL' % user['name'] for user in USERS]
BULK_CREATED = dict((user['name'] + '_REL', {'firstname': user['first_name'], 'password': user['password'], 'department': 'Unassigned'})
                    for user in USERS)

CASES = [
    ModuleCase('customer', 'atria_customer', CUSTOMER, dict(CUSTOMER, contact_name='Joan Doe'),
               _customers_named(CUSTOMER['fullname']), _customer_fields(CUSTOMER['fullname'], *CUSTOMER_FIELDS),
               {'create': {'contactname': 'Jane Doe', 'contactemail': 'jane@rel.example', 'primarydomain': 'rel.example', 'phone': ''},
                'update': {'contactname': 'Joan Doe', 'contactemail': 'jane@rel.example', 'primarydomain': 'rel.example', 'phone': ''}}),
    ModuleCase('customer without code', 'atria_customer', CUSTOMER_WITHOUT_CODE,
               dict(CUSTOMER_WITHOUT_CODE, phone='+371 2000 0000'), _customers_named(CUSTOMER['fullname']),
               _customer_fields(CUSTOMER['fullname'], *CUSTOMER_FIELDS),
               {'create': {'contactname': 'Jane Doe', 'contactemail': 'jane@rel.example', 'primarydomain': 'rel.example', 'phone': ''},
                'update': {'contactname': 'Jane Doe', 'contactemail': 'jane@rel.example', 'primarydomain': 'rel.example',
                           'phone': '+371 2000 0000'}}),
    ModuleCase('user', 'atria_user',
               dict(customer='REL', name='rel1', first_name='Rel', password='Rel!Passw0rd1'),
               dict(customer='REL', name='rel1', first_name='Rel', department='Support'),
               _users_named('rel1_REL'), _user_fields(['rel1_REL'], 'firstname', 'password', 'department'),
               {'create': {'rel1_REL': {'firstname': 'Rel', 'password': 'Rel!Passw0rd1', 'department': 'Unassigned'}},
                'update': {'rel1_REL': {'firstname': 'Rel', 'password': 'Rel!Passw0rd1', 'department': 'Support'}}},
               setup=[('atria_customer', CUSTOMER), KEEPER]),
    ModuleCase('users in bulk', 'atria_user', dict(customer='REL', users=USERS),
               dict(customer='REL', users=[dict(USERS[0], department='Support')] + USERS[1:]),
               _users_named(*BULK_NAMES), _user_fields(BULK_NAMES, 'firstname', 'password', 'department'),
               {'create': BULK_CREATED,
                'update': dict(BULK_CREATED, bulk0_REL=dict(BULK_CREATED['bulk0_REL'], department='Support'))},
               setup=[('atria_customer', CUSTOMER), KEEPER],
               delete=dict(customer='REL', users=[dict(user, state='absent') for user in USERS])),
    ModuleCase('customer service', 'atria_service', EXCHANGE, dict(EXCHANGE, user_plans=['EX10_BASIC', 'EX10_FULL']),
               _provisioned_service('REL', 'HE'), _service_values('REL', 'HE'),
               {'create': {'status': 'Provisioned', 'version': '2013', 'package': 'Default', 'enabled plans': ['EX10_BASIC']},
                'update': {'status': 'Provisioned', 'version': '2013', 'package': 'Default',
                           'enabled plans': ['EX10_BASIC', 'EX10_FULL']}},
               setup=[('atria_customer', CUSTOMER)]),
    # A customer's Hosted Exchange settings (entities/service/exchange.py): accepted domains, public folders, limit.
    ModuleCase('customer exchange settings', 'atria_service', EXCHANGE_SETTINGS, dict(EXCHANGE_SETTINGS, public_folder_item_limit=50),
               _provisioned_service('REL', 'HE'), _exchange_settings('REL'),
               {'create': {'status': 'Provisioned', 'domains': [['rel.example', 'authoritative']], 'limit': 1024,
                           'folders': True, 'items': 'Unlimited'},
                'update': {'status': 'Provisioned', 'domains': [['rel.example', 'authoritative']], 'limit': 1024,
                           'folders': True, 'items': 50}},
               setup=[('atria_customer', CUSTOMER)]),
    ModuleCase('user service', 'atria_service', dict(customer='REL', user='rel1', name='HE', user_plans=['EX10_BASIC']),
               dict(customer='REL', user='rel1', name='HE', user_plans=['EX10_FULL']),
               _provisioned_user_service('rel1_REL', 'HE'), _user_service_values('rel1_REL', 'HE'),
               {'create': {'status': 'Provisioned', 'plans': ['EX10_BASIC']},
                'update': {'status': 'Provisioned', 'plans': ['EX10_FULL']}},
               setup=[('atria_customer', CUSTOMER), ('atria_service', dict(EXCHANGE, user_plans=['EX10_BASIC', 'EX10_FULL'])),
                      ('atria_user', dict(customer='REL', name='rel1'))]),
    # A user's Hosted Exchange mailbox (entities/service/mailbox.py): addresses, limit, and groups joined from the user.
    ModuleCase('user mailbox', 'atria_service', MAILBOX,
               dict(MAILBOX, email_addresses=['rel1.b@rel.example'], distribution_groups=['Rel Sales', 'Rel Support']),
               _provisioned_user_service('rel1_REL', 'HE'), _mailbox_values('REL', 'rel1_REL'),
               {'create': {'status': 'Provisioned', 'reply': 'rel.one@rel.example', 'addresses': ['rel1.a@rel.example'],
                           'limit': 1024, 'groups': ['Rel Sales']},
                'update': {'status': 'Provisioned', 'reply': 'rel.one@rel.example', 'addresses': ['rel1.b@rel.example'],
                           'limit': 1024, 'groups': ['Rel Sales', 'Rel Support']}},
               setup=[('atria_customer', CUSTOMER), ('atria_service', EXCHANGE), ('atria_user', dict(customer='REL', name='rel1')),
                      ('atria_dist_group', dict(customer='REL', display_name='Rel Sales', email='relsales@rel.example')),
                      ('atria_dist_group', dict(customer='REL', display_name='Rel Support', email='relsupport@rel.example'))]),
    ModuleCase('distribution group', 'atria_dist_group', DIST_GROUP, dict(DIST_GROUP, mail_tip='Ask & <us>'),
               _dist_groups_named('DA', DIST_GROUP['display_name']), _dist_group_values('DA', DIST_GROUP['display_name']),
               {'create': {'email': 'reliability@nervogrid.com', 'mailtip': '', 'hidden': True, 'members': ['relx_DA'],
                           'owners': ['rely_DA']},
                'update': {'email': 'reliability@nervogrid.com', 'mailtip': 'Ask & <us>', 'hidden': True, 'members': ['relx_DA'],
                           'owners': ['rely_DA']}},
               setup=[DA_MEMBERS]),
    ModuleCase('contact', 'atria_contact', CONTACT, dict(CONTACT, job_title='Buyer & <lead>'),
               _contacts_named('DA', CONTACT['display_name']), _contact_values('DA', CONTACT['display_name']),
               {'create': {'email': 'rel.contact@partner.example', 'companyname': 'Partner Ltd', 'jobtitle': '',
                           'state': 'Kent', 'hidefromaddresslists': True},
                'update': {'email': 'rel.contact@partner.example', 'companyname': 'Partner Ltd', 'jobtitle': 'Buyer & <lead>',
                           'state': 'Kent', 'hidefromaddresslists': True}}),
    ModuleCase('location', 'atria_location', LOCATION, dict(LOCATION, customer_properties={'City': 'Riga & <Old Town>'}),
               _locations_named(LOCATION['name']), _location_values(LOCATION['name']),
               {'create': {'services': ['FSS', 'HE'], 'City': 'Riga'},
                'update': {'services': ['FSS', 'HE'], 'City': 'Riga & <Old Town>'}}),
    ModuleCase('approval group', 'atria_approval_group', APPROVAL_GROUP,
               dict(APPROVAL_GROUP, description='Approves the reliability tests & more'),
               _approval_groups_named('DA', APPROVAL_GROUP['name']), _approval_group_values('DA', APPROVAL_GROUP['name']),
               {'create': {'description': 'Approves the reliability tests', 'members': ['relx_DA', 'rely_DA'], 'members to approve': 2},
                'update': {'description': 'Approves the reliability tests & more', 'members': ['relx_DA', 'rely_DA'],
                           'members to approve': 2}},
               setup=[DA_MEMBERS]),
    # A setting of the customer, always there: "create" changes it, "update" changes it again; nothing to delete.
    ModuleCase('approval managers', 'atria_approval_managers', dict(customer='DA', managers=2, timeout_days=3),
               dict(customer='DA', managers=2, timeout_days=3, reminder_days=2), _workflow_managers('DA'),
               _workflow_manager_values('DA'),
               {'create': {'managers': 2, 'timeoutdays': 3, 'reminderdays': 1},
                'update': {'managers': 2, 'timeoutdays': 3, 'reminderdays': 2}},
               delete=None),
    # An answer is final: "create" accepts DA's seeded request; nothing updates or removes an answer.
    ModuleCase('approval response', 'atria_approval_response', APPROVAL_ANSWER, None,
               _seeded_subscriptions('DA', 'New Starter'), _subscription_answers('DA', 'New Starter'),
               {'create': {SEEDED_SUBSCRIPTION: {'status': 'Accepted', 'reason': 'Reliability & <ok>'}}},
               delete=None),
]

# Options for each read-only module, run after the setup of the cases above (customer REL exists). They take part
# in the secret tests: the API password travels with every request of every module.
INFO_CASES = {
    'atria_customer_info': dict(name='REL', properties=True),
    'atria_user_info': dict(customer='REL'),
    'atria_service_info': dict(customer='REL'),
    'atria_approval_group_info': dict(customer='REL'),
    'atria_approval_response_info': dict(customer='DA', all=True),
    'atria_dist_group_info': dict(customer='REL'),
    'atria_contact_info': dict(customer='DA'),
    'atria_location_info': dict(services=True),
    'atria_request_info': dict(id=45666),      # the first provisioning request after a reset: REL's creation
    'atria_report_info': dict(name='Customers with Query', parameters={'Name': 'REL'}, format='tsv'),
}


def modules_covered():
    return set(case.module for case in CASES)
