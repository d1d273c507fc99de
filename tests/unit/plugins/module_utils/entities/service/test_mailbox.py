# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A user's Hosted Exchange mailbox fields: addresses read in the captured shape, groups joined and left by
difference, unknown groups and foreign domains refused before anything is sent."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import pytest
from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.release import ReleaseTooOld
from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Plan
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.locator import CustomerRef
from ansible_collections.atria.cortex.plugins.module_utils.entities.service import mailbox
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.locator import ServiceLocator
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.plans import ServiceOptionError
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.resource import USER_SERVICE
from ansible_collections.atria.cortex.plugins.module_utils.engine.fields import Change

from fakes import ScriptedClient, answers, element

# The captures live in shared/ beside the repository (as in api/test_xml_codec.py): missing captures are an error.
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), *(['..'] * 6)))
CAPTURES = os.path.join(os.path.dirname(REPO), 'shared', 'reference', 'cpsm11-captures', 'Responses')


def captured_user_service():
    """The service element of UserServiceGet.xml, inside its user and customer as the server answers it."""
    with open(os.path.join(CAPTURES, 'UserServiceGet.xml'), 'rb') as handle:
        root = xml_codec.parse(handle.read())
    return root.find('customer/user/service')


def user_service(service_xml, addresses='', domains=('test2.local', 'nervogrid.com')):
    root = element('<response><customer><name>TC</name><domains>%s</domains><user><name>alice_TC</name>'
                   '<addresses>%s</addresses>%s</user></customer></response>'
                   % (''.join('<domain>%s</domain>' % domain for domain in domains), addresses, service_xml))
    return root.find('customer/user/service')


GROUPS = ('<distributiongroups>'
          '<distributiongroup><displayname>Sales</displayname><email>sales@test2.local</email>'
          '<path>CN=Sales,OU=TC</path><selected>True</selected></distributiongroup>'
          '<distributiongroup><displayname>Old</displayname><email>old@test2.local</email>'
          '<path>CN=Old,OU=TC</path><selected>False</selected></distributiongroup>'
          '</distributiongroups>')


# -- reading ---------------------------------------------------------------------------------------------------
def test_the_captured_user_service_reads_its_reply_address_and_no_other_address():
    values = USER_SERVICE.values(captured_user_service())
    assert values['reply_address'] == 'user1_tc@test2.local'
    assert values['email_addresses'] == []      # the only address is the primary one, the reply address
    assert 'distribution_groups' not in values and 'mailbox_storage_limit' not in values
    assert mailbox.customer_domains(captured_user_service()) == ['test2.local', 'nervogrid.com']


def test_other_addresses_come_from_the_services_list_when_the_answer_has_one_else_from_the_users_addresses():
    own = user_service('<service><name>HE</name><replyaddress>a@test2.local</replyaddress><emailaddresses>'
                       '<emailaddress>b@test2.local</emailaddress><emailaddress>A@test2.local</emailaddress>'
                       '</emailaddresses></service>', addresses='<address primary="True">x@test2.local</address>')
    assert USER_SERVICE.values(own)['email_addresses'] == ['b@test2.local']
    users = user_service('<service><name>HE</name><replyaddress>a@test2.local</replyaddress></service>',
                         addresses='<address primary="True">a@test2.local</address><address>c@test2.local</address>'
                                   '<address primary="False">d@nervogrid.com</address>')
    assert USER_SERVICE.values(users)['email_addresses'] == ['c@test2.local', 'd@nervogrid.com']


def test_another_service_has_no_mailbox_addresses():
    other = user_service('<service><name>FSS</name></service>', addresses='<address primary="True">a@test2.local</address>')
    assert 'email_addresses' not in USER_SERVICE.values(other)


def test_the_users_groups_are_the_selected_ones_by_display_name_and_asked_for_only_when_managed():
    field = USER_SERVICE.field('distribution_groups')
    service = user_service('<service><name>HE</name>%s</service>' % GROUPS)
    assert field.read(service) == ['Sales']
    assert field.read(user_service('<service><name>HE</name></service>')) is None
    assert [el.tag for el in field.read_request(['Sales'])] == ['distributiongroups'] and field.read_request(None) == []
    assert field.resolve(['sales@test2.local', 'cn=sales,ou=tc', 'Support'], service) == ['Sales', 'Sales', 'Support']


def test_the_mailbox_storage_limit_reads_a_number_or_unlimited():
    field = USER_SERVICE.field('mailbox_storage_limit')
    assert field.read(element('<service><mailboxstoragelimit>2048</mailboxstoragelimit></service>')) == 2048
    assert field.normalize('unlimited') == 'Unlimited' and field.tag == 'mailboxstoragelimit'


def test_the_argument_spec_has_the_mailbox_options_with_their_modes():
    spec = USER_SERVICE.argument_spec()
    assert spec['reply_address'] == {'type': 'str'} and spec['mailbox_storage_limit'] == {'type': 'raw'}
    for option in ('email_addresses', 'distribution_groups'):
        assert spec[option] == {'type': 'list', 'elements': 'str'}
        assert spec[option + '_mode']['choices'] == ['exact', 'present', 'absent']


# -- distribution groups: comparing and writing ------------------------------------------------------------------
class FakeLookup:
    def __init__(self, groups):
        self.known = groups
        self.asked = []

    def groups(self, describe):
        return self.known

    def find(self, name, describe):
        self.asked.append(name)
        return mailbox._matching(self.known, name)


class FakeContext(RunContext):
    def __init__(self, groups, check_mode=False):
        super(FakeContext, self).__init__(None, customer=CustomerRef('TC'), check_mode=check_mode)
        self.customer.code = 'TC'
        self.groups = FakeLookup(groups)

    def lookup(self, kind):
        assert kind is mailbox.GroupLookup
        return self.groups


CUSTOMER_GROUPS = (dict(displayname='Sales', email='sales@test2.local', path='CN=Sales,OU=TC'),
                   dict(displayname='Support', email='support@test2.local', path='CN=Support,OU=TC'))


def compare(current, desired, mode='exact', groups=CUSTOMER_GROUPS, context=None):
    context = context or FakeContext(list(groups))
    field = USER_SERVICE.field('distribution_groups')
    change = field.compare(current, field.normalize(desired), {'distribution_groups_mode': mode, 'user': 'alice'},
                           creating=False, context=context)
    return change, context.groups.asked


def test_in_check_mode_a_group_not_there_yet_previews_the_join_with_a_warning():
    # An earlier task of the same run (the tenant role's distribution groups) may be the one that creates it.
    context = FakeContext(list(CUSTOMER_GROUPS), check_mode=True)
    change, _asked = compare([], ['Sales', 'Marketing'], mode='present', context=context)
    assert change.changed and change.send == (['Sales', 'Marketing'], [])
    (warning,) = context.warnings
    assert warning.startswith("Check mode preview: distribution_groups: customer 'TC' has no distribution group 'Marketing'")
    assert 'an earlier task of the run may create what is missing; a real run refuses this.' in warning


def test_groups_the_user_is_in_need_no_read_and_no_write():
    change, asked = compare(['Sales'], ['Sales'])
    assert not change.changed and asked == []
    change, asked = compare(['Sales'], ['Support'], mode='absent')
    assert not change.changed and asked == []


def test_joining_a_group_by_e_mail_sends_only_the_difference_with_the_groups_display_name():
    change, asked = compare(['Sales'], ['Sales', 'support@test2.local'])
    assert asked == ['support@test2.local']
    assert change.changed and change.send == (['Support'], []) and change.after == ['Sales', 'Support']
    change, _asked = compare(['Sales', 'Old'], ['Support'])
    assert change.send == (['Support'], ['Sales', 'Old']) and change.before == ['Sales', 'Old']
    change, _asked = compare(['Sales', 'Support'], ['Sales'], mode='absent')
    assert change.send == ([], ['Sales']) and change.after == ['Support']


def test_an_unknown_group_is_refused_naming_the_customers_groups():
    with pytest.raises(mailbox.UnknownGroupsError) as refused:
        compare([], ['Sales', 'Marketing'], mode='present')
    message = str(refused.value)
    assert "no distribution group 'Marketing'" in message and 'Sales (sales@test2.local), Support (support@test2.local)' in message
    assert 'Nothing was sent' in message and 'distribution_groups' in message


def test_the_write_names_each_group_with_selected_true_or_false():
    field = USER_SERVICE.field('distribution_groups')
    (container,) = field.build((['Support'], ['Sales']))
    assert etree.tostring(container).decode() == (
        '<distributiongroups><distributiongroup><displayname>Support</displayname><selected>True</selected>'
        '</distributiongroup><distributiongroup><displayname>Sales</displayname><selected>False</selected>'
        '</distributiongroup></distributiongroups>')


def test_the_customers_groups_are_read_once_per_run_and_cpsm_10_is_refused():
    pages = element('<response><customer><name>TC</name><service><name>HE</name><status>Provisioned</status>'
                    '<distributiongroups><distributiongroup><displayname>Sales</displayname><email>sales@test2.local</email>'
                    '<path>CN=Sales</path></distributiongroup></distributiongroups></service></customer></response>')
    release = element('<response><global><version><api>11.0.0.0</api></version></global></response>')
    client = ScriptedClient(answers(release), answers(pages))
    lookup = RunContext(client, customer=CustomerRef('TC')).lookup(mailbox.GroupLookup)
    assert lookup.find('SALES', 'x') == dict(displayname='Sales', email='sales@test2.local', path='CN=Sales')
    assert lookup.find('nobody', 'x') is None and len(client.reads) == 2
    old = ScriptedClient(answers(element('<response><global><version><api>10.0.0.0</api></version></global></response>')))
    with pytest.raises(ReleaseTooOld) as refused:
        RunContext(old, customer=CustomerRef('TC')).lookup(mailbox.GroupLookup).find('Sales', 'Membership of alice')
    assert 'Membership of alice' in str(refused.value) and len(old.reads) == 1


# -- checks before a write -------------------------------------------------------------------------------------
class FakeEngine:
    def __init__(self, current, code='HE'):
        self.current = current
        self.locator = ServiceLocator('TC', code, user='alice')
        self.client = None


def plan_sending(**sent):
    return Plan('update', [(USER_SERVICE.field(option), Change(True, send=value)) for option, value in sent.items()])


def checked(current, code='HE', **sent):
    calls = []
    check = mailbox.mailbox_checks(calls.append, FakeEngine(current, code))
    plan = plan_sending(**sent)
    check(plan)
    return calls == [plan]


def he(reply='alice@test2.local'):
    return user_service('<service><name>HE</name><replyaddress>%s</replyaddress></service>' % reply)


def test_addresses_in_the_customers_domains_pass_after_the_service_checks():
    assert checked(he(), reply_address='a@Test2.Local', email_addresses=['b@nervogrid.com'])
    assert checked(he(), mailbox_storage_limit=5)


def test_an_address_in_a_foreign_domain_is_refused_naming_the_option_the_domains_and_the_fix():
    with pytest.raises(ServiceOptionError) as refused:
        checked(he(), reply_address='a@elsewhere.example', email_addresses=['b@test2.local', 'c@other.example'])
    message = str(refused.value)
    assert "reply_address 'a@elsewhere.example', email_addresses 'c@other.example'" in message
    assert "customer 'TC' (its domains: test2.local, nervogrid.com)" in message and 'domains_mode: present' in message
    assert 'Nothing was sent' in message


def test_the_reply_address_is_not_one_of_the_other_addresses():
    with pytest.raises(ServiceOptionError) as refused:
        checked(he('alice@test2.local'), email_addresses=['ALICE@test2.local'])
    assert "'alice@test2.local', the user's reply address" in str(refused.value)


def test_mailbox_options_of_a_service_found_by_display_name_that_is_not_hosted_exchange_are_refused():
    with pytest.raises(ServiceOptionError) as refused:
        checked(he(), code='FSS', mailbox_storage_limit=5)
    assert "mailbox_storage_limit belong(s) to a user's Hosted Exchange (HE) mailbox, not to FSS" in str(refused.value)


# -- the whole task through the engine ---------------------------------------------------------------------------
class MailboxServer:
    """Answers a user's HE GET (with the groups the user is in when asked), <global/>, the customer's groups and
    the customer service, and applies a user-level membership SET."""

    def __init__(self, member_of=('Sales',)):
        self.member_of = list(member_of)
        self.sets = []

    def __call__(self, action, entity):
        if action == 'SET':
            self.sets.append(entity)
            for item in entity.iterfind('user/service/distributiongroups/distributiongroup'):
                name = item.findtext('displayname')
                if item.findtext('selected') == 'True' and name not in self.member_of:
                    self.member_of.append(name)
                elif item.findtext('selected') == 'False' and name in self.member_of:
                    self.member_of.remove(name)
            return None
        if entity.tag == 'global':
            return element('<response><global><version><api>11.0.0.0</api></version></global></response>')
        if entity.find('user') is None and entity.find('service/distributiongroups') is not None:
            return element('<response><customer><name>TC</name><service><name>HE</name><distributiongroups>%s'
                           '</distributiongroups></service></customer></response>'
                           % ''.join('<distributiongroup><displayname>%s</displayname><email>%s@test2.local</email>'
                                     '</distributiongroup>' % (name, name.lower()) for name in ('Sales', 'Support')))
        if entity.find('user') is None:
            return element('<response><customer><name>TC</name><service><name>HE</name><status>Provisioned</status>'
                           '<userpackage><name>P</name><enabled>True</enabled></userpackage></service></customer>'
                           '</response>')
        groups = ''
        if entity.find('user/service/distributiongroups') is not None:
            groups = '<distributiongroups>%s</distributiongroups>' % ''.join(
                '<distributiongroup><displayname>%s</displayname><email>%s@test2.local</email><selected>True</selected>'
                '</distributiongroup>' % (name, name.lower()) for name in self.member_of)
        return user_service('<service><name>HE</name><status>Provisioned</status><replyaddress>alice@test2.local'
                            '</replyaddress>%s</service>' % groups).getroottree().getroot()


def serve(server, count=20):
    return ScriptedClient(*([server] * count))


def run_task(client, check_mode=False, **options):
    from fakes import run_service
    return run_service(client, check_mode=check_mode, user='alice', **options)


def test_an_identical_mailbox_task_is_one_read_with_the_groups_in_it():
    client = serve(MailboxServer())
    result = run_task(client, distribution_groups=['sales@test2.local'], reply_address='alice@test2.local')
    assert result['changed'] is False and len(client.calls) == 1
    assert client.calls[0][1].find('user/service/distributiongroups') is not None
    assert result['service']['distribution_groups'] == ['Sales']


def test_joining_a_group_reads_the_customers_groups_once_then_sends_only_that_group_and_reads_it_back():
    server = MailboxServer()
    client = serve(server)
    result = run_task(client, distribution_groups=['support@test2.local'], distribution_groups_mode='present')
    assert result['changed'] is True and result['service']['distribution_groups'] == ['Sales', 'Support']
    assert result['diff']['before']['distribution_groups'] == ['Sales']
    assert result['diff']['after']['distribution_groups'] == ['Sales', 'Support']
    # the customer's groups were read once (after <global/>), between the service read and the write
    assert [call[1].tag for call in client.reads].count('global') == 1
    (sent,) = server.sets
    items = sent.findall('user/service/distributiongroups/distributiongroup')
    assert [(item.findtext('displayname'), item.findtext('selected')) for item in items] == [('Support', 'True')]


def test_check_mode_sends_nothing_and_an_unknown_group_is_refused_before_any_write():
    server = MailboxServer()
    result = run_task(serve(server), check_mode=True, distribution_groups=['Support'])
    assert result['changed'] is True and server.sets == []
    with pytest.raises(mailbox.UnknownGroupsError):
        run_task(serve(server), distribution_groups=['Marketing'], distribution_groups_mode='present')
    assert server.sets == []


def test_a_server_that_ignores_the_membership_fails_naming_the_option():
    from ansible_collections.atria.cortex.plugins.module_utils.engine.verification import WriteNotApplied

    class Ignoring(MailboxServer):
        def __call__(self, action, entity):
            if action == 'SET':
                self.sets.append(entity)
                return None
            return super(Ignoring, self).__call__(action, entity)

    with pytest.raises(WriteNotApplied) as failed:
        run_task(serve(Ignoring()), distribution_groups=['Support'], distribution_groups_mode='present')
    assert '`distribution_groups`' in str(failed.value)


def test_a_refusal_names_at_most_25_of_the_customers_groups():
    many = [dict(displayname='G%03d' % index, email='', path='') for index in range(30)]
    message = str(mailbox.UnknownGroupsError(['Nope'], 'TC', many))
    assert 'G024, and 5 more.' in message and 'G025' not in message
