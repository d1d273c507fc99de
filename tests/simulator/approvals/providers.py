"""Workflow approval: customer/approvalproviders and customer[/user]/approvalresponses (guide: "Workflow Approval").

customer["approval"] = {"providers": {provider name: {...}}, "responses": [...]}; missing parts mean defaults.
Providers (both enabled, as the guide's samples assume):
- "Workflow Managers": configuration managers / timeoutdays / reminderdays, subscriptions;
- "Workflow Groups": groups, each with configuration memberstoapprove / timeoutdays / reminderdays, members
  (user ids) and subscriptions.
SET rules, as documented: only the providers named are managed; configuration values change only when given;
subscriptions change only for the tags given; a group is created or updated by <name>; <members> replaces the
whole member list and only when given (each member by <username>, an existing provisioned user of the customer;
<displayname> is ignored); <action>delete</action> deletes the group (a group that does not exist is no error).
Every SET is all-or-nothing: it is applied to a copy that replaces the stored data only when all of it is valid.
Approval responses and the approval gate live in responses.py.
"""

import copy

from lxml import etree

from ..core.errors import SimError
from ..groups import membership
from ..services.catalogue import SERVICES, service_label_known
from . import responses
from ..core.values import child, children, norm, parse_int, sub, text

MANAGERS = "Workflow Managers"
GROUPS = "Workflow Groups"
DESCRIPTIONS = {
    MANAGERS: "Requests are approved by the managers of the requesting user",
    GROUPS: "Allow groups of people to subscribe to events that require approval",
}
PLAIN_CATEGORIES = ("users",)
SERVICE_CATEGORIES = ("services", "userservices")
EVENTS = ("Provision", "Deprovision")
ACCESS = ("None", "Object", "All")
MANAGER_CONFIG = (("managers", 1, 1), ("timeoutdays", 3, 0), ("reminderdays", 1, 0))   # (tag, default, minimum)
GROUP_CONFIG = (("memberstoapprove", 1, 1), ("timeoutdays", 5, 0), ("reminderdays", 2, 0))


def providers_of(customer):
    """The stored providers, completed with defaults (read-only use)."""
    stored = (customer.get("approval") or {}).get("providers") or {}
    providers = {
        MANAGERS: {"configuration": {tag: default for tag, default, _min in MANAGER_CONFIG}, "subscriptions": {}},
        GROUPS: {"groups": []},
    }
    for name, value in stored.items():
        providers[name] = value
    return providers


# --------------------------------------------------------------------- GET
def get_approvalproviders(ctx, customer, el):
    out = etree.Element("approvalproviders")
    for name, provider in providers_of(customer).items():
        provider_el = sub(out, "approvalprovider")
        sub(provider_el, "name", name)
        sub(provider_el, "description", DESCRIPTIONS[name])
        sub(provider_el, "enabled", "True")
        if name == MANAGERS:
            _render_config(provider_el, provider["configuration"], MANAGER_CONFIG)
            _render_subscriptions(provider_el, provider["subscriptions"])
            continue
        groups_el = sub(provider_el, "groups")
        for group in provider["groups"]:
            group_el = sub(groups_el, "group")
            sub(group_el, "name", group["name"])
            sub(group_el, "description", group.get("description"))
            _render_config(group_el, group["configuration"], GROUP_CONFIG)
            members_el = sub(group_el, "members")
            for user_id in group["members"]:
                user = ctx.store.users.get(user_id)
                if user is not None:
                    member_el = sub(members_el, "member")
                    sub(member_el, "displayname", user.get("fullname"))
                    sub(member_el, "username", user.get("name"))
            _render_subscriptions(group_el, group["subscriptions"])
    return out


def _render_config(parent, config, spec):
    config_el = sub(parent, "configuration")
    for tag, default, _minimum in spec:
        sub(config_el, tag, config.get(tag, default))


def _render_events(parent, events):
    for event in EVENTS:
        subscription = sub(parent, "subscription")
        sub(subscription, "name", event)
        sub(subscription, "access", events.get(event, "None"))


def _render_subscriptions(parent, subscriptions):
    subs_el = sub(parent, "subscriptions")
    for category in PLAIN_CATEGORIES:
        _render_events(sub(subs_el, category), subscriptions.get(category, {}))
    for category in SERVICE_CATEGORIES:
        category_el = sub(subs_el, category)
        labels = dict(subscriptions.get(category, {}))
        labels.setdefault("All", {})
        for label in sorted(labels, key=lambda item: (item != "All", item)):
            service_el = sub(category_el, "service")
            sub(service_el, "label", label)
            _render_events(service_el, labels[label])


# --------------------------------------------------------------------- SET
def set_approvalproviders(ctx, customer, el):
    approval = customer.setdefault("approval", {})
    providers = copy.deepcopy(providers_of(customer))
    for provider_el in children(el, "approvalprovider"):
        name = text(provider_el, "name") or ""
        key = next((known for known in providers if norm(known) == norm(name)), None)
        if key is None:
            raise SimError(1, "Approval provider '%s' does not exist or is not enabled for customer '%s'. Enabled "
                              "providers: %s." % (name, customer.get("name"), ", ".join(providers)))
        if key == MANAGERS:
            _apply_config(providers[key]["configuration"], child(provider_el, "configuration"), MANAGER_CONFIG, key)
            _apply_subscriptions(providers[key]["subscriptions"], child(provider_el, "subscriptions"), key)
        else:
            for group_el in children(child(provider_el, "groups"), "group"):
                _apply_group(ctx, customer, providers[key]["groups"], group_el)
    approval["providers"] = providers
    ctx.start_request("Update approval providers of customer %s" % customer.get("name"), "Customer",
                      customer.get("name"), [], "Provisioned")


def _apply_config(config, config_el, spec, what):
    if config_el is None:
        return
    for tag, _default, minimum in spec:
        value = text(config_el, tag)
        if value:
            config[tag] = parse_int(value, "%s <configuration><%s>" % (what, tag), minimum=minimum)


def _canonical(value, choices, what):
    match = [choice for choice in choices if norm(choice) == norm(value)]
    if not match:
        raise SimError(1, "%s: '%s' is not valid; use one of %s." % (what, value, ", ".join(choices)))
    return match[0]


def _apply_events(events, parent_el, what):
    for subscription_el in children(parent_el, "subscription"):
        event = _canonical(text(subscription_el, "name"), EVENTS, what + " <subscription><name>")
        access = text(subscription_el, "access")
        if access:
            events[event] = _canonical(access, ACCESS, "%s subscription %s <access>" % (what, event))


def _apply_subscriptions(subscriptions, subs_el, what):
    if subs_el is None:
        return
    for category in PLAIN_CATEGORIES:
        category_el = child(subs_el, category)
        if category_el is not None:
            _apply_events(subscriptions.setdefault(category, {}), category_el, "%s <%s>" % (what, category))
    for category in SERVICE_CATEGORIES:
        for service_el in children(child(subs_el, category), "service"):
            label = text(service_el, "label") or ""
            if not service_label_known(label):
                raise SimError(21, "%s <%s>: service label '%s' is neither 'All' nor a service display name (e.g. "
                                   "'Hosted Exchange')." % (what, category, label))
            label = "All" if norm(label) == "all" else _service_label(label)
            _apply_events(subscriptions.setdefault(category, {}).setdefault(label, {}), service_el,
                          "%s <%s> '%s'" % (what, category, label))


def _service_label(label):
    key = norm(label).replace(" ", "")
    return next(entry["fullname"] for entry in SERVICES.values()
                if key in (norm(entry["name"]).replace(" ", ""), norm(entry["fullname"]).replace(" ", "")))


def _apply_group(ctx, customer, groups, group_el):
    name = text(group_el, "name")
    if not name:
        raise SimError(1, "Workflow Groups: every <group> needs a <name>.")
    existing = next((group for group in groups if norm(group["name"]) == norm(name)), None)
    action = text(group_el, "action")
    if action:
        if norm(action) != "delete":
            raise SimError(1, "Workflow group '%s': <action> '%s' is not supported; the only action is 'delete'."
                           % (name, action))
        if existing is not None:
            groups.remove(existing)
        return
    if existing is None:
        existing = {"name": name, "description": "", "members": [], "subscriptions": {},
                    "configuration": {tag: default for tag, default, _min in GROUP_CONFIG}}
        groups.append(existing)
    description = text(group_el, "description")
    if description is not None:
        existing["description"] = description
    what = "Workflow group '%s'" % name
    _apply_config(existing["configuration"], child(group_el, "configuration"), GROUP_CONFIG, what)
    members_el = child(group_el, "members")
    if members_el is not None:
        existing["members"] = _members(ctx, customer, members_el, what)
    _apply_subscriptions(existing["subscriptions"], child(group_el, "subscriptions"), what)


def _members(ctx, customer, members_el, what):
    """The whole new member list (user ids); <displayname> is ignored, as the guide says."""
    members = []
    for member_el in children(members_el, "member"):
        username = text(member_el, "username")
        if not username:
            raise SimError(15, "%s: every <member> needs a <username> (the user's login name, e.g. jocelynb_%s)."
                           % (what, customer.get("name")))
        user = ctx.lookup_user(customer, name=username)
        if user is None:
            raise SimError(16, "%s: user '%s' does not exist in customer '%s'." % (what, username, customer.get("name")))
        if user.get("status") == "NotProvisioned":
            raise SimError(15, "%s: user '%s' is de-provisioned. Deprovisioned users cannot be added as a member of "
                               "a group; provision the user first." % (what, user["name"]))
        if user["id"] not in members:
            members.append(user["id"])
    return members


# --------------------------------------------------------------------- approval responses (see responses.py)
def get_approvalresponses(ctx, customer, user, el):
    return responses.render_responses(ctx, customer, user, el)


def set_approvalresponses(ctx, customer, user, el):
    responses.respond(ctx, customer, user, el)


def get_approval(ctx, el):
    """GET <approval><id>GUID</id></approval>: the approval request holding that subscription."""
    return responses.render_approval(ctx, el)


def handle(ctx, el):
    """Entity handler for a top-level <approval>; GET only."""
    if ctx.action not in ("GET", "FIND"):
        raise SimError(5, "An <approval> can only be read (GET); answer it with a SET of <approvalresponses>.")
    return [get_approval(ctx, el)]


# --------------------------------------------------------------------- cascades
def on_user_deleted(ctx, customer, user):
    """A deleted user leaves every workflow group and distribution group of its customer; its pending approval
    subscriptions are withdrawn."""
    for provider in ((customer.get("approval") or {}).get("providers") or {}).values():
        for group in provider.get("groups") or []:
            if user["id"] in group["members"]:
                group["members"].remove(user["id"])
    membership.forget(customer, {"type": "user", "id": user["id"]})
    responses.withdraw_user(ctx, user)
