"""Instances of multi-instance services (CRM2011, SharePoint2010, SQL2005Hosting, WinWebHost).

An instance lives in the customer-service record under "instances": a list of
    {"name": "Site01", "status": ..., "approvalpending": False, "properties": {...}}.
SET with <instances><instance><name>X</name>...</instance></instances> creates or updates X; DELETE with the same
shape deletes it (the guide: "Only service instances can be deleted").

A user's service holds the names of the customer's instances assigned to the user, record "instances" (a list of
names). The guide shows the read, GET customer/user/service/instances/instance (lines 2399-2431, "CRM 2011 for a
User") and FIND customer/user/service/instances (lines 2655-2685, "SharePoint Sites for a User"); the assignment is a
user-service SET with the same <instances> (services/user.py: the list sent is the user's whole list; a name the
customer service lacks is error 10), and the removal a DELETE of the same path (line 302: DELETE "using the same
format as the GET request ... Only service instances can be deleted").
"""

import copy

from ..core.errors import SimError
from . import properties
from ..core.values import bool_text, child, children, norm, sub, text


def find(record, name):
    for instance in record.get("instances") or []:
        if norm(instance["name"]) == norm(name):
            return instance
    return None


def _names(instances_el, what):
    names = []
    for instance_el in children(instances_el, "instance"):
        name = text(instance_el, "name")
        if not name:
            raise SimError(10, "%s: every <instance> needs a <name>." % what)
        names.append((name, instance_el))
    return names


def _not_multi(definition):
    return SimError(10, "Service '%s' is not a multi-instance service; it has no <instances>. Multi-instance "
                        "services: CRM2011, SharePoint2010, SQL2005Hosting, WinWebHost." % definition["name"])


def apply(definition, record, service_el, what):
    """Create or update the instances named in the SET; returns the instance dicts that were touched."""
    instances_el = child(service_el, "instances")
    if instances_el is None:
        return []
    if not definition["multi_instance"]:
        raise _not_multi(definition)
    touched = []
    for name, instance_el in _names(instances_el, what):
        instance = find(record, name)
        if instance is None:
            instance = {"name": name, "status": "NotProvisioned", "approvalpending": False,
                        "properties": properties.defaults(definition["instance_properties"])}
            record.setdefault("instances", []).append(instance)
        instance["properties"] = properties.apply(definition["instance_properties"], instance["properties"],
                                                  child(instance_el, "properties"),
                                                  "%s instance '%s'" % (what, name))
        touched.append(instance)
    return touched


def render(parent, definition, record, instances_el, props_el):
    """Append <instances>: all of them for <instances/>, or the named ones (error 10 for an unknown name)."""
    if not definition["multi_instance"]:
        raise _not_multi(definition)
    wanted = _names(instances_el, "Service '%s'" % definition["name"])
    out = sub(parent, "instances")
    if wanted:
        chosen = []
        for name, _el in wanted:
            instance = find(record, name)
            if instance is None:
                raise SimError(10, "Service '%s' has no instance '%s'." % (definition["name"], name))
            chosen.append(instance)
    else:
        chosen = record.get("instances") or []
    for instance in chosen:
        instance_el = sub(out, "instance")
        sub(instance_el, "name", instance["name"])
        sub(instance_el, "status", instance.get("status"))
        sub(instance_el, "approvalpending", bool_text(instance.get("approvalpending")))
        shape = props_el if props_el is not None else instances_el  # no filter attribute: visible ones only
        properties.render(instance_el, definition["instance_properties"], instance.get("properties", {}), shape)
    return out


def delete(definition, record, service_el):
    """Remove the named instances from record; returns the removed instance dicts (error 10 when unknown)."""
    if not definition["multi_instance"]:
        raise SimError(10, "Service '%s' cannot be deleted: only service instances can be deleted. De-provision "
                           "the service instead with a SET of <status>NotProvisioned</status>." % definition["name"])
    wanted = _names(child(service_el, "instances"), "Service '%s'" % definition["name"])
    if not wanted:
        raise SimError(10, "DELETE of service '%s' must name the instance to delete: <instances><instance><name>"
                           "Site01</name></instance></instances>." % definition["name"])
    removed = []
    for name, _el in wanted:
        instance = find(record, name)
        if instance is None:
            raise SimError(10, "Service '%s' has no instance '%s' to delete." % (definition["name"], name))
        removed.append(instance)
    record["instances"] = [item for item in record.get("instances") or [] if item not in removed]
    return [copy.deepcopy(item) for item in removed]


# --------------------------------------------------------------------- a user's instances
def render_user(parent, record, instances_el):
    """A user service's <instances>: all the instances assigned to the user for <instances/>, or those of the named
    ones the user has (a name not assigned is simply not listed: the answer says which of them the user holds)."""
    out = sub(parent, "instances")
    wanted = {norm(text(instance_el, "name")) for instance_el in children(instances_el, "instance")
              if text(instance_el, "name")} if instances_el is not None else set()
    for name in (record or {}).get("instances") or []:
        if not wanted or norm(name) in wanted:
            sub(sub(out, "instance"), "name", name)
    return out


def delete_user_instances(ctx, definition, user, record, service_el):
    """DELETE customer/user/service/instances/instance: take the named instances away from the user (the customer's
    instances stay). Error 10 for a service without instances, a user service not provisioned, no name, or a name the
    user does not have."""
    if not definition["multi_instance"]:
        raise _not_multi(definition)
    if record is None or norm(record.get("status")) == norm("NotProvisioned"):
        raise SimError(10, "Service '%s' is not provisioned for user '%s'; it has no instances to remove."
                       % (definition["name"], user.get("name")))
    wanted = _names(child(service_el, "instances"), "Service '%s' of user '%s'" % (definition["name"], user.get("name")))
    if not wanted:
        raise SimError(10, "DELETE of service '%s' of a user must name the instance to remove: <instances><instance>"
                           "<name>Site01</name></instance></instances>." % definition["name"])
    held = list(record.get("instances") or [])
    for name, _el in wanted:
        if norm(name) not in {norm(item) for item in held}:
            raise SimError(10, "User '%s' has no instance '%s' of service '%s' (it has: %s)."
                           % (user.get("name"), name, definition["name"], ", ".join(held) or "none"))
    removed = {norm(name) for name, _el in wanted}
    record["instances"] = [item for item in held if norm(item) not in removed]
    for name, _el in wanted:
        ctx.start_request("Remove instance %s of %s from user %s" % (name, definition["fullname"], user.get("name")),
                          "User Service Instance", name, [], "NotProvisioned", request_type="Object Delete")
