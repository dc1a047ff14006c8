"""Runs one go-informix conformance scenario with the informix-driver package.

Usage: python scenarios.py SCENARIO HOST:PORT [TYPES_TSV]

The driver (module informix_db) is used only through its public API. Every
check prints one JSON object on stdout:
{"scenario": ..., "check": ..., "ok": ..., "want": ..., "got": ...}. The
process exits 1 when a check failed and 2 when the scenario stopped on an
unexpected exception. Check names match jdbc/Scenarios.java, so
conformance_test.go knows which checks each scenario must report; where the
driver lacks a JDBC feature the closest equivalent is run under the same name
(noted at each such check).
"""

from __future__ import annotations

import datetime
import decimal
import json
import re
import struct
import sys
import time
import traceback

import informix_db

USER = "informix"
PASSWORD = "in4mix"
SERVER = "ifxtest"

decimal.getcontext().prec = 80


class Runner:
    """Holds the scenario name and the server address, and reports checks."""

    def __init__(self, scenario: str, addr: str, types_file: str | None):
        self.scenario = scenario
        host, port = addr.rsplit(":", 1)
        self.host, self.port = host, int(port)
        self.types_file = types_file
        self.failed = False

    def report(self, check: str, ok: bool, want: object, got: object) -> None:
        if not ok:
            self.failed = True
        print(json.dumps({"scenario": self.scenario, "check": check, "ok": bool(ok),
                          "want": str(want), "got": str(got)}, ensure_ascii=False), flush=True)

    def expect_equal(self, check: str, want: object, got: object) -> None:
        self.report(check, want == got, want, got)

    def expect_error(self, check: str, action, *codes: int) -> None:
        want = "error with sqlcode " + " or ".join(str(c) for c in codes)
        try:
            action()
        except informix_db.Error as e:
            self.report(check, getattr(e, "sqlcode", None) in codes, want, describe(e))
        else:
            self.report(check, False, want, "no exception")

    def open(self, database: str = "testdb", **kw) -> informix_db.Connection:
        if database == "utf8db":
            kw.setdefault("client_locale", "en_US.utf8")
            kw.setdefault("env", {"DB_LOCALE": "en_US.utf8"})
        kw.setdefault("autocommit", True)
        return informix_db.connect(self.host, self.port, user=kw.pop("user", USER),
                                   password=kw.pop("password", PASSWORD), database=database,
                                   server=SERVER, **kw)


def describe(e: BaseException) -> str:
    parts = [type(e).__name__]
    for attr in ("sqlcode", "isamcode"):
        if getattr(e, attr, None) is not None:
            parts.append(f"{attr}={getattr(e, attr)}")
    return " ".join(parts) + ": " + str(e).splitlines()[0] if str(e) else " ".join(parts)


def query_one(conn, sql: str, params=None):
    cur = conn.cursor()
    try:
        cur.execute(sql, params)
        row = cur.fetchone()
        return None if row is None else row[0]
    finally:
        cur.close()


def execute(conn, sql: str, params=None) -> int:
    cur = conn.cursor()
    try:
        cur.execute(sql, params)
        return cur.rowcount
    finally:
        cur.close()


# ---- scenarios ---------------------------------------------------------------


def connect(r: Runner) -> None:
    with r.open("testdb") as c:
        r.expect_equal("select 1", 1, query_one(c, "SELECT 1 FROM systables WHERE tabid = 1"))
        # informix-driver has no autocommit getter (JDBC's check reads
        # getAutoCommit); the equivalent: with autocommit on, a row inserted on
        # one connection is seen by another without a commit.
        execute(c, "CREATE TABLE conn_t (id INTEGER)")
        execute(c, "INSERT INTO conn_t VALUES (1)")
        with r.open("testdb") as other:
            r.expect_equal("autocommit on a logged database", 1, query_one(other, "SELECT COUNT(*) FROM conn_t"))


def wrong_password(r: Runner) -> None:
    # informix-driver reports a refused login (SL type CONREJ) as an
    # OperationalError "server rejected the connection: …" carrying the
    # longest printable run of the refusal; it decodes no sqlcode from it
    # (its _raise_from_rejection). So the check is the class and that text;
    # a -95x code, if the text names one, must be -951 or -952.
    want = "OperationalError: server rejected the connection"
    try:
        r.open("testdb", password="wrong-password").close()
    except informix_db.OperationalError as e:
        text = str(e)
        codes = re.findall(r"-9[0-9][0-9]\b", text)
        ok = text.startswith("server rejected the connection") and all(c in ("-951", "-952") for c in codes)
        r.report("login refused", ok, want, describe(e))
    except Exception as e:  # noqa: BLE001 - any other class is a failed check
        r.report("login refused", False, want, describe(e))
    else:
        r.report("login refused", False, want, "no exception")


def unknown_database(r: Runner) -> None:
    r.expect_error("database not found", lambda: r.open("nosuchdb").close(), -329)


# The ddl scenario's columns: name, SQL type, syscolumns coltype/collength.
# The values are the ones jdbc/Scenarios.java documents (TYPES.md §1.1, §1.2,
# §2.1, computed by hand there).
DDL_COLUMNS = [
    ("c_smallint", "SMALLINT", "1/2"), ("c_integer", "INTEGER", "2/4"),
    ("c_int8", "INT8", "17/10"), ("c_bigint", "BIGINT", "52/8"),
    ("c_serial", "SERIAL", "262/4"), ("c_smallfloat", "SMALLFLOAT", "4/4"),
    ("c_float", "FLOAT", "3/8"), ("c_decimal", "DECIMAL(5,2)", "5/1282"),
    ("c_decfloat", "DECIMAL(16)", "5/4351"), ("c_money", "MONEY(16,2)", "8/4098"),
    ("c_date", "DATE", "7/4"), ("c_datetime", "DATETIME YEAR TO SECOND", "10/3594"),
    ("c_interval_df", "INTERVAL DAY(9) TO FRACTION(5)", "14/5199"),
    ("c_interval_ym", "INTERVAL YEAR(9) TO MONTH", "14/2818"),
    ("c_char", "CHAR(10)", "0/10"), ("c_nchar", "NCHAR(10)", "15/10"),
    ("c_varchar", "VARCHAR(255,10)", "13/2815"), ("c_nvarchar", "NVARCHAR(100)", "16/100"),
    ("c_lvarchar", "LVARCHAR(32000)", "40/32000"), ("c_boolean", "BOOLEAN", "41/1"),
    ("c_notnull", "INTEGER NOT NULL", "258/4"),
]


def catalog(c, table: str) -> dict:
    cur = c.cursor()
    try:
        cur.execute("SELECT c.colname, c.coltype, c.collength FROM syscolumns c, systables t"
                    " WHERE t.tabname = ? AND c.tabid = t.tabid ORDER BY c.colno", (table,))
        return {name.strip(): f"{t}/{n}" for name, t, n in cur.fetchall()}
    finally:
        cur.close()


def ddl(r: Runner) -> None:
    with r.open("testdb") as c:
        cols = ", ".join(f"{n} {t}" for n, t, _ in DDL_COLUMNS)
        execute(c, f"CREATE TABLE ddl_all ({cols})")
        r.report("create table", True, "created", "created")
        execute(c, "CREATE TABLE ddl_s8 (c_serial8 SERIAL8)")
        execute(c, "CREATE TABLE ddl_bs (c_bigserial BIGSERIAL)")
        got = catalog(c, "ddl_all") | catalog(c, "ddl_s8") | catalog(c, "ddl_bs")
        for name, _, want in DDL_COLUMNS:
            r.expect_equal("column " + name, want, got.get(name))
        r.expect_equal("column c_serial8", "274/10", got.get("c_serial8"))
        r.expect_equal("column c_bigserial", "309/8", got.get("c_bigserial"))
        execute(c, "CREATE UNIQUE INDEX ddl_all_ix ON ddl_all (c_integer, c_char)")
        r.expect_equal("unique index in sysindexes", 1, query_one(
            c, "SELECT COUNT(*) FROM sysindexes WHERE idxname = 'ddl_all_ix' AND idxtype = 'U'"))
        execute(c, "DROP TABLE ddl_all")
        r.expect_error("dropped table is gone", lambda: query_one(c, "SELECT * FROM ddl_all"), -206)


def big_select(r: Runner) -> None:
    with r.open("testdb") as c:
        execute(c, "CREATE TABLE big_digits (d INTEGER)")
        cur = c.cursor()
        cur.executemany("INSERT INTO big_digits VALUES (?)", [(d,) for d in range(10)])
        cur.close()
        execute(c, "CREATE TABLE big_rows (n INTEGER, label VARCHAR(20))")
        n = "a.d * 10000 + b.d * 1000 + e.d * 100 + f.d * 10 + g.d"
        inserted = execute(c, f"INSERT INTO big_rows SELECT {n}, 'row ' || ({n})"
                              " FROM big_digits a, big_digits b, big_digits e, big_digits f, big_digits g")
        r.expect_equal("insert 100000 rows", 100000, inserted)
        cur = c.cursor()
        cur.execute("SELECT n, label FROM big_rows ORDER BY n")
        count = total = 0
        ordered = labels = True
        for v, label in cur:
            ordered &= v == count
            labels &= label == f"row {v}"
            count += 1
            total += v
        cur.close()
        r.expect_equal("row count", 100000, count)
        r.expect_equal("sum of n", 4999950000, total)
        r.expect_equal("rows in order", True, ordered)
        r.expect_equal("labels", True, labels)


def dml_counts(r: Runner) -> None:
    # informix-driver exposes no generated serial (no lastrowid); the closest
    # equivalent is the server's own record of it, DBINFO('sqlca.sqlerrd1') for
    # SERIAL and DBINFO('serial8') / DBINFO('bigserial') for the others (IBM
    # SQL syntax guide, DBINFO options).
    one = " FROM systables WHERE tabid = 1"
    with r.open("testdb") as c:
        execute(c, "CREATE TABLE dml_rows (id SERIAL, grp INTEGER, note VARCHAR(20))")
        execute(c, "CREATE TABLE dml_s8 (id SERIAL8, note VARCHAR(20))")
        execute(c, "CREATE TABLE dml_bs (id BIGSERIAL, note VARCHAR(20))")
        for i in range(1, 6):
            execute(c, f"INSERT INTO dml_rows (grp, note) VALUES ({i % 2}, 'r{i}')")
        r.expect_equal("serial of fifth insert", 5, query_one(c, "SELECT DBINFO('sqlca.sqlerrd1')" + one))
        execute(c, "INSERT INTO dml_rows (id, grp, note) VALUES (100, 9, 'explicit')")
        execute(c, "INSERT INTO dml_rows (grp, note) VALUES (9, 'after explicit')")
        r.expect_equal("serial after explicit 100", 101, query_one(c, "SELECT DBINFO('sqlca.sqlerrd1')" + one))
        execute(c, "INSERT INTO dml_s8 (note) VALUES ('a')")
        execute(c, "INSERT INTO dml_s8 (note) VALUES ('b')")
        r.expect_equal("serial8 of second insert", 2, query_one(c, "SELECT DBINFO('serial8')" + one))
        execute(c, "INSERT INTO dml_bs (id, note) VALUES (41, 'a')")
        execute(c, "INSERT INTO dml_bs (note) VALUES ('b')")
        r.expect_equal("bigserial after explicit 41", 42, query_one(c, "SELECT DBINFO('bigserial')" + one))
        execute(c, "INSERT INTO dml_rows (grp, note) VALUES (3, ?)", ("keys",))
        r.expect_equal("generated key", 102, query_one(c, "SELECT DBINFO('sqlca.sqlerrd1')" + one))
        execute(c, "INSERT INTO dml_s8 (note) VALUES (?)", ("keys",))
        r.expect_equal("generated key serial8", 3, query_one(c, "SELECT DBINFO('serial8')" + one))
        execute(c, "INSERT INTO dml_bs (note) VALUES (?)", ("keys",))
        r.expect_equal("generated key bigserial", 43, query_one(c, "SELECT DBINFO('bigserial')" + one))
        r.expect_equal("update count", 3, execute(c, "UPDATE dml_rows SET note = 'odd' WHERE grp = 1"))
        r.expect_equal("update no rows", 0, execute(c, "UPDATE dml_rows SET note = 'x' WHERE grp = 7"))
        r.expect_equal("delete count", 2, execute(c, "DELETE FROM dml_rows WHERE grp = 0"))
        r.expect_equal("rows left", 6, query_one(c, "SELECT COUNT(*) FROM dml_rows"))


def errors(r: Runner) -> None:
    with r.open("testdb") as c:
        # A constraint, not a unique index: a logged database reports a
        # violated unique or primary-key constraint as -268 (4Js's migration
        # notes: -239 only without logging).
        execute(c, "CREATE TABLE err_t (id INTEGER, v VARCHAR(10) NOT NULL, PRIMARY KEY (id))")
        execute(c, "INSERT INTO err_t VALUES (1, 'one')")
        r.expect_error("syntax error", lambda: execute(c, "SELEC id FROM err_t"), -201)
        r.expect_error("no such table", lambda: query_one(c, "SELECT * FROM no_such_table"), -206)
        want = "error -268 with ISAM -100"
        try:
            execute(c, "INSERT INTO err_t VALUES (1, 'again')")
        except informix_db.Error as e:
            ok = getattr(e, "sqlcode", None) == -268 and getattr(e, "isamcode", None) == -100
            r.report("unique violation", ok, want, describe(e))
        else:
            r.report("unique violation", False, want, "no exception")
        r.expect_error("null into not null", lambda: execute(c, "INSERT INTO err_t (id) VALUES (2)"), -391)
        r.expect_equal("usable after errors", 1, query_one(c, "SELECT COUNT(*) FROM err_t"))


def transactions(r: Runner) -> None:
    # Savepoints: informix-driver has no savepoint API; SQL SAVEPOINT and
    # ROLLBACK TO SAVEPOINT are its equivalent of JDBC's setSavepoint.
    with r.open("testdb") as setup:
        execute(setup, "CREATE TABLE tx_t (id INTEGER)")
    with r.open("testdb", autocommit=False) as c:
        execute(c, "INSERT INTO tx_t VALUES (1)")
        c.rollback()
        r.expect_equal("rollback discards", 0, query_one(c, "SELECT COUNT(*) FROM tx_t"))
        execute(c, "INSERT INTO tx_t VALUES (2)")
        c.commit()
        r.expect_equal("commit keeps", 1, query_one(c, "SELECT COUNT(*) FROM tx_t"))
        execute(c, "INSERT INTO tx_t VALUES (3)")
        execute(c, "SAVEPOINT sp1")
        execute(c, "INSERT INTO tx_t VALUES (4)")
        execute(c, "ROLLBACK WORK TO SAVEPOINT sp1")
        c.commit()
        r.expect_equal("rollback to savepoint", 5, query_one(c, "SELECT SUM(id) FROM tx_t"))
        c.commit()
    with r.open("testdb") as other:
        r.expect_equal("committed rows seen by another session", 2,
                       query_one(other, "SELECT COUNT(*) FROM tx_t"))


def nolog(r: Runner) -> None:
    with r.open("nologdb") as c:
        execute(c, "CREATE TABLE nl_t (id INTEGER)")
        execute(c, "INSERT INTO nl_t VALUES (1)")
        r.expect_equal("autocommit insert and select", 1, query_one(c, "SELECT COUNT(*) FROM nl_t"))
    # JDBC refuses setAutoCommit(false) here (-79744, client side).
    # informix-driver instead sends SQ_BEGIN before the first statement with
    # autocommit off; its source says a server without logging answers -201,
    # so the first statement fails with that code.
    with r.open("nologdb", autocommit=False) as c:
        r.expect_error("begin transaction refused", lambda: execute(c, "INSERT INTO nl_t VALUES (2)"), -201)
    with r.open("nologdb") as c:
        r.expect_error("begin work refused", lambda: execute(c, "BEGIN WORK"), -256)
        r.expect_equal("usable after refusal", 1, query_one(c, "SELECT COUNT(*) FROM nl_t"))


def batch(r: Runner) -> None:
    # executemany is informix-driver's counterpart of JDBC's executeBatch.
    with r.open("testdb") as c:
        execute(c, "CREATE TABLE batch_t (id INTEGER, v VARCHAR(20))")
        cur = c.cursor()
        cur.executemany("INSERT INTO batch_t VALUES (?, ?)", [(i, f"v{i}") for i in range(1000)])
        r.expect_equal("batch update counts", 1000, cur.rowcount)
        cur.close()
        r.expect_equal("rows inserted", 1000, query_one(c, "SELECT COUNT(*) FROM batch_t"))
        r.expect_equal("sum of ids", 499500, query_one(c, "SELECT SUM(id) FROM batch_t"))


def cancel(r: Runner) -> None:
    # informix-driver has no cancel call; its equivalent is read_timeout,
    # which gives up on the statement and drops the connection.
    c = r.open("testdb", read_timeout=1.0)
    start = time.monotonic()
    try:
        execute(c, "EXECUTE PROCEDURE ifxtest_sleep(5)")
        r.report("interrupted", False, "OperationalError: timed out", "no exception")
    except informix_db.OperationalError as e:
        r.report("interrupted", "timed out" in str(e), "OperationalError: timed out", describe(e))
    except Exception as e:  # noqa: BLE001 - any other class is a failed check
        r.report("interrupted", False, "OperationalError: timed out", describe(e))
    ms = int((time.monotonic() - start) * 1000)
    r.report("interrupt is prompt", ms < 4000, "under 4000 ms", f"{ms} ms")
    c.close()
    # The timed-out connection is gone; the server must still serve a new one.
    with r.open("testdb") as again:
        r.expect_equal("usable after interrupt", 1, query_one(again, "SELECT 1 FROM systables WHERE tabid = 1"))


# ---- non-string values bound to character parameters ---------------------------

# The rows of the varchar_params scenario (jdbc/VarcharParams.java ROWS):
# id, check name (JDBC's setter; here the Python value closest to it), the
# value bound to v, nv, nc and lv, and the text each must read back.
# informix-driver binds each Python type with its own type code (int as
# INTEGER or BIGINT, Decimal as DECIMAL, float as FLOAT, datetime as
# DATETIME, str and None as CHAR; see varchar_params.golden), so the server
# converts the value to text, and the text is the server's: Informix writes
# integers and decimals in their literal form, a float too unless it is very
# large or small (IBM ESQL/C, "Convert numbers and strings"; 1.5 as "1.5" is
# [I]), and a DATETIME in the literal form of its qualifier (IBM, Guide to
# SQL: Reference, DATETIME literals). informix-driver binds a datetime
# without microseconds as DATETIME YEAR TO SECOND (precision 0e 0a in the
# golden), hence no fraction. The driver strips NCHAR's blank padding (its
# _decode_char), so nc reads back as v does.
VARCHAR_ROWS = [
    (1, "setInt", 100, "100"),
    (2, "setLong", 1234567890123, "1234567890123"),
    (3, "setBigDecimal", decimal.Decimal("-123.45"), "-123.45"),
    (4, "setDouble", 1.5, "1.5"),
    (5, "setTimestamp", datetime.datetime(2024, 2, 29, 13, 45, 30), "2024-02-29 13:45:30"),
    (6, "setString", "text", "text"),
    (7, "setNull", None, None),
]


def varchar_params(r: Runner) -> None:
    with r.open("testdb") as c:
        execute(c, "CREATE TABLE vp_t (id INTEGER, v VARCHAR(30), nv NVARCHAR(30), nc NCHAR(30),"
                   " lv LVARCHAR(100))")
        errs = {}
        for i, _, value, _ in VARCHAR_ROWS:
            try:
                execute(c, "INSERT INTO vp_t VALUES (?, ?, ?, ?, ?)", (i, value, value, value, value))
            except informix_db.Error as e:
                errs[i] = "insert failed: " + describe(e)
        cur = c.cursor()
        cur.execute("SELECT id, v, nv, nc, lv FROM vp_t ORDER BY id")
        rows = {row[0]: row[1:] for row in cur.fetchall()}
        cur.close()
        for i, check, _, want in VARCHAR_ROWS:
            got = errs.get(i) or rows.get(i, "row not read back")
            r.expect_equal(check, (want,) * 4, got)
        # informix-driver binds the 100 as INTEGER where JDBC binds the text
        # '100'; vp_w holds only numbers written plainly, so comparing as
        # text or as numbers selects the same row.
        execute(c, "CREATE TABLE vp_w (id INTEGER, v VARCHAR(30))")
        for i, v in ((1, "100"), (2, "99"), (3, "1000")):
            execute(c, f"INSERT INTO vp_w VALUES ({i}, '{v}')")
        cur = c.cursor()
        cur.execute("SELECT id FROM vp_w WHERE v = ? ORDER BY id", (100,))
        got = ",".join(str(i) for (i,) in cur.fetchall())
        cur.close()
        r.expect_equal("where v = setInt", "1", got)


# ---- every scalar type ---------------------------------------------------------


def load_cases(path: str) -> list[dict]:
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            k = {"id": int(fields[0]), "db": fields[1], "table": fields[2], "type": fields[3],
                 "value": expand(fields[4])}
            k["expect"] = expand_expect(fields[5], k) if len(fields) > 5 else k["value"]
            cases.append(k)
    return cases


def expand(v: str) -> str:
    if v == "@empty":
        return ""
    m = re.fullmatch(r"@repeat\((\d+),(.*)\)", v)
    return m.group(2) * int(m.group(1)) if m else v


def expand_expect(e: str, k: dict) -> str:
    m = re.fullmatch(r"@pad\((\d+)\)", e)
    if not m:
        return expand(e)
    enc = "utf-8" if k["db"] == "utf8db" else "iso-8859-1"
    return k["value"] + " " * (int(m.group(1)) - len(k["value"].encode(enc)))


UNITS = {"YEAR": 0, "MONTH": 2, "DAY": 4, "HOUR": 6, "MINUTE": 8, "SECOND": 10}


def interval_value(v: str, sqltype: str):
    """Turns an Informix INTERVAL literal into the driver's bind type."""
    neg = v.startswith("-")
    body = v.lstrip("-")
    if "TO MONTH" in sqltype:
        y, m = body.split("-")
        months = int(y) * 12 + int(m)
        return informix_db.IntervalYM(-months if neg else months)
    start = sqltype.split()[1].split("(")[0]
    days, rest = (body.split(" ", 1) + [""])[:2] if start == "DAY" else ("0", body)
    hms, _, frac = rest.partition(".")
    parts = [int(p) for p in hms.split(":")] if hms else []
    h, mi, s = (parts + [0, 0, 0])[:3]
    micros = int((frac + "000000")[:6]) if frac else 0
    td = datetime.timedelta(days=int(days), hours=h, minutes=mi, seconds=s, microseconds=micros)
    return -td if neg else td


def native(k: dict, v: str):
    """The Python value informix-driver binds and reads back for a case."""
    t = k["type"].upper()
    if v == "NULL":
        return None
    if t in ("SMALLINT", "INTEGER", "INT8", "BIGINT", "SERIAL", "SERIAL8", "BIGSERIAL"):
        return int(v)
    if t in ("SMALLFLOAT", "FLOAT"):
        return float(v)
    if t.startswith(("DECIMAL", "MONEY")):
        return decimal.Decimal(v)
    if t == "DATE" or t == "DATETIME YEAR TO DAY":
        return datetime.date.fromisoformat(v)
    if t.startswith("DATETIME YEAR"):
        return datetime.datetime.fromisoformat(v.ljust(26, "0") if "." in v else v)
    if t.startswith("INTERVAL"):
        return interval_value(v, t)
    if t == "BOOLEAN":
        return v == "t"
    return v


def read_value(k: dict, v: str):
    """What the driver is expected to return for a case (its own types)."""
    t = k["type"].upper()
    if v == "NULL":
        return None
    if t == "DATETIME MONTH TO DAY":
        month, day = v.split("-")
        return datetime.date(1, int(month), int(day))
    if t.startswith("DATETIME HOUR"):
        return datetime.time.fromisoformat(v)
    if t == "SMALLFLOAT":
        return struct.unpack("!f", struct.pack("!f", float(v)))[0]
    if t.startswith(("CHAR", "NCHAR")):
        return v.rstrip(" ")  # the driver strips CHAR's blank padding (its _decode_char)
    return native(k, v)


def bind_value(k: dict):
    t = k["type"].upper()
    if k["value"] != "NULL" and (t == "DATETIME MONTH TO DAY" or t.startswith("DATETIME HOUR")):
        return k["value"]  # no native bind type: sent as text for the server to convert
    return native(k, k["value"])


def types(r: Runner) -> None:
    # One connection per table, so that a value the driver cannot decode
    # (which leaves its stream out of step) costs only that table's checks.
    tables: dict = {}
    for k in load_cases(r.types_file):
        tables.setdefault(k["table"], []).append(k)
    for group in tables.values():
        with r.open(group[0]["db"]) as c:
            type_table(r, c, group)


def type_table(r: Runner, c, group: list[dict]) -> None:
    table = group[0]["table"]
    try:
        execute(c, f"CREATE TABLE {table} (id INTEGER, v {group[0]['type']})")
        r.report("create " + table, True, "created", "created")
    except informix_db.Error as e:
        r.report("create " + table, False, "created", describe(e))
        return
    errs = {}
    for k in group:
        try:
            execute(c, f"INSERT INTO {table} VALUES (?, ?)", (k["id"], bind_value(k)))
        except Exception as e:  # noqa: BLE001 - reported per case
            errs[k["id"]] = "insert failed: " + describe(e)
    rows = {}
    select_failed = False
    try:
        cur = c.cursor()
        cur.execute(f"SELECT id, v FROM {table} ORDER BY id")
        rows = {i: v for i, v in cur.fetchall()}
        cur.close()
    except Exception as e:  # noqa: BLE001 - a decode failure is reported, the scenario goes on
        r.report("rows " + table, False, f"{len(group)} rows", describe(e))
        select_failed = True
    for k in group:
        err = errs.get(k["id"])
        if err is None:
            if k["id"] not in rows:
                err = "row not read back"
            else:
                want, got = read_value(k, k["expect"]), rows[k["id"]]
                if want != got or type(want) is not type(got):
                    err = f"want {short(want)}, got {short(got)}"
        r.report(f"case {k['id']}", err is None, f"{k['type']} {short(k['expect'])}", err or "equal")
    if not select_failed:
        r.expect_equal("rows " + table, len(group), len(rows))


def short(v: object) -> str:
    s = repr(v)
    return s if len(s) <= 60 else s[:60] + f"…({len(s)} chars)"


SCENARIOS = {
    "connect": connect, "wrong_password": wrong_password, "unknown_database": unknown_database,
    "ddl": ddl, "types": types, "big_select": big_select, "dml_counts": dml_counts,
    "errors": errors, "transactions": transactions, "nolog": nolog, "batch": batch,
    "cancel": cancel, "varchar_params": varchar_params,
}


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] not in SCENARIOS:
        print("usage: scenarios.py SCENARIO HOST:PORT [TYPES_TSV]; scenarios: "
              + " ".join(SCENARIOS), file=sys.stderr)
        return 64
    r = Runner(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    try:
        SCENARIOS[r.scenario](r)
    except Exception as e:  # noqa: BLE001 - reported as a failed check
        r.report("unexpected exception", False, "no exception", describe(e))
        traceback.print_exc()
        return 2
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
