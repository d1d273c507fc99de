"""The service catalogue: which services exist, at which location, with which plans and properties.

Names follow Appendix B of the guide; plan names follow the CPSM 11 captures (TC's Hosted Exchange) and the
guide's examples (FSS FULL/READ/LIST, HostedAppsandDesktops DESKTOPS/OFFICEAPPS, HE 'Ex10 Basic'), so that the
guide's sample requests work verbatim against the simulator.

The catalogue is static data; nothing here is stored in the simulator state.
"""

from lxml import etree

from ..core.errors import SimError
from ..core.values import norm, sub, text

DEFAULT_LOCATION = "Location GSP"

# File servers that "already exist in the environment" (the guide: FileShareServer must name one).
FILE_SERVERS = ("CSPFILEHOST01", "CSPFILEHOST02")


def prop(name, fullname, default="", visible=True, mandatory=False, options=None, readonly=False,
         category="General", description="", validation=None):
    """A property definition, shaped like the <property detail="true"> answers of the captures."""
    return {
        "name": name, "fullname": fullname, "default": default, "visible": visible, "mandatory": mandatory,
        "options": list(options) if options else None, "readonly": readonly, "category": category,
        "description": description, "validation": validation,
    }


def plan(name, fullname, properties=None):
    return {"name": name, "fullname": fullname, "properties": properties or []}


def service(name, fullname, userplans=(), packages=(), properties=(), user_level=None, **extra):
    """A service definition. user_level: whether the service can be provisioned to users (default: has user plans)."""
    entry = {
        "name": name, "fullname": fullname, "userplans": list(userplans), "packages": list(packages),
        "properties": list(properties), "user_level": bool(userplans) if user_level is None else user_level,
        "plan_tag": "userplan", "multi_plan": False, "multi_instance": False, "auto_provision": False,
        "versions": (), "required": (), "resources": (), "instance_properties": (), "user_properties": (),
        "distribution_groups": False,
    }
    entry.update(extra)
    return entry


def _quota(mb):
    return [prop("MailboxQuotaMB", "Mailbox quota (MB)", str(mb)),
            prop("IssueWarningMB", "Issue warning at (MB)", str(int(mb * 0.9)), visible=False)]


HOSTED_EXCHANGE = service(
    "HE", "Hosted Exchange",
    userplans=[
        plan("FORFAIT_2GO_2013", "Forfait_2Go_2013", _quota(2048)),
        plan("FORFAIT_60GO_1AN", "Forfait_60Go_1an", _quota(61440)),
        plan("EX_BASIC", "Ex Basic", _quota(1024)),
        plan("EX10_BASIC", "Ex10 Basic", _quota(1024)),
        plan("EX10_FULL", "Ex10 Full", _quota(10240)),
    ],
    packages=[plan("Default", "Default"), plan("Basic", "Basic"), plan("PublicFolders", "Public Folders")],
    properties=[
        prop("MaxRecipients", "Maximum recipients per message", "500"),
        prop("MaxSendSizeKB", "Maximum send size (KB)", "10240"),
        prop("ExchangeServerGroup", "Exchange server group", "EXCH-GSP-01", visible=False, category="Advanced"),
        prop("OfflineAddressBook", "Offline address book", "Default", visible=False, category="Advanced"),
    ],
    user_properties=[
        prop("HiddenFromAddressLists", "Hide from address lists", "False"),
        prop("LitigationHold", "Litigation hold", "False", visible=False, category="Advanced"),
    ],
    plan_tag="userpackage", versions=("2010", "2013", "2016"), default_version="2013",
    distribution_groups=True,
)

FILE_SHARING = service(
    "FSS", "File Sharing",
    userplans=[plan("FULL", "Full", [prop("Permission", "Permission", "Modify")]),
               plan("READ", "Read", [prop("Permission", "Permission", "Read")]),
               plan("LIST", "List", [prop("Permission", "Permission", "List", visible=False)])],
    packages=[plan("FULL", "FULL"), plan("Basic", "Basic")],
    properties=[
        prop("FileShareServer", "File share server", "", mandatory=True, options=FILE_SERVERS,
             description="Name of an existing file server that hosts the customer's share."),
        prop("QuotaMB", "Share quota (MB)", "10240"),
        prop("ShareRoot", "Share root path", "D:\\Shares", visible=False, category="Advanced"),
    ],
    required=("FileShareServer",),
    user_properties=[prop("HomeDrive", "Home drive letter", "H:"),
                     prop("MapDrive", "Map the drive at logon", "True", visible=False)],
)

HOSTED_APPS = service(
    "HostedAppsandDesktops", "Hosted Apps and Desktops",
    userplans=[plan("DESKTOPS", "Desktops"), plan("OFFICEAPPS", "Office Apps"), plan("APPS", "Apps")],
    packages=[plan("SharedsiteWebInterfacemode", "Shared Site Web Interface mode"), plan("Dedicated", "Dedicated")],
    properties=[prop("FarmName", "Citrix farm", "XAFARM01"),
                prop("WebInterfaceUrl", "Web Interface URL", "https://apps.pp-exchange.local/", visible=False)],
    multi_plan=True,
)

MAIL_ARCHIVING = service(
    "MARCH", "Mail Archiving",
    userplans=[plan("ARCHIVE", "Archive")],
    properties=[
        prop("RetentionYears", "Retention (years)", "7"),
        prop("ArchiveServer", "Archive server", "ARCH01", visible=False, category="Advanced"),
        prop("JournalMailbox", "Journal mailbox", "journal@pp-exchange.local", visible=False, category="Advanced"),
    ],
)

_SITE_PROPERTIES = [prop("SiteUrl", "Site URL", ""), prop("QuotaMB", "Site quota (MB)", "1024"),
                    prop("Template", "Site template", "STS#0", visible=False)]

SHAREPOINT = service(
    "SharePoint2010", "SharePoint 2010",
    userplans=[plan("MEMBER", "Member"), plan("OWNER", "Owner")],
    packages=[plan("Standard", "Standard"), plan("Enterprise", "Enterprise")],
    properties=[prop("WebApplication", "Web application", "https://sites.pp-exchange.local"),
                prop("ContentDatabaseServer", "Content database server", "SPSQL01", visible=False)],
    multi_instance=True, instance_properties=_SITE_PROPERTIES,
    resources=(("SQL Server", "SPSQL01"), ("Web Front End", "SPWFE01")),
)

CRM = service(
    "CRM2011", "Customer Relationship Management 2011",
    userplans=[plan("FULL", "Full"), plan("READONLY", "Read Only")],
    properties=[prop("Organization", "CRM organization", "")],
    multi_instance=True, instance_properties=[prop("OrganizationUrl", "Organization URL", ""),
                                              prop("BaseCurrency", "Base currency", "EUR")],
)

_SIMPLE = [
    service("Proxy", "Customer Portal Settings", auto_provision=True,
            properties=[prop("PortalTheme", "Portal theme", "Default")]),
    HOSTED_EXCHANGE,
    service("ServiceAdmins", "Service Administration"),
    FILE_SHARING, HOSTED_APPS, MAIL_ARCHIVING, SHAREPOINT, CRM,
    service("Reseller", "Reseller"),
    service("ADSync", "AD Sync"),
    service("BlackBerry5", "BlackBerry 5", userplans=[plan("STANDARD", "Standard")]),
    service("Citrix", "Citrix", userplans=[plan("CITRIXUSER", "Citrix User")]),
    service("DNS", "DNS"),
    service("LyncHosted", "Lync 2010 for Hosters", userplans=[plan("IM", "IM and Presence"), plan("VOICE", "Voice")]),
    service("LyncEnterprise", "Lync Enterprise", userplans=[plan("STANDARD", "Standard")]),
    service("MySQL", "MySQL", resources=(("Database server", "MYSQL01"), ("Databases", "5"))),
    service("SQL2005Hosting", "Microsoft SQL Server Hosting", multi_instance=True,
            instance_properties=[prop("DatabaseName", "Database name", "")]),
    service("OCS", "Office Communication Server 2007", userplans=[plan("STANDARD", "Standard")]),
    service("VirtualMachine", "Virtual Machine"),
    service("WinWebHost", "Windows Web-Hosting", multi_instance=True,
            instance_properties=[prop("HostHeader", "Host header", "")]),
]

SERVICES = {entry["name"]: entry for entry in _SIMPLE}

# Location -> service codes offered there. "Location EU" is a smaller second location, so that "available at
# the customer's location" is observable; unknown locations fall back to the default catalogue.
LOCATIONS = {
    DEFAULT_LOCATION: [entry["name"] for entry in _SIMPLE],
    "Location EU": ["Proxy", "HE", "ServiceAdmins", "MARCH", "Reseller"],
}


def location_of(customer):
    return customer.get("location") or DEFAULT_LOCATION


def services_at(location):
    """Service definitions offered at a location, in catalogue order."""
    codes = LOCATIONS.get(location) or LOCATIONS[DEFAULT_LOCATION]
    return [SERVICES[code] for code in codes]


def _key(value):
    # 'SharePoint 2010' (Appendix B), 'Sharepoint2010' and 'SharePoint2010' (the guide's examples) are one service.
    return norm(value).replace(" ", "")


def lookup(name=None, fullname=None, location=None):
    """The service definition named by <name> or <fullname> (either may hold the code or the display name).

    Raises error 21 (ServiceNotFound) for an unknown service or one not offered at the location.
    """
    wanted = [_key(value) for value in (name, fullname) if value]
    if not wanted:
        raise SimError(10, "The <service> element needs a <name> (e.g. HE) or a <fullname> (e.g. Hosted Exchange).")
    offered = services_at(location) if location else list(SERVICES.values())
    for entry in offered:
        if _key(entry["name"]) in wanted or _key(entry["fullname"]) in wanted:
            return entry
    shown = name or fullname
    where = " at location '%s'" % location if location else ""
    raise SimError(21, "Service '%s' does not exist or is not configured%s. Known services: %s."
                   % (shown, where, ", ".join(entry["name"] for entry in offered)))


def find_plan(plans, name=None, fullname=None):
    """A plan (user plan or customer plan) by name or display name, case-insensitive; None when unknown."""
    wanted = [norm(value) for value in (name, fullname) if value]
    for entry in plans:
        if norm(entry["name"]) in wanted or norm(entry["fullname"]) in wanted:
            return entry
    return None


def service_label_known(label):
    """Approval subscriptions name services by display label; 'All' means every service."""
    if norm(label) == "all":
        return True
    key = _key(label)
    return any(key in (_key(entry["name"]), _key(entry["fullname"])) for entry in SERVICES.values())


def location_services(ctx, location_name, service_el):
    """FIND location/service: the services offered at a location, optionally filtered by <name>/<fullname>."""
    name, fullname = text(service_el, "name"), text(service_el, "fullname")
    found = []
    for entry in services_at(location_name):
        keys = (_key(entry["name"]), _key(entry["fullname"]))
        if (name and _key(name) not in keys) or (fullname and _key(fullname) not in keys):
            continue
        el = etree.Element("service")
        sub(el, "name", entry["name"])
        sub(el, "fullname", entry["fullname"])
        found.append(el)
    return found
