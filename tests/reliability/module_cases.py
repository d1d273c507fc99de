# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One entry per writing module: task options that create something, options that change one field of it, and
how to count it in the simulator state (a count above one is a duplicate).

Adding a module to the fault matrix and the secret-leak tests is adding one entry here;
test_fault_matrix.py fails when a writing module in plugins/modules has none.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleCase:
    """``setup``: [(module, options)] run first, fault-free (e.g. the customer a user belongs to).
    ``create``/``update``: task options (connection options are added by the tests).
    ``identities(state)``: {what: how many records the simulator holds for it}; every count must end at 1.
    """

    def __init__(self, label, module, create, update, identities, setup=()):
        self.label = label
        self.module = module
        self.create = create
        self.update = update
        self.identities = identities
        self.setup = list(setup)

    def __repr__(self):
        return self.label


CUSTOMER = dict(name='REL', fullname='Reliability Customer', contact_name='Jane Doe', contact_email='jane@rel.example',
                primary_domain='rel.example')
# Without a code the server generates one; only the full name identifies the customer. A SET re-sent after a
# lost answer is the classic way to end up with two customers, so this variant matters most.
CUSTOMER_WITHOUT_CODE = dict((key, value) for key, value in CUSTOMER.items() if key != 'name')
USERS = [dict(name='bulk%d' % number, first_name='Bulk%d' % number, user_password='Bulk!Passw0rd%d' % number)
         for number in range(3)]


def _customers_named(fullname):
    def identities(state):
        return {fullname: sum(1 for rec in state['customers'] if rec['fullname'] == fullname)}
    return identities


def _users_named(*names):
    def identities(state):
        return dict((name, sum(1 for rec in state['users'] if rec['name'].lower() == name.lower())) for name in names)
    return identities


CASES = [
    ModuleCase('customer', 'atria_customer', CUSTOMER, dict(CUSTOMER, contact_name='Joan Doe'),
               _customers_named(CUSTOMER['fullname'])),
    ModuleCase('customer without code', 'atria_customer', CUSTOMER_WITHOUT_CODE,
               dict(CUSTOMER_WITHOUT_CODE, phone='+371 2000 0000'), _customers_named(CUSTOMER['fullname'])),
    ModuleCase('user', 'atria_user',
               dict(customer='REL', name='rel1', first_name='Rel', user_password='Rel!Passw0rd1'),
               dict(customer='REL', name='rel1', first_name='Rel', department='Support'),
               _users_named('rel1_REL'), setup=[('atria_customer', CUSTOMER)]),
    ModuleCase('users in bulk', 'atria_user', dict(customer='REL', users=USERS),
               dict(customer='REL', users=[dict(USERS[0], department='Support')] + USERS[1:]),
               _users_named(*['%s_REL' % user['name'] for user in USERS]), setup=[('atria_customer', CUSTOMER)]),
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
