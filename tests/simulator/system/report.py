"""<report>: FIND the configured reports, GET one as XML or TSV (guide "Querying Data", A 2052-2325; the same
section in CPSM 11, C11 1611-1770, and CPSM 10, C10 1258-1525: every release has reports).

Two reports are configured, the ones the guide's samples run (A 2136-2325): "Customers with Stored Procedure"
and "Customers with Query", both with the parameter ``Name`` matched with SQL ``LIKE`` (``%``, ``_``, ``[...]``,
case-insensitive like the default SQL Server collation). As the guide says (A 2066-2072), the caller's customer id
is added to the query parameters (``CallingCustomerID``) and the queries keep only the caller's customer and those
below it (tf_CustomerHierarchy(@CallingCustomerID, 1)); a ``CallingCustomerID`` the caller sends is overwritten.

Shapes the guide does not show, chosen here (tests/simulator/README.md "Reports"):
- FIND: ``<report><name/><description/><parameters><parameter>Name</parameter></parameters></report>`` per report
  (the guide only says "For each report, a list of parameter names is displayed", A 2089).
- XML without ``columnnames="true"``: each ``<row>`` holds one ``<column>`` element per column, in column order.
- TSV: ``<data>`` is a CDATA section: a line break, then (with ``header="true"``) the column names, then one line
  per row, fields separated by a real tab, lines ended by CR LF. Tabs and line breaks inside values become spaces.
- ``<column>`` (any number of them) keeps only those columns, in the order asked; column names compare
  case-insensitively (SQL); an unknown one is error 13.
- ``<timeout>``: milliseconds, 0 = none (A 2112); absent = 30000 (ADO.NET's default command timeout). A query takes
  the config ``report_query_ms`` (default 0); a timeout shorter than that is error 13 (SQL Server's message).
Errors: 14 ReportNotFound for a missing or unknown name, 13 ReportError for a missing or unknown parameter, an
unknown column, a bad timeout or dataformat (Appendix A, A 4211-4217).
"""

import datetime
import re

from lxml import etree

from ..core.errors import SimError
from ..core.xmlio import sub, text_of
from .readonly import read_only

DEFAULT_TIMEOUT_MS = 30000
CALLING_CUSTOMER = "CallingCustomerID"
# The simulator's own StatusID numbering: only 1 = Provisioned is from the guide's sample (A 2185, 2203).
STATUS_IDS = {"NotProvisioned": 0, "Provisioned": 1, "Requested": 2, "InProgress": 3, "Failed": 4, "Pending": 5}
# A simulated creation time (the store keeps none): the guide's sample's, one day later per customer id.
CREATED_BASE = datetime.datetime(2012, 7, 28, 20, 36, 22)


def server_datetime(moment):
    """A datetime as the guide's TSV sample writes it (A 2312): M/d/yyyy h:mm:ss AM|PM (en-US)."""
    hour = moment.hour % 12 or 12
    return "%d/%d/%d %d:%02d:%02d %s" % (moment.month, moment.day, moment.year, hour, moment.minute, moment.second,
                                         "PM" if moment.hour >= 12 else "AM")


def _location_id(ctx, rec):
    for place in ctx.store.locations:
        if place["name"].casefold() == (rec.get("location") or "").casefold():
            return place["id"]
    return None


def _created(rec):
    return server_datetime(CREATED_BASE + datetime.timedelta(days=rec["id"]))


# (column, SQL type, value of a customer record); None = NULL.
STORED_PROCEDURE_COLUMNS = (
    ("CustomerID", "int", lambda ctx, rec: rec["id"]),
    ("LocationID", "int", _location_id),
    ("Name", "nvarchar", lambda ctx, rec: rec["name"]),
    ("Label", "nvarchar", lambda ctx, rec: rec.get("fullname")),
    ("BillingID", "nvarchar", lambda ctx, rec: rec.get("billingid") or None),
    ("PrimaryDomain", "nvarchar", lambda ctx, rec: rec.get("primarydomain") or None),
    ("StatusID", "int", lambda ctx, rec: STATUS_IDS.get(rec.get("status"), 0)),
)
QUERY_COLUMNS = (
    ("CustomerID", "int", lambda ctx, rec: rec["id"]),
    ("Name", "nvarchar", lambda ctx, rec: rec["name"]),
    ("Label", "nvarchar", lambda ctx, rec: rec.get("fullname")),
    ("Location", "nvarchar", lambda ctx, rec: rec.get("location")),
    ("ContactName", "nvarchar", lambda ctx, rec: rec.get("contactname")),
    ("ContactEMail", "nvarchar", lambda ctx, rec: rec.get("contactemail")),
    ("Description", "nvarchar", lambda ctx, rec: None),
    ("Created", "datetime", lambda ctx, rec: _created(rec)),
    ("PhoneNumber", "nvarchar", lambda ctx, rec: rec.get("phone") or None),
    ("FaxNumber", "nvarchar", lambda ctx, rec: rec.get("fax") or None),
    ("MinPWLength", "int", lambda ctx, rec: (rec.get("password_policy") or {}).get("minimumlength", 0)),
    ("BannerPWDays", "int", lambda ctx, rec: (rec.get("password_policy") or {}).get("bannerdisplaydays", 0)),
    ("ModifiedBy", "int", lambda ctx, rec: 0),
    ("DateDisabled", "datetime", lambda ctx, rec: None if rec.get("enabled", True) else _created(rec)),
    ("DateDeleted", "datetime", lambda ctx, rec: None),
    ("BrandName", "nvarchar", lambda ctx, rec: "Default"),
    ("OU_Name", "nvarchar", lambda ctx, rec: "customers"),
    ("ObjectID", "int", lambda ctx, rec: 36542 + rec["id"]),
    ("BillingID", "nvarchar", lambda ctx, rec: rec.get("billingid") or None),
    ("ImpersonatingUserID", "int", lambda ctx, rec: 0),
    ("BrandType", "nvarchar", lambda ctx, rec: "DNS"),
    ("ParentID", "int", lambda ctx, rec: rec.get("parent_id")),
)
# The dbo.ReportQueries rows: name, description, parameters (without CallingCustomerID), columns.
REPORTS = (
    ("Customers with Stored Procedure", "", ("Name",), STORED_PROCEDURE_COLUMNS),
    ("Customers with Query", "", ("Name",), QUERY_COLUMNS),
)


def like_regex(pattern):
    """SQL LIKE -> a compiled regex: % any run, _ one character, [abc] / [a-c] / [^a] one of a set, rest literal."""
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "%":
            out.append(".*")
        elif char == "_":
            out.append(".")
        elif char == "[" and pattern.find("]", i + 2) != -1:
            end = pattern.find("]", i + 2)
            body = pattern[i + 1:end]
            negate = body.startswith("^") and len(body) > 1
            body = body[1:] if negate else body
            out.append("[" + ("^" if negate else "") + "".join(c if c == "-" else re.escape(c) for c in body) + "]")
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out) + r"\Z", re.IGNORECASE | re.DOTALL)


def _report_named(name):
    return next((r for r in REPORTS if r[0].casefold() == (name or "").strip().casefold()), None)


def _find_el(entry):
    name, description, parameters, _columns = entry
    out = etree.Element("report")
    sub(out, "name", name)
    sub(out, "description", description)
    box = sub(out, "parameters")
    for parameter in parameters:
        sub(box, "parameter", parameter)
    return out


def _parameters(el, entry, ctx):
    """{parameter: value} of the request, checked against the report's parameters (error 13)."""
    name, _description, wanted, _columns = entry
    given = {}
    for item in el.findall("parameter"):
        key = (item.get("name") or "").strip()
        if key.casefold() == CALLING_CUSTOMER.casefold():
            continue        # the server adds the caller's own (A 2069)
        match = next((p for p in wanted if p.casefold() == key.lstrip("@").casefold()), None)
        if match is None:
            raise SimError(13, "'%s' is not a parameter of report '%s'. Its parameters: %s."
                           % (key, name, ", ".join(wanted)))
        given[match] = item.text or ""
    missing = [p for p in wanted if p not in given]
    if missing:
        raise SimError(13, "Procedure or function '%s' expects parameter '@%s', which was not supplied."
                       % (name, missing[0]))
    given[CALLING_CUSTOMER] = ctx.caller["customer_id"]
    return given


def _columns(el, entry):
    _name, _description, _wanted, columns = entry
    asked = [(c.text or "").strip() for c in el.findall("column")]
    if not asked:
        return list(columns)
    chosen = []
    for column in asked:
        match = next((c for c in columns if c[0].casefold() == column.casefold()), None)
        if match is None:
            raise SimError(13, "Invalid column name '%s'." % column)
        chosen.append(match)
    return chosen


def _timeout(el, ctx):
    text = text_of(el, "timeout")
    if text is None or text == "":
        timeout = DEFAULT_TIMEOUT_MS
    else:
        try:
            timeout = int(text)
        except ValueError:
            raise SimError(13, "<timeout> must be a whole number of milliseconds (0 = no timeout), not '%s'." % text)
        if timeout < 0:
            raise SimError(13, "<timeout> must not be negative (0 = no timeout): %s." % text)
    cost = int(ctx.store.config.get("report_query_ms") or 0)
    if timeout and cost > timeout:
        raise SimError(13, "Execution Timeout Expired. The timeout period elapsed prior to completion of the operation "
                           "or the server is not responding.")


def _format(el):
    """('xml', columnnames) or ('tsv', header); no <dataformat> is XML without column names."""
    fmt = el.find("dataformat")
    if fmt is None:
        return "xml", False
    kind = (fmt.text or "").strip().lower() or "xml"
    flag = fmt.get("columnnames") if kind == "xml" else fmt.get("header")
    if kind not in ("xml", "tsv"):
        raise SimError(13, "<dataformat> must be xml or tsv, not '%s'." % fmt.text)
    word = (flag or "false").strip().lower()
    if word not in ("true", "false", "yes", "no", "1", "0", "-1"):
        raise SimError(13, "The %s attribute of <dataformat> must be true or false, not '%s'."
                       % ("columnnames" if kind == "xml" else "header", flag))
    return kind, word in ("true", "yes", "1", "-1")


def _rows(ctx, entry, params, columns):
    pattern = like_regex(params["Name"])
    found = [rec for rec in ctx.visible_customers() if pattern.match(rec.get("name") or "")]
    found.sort(key=lambda rec: ((rec.get("name") or "").casefold(), rec["id"]))
    return [[column[2](ctx, rec) for column in columns] for rec in found]


def _text(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "True" if value else "False"
    return str(value)


def _tsv_field(value):
    text = _text(value)
    return "" if text is None else re.sub(r"[\t\r\n]", " ", text)


def _result(out, columns, rows, kind, names):
    result = sub(out, "result")
    for column in columns:
        sub(result, "column", column[0], type=column[1])
    if kind == "xml":
        for values in rows:
            row = sub(result, "row")
            for column, value in zip(columns, values):
                sub(row, column[0] if names else "column", _text(value))
        return
    lines = [[column[0] for column in columns]] if names else []
    lines.extend([_tsv_field(value) for value in values] for values in rows)
    text = "\r\n" + "".join("\t".join(line) + "\r\n" for line in lines)
    data = sub(result, "data")
    data.text = etree.CDATA(text) if "]]>" not in text else text


def report(ctx, el):
    read_only(ctx, "<report>", ("FIND", "GET"))
    if ctx.action == "FIND":
        return [_find_el(entry) for entry in REPORTS]
    name = text_of(el, "name")
    entry = _report_named(name)
    if entry is None:
        raise SimError(14, "The report '%s' was not found." % (name or ""))
    params = _parameters(el, entry, ctx)
    columns = _columns(el, entry)
    kind, names = _format(el)
    _timeout(el, ctx)
    out = etree.Element("report")
    sub(out, "name", entry[0])
    sub(out, "description", entry[1])
    _result(out, columns, _rows(ctx, entry, params, columns), kind, names)
    return [out]
