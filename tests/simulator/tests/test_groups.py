"""Hosted Exchange distribution groups and contacts: GET filters and paging, SET list rules, user membership."""

import time

import pytest
from lxml.builder import E

from tests.simulator.core import store
from tests.simulator.seed import base
from tests.simulator.seed import groups as group_seed

from .simhelp import customer, error, get_service, get_user_service, ok, service, user


@pytest.fixture(autouse=True)
def fresh(sim):
    sim.reset()
    sim.config({"provisioning_delay": 0.0})


def groups_el(*children):
    return service("HE", E.distributiongroups(*children))


def set_groups(sim, *groups, code="DA"):
    return ok(sim, "SET", customer(code, groups_el(*groups)))


def get_groups(sim, *children, code="DA"):
    return get_service(sim, code, "HE", E.distributiongroups(*children)).findall("distributiongroups/distributiongroup")


def group(sim, name, *lists, code="DA"):
    """The group called name, with the member lists given (e.g. E.members()) rendered."""
    found = get_groups(sim, E.distributiongroup(E.displayname(name), *lists), code=code)
    assert len(found) == 1
    return found[0]


def member_names(group_el, list_tag="members"):
    return sorted(el.findtext("displayname") for el in group_el.find(list_tag))


def add_users(sim, *names):
    """Users of DA with a Hosted Exchange mailbox."""
    for name in names:
        ok(sim, "SET", customer("DA", user(name, service("HE"))))


# --------------------------------------------------------------------- GET
def test_get_lists_groups_without_member_lists_unless_asked(sim):
    found = get_groups(sim)
    assert [el.findtext("displayname") for el in found] == ["DA Sales", "DA Staff"]
    assert found[1].find("members") is None
    assert found[1].findtext("owners/owners/displayname") == "Admin DA"
    staff = group(sim, "DA Staff", E.members(), E.sendasmembers())
    assert member_names(staff) == ["Admin DA"]
    assert staff.find("members/member").findtext("selected") == "True"
    assert len(staff.find("sendasmembers")) == 0


def test_filters_match_substrings_and_wildcards(sim):
    set_groups(sim, E.distributiongroup(E.displayname("Marketing")), E.distributiongroup(E.displayname("Admins")))
    names = [el.findtext("displayname") for el in get_groups(sim, E.displaynamefilter("m"))]
    assert names == ["Admins", "Marketing"]
    assert [el.findtext("displayname") for el in get_groups(sim, E.displaynamefilter("M*"))] == ["Marketing"]
    assert [el.findtext("displayname") for el in get_groups(sim, E.emailfilter("dasta"))] == ["DA Staff"]


def test_paging_over_2500_groups_returns_each_exactly_once(sim):
    sim.seed({"distgroups": {"customer": "DA", "count": 2500}})
    seen = []
    index = 1
    while True:
        page = get_groups(sim, E.pageindex(str(index)), E.pagesize("1000"))
        seen.extend(el.findtext("displayname") for el in page)
        if len(page) < 1000:
            break
        index += 1
    assert index == 3
    assert len(seen) == len(set(seen)) == 2502
    assert len(get_groups(sim)) == 100          # the default page size
    assert get_groups(sim, E.pageindex("99"), E.pagesize("100")) == []


def test_bad_paging_values_are_error_38(sim):
    assert error(sim, "GET", customer("DA", groups_el(E.pageindex("first"))))[0] == 38
    assert error(sim, "GET", customer("DA", groups_el(E.pagesize("0"))))[0] == 38


def test_seed_distgroups_is_fast():
    state = store.Store()
    base.seed_core(state)
    started = time.perf_counter()
    assert group_seed.seed_distgroups(state, "OC", 2500) == 2500
    assert time.perf_counter() - started < 1.0
    assert len(state.customers[24]["distgroups"]) == 2500
    assert state.customers[24]["services"]["HE"]["status"] == "Provisioned"


# --------------------------------------------------------------------- SET
def test_create_group_with_defaults_then_update_fields(sim):
    set_groups(sim, E.distributiongroup(E.displayname("Heroes"), E.grouptype("global_security")))
    heroes = group(sim, "Heroes")
    assert heroes.findtext("grouptype") == "Global_Security"
    assert heroes.findtext("email") == "heroes@nervogrid.com"
    assert heroes.findtext("path").startswith("CN=Heroes,OU=Distribution Groups,OU=Demo Also(DA)")
    set_groups(sim, E.distributiongroup(E.path(heroes.findtext("path")), E.mailtip("Capes only"),
                                        E.memberjoinrestriction("approvalrequired"), E.hidefromaddresslists("true")))
    heroes = group(sim, "Heroes")
    assert (heroes.findtext("mailtip"), heroes.findtext("memberjoinrestriction"),
            heroes.findtext("hidefromaddresslists")) == ("Capes only", "ApprovalRequired", "True")


@pytest.mark.parametrize("field, value", [("grouptype", "Mail_Enabled"), ("memberdepartrestriction", "Sometimes")])
def test_invalid_choices_are_error_10(sim, field, value):
    code, message, _status = error(sim, "SET", customer("DA", groups_el(E.distributiongroup(
        E.displayname("DA Staff"), E(field, value)))))
    assert code == 10 and value in message


def test_members_are_added_and_removed_one_by_one(sim):
    add_users(sim, "Batman", "Robin")
    set_groups(sim, E.distributiongroup(E.displayname("DA Staff"), E.members(
        E.member(E.displayname("Batman"), E.selected("true")),
        E.member(E.email("robin_da@nervogrid.com")))))
    assert member_names(group(sim, "DA Staff", E.members())) == ["Admin DA", "Batman", "Robin"]
    set_groups(sim, E.distributiongroup(E.displayname("DA Staff"), E.members(
        E.member(E.path("CN=admin_DA,OU=Demo Also(DA),OU=Customers,DC=pp-exchange,DC=local"), E.selected("false")))))
    assert member_names(group(sim, "DA Staff", E.members())) == ["Batman", "Robin"]
    set_groups(sim, E.distributiongroup(E.displayname("DA Sales"), E.sendasmembers(
        E.sendasmember(E.displayname("DA Staff")))))
    assert member_names(group(sim, "DA Sales", E.sendasmembers()), "sendasmembers") == ["DA Staff"]


def test_unknown_member_is_error_10_and_nothing_changes(sim):
    before = member_names(group(sim, "DA Staff", E.members()))
    code, message, _status = error(sim, "SET", customer("DA", groups_el(
        E.distributiongroup(E.displayname("New Group")),
        E.distributiongroup(E.displayname("DA Staff"), E.members(E.member(E.displayname("Nobody")))))))
    assert code == 10 and "Nobody" in message
    assert member_names(group(sim, "DA Staff", E.members())) == before
    assert [el.findtext("displayname") for el in get_groups(sim)] == ["DA Sales", "DA Staff"]


def test_owners_and_email_addresses_replace_the_whole_list(sim):
    add_users(sim, "Batman")
    set_groups(sim, E.distributiongroup(E.displayname("DA Staff"),
                                        E.owners(E.owner(E.displayname("Batman"))),
                                        E.emailaddresses(E.emailaddress("staff@nervogrid.com"),
                                                         E.emailaddress("team@nervogrid.com"))))
    staff = group(sim, "DA Staff")
    assert [el.findtext("displayname") for el in staff.find("owners")] == ["Batman"]
    set_groups(sim, E.distributiongroup(E.displayname("DA Staff"),
                                        E.owners(E.owners(E.displayname("Admin DA"))),   # the guide's nesting
                                        E.emailaddresses(E.emailaddress("team@nervogrid.com"))))
    staff = group(sim, "DA Staff")
    assert [el.findtext("displayname") for el in staff.find("owners")] == ["Admin DA"]
    assert [el.text for el in staff.find("emailaddresses")] == ["team@nervogrid.com"]
    assert error(sim, "SET", customer("DA", groups_el(E.distributiongroup(
        E.displayname("DA Staff"), E.owners(E.owner(E.displayname("DA Sales")))))))[0] == 10


def test_group_is_deleted_with_enabled_false_not_with_delete(sim):
    code, message, _status = error(sim, "DELETE", customer("DA", groups_el(E.distributiongroup(
        E.displayname("DA Sales")))))
    assert code == 10 and "<enabled>false</enabled>" in message
    set_groups(sim, E.distributiongroup(E.displayname("DA Staff"), E.sendasmembers(
        E.sendasmember(E.displayname("DA Sales")))))
    set_groups(sim, E.distributiongroup(E.displayname("DA Sales"), E.enabled("false")))
    assert [el.findtext("displayname") for el in get_groups(sim)] == ["DA Staff"]
    assert len(group(sim, "DA Staff", E.sendasmembers()).find("sendasmembers")) == 0


def test_selected_false_on_a_group_is_ignored_at_customer_level(sim):
    """Issue 12 item 1: the guide documents no group-level <selected> in a customer-level SET."""
    root = set_groups(sim, E.distributiongroup(E.displayname("DA Sales"), E.selected("false")))
    assert root.findtext("request/id")
    assert [el.findtext("displayname") for el in get_groups(sim)] == ["DA Sales", "DA Staff"]


def test_enabled_true_on_a_group_changes_nothing_and_deleting_an_unknown_group_is_no_error(sim):
    before = sim.state()["customers"]
    set_groups(sim, E.distributiongroup(E.displayname("DA Sales"), E.enabled("True")),
               E.distributiongroup(E.displayname("Never There"), E.enabled("false")))
    assert sim.state()["customers"] == before


def test_groups_need_hosted_exchange(sim):
    code, message, _status = error(sim, "SET", customer("OC", groups_el(E.distributiongroup(E.displayname("X")))))
    assert code == 10 and "Hosted Exchange" in message


def test_sync_query_reports_existence_and_membership(sim):
    staff = group(sim, "DA Staff", E.members(E.member(E.displayname("Admin DA")), E.member(E.syncobjectid("S-1-5"))))
    answers = [(el.findtext("exists"), el.findtext("selected")) for el in staff.find("members")]
    assert answers == [("True", "True"), ("False", "False")]


# --------------------------------------------------------------------- user level
def test_user_level_membership_set_and_get(sim):
    staff_path = group(sim, "DA Staff").findtext("path")
    ok(sim, "SET", customer("DA", user("admin_DA", service("HE", E.distributiongroups(
        E.distributiongroup(E.path(staff_path), E.selected("false")),
        E.distributiongroup(E.displayname("DA Sales"), E.selected("true")))))))
    mine = get_user_service(sim, "DA", "admin_DA", "HE", E.distributiongroups())
    assert [el.findtext("displayname") for el in mine.find("distributiongroups")] == ["DA Sales"]
    assert member_names(group(sim, "DA Staff", E.members())) == []
    code, message, _status = error(sim, "SET", customer("DA", user("admin_DA", service("HE", E.distributiongroups(
        E.distributiongroup(E.displayname("Ghosts")))))))
    assert code == 10 and "Ghosts" in message


# --------------------------------------------------------------------- contacts
def test_contacts_get_set_and_delete(sim):
    contacts = get_service(sim, "DA", "HE", E.contacts()).findall("contacts/contact")
    assert [el.findtext("displayname") for el in contacts] == ["External Partner"]
    ok(sim, "SET", customer("DA", service("HE", E.contacts(E.contact(
        E.displayname("Alfred"), E.email("alfred@manor.example"), E.hidefromaddresslists("True"))))))
    found = get_service(sim, "DA", "HE", E.contacts(E.displaynamefilter("alf"))).findall("contacts/contact")
    assert [(el.findtext("email"), el.findtext("hidefromaddresslists")) for el in found] == [
        ("alfred@manor.example", "True")]
    ok(sim, "SET", customer("DA", service("HE", E.contacts(E.contact(E.displayname("Alfred"), E.selected("false"))))))
    assert len(get_service(sim, "DA", "HE", E.contacts()).findall("contacts/contact")) == 2   # <selected>: ignored
    ok(sim, "SET", customer("DA", service("HE", E.contacts(E.contact(E.displayname("Alfred"), E.enabled("false"))))))
    assert len(get_service(sim, "DA", "HE", E.contacts()).findall("contacts/contact")) == 1


def contacts_el(*children):
    return service("HE", E.contacts(*children))


def get_contacts(sim, *children, code="DA"):
    return get_service(sim, code, "HE", E.contacts(*children)).findall("contacts/contact")


def test_a_contact_is_found_by_sync_object_id_or_path_and_renamed_by_it(sim):
    ok(sim, "SET", customer("DA", contacts_el(E.contact(
        E.displayname("Synced"), E.syncobjectid("remote-1"), E.email("synced@remote.example")))))
    ok(sim, "SET", customer("DA", contacts_el(E.contact(
        E.syncobjectid("REMOTE-1"), E.displayname("Synced Renamed"), E.jobtitle("Buyer")))))
    found = get_contacts(sim, E.syncfilter("remote"))
    assert [(el.findtext("displayname"), el.findtext("jobtitle")) for el in found] == [("Synced Renamed", "Buyer")]
    path = found[0].findtext("path")
    assert path == "CN=Synced,OU=Contacts,OU=Demo Also(DA),OU=Customers,DC=pp-exchange,DC=local"
    ok(sim, "SET", customer("DA", contacts_el(E.contact(E.path(path.lower()), E.city("Riga")))))
    assert [el.findtext("city") for el in get_contacts(sim, E.displaynamefilter("renamed"))] == ["Riga"]
    assert len(get_contacts(sim)) == 2                        # renamed in place, nothing created
    code, message, _status = error(sim, "SET", customer("DA", contacts_el(E.contact(E.syncobjectid("unknown")))))
    assert code == 10 and "<displayname> is required" in message


def test_contacts_page_in_display_name_order(sim):
    ok(sim, "SET", customer("DA", contacts_el(*[E.contact(E.displayname("Paged %02d" % number)) for number in range(5)])))
    pages = [[el.findtext("displayname")
              for el in get_contacts(sim, E.displaynamefilter("paged"), E.pageindex(str(index)), E.pagesize("2"))]
             for index in (1, 2, 3, 4)]
    assert pages == [["Paged 00", "Paged 01"], ["Paged 02", "Paged 03"], ["Paged 04"], []]


def test_contacts_need_hosted_exchange(sim):
    code, message, _status = error(sim, "SET", customer("OC", contacts_el(E.contact(E.displayname("Nobody")))))
    assert code == 10 and "Hosted Exchange is not provisioned" in message


def test_a_contact_is_a_group_member_by_email_or_display_name_until_it_is_removed(sim):
    ok(sim, "SET", customer("DA", contacts_el(E.contact(E.displayname("Member Contact"), E.email("member@remote.example")))))
    set_groups(sim, E.distributiongroup(E.displayname("With Contacts"), E.members(
        E.member(E.email("MEMBER@remote.example"), E.selected("true")),
        E.member(E.displayname("External Partner"), E.selected("true")))))
    members = group(sim, "With Contacts", E.members()).find("members")
    assert sorted(el.findtext("email") for el in members) == ["member@remote.example", "partner@example.org"]
    ok(sim, "SET", customer("DA", contacts_el(E.contact(E.displayname("Member Contact"), E.enabled("false")))))
    assert member_names(group(sim, "With Contacts", E.members())) == ["External Partner"]
