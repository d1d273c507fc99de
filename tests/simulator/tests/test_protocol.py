"""The envelope: endpoint, authentication, request validation, error bodies (guide: Request Basics, Appendix A)."""

import pytest

from .simhelp import E, error_of, parse, req

DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>'
FIND_ALL = req("FIND", E.customer())


def test_get_of_default_aspx_answers_empty_response(sim):
    answer = sim.raw(method="GET", auth=("admin_Gsp", "Adm1n!Gsp"))
    assert answer.status_code == 200
    assert answer.content.startswith(DECLARATION)
    root = parse(answer.content)
    assert root.tag == "response" and root.get("version") == "1.0" and len(root) == 0


def test_get_without_credentials_asks_for_basic_auth(sim):
    answer = sim.raw(method="GET")
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Basic realm=")


def test_path_is_case_insensitive(sim):
    url = sim.url.replace("/CortexAPI/Default.aspx", "/cortexapi/DEFAULT.aspx")
    answer = sim.raw(FIND_ALL, auth=("admin_Gsp", "Adm1n!Gsp"), url=url)
    assert answer.status_code == 200
    assert len(parse(answer.content).findall("customer")) == 3


def test_unknown_path_is_404(sim):
    answer = sim.raw(FIND_ALL, auth=("admin_Gsp", "Adm1n!Gsp"), url=sim.url.replace("Default.aspx", "Other.aspx"))
    assert answer.status_code == 404


def test_missing_credentials_is_error_11_with_challenge(sim):
    answer = sim.raw(FIND_ALL)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Basic realm=")
    assert error_of(parse(answer.content))[0] == 11


def test_wrong_password_is_error_11(sim):
    status, root = sim.call(FIND_ALL, user="admin_Gsp", password="wrong")
    assert status == 401
    assert error_of(root)[0] == 11


def test_unknown_user_is_error_11(sim):
    status, root = sim.call(FIND_ALL, user="nobody_Gsp", password="x")
    assert (status, error_of(root)[0]) == (401, 11)


def test_user_without_api_access_is_error_12(sim):
    status, root = sim.call(FIND_ALL, user="noapi_Gsp")
    assert status == 401
    code, message = error_of(root)
    assert code == 12 and "API Access" in message


@pytest.mark.parametrize("body", [b"<request version='1.0' action='FIND'><customer>", b"not xml at all", b"",
                                  b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x 'y'>]><request version='1.0' "
                                  b"action='FIND'><customer><name>&x;</name></customer></request>"])
def test_malformed_xml_or_doctype_is_error_3(sim, body):
    status, root = sim.call(body)
    assert status == 400
    assert error_of(root)[0] == 3


def test_missing_version_is_error_3(sim):
    status, root = sim.call(b"<request action='FIND'><customer/></request>")
    assert (status, error_of(root)[0]) == (400, 3)


def test_wrong_root_element_is_error_3(sim):
    status, root = sim.call(b"<query version='1.0' action='FIND'><customer/></query>")
    assert (status, error_of(root)[0]) == (400, 3)


@pytest.mark.parametrize("body", [b"<request version='1.0'><customer/></request>",
                                  b"<request version='1.0' action='UPDATE'><customer/></request>"])
def test_missing_or_unknown_action_is_error_5(sim, body):
    status, root = sim.call(body)
    assert (status, error_of(root)[0]) == (400, 5)


@pytest.mark.parametrize("action", ["find", "Find", "FIND"])
def test_action_is_case_insensitive(sim, action):
    status, root = sim.call(req(action, E.customer(E.name("DA"))))
    assert status == 200
    assert [c.findtext("name") for c in root.findall("customer")] == ["DA"]


def test_bom_and_blank_in_closing_tag_are_tolerated(sim):
    body = b"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\" ?>\r\n<request action=\"FIND\" version=\"1.0\">" \
           b"<customer><name>DA</name ></customer></request>"
    status, root = sim.call(body)
    assert status == 200
    assert root.findtext("customer/name") == "DA"


def test_unknown_and_wrongly_cased_tags_are_ignored(sim):
    # <Name> is not <name>: the filter is ignored, so every customer matches
    status, root = sim.call(req("FIND", E.customer(E.Name("DA"), E.colour("blue"))))
    assert status == 200
    assert len(root.findall("customer")) == 3


def test_unknown_entity_answers_empty_response(sim):
    status, root = sim.call(req("GET", E.spaceship(E.name("x"))))
    assert status == 200 and root.tag == "response" and len(root) == 0


def test_every_answer_starts_with_the_declaration_and_errors_have_the_documented_shape(sim):
    answer = sim.raw(req("GET", E.customer(E.name("NOPE"))), auth=("admin_Gsp", "Adm1n!Gsp"))
    assert answer.status_code == 400
    assert answer.content.startswith(DECLARATION)
    assert answer.headers["Content-Type"].startswith("text/xml")
    root = parse(answer.content)
    assert [c.tag for c in root] == ["error"]
    assert [c.tag for c in root.find("error")] == ["id", "message"]
    assert root.get("version") == "1.0"


def test_bom_config_prefixes_answers(sim):
    sim.config({"bom": True})
    answer = sim.raw(FIND_ALL, auth=("admin_Gsp", "Adm1n!Gsp"))
    assert answer.content.startswith(b"\xef\xbb\xbf" + DECLARATION)
