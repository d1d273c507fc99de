"""What the server reads: ignore_tags, the releases' missing features, and the spellings the guides disagree on."""

import pytest
from lxml.builder import E

from tests.simulator.dialect import releases, spellings

from .simhelp import call, customer, error, get_service, get_user_service, ok, service, user


@pytest.fixture(autouse=True)
def fresh(sim):
    sim.reset()
    sim.config({"provisioning_delay": 0.0})


def state_user(sim, name):
    return next(rec for rec in sim.state()["users"] if rec["name"] == name)


def state_customer(sim, code):
    return next(rec for rec in sim.state()["customers"] if rec["name"] == code)


def group_state(sim, name, code="DA"):
    return next(group for group in state_customer(sim, code)["distgroups"] if group["displayname"] == name)


def set_group(sim, *children):
    return ok(sim, "SET", customer("DA", service("HE", E.distributiongroups(E.distributiongroup(*children)))))


def staff_members(sim):
    return group_state(sim, "DA Staff")["members"]


def last_log(sim):
    return sim.log()[-1]


# --------------------------------------------------------------------- ignore_tags
def test_a_bare_tag_is_dropped_at_any_depth_and_the_set_still_answers_a_request_id(sim):
    sim.config({"ignore_tags": ["lastname"]})
    root = ok(sim, "SET", customer("DA", user("admin_DA", E.lastname("Renamed"), E.firstname("Ada"))))
    assert root.findtext("request/id")
    rec = state_user(sim, "admin_DA")
    assert rec["lastname"] != "Renamed" and rec["firstname"] == "Ada"
    assert last_log(sim)["ignored"] == ["customer/user/lastname"]


def test_a_path_drops_only_that_place(sim):
    sim.config({"ignore_tags": ["customer/user/fullname"]})
    ok(sim, "SET", E.customer(E.fullname("Demo Also"), user("admin_DA", E.fullname("Not Applied"))))
    assert state_user(sim, "admin_DA")["fullname"] != "Not Applied"
    assert state_customer(sim, "DA")["fullname"] == "Demo Also"


def test_a_path_may_start_with_a_slash_and_use_a_wildcard(sim):
    sim.config({"ignore_tags": ["/customer/*/lastname"]})
    ok(sim, "SET", customer("DA", user("admin_DA", E.lastname("Renamed"))))
    assert state_user(sim, "admin_DA")["lastname"] != "Renamed"


def test_a_dropped_parent_takes_its_children_along(sim):
    sim.config({"ignore_tags": ["password"]})
    before = state_user(sim, "admin_DA")["password"]
    ok(sim, "SET", customer("DA", user("admin_DA", E.password(E.password("Brand!New123")))))
    assert state_user(sim, "admin_DA")["password"] == before
    assert last_log(sim)["ignored"] == ["customer/user/password"]


@pytest.mark.parametrize("bad", ["lastname", [""], ["a//b"], [3]])
def test_ignore_tags_must_be_a_list_of_tags_or_paths(sim, bad):
    with pytest.raises(Exception, match="400"):
        sim.config({"ignore_tags": bad})
    assert sim.config({})["ignore_tags"] == []


def test_reset_forgets_ignore_tags(sim):
    sim.config({"ignore_tags": ["lastname"]})
    sim.reset()
    ok(sim, "SET", customer("DA", user("admin_DA", E.lastname("Renamed"))))
    assert state_user(sim, "admin_DA")["lastname"] == "Renamed"


# --------------------------------------------------------------------- releases
def test_cpsm10_answers_an_accepted_write_with_an_empty_response(sim):
    sim.config({"release": "cpsm10"})
    root = ok(sim, "SET", customer("DA", user("admin_DA", E.lastname("Renamed"))))
    assert len(root) == 0
    assert state_user(sim, "admin_DA")["lastname"] == "Renamed"


@pytest.mark.parametrize("entity", [E.identity(), E.request(E.id("45666")), E.approval(E.id("x"))])
def test_cpsm10_does_not_know_identity_requests_or_approvals(sim, entity):
    sim.config({"release": "cpsm10"})
    status, root = call(sim, "GET", entity)
    assert status == 200 and len(root) == 0


def test_cpsm10_has_no_distribution_groups_a_set_changes_nothing(sim):
    sim.config({"release": "cpsm10"})
    before = state_customer(sim, "DA")["distgroups"]
    root = set_group(sim, E.displayname("New Group"))
    assert len(root) == 0 and root.find("error") is None
    assert state_customer(sim, "DA")["distgroups"] == before
    assert last_log(sim)["ignored"] == ["customer/service/distributiongroups"]
    assert get_service(sim, "DA", "HE", E.distributiongroups()).find("distributiongroups") is None


@pytest.mark.parametrize("tag", ["approvalproviders", "approvalresponses"])
def test_cpsm10_has_no_workflow_approval(sim, tag):
    sim.config({"release": "cpsm10"})
    root = ok(sim, "GET", customer("DA", E(tag)))
    assert root.find("customer") is not None and root.find("customer/" + tag) is None


def test_cpsm10_has_no_contacts_or_additional_properties(sim):
    sim.config({"release": "cpsm10"})
    assert get_service(sim, "DA", "HE", E.contacts()).find("contacts") is None
    root = ok(sim, "GET", customer("DA", user("admin_DA", E.additionalproperties())))
    assert root.find("customer/user") is not None and root.find("customer/user/additionalproperties") is None


def test_atria12_and_cpsm11_know_everything_cpsm10_lacks(sim):
    for release in ("atria12", "cpsm11"):
        sim.config({"release": release})
        assert ok(sim, "GET", E.identity()).find("identity") is not None
        assert get_service(sim, "DA", "HE", E.distributiongroups()).find("distributiongroups") is not None


# --------------------------------------------------------------------- spellings by release
@pytest.mark.parametrize("release, read, unread", [("atria12", "changeatnextlogon", "changeatnextlogin"),
                                                   ("cpsm11", "changeatnextlogin", "changeatnextlogon")])
def test_each_release_reads_its_guides_change_at_next_logon(sim, release, read, unread):
    sim.config({"release": release})
    ok(sim, "SET", customer("DA", user("admin_DA", E.password(E(unread, "true")))))
    assert state_user(sim, "admin_DA")["changeatnextlogon"] is False
    assert last_log(sim)["ignored"] == ["customer/user/password/" + unread]
    ok(sim, "SET", customer("DA", user("admin_DA", E.password(E(read, "true")))))
    assert state_user(sim, "admin_DA")["changeatnextlogon"] is True


@pytest.mark.parametrize("release, mailtip, grouptype", [("atria12", "mailtip", "grouptype"),
                                                         ("cpsm11", "mailtoip", "groupype")])
def test_each_release_reads_its_guides_group_fields(sim, release, mailtip, grouptype):
    sim.config({"release": release})
    other = {"mailtip": "mailtoip", "mailtoip": "mailtip", "grouptype": "groupype", "groupype": "grouptype"}
    set_group(sim, E.displayname("DA Sales"), E(other[mailtip], "Ignored"), E(other[grouptype], "Global_Security"))
    group = group_state(sim, "DA Sales")
    assert (group["mailtip"], group["grouptype"]) == ("", "Universal_Distribution")
    set_group(sim, E.displayname("DA Sales"), E(mailtip, "Read"), E(grouptype, "Global_Security"))
    group = group_state(sim, "DA Sales")
    assert (group["mailtip"], group["grouptype"]) == ("Read", "Global_Security")


def test_cpsm10_reads_both_spellings(sim):
    sim.config({"release": "cpsm10"})
    ok(sim, "SET", customer("DA", user("admin_DA", E.password(E.changeatnextlogin("true")))))
    assert state_user(sim, "admin_DA")["changeatnextlogon"] is True


@pytest.mark.parametrize("spelling", ["sendmoderationnotifications", "sendmoderationnotification"])
def test_both_moderation_spellings_are_read_by_default(sim, spelling):
    set_group(sim, E.displayname("DA Sales"), E(spelling, "True"))
    assert group_state(sim, "DA Sales")["sendmoderationnotifications"] is True


# --------------------------------------------------------------------- spellings forced by config
def remove_admin(sim, flag):
    set_group(sim, E.displayname("DA Staff"), E.members(E.member(E.displayname("Admin DA"), E(flag, "false"))))


@pytest.mark.parametrize("flag", ["selected", "enabled"])
def test_member_flags_are_read_both_ways_by_default(sim, flag):
    assert staff_members(sim)
    remove_admin(sim, flag)
    assert staff_members(sim) == []


@pytest.mark.parametrize("forced, ignored", [("enabled", "selected"), ("selected", "enabled")])
def test_a_forced_member_flag_ignores_the_other(sim, forced, ignored):
    sim.config({"spellings": {"member_flag": forced}})
    before = staff_members(sim)
    remove_admin(sim, ignored)
    assert staff_members(sim) == before
    assert last_log(sim)["ignored"] == [
        "customer/service/distributiongroups/distributiongroup/members/member/" + ignored]
    remove_admin(sim, forced)
    assert staff_members(sim) == []


def test_when_both_member_flags_are_sent_selected_wins(sim):
    set_group(sim, E.displayname("DA Staff"), E.members(E.member(E.displayname("Admin DA"), E.enabled("True"),
                                                                 E.selected("false"))))
    assert staff_members(sim) == []


@pytest.mark.parametrize("forced, sent, kept", [("owner", "owners", False), ("owner", "owner", True),
                                                ("owners", "owner", False), ("owners", "owners", True)])
def test_a_forced_owners_item(sim, forced, sent, kept):
    """A server that does not read the items still reads <owners>: the list is replaced by an empty one."""
    sim.config({"spellings": {"owners_item": forced}})
    set_group(sim, E.displayname("DA Sales"), E.owners(E(sent, E.displayname("Admin DA"))))
    assert bool(group_state(sim, "DA Sales")["owners"]) is kept


def test_a_forced_change_at_next_logon_beats_the_release(sim):
    sim.config({"release": "cpsm11", "spellings": {"changeatnextlogon": "changeatnextlogon"}})
    ok(sim, "SET", customer("DA", user("admin_DA", E.password(E.changeatnextlogon("true")))))
    assert state_user(sim, "admin_DA")["changeatnextlogon"] is True


def test_both_restores_the_lenient_reading_on_a_release_with_a_rule(sim):
    sim.config({"release": "cpsm11", "spellings": {"changeatnextlogon": "both"}})
    ok(sim, "SET", customer("DA", user("admin_DA", E.password(E.changeatnextlogon("true")))))
    assert state_user(sim, "admin_DA")["changeatnextlogon"] is True


@pytest.mark.parametrize("forced, known, unknown", [("SharePoint 2010", "SharePoint 2010", "Sharepoint2010"),
                                                    ("Sharepoint2010", "Sharepoint2010", "SharePoint 2010")])
def test_a_forced_sharepoint_code(sim, forced, known, unknown):
    sim.config({"spellings": {"sharepoint_name": forced}})
    assert get_service(sim, "DA", known).findtext("name") == known     # the server answers the code it reads
    assert error(sim, "GET", customer("DA", service(unknown)))[0] == 21
    found = ok(sim, "FIND", customer("DA", service(unknown)))
    assert found.find("customer") is not None and found.find("customer/service") is None


@pytest.mark.parametrize("forced", ["SharePoint 2010", "Sharepoint2010"])
def test_a_forced_sharepoint_code_is_the_one_every_answer_lists(sim, forced):
    """Issue 13: a server lists its own code, so a client that FINDs the code and sends it back is understood."""
    sim.config({"spellings": {"sharepoint_name": forced}})
    ok(sim, "SET", customer("DA", service(forced)))
    ok(sim, "SET", customer("DA", user("admin_DA", service(forced))))
    found = ok(sim, "FIND", customer("DA", E.service()))
    names = [el.findtext("name") for el in found.findall("customer/service")]
    assert forced in names and not [name for name in names if name != forced and "harepoint" in name]
    user_found = ok(sim, "FIND", customer("DA", user("admin_DA", E.service())))
    assert forced in [el.findtext("name") for el in user_found.findall("customer/user/service")]
    assert get_user_service(sim, "DA", "admin_DA", forced).findtext("name") == forced
    located = ok(sim, "FIND", E.location(E.name("Location GSP"), E.service(E.fullname("SharePoint 2010"))))
    assert [el.findtext("name") for el in located.iter("service")] == [forced]
    for listed in names:                                    # every listed code is accepted back
        assert call(sim, "GET", customer("DA", service(listed)))[0] == 200
    assert get_service(sim, "DA", forced).findtext("fullname") == "SharePoint 2010"   # display name unchanged


def test_sharepoint_codes_are_all_known_by_default(sim):
    for name in ("SharePoint 2010", "Sharepoint2010", "SharePoint2010"):
        assert get_service(sim, "DA", name).findtext("name") == "SharePoint2010"


@pytest.mark.parametrize("bad", [{"member_flag": "checked"}, {"nosuch": "x"}, ["member_flag"]])
def test_spellings_are_validated(sim, bad):
    with pytest.raises(Exception, match="400"):
        sim.config({"spellings": bad})


# --------------------------------------------------------------------- every spelling, forced both ways
def _send_password_flag(sim, tag):
    ok(sim, "SET", customer("DA", user("admin_DA", E.password(E(tag, "true")))))
    return state_user(sim, "admin_DA")["changeatnextlogon"] is True


def _send_group_field(field, value, wanted):
    def send(sim, tag):
        set_group(sim, E.displayname("DA Sales"), E(tag, value))
        return group_state(sim, "DA Sales")[field] == wanted
    return send


def _send_member_flag(sim, tag):
    remove_admin(sim, tag)
    return staff_members(sim) == []


def _send_owner(sim, tag):
    set_group(sim, E.displayname("DA Sales"), E.owners(E(tag, E.displayname("Admin DA"))))
    return bool(group_state(sim, "DA Sales")["owners"])


def _send_sharepoint(sim, name):
    return call(sim, "GET", customer("DA", service(name)))[0] == 200


SENDERS = {
    "changeatnextlogon": _send_password_flag,
    "mailtip": _send_group_field("mailtip", "Tip", "Tip"),
    "grouptype": _send_group_field("grouptype", "Global_Security", "Global_Security"),
    "sendmoderationnotifications": _send_group_field("sendmoderationnotifications", "True", True),
    "member_flag": _send_member_flag,
    "owners_item": _send_owner,
    "sharepoint_name": _send_sharepoint,
}
ROWS = [(key, forced, sent) for key, concept in sorted(spellings.KNOWN.items())
        for forced in concept.spellings for sent in concept.spellings]


def test_every_documented_spelling_has_a_sender():
    assert set(SENDERS) == set(spellings.KNOWN)


@pytest.mark.parametrize("key, forced, sent", ROWS)
def test_a_forced_spelling_is_read_and_the_other_is_not(sim, key, forced, sent):
    sim.config({"spellings": {key: forced}})
    assert SENDERS[key](sim, sent) is (sent == forced)


@pytest.mark.parametrize("key, sent", [(key, sent) for key, concept in sorted(spellings.KNOWN.items())
                                       if key not in releases.SPELLINGS["atria12"] for sent in concept.spellings])
def test_without_a_rule_both_spellings_are_read(sim, key, sent):
    assert SENDERS[key](sim, sent) is True
