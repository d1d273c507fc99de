"""Security roles a customer may hand out (the list in CustomerGet.xml, with the real server's mojibake fixed)."""

from ..core.xmlio import sub

# (name, id) in the order the server lists them.
ROLES = (
    ('AD Sync Administrator', '{b1d29de6-01b4-4a29-bc88-9f61832dc5d3}'),
    ('Antispam avancé Service Administrator', '{73f350bb-7c1f-4a10-9603-37f6b799c6e9}'),
    ('BlackBerry 5 Service Administrator', '{756d683d-0f2d-41f1-baf8-4233134a493a}'),
    ('Citrix Service Administrator', '{0676b4f2-a2e8-40ca-8d70-0e8bbcec786c}'),
    ('CloudBackup Service Administrator', '{3186b9ff-1419-4b27-b729-57ed63b17c17}'),
    ('CloudBackup User', '{55f573ec-de0d-4c7c-b1d9-7a9620ca8be7}'),
    ('CRM 2011 Administrator', '{ad279ab4-0429-40ec-b767-3f43a4490a05}'),
    ('CRM 2011 User', '{c27d3a7e-323f-4f3e-8fe7-3c385badd9aa}'),
    ('Customer Administrator', '{8b218c71-c026-4866-91f1-11b08cc46ab1}'),
    ('DNS Service Administrator', '{540e42b6-4988-4af4-9fcc-1ae61583c2bc}'),
    ('Exchange Service Administrator', '{d9eb5104-fd74-4685-8578-beaccf77ebd1}'),
    ('Exchange Users', '{3af09997-428e-40de-9fa1-c2c7f9446121}'),
    ('FaxInMail Service Administrator', '{aaf4de5e-f48c-46fe-8c18-56ede6d01d4b}'),
    ('FaxInMail User', '{a73be498-c13d-47ad-a376-142be3072ced}'),
    ('File Sharing Service Administrator', '{1817bb97-7dca-40fe-bbd8-abeecd55fa7c}'),
    ('Hosted Apps and Desktops Service Administrator', '{7e5f9f11-5566-4037-8440-0992d538b668}'),
    ('Hosted Apps and Desktops User', '{e0643988-deb2-4b0f-b28b-8017a7f5e7d8}'),
    ('Licences Outlook Service Administrator', '{1c49c96b-54ba-4c39-b581-465c3e016cad}'),
    ('Lync Enterprise Service Administrator', '{76a9e6c9-35fe-43c9-986e-4c34f6ce73c4}'),
    ('Lync Enterprise User', '{b0c371eb-b238-4481-9328-7c07899face2}'),
    ('Lync Hosted 2013 Service Administrator', '{4c5155d8-1acd-47f0-b8e7-273db87ea968}'),
    ('Lync Hosted 2013 User', '{80014ec0-8bb9-4b85-8e89-14c4a9c8707a}'),
    ('Mail Archiving Service Administrator', '{a36686dc-063d-4916-bac7-8a6b22d28a5a}'),
    ('Mobile Devices Service Administrator', '{59790933-09dc-4de4-9f3a-905a64eb86dd}'),
    ('Mobile Devices User', '{9366d427-ce85-42b8-8b2d-c4b2958538e1}'),
    ('My CloudBackup Service', '{f4c80fa7-fb3a-459c-8588-df7e0341d074}'),
    ('My Exchange Service', '{4650396d-0b7a-4273-a98f-13e834394883}'),
    ('MySQL Administrator', '{0797047a-397f-4398-b982-d0eec021d650}'),
    ('OCS Service Administrator', '{c0b2627d-408a-409f-9b22-c707fa5c53bc}'),
    ('OCS User', '{1c6db635-9d3b-4cf7-9308-369fa2587696}'),
    ('Partial User Administrator (Reset Passwords)', '{80c552f6-be9f-49cf-a237-a0b2ac3128c3}'),
    ('RDS Service Administrator', '{bedf8364-4df8-4e68-82db-62c8b24b7a21}'),
    ('RDS User', '{99a7b56b-ea73-4b6a-9714-1b2335b00aaa}'),
    ('Reporting Users', '{b4f2aee9-2630-4237-8013-6d245b44c48e}'),
    ('Reseller Full Administrator', '{9d4348a8-34b1-4325-acde-7903dc0164a6}'),
    ('Reseller Partial Administrator', '{e571a437-86c2-4af6-9638-8c00b7d0d182}'),
    ('Service Administrator', '{b0c46225-0db7-4384-9304-1a299f57f2a0}'),
    ('SharePoint 2010 Service Administrator', '{1eb1b3ee-5c65-4bc7-a297-efb0dec08303}'),
    ('SQL Service Administrator', '{87b89ee5-695d-48b9-942c-0c514d98b167}'),
    ('SQL Users', '{2bc33a6b-ef15-41cd-91b1-ba14ddd817a8}'),
    ('Support Service Administrator', '{02051d46-1a97-495e-8be5-ae2ba30c0ae0}'),
    ('Support User', '{c3347ae9-c071-441a-8eea-b59075aea717}'),
    ('TestService Service Administrator', '{ce7b2fe0-c2e2-4efb-b907-7c04efe70b75}'),
    ('TestService User', '{e1be686e-bb5a-48e6-8e66-3ae4969b40de}'),
    ('User Administrator', '{ba0fdafa-cc13-40ab-9a04-9799607ecb21}'),
    ('User and Service Administrator', '{35a4bc5f-59df-43e1-94e4-0bc706b33125}'),
    ('Virtual Machine Administrator', '{cd79e59d-c2f9-4e6f-a243-41f67e3f35ee}'),
    ('Windows Web Hosting Service Administrator', '{54baeeaa-3c97-42f2-89fd-59f77cc82706}'),
)

CUSTOMER_ADMINISTRATOR = "Customer Administrator"
_BY_NAME = dict((name.casefold(), (name, rid)) for name, rid in ROLES)


def role(name):
    """(canonical name, id) for a role name compared case-insensitively, or None."""
    return _BY_NAME.get((name or "").strip().casefold())


def role_id(name):
    found = role(name)
    return found[1] if found else ""


def render_roles(parent, names):
    """<roles><role id="{...}">Name</role>...</roles>, as the captures write them."""
    box = sub(parent, "roles")
    for name in names:
        sub(box, "role", name, id=role_id(name))
    return box
