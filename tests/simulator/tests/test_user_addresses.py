"""A user's primary address (user GET) is the address distribution groups show for the user."""

import pytest
from lxml.builder import E

from .simhelp import call, customer, get_service, ok, service, user


@pytest.fixture(autouse=True)
def fresh(sim):
    sim.reset()
    sim.config({"provisioning_delay": 0.0})


def primary_address(sim, login):
    _status, root = call(sim, "GET", customer("DA", user(login)))
    return root.find("customer/user/addresses/address[@primary='True']").text


def test_primary_address_follows_the_mailbox_reply_address(sim):
    ok(sim, "SET", customer("DA", user("mailer", service("HE"))))
    assert primary_address(sim, "mailer_DA") == "mailer_da@nervogrid.com"          # the UPN, lower-cased
    ok(sim, "SET", customer("DA", user("mailer_DA", service("HE", E.replyaddress("m.ailer@nervogrid.com")))))
    assert primary_address(sim, "mailer_DA") == "m.ailer@nervogrid.com"
    ok(sim, "SET", customer("DA", service("HE", E.distributiongroups(
        E.distributiongroup(E.displayname("DA Staff"), E.members(E.member(E.email("m.ailer@nervogrid.com"))))))))
    staff = get_service(sim, "DA", "HE", E.distributiongroups(E.distributiongroup(E.displayname("DA Staff"), E.members())))
    emails = [el.findtext("email") for el in staff.iterfind("distributiongroups/distributiongroup/members/member")]
    assert "m.ailer@nervogrid.com" in emails
