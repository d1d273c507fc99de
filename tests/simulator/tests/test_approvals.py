"""Workflow approval: approval providers (Workflow Managers, Workflow Groups) and approval responses."""

import pytest
from lxml.builder import E

from tests.simulator.approvals import providers as approval_providers
from tests.simulator.core import context, store
from tests.simulator.core.errors import SimError
from tests.simulator.seed import base

from .simhelp import customer, error, get_service, get_user_service, new_customer, ok, plan, service, user

SEEDED_SUBSCRIPTION = "6f1c2a4e-3b5d-4c7e-9a1f-2d3e4f5a6b7c"


@pytest.fixture(autouse=True)
def fresh(sim):
    sim.reset()
    sim.config({"provisioning_delay": 0.0})


def providers(sim, code="DA"):
    root = ok(sim, "GET", customer(code, E.approvalproviders()))
    return {el.findtext("name"): el for el in root.findall("customer/approvalproviders/approvalprovider")}


def set_providers(sim, *provider_els, code="DA"):
    return ok(sim, "SET", customer(code, E.approvalproviders(*provider_els)))


def workflow_groups(*group_els):
    return E.approvalprovider(E.name("Workflow Groups"), E.groups(*group_els))


def members(*usernames):
    return E.members(*[E.member(E.displayname("ignored"), E.username(name)) for name in usernames])


def subscription(name, access):
    return E.subscription(E.name(name), E.access(access))


def groups_of(sim, code="DA"):
    return {el.findtext("name"): el for el in providers(sim, code)["Workflow Groups"].findall("groups/group")}


def usernames(group_el):
    return [el.findtext("username") for el in group_el.findall("members/member")]


def responses(sim, code="DA", who=None, show_all=False):
    attrs = {"filter": "all"} if show_all else {}
    entity = customer(code, E.approvalresponses(**attrs)) if who is None else \
        customer(code, user(who, E.approvalresponses(**attrs)))
    return ok(sim, "GET", entity).findall(".//approvalresponses/approvalresponse")


def answer(sim, subscription_id, status, code="DA", who=None):
    body = E.approvalresponses(E.approvalresponse(E.subscription(E.id(subscription_id), E.status(status),
                                                                 E.reason("from the tests"))))
    return ok(sim, "SET", customer(code, body if who is None else user(who, body)))


# --------------------------------------------------------------------- providers
def test_get_lists_both_providers_with_configuration_and_subscriptions(sim):
    found = providers(sim)
    assert set(found) == {"Workflow Managers", "Workflow Groups"}
    managers = found["Workflow Managers"]
    assert [child.tag for child in managers.find("configuration")] == ["managers", "timeoutdays", "reminderdays"]
    assert managers.findtext("subscriptions/users/subscription/access") == "None"
    assert managers.findtext("subscriptions/userservices/service/label") == "All"
    group = groups_of(sim)["Service Approvers"]
    assert usernames(group) == ["admin_DA"]
    assert [child.tag for child in group.find("configuration")] == ["memberstoapprove", "timeoutdays", "reminderdays"]


def test_set_workflow_managers_changes_only_what_is_given(sim):
    set_providers(sim, E.approvalprovider(E.name("Workflow Managers"), E.configuration(E.timeoutdays("4")),
                                          E.subscriptions(E.userservices(E.service(
                                              E.label("Hosted Exchange"), subscription("Provision", "object"))))))
    managers = providers(sim)["Workflow Managers"]
    assert [child.text for child in managers.find("configuration")] == ["1", "4", "1"]
    labels = {el.findtext("label"): {sub.findtext("name"): sub.findtext("access") for sub in el.findall("subscription")}
              for el in managers.findall("subscriptions/userservices/service")}
    assert labels["Hosted Exchange"] == {"Provision": "Object", "Deprovision": "None"}
    assert usernames(groups_of(sim)["Service Approvers"]) == ["admin_DA"]      # the other provider is untouched


@pytest.mark.parametrize("provider, number", [
    (E.approvalprovider(E.name("Email Approvals")), 1),
    (E.approvalprovider(E.name("Workflow Managers"), E.configuration(E.managers("five"))), 38),
    (E.approvalprovider(E.name("Workflow Managers"), E.subscriptions(E.users(subscription("Provision", "Always")))), 1),
    (E.approvalprovider(E.name("Workflow Managers"), E.subscriptions(E.services(E.service(
        E.label("Teleportation"), subscription("Provision", "Object"))))), 21),
])
def test_invalid_provider_settings_are_errors(sim, provider, number):
    assert error(sim, "SET", customer("DA", E.approvalproviders(provider)))[0] == number


def test_workflow_group_members_replace_the_whole_list(sim):
    code = new_customer(sim)
    ok(sim, "SET", customer(code, user("Jocelyn"), user("Roger")))
    set_providers(sim, workflow_groups(E.group(
        E.name("Customer Service Approval"), E.description("Approves customer services"),
        E.configuration(E.memberstoapprove("2")), members("User1_" + code, "jocelyn"))), code=code)
    group = groups_of(sim, code)["Customer Service Approval"]
    assert usernames(group) == ["User1_" + code, "Jocelyn_" + code]
    assert group.findtext("configuration/memberstoapprove") == "2"
    set_providers(sim, workflow_groups(E.group(E.name("Customer Service Approval"), members("Roger_" + code))),
                  code=code)
    assert usernames(groups_of(sim, code)["Customer Service Approval"]) == ["Roger_" + code]
    # Without <members> the membership is left alone.
    set_providers(sim, workflow_groups(E.group(E.name("customer service approval"), E.description("New text"))),
                  code=code)
    group = groups_of(sim, code)["Customer Service Approval"]
    assert usernames(group) == ["Roger_" + code] and group.findtext("description") == "New text"


def test_members_must_be_existing_provisioned_users(sim):
    code, message, _status = error(sim, "SET", customer("DA", E.approvalproviders(workflow_groups(
        E.group(E.name("Service Approvers"), members("ghost_DA"))))))
    assert code == 16 and "ghost_DA" in message
    assert error(sim, "SET", customer("DA", E.approvalproviders(workflow_groups(E.group(
        E.name("Service Approvers"), E.members(E.member(E.displayname("No Username"))))))))[0] == 15
    ok(sim, "SET", customer("DA", user("Leaver")))
    ok(sim, "SET", customer("DA", user("Leaver", E.status("NotProvisioned"))))
    code, message, _status = error(sim, "SET", customer("DA", E.approvalproviders(workflow_groups(
        E.group(E.name("Service Approvers"), members("Leaver_DA"))))))
    assert code == 15 and "Deprovisioned users cannot be added" in message
    assert usernames(groups_of(sim)["Service Approvers"]) == ["admin_DA"]


def test_action_delete_removes_a_group(sim):
    set_providers(sim, workflow_groups(E.group(E.name("Group A"))))
    assert set(groups_of(sim)) == {"Service Approvers", "Group A"}
    set_providers(sim, workflow_groups(E.group(E.name("Group A"), E.action("delete"))))
    assert set(groups_of(sim)) == {"Service Approvers"}
    assert error(sim, "SET", customer("DA", E.approvalproviders(workflow_groups(
        E.group(E.name("Service Approvers"), E.action("archive"))))))[0] == 1


# --------------------------------------------------------------------- responses
def test_only_pending_responses_unless_filter_all(sim):
    pending = responses(sim)
    assert [el.findtext("description") for el in pending] == ["Provision User - New Starter"]
    assert pending[0].findtext("subscription/id") == SEEDED_SUBSCRIPTION
    assert pending[0].findtext("customer/name") == "DA"
    answer(sim, SEEDED_SUBSCRIPTION, "accepted")
    assert responses(sim) == []
    resolved = responses(sim, show_all=True)
    assert [(el.findtext("status"), el.findtext("subscription/status"), el.findtext("subscription/reason"))
            for el in resolved] == [("Accepted", "Accepted", "from the tests")]
    # The service provider sees the requests of the customers below it too.
    assert len(responses(sim, code="Gsp", show_all=True)) == 1


def test_user_level_responses_and_answer(sim):
    mine = responses(sim, who="admin_DA")
    assert [el.findtext("subscription/user/name") for el in mine] == ["admin_DA"]
    answer(sim, SEEDED_SUBSCRIPTION, "Declined", who="admin_DA")
    assert responses(sim, who="admin_DA") == []
    assert responses(sim, who="admin_DA", show_all=True)[0].findtext("status") == "Declined"
    assert error(sim, "SET", customer("DA", user("admin_DA", E.approvalresponses(E.approvalresponse(
        E.subscription(E.id(SEEDED_SUBSCRIPTION), E.status("Accepted")))))))[0] == 1


def test_unknown_subscription_and_bad_status(sim):
    body = E.approvalresponses(E.approvalresponse(E.subscription(E.id("00000000-0000-0000-0000-000000000000"),
                                                                 E.status("Accepted"))))
    assert error(sim, "SET", customer("DA", body))[0] == 18
    body = E.approvalresponses(E.approvalresponse(E.subscription(E.id(SEEDED_SUBSCRIPTION), E.status("Maybe"))))
    assert error(sim, "SET", customer("DA", body))[0] == 17


def test_subscribed_user_service_waits_for_approval(sim):
    set_providers(sim, workflow_groups(E.group(E.name("Service Approvers"), E.subscriptions(E.userservices(
        E.service(E.label("Hosted Exchange"), subscription("Provision", "Object")))))))
    ok(sim, "SET", customer("DA", user("Newbie")))
    ok(sim, "SET", customer("DA", user("Newbie", service("HE", plan("userpackage", "FORFAIT_60GO_1AN")))))
    held = get_user_service(sim, "DA", "Newbie", "HE")
    assert (held.findtext("status"), held.findtext("approvalpending")) == ("NotProvisioned", "True")
    assert error(sim, "SET", customer("DA", user("Newbie", service("HE"))))[0] == 10
    request = [el for el in responses(sim) if "Newbie" in el.findtext("description")][0]
    answer(sim, request.findtext("subscription/id"), "Accepted")
    done = get_user_service(sim, "DA", "Newbie", "HE")
    assert (done.findtext("status"), done.findtext("approvalpending")) == ("Provisioned", "False")
    assert done.findtext("userpackage/name") == "FORFAIT_60GO_1AN"


def test_declined_customer_service_stays_unprovisioned(sim):
    set_providers(sim, workflow_groups(E.group(E.name("Service Approvers"), E.subscriptions(E.services(
        E.service(E.label("All"), subscription("Provision", "Object")))))))
    ok(sim, "SET", customer("DA", service("MARCH")))
    assert get_service(sim, "DA", "MARCH").findtext("approvalpending") == "True"
    request = [el for el in responses(sim) if "Mail Archiving" in el.findtext("description")][0]
    answer(sim, request.findtext("subscription/id"), "Declined")
    march = get_service(sim, "DA", "MARCH")
    assert (march.findtext("status"), march.findtext("approvalpending")) == ("NotProvisioned", "False")


def test_deleted_user_leaves_workflow_and_distribution_groups(sim):
    ok(sim, "SET", customer("DA", user("Temp", service("HE"))))
    set_providers(sim, workflow_groups(E.group(E.name("Service Approvers"), members("admin_DA", "Temp_DA"))))
    ok(sim, "SET", customer("DA", service("HE", E.distributiongroups(E.distributiongroup(
        E.displayname("DA Sales"), E.members(E.member(E.displayname("Temp"))))))))
    ok(sim, "DELETE", customer("DA", user("Temp_DA")))
    assert usernames(groups_of(sim)["Service Approvers"]) == ["admin_DA"]
    sales = get_service(sim, "DA", "HE", E.distributiongroups(E.distributiongroup(E.displayname("DA Sales"),
                                                                                  E.members())))
    assert len(sales.find("distributiongroups/distributiongroup/members")) == 0


def test_approval_entity_reads_one_request_by_subscription_id():
    state = store.Store()
    base.seed_core(state)
    ctx = context.RequestContext(state, state.user_by_login("admin_Gsp"), "GET", "atria12")
    found = approval_providers.handle(ctx, E.approval(E.id(SEEDED_SUBSCRIPTION.upper())))[0]
    assert found.findtext("approvalresponse/description") == "Provision User - New Starter"
    with pytest.raises(SimError) as raised:
        approval_providers.handle(ctx, E.approval(E.id("nope")))
    assert raised.value.code == 18


# --------------------------------------------------------------------- users held for approval (guide: "Approval management")
def subscribe_users(sim, *approvers, needed=1, event="Provision"):
    for name in approvers:
        if name != "admin_DA":
            ok(sim, "SET", customer("DA", user(name)))
    set_providers(sim, workflow_groups(E.group(
        E.name("User Approvers"), E.configuration(E.memberstoapprove(str(needed))),
        members(*[name if name.endswith("_DA") else name + "_DA" for name in approvers]),
        E.subscriptions(E.users(subscription(event, "Object"))))))


def held_request(sim, text):
    return [el for el in responses(sim) if text in el.findtext("description")][0]


def user_status(sim, name):
    found = ok(sim, "GET", customer("DA", user(name))).find("customer/user")
    return found.findtext("status"), found.findtext("approvalpending")


def test_a_new_user_waits_for_approval_and_the_write_rests_at_pending(sim):
    subscribe_users(sim, "admin_DA")
    sim.config({"provisioning_delay": 0.3})
    root = ok(sim, "SET", customer("DA", user("Minnie", E.fullname("Minnie Mouse"))))
    assert user_status(sim, "Minnie") == ("NotProvisioned", "True")
    children = ok(sim, "GET", E.request(E.parentid(root.findtext("request/id")))).findall("request")
    assert [el.findtext("status") for el in children] == ["Pending"]       # at once: nothing is in flight
    request = held_request(sim, "Minnie Mouse")
    assert request.findtext("description") == "Provision User - Minnie Mouse"
    assert ok(sim, "GET", E.approval(E.id(request.findtext("subscription/id")))).findtext(
        "approval/approvalresponse/description") == "Provision User - Minnie Mouse"
    assert error(sim, "SET", customer("DA", user("Minnie", service("HE"))))[0] == 15
    sim.config({"provisioning_delay": 0.0})
    answer(sim, request.findtext("subscription/id"), "Accepted")
    assert user_status(sim, "Minnie") == ("Provisioned", "False")


def test_a_group_needing_two_acceptances_waits_for_the_second(sim):
    subscribe_users(sim, "admin_DA", "Donald", "Mickey", needed=2)
    ok(sim, "SET", customer("DA", user("Minnie")))
    request = held_request(sim, "Minnie")
    ids = [el.findtext("id") for el in request.findall("subscription")]
    assert len(ids) == 3
    answer(sim, ids[0], "Accepted")
    assert user_status(sim, "Minnie") == ("NotProvisioned", "True")
    assert held_request(sim, "Minnie").findtext("status") == "Pending"
    answer(sim, ids[1], "Accepted")
    assert user_status(sim, "Minnie") == ("Provisioned", "False")
    resolved = [el for el in responses(sim, show_all=True) if "Minnie" in el.findtext("description")][0]
    assert [el.findtext("status") for el in resolved.findall("subscription")] == ["Accepted", "Accepted",
                                                                                  "NotRequired"]
    answer(sim, ids[0], "Accepted")                      # the same answer again changes nothing
    assert error(sim, "SET", customer("DA", E.approvalresponses(E.approvalresponse(E.subscription(
        E.id(ids[0]), E.status("Declined"))))))[0] == 1


def test_a_declined_creation_stays_not_provisioned(sim):
    subscribe_users(sim, "admin_DA")
    ok(sim, "SET", customer("DA", user("Minnie")))
    answer(sim, held_request(sim, "Minnie").findtext("subscription/id"), "Declined")
    assert user_status(sim, "Minnie") == ("NotProvisioned", "False")
    resolved = [el for el in responses(sim, show_all=True) if "Minnie" in el.findtext("description")][0]
    assert (resolved.findtext("status"), resolved.findtext("subscription/reason")) == ("Declined", "from the tests")


def test_a_declined_deprovisioning_leaves_the_user_as_it_was(sim):
    ok(sim, "SET", customer("DA", user("Minnie", E.department("Sales"))))
    subscribe_users(sim, "admin_DA", event="Deprovision")
    ok(sim, "SET", customer("DA", user("Minnie", E.department("Gone"), E.status("NotProvisioned"))))
    assert user_status(sim, "Minnie") == ("Provisioned", "True")
    answer(sim, held_request(sim, "Minnie").findtext("subscription/id"), "Declined")
    assert user_status(sim, "Minnie") == ("Provisioned", "False")
    assert ok(sim, "GET", customer("DA", user("Minnie"))).findtext("customer/user/department") == "Sales"


def test_a_declined_service_change_puts_the_service_back(sim):
    set_providers(sim, workflow_groups(E.group(E.name("Service Approvers"), E.subscriptions(E.services(
        E.service(E.label("All"), subscription("Provision", "Object")))))))
    ok(sim, "SET", customer("DA", service("MARCH", E.userlimit("5"))))
    assert get_service(sim, "DA", "MARCH").findtext("userlimit") == "5"      # stored at once, like the real DB
    answer(sim, held_request(sim, "Mail Archiving").findtext("subscription/id"), "Declined")
    march = get_service(sim, "DA", "MARCH")
    assert (march.findtext("status"), march.findtext("approvalpending"), march.findtext("userlimit")) == \
        ("NotProvisioned", "False", "Unlimited")


def test_cpsm10_holds_nothing_for_approval(sim):
    subscribe_users(sim, "admin_DA")
    sim.config({"release": "cpsm10"})
    ok(sim, "SET", customer("DA", user("Minnie")))
    assert user_status(sim, "Minnie") == ("Provisioned", "False")


def test_pending_is_never_a_phase_of_provisioning(sim):
    """DESIGN point 4: Pending ("Pending Changes") is a resting status; in-flight is Requested and InProgress."""
    import time
    sim.config({"provisioning_delay": 0.2})
    ok(sim, "SET", customer("DA", user("Minnie")))
    seen = []
    deadline = time.time() + 2
    while time.time() < deadline and (not seen or seen[-1] != "Provisioned"):
        status = user_status(sim, "Minnie")[0]
        if not seen or seen[-1] != status:
            seen.append(status)
        time.sleep(0.01)
    assert seen[-1] == "Provisioned" and "Pending" not in seen
    assert set(seen) <= {"Requested", "InProgress", "Provisioned"}


def test_workflow_managers_approve_along_the_requesters_manager_chain(sim):
    """The provider's description: "Requests are approved by the managers of the requesting user"."""
    ok(sim, "SET", customer("Gsp", user("admin_Gsp", E.properties(E.property(E.name("manager"),
                                                                             E.value("noapi_Gsp"))))))
    set_providers(sim, E.approvalprovider(E.name("Workflow Managers"), E.subscriptions(E.users(
        subscription("Provision", "Object")))))
    ok(sim, "SET", customer("DA", user("Minnie")))
    request = held_request(sim, "Minnie")
    assert [el.findtext("user/name") for el in request.findall("subscription")] == ["noapi_Gsp"]
    answer(sim, request.findtext("subscription/id"), "Accepted")
    assert user_status(sim, "Minnie") == ("Provisioned", "False")


def test_workflow_managers_fall_back_to_the_customer_administrators(sim):
    set_providers(sim, E.approvalprovider(E.name("Workflow Managers"), E.subscriptions(E.users(
        subscription("Provision", "Object")))))
    ok(sim, "SET", customer("DA", user("Minnie")))
    assert [el.findtext("user/name") for el in held_request(sim, "Minnie").findall("subscription")] == ["admin_DA"]
