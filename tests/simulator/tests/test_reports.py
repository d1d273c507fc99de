"""<report>: FIND and GET (guide "Querying Data", A 2052-2325), XML and TSV, scope, columns, timeout, errors 13/14."""

import pytest
from ..system.report import like_regex
from .simhelp import E, error_of, req

STORED = "Customers with Stored Procedure"
QUERY = "Customers with Query"


def parameter(name, value):
    return E.parameter(value, name=name)


def get(sim, *children, **kwargs):
    return sim.call(req("GET", E.report(*children)), **kwargs)


def test_find_lists_the_reports_with_their_parameter_names(sim):
    status, root = sim.call(req("FIND", E.report()))
    assert status == 200
    reports = root.findall("report")
    assert [r.findtext("name") for r in reports] == [STORED, QUERY]
    for item in reports:
        assert [p.text for p in item.findall("parameters/parameter")] == ["Name"]
        assert item.find("description") is not None


def test_xml_with_column_names_is_the_guides_shape(sim):
    status, root = get(sim, E.name(STORED), parameter("Name", "%"), E.dataformat("xml", columnnames="true"))
    assert status == 200
    result = root.find("report/result")
    assert root.findtext("report/name") == STORED and root.find("report/description") is not None
    assert [(c.text, c.get("type")) for c in result.findall("column")] == [
        ("CustomerID", "int"), ("LocationID", "int"), ("Name", "nvarchar"), ("Label", "nvarchar"),
        ("BillingID", "nvarchar"), ("PrimaryDomain", "nvarchar"), ("StatusID", "int")]
    rows = result.findall("row")
    # ordered by name, like the guide's sample (CS before CSP)
    assert [r.findtext("Name") for r in rows] == ["DA", "Gsp", "OC"]
    da = rows[0]
    assert [c.tag for c in da] == ["CustomerID", "LocationID", "Name", "Label", "BillingID", "PrimaryDomain", "StatusID"]
    assert (da.findtext("CustomerID"), da.findtext("Label"), da.findtext("PrimaryDomain"), da.findtext("StatusID")) == \
        ("23", "Demo Also", "nervogrid.com", "1")
    assert da.find("BillingID").text is None     # NULL: an empty element, as in the guide


def test_xml_without_column_names_has_column_elements_in_order(sim):
    _status, root = get(sim, E.name(STORED), parameter("Name", "DA"), E.dataformat("xml"))
    row = root.find("report/result/row")
    assert [c.tag for c in row] == ["column"] * 7
    assert [c.text for c in row][:3] == ["23", "1", "DA"]
    _status, root = get(sim, E.name(STORED), parameter("Name", "DA"))     # no <dataformat>: the same
    assert [c.tag for c in root.find("report/result/row")] == ["column"] * 7


@pytest.mark.parametrize("header", [True, False])
def test_tsv_is_cdata_with_real_tabs(sim, header):
    status, root = get(sim, E.name(QUERY), E.timeout("0"), parameter("Name", "Gsp"),
                       E.dataformat("tsv", header="true" if header else "false"))
    assert status == 200
    columns = [c.text for c in root.findall("report/result/column")]
    assert len(columns) == 22 and columns[7] == "Created"
    assert root.find("report/result/row") is None
    wire = sim.raw(req("GET", E.report(E.name(QUERY), parameter("Name", "Gsp"), E.dataformat("tsv"))),
                   auth=("admin_Gsp", "Adm1n!Gsp")).content
    assert b"<data><![CDATA[\r\n1\tGsp\tGlobalsp\t" in wire          # CR LF on the wire; XML reads it as LF
    lines = root.findtext("report/result/data").split("\n")
    assert lines[0] == "" and lines[-1] == ""
    lines = lines[1:-1]
    if header:
        assert lines.pop(0).split("\t") == columns
    assert len(lines) == 1
    fields = lines[0].split("\t")
    assert len(fields) == 22
    assert fields[:3] == ["1", "Gsp", "Globalsp"]
    assert fields[columns.index("Created")] == "7/29/2012 8:36:22 PM"     # the guide's datetime form (A 2312)
    assert fields[columns.index("ParentID")] == ""                        # NULL


def test_columns_select_and_order(sim):
    _status, root = get(sim, E.name(QUERY), parameter("Name", "%"), E.column("name"), E.column("CustomerID"),
                        E.dataformat("xml", columnnames="true"))
    assert [c.text for c in root.findall("report/result/column")] == ["Name", "CustomerID"]
    assert [c.tag for c in root.find("report/result/row")] == ["Name", "CustomerID"]
    status, root = get(sim, E.name(QUERY), parameter("Name", "%"), E.column("Nope"))
    assert (status, error_of(root)) == (400, (13, "Invalid column name 'Nope'."))


def test_the_callers_scope_limits_the_rows(sim):
    _status, root = get(sim, E.name(STORED), parameter("Name", "%"), E.dataformat("xml", columnnames="true"),
                        user="admin_DA")
    assert [r.findtext("Name") for r in root.findall("report/result/row")] == ["DA"]
    # the caller cannot widen its scope with CallingCustomerID: the server uses its own
    _status, root = get(sim, E.name(STORED), parameter("Name", "%"), parameter("CallingCustomerID", "1"),
                        E.dataformat("xml", columnnames="true"), user="admin_DA")
    assert [r.findtext("Name") for r in root.findall("report/result/row")] == ["DA"]


def test_like_semantics(sim):
    assert like_regex("C%").match("csp") and not like_regex("C%").match("xc")
    assert like_regex("_A").match("DA") and not like_regex("_A").match("DDA")
    assert like_regex("[DO]%").match("OC") and not like_regex("[^DO]%").match("OC")
    assert like_regex("a.b").match("a.b") and not like_regex("a.b").match("axb")
    _status, root = get(sim, E.name(STORED), parameter("Name", "_C"), E.dataformat("xml", columnnames="true"))
    assert [r.findtext("Name") for r in root.findall("report/result/row")] == ["OC"]
    _status, root = get(sim, E.name(STORED), parameter("Name", "nothing%"))
    assert root.find("report/result/column") is not None and root.find("report/result/row") is None


def test_errors_14_and_13(sim):
    status, root = get(sim, E.name("Nope"), parameter("Name", "%"))
    assert (status, error_of(root)) == (400, (14, "The report 'Nope' was not found."))
    status, root = get(sim, parameter("Name", "%"))
    assert (status, error_of(root)[0]) == (400, 14)
    status, root = get(sim, E.name(STORED))
    assert (status, error_of(root)) == (400, (13, "Procedure or function 'Customers with Stored Procedure' expects "
                                                  "parameter '@Name', which was not supplied."))
    status, root = get(sim, E.name(STORED), parameter("Name", "%"), parameter("Colour", "red"))
    assert (status, error_of(root)[0]) == (400, 13)
    assert "'Colour' is not a parameter" in error_of(root)[1]
    status, root = get(sim, E.name(STORED), parameter("Name", "%"), E.timeout("soon"))
    assert (status, error_of(root)[0]) == (400, 13)
    status, root = get(sim, E.name(STORED), parameter("Name", "%"), E.dataformat("csv"))
    assert (status, error_of(root)[0]) == (400, 13)
    status, root = sim.call(req("SET", E.report(E.name(STORED))))
    assert (status, error_of(root)[0]) == (400, 5)


def test_timeout_against_the_query_time(sim):
    sim.config({"report_query_ms": 500})
    status, root = get(sim, E.name(STORED), parameter("Name", "%"), E.timeout("100"))
    assert (status, error_of(root)[0]) == (400, 13)
    assert "Timeout" in error_of(root)[1]
    for timeout in ("0", "1000"):
        status, _root = get(sim, E.name(STORED), parameter("Name", "%"), E.timeout(timeout))
        assert status == 200


@pytest.mark.parametrize("release", ["cpsm11", "cpsm10"])
def test_every_release_has_reports(sim, release):
    sim.config({"release": release})
    _status, root = sim.call(req("FIND", E.report()))
    assert len(root.findall("report")) == 2
