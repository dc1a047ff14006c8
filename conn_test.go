package informix

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"reflect"
	"strings"
	"testing"

	"github.com/go-informix/informix/ifxtest"
)

// TestConnectNeverBadConn checks that a connection that could not be
// opened is never reported as driver.ErrBadConn, even when the failure
// says nothing was sent (database/sql/driver: Connector.Connect).
func TestConnectNeverBadConn(t *testing.T) {
	refused := &fakeConnErr{safe: true, cause: errors.New("connection refused")}
	cfg := &Config{Host: "127.0.0.1", Port: 9, User: "u", Password: secret,
		Dial: func(context.Context, string, string) (net.Conn, error) { return nil, refused }}
	k, err := NewConnector(cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.Connect(context.Background())
	if err == nil || errors.Is(err, driver.ErrBadConn) {
		t.Errorf("Connect with a failing dial: %v; want an error that is not driver.ErrBadConn", err)
	}
	assertNoSecret(t, err)
}

// TestContextErrors checks that a context error reaches the caller as
// itself, not as driver.ErrBadConn, although nothing was sent.
func TestContextErrors(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	c := openConn(t, srv, "testdb")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.ExecContext(ctx, "CREATE TABLE never (id INTEGER)", nil)
	if !errors.Is(err, context.Canceled) || errors.Is(err, driver.ErrBadConn) {
		t.Errorf("Exec with a cancelled context: %v; want context.Canceled, not driver.ErrBadConn", err)
	}
	if err := c.Ping(ctx); !errors.Is(err, context.Canceled) || errors.Is(err, driver.ErrBadConn) {
		t.Errorf("Ping with a cancelled context: %v; want context.Canceled", err)
	}
	if err := c.Ping(context.Background()); err != nil {
		t.Errorf("Ping after the cancelled calls: %v", err)
	}
	c.Close()
	if err := c.Ping(context.Background()); !errors.Is(err, driver.ErrBadConn) {
		t.Errorf("Ping on a closed connection: %v; want driver.ErrBadConn", err)
	}
}

// TestLastInsertID checks the SERIAL value of an INSERT and the error of a
// statement that generated none.
func TestLastInsertID(t *testing.T) {
	db := openDB(t, "testdb")
	mustExec(t, db, "CREATE TABLE s (id SERIAL, v INTEGER)")
	mustExec(t, db, "INSERT INTO s (v) VALUES (?)", 10)
	res := mustExec(t, db, "INSERT INTO s (v) VALUES (?)", 20)
	if id, err := res.LastInsertId(); err != nil || id != 2 {
		t.Errorf("LastInsertId of the second insert: %d, %v; want 2", id, err)
	}
	res = mustExec(t, db, "UPDATE s SET v = v + 1")
	if n, err := res.RowsAffected(); err != nil || n != 2 {
		t.Errorf("RowsAffected: %d, %v; want 2", n, err)
	}
	if _, err := res.LastInsertId(); err == nil {
		t.Error("LastInsertId of an UPDATE succeeded")
	}
}

// TestPreparedStatement runs a statement prepared once with several
// argument sets, and checks that database/sql counts its '?' markers.
func TestPreparedStatement(t *testing.T) {
	db := openDB(t, "testdb")
	mustExec(t, db, "CREATE TABLE p (a INTEGER, b CHAR(4))")
	ins, err := db.Prepare("INSERT INTO p VALUES (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	defer ins.Close()
	for i, b := range []any{"x", nil, []byte("yz")} {
		if _, err := ins.Exec(int32(i), b); err != nil {
			t.Fatalf("insert %d: %v", i, err)
		}
	}
	if _, err := ins.Exec(1); err == nil || !strings.Contains(err.Error(), "expected 2 arguments, got 1") {
		t.Errorf("one argument for two markers: %v", err)
	}
	sel, err := db.Prepare("SELECT a, b FROM p WHERE a >= ? ORDER BY a")
	if err != nil {
		t.Fatal(err)
	}
	defer sel.Close()
	rows, err := sel.Query(1)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var a int
		var b sql.NullString
		if err := rows.Scan(&a, &b); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d:%q:%v", a, b.String, b.Valid))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{`1:"":false`, `2:"yz  ":true`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
}
