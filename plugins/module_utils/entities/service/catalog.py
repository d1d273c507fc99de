# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the developer guide documents about services by name, so that no request is needed to know it.

- Appendix B: the internal name (code) of every service and its display name. Requests must use the code;
  playbooks may use either.
- Hosted Exchange calls its user plans <userpackage>, every other service <userplan> ("for backward
  compatibility", Provision a Customer Service).
- Hosted Apps and Desktops is the service that gives a user several user plans ("Hosted Apps and Desktops to
  a User").
- CRM 2011, SharePoint 2010, Microsoft SQL Server Hosting and Windows Web Hosting have instances ("Get all
  Instances for Multi-Instance Services").
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

HOSTED_EXCHANGE = 'HE'

# (code, display name). Appendix B gives SharePoint's code as "SharePoint 2010" while every example of the guide
# sends "SharePoint2010"; the examples are what servers answer to. A code the server does not know is looked up
# among the customer's services by the locator, so a wrong guess costs one FIND, never a wrong write.
APPENDIX_B = (
    ('ADSync', 'AD Sync'),
    ('BlackBerry5', 'BlackBerry 5'),
    ('Citrix', 'Citrix'),
    ('CRM2011', 'Customer Relationship Management 2011'),
    ('DNS', 'DNS'),
    ('FSS', 'File Sharing'),
    ('HostedAppsandDesktops', 'Hosted Apps and Desktops'),
    ('HE', 'Hosted Exchange'),
    ('LyncHosted', 'Lync 2010 for Hosters'),
    ('LyncEnterprise', 'Lync Enterprise'),
    ('MARCH', 'Mail Archiving'),
    ('SQL2005Hosting', 'Microsoft SQL Server Hosting'),
    ('MySQL', 'MySQL'),
    ('OCS', 'Office Communication Server 2007'),
    ('Reseller', 'Reseller'),
    ('SharePoint2010', 'SharePoint 2010'),
    ('VirtualMachine', 'Virtual Machine'),
    ('WinWebHost', 'Windows Web-Hosting'),
)

# "The File Sharing Service has one required setting: FileShareServer" (Provisioning Services). Servers also mark
# required properties <mandatory>True</mandatory> in <properties detail="true"/> answers; this covers one that
# would not.
REQUIRED_PROPERTIES = {'FSS': ('FileShareServer',)}
# Codes the guides spell another way too (docs/spellings.md): tried when the server refuses the code it lists.
OTHER_SPELLINGS = {'sharepoint2010': ('SharePoint 2010', 'SharePoint2010')}
SEVERAL_USER_PLANS = ('HostedAppsandDesktops',)
MULTI_INSTANCE = ('CRM2011', 'SharePoint2010', 'SQL2005Hosting', 'WinWebHost')


def name_key(name):
    """Names compare without case and blanks: 'Hosted Apps and Desktops' is 'HostedAppsandDesktops'."""
    return ''.join((name or '').split()).lower()


def same_name(first, second):
    return name_key(first) == name_key(second)


def known_code(name):
    """The Appendix B code for a code or display name, or None when the guide does not list it."""
    key = name_key(name)
    for code, display in APPENDIX_B:
        if key in (name_key(code), name_key(display)):
            return code
    return None


def plan_tag(code):
    """The tag of a service's user plans: <userpackage> for Hosted Exchange, <userplan> for the others."""
    return 'userpackage' if same_name(code, HOSTED_EXCHANGE) else 'userplan'


def allows_several_plans(code):
    return any(same_name(code, name) for name in SEVERAL_USER_PLANS)


def required_properties(code):
    for name, properties in REQUIRED_PROPERTIES.items():
        if same_name(code, name):
            return properties
    return ()


def has_instances(code):
    return any(same_name(code, name) for name in MULTI_INSTANCE)


def other_spellings(code):
    """The other spellings of a service code the guides document (Appendix B's 'SharePoint 2010'), or ()."""
    return OTHER_SPELLINGS.get(name_key(code), ())
