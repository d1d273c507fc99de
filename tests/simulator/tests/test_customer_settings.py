"""SET of the customer blocks a GET shows: password policy, locations, departments, allowed roles, OU structure."""

import pytest
from lxml.builder import E

from .simhelp import customer, error, ok, user


def detail(sim, code="DA"):
    return ok(sim, "GET", customer(code)).find("customer")


def test_the_password_policy_is_set_and_shown(sim):
    ok(sim, "SET", customer("DA", E.password(E.minimumlength("10"), E.bannerdisplaydays("14"),
                                             E.changeatnextlogon("true"), E.allowneverexpires("True"))))
    policy = detail(sim).find("password")
    assert [el.text for el in policy] == ["10", "14", "True", "True"]
    # the policy applies: a shorter user password is refused, NEVER is now allowed
    assert error(sim, "SET", customer("DA", user("admin_DA", E.password(E.password("Short1!")))))[0] == 15
    ok(sim, "SET", customer("DA", user("admin_DA", E.password(E.expires("NEVER")))))


@pytest.mark.parametrize("block, code", [(E.password(E.minimumlength("-1")), 1),
                                         (E.password(E.minimumlength("seven")), 38),
                                         (E.password(E.allowneverexpires("maybe")), 32)])
def test_the_password_policy_is_checked(sim, block, code):
    assert error(sim, "SET", customer("DA", block))[0] == code


def test_locations_and_departments_replace_the_list_and_keep_unassigned(sim):
    ok(sim, "SET", customer("DA", E.locations(E.name("Riga"), E.name("Tallinn")), E.departments(E.name("IT"))))
    found = detail(sim)
    assert [el.text for el in found.find("locations")] == ["Unassigned", "Riga", "Tallinn"]
    assert [el.text for el in found.find("departments")] == ["Unassigned", "IT"]
    ok(sim, "SET", customer("DA", user("admin_DA", E.location("Riga"))))
    code, message, _status = error(sim, "SET", customer("DA", E.locations(E.name("Tallinn"))))
    assert code == 1 and "Riga" in message
    ok(sim, "SET", customer("DA", E.locations(E.name("Riga"))))
    assert [el.text for el in detail(sim).find("locations")] == ["Unassigned", "Riga"]


def test_allowed_roles_replace_the_list(sim):
    ok(sim, "SET", customer("DA", E.roles(E.role("customer administrator"), E.role("Reseller Full Administrator"),
                                          E.role("Exchange Users"))))
    assert [el.text for el in detail(sim).find("roles")] == ["Customer Administrator", "Reseller Full Administrator",
                                                             "Exchange Users"]
    assert error(sim, "SET", customer("DA", user("admin_DA", E.roles(E.role("Reporting Users")))))[0] == 22
    code, message, _status = error(sim, "SET", customer("DA", E.roles(E.role("Exchange Users"))))
    assert code == 1 and "Customer Administrator" in message
    assert error(sim, "SET", customer("DA", E.roles(E.role("Galaxy Emperor"))))[0] == 22


def test_the_ou_structure_takes_the_documented_values(sim):
    ok(sim, "SET", customer("DA", E.customeroustructure("Department_Location")))
    assert detail(sim).findtext("customeroustructure") == "department_location"
    assert error(sim, "SET", customer("DA", E.customeroustructure("alphabetical")))[0] == 1


def test_the_location_cannot_change_after_creation(sim):
    sim.server.store.locations.append({"id": 2, "name": "Location Two"})
    try:
        code, message, _status = error(sim, "SET", customer("DA", E.location("Location Two")))
        assert code == 1 and "cannot be changed" in message
        ok(sim, "SET", customer("DA", E.location("location gsp")))      # the same location: no change
    finally:
        sim.reset()


def test_a_get_answer_sent_back_changes_nothing(sim):
    before = sim.state()["customers"]
    found = detail(sim)
    for tag in ("id", "parent", "customerou", "status", "approvalpending"):
        found.remove(found.find(tag))
    ok(sim, "SET", found)
    after = sim.state()["customers"]
    assert [rec for rec in after if rec["name"] == "DA"] == [rec for rec in before if rec["name"] == "DA"]
