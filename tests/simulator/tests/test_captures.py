"""Replay the 18 real CPSM 11 request captures and compare the answers' shapes with the captured answers.

The captures were made by a user of reseller DA (its FIND of all customers returns only DA), so everything runs as
admin_DA: CustomerCreate creates "Test Customer 1" below DA and gets code TC, UserCreate makes User1_TC, ...
GetRequest.xml asks for the request id that CustomerProvisionExchange returned here. Shapes are compared as sets of
element paths; for the 60-75 KB property documents, the structure outside <property> is compared and every captured
property must come back with the same child tags (and the same validation child tags).

The service captures (CustomerProvisionExchange, CustomerModifyExchange, CustomerServiceGet,
CustomerServicesFindAll, UserProvisionExchange, UserServiceGet, UserServicesFindAll, GetRequest) exercise
the services/ package.
"""

import os
from pathlib import Path

import pytest
import requests
from lxml import etree

from .simhelp import PASSWORDS, parse, paths

CAPTURES = Path(os.environ.get("ATRIA_CAPTURES_DIR") or
                Path(__file__).resolve().parents[3].parent / "shared/reference/cpsm11-captures")
ORDER = ["CustomerFind", "CustomerFindAll", "CustomerGet", "CustomerGetProperties", "CustomerCreate", "UserCreate",
         "UserGet", "UserGetProperties", "CustomerModify", "CustomerProvisionExchange", "CustomerModifyExchange",
         "CustomerServiceGet", "CustomerServicesFindAll", "UserProvisionExchange", "UserServiceGet",
         "UserServicesFindAll", "GetRequest", "CustomerDelete"]
PROPERTY_DOCUMENTS = ("CustomerGetProperties", "UserGetProperties")


def _captures_dir():
    if not (CAPTURES / "Requests").is_dir() or not (CAPTURES / "Responses").is_dir():
        pytest.fail("CPSM 11 captures not found at %s (expected Requests/ and Responses/ there). Set "
                    "ATRIA_CAPTURES_DIR to the cpsm11-captures directory." % CAPTURES)
    return CAPTURES


def _request_body(name, answers):
    body = (_captures_dir() / "Requests" / (name + ".xml")).read_bytes()
    if name == "GetRequest":
        # ask for the request our own CustomerProvisionExchange produced, not the production server's 46009
        root = etree.fromstring(body)
        root.find("request/id").text = answers["CustomerProvisionExchange"].findtext("request/id") or "0"
        body = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    return body


@pytest.fixture(scope="module")
def replay(sim_server):
    """Run every capture in order once; {name: (http status, parsed answer)}."""
    requests.post(sim_server.admin_url + "/reset", timeout=30).raise_for_status()
    answers, statuses = {}, {}
    with requests.Session() as session:
        for name in ORDER:
            answer = session.post(sim_server.url, data=_request_body(name, answers), timeout=60,
                                  auth=("admin_DA", PASSWORDS["admin_DA"]), verify=sim_server.cafile or True)
            statuses[name] = answer.status_code
            answers[name] = parse(answer.content)
    return statuses, answers


def _expected(name):
    return etree.parse(str(_captures_dir() / "Responses" / (name + ".xml"))).getroot()


def _properties_by_name(root):
    return dict((p.findtext("name"), p) for p in root.iter("property"))


@pytest.mark.parametrize("name", [n for n in ORDER if n not in PROPERTY_DOCUMENTS])
def test_capture_replay_shape(replay, name):
    statuses, answers = replay
    got = answers[name]
    assert statuses[name] == 200, etree.tostring(got, encoding="unicode")
    assert got.find("error") is None, etree.tostring(got, encoding="unicode")
    expected = paths(_expected(name))
    actual = paths(got)
    assert actual == expected, "missing %s, extra %s" % (sorted(expected - actual), sorted(actual - expected))


@pytest.mark.parametrize("name", PROPERTY_DOCUMENTS)
def test_capture_replay_property_documents(replay, name):
    statuses, answers = replay
    got = answers[name]
    assert statuses[name] == 200, etree.tostring(got, encoding="unicode")
    want = _expected(name)
    assert paths(got, skip_below=("property",)) == paths(want, skip_below=("property",))
    ours = _properties_by_name(got)
    for prop_name, prop in _properties_by_name(want).items():
        assert prop_name in ours, "property %r missing" % prop_name
        assert [c.tag for c in ours[prop_name]] == [c.tag for c in prop], prop_name
        assert [c.tag for c in ours[prop_name].find("validation")] == [c.tag for c in prop.find("validation")]


def test_capture_replay_names_and_values(replay):
    _statuses, answers = replay
    user = answers["UserGet"].find("customer/user")
    assert (user.findtext("name"), user.findtext("upn"), user.findtext("lastname")) == \
        ("User1_TC", "User1_TC@test2.local", "Default Lastname")
    customer = answers["UserGet"].find("customer")
    assert (customer.findtext("name"), customer.findtext("id"), customer.findtext("parent/name")) == ("TC", "34", "DA")
    assert customer.findtext("customerou") == "Demo Also(DA),Customers"
    assert [d.text for d in customer.findall("domains/domain")] == ["test2.local"]    # read before CustomerModify
    assert answers["CustomerCreate"].findtext("request/id") == "45666"
    assert [c.findtext("name") for c in answers["CustomerFindAll"].findall("customer")] == ["DA"]
