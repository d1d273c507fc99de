"""GET <global>: the API and database version, per release (dialect/releases.py)."""

from lxml import etree

from ..core.xmlio import sub
from ..dialect import releases
from .readonly import read_only


def global_info(ctx, el):
    read_only(ctx, "<global>")
    version = releases.version(ctx.store.config)
    out = etree.Element("global")
    box = sub(out, "version")
    sub(box, "api", version)
    sub(box, "database", version)
    return [out]
