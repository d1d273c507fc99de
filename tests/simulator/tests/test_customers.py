"""Customers: FIND filters and shape, GET by each key, properties, SET create/update, DELETE, de-provisioning."""

import pytest
from lxml import etree

from .simhelp import E, error_of, paths, req

INVALID_NEW = ("Unable to create customer. A new customer must specify the name, fullname, contactname, contactemail "
               "and primarydomain.")


def create(sim, fullname, *extra, **kw):
    extra_tags = set(el.tag for el in extra)
    fields = [el for el in (E.fullname(fullname), E.contactname("Admin"), E.contactemail("admin@test2.local"),
                            E.primarydomain(kw.pop("domain", "test2.local"))) if el.tag not in extra_tags]
    fields += list(extra)
    status, root = sim.call(req("SET", E.customer(*fields)), **kw)
    assert status == 200, etree.tostring(root)
    return root


def get(sim, *keys, **kw):
    return sim.call(req("GET", E.customer(*keys)), **kw)


def customer_el(sim, name):
    status, root = get(sim, E.name(name))
    assert status == 200, etree.tostring(root)
    return root.find("customer")


# ----------------------------------------------------------------------- FIND
def test_find_all_lists_seed_customers_in_id_order(sim):
    _status, root = sim.call(req("FIND", E.customer()))
    assert [(c.findtext("name"), c.findtext("id")) for c in root] == [("Gsp", "1"), ("DA", "23"), ("OC", "24")]


def test_find_summary_has_exactly_the_capture_shape(sim):
    _status, root = sim.call(req("FIND", E.customer(E.name("DA"))))
    assert [c.tag for c in root.find("customer")] == ["name", "id", "fullname", "billingid", "primarydomain",
                                                      "status", "approvalpending"]
    assert root.findtext("customer/approvalpending") == "False"


@pytest.mark.parametrize("element, expected", [
    (E.name("da"), ["DA"]),
    (E.fullname("Other Customer"), ["OC"]),
    (E.id("24"), ["OC"]),
    (E.primarydomain("NERVOGRID.COM"), ["DA"]),
    (E.status("provisioned"), ["Gsp", "DA", "OC"]),
    (E.parent(E.name("Gsp")), ["DA", "OC"]),
    (E.parent(E.fullname("Globalsp")), ["DA", "OC"]),
    (E.parent(E.id("23")), []),
])
def test_find_filters(sim, element, expected):
    _status, root = sim.call(req("FIND", E.customer(element)))
    assert [c.findtext("name") for c in root.findall("customer")] == expected


def test_find_by_billingid_and_combined_filters(sim):
    sim.call(req("SET", E.customer(E.name("OC"), E.billingid("B-77"))))
    _status, root = sim.call(req("FIND", E.customer(E.billingid("B-77"))))
    assert [c.findtext("name") for c in root] == ["OC"]
    _status, root = sim.call(req("FIND", E.customer(E.billingid("B-77"), E.name("DA"))))
    assert len(root) == 0


def test_find_without_match_is_an_empty_response(sim):
    status, root = sim.call(req("FIND", E.customer(E.fullname("Basic API Customer"))))
    assert status == 200 and root.tag == "response" and len(root) == 0


def test_find_with_invalid_status_filter_is_error_17(sim):
    status, root = sim.call(req("FIND", E.customer(E.status("Sleeping"))))
    assert (status, error_of(root)[0]) == (400, 17)


# ----------------------------------------------------------------------- GET
@pytest.mark.parametrize("key", [E.name("DA"), E.fullname("demo also"), E.id("23"), E.billingid("BILL-DA")])
def test_get_by_each_key(sim, key):
    sim.call(req("SET", E.customer(E.name("DA"), E.billingid("BILL-DA"))))
    status, root = get(sim, key)
    assert status == 200
    assert root.findtext("customer/name") == "DA"
    assert root.findtext("customer/parent/name") == "Gsp"
    assert root.findtext("customer/customerou") == "Customers"


def test_get_missing_customer_is_error_34(sim):
    status, root = get(sim, E.name("BAC"))
    assert status == 400
    assert error_of(root) == (34, "Customer 'BAC' not found.")


def test_get_properties_plain_and_detailed(sim):
    _status, root = get(sim, E.name("DA"), E.properties())
    props = root.findall("customer/properties/property")
    assert props and all([c.tag for c in p] == ["name", "value"] for p in props)
    values = dict((p.findtext("name"), p.findtext("value")) for p in props)
    assert values["FullName"] == "Demo Also" and values["ShortName"] == "DA" and values["Country"] == "Latvia"
    sim.config({"customer_rules": "capture"})       # the rule the CPSM 11 capture's server publishes
    _status, root = get(sim, E.name("DA"), E.properties(detail="true"))
    full = [p for p in root.findall("customer/properties/property") if p.findtext("name") == "FullName"][0]
    assert full.findtext("validation/type") == "RegularExpression"
    assert full.findtext("validation/value") == r"^[\p{L}\p{N} .-]{1,60}$"
    assert full.findtext("validation/errormessage") == "A valid customer long name must be specified"


# ----------------------------------------------------------------------- SET create
@pytest.mark.parametrize("missing", ["fullname", "contactname", "contactemail", "primarydomain"])
def test_create_without_a_required_field_is_error_6(sim, missing):
    fields = {"fullname": "Basic API Customer", "contactname": "Admin", "contactemail": "a@csm.local",
              "primarydomain": "csm.local"}
    del fields[missing]
    status, root = sim.call(req("SET", E.customer(*[E(k, v) for k, v in fields.items()])))
    assert status == 400
    assert error_of(root) == (6, INVALID_NEW)


@pytest.mark.parametrize("field, value, message", [
    ("fullname", "Bad/Name", "A valid customer long name must be specified"),
    ("fullname", "x" * 61, "A valid customer long name must be specified"),
    ("name", "BAD-CODE", "A valid customer short name must be specified"),
    ("contactemail", "not-an-email", "The current contact email address cannot be used."),
])
def test_create_validates_against_published_rules(sim, field, value, message):
    fields = {"fullname": "Rule Customer", "contactname": "Admin", "contactemail": "a@rule.local",
              "primarydomain": "rule.local", field: value}
    status, root = sim.call(req("SET", E.customer(*[E(k, v) for k, v in fields.items()])))
    assert status == 400
    code, text = error_of(root)
    assert code == 1 and text.startswith(message)


def test_create_accepts_unicode_full_names(sim):
    create(sim, "Mārupes Dome 2")
    assert customer_el(sim, "MD").findtext("fullname") == "Mārupes Dome 2"


def test_create_generates_unique_codes_and_defaults_parent_to_caller(sim):
    create(sim, "Test Customer 1")
    create(sim, "Tiny Corp", domain="tiny.local")
    _status, root = sim.call(req("FIND", E.customer(E.parent(E.name("Gsp")))))
    codes = [c.findtext("name") for c in root]
    assert "TC" in codes and "TC1" in codes
    assert customer_el(sim, "TC1").findtext("parent/name") == "Gsp"


def test_create_under_parent_by_fullname_with_explicit_code(sim):
    create(sim, "Basic API Customer", E.name("BAC"), E.parent(E.fullname("Demo Also")))
    cust = customer_el(sim, "BAC")
    assert cust.findtext("parent/name") == "DA"
    assert cust.findtext("customerou") == "Demo Also(DA),Customers"
    assert [d.text for d in cust.findall("domains/domain")] == ["test2.local"]


def test_create_with_a_taken_fullname_is_error_1_and_fullname_alone_updates(sim):
    status, root = sim.call(req("SET", E.customer(E.name("NEW"), E.fullname("Demo Also"), E.contactname("a"),
                                                  E.contactemail("a@b.local"), E.primarydomain("b.local"))))
    assert status == 400
    assert error_of(root) == (1, "A customer with the full name 'Demo Also' already exists (code DA).")
    status, root = sim.call(req("SET", E.customer(E.fullname("Demo Also"), E.contactname("a"),
                                                  E.contactemail("a@b.local"), E.primarydomain("b.local"))))
    # without <name>, the full name identifies DA: this is an update, not a duplicate
    assert status == 200
    assert customer_el(sim, "DA").findtext("contactname") == "a"


# ----------------------------------------------------------------------- SET update
def test_update_fields_domains_and_enabled(sim):
    create(sim, "Test Customer 1")
    update = E.customer(E.name("TC"), E.contactname("Jane"), E.contactemail("jane@test2.local"),
                        E.address("Liliju iela 29"), E.phone("+371 1"), E.fax("+371 2"), E.billingid("TC-1"),
                        E.domains(E.domain("test2.local"), E.domain("nervogrid.com")), E.enabled("no"))
    status, _root = sim.call(req("SET", update))
    assert status == 200
    cust = customer_el(sim, "TC")
    assert [cust.findtext(t) for t in ("contactname", "address", "phone", "fax", "billingid", "enabled")] == \
        ["Jane", "Liliju iela 29", "+371 1", "+371 2", "TC-1", "False"]
    assert [d.text for d in cust.findall("domains/domain")] == ["test2.local", "nervogrid.com"]
    sim.call(req("SET", E.customer(E.name("TC"), E.primarydomain("new.local"))))
    cust = customer_el(sim, "TC")
    assert cust.findtext("primarydomain") == "new.local"
    assert [d.text for d in cust.findall("domains/domain")] == ["new.local", "test2.local", "nervogrid.com"]


def test_domains_must_keep_the_primary_domain(sim):
    status, root = sim.call(req("SET", E.customer(E.name("DA"), E.domains(E.domain("other.example")))))
    assert (status, error_of(root)[0]) == (400, 1)


def test_properties_update_only_given_keys_and_unknown_property_is_error_19(sim):
    prop = E.properties(E.property(E.name("City"), E.value("Mārupe")))
    sim.call(req("SET", E.customer(E.name("DA"), prop)))
    _status, root = get(sim, E.name("DA"), E.properties())
    values = dict((p.findtext("name"), p.findtext("value")) for p in root.findall("customer/properties/property"))
    assert values["City"] == "Mārupe" and values["Country"] == "Latvia" and values["ZipCode"] == "LV-1010"
    bad = E.properties(E.property(E.name("FavouriteColour"), E.value("blue")))
    status, root = sim.call(req("SET", E.customer(E.name("DA"), bad)))
    assert (status, error_of(root)[0]) == (400, 19)
    country = E.properties(E.property(E.name("Country"), E.value("Atlantis")))
    status, root = sim.call(req("SET", E.customer(E.name("DA"), country)))
    assert error_of(root)[0] == 1 and "A Country must be selected" in error_of(root)[1]


@pytest.mark.parametrize("word, expected", [("true", "True"), ("YES", "True"), ("1", "True"), ("-1", "True"),
                                            ("0", "False"), ("No", "False"), ("FALSE", "False")])
def test_booleans_are_accepted_in_every_documented_spelling(sim, word, expected):
    sim.call(req("SET", E.customer(E.name("OC"), E.enabled(word))))
    assert customer_el(sim, "OC").findtext("enabled") == expected


def test_invalid_boolean_is_error_32_and_invalid_status_is_error_17(sim):
    status, root = sim.call(req("SET", E.customer(E.name("OC"), E.enabled("maybe"))))
    assert (status, error_of(root)[0]) == (400, 32)
    status, root = sim.call(req("SET", E.customer(E.name("OC"), E.status("Asleep"))))
    assert (status, error_of(root)[0]) == (400, 17)


@pytest.mark.parametrize("key", [E.fullname("Other Customer"), E.id("24"), E.billingid("OC-B")])
def test_set_identifies_customer_by_fullname_id_or_billingid(sim, key):
    sim.call(req("SET", E.customer(E.name("OC"), E.billingid("OC-B"))))
    status, _root = sim.call(req("SET", E.customer(key, E.contactname("Changed"))))
    assert status == 200
    assert customer_el(sim, "OC").findtext("contactname") == "Changed"
    _status, root = sim.call(req("FIND", E.customer()))
    assert len(root) == 3


def test_set_with_unknown_id_or_only_identification_is_error_34(sim):
    status, root = sim.call(req("SET", E.customer(E.id("999"), E.contactname("x"))))
    assert error_of(root) == (34, "Customer '999' not found.") and status == 400
    status, root = sim.call(req("SET", E.customer(E.name("ZZ"), E.user(E.name("u")))))
    assert error_of(root) == (34, "Customer 'ZZ' not found.")
    status, root = sim.call(req("SET", E.customer(E.fullname("Nobody Ltd"), E.user(E.name("u")))))
    assert error_of(root) == (34, "Customer 'Nobody Ltd' not found.")


def test_reparent_customer(sim):
    create(sim, "Test Customer 1")
    sim.call(req("SET", E.customer(E.name("TC"), E.parent(E.name("DA")))))
    assert customer_el(sim, "TC").findtext("parent/name") == "DA"
    status, root = sim.call(req("SET", E.customer(E.name("DA"), E.parent(E.name("TC")))))
    assert (status, error_of(root)[0]) == (400, 1)
    status, root = sim.call(req("SET", E.customer(E.name("DA"), E.parent(E.name("DA")))), user="admin_DA")
    assert (status, error_of(root)[0]) == (401, 12)          # one's own customer cannot be moved
    assert customer_el(sim, "DA").findtext("parent/name") == "Gsp"


def test_the_code_of_a_customer_cannot_change(sim):
    status, root = sim.call(req("SET", E.customer(E.name("DA"), E.properties(
        E.property(E.name("ShortName"), E.value("DB"))))))
    assert (status, error_of(root)) == (400, (1, "The customer code (ShortName) cannot be changed."))
    assert customer_el(sim, "DA") is not None


# ----------------------------------------------------------------------- special values
def test_xml_special_and_non_ascii_values_round_trip_byte_exact(sim):
    special = "A&B <Ltd> \"quoted\" 'apos'"
    create(sim, "Special Customer", E.contactname(special), E.address(special),
           E.properties(E.property(E.name("City"), E.value("Mārupe"))))
    answer = sim.raw(req("GET", E.customer(E.name("SC"), E.properties())), auth=("admin_Gsp", "Adm1n!Gsp"))
    assert b"<contactname>A&amp;B &lt;Ltd&gt; \"quoted\" 'apos'</contactname>" in answer.content
    assert b"<address>A&amp;B &lt;Ltd&gt;" in answer.content
    assert "Mārupe".encode("utf-8") in answer.content
    root = etree.fromstring(answer.content)
    assert root.findtext("customer/contactname") == special


# ----------------------------------------------------------------------- DELETE and de-provisioning
def test_delete_customer_and_unknown_customer(sim):
    create(sim, "Test Customer 1")
    status, root = sim.call(req("DELETE", E.customer(E.name("TC"))))
    assert status == 200 and root.findtext("request/id")
    status, root = get(sim, E.name("TC"))
    assert error_of(root)[0] == 34
    status, root = sim.call(req("DELETE", E.customer(E.name("TC"))))
    assert (status, error_of(root)) == (400, (34, "Customer 'TC' not found."))


def test_delete_customer_with_sub_customers_is_refused(sim):
    status, root = sim.call(req("DELETE", E.customer(E.name("DA"))))
    assert status == 200     # DA has no sub-customers in the seed data
    create(sim, "Parent Co", domain="p.local")
    create(sim, "Child Co", E.parent(E.name("PC")), domain="c.local")
    status, root = sim.call(req("DELETE", E.customer(E.name("PC"))))
    assert (status, error_of(root)[0]) == (400, 1)


def test_deprovision_cascades_to_users_and_sub_customers_then_reprovision(sim):
    create(sim, "Parent Co", domain="p.local")
    create(sim, "Child Co", E.parent(E.name("PC")), domain="c.local")
    sim.call(req("SET", E.customer(E.name("PC"), E.user(E.name("u1")), E.user(E.name("u2")))))
    status, _root = sim.call(req("SET", E.customer(E.name("PC"), E.status("Notprovisioned"))))
    assert status == 200
    _status, root = sim.call(req("FIND", E.customer(E.status("NotProvisioned"), E.user())))
    assert sorted(c.findtext("name") for c in root.findall("customer")) == ["CC", "PC"]
    assert [u.findtext("status") for u in root.findall("customer/user")] == ["NotProvisioned"] * 2
    sim.call(req("SET", E.customer(E.name("PC"), E.status("Provisioned"))))
    assert customer_el(sim, "PC").findtext("status") == "Provisioned"
    assert customer_el(sim, "CC").findtext("status") == "NotProvisioned"


def test_get_shape_matches_customer_get_capture(sim):
    cust = customer_el(sim, "DA")
    expected = {"name", "id", "fullname", "location", "billingid", "primarydomain", "parent", "contactname",
                "contactemail", "address", "phone", "fax", "customerou", "customeroustructure", "domains",
                "locations", "departments", "password", "roles", "enabled", "status", "approvalpending"}
    assert [c.tag for c in cust] == [t for t in [c.tag for c in cust] if t in expected]
    assert set(c.tag for c in cust) == expected
    assert "/response/customer/roles/role" in paths(cust)
    assert cust.find("roles/role").get("id").startswith("{")


def test_unknown_service_is_error_21(sim):
    status, root = sim.call(req("GET", E.customer(E.name("DA"), E.service(E.name("NoSuchService")))))
    assert (status, error_of(root)[0]) == (400, 21)
