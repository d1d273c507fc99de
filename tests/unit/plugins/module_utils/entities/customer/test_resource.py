# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The customer's fields: the parent reference (code or full name) and the domains that keep the primary domain."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER

from fakes import FakeClient, element


def parent_field():
    return CUSTOMER.field('parent')


def test_the_parent_is_read_with_code_and_full_name_and_matches_either():
    current = parent_field().read(element('<customer><parent><name>DA</name><fullname>Demo Also</fullname></parent></customer>'))
    assert current == {'name': 'DA', 'fullname': 'Demo Also'}
    for given in ('DA', 'demo also'):
        change = parent_field().compare(current, given, {}, creating=False)
        assert not change.changed and change.before == 'DA' and change.after == 'DA'    # diffs show the code


def test_a_new_parent_is_sent_by_the_code_the_run_looks_up():
    client = FakeClient([element('<customer><name>RS</name><fullname>Reseller Two</fullname></customer>')])
    change = parent_field().compare({'name': 'DA', 'fullname': 'Demo Also'}, 'Reseller Two', {}, creating=False)
    assert change.changed and change.before == 'DA' and change.after == 'Reseller Two'
    container, = parent_field().build(parent_field().prepare(RunContext(client), change.send))
    assert [(child.tag, child.text) for child in container] == [('name', 'RS')]


def test_domains_keep_the_primary_domain_in_every_mode():
    field = CUSTOMER.field('domains')
    params = {'primary_domain': 'acme.example', 'domains_mode': 'exact'}
    change = field.compare(['acme.example', 'old.example'], ['new.example'], params, creating=False)
    assert change.send == ['acme.example', 'new.example']
    absent = field.compare(['acme.example', 'old.example'], ['acme.example', 'old.example'], dict(params, domains_mode='absent'), False)
    assert absent.send == ['acme.example']
    # exact need not repeat the primary domain: no change
    assert not field.compare(['acme.example', 'b.example'], ['b.example'], params, creating=False).changed


def test_a_new_customer_with_domains_present_starts_with_its_primary_domain():
    params = {'primary_domain': 'new.example', 'domains_mode': 'present'}
    change = CUSTOMER.field('domains').compare(None, ['extra.example'], params, creating=True)
    assert change.send == ['new.example', 'extra.example']


def test_the_customer_needs_these_options_to_be_created():
    assert CUSTOMER.missing_for_create({'fullname': 'X', 'contact_name': ''}) == ['contact_name', 'contact_email', 'primary_domain']
    assert CUSTOMER.missing_codes == (34,)
