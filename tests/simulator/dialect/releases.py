"""The three releases the guides describe: the version <global> answers, what a release lacks, its own spellings.

- ``atria12``: atria-cortexapi-developer-guide.txt. Its own <global> sample answers 11.0.0.0 (line 1844), so the
  version tells CPSM 10 from the rest, not CPSM 11 from Atria 12 (the ``global_version`` config overrides it).
- ``cpsm11``: cpsm-11-api-users-guide.txt (the same features; three tags spelt differently, see SPELLINGS).
- ``cpsm10``: cpsm-10-api-guide.txt. No <identity>, <global> sample, <request> reads, workflow approval,
  distribution groups, contacts or additional properties. The simulator still answers <global> (10.0.0.0) so a
  client can tell the release; everything else CPSM 10 lacks is dropped from requests like any unknown tag
  (tagfilter.py): a SET still succeeds and changes nothing, a GET answers without it, a request for only an
  entity CPSM 10 does not know answers an empty <response version="1.0" />. Accepted writes answer an empty
  <response> too (the CPSM 10 guide's "Set / Delete Action Responses": no request id).
"""

VERSIONS = {"atria12": "11.0.0.0", "cpsm11": "11.0.0.0", "cpsm10": "10.0.0.0"}
DEFAULT = "atria12"

# Tags a release does not read (tagfilter rules: bare names at any depth, or paths from the request root).
MISSING = {
    "atria12": (),
    "cpsm11": (),
    "cpsm10": ("/identity", "/request", "/approval", "approvalproviders", "approvalresponses", "distributiongroups",
               "contacts", "additionalproperties", "customerproperties"),
}

# Features handlers ask about directly (the approval gate must not hold changes on a release without approval).
FEATURES = {
    "atria12": frozenset(("approval", "request_ids")),
    "cpsm11": frozenset(("approval", "request_ids")),
    "cpsm10": frozenset(),
}

# Which spelling of an ambiguous pair each release reads (spellings.py); a concept not listed reads both.
SPELLINGS = {
    "atria12": {"changeatnextlogon": "changeatnextlogon", "mailtip": "mailtip", "grouptype": "grouptype"},
    "cpsm11": {"changeatnextlogon": "changeatnextlogin", "mailtip": "mailtoip", "grouptype": "groupype"},
    "cpsm10": {},
}


def version(config):
    return config.get("global_version") or VERSIONS.get(config.get("release"), VERSIONS[DEFAULT])


def has(release, feature):
    return feature in FEATURES.get(release, FEATURES[DEFAULT])
