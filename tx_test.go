package informix

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/go-informix/informix/ifxtest"
)

// clientBytes is an ifxtest.WireLog that keeps every byte clients send.
type clientBytes struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (w *clientBytes) Connection(uint64, string) ifxtest.ConnLog { return w }

func (w *clientBytes) Chunk(dir ifxtest.Direction, _ int64, b []byte) {
	if dir == ifxtest.FromClient {
		w.mu.Lock()
		w.buf.Write(b)
		w.mu.Unlock()
	}
}

func (w *clientBytes) Close() error { return nil }

// sent returns what clients sent since the last call, and forgets it.
func (w *clientBytes) sent() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.buf.String()
	w.buf.Reset()
	return s
}

func TestIsolationFor(t *testing.T) {
	tests := []struct {
		level   sql.IsolationLevel
		want    string
		wantErr string
	}{
		{sql.LevelDefault, "", ""},
		{sql.LevelReadUncommitted, "DIRTY READ", ""},
		{sql.LevelReadCommitted, "COMMITTED READ", ""},
		{sql.LevelRepeatableRead, "REPEATABLE READ", ""},
		{sql.LevelSerializable, "REPEATABLE READ", ""},
		{sql.LevelSnapshot, "", "no snapshot isolation"},
		{sql.LevelWriteCommitted, "", "Write Committed is not supported"},
		{sql.LevelLinearizable, "", "Linearizable is not supported"},
		{sql.IsolationLevel(42), "", "IsolationLevel(42) is not supported"},
	}
	for _, tt := range tests {
		got, err := isolationFor(tt.level)
		if got != tt.want || (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("isolationFor(%v) = %q, %v; want %q, error containing %q", tt.level, got, err, tt.want, tt.wantErr)
		}
	}
}

// TestBeginTxIsolation runs a transaction at every isolation level and
// checks the SQL the driver sent: the level before the transaction, the
// connection's own level after it (COMMITTED READ in a logged database,
// REPEATABLE READ in an ANSI one, the isolation option when set).
func TestBeginTxIsolation(t *testing.T) {
	wire := &clientBytes{}
	srv := startServer(t, ifxtest.Config{WireLog: wire})
	tests := []struct {
		database, options string
		level             sql.IsolationLevel
		set, restore      string
	}{
		{"testdb", "", sql.LevelDefault, "", ""},
		{"testdb", "", sql.LevelReadUncommitted, "SET ISOLATION TO DIRTY READ", "SET ISOLATION TO COMMITTED READ"},
		{"testdb", "", sql.LevelReadCommitted, "SET ISOLATION TO COMMITTED READ", "SET ISOLATION TO COMMITTED READ"},
		{"testdb", "", sql.LevelRepeatableRead, "SET ISOLATION TO REPEATABLE READ", "SET ISOLATION TO COMMITTED READ"},
		{"testdb", "", sql.LevelSerializable, "SET ISOLATION TO REPEATABLE READ", "SET ISOLATION TO COMMITTED READ"},
		{"ansidb", "", sql.LevelReadCommitted, "SET ISOLATION TO COMMITTED READ", "SET ISOLATION TO REPEATABLE READ"},
		{"testdb", "&isolation=last+committed", sql.LevelRepeatableRead, "SET ISOLATION TO REPEATABLE READ",
			"SET ISOLATION TO COMMITTED READ LAST COMMITTED"},
	}
	for _, tt := range tests {
		t.Run(tt.database+tt.options+" "+tt.level.String(), func(t *testing.T) {
			db, err := sql.Open("informix", srv.DSN(tt.database)+tt.options)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			ctx := context.Background()
			c, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			wire.sent()
			tx, err := c.BeginTx(ctx, &sql.TxOptions{Isolation: tt.level})
			if err != nil {
				t.Fatalf("BeginTx: %v", err)
			}
			var n int
			if err := tx.QueryRow("SELECT COUNT(*) FROM systables").Scan(&n); err != nil {
				tx.Rollback()
				t.Fatal(err)
			}
			before := wire.sent()
			if err := tx.Commit(); err != nil {
				t.Fatalf("Commit: %v", err)
			}
			after := wire.sent()
			if tt.set == "" && strings.Contains(before+after, "SET ISOLATION") {
				t.Errorf("default level sent SET ISOLATION: %q %q", before, after)
			}
			if !strings.Contains(before, tt.set) {
				t.Errorf("BeginTx did not send %q", tt.set)
			}
			if !strings.Contains(after, tt.restore) {
				t.Errorf("Commit did not send %q", tt.restore)
			}
		})
	}
}

// TestBeginTxReadOnly checks that a read-only transaction sends SET
// TRANSACTION READ ONLY and still reads.
func TestBeginTxReadOnly(t *testing.T) {
	wire := &clientBytes{}
	srv := startServer(t, ifxtest.Config{WireLog: wire})
	db, err := sql.Open("informix", srv.DSN("testdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	wire.sent()
	tx, err := db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("BeginTx read only: %v", err)
	}
	var n int
	if err := tx.QueryRow("SELECT COUNT(*) FROM systables").Scan(&n); err != nil {
		tx.Rollback()
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if s := wire.sent(); !strings.Contains(s, "SET TRANSACTION READ ONLY") {
		t.Error("no SET TRANSACTION READ ONLY was sent")
	}
}

func TestBeginTxRefused(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	tests := []struct {
		database string
		opts     sql.TxOptions
		want     string
	}{
		{"nologdb", sql.TxOptions{}, `database "nologdb" has no transaction log`},
		{"testdb", sql.TxOptions{Isolation: sql.LevelSnapshot}, "no snapshot isolation"},
		{"testdb", sql.TxOptions{Isolation: sql.LevelLinearizable}, "Linearizable is not supported"},
	}
	for _, tt := range tests {
		db, err := sql.Open("informix", srv.DSN(tt.database))
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.BeginTx(context.Background(), &tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %+v: error %v; want %q", tt.database, tt.opts, err, tt.want)
		}
		// The connection is still usable.
		if err := db.Ping(); err != nil {
			t.Errorf("%s: Ping after a refused BeginTx: %v", tt.database, err)
		}
		db.Close()
	}
}

// TestTransactionWork checks commit and rollback end to end.
func TestTransactionWork(t *testing.T) {
	db := openDB(t, "testdb")
	mustExec(t, db, "CREATE TABLE w (id INTEGER)")
	for _, commit := range []bool{true, false} {
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec("INSERT INTO w VALUES (?)", 1); err != nil {
			tx.Rollback()
			t.Fatal(err)
		}
		if commit {
			err = tx.Commit()
		} else {
			err = tx.Rollback()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM w").Scan(&n); err != nil || n != 1 {
		t.Errorf("rows after one commit and one rollback: %d, %v; want 1", n, err)
	}
}

// TestResetSession checks that a transaction left open is rolled back
// before the connection is reused, and that a closed connection is
// reported bad.
func TestResetSession(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	c := openConn(t, srv, "testdb")
	ctx := context.Background()
	if _, err := c.ExecContext(ctx, "CREATE TABLE r (id INTEGER)", nil); err != nil {
		t.Fatal(err)
	}
	if err := c.ifx.Begin(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ExecContext(ctx, "INSERT INTO r VALUES (1)", nil); err != nil {
		t.Fatal(err)
	}
	if err := c.ResetSession(ctx); err != nil {
		t.Fatalf("ResetSession: %v", err)
	}
	if c.ifx.InTransaction() {
		t.Error("still in a transaction after ResetSession")
	}
	rs, err := c.QueryContext(ctx, "SELECT COUNT(*) FROM r", nil)
	if err != nil {
		t.Fatal(err)
	}
	dest := make([]driver.Value, 1)
	if err := rs.Next(dest); err != nil || fmt.Sprint(dest[0]) != "0" {
		t.Errorf("rows after the reset: %v, %v; want 0 (rolled back)", dest[0], err)
	}
	rs.Close()
	if !c.IsValid() {
		t.Error("IsValid false on a healthy connection")
	}
	c.Close()
	if c.IsValid() {
		t.Error("IsValid true after Close")
	}
	if err := c.ResetSession(ctx); !errors.Is(err, driver.ErrBadConn) {
		t.Errorf("ResetSession on a closed connection: %v; want driver.ErrBadConn", err)
	}
	if _, err := c.ExecContext(ctx, "SELECT 1 FROM systables", nil); !errors.Is(err, driver.ErrBadConn) {
		t.Errorf("Exec on a closed connection: %v; want driver.ErrBadConn (nothing was sent)", err)
	}
}
