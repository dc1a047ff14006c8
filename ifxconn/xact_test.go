package ifxconn

import (
	"context"
	"errors"
	"testing"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

func txServer(t *testing.T) *ifxtest.Server {
	t.Helper()
	return startServer(t, ifxtest.Config{Databases: []ifxtest.Database{
		{Name: "logdb", Logging: ifxtest.UnbufferedLogging},
		{Name: "ansidb", Logging: ifxtest.ANSI},
		{Name: "nologdb", Logging: ifxtest.NoLogging},
	}})
}

// TestTransactions: in a logged and in an ANSI database, Rollback
// discards and Commit keeps what a transaction wrote, as another session
// sees it; outside Begin every statement commits on its own (the server
// does it in a logged database, ifxconn's SQ_CMMTWORK in an ANSI one).
func TestTransactions(t *testing.T) {
	srv := txServer(t)
	ctx := context.Background()
	for _, db := range []string{"logdb", "ansidb"} {
		t.Run(db, func(t *testing.T) {
			c := connect(t, testConfig(srv, db))
			other := connect(t, testConfig(srv, db))
			mustExec(t, c, "CREATE TABLE tx_t (id INTEGER)")
			mustExec(t, c, "INSERT INTO tx_t VALUES (1)")
			if n := queryInt(t, other, "SELECT COUNT(*) FROM tx_t"); n != 1 {
				t.Fatalf("autocommit: another session sees %d rows, want 1", n)
			}
			if err := c.Begin(ctx); err != nil || !c.InTransaction() {
				t.Fatalf("Begin: %v, in transaction %v", err, c.InTransaction())
			}
			mustExec(t, c, "INSERT INTO tx_t VALUES (2)")
			if err := c.Rollback(ctx); err != nil || c.InTransaction() {
				t.Fatalf("Rollback: %v, in transaction %v", err, c.InTransaction())
			}
			if err := c.Begin(ctx); err != nil {
				t.Fatal(err)
			}
			mustExec(t, c, "INSERT INTO tx_t VALUES (?)", Param{Type: sqli.TypeInteger, Value: int32(3)})
			if err := c.Commit(ctx); err != nil || c.InTransaction() {
				t.Fatalf("Commit: %v, in transaction %v", err, c.InTransaction())
			}
			if n := queryInt(t, other, "SELECT SUM(id) FROM tx_t"); n != 4 {
				t.Errorf("after rollback of 2 and commit of 3: sum %d, want 4", n)
			}
		})
	}
}

// TestTransactionStatements: BEGIN WORK, COMMIT WORK and ROLLBACK WORK run
// as SQL open and end the transaction InTransaction reports (through
// SQ_COMMAND without arguments, through a prepared statement with them),
// and ROLLBACK TO SAVEPOINT leaves it open; Rollback then ends one begun
// with SQL.
func TestTransactionStatements(t *testing.T) {
	srv := txServer(t)
	ctx := context.Background()
	c := connect(t, testConfig(srv, "logdb"))
	mustExec(t, c, "CREATE TABLE txs_t (id INTEGER)")
	steps := []struct {
		sql  string
		args []Param
		inTx bool
	}{
		{"BEGIN WORK", nil, true},
		{"INSERT INTO txs_t VALUES (?)", []Param{{Type: sqli.TypeInteger, Value: int32(1)}}, true},
		{"SAVEPOINT s1", nil, true},
		{"ROLLBACK TO SAVEPOINT s1", nil, true},
		{"COMMIT WORK", nil, false},
		{"BEGIN WORK", nil, true},
		{"ROLLBACK WORK", nil, false},
		{"BEGIN WORK", nil, true},
	}
	for _, st := range steps {
		if _, err := c.Exec(ctx, st.sql, st.args); err != nil {
			t.Fatalf("%s: %v", st.sql, err)
		}
		if c.InTransaction() != st.inTx {
			t.Fatalf("after %s: InTransaction %v, want %v", st.sql, c.InTransaction(), st.inTx)
		}
	}
	mustExec(t, c, "INSERT INTO txs_t VALUES (2)")
	if err := c.Rollback(ctx); err != nil || c.InTransaction() {
		t.Fatalf("Rollback of a transaction begun with SQL: %v, in transaction %v", err, c.InTransaction())
	}
	other := connect(t, testConfig(srv, "logdb"))
	if n := queryInt(t, other, "SELECT SUM(id) FROM txs_t"); n != 1 {
		t.Errorf("sum %d, want 1 (row 2 rolled back)", n)
	}
}

// TestTransactionsNoLog: a database without logging refuses Begin with
// ErrNoTransactions before sending anything, and stays usable.
func TestTransactionsNoLog(t *testing.T) {
	srv := txServer(t)
	c := connect(t, testConfig(srv, "nologdb"))
	err := c.Begin(context.Background())
	if !errors.Is(err, ErrNoTransactions) || !retryable(err) || c.InTransaction() {
		t.Errorf("Begin: %v (in transaction %v), want ErrNoTransactions", err, c.InTransaction())
	}
	if err := c.Commit(context.Background()); err == nil {
		t.Error("Commit without Begin succeeded")
	}
	mustExec(t, c, "CREATE TABLE nl_t (id INTEGER)")
	_, err = c.Exec(context.Background(), "BEGIN WORK", nil)
	if serverCode(err) != -256 {
		t.Errorf("BEGIN WORK: %v, want -256", err)
	}
}

// TestTransactionLost: a transaction whose connection the server drops
// (here after SQ_BEGIN, without answering the statement) is over.
func TestTransactionLost(t *testing.T) {
	fs := startFake(t, func(fc *fakeConn) {
		if !fc.handshake() || fc.group() == nil {
			return
		}
		fc.send(&sqli.EOT{})
		fc.group()
	})
	c := connect(t, fs.config())
	if err := c.Begin(context.Background()); err != nil || !c.InTransaction() {
		t.Fatalf("Begin: %v", err)
	}
	if _, err := c.Exec(context.Background(), "INSERT INTO lost_t VALUES (1)", nil); err == nil {
		t.Fatal("Exec on a lost connection succeeded")
	}
	if !c.IsClosed() || c.InTransaction() {
		t.Errorf("closed %v, in transaction %v; want closed and no transaction", c.IsClosed(), c.InTransaction())
	}
}
