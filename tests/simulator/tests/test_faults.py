"""Fault injection: every kind, only_actions, repeatable randomness, and the log of it."""

import time

import pytest
import requests

from .simhelp import E, error_of, parse, req

AUTH = ("admin_Gsp", "Adm1n!Gsp")
FIND = req("FIND", E.customer(E.name("DA")))


def set_contact(value):
    return req("SET", E.customer(E.name("OC"), E.contactname(value)))


def contact(sim):
    _status, root = sim.call(req("GET", E.customer(E.name("OC"))))
    return root.findtext("customer/contactname")


def test_http500_answers_error_0_and_changes_nothing(sim):
    sim.faults({"http500_rate": 1.0})
    status, root = sim.call(set_contact("Changed"))
    assert status == 500 and error_of(root)[0] == 0
    sim.faults({})
    assert contact(sim) == "Olga Other"


def test_latency_delays_the_answer(sim):
    sim.faults({"latency": 0.3})
    start = time.time()
    status, _root = sim.call(FIND)
    assert status == 200 and time.time() - start >= 0.3


def test_drop_closes_the_connection_before_doing_anything(sim):
    sim.faults({"drop_rate": 1.0})
    with pytest.raises(requests.ConnectionError):
        sim.raw(set_contact("Changed"), auth=AUTH)
    sim.faults({})
    assert contact(sim) == "Olga Other"


def test_drop_after_loses_the_answer_of_a_write_that_happened(sim):
    sim.faults({"drop_after_rate": 1.0})
    with pytest.raises(requests.ConnectionError):
        sim.raw(set_contact("Changed"), auth=AUTH)
    sim.faults({})
    assert contact(sim) == "Changed"


def test_truncate_cuts_the_body_of_a_write_that_happened(sim):
    sim.faults({"truncate_rate": 1.0})
    answer = sim.raw(set_contact("Changed"), auth=AUTH)
    assert answer.status_code == 200
    with pytest.raises(Exception):
        parse(answer.content)
    sim.faults({})
    assert contact(sim) == "Changed"


@pytest.mark.parametrize("html_status", [500, 503])
def test_html_error_page(sim, html_status):
    sim.faults({"html_rate": 1.0, "html_status": html_status})
    answer = sim.raw(FIND, auth=AUTH)
    assert answer.status_code == html_status
    assert answer.headers["Content-Type"].startswith("text/html")
    assert answer.content.lstrip().startswith(b"<!DOCTYPE")


def test_unauthorized_after_n_requests(sim):
    sim.faults({"unauthorized_after": 2})
    assert [sim.call(FIND)[0] for _attempt in range(4)] == [200, 200, 401, 401]
    status, root = sim.call(FIND)
    assert (status, error_of(root)[0]) == (401, 11)


def test_only_actions_limits_faults_to_those_actions(sim):
    sim.faults({"http500_rate": 1.0, "only_actions": ["SET"]})
    assert sim.call(FIND)[0] == 200
    assert sim.call(set_contact("x"))[0] == 500


def test_seed_makes_fault_sequences_repeatable(sim):
    def run():
        sim.faults({"http500_rate": 0.5, "seed": 42})
        return [sim.call(FIND)[0] for _attempt in range(20)]

    first, second = run(), run()
    assert first == second
    assert 200 in first and 500 in first


def test_faults_are_logged_and_cleared_with_an_empty_dict(sim):
    sim.clear_log()
    sim.faults({"http500_rate": 1.0})
    sim.call(FIND)
    sim.faults({})
    sim.call(FIND)
    entries = sim.log()
    assert [(e["fault"], e["http_status"], e["error_id"]) for e in entries] == [("http500", 500, 0), (None, 200, None)]
