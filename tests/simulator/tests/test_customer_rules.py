"""Customer full-name and code rules are per deployment (DESIGN point 13): configurable, published and enforced."""

import pytest
from lxml.builder import E

from .simhelp import error, ok

CAPTURE_FULLNAME = r"^[\p{L}\p{N} .-]{1,60}$"


def new_customer(fullname, code=None):
    fields = [E.fullname(fullname), E.contactname("Admin"), E.contactemail("admin@rules.example"),
              E.primarydomain("rules.example")]
    if code:
        fields.append(E.name(code))
    return E.customer(*fields)


def published(sim, prop):
    root = ok(sim, "GET", E.customer(E.name("DA"), E.properties(detail="true")))
    found = [el for el in root.findall("customer/properties/property") if el.findtext("name") == prop]
    return found[0].findtext("validation/value")


@pytest.mark.parametrize("fullname", ["Dunder & Mifflin, Inc.", "O'Brien (UK) Ltd"])
def test_the_default_rule_accepts_ordinary_punctuation(sim, fullname):
    ok(sim, "SET", new_customer(fullname))
    assert ok(sim, "FIND", E.customer(E.fullname(fullname))).findtext("customer/fullname") == fullname
    assert published(sim, "FullName") != CAPTURE_FULLNAME


@pytest.mark.parametrize("setting", [{"customer_rules": "capture"}, {"release": "cpsm11"}])
def test_the_capture_rule_is_kept_for_cpsm11_or_on_request(sim, setting):
    sim.config(setting)
    assert published(sim, "FullName") == CAPTURE_FULLNAME
    code, message, _status = error(sim, "SET", new_customer("Dunder & Mifflin, Inc."))
    assert code == 1 and "A valid customer long name must be specified" in message


def test_lenient_beats_the_release_default(sim):
    sim.config({"release": "cpsm11", "customer_rules": "lenient"})
    ok(sim, "SET", new_customer("O'Brien (UK) Ltd"))


def test_custom_rules_are_published_and_enforced_on_create_update_and_properties(sim):
    sim.config({"customer_rules": {"fullname": r"^[A-Z][a-z]+ Corp$", "name": r"^[A-Z]{3}$"}})
    assert (published(sim, "FullName"), published(sim, "ShortName")) == (r"^[A-Z][a-z]+ Corp$", r"^[A-Z]{3}$")
    assert error(sim, "SET", new_customer("Lowercase corp"))[0] == 1
    assert error(sim, "SET", new_customer("Acme Corp", code="AC"))[0] == 1
    ok(sim, "SET", new_customer("Acme Corp", code="ACM"))
    assert error(sim, "SET", E.customer(E.name("ACM"), E.fullname("acme corp")))[0] == 1
    assert error(sim, "SET", E.customer(E.name("ACM"), E.properties(E.property(
        E.name("FullName"), E.value("Acme Inc")))))[0] == 1
    ok(sim, "SET", E.customer(E.name("ACM"), E.fullname("Acmex Corp")))


@pytest.mark.parametrize("bad", ["strict", {}, {"fullname": "("}, {"address": ".*"}])
def test_customer_rules_are_validated(sim, bad):
    with pytest.raises(Exception, match="400"):
        sim.config({"customer_rules": bad})
