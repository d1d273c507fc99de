"""Users: naming, defaults, first-user administrator, passwords, roles, FIND/GET/SET/DELETE rules."""

import time

import pytest
from lxml import etree

from .simhelp import E, error_of, req


@pytest.fixture
def tc(sim):
    """Customer TC (test2.local, nervogrid.com) below DA, created as admin_DA as in the captures."""
    create = E.customer(E.fullname("Test Customer 1"), E.contactname("Germans Ribakovs"),
                        E.contactemail("germans@nervogrid.com"), E.primarydomain("test2.local"),
                        E.domains(E.domain("test2.local"), E.domain("nervogrid.com")))
    status, root = sim.call(req("SET", create), user="admin_DA")
    assert status == 200, etree.tostring(root)
    return sim


def set_users(sim, *users, **kw):
    status, root = sim.call(req("SET", E.customer(E.name("TC"), *users)), **kw)
    return status, root


def get_user(sim, *keys):
    return sim.call(req("GET", E.customer(E.name("TC"), E.user(*keys))))


def user_el(sim, name):
    status, root = get_user(sim, E.name(name))
    assert status == 200, etree.tostring(root)
    return root.find("customer/user")


def test_create_user_gets_suffix_upn_defaults_and_admin_role(tc):
    status, root = set_users(tc, E.user(E.name("User1")))
    assert status == 200 and root.findtext("request/id")
    user = user_el(tc, "User1_TC")
    assert [user.findtext(t) for t in ("name", "id", "fullname", "upn", "firstname", "lastname", "location",
                                       "department", "expires", "enabled", "locked")] == \
        ["User1_TC", "113", "User1", "User1_TC@test2.local", "User1", "Default Lastname", "Unassigned",
         "Unassigned", "Never", "True", "False"]
    assert user.findtext("addresses/address") == "user1_tc@test2.local"
    assert user.find("addresses/address").get("primary") == "True"
    assert [r.text for r in user.findall("roles/role")] == ["Customer Administrator"]
    # GET of a user returns the enclosing customer with the user nested
    _status, root = get_user(tc, E.name("User1"))
    assert root.find("customer/name").text == "TC" and root.find("customer/parent/name").text == "DA"


def test_second_user_is_not_administrator_and_name_is_not_suffixed_twice(tc):
    set_users(tc, E.user(E.name("User1")))
    set_users(tc, E.user(E.name("User2_tc")))
    user = user_el(tc, "User2_TC")
    assert user.findtext("name") == "User2_TC"
    assert user.findall("roles/role") == []


def test_create_from_upn_only(tc):
    set_users(tc, E.user(E.upn("jane@nervogrid.com")))
    user = user_el(tc, "jane")
    assert (user.findtext("name"), user.findtext("upn")) == ("jane_TC", "jane@nervogrid.com")


def test_create_without_name_or_upn_is_error_15(tc):
    status, root = set_users(tc, E.user(E.fullname("No Name")))
    assert (status, error_of(root)[0]) == (400, 15)


@pytest.mark.parametrize("key", [E.name("User1"), E.name("user1_tc"), E.upn("User1_TC@test2.local"), E.id("113")])
def test_update_matches_user_by_name_with_or_without_suffix_upn_or_id(tc, key):
    set_users(tc, E.user(E.name("User1")))
    status, _root = set_users(tc, E.user(key, E.department("Sales")))
    assert status == 200
    assert user_el(tc, "User1").findtext("department") == "Sales"
    _status, root = tc.call(req("FIND", E.customer(E.name("TC"), E.user())))
    assert len(root.findall("customer/user")) == 1


def test_update_with_unknown_id_is_error_16(tc):
    status, root = set_users(tc, E.user(E.id("9999"), E.department("x")))
    assert (status, error_of(root)) == (400, (16, "User '9999' not found."))


def test_several_users_in_one_set_make_one_request_with_a_child_each(tc):
    status, root = set_users(tc, E.user(E.name("User3")), E.user(E.name("User4")), E.user(E.name("User5")))
    assert status == 200
    top = root.findtext("request/id")
    _status, children = tc.call(req("GET", E.request(E.parentid(top))))
    assert [r.findtext("object/name") for r in children.findall("request")] == ["User3_TC", "User4_TC", "User5_TC"]


def test_update_all_user_fields(tc):
    set_users(tc, E.user(E.name("User1")))
    set_users(tc, E.user(E.name("User1"), E.fullname("Jāzeps & <Co>"), E.firstname("Jāzeps"), E.lastname("Bērziņš"),
                         E.externalemail("j@example.com"), E.location("Riga"), E.department("IT"),
                         E.phone("+371 20000000"), E.enabled("false"), E.upn("jazeps@nervogrid.com")))
    user = user_el(tc, "User1")
    assert [user.findtext(t) for t in ("fullname", "firstname", "lastname", "externalemail", "location",
                                       "department", "phone", "enabled", "upn")] == \
        ["Jāzeps & <Co>", "Jāzeps", "Bērziņš", "j@example.com", "Riga", "IT", "+371 20000000", "False",
         "jazeps@nervogrid.com"]
    _status, root = tc.call(req("GET", E.customer(E.name("TC"))))
    assert "Riga" in [n.text for n in root.findall("customer/locations/name")]


def test_invalid_external_email_is_rejected_with_the_rule_message(tc):
    status, root = set_users(tc, E.user(E.name("User1"), E.externalemail("not an email")))
    assert status == 400
    assert error_of(root)[1].startswith("A valid email address must be specified")


def test_upn_rules(tc):
    set_users(tc, E.user(E.name("User1")))
    status, root = set_users(tc, E.user(E.name("User2"), E.upn("User1_TC@test2.local")))
    assert (status, error_of(root)[0]) == (400, 15)
    status, root = set_users(tc, E.user(E.name("User2"), E.upn("user2@elsewhere.example")))
    assert (status, error_of(root)[0]) == (400, 15)


def test_password_is_stored_but_never_returned(tc):
    secret = "S3cret-Value!"
    block = E.password(E.password(secret), E.changeatnextlogon("true"), E.expires("2031-01-31"))
    set_users(tc, E.user(E.name("User1"), block))
    wanted = E.user(E.name("User1"), E.properties(detail="true"), E.additionalproperties())
    answer = tc.raw(req("GET", E.customer(E.name("TC"), wanted)), auth=("admin_Gsp", "Adm1n!Gsp"))
    assert secret.encode() not in answer.content
    user = etree.fromstring(answer.content).find("customer/user")
    assert [c.tag for c in user.find("password")] == ["changeatnextlogon", "expires"]
    assert user.findtext("password/changeatnextlogon") == "True"
    assert user.findtext("password/expires") == "20310131"
    stored = [u for u in tc.state()["users"] if u["name"] == "User1_TC"][0]
    assert stored["password"] == secret


def test_password_policy_errors(tc):
    status, root = set_users(tc, E.user(E.name("User1"), E.password(E.password("short"))))
    assert (status, error_of(root)[0]) == (400, 15)
    status, root = set_users(tc, E.user(E.name("User1"), E.password(E.password("LongEnough1"), E.expires("NEVER"))))
    assert (status, error_of(root)[0]) == (400, 35)
    status, root = set_users(tc, E.user(E.name("User1"), E.password(E.expires("31/01/2031"))))
    assert (status, error_of(root)[0]) == (400, 37)
    status, root = set_users(tc, E.user(E.name("User1"), E.expires("someday")))
    assert (status, error_of(root)[0]) == (400, 36)
    # Gsp allows passwords that never expire
    status, _root = tc.call(req("SET", E.customer(E.name("Gsp"), E.user(E.name("ops"), E.password(
        E.password("LongEnough1"), E.expires("never"))))))
    assert status == 200


def test_roles_replace_and_unknown_role_is_error_22(tc):
    set_users(tc, E.user(E.name("User1")))
    set_users(tc, E.user(E.name("User1"), E.roles(E.role("exchange users"), E.role("Reporting Users"))))
    assert [r.text for r in user_el(tc, "User1").findall("roles/role")] == ["Exchange Users", "Reporting Users"]
    status, root = set_users(tc, E.user(E.name("User1"), E.roles(E.role("Galaxy Emperor"))))
    assert (status, error_of(root)) == (400, (22, "Role 'Galaxy Emperor' not found."))


def test_get_missing_user_is_error_16(tc):
    status, root = get_user(tc, E.name("Ghost"))
    assert (status, error_of(root)) == (400, (16, "User 'Ghost' not found."))


@pytest.mark.parametrize("key", [E.name("User2"), E.fullname("User2"), E.id("114"), E.upn("user2_tc@TEST2.local")])
def test_get_user_by_each_key(tc, key):
    set_users(tc, E.user(E.name("User1")), E.user(E.name("User2")))
    _status, root = get_user(tc, key)
    assert root.findtext("customer/user/name") == "User2_TC"


def test_get_with_an_empty_user_answers_every_user_in_detail(tc):
    set_users(tc, E.user(E.name("User1")), E.user(E.name("User2"), E.department("Sales")))
    status, root = get_user(tc)
    users = root.findall("customer/user")
    assert status == 200
    assert [u.findtext("name") for u in users] == ["User1_TC", "User2_TC"]
    assert users[1].findtext("department") == "Sales" and users[1].find("roles") is not None


def test_refuse_user_list_get_answers_an_empty_user_like_an_unnamed_user(tc):
    """Issue 18 item 6: listing users with GET <user/> is not in the guide (only FIND is)."""
    set_users(tc, E.user(E.name("User1")))
    tc.config({"refuse_user_list_get": True})
    status, root = get_user(tc)
    assert (status, error_of(root)[0]) == (400, 16)
    _status, root = get_user(tc, E.name("User1"))
    assert root.findtext("customer/user/name") == "User1_TC"
    _status, root = tc.call(req("FIND", E.customer(E.name("TC"), E.user())))
    assert [u.findtext("name") for u in root.findall("customer/user")] == ["User1_TC"]


def test_the_first_user_is_customer_administrator_whatever_the_set_said(tc):
    """DESIGN point 16; the guide: the first user provisioned to a customer always becomes its administrator."""
    set_users(tc, E.user(E.name("User1"), E.roles(E.role("Exchange Users"))))
    assert [r.text for r in user_el(tc, "User1").findall("roles/role")] == ["Customer Administrator",
                                                                            "Exchange Users"]
    set_users(tc, E.user(E.name("User2"), E.roles(E.role("Exchange Users"))))
    assert [r.text for r in user_el(tc, "User2").findall("roles/role")] == ["Exchange Users"]


def test_the_first_user_of_a_customer_created_with_it_is_administrator(sim):
    status, _root = sim.call(req("SET", E.customer(
        E.fullname("Roles Test"), E.contactname("A"), E.contactemail("a@roles.example"),
        E.primarydomain("roles.example"), E.user(E.name("Only"), E.roles()))))
    assert status == 200
    rec = next(u for u in sim.state()["users"] if u["name"].startswith("Only_"))
    assert rec["roles"] == ["Customer Administrator"]


def test_the_last_user_cannot_be_deleted_even_when_it_is_not_the_first(tc):
    set_users(tc, E.user(E.name("User1")), E.user(E.name("User2")))
    status, _root = tc.call(req("DELETE", E.customer(E.name("TC"), E.user(E.name("User1")))))
    assert status == 200
    status, root = tc.call(req("DELETE", E.customer(E.name("TC"), E.user(E.name("User2")))))
    assert (status, error_of(root)) == (400, (15, "Unable to delete the last user from the customer"))


def test_get_several_named_users_in_one_request(tc):
    set_users(tc, E.user(E.name("User1")), E.user(E.name("User2")), E.user(E.name("User3")))
    status, root = tc.call(req("GET", E.customer(E.name("TC"), E.user(E.name("User3_TC")), E.user(E.name("User1")))))
    assert status == 200
    assert [u.findtext("name") for u in root.findall("customer/user")] == ["User3_TC", "User1_TC"]


def test_user_properties_and_additional_properties(tc):
    set_users(tc, E.user(E.name("User1")))
    props = E.properties(E.property(E.name("title"), E.value("Engineer")), E.property(E.name("sn"), E.value("Ozols")))
    set_users(tc, E.user(E.name("User1"), props))
    _status, root = get_user(tc, E.name("User1"), E.properties(), E.additionalproperties())
    user = root.find("customer/user")
    values = dict((p.findtext("name"), p.findtext("value")) for p in user.findall("properties/property"))
    assert values["title"] == "Engineer" and values["sn"] == "Ozols" and values["sAMAccountName"] == "User1_TC"
    assert user.findtext("lastname") == "Ozols"
    ad = dict((p.findtext("name"), p.findtext("value")) for p in user.findall("additionalproperties/property"))
    assert ad["userPrincipalName"] == "User1_TC@test2.local"


def test_find_users_with_filters(tc):
    set_users(tc, E.user(E.name("User1"), E.department("IT")), E.user(E.name("User2"), E.department("Sales")),
              E.user(E.name("User3"), E.department("IT"), E.location("Riga")))

    def names(*filters):
        _status, root = tc.call(req("FIND", E.customer(E.name("TC"), E.user(*filters))))
        return [u.findtext("name") for u in root.findall("customer/user")]

    assert names() == ["User1_TC", "User2_TC", "User3_TC"]
    assert names(E.department("it")) == ["User1_TC", "User3_TC"]
    assert names(E.location("Riga")) == ["User3_TC"]
    assert names(E.name("User2")) == ["User2_TC"]
    assert names(E.upn("User3_TC@test2.local")) == ["User3_TC"]
    assert names(E.id("114")) == ["User2_TC"]
    assert names(E.fullname("User1")) == ["User1_TC"]
    assert names(E.status("NotProvisioned")) == []
    _status, root = tc.call(req("FIND", E.customer(E.name("TC"), E.user(E.name("User1")))))
    assert [c.tag for c in root.find("customer/user")] == ["name", "id", "fullname", "upn", "location", "department",
                                                           "status", "approvalpending"]


def test_delete_user_rules(tc):
    set_users(tc, E.user(E.name("User1")))
    status, root = tc.call(req("DELETE", E.customer(E.name("TC"), E.user(E.name("User1")))))
    assert (status, error_of(root)) == (400, (15, "Unable to delete the last user from the customer"))
    set_users(tc, E.user(E.name("User2")))
    status, root = tc.call(req("DELETE", E.customer(E.name("TC"), E.user(E.name("User1_TC")))))
    assert status == 200 and root.findtext("request/id")
    status, root = get_user(tc, E.name("User1"))
    assert error_of(root)[0] == 16
    status, root = tc.call(req("DELETE", E.customer(E.name("TC"), E.user(E.name("Nobody")))))
    assert (status, error_of(root)) == (400, (16, "User 'Nobody' not found."))


def test_user_deprovision_and_reprovision(tc):
    set_users(tc, E.user(E.name("User1")))
    set_users(tc, E.user(E.name("User1"), E.status("NotProvisioned")))
    assert user_el(tc, "User1").findtext("status") == "NotProvisioned"
    set_users(tc, E.user(E.name("User1"), E.status("provisioned")))
    assert user_el(tc, "User1").findtext("status") == "Provisioned"


def test_set_is_not_transactional_like_the_real_server(tc):
    status, root = set_users(tc, E.user(E.name("Good1")), E.user(E.name("Bad"), E.roles(E.role("Nope"))))
    assert error_of(root)[0] == 22 and status == 400
    # the first user was created before the error, as the real database would have it
    assert user_el(tc, "Good1").findtext("name") == "Good1_TC"


def test_user_services_cannot_be_deleted(tc):
    set_users(tc, E.user(E.name("User1")), E.user(E.name("User2")))
    status, root = tc.call(req("DELETE", E.customer(E.name("TC"), E.user(E.name("User1"), E.service(E.name("HE"))))))
    assert (status, error_of(root)[0]) == (400, 10)


def test_published_email_rule_does_not_backtrack_forever(tc):
    # the rule as published nests quantifiers; this input took seconds per extra character with it
    start = time.time()
    status, root = set_users(tc, E.user(E.name("User1"), E.externalemail("a@b." + "c" * 60 + "1")))
    assert (status, error_of(root)[0]) == (400, 15)
    assert time.time() - start < 2


def test_additional_properties_are_set_by_their_ad_attribute(tc):
    """The guide: properties returned by a GET "can then be used in a SET request"."""
    set_users(tc, E.user(E.name("User1")), E.user(E.name("Boss")))
    status, root = set_users(tc, E.user(E.name("User1"), E.additionalproperties(
        E.property(E.name("title"), E.value("Engineer")), E.property(E.name("Mobile"), E.value("+371 2000")),
        E.property(E.name("sn"), E.value("Bērziņš")), E.property(E.name("manager"), E.value("Boss")))))
    assert status == 200, etree.tostring(root)
    _status, root = get_user(tc, E.name("User1"), E.additionalproperties())
    found = root.findall("customer/user/additionalproperties/property")
    values = dict((p.findtext("name"), p.findtext("value")) for p in found)
    assert (values["title"], values["mobile"], values["sn"], values["manager"]) == \
        ("Engineer", "+371 2000", "Bērziņš", "Boss_TC")
    assert user_el(tc, "User1").findtext("lastname") == "Bērziņš"


@pytest.mark.parametrize("prop, value, code", [("nosuchattribute", "x", 19), ("manager", "Nobody", 15),
                                               ("manager", "User1_TC", 15)])
def test_additional_properties_are_checked(tc, prop, value, code):
    set_users(tc, E.user(E.name("User1")))
    status, root = set_users(tc, E.user(E.name("User1"), E.additionalproperties(
        E.property(E.name(prop), E.value(value)))))
    assert (status, error_of(root)[0]) == (400, code)


def test_the_manager_property_takes_a_distinguished_name_or_upn(tc):
    set_users(tc, E.user(E.name("User1")), E.user(E.name("Boss")))
    for value in ("CN=Boss_TC,OU=Test Customer 1(TC),OU=Customers,DC=x", "boss_tc@test2.local"):
        set_users(tc, E.user(E.name("User1"), E.properties(E.property(E.name("manager"), E.value(value)))))
        users = tc.state()["users"]
        assert next(u for u in users if u["name"] == "User1_TC")["properties"]["manager"] == "Boss_TC"


def test_the_api_can_unlock_an_account_but_never_lock_it(tc):
    set_users(tc, E.user(E.name("User1")))
    set_users(tc, E.user(E.name("User1"), E.locked("True")))
    assert user_el(tc, "User1").findtext("locked") == "False"
    set_users(tc, E.user(E.name("User1"), E.properties(E.property(E.name("Locked"), E.value("True")))))
    assert user_el(tc, "User1").findtext("locked") == "False"
    tc.lock("User1_TC")
    assert user_el(tc, "User1").findtext("locked") == "True"
    set_users(tc, E.user(E.name("User1"), E.locked("false")))
    assert user_el(tc, "User1").findtext("locked") == "False"
