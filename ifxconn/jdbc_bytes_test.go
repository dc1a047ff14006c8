package ifxconn

import (
	"context"
	"testing"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// The tests of this file run, with a Conn against ifxtest, the operations
// of IBM JDBC 15.0.0.1.1's conformance scenarios (conformance/jdbc/
// Scenarios.java) and require the driver's client-to-server bytes to equal
// JDBC's golden transcripts (conformance/testdata/jdbc). Both sides are
// rendered by internal/transcript, which masks the only fields that
// legitimately differ between clients and runs, all in the login packet
// (SQLI.md §3.2 fields 27–28): the packet length {len}, which follows from
// the masked fields; the process id {pid}; the thread id {thread}; the
// host name {host}; the current directory {cwd}; and the SQ_ASCMISC_60
// string {misc} (JDBC's thread and jar description, our AppName). The
// server's bytes are compared too: the same requests must get the same
// answers.

// jdbcServer starts an ifxtest server holding the conformance databases,
// recording every connection.
func jdbcServer(t *testing.T) (*ifxtest.Server, *memWireLog) {
	t.Helper()
	log := newMemWireLog()
	srv := startServer(t, ifxtest.Config{WireLog: log, Databases: []ifxtest.Database{
		{Name: "testdb", Logging: ifxtest.UnbufferedLogging},
		{Name: "nologdb", Logging: ifxtest.NoLogging},
		{Name: "utf8db", Logging: ifxtest.BufferedLogging, Locale: "en_US.utf8"},
	}})
	return srv, log
}

// queryInt runs sql like JDBC's Statement.executeQuery and returns the
// first column of the first row.
func queryInt(t *testing.T, c *Conn, sql string) int64 {
	t.Helper()
	rows := queryAll(t, c, sql)
	if len(rows) == 0 {
		t.Fatalf("%q returned no row", sql)
	}
	switch v := rows[0][0].(type) {
	case int64:
		return v
	case ifxtype.Decimal:
		n, err := v.Int64()
		if err != nil {
			t.Fatal(err)
		}
		return n
	default:
		t.Fatalf("%q returned %T %v", sql, v, v)
	}
	return 0
}

// execute runs sql like JDBC's Statement.execute of a statement without
// rows: SQ_PREPARE, then SQ_EXECUTE, then SQ_RELEASE.
func execute(t *testing.T, c *Conn, sql string) {
	t.Helper()
	ctx := context.Background()
	s, err := c.Prepare(ctx, sql)
	if err != nil {
		t.Fatalf("Prepare %q: %v", sql, err)
	}
	if _, err := s.Exec(ctx, nil); err != nil {
		t.Fatalf("Exec %q: %v", sql, err)
	}
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestJDBCBytesConnect: the connect scenario (login, SQ_PROTOCOLS,
// SQ_INFO, SQ_DBOPEN, the GL_COLLATE lookup, one query, SQ_EXIT).
func TestJDBCBytesConnect(t *testing.T) {
	srv, log := jdbcServer(t)
	c := connect(t, jdbcConfig(srv, "testdb"))
	if got := queryInt(t, c, "SELECT 1 FROM systables WHERE tabid = 1"); got != 1 {
		t.Errorf("select 1 = %d", got)
	}
	c.Close()
	srv.Close() // waits until the server has logged its last byte
	compareTranscripts(t, goldenConnections(t, "jdbc/connect.golden")[0], log.transcriptOf(t, 1))
}

// TestJDBCBytesTransactions: the transactions scenario up to its first
// savepoint (ifxconn has no savepoint call): a DDL statement, Begin, an
// INSERT with the lazy SQ_BEGIN, Rollback, queries and INSERTs in new
// transactions, Commit.
func TestJDBCBytesTransactions(t *testing.T) {
	srv, log := jdbcServer(t)
	c := connect(t, jdbcConfig(srv, "testdb"))
	ctx := context.Background()
	tx := func(f func(context.Context) error) {
		t.Helper()
		if err := f(ctx); err != nil {
			t.Fatal(err)
		}
	}
	execute(t, c, "CREATE TABLE tx_t (id INTEGER)")
	tx(c.Begin)
	execute(t, c, "INSERT INTO tx_t VALUES (1)")
	tx(c.Rollback)
	tx(c.Begin)
	if n := queryInt(t, c, "SELECT COUNT(*) FROM tx_t"); n != 0 {
		t.Errorf("rollback discards: count %d", n)
	}
	execute(t, c, "INSERT INTO tx_t VALUES (2)")
	tx(c.Commit)
	tx(c.Begin)
	if n := queryInt(t, c, "SELECT COUNT(*) FROM tx_t"); n != 1 {
		t.Errorf("commit keeps: count %d", n)
	}
	execute(t, c, "INSERT INTO tx_t VALUES (3)")
	c.Close()
	srv.Close()
	want := goldenConnections(t, "jdbc/transactions.golden")[0]
	cut := 0
	for i, l := range want {
		if len(l) > 16 && l[:16] == "C SQ_SQLISETSVPT" {
			cut = i
			break
		}
	}
	if cut == 0 {
		t.Fatal("no savepoint in transactions.golden")
	}
	got := log.transcriptOf(t, 1)
	compareTranscripts(t, want[:cut], got[:min(cut, len(got))])
}

// TestJDBCBytesBigSelect: the big_select scenario: prepared INSERTs with
// an INTEGER bind (SQ_CIDESCRIBE first), SQ_COMMAND for an INSERT …
// SELECT of 100 000 rows, and a query over them in 500 fetch batches with
// SQ_RET_TYPE for its VARCHAR column.
func TestJDBCBytesBigSelect(t *testing.T) {
	srv, log := jdbcServer(t)
	c := connect(t, jdbcConfig(srv, "testdb"))
	ctx := context.Background()
	create, err := c.Prepare(ctx, "CREATE TABLE big_digits (d INTEGER)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := create.Exec(ctx, nil); err != nil {
		t.Fatal(err)
	}
	ins, err := c.Prepare(ctx, "INSERT INTO big_digits VALUES (?)")
	if err != nil {
		t.Fatal(err)
	}
	for d := range int32(10) {
		if _, err := ins.Exec(ctx, []Param{{Type: sqli.TypeInteger, Value: d}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []*Stmt{ins, create} {
		if err := s.Close(ctx); err != nil {
			t.Fatal(err)
		}
	}
	execute(t, c, "CREATE TABLE big_rows (n INTEGER, label VARCHAR(20))")
	n := "a.d * 10000 + b.d * 1000 + e.d * 100 + f.d * 10 + g.d"
	res := mustExec(t, c, "INSERT INTO big_rows SELECT "+n+", 'row ' || ("+n+")"+
		" FROM big_digits a, big_digits b, big_digits e, big_digits f, big_digits g")
	if res.RowsAffected != 100000 {
		t.Errorf("insert 100000 rows: %d", res.RowsAffected)
	}
	rows := queryAll(t, c, "SELECT n, label FROM big_rows ORDER BY n")
	if len(rows) != 100000 || rows[99999][0] != int64(99999) || rows[99999][1] != "row 99999" {
		t.Errorf("got %d rows, last %v", len(rows), rows[len(rows)-1])
	}
	c.Close()
	srv.Close()
	compareTranscripts(t, goldenConnections(t, "jdbc/big_select.golden")[0], log.transcriptOf(t, 1))
}
