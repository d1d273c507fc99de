"""identity, global, location."""

import pytest

from .simhelp import E, error_of, req


def test_identity_describes_the_caller(sim):
    _status, root = sim.call(req("GET", E.identity()), user="admin_DA")
    ident = root.find("identity")
    assert [c.tag for c in ident.find("customer")] == ["name", "id", "fullname", "billingid", "primarydomain", "user"]
    assert (ident.findtext("customer/name"), ident.findtext("customer/id")) == ("DA", "23")
    assert [c.tag for c in ident.find("customer/user")] == ["name", "id", "fullname", "upn", "location", "department"]
    assert ident.findtext("customer/user/name") == "admin_DA"


# The Atria guide's own <global> sample answers 11.0.0.0 (like CPSM 11's): the version tells CPSM 10 from the rest.
@pytest.mark.parametrize("release, version", [("atria12", "11.0.0.0"), ("cpsm11", "11.0.0.0"), ("cpsm10", "10.")])
def test_global_version_follows_the_release(sim, release, version):
    sim.config({"release": release})
    _status, root = sim.call(req("GET", E("global")))
    assert root.findtext("global/version/api").startswith(version)
    assert root.findtext("global/version/database").startswith(version)


def test_global_version_can_be_set_for_a_deployment(sim):
    sim.config({"global_version": "12.0.0.0"})
    _status, root = sim.call(req("GET", E("global")))
    assert root.findtext("global/version/api") == "12.0.0.0"


def test_identity_cannot_be_set(sim):
    status, root = sim.call(req("SET", E.identity()))
    assert (status, error_of(root)[0]) == (400, 5)


def test_location_find_get_and_services(sim):
    _status, root = sim.call(req("FIND", E.location()))
    assert [loc.findtext("name") for loc in root.findall("location")] == ["Location GSP"]
    assert root.find("location/service") is None
    _status, root = sim.call(req("FIND", E.location(E.service())))
    names = [s.findtext("name") for s in root.findall("location/service")]
    assert "HE" in names and len(names) > 3
    _status, root = sim.call(req("FIND", E.location(E.service(E.name("HE")))))
    assert [s.findtext("name") for s in root.findall("location/service")] == ["HE"]
    _status, root = sim.call(req("GET", E.location(E.name("location gsp"))))
    assert root.findtext("location/name") == "Location GSP" and root.find("location/service") is not None


def test_location_customer_properties_and_unknown_location(sim):
    _status, root = sim.call(req("GET", E.location(E.name("Location GSP"), E.customer(E.customerproperties()))))
    assert root.find("location/customer/customerproperties/property/validation") is not None
    status, root = sim.call(req("GET", E.location(E.name("Mars"))))
    assert (status, error_of(root)) == (400, (20, "Location 'Mars' not found."))


def test_customer_location_must_exist(sim):
    status, root = sim.call(req("SET", E.customer(E.name("OC"), E.location("Mars"))))
    assert (status, error_of(root)[0]) == (400, 20)
