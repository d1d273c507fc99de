"""Customer and user services: catalogue, documented defaults, plans, limits, properties, instances, cascades."""

import pytest
from lxml.builder import E

from .simhelp import (customer, error, get_service, get_user_service, new_customer, ok, plan, plans_of, properties,
                      service, user, wait_status)

HE_DETAIL_ORDER = ["name", "fullname", "location", "userlimit", "isbilled", "status", "approvalpending",
                   "authoritativedomains", "domains", "UpdateEmailAddressPolicy", "customeraddressformats", "version",
                   "mailboxstoragelimit", "publicfolder", "userpackage", "package"]


@pytest.fixture(autouse=True)
def fresh(sim):
    sim.reset()
    sim.config({"provisioning_delay": 0.0})


def provision_he(sim, code, *plans_els, version="2013"):
    return ok(sim, "SET", customer(code, service("HE", E.version(version), *plans_els)))


def give(sim, code, login, name, *children):
    return ok(sim, "SET", customer(code, user(login, service(name, *children))))


# --------------------------------------------------------------------- catalogue and FIND
def test_find_lists_every_service_of_the_location_provisioned_or_not(sim):
    root = ok(sim, "FIND", customer("DA", E.service()))
    found = {el.findtext("name"): el for el in root.findall("customer/service")}
    assert {"Proxy", "HE", "ServiceAdmins", "FSS", "HostedAppsandDesktops", "MARCH", "SharePoint2010",
            "CRM2011", "Reseller"} <= set(found)
    assert found["Proxy"].findtext("fullname") == "Customer Portal Settings"
    assert found["Proxy"].findtext("status") == "Provisioned"
    assert found["HE"].findtext("status") == "Provisioned"
    assert found["ServiceAdmins"].findtext("fullname") == "Service Administration"
    assert found["ServiceAdmins"].findtext("status") == "NotProvisioned"
    assert [child.tag for child in found["HE"]] == ["name", "fullname", "location", "status", "approvalpending"]
    assert found["HE"].findtext("location") == "Location GSP"


def test_find_filters_by_status_and_fullname(sim):
    root = ok(sim, "FIND", customer("DA", E.service(E.status("provisioned"))))
    assert sorted(el.findtext("name") for el in root.findall("customer/service")) == ["HE", "Proxy"]
    root = ok(sim, "FIND", customer("DA", E.service(E.fullname("File Sharing"))))
    assert [el.findtext("name") for el in root.findall("customer/service")] == ["FSS"]


def test_unknown_service_is_error_21(sim):
    code, message, status = error(sim, "GET", customer("DA", service("NoSuchService")))
    assert (code, status) == (21, 400)
    assert "NoSuchService" in message
    assert error(sim, "SET", customer("DA", service("NoSuchService")))[0] == 21


def test_service_names_are_case_insensitive_and_display_names_work(sim):
    assert get_service(sim, "OC", "HostedAppsAndDesktops").findtext("name") == "HostedAppsandDesktops"
    assert get_service(sim, "OC", "sharepoint2010").findtext("name") == "SharePoint2010"
    by_fullname = ok(sim, "GET", customer("OC", E.service(E.fullname("Mail Archiving")))).find("customer/service")
    assert by_fullname.findtext("name") == "MARCH"


# --------------------------------------------------------------------- GET and documented defaults
def test_unprovisioned_service_shows_the_defaults(sim):
    fss = get_service(sim, "OC", "FSS")
    assert fss.findtext("status") == "NotProvisioned"
    packages = plans_of(fss, "package")
    assert [packages[name]["enabled"] for name in ("FULL", "Basic")] == ["True", "False"]
    userplans = plans_of(fss, "userplan")
    assert set(userplans) == {"FULL", "READ", "LIST"}
    assert {entry["enabled"] for entry in userplans.values()} == {"True"}
    assert fss.find("userpackage") is None


def test_he_provisioning_follows_the_capture(sim):
    code = new_customer(sim)
    root = provision_he(sim, code, plan("userpackage", "FORFAIT_2GO_2013", "True"),
                        plan("userpackage", "FORFAIT_60GO_1AN", "True"), plan("package", "Default", "True"))
    assert root.findtext("request/id").isdigit()
    he = get_service(sim, code, "HE")
    tags = []
    for child in he:
        if not tags or tags[-1] != child.tag:
            tags.append(child.tag)
    assert tags == HE_DETAIL_ORDER
    assert he.findtext("version") == "2013"
    assert he.findtext("authoritativedomains/domain") == "svctest.local"
    assert he.find("domains/domain").get("type") == "authoritative"
    plans = plans_of(he, "userpackage")
    assert plans["FORFAIT_2GO_2013"] == {"name": "FORFAIT_2GO_2013", "fullname": "Forfait_2Go_2013",
                                         "userlimit": "Unlimited", "used": "False", "enabled": "True"}


def test_no_plans_given_enables_first_package_and_all_user_plans(sim):
    code = new_customer(sim)
    ok(sim, "SET", customer(code, service("HostedAppsandDesktops")))
    apps = get_service(sim, code, "HostedAppsandDesktops")
    assert apps.findtext("status") == "Provisioned"
    assert plans_of(apps, "package")["SharedsiteWebInterfacemode"]["enabled"] == "True"
    assert plans_of(apps, "package")["Dedicated"]["enabled"] == "False"
    assert {entry["enabled"] for entry in plans_of(apps, "userplan").values()} == {"True"}


def test_plans_listed_false_or_without_enabled_are_disabled_unlisted_stay_enabled(sim):
    code = new_customer(sim)
    provision_he(sim, code, plan("userpackage", "Ex10 Basic", "True", key="fullname"),
                 plan("userpackage", "EX10_FULL", "False"), plan("userpackage", "EX_BASIC"))
    enabled = {name: entry["enabled"] for name, entry in plans_of(get_service(sim, code, "HE"), "userpackage").items()}
    assert enabled == {"EX10_BASIC": "True", "EX10_FULL": "False", "EX_BASIC": "False",
                       "FORFAIT_2GO_2013": "True", "FORFAIT_60GO_1AN": "True"}
    # On an update a listed plan without <enabled> keeps its state; only its limit changes.
    ok(sim, "SET", customer(code, service("HE", plan("userpackage", "EX10_BASIC", userlimit="3"))))
    he_plan = plans_of(get_service(sim, code, "HE"), "userpackage")["EX10_BASIC"]
    assert (he_plan["enabled"], he_plan["userlimit"]) == ("True", "3")


def test_enabling_one_package_disables_the_others(sim):
    ok(sim, "SET", customer("DA", service("HE", plan("package", "Public Folders", "True", key="fullname"))))
    packages = plans_of(get_service(sim, "DA", "HE"), "package")
    assert [packages[name]["enabled"] for name in ("Default", "Basic", "PublicFolders")] == ["False", "False", "True"]


def test_unknown_plan_is_error_10_naming_it(sim):
    code, message, _status = error(sim, "SET", customer("OC", service("HE", plan("userpackage", "GOLD", "True"))))
    assert code == 10 and "GOLD" in message


@pytest.mark.parametrize("element", [E.userlimit("lots"), plan("userpackage", "EX_BASIC", "True", userlimit="-1")])
def test_invalid_limits_are_error_7(sim, element):
    code, message, status = error(sim, "SET", customer("DA", service("HE", element)))
    assert (code, status) == (7, 400)
    assert "Unlimited" in message


def test_limits_accept_numbers_and_unlimited_in_any_case(sim):
    ok(sim, "SET", customer("DA", service("HE", E.userlimit("UNLIMITED"), E.isbilled("no"),
                                          plan("userpackage", "FORFAIT_60GO_1AN", userlimit="25"))))
    he = get_service(sim, "DA", "HE")
    assert (he.findtext("userlimit"), he.findtext("isbilled")) == ("Unlimited", "False")
    assert plans_of(he, "userpackage")["FORFAIT_60GO_1AN"]["userlimit"] == "25"


def test_invalid_boolean_and_status_errors(sim):
    assert error(sim, "SET", customer("DA", service("HE", E.isbilled("maybe"))))[0] == 32
    assert error(sim, "SET", customer("DA", service("HE", E.status("Gone"))))[0] == 17


def test_he_version_and_domains_are_checked(sim):
    assert "2016" in error(sim, "SET", customer("DA", service("HE", E.version("2007"))))[1]
    code, message, _status = error(sim, "SET", customer("DA", service("HE", E.domains(E.domain("evil.example")))))
    assert code == 10 and "evil.example" in message


def test_modify_exchange_capture_public_folder(sim):
    ok(sim, "SET", customer("DA", service("HE", E.publicfolder(
        E.overridetemplate("True"), E.create("True"), E.storagelimit("500"), E.warninglimit("Unlimited"),
        E.itemlimit("unlimited")))))
    folder = get_service(sim, "DA", "HE").find("publicfolder")
    assert [child.text for child in folder] == ["True", "True", "500", "Unlimited", "Unlimited"]


# --------------------------------------------------------------------- properties
def test_fss_requires_an_existing_file_share_server(sim):
    code, message, _status = error(sim, "SET", customer("OC", service("FSS", plan("package", "Basic", "True"))))
    assert code == 10 and "FileShareServer" in message
    code, message, _status = error(sim, "SET", customer("OC", service("FSS", properties(FileShareServer="NOPE01"))))
    assert code == 19 and "CSPFILEHOST01" in message
    assert get_service(sim, "OC", "FSS").findtext("status") == "NotProvisioned"
    ok(sim, "SET", customer("OC", service("FSS", E.status("Provisioned"), properties(FileShareServer="cspfilehost01"),
                                          plan("package", "Basic", "True"))))
    fss = get_service(sim, "OC", "FSS", E.properties())
    values = {el.findtext("name"): el.findtext("value") for el in fss.findall("properties/property")}
    assert values["FileShareServer"] == "CSPFILEHOST01"
    assert plans_of(fss, "package")["Basic"]["enabled"] == "True"


def test_properties_set_changes_only_the_given_keys_and_unknown_is_error_19(sim):
    ok(sim, "SET", customer("DA", service("HE", properties(MaxRecipients="100"))))
    ok(sim, "SET", customer("DA", service("HE", properties(MaxSendSizeKB="2048"))))
    values = {el.findtext("name"): el.findtext("value")
              for el in get_service(sim, "DA", "HE", E.properties()).findall("properties/property")}
    assert (values["MaxRecipients"], values["MaxSendSizeKB"]) == ("100", "2048")
    code, message, _status = error(sim, "SET", customer("DA", service("HE", properties(Colour="blue"))))
    assert code == 19 and "Colour" in message


def test_filter_all_shows_hidden_properties_and_detail_describes_them(sim):
    visible = get_service(sim, "OC", "MARCH", E.properties()).findall("properties/property")
    assert [el.findtext("name") for el in visible] == ["RetentionYears"]
    everything = get_service(sim, "OC", "MARCH", E.properties(filter="all")).findall("properties/property")
    assert {el.findtext("name") for el in everything} == {"RetentionYears", "ArchiveServer", "JournalMailbox"}
    detailed = get_service(sim, "OC", "MARCH", E.properties(detail="true", filter="all")).find("properties/property")
    assert {"fullname", "mandatory", "visible", "readonly", "validation"} <= {child.tag for child in detailed}


def test_user_plan_properties_are_shown_for_the_named_plan(sim):
    fss = get_service(sim, "OC", "FSS", E.userplan(E.name("LIST"), E.properties(filter="all")))
    listed = {el.findtext("name"): el for el in fss.findall("userplan")}
    assert listed["LIST"].findtext("properties/property/value") == "List"
    assert listed["FULL"].find("properties") is None


# --------------------------------------------------------------------- instances, reseller, resources
def test_instances_are_created_listed_and_deleted(sim):
    ok(sim, "SET", customer("OC", service("SharePoint2010", E.instances(
        E.instance(E.name("Site01"), properties(SiteUrl="https://oc.example/site01")),
        E.instance(E.name("Site02"))))))
    listed = get_service(sim, "OC", "SharePoint2010", E.instances()).findall("instances/instance")
    assert [el.findtext("name") for el in listed] == ["Site01", "Site02"]
    one = get_service(sim, "OC", "SharePoint2010", E.instances(E.instance(E.name("site01"))))
    assert one.findtext("instances/instance/properties/property/value") == "https://oc.example/site01"
    ok(sim, "DELETE", customer("OC", service("SharePoint2010", E.instances(E.instance(E.name("Site01"))))))
    listed = get_service(sim, "OC", "SharePoint2010", E.instances()).findall("instances/instance")
    assert [el.findtext("name") for el in listed] == ["Site02"]
    assert error(sim, "DELETE", customer("OC", service("SharePoint2010", E.instances(
        E.instance(E.name("Site01"))))))[0] == 10


def test_delete_of_a_plain_service_is_error_10(sim):
    code, message, _status = error(sim, "DELETE", customer("DA", service("HE")))
    assert code == 10
    assert "NotProvisioned" in message and "instance" in message
    assert get_service(sim, "DA", "HE").findtext("status") == "Provisioned"
    assert error(sim, "SET", customer("DA", service("HE", E.instances(E.instance(E.name("X"))))))[0] == 10


def test_reseller_services_and_resource_configuration(sim):
    ok(sim, "SET", customer("DA", service("Reseller", E.services(E.service(E.name("FSS"), E.enabled("False"))))))
    resell = {el.findtext("name"): el.findtext("enabled")
              for el in get_service(sim, "DA", "Reseller").findall("services/service")}
    assert resell["FSS"] == "False" and resell["HE"] == "True"
    resources = get_service(sim, "OC", "MySQL", E.resourceconfiguration()).findall("resourceconfiguration/resource")
    assert resources and resources[0].findtext("name")


# --------------------------------------------------------------------- user services
def test_user_service_needs_the_customer_service_first(sim):
    code, message, _status = error(sim, "SET", customer("OC", user("admin_OC", service("HE"))))
    assert code == 10 and "customer service must be provisioned first" in message


def test_user_plan_must_be_enabled_for_the_customer(sim):
    code, message, _status = error(sim, "SET", customer("DA", user("admin_DA", service(
        "HE", plan("userpackage", "EX_BASIC")))))
    assert code == 10 and "EX_BASIC" in message and "not enabled" in message


def test_user_service_reads_back_in_progress_then_provisioned(sim):
    sim.config({"provisioning_delay": 1.0})
    give(sim, "DA", "admin_DA", "HE", plan("userpackage", "FORFAIT_60GO_1AN"))
    he = get_user_service(sim, "DA", "admin_DA", "HE")
    assert he.findtext("status") in ("Requested", "InProgress")
    assert [child.tag for child in he] == ["name", "fullname", "status", "approvalpending", "replyaddress",
                                           "userpackage"]
    assert he.findtext("userpackage/fullname") == "Forfait_60Go_1an"
    assert wait_status(sim, lambda: get_user_service(sim, "DA", "admin_DA", "HE").findtext("status"),
                       "Provisioned") == "Provisioned"


def test_he_uses_userpackage_other_services_userplan(sim):
    ok(sim, "SET", customer("DA", service("FSS", properties(FileShareServer="CSPFILEHOST02"))))
    give(sim, "DA", "admin_DA", "FSS", plan("userplan", "READ"))
    fss = get_user_service(sim, "DA", "admin_DA", "FSS")
    assert fss.findtext("userplan/name") == "READ" and fss.find("userpackage") is None
    he = get_user_service(sim, "DA", "admin_DA", "HE")
    assert he.findtext("userpackage/name") == "FORFAIT_2GO_2013" and he.find("userplan") is None
    # The wrong tag is ignored like any unknown tag: the user keeps its plan.
    give(sim, "DA", "admin_DA", "HE", plan("userplan", "FORFAIT_60GO_1AN"))
    assert get_user_service(sim, "DA", "admin_DA", "HE").findtext("userpackage/name") == "FORFAIT_2GO_2013"


def test_hosted_apps_gives_a_user_several_plans(sim):
    code = new_customer(sim)
    ok(sim, "SET", customer(code, service("HostedAppsandDesktops")))
    give(sim, code, "User1", "HostedAppsandDesktops", plan("userplan", "DESKTOPS"), plan("userplan", "OFFICEAPPS"))
    apps = get_user_service(sim, code, "User1", "HostedAppsandDesktops")
    assert [el.findtext("name") for el in apps.findall("userplan")] == ["DESKTOPS", "OFFICEAPPS"]


def apps_plans(sim, code):
    apps = get_user_service(sim, code, "User1", "HostedAppsandDesktops")
    return [el.findtext("name") for el in apps.findall("userplan")]


def test_several_plans_per_user_a_plan_list_adds(sim):
    """Issue 12 item 3: the guide shows only adding plans to such a user; sending one plan keeps the others."""
    code = new_customer(sim)
    ok(sim, "SET", customer(code, service("HostedAppsandDesktops")))
    give(sim, code, "User1", "HostedAppsandDesktops", plan("userplan", "DESKTOPS"))
    give(sim, code, "User1", "HostedAppsandDesktops", plan("userplan", "OFFICEAPPS"))
    assert apps_plans(sim, code) == ["DESKTOPS", "OFFICEAPPS"]
    give(sim, code, "User1", "HostedAppsandDesktops", plan("userplan", "OFFICEAPPS"), plan("userplan", "APPS"))
    assert apps_plans(sim, code) == ["DESKTOPS", "OFFICEAPPS", "APPS"]


def test_several_plans_per_user_enabled_false_removes_a_plan(sim):
    code = new_customer(sim)
    ok(sim, "SET", customer(code, service("HostedAppsandDesktops")))
    give(sim, code, "User1", "HostedAppsandDesktops", plan("userplan", "DESKTOPS"), plan("userplan", "OFFICEAPPS"))
    give(sim, code, "User1", "HostedAppsandDesktops", plan("userplan", "DESKTOPS", "false"))
    assert apps_plans(sim, code) == ["OFFICEAPPS"]
    record = next(u for u in sim.state()["users"] if u["name"] == "User1_" + code)["services"]
    assert record["HostedAppsandDesktops"]["plans"] == ["OFFICEAPPS"]
    code_, message, _status = error(sim, "SET", customer(code, user("User1", service(
        "HostedAppsandDesktops", plan("userplan", "OFFICEAPPS", "false")))))
    assert code_ == 10 and "NotProvisioned" in message
    assert apps_plans(sim, code) == ["OFFICEAPPS"]


def test_reprovisioning_with_only_a_status_applies_the_first_enabled_plan(sim):
    """Issue 12 item 2: the plan held before de-provisioning is not remembered."""
    code = new_customer(sim)
    provision_he(sim, code, plan("userpackage", "EX10_BASIC", "True"), plan("userpackage", "EX10_FULL", "True"))
    give(sim, code, "User1", "HE", plan("userpackage", "EX10_FULL"))
    assert get_user_service(sim, code, "User1", "HE").findtext("userpackage/name") == "EX10_FULL"
    give(sim, code, "User1", "HE", E.status("NotProvisioned"))
    give(sim, code, "User1", "HE", E.status("Provisioned"))
    he = get_user_service(sim, code, "User1", "HE")
    first = [name for name, item in plans_of(get_service(sim, code, "HE"), "userpackage").items()
             if item["enabled"] == "True"][0]
    assert (he.findtext("status"), he.findtext("userpackage/name")) == ("Provisioned", first)
    assert first != "EX10_FULL"


def _he_plan_customer(sim):
    code = new_customer(sim)
    provision_he(sim, code, plan("userpackage", "EX10_BASIC", "True"), plan("userpackage", "EX10_FULL", "True"))
    give(sim, code, "User1", "HE", plan("userpackage", "EX10_FULL"))
    return code


def _user_he(sim, code):
    he = get_user_service(sim, code, "User1", "HE")
    return he.findtext("status"), [(el.findtext("name"), el.findtext("fullname")) for el in he.findall("userpackage")]


def test_deprovisioning_forgets_the_user_plans_by_default(sim):
    code = _he_plan_customer(sim)
    give(sim, code, "User1", "HE", E.status("NotProvisioned"))
    assert _user_he(sim, code) == ("NotProvisioned", [])


@pytest.mark.parametrize("how", ["user service", "customer service", "customer"])
def test_keep_user_plans_on_deprovision_lists_the_kept_plan(sim, how):
    """Issue 12 item 2: a deployment that keeps the plans of a de-provisioned user service still lists them."""
    sim.config({"keep_user_plans_on_deprovision": True})
    code = _he_plan_customer(sim)
    if how == "user service":
        give(sim, code, "User1", "HE", E.status("NotProvisioned"))
    elif how == "customer service":
        ok(sim, "SET", customer(code, service("HE", E.status("NotProvisioned"))))
    else:
        ok(sim, "SET", E.customer(E.name(code), E.status("NotProvisioned")))
    status, kept = _user_he(sim, code)
    assert status == "NotProvisioned" and [name for name, _full in kept] == ["EX10_FULL"]
    assert kept[0][1]                                       # with its full name, as a provisioned one
    record = next(u for u in sim.state()["users"] if u["name"] == "User1_" + code)["services"]["HE"]
    assert record["plans"] == ["EX10_FULL"] and record["instances"] == []
    # a kept plan is not a seat: the customer's plan list says nobody uses it
    if how == "user service":
        assert plans_of(get_service(sim, code, "HE"), "userpackage")["EX10_FULL"]["used"] == "False"


def test_keep_user_plans_reprovisioning_with_only_a_status_still_takes_the_first_enabled_plan(sim):
    sim.config({"keep_user_plans_on_deprovision": True})
    code = _he_plan_customer(sim)
    give(sim, code, "User1", "HE", E.status("NotProvisioned"))
    give(sim, code, "User1", "HE", E.status("Provisioned"))
    first = [name for name, item in plans_of(get_service(sim, code, "HE"), "userpackage").items()
             if item["enabled"] == "True"][0]
    status, held = _user_he(sim, code)
    assert first != "EX10_FULL"
    assert (status, [name for name, _full in held]) == ("Provisioned", [first])   # the kept EX10_FULL replaced


def test_keep_user_plans_reprovisioning_with_a_plan_provisions_that_plan(sim):
    sim.config({"keep_user_plans_on_deprovision": True})
    code = _he_plan_customer(sim)
    give(sim, code, "User1", "HE", E.status("NotProvisioned"))
    give(sim, code, "User1", "HE", E.status("Provisioned"), plan("userpackage", "EX10_FULL"))
    status, held = _user_he(sim, code)
    assert (status, [name for name, _full in held]) == ("Provisioned", ["EX10_FULL"])


def test_keep_user_plans_several_plans_service_reprovisioned_without_plan_gets_the_first_only(sim):
    sim.config({"keep_user_plans_on_deprovision": True})
    code = new_customer(sim)
    ok(sim, "SET", customer(code, service("HostedAppsandDesktops")))
    give(sim, code, "User1", "HostedAppsandDesktops", plan("userplan", "DESKTOPS"), plan("userplan", "OFFICEAPPS"))
    give(sim, code, "User1", "HostedAppsandDesktops", E.status("NotProvisioned"))
    assert apps_plans(sim, code) == ["DESKTOPS", "OFFICEAPPS"]
    give(sim, code, "User1", "HostedAppsandDesktops", E.status("Provisioned"), plan("userplan", "OFFICEAPPS"))
    assert apps_plans(sim, code) == ["OFFICEAPPS"]          # the kept plans are not added to


def test_exchange_version_is_defaulted_unless_required(sim):
    code = new_customer(sim)
    assert get_service(sim, code, "HE").findtext("version") == "2013"
    ok(sim, "SET", customer(code, service("HE")))
    assert get_service(sim, code, "HE").findtext("version") == "2013"


def test_exchange_version_required_on_the_first_provisioning(sim):
    """Issue 12 item 11: the guide's Hosted Exchange provisioning needs the Version attribute."""
    sim.config({"exchange_version_required": True})
    code = new_customer(sim)
    never = get_service(sim, code, "HE")
    assert never.find("version") is not None and never.find("version").text is None      # <version/>
    number, message, status = error(sim, "SET", customer(code, service("HE", plan("userpackage", "EX10_BASIC",
                                                                                  "True"))))
    assert (number, status) == (10, 400)
    assert message == "Hosted Exchange needs <version> (2010, 2013, 2016) on its first provisioning."
    assert get_service(sim, code, "HE").findtext("status") == "NotProvisioned"
    assert next(c for c in sim.state()["customers"] if c["name"] == code)["services"] == {}
    provision_he(sim, code, version="2016")
    assert get_service(sim, code, "HE").findtext("version") == "2016"
    # re-provisioning keeps the version chosen before and needs none
    ok(sim, "SET", customer(code, service("HE", E.status("NotProvisioned"))))
    assert get_service(sim, code, "HE").findtext("version") == "2016"
    ok(sim, "SET", customer(code, service("HE", E.status("Provisioned"))))
    he = get_service(sim, code, "HE")
    assert (he.findtext("status"), he.findtext("version")) == ("Provisioned", "2016")
    ok(sim, "SET", customer(code, service("HE", E.mailboxstoragelimit("500"))))     # a plain update needs none
    # the seeded provisioned Exchange of DA keeps its version; other services are not concerned
    assert get_service(sim, "DA", "HE").findtext("version") == "2013"
    ok(sim, "SET", customer(code, service("HostedAppsandDesktops")))


def test_other_services_take_exactly_one_plan(sim):
    code, message, _status = error(sim, "SET", customer("DA", user("admin_DA", service(
        "HE", plan("userpackage", "FORFAIT_2GO_2013"), plan("userpackage", "FORFAIT_60GO_1AN")))))
    assert code == 10 and "one user plan" in message


def test_plan_user_limit_reached_is_error_10(sim):
    code = new_customer(sim)
    ok(sim, "SET", customer(code, user("User2")))
    provision_he(sim, code, plan("userpackage", "EX_BASIC", "True", userlimit="1"))
    give(sim, code, "User1", "HE", plan("userpackage", "EX_BASIC"))
    number, message, _status = error(sim, "SET", customer(code, user("User2", service(
        "HE", plan("userpackage", "EX_BASIC")))))
    assert number == 10 and "limit" in message and "EX_BASIC" in message
    # The holder itself may be re-sent without tripping the limit.
    give(sim, code, "User1", "HE", plan("userpackage", "EX_BASIC"))


def test_used_flag_and_plan_in_use_cannot_be_disabled(sim):
    plans = plans_of(get_service(sim, "DA", "HE"), "userpackage")
    assert (plans["FORFAIT_2GO_2013"]["used"], plans["FORFAIT_60GO_1AN"]["used"]) == ("True", "False")
    code, message, _status = error(sim, "SET", customer("DA", service("HE", plan(
        "userpackage", "FORFAIT_2GO_2013", "False"))))
    assert code == 10 and "FORFAIT_2GO_2013" in message


def test_find_user_services_lists_what_the_customer_has(sim):
    root = ok(sim, "FIND", customer("DA", user("admin_DA", E.service())))
    listed = {el.findtext("name"): el.findtext("status") for el in root.findall("customer/user/service")}
    assert listed == {"HE": "Provisioned"}


def test_deprovisioning_a_customer_service_deprovisions_its_users(sim):
    ok(sim, "SET", customer("DA", service("HE", E.status("Notprovisioned"))))
    assert get_service(sim, "DA", "HE").findtext("status") == "NotProvisioned"
    he = get_user_service(sim, "DA", "admin_DA", "HE")
    assert he.findtext("status") == "NotProvisioned" and he.find("userpackage") is None
    assert plans_of(get_service(sim, "DA", "HE"), "userpackage")["FORFAIT_2GO_2013"]["used"] == "False"
    assert error(sim, "SET", customer("DA", user("admin_DA", service("HE"))))[0] == 10


def test_user_service_deprovision_and_customer_deprovision_cascade(sim):
    code = new_customer(sim)
    provision_he(sim, code)
    give(sim, code, "User1", "HE")
    assert get_user_service(sim, code, "User1", "HE").findtext("userpackage/name") == "FORFAIT_2GO_2013"
    give(sim, code, "User1", "HE", E.status("NotProvisioned"))
    assert get_user_service(sim, code, "User1", "HE").findtext("status") == "NotProvisioned"
    give(sim, code, "User1", "HE")
    ok(sim, "SET", E.customer(E.name(code), E.status("NotProvisioned")))
    assert get_service(sim, code, "HE").findtext("status") == "NotProvisioned"
    assert get_user_service(sim, code, "User1", "HE").findtext("status") == "NotProvisioned"


def test_reads_store_nothing_and_log_no_change(sim):
    get_service(sim, "OC", "FSS", E.properties(filter="all"))
    ok(sim, "FIND", customer("OC", E.service()))
    oc = [rec for rec in sim.state()["customers"] if rec["name"] == "OC"][0]
    assert oc["services"] == {}
    assert not [entry for entry in sim.log() if entry["changed"]]


def test_a_service_being_deprovisioned_no_longer_takes_users(sim):
    sim.config({"provisioning_delay": 2.0})
    ok(sim, "SET", customer("DA", service("HE", E.status("NotProvisioned"))))
    assert get_service(sim, "DA", "HE").findtext("status") in ("Requested", "InProgress")
    assert error(sim, "SET", customer("DA", user("admin_DA", service("HE"))))[0] == 10


def test_find_location_services_uses_the_catalogue(sim):
    root = ok(sim, "FIND", E.location(E.service(E.name("he"))))
    assert [el.findtext("fullname") for el in root.iter("service")] == ["Hosted Exchange"]
