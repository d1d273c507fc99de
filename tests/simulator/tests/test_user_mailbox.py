"""A user's Hosted Exchange mailbox: <replyaddress>, <emailaddresses> (shown in the user's <addresses>), a user-level
<mailboxstoragelimit>, and the groups the user is in (customer/user/service(HE)/distributiongroups)."""

import pytest
from lxml.builder import E

from .simhelp import call, customer, error, get_user_service, ok, service, user


@pytest.fixture(autouse=True)
def fresh(sim):
    sim.reset()
    sim.config({"provisioning_delay": 0.0})
    ok(sim, "SET", customer("DA", user("boxer", service("HE"))))


def addresses(sim, login="boxer_DA"):
    _status, root = call(sim, "GET", customer("DA", user(login, service("HE"))))
    return [(item.text, item.get("primary")) for item in root.iterfind("customer/user/addresses/address")]


def test_other_addresses_are_stored_whole_and_shown_as_non_primary_addresses(sim):
    ok(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.emailaddresses(
        E.emailaddress("b.oxer@nervogrid.com"), E.emailaddress("sales.boxer@nervogrid.com"))))))
    assert addresses(sim) == [("boxer_da@nervogrid.com", "True"), ("b.oxer@nervogrid.com", "False"),
                              ("sales.boxer@nervogrid.com", "False")]
    # The list is replaced as a whole (Atria guide line 3041).
    ok(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.emailaddresses(E.emailaddress("b.oxer@nervogrid.com"))))))
    assert addresses(sim) == [("boxer_da@nervogrid.com", "True"), ("b.oxer@nervogrid.com", "False")]
    ok(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.emailaddresses()))))
    assert addresses(sim) == [("boxer_da@nervogrid.com", "True")]


def test_an_address_outside_the_customers_domains_is_error_10_and_changes_nothing(sim):
    code, message, _status = error(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.emailaddresses(
        E.emailaddress("b.oxer@nervogrid.com"), E.emailaddress("boxer@elsewhere.example"))))))
    assert code == 10 and "elsewhere.example" in message and "nervogrid.com" in message
    assert addresses(sim) == [("boxer_da@nervogrid.com", "True")]
    code, message, _status = error(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.replyaddress("b@foreign.example")))))
    assert code == 10 and "foreign.example" in message
    assert get_user_service(sim, "DA", "boxer_DA", "HE").findtext("replyaddress") == "boxer_da@nervogrid.com"


def test_the_reply_address_is_the_primary_address_and_not_repeated(sim):
    ok(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.replyaddress("b.oxer@nervogrid.com"),
                                                           E.emailaddresses(E.emailaddress("boxer_da@nervogrid.com"),
                                                                            E.emailaddress("B.Oxer@nervogrid.com"))))))
    assert addresses(sim) == [("b.oxer@nervogrid.com", "True"), ("boxer_da@nervogrid.com", "False")]


def test_a_user_level_mailbox_storage_limit_shows_once_set(sim):
    assert get_user_service(sim, "DA", "boxer_DA", "HE").find("mailboxstoragelimit") is None
    ok(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.mailboxstoragelimit("2048")))))
    assert get_user_service(sim, "DA", "boxer_DA", "HE").findtext("mailboxstoragelimit") == "2048"
    ok(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.mailboxstoragelimit("unlimited")))))
    assert get_user_service(sim, "DA", "boxer_DA", "HE").findtext("mailboxstoragelimit") == "Unlimited"
    code, _message, _status = error(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.mailboxstoragelimit("lots")))))
    assert code == 7


def test_a_de_provisioned_mailbox_shows_no_other_addresses(sim):
    ok(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.emailaddresses(E.emailaddress("b.oxer@nervogrid.com"))))))
    ok(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.status("NotProvisioned")))))
    assert addresses(sim) == [("boxer_da@nervogrid.com", "True")]


def test_groups_joined_and_left_from_the_user_side_show_in_the_user_and_group_reads(sim):
    for name in ("Sales", "Support"):
        ok(sim, "SET", customer("DA", service("HE", E.distributiongroups(E.distributiongroup(
            E.displayname(name), E.email(name.lower() + "@nervogrid.com"))))))
    ok(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.distributiongroups(
        E.distributiongroup(E.displayname("Sales"), E.selected("true")),
        E.distributiongroup(E.email("support@nervogrid.com"), E.selected("true")))))))
    mine = get_user_service(sim, "DA", "boxer_DA", "HE", E.distributiongroups())
    assert [item.findtext("displayname") for item in mine.iterfind("distributiongroups/distributiongroup")] == ["Sales", "Support"]
    ok(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.distributiongroups(
        E.distributiongroup(E.displayname("Sales"), E.selected("false")))))))
    mine = get_user_service(sim, "DA", "boxer_DA", "HE", E.distributiongroups())
    assert [item.findtext("displayname") for item in mine.iterfind("distributiongroups/distributiongroup")] == ["Support"]
    code, message, _status = error(sim, "SET", customer("DA", user("boxer_DA", service("HE", E.distributiongroups(
        E.distributiongroup(E.displayname("Nobody Here"), E.selected("true")))))))
    assert code == 10 and "Nobody Here" in message
