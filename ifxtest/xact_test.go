package ifxtest

import (
	"testing"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// txServer starts a server with one database of each logging mode.
func txServer(t *testing.T) *Server {
	t.Helper()
	return startServer(t, Config{Databases: []Database{
		{Name: "logged", Logging: UnbufferedLogging},
		{Name: "ansidb", Logging: ANSI},
		{Name: "plain", Logging: NoLogging},
	}})
}

// rowCount returns count(*) of table t.
func (c *testClient) rowCount(table string) int64 {
	c.t.Helper()
	_, rows := c.query("select count(*) from " + table)
	return asInt(c.t, rows[0][0])
}

// asInt returns an integer result, which the engine may describe as an
// integer type or as a DECIMAL (COUNT(*)), as an int64.
func asInt(t *testing.T, v any) int64 {
	t.Helper()
	switch x := v.(type) {
	case int64:
		return x
	case ifxtype.Decimal:
		n, err := x.Int64()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	t.Fatalf("%T %v is not an integer", v, v)
	return 0
}

// xact sends one transaction message and returns its SQ_ERR code, 0 if none.
func (c *testClient) xact(m sqli.Message) int16 {
	c.t.Helper()
	ans := c.roundTrip(m)
	if e := findErr(ans); e != nil {
		return e.SQLCode
	}
	if len(ans) != 0 {
		c.t.Fatalf("%v answered %v, want SQ_EOT alone", m.Tag(), tags(ans))
	}
	return 0
}

func TestTransactionsLogged(t *testing.T) {
	c := connect(t, txServer(t), "logged")
	c.mustExec("create table t (i integer)")
	// The message forms JDBC 15.0.0.1.1 sends: SQ_BEGIN, SQ_CMMTWORK, and
	// SQ_RBWORK with its i16 0 (seen in its traffic; SQLI.md §6.18).
	if code := c.xact(&sqli.Begin{}); code != 0 {
		t.Fatalf("BEGIN: %d", code)
	}
	if code := c.xact(&sqli.Begin{}); code != -535 {
		t.Errorf("BEGIN in a transaction: %d, want -535", code)
	}
	c.mustExec("insert into t values (1)")
	if code := c.xact(&sqli.RollbackWork{}); code != 0 {
		t.Fatalf("ROLLBACK: %d", code)
	}
	if n := c.rowCount("t"); n != 0 {
		t.Errorf("%d rows after ROLLBACK, want 0", n)
	}
	c.xact(&sqli.Begin{})
	c.mustExec("insert into t values (2)")
	if code := c.xact(&sqli.SetSavepoint{Name: "a"}); code != 0 {
		t.Fatalf("SAVEPOINT: %d", code)
	}
	c.mustExec("insert into t values (3)")
	if code := c.xact(&sqli.RollbackSavepoint{Name: "a"}); code != 0 {
		t.Fatalf("ROLLBACK TO SAVEPOINT: %d", code)
	}
	if code := c.xact(&sqli.ReleaseSavepoint{Name: "a"}); code != 0 {
		t.Fatalf("RELEASE SAVEPOINT: %d", code)
	}
	if code := c.xact(&sqli.CommitWork{}); code != 0 {
		t.Fatalf("COMMIT: %d", code)
	}
	if n := c.rowCount("t"); n != 1 {
		t.Errorf("%d rows after the savepoint rollback and COMMIT, want 1", n)
	}
	if code := c.xact(&sqli.CommitWork{}); code != -255 {
		t.Errorf("COMMIT outside a transaction: %d, want -255", code)
	}
	// The SQL forms run through the engine.
	c.mustExec("begin work")
	c.mustExec("insert into t values (4)")
	c.mustExec("rollback work")
	if n := c.rowCount("t"); n != 1 {
		t.Errorf("%d rows after ROLLBACK WORK, want 1", n)
	}
}

func TestTransactionsANSI(t *testing.T) {
	c := connect(t, txServer(t), "ansidb")
	c.mustExec("create table t (i integer)")
	c.xact(&sqli.CommitWork{})
	// A transaction is always open: no BEGIN, ROLLBACK undoes the insert.
	c.mustExec("insert into t values (1)")
	if code := c.xact(&sqli.RollbackWork{}); code != 0 {
		t.Fatalf("ROLLBACK: %d", code)
	}
	if n := c.rowCount("t"); n != 0 {
		t.Errorf("%d rows after ROLLBACK, want 0", n)
	}
	c.mustExec("insert into t values (2)")
	if code := c.xact(&sqli.CommitWork{}); code != 0 {
		t.Fatalf("COMMIT: %d", code)
	}
	if n := c.rowCount("t"); n != 1 {
		t.Errorf("%d rows after COMMIT, want 1", n)
	}
}

func TestTransactionsNoLogging(t *testing.T) {
	c := connect(t, txServer(t), "plain")
	c.mustExec("create table t (i integer)")
	// informix-driver, tested against Informix 15, reports that the
	// server answers the SQ_BEGIN message with -201 in a database without
	// logging (its connections.py); the SQL BEGIN WORK gets -256.
	if code := c.xact(&sqli.Begin{}); code != -201 {
		t.Errorf("SQ_BEGIN without logging: %d, want -201", code)
	}
	if e := c.expectErr(c.exec("begin work")); e.SQLCode != -256 {
		t.Errorf("BEGIN WORK without logging: %d, want -256", e.SQLCode)
	}
	// Statements still run, each on its own.
	c.mustExec("insert into t values (1)")
	if n := c.rowCount("t"); n != 1 {
		t.Errorf("%d rows, want 1", n)
	}
}

// TestCursorClosedAtCommit checks that COMMIT closes a cursor not opened
// WITH HOLD and keeps one that was (SQLI.md §6.15).
func TestCursorClosedAtCommit(t *testing.T) {
	c := connect(t, txServer(t), "logged")
	c.mustExec("create table t (i integer, c char(20))")
	c.insertRows("t", 0, 10)
	plain := c.prepare("select i from t", 0)
	held := c.prepare("select i from t", 0)
	c.xact(&sqli.Begin{})
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: plain.StatementID}, &sqli.CurName{Name: "a"}, &sqli.Open{}))
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: held.StatementID}, &sqli.CurName{Name: "b"}, &sqli.Hold{}, &sqli.Open{}))
	c.xact(&sqli.CommitWork{})
	ans := c.roundTrip(&sqli.ID{StatementID: plain.StatementID}, &sqli.NFetch{BufferSize: 4096})
	if e := c.expectErr(ans); e.SQLCode != -400 {
		t.Errorf("fetch after COMMIT: %d, want -400", e.SQLCode)
	}
	ans = c.expectOK(c.roundTrip(&sqli.ID{StatementID: held.StatementID}, &sqli.NFetch{BufferSize: 4096}))
	if n := count(ans, sqli.TagTuple); n != 10 {
		t.Errorf("WITH HOLD cursor after COMMIT: %d rows, want 10", n)
	}
}
