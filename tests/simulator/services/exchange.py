"""Hosted Exchange customer-service fields that other services do not have.

Shapes follow the CPSM 11 capture CustomerServiceGet.xml (authoritativedomains, domains, UpdateEmailAddressPolicy,
customeraddressformats, version, mailboxstoragelimit, publicfolder) and the SET of CustomerModifyExchange.xml.
"""

from ..core.errors import SimError
from ..core.values import UNLIMITED, bool_text, child, children, limit_text, norm, opt_bool, own_text, parse_limit, sub, text

# Patterns and examples exactly as the capture lists them.
ADDRESS_FORMATS = (("FLastname", "%1g%s"), ("Firstname", "%g"), ("FirstnameL", "%g%1s"),
                   ("Firstname.Lastname", "%g.%s"))
PUBLIC_FOLDER_LIMITS = ("storagelimit", "warninglimit", "itemlimit")
# Exchange's accepted-domain types (the capture sends "authoritative"); kept in the spelling the SET used.
DOMAIN_TYPES = ("authoritative", "internalrelay", "externalrelay")


def customer_domains(customer):
    """The customer's domains as plain strings (primary domain first)."""
    domains = [customer.get("primarydomain") or ""]
    for entry in customer.get("domains") or []:
        domains.append(entry.get("name", "") if isinstance(entry, dict) else entry)
    seen, result = set(), []
    for domain in domains:
        if domain and norm(domain) not in seen:
            seen.add(norm(domain))
            result.append(domain)
    return result


def defaults(definition, customer):
    primary = customer.get("primarydomain") or ""
    return {
        "version": definition.get("default_version", definition["versions"][0]),
        "domains": [[primary, "authoritative"]] if primary else [],
        "updateemailaddresspolicy": False,
        "mailboxstoragelimit": UNLIMITED,
        "publicfolder": {"overridetemplate": False, "create": False, "storagelimit": UNLIMITED,
                         "warninglimit": UNLIMITED, "itemlimit": UNLIMITED},
    }


def version_required(ctx, record):
    """Config exchange_version_required: a Hosted Exchange never provisioned (no stored record) has no version yet,
    and its first provisioning must name one (guide, "Provision a Customer Service - Hosted Exchange": "we need to
    specify the Version attribute for the version of Exchange that users will receive")."""
    return record is None and bool(ctx.store.config.get("exchange_version_required"))


def check_first_version(ctx, definition, record, service_el):
    if version_required(ctx, record) and not text(service_el, "version"):
        raise SimError(10, "Hosted Exchange needs <version> (%s) on its first provisioning."
                       % ", ".join(definition["versions"]))


def _check_domain(customer, domain):
    known = customer_domains(customer)
    if norm(domain) not in {norm(item) for item in known}:
        raise SimError(10, "Hosted Exchange: '%s' is not a domain of customer '%s' (domains: %s). Add it to the "
                           "customer's <domains> first." % (domain, customer.get("name"), ", ".join(known)))


def apply(definition, record, service_el, customer):
    version = text(service_el, "version")
    if version:
        if version not in definition["versions"]:
            raise SimError(10, "Hosted Exchange version '%s' is not offered; choose one of %s."
                           % (version, ", ".join(definition["versions"])))
        record["version"] = version
    limit = text(service_el, "mailboxstoragelimit")
    if limit:
        record["mailboxstoragelimit"] = parse_limit(limit, "Hosted Exchange <mailboxstoragelimit>")
    policy = opt_bool(service_el, "UpdateEmailAddressPolicy", "Hosted Exchange <UpdateEmailAddressPolicy>")
    if policy is not None:
        record["updateemailaddresspolicy"] = policy
    _apply_domains(record, service_el, customer)
    _apply_public_folder(record, child(service_el, "publicfolder"))


def _apply_domains(record, service_el, customer):
    # <domains> replaces the whole list; <authoritativedomains> alone (re)declares which domains are authoritative
    # and keeps the relay domains. The capture sends both with the same content.
    domains_el = child(service_el, "domains")
    if domains_el is not None:
        listed = []
        for domain_el in children(domains_el, "domain"):
            if own_text(domain_el):
                _check_domain(customer, own_text(domain_el))
                kind = (domain_el.get("type") or "authoritative").strip()
                if norm(kind) not in DOMAIN_TYPES:
                    raise SimError(10, "Hosted Exchange: accepted domain '%s' has the type '%s'; the types are %s."
                                   % (own_text(domain_el), kind, ", ".join(DOMAIN_TYPES)))
                listed.append([own_text(domain_el), kind])
        record["domains"] = listed
    auth_el = child(service_el, "authoritativedomains")
    if auth_el is not None:
        names = [own_text(domain_el) for domain_el in children(auth_el, "domain") if own_text(domain_el)]
        for name in names:
            _check_domain(customer, name)
        relay = [pair for pair in record.get("domains", []) if norm(pair[0]) not in {norm(n) for n in names}
                 and norm(pair[1]) != "authoritative"]
        record["domains"] = [[name, "authoritative"] for name in names] + relay


def _apply_public_folder(record, folder_el):
    if folder_el is None:
        return
    folder = record.setdefault("publicfolder", {})
    for flag in ("overridetemplate", "create"):
        value = opt_bool(folder_el, flag, "Hosted Exchange <publicfolder><%s>" % flag)
        if value is not None:
            folder[flag] = value
    for limit in PUBLIC_FOLDER_LIMITS:
        value = text(folder_el, limit)
        if value:
            folder[limit] = parse_limit(value, "Hosted Exchange <publicfolder><%s>" % limit)


def render(parent, record, version=True):
    """The Hosted Exchange fields of a GET; version False: an empty <version/> (nothing chosen yet)."""
    domains = record.get("domains") or []
    auth = sub(parent, "authoritativedomains")
    for name, kind in domains:
        if norm(kind) == "authoritative":
            sub(auth, "domain", name)
    listed = sub(parent, "domains")
    for name, kind in domains:
        sub(listed, "domain", name, type=kind)
    sub(parent, "UpdateEmailAddressPolicy", bool_text(record.get("updateemailaddresspolicy")))
    formats = sub(parent, "customeraddressformats")
    sub(formats, "customerwide", "False")
    primary = next((name for name, kind in domains if norm(kind) == "authoritative"), None)
    if primary:
        for example, pattern in ADDRESS_FORMATS:
            address = sub(formats, "address")
            sub(address, "example", "%s@%s" % (example, primary))
            sub(address, "domain", primary)
            sub(address, "pattern", pattern)
            sub(address, "primary", "False")
            sub(address, "assigned", "False")
    sub(parent, "version", record.get("version") if version else None)
    sub(parent, "mailboxstoragelimit", limit_text(record.get("mailboxstoragelimit")))
    folder = record.get("publicfolder") or {}
    folder_el = sub(parent, "publicfolder")
    sub(folder_el, "overridetemplate", bool_text(folder.get("overridetemplate")))
    sub(folder_el, "create", bool_text(folder.get("create")))
    for limit in PUBLIC_FOLDER_LIMITS:
        sub(folder_el, limit, limit_text(folder.get(limit)))
