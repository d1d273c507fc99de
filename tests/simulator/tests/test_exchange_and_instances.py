"""Customer Hosted Exchange settings (captures CustomerModifyExchange / CustomerServiceGet) and the instances of a
multi-instance service assigned to a user (guide lines 2399-2431 and 302)."""

import pytest
from lxml.builder import E

from .simhelp import customer, error, get_service, get_user_service, new_customer, ok, service, user


@pytest.fixture(autouse=True)
def fresh(sim):
    sim.reset()
    sim.config({"provisioning_delay": 0.0})


def domains_of(he):
    return [(el.text, el.get("type")) for el in he.findall("domains/domain")], \
        [el.text for el in he.findall("authoritativedomains/domain")]


def add_domain(sim, code, domain):
    ok(sim, "SET", customer(code, E.domains(E.domain("svctest.local"), E.domain(domain))))


def provisioned_he(sim):
    code = new_customer(sim)
    ok(sim, "SET", customer(code, service("HE", E.version("2013"))))
    return code


# --------------------------------------------------------------------- accepted domains
def test_the_capture_set_sends_both_lists_and_the_get_shows_them_with_types(sim):
    code = provisioned_he(sim)
    add_domain(sim, code, "relay.svctest.local")
    ok(sim, "SET", customer(code, service(
        "HE", E.authoritativedomains(E.domain("svctest.local")),
        E.domains(E.domain("svctest.local", type="authoritative"), E.domain("relay.svctest.local", type="internalrelay")))))
    listed, authoritative = domains_of(get_service(sim, code, "HE"))
    assert listed == [("svctest.local", "authoritative"), ("relay.svctest.local", "internalrelay")]
    assert authoritative == ["svctest.local"]


def test_authoritativedomains_alone_keeps_the_relay_domains(sim):
    code = provisioned_he(sim)
    add_domain(sim, code, "relay.svctest.local")
    ok(sim, "SET", customer(code, service("HE", E.domains(E.domain("svctest.local"),
                                                          E.domain("relay.svctest.local", type="externalrelay")))))
    ok(sim, "SET", customer(code, service("HE", E.authoritativedomains(E.domain("svctest.local")))))
    listed, _authoritative = domains_of(get_service(sim, code, "HE"))
    assert listed == [("svctest.local", "authoritative"), ("relay.svctest.local", "externalrelay")]


def test_an_unknown_domain_type_or_a_foreign_domain_is_error_10(sim):
    code = provisioned_he(sim)
    number, message, _status = error(sim, "SET", customer(code, service("HE", E.domains(E.domain("svctest.local", type="relay")))))
    assert number == 10 and "relay" in message and "internalrelay" in message
    number, message, _status = error(sim, "SET", customer(code, service("HE", E.domains(E.domain("other.example")))))
    assert number == 10 and "other.example" in message
    assert domains_of(get_service(sim, code, "HE"))[0] == [("svctest.local", "authoritative")]


def test_mailbox_limit_policy_and_public_folder_round_trip(sim):
    code = provisioned_he(sim)
    ok(sim, "SET", customer(code, service("HE", E.mailboxstoragelimit("2048"), E.UpdateEmailAddressPolicy("True"),
                                          E.publicfolder(E.create("True"), E.itemlimit("10")))))
    he = get_service(sim, code, "HE")
    assert (he.findtext("mailboxstoragelimit"), he.findtext("UpdateEmailAddressPolicy")) == ("2048", "True")
    assert [(child.tag, child.text) for child in he.find("publicfolder")] == [
        ("overridetemplate", "False"), ("create", "True"), ("storagelimit", "Unlimited"), ("warninglimit", "Unlimited"),
        ("itemlimit", "10")]
    # the lower-case spelling of the policy tag is an unknown tag: ignored, as the real server ignores it
    ok(sim, "SET", customer(code, service("HE", E.updateemailaddresspolicy("False"))))
    assert get_service(sim, code, "HE").findtext("UpdateEmailAddressPolicy") == "True"


# --------------------------------------------------------------------- a user's instances
def crm_with_user(sim, *names):
    code = new_customer(sim)
    ok(sim, "SET", customer(code, service("CRM2011", E.instances(*[E.instance(E.name(name)) for name in names]))))
    ok(sim, "SET", customer(code, user("User1", service("CRM2011"))))
    return code


def user_instances(sim, code, *asked):
    shape = E.instances(*[E.instance(E.name(name)) for name in asked])
    return [el.findtext("name") for el in get_user_service(sim, code, "User1", "CRM2011", shape).findall("instances/instance")]


def test_a_user_gets_instances_of_the_customer_and_the_guide_get_names_one(sim):
    code = crm_with_user(sim, "Site01", "Site02")
    ok(sim, "SET", customer(code, user("User1", service("CRM2011", E.instances(E.instance(E.name("site01")))))))
    assert user_instances(sim, code) == ["Site01"]
    assert user_instances(sim, code, "Site01") == ["Site01"]     # guide lines 2399-2431
    assert user_instances(sim, code, "Site02") == []
    # the list a SET sends is the user's whole list
    both = E.instances(E.instance(E.name("Site01")), E.instance(E.name("Site02")))
    ok(sim, "SET", customer(code, user("User1", service("CRM2011", both))))
    assert user_instances(sim, code) == ["Site01", "Site02"]


def test_an_instance_the_customer_lacks_is_error_10(sim):
    code = crm_with_user(sim, "Site01")
    number, message, _status = error(sim, "SET", customer(code, user("User1", service(
        "CRM2011", E.instances(E.instance(E.name("Nope")))))))
    assert number == 10 and "Nope" in message
    assert user_instances(sim, code) == []


def test_delete_of_the_user_path_removes_the_assignment_only(sim):
    code = crm_with_user(sim, "Site01", "Site02")
    both = E.instances(E.instance(E.name("Site01")), E.instance(E.name("Site02")))
    ok(sim, "SET", customer(code, user("User1", service("CRM2011", both))))
    ok(sim, "DELETE", customer(code, user("User1", service("CRM2011", E.instances(E.instance(E.name("SITE01")))))))
    assert user_instances(sim, code) == ["Site02"]
    customer_instances = get_service(sim, code, "CRM2011", E.instances()).findall("instances/instance")
    assert [el.findtext("name") for el in customer_instances] == ["Site01", "Site02"]
    number, message, _status = error(sim, "DELETE", customer(code, user("User1", service(
        "CRM2011", E.instances(E.instance(E.name("Site01")))))))
    assert number == 10 and "has no instance 'Site01'" in message


def test_a_user_service_itself_is_still_not_deleted(sim):
    code = crm_with_user(sim, "Site01")
    number, message, _status = error(sim, "DELETE", customer(code, user("User1", service("CRM2011"))))
    assert number == 10 and "de-provision" in message
    number, _message, _status = error(sim, "DELETE", customer(code, user("User1", service(
        "HE", E.instances(E.instance(E.name("Site01")))))))
    assert number == 10
