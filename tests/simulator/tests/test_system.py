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


def _location_set(*children):
    return req("SET", E.location(*children))


def test_location_set_creates_then_updates_a_location_like_its_get(sim):
    status, _root = sim.call(_location_set(E.name("Location NL"), E.service(E.name("HE")),
                                           E.service(E.fullname("File Sharing"))))
    assert status == 200
    _status, root = sim.call(req("GET", E.location(E.name("location nl"))))
    assert root.findtext("location/name") == "Location NL" and root.findtext("location/id") == "2"
    assert sorted(s.findtext("name") for s in root.findall("location/service")) == ["FSS", "HE"]
    _status, root = sim.call(req("FIND", E.location(E.service(E.name("HE")))))
    assert [(loc.findtext("name"), [s.findtext("name") for s in loc.findall("service")])
            for loc in root.findall("location")] == [("Location GSP", ["HE"]), ("Location NL", ["HE"])]
    # A SET without <service> keeps the list; the property defaults change one by one.
    status, _root = sim.call(_location_set(E.name("Location NL"), E.customer(E.customerproperties(
        E.property(E.name("City"), E.value("Amsterdam")))), E.user(E.additionalproperties(
            E.property(E.name("co"), E.value("Netherlands"))))))
    assert status == 200
    _status, root = sim.call(req("GET", E.location(E.name("Location NL"), E.customer(E.customerproperties()),
                                                   E.user(E.additionalproperties()))))
    assert len(root.findall("location/service")) == 2
    cities = [p.findtext("value") for p in root.findall("location/customer/customerproperties/property")
              if p.findtext("name") == "City"]
    assert cities == ["Amsterdam"]
    countries = [p.findtext("value") for p in root.findall("location/user/additionalproperties/property")
                 if p.findtext("name") == "co"]
    assert countries == ["Netherlands"]
    # The seed location's defaults did not change.
    _status, root = sim.call(req("GET", E.location(E.name("Location GSP"), E.customer(E.customerproperties()))))
    assert [p.findtext("value") for p in root.findall("location/customer/customerproperties/property")
            if p.findtext("name") == "City"] == [""]


def test_location_set_refuses_unknown_services_and_properties_before_changing_anything(sim):
    status, root = sim.call(_location_set(E.name("Location NL"), E.service(E.name("NoSuch"))))
    assert (status, error_of(root)[0]) == (400, 21)
    status, root = sim.call(_location_set(E.name("Location NL"), E.customer(E.customerproperties(
        E.property(E.name("NoSuchProperty"), E.value("x"))))))
    assert (status, error_of(root)[0]) == (400, 19)
    status, root = sim.call(_location_set(E.name("Location NL"), E.customer(E.customerproperties(
        E.property(E.name("Country"), E.value("Holland"))))))
    assert (status, error_of(root)[0]) == (400, 1)      # not one of the published options
    _status, root = sim.call(req("FIND", E.location()))
    assert [loc.findtext("name") for loc in root.findall("location")] == ["Location GSP"]


def test_location_delete_refused_while_a_customer_uses_it_then_deleted(sim):
    sim.call(_location_set(E.name("Location NL"), E.service(E.name("HE"))))
    status, _root = sim.call(req("SET", E.customer(E.fullname("Dutch Customer"), E.location("Location NL"),
                                                   E.contactname("Jan"), E.contactemail("jan@nl.example"),
                                                   E.primarydomain("nl.example"))))
    assert status == 200
    _status, root = sim.call(req("FIND", E.customer(E.fullname("Dutch Customer"))))
    code = root.findtext("customer/name")
    # a customer created at a location takes its customer property defaults (none set here: City stays empty)
    _status, root = sim.call(req("GET", E.customer(E.name(code), E.properties())))
    assert [p.findtext("value") for p in root.findall("customer/properties/property") if p.findtext("name") == "City"] \
        in ([None], [""])
    status, root = sim.call(req("DELETE", E.location(E.name("Location NL"))))
    assert status == 400 and error_of(root)[0] == 27
    assert "Location NL" in error_of(root)[1] and "Dutch Customer" in error_of(root)[1] and code in error_of(root)[1]
    sim.call(req("DELETE", E.customer(E.name(code))))
    status, _root = sim.call(req("DELETE", E.location(E.name("Location NL"))))
    assert status == 200
    status, root = sim.call(req("DELETE", E.location(E.name("Location NL"))))
    assert (status, error_of(root)[0]) == (400, 20)
    status, root = sim.call(req("GET", E.location(E.name("Location NL"))))
    assert (status, error_of(root)[0]) == (400, 20)


def test_only_the_service_provider_manages_locations(sim):
    status, root = sim.call(_location_set(E.name("Location DA")), user="admin_DA")
    assert (status, error_of(root)[0]) == (401, 12)
    status, root = sim.call(req("DELETE", E.location(E.name("Location GSP"))), user="admin_DA")
    assert (status, error_of(root)[0]) == (401, 12)
    _status, root = sim.call(req("FIND", E.location()), user="admin_DA")
    assert [loc.findtext("name") for loc in root.findall("location")] == ["Location GSP"]


def test_a_customer_created_at_a_location_takes_its_customer_property_defaults(sim):
    sim.call(_location_set(E.name("Location NL"), E.customer(E.customerproperties(
        E.property(E.name("City"), E.value("Amsterdam")), E.property(E.name("ZipCode"), E.value("1011 AB"))))))
    status, _root = sim.call(req("SET", E.customer(E.name("NLC"), E.fullname("Dutch Customer"), E.location("Location NL"),
                                                   E.contactname("Jan"), E.contactemail("jan@nl.example"),
                                                   E.primarydomain("nl.example"),
                                                   E.properties(E.property(E.name("ZipCode"), E.value("1012 CD"))))))
    assert status == 200
    _status, root = sim.call(req("GET", E.customer(E.name("NLC"), E.properties())))
    values = dict((p.findtext("name"), p.findtext("value")) for p in root.findall("customer/properties/property"))
    assert (values["City"], values["ZipCode"]) == ("Amsterdam", "1012 CD")      # the SET's own value wins
    _status, root = sim.call(req("GET", E.customer(E.name("OC"), E.properties())))
    values = dict((p.findtext("name"), p.findtext("value")) for p in root.findall("customer/properties/property"))
    assert values["City"] in (None, "")       # a customer at another location is untouched
