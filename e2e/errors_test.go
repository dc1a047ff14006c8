package e2e

import (
	"bytes"
	"context"
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix"
)

// sentinels lists every sentinel error of the package.
var sentinels = map[string]error{
	"ErrUniqueViolation":  informix.ErrUniqueViolation,
	"ErrNotNullViolation": informix.ErrNotNullViolation,
	"ErrLockTimeout":      informix.ErrLockTimeout,
	"ErrDeadlock":         informix.ErrDeadlock,
	"ErrNoSuchTable":      informix.ErrNoSuchTable,
	"ErrNoSuchColumn":     informix.ErrNoSuchColumn,
	"ErrSyntax":           informix.ErrSyntax,
	"ErrBadLogin":         informix.ErrBadLogin,
}

// checkServerError requires err to be an *informix.Error with the codes
// and SQLSTATE given, naming object when it is not empty, matching the
// sentinel named and no other.
func checkServerError(t *testing.T, err error, sqlCode, isamCode int, state, object, sentinel string) *informix.Error {
	t.Helper()
	var ie *informix.Error
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *informix.Error", err, err)
	}
	if ie.SQLCode != sqlCode || (isamCode != 0 && ie.ISAMCode != isamCode) || ie.SQLState() != state {
		t.Errorf("%v: SQLCODE %d ISAM %d SQLSTATE %s; want %d, %d, %s", err, ie.SQLCode, ie.ISAMCode, ie.SQLState(),
			sqlCode, isamCode, state)
	}
	if object != "" && (!strings.EqualFold(ie.Object, object) || !strings.Contains(strings.ToLower(ie.Error()), strings.ToLower(object))) {
		t.Errorf("%v: Object %q; want %q, named in the message", err, ie.Object, object)
	}
	if ie.Message == "" || strings.HasPrefix(ie.Message, "SQLCODE") {
		t.Errorf("%v: no description of SQLCODE %d", err, ie.SQLCode)
	}
	for name, s := range sentinels {
		if errors.Is(err, s) != (name == sentinel) {
			t.Errorf("%v: errors.Is(err, %s) = %v", err, name, errors.Is(err, s))
		}
	}
	return ie
}

// TestServerErrors provokes each class of server error on one pinned
// connection, checks the *informix.Error and the sentinels, and that the
// connection keeps working after each. The codes are those IBM documents
// and IBM JDBC's errors scenario checks (conformance/jdbc/Scenarios.java):
// a logged database reports a violated primary key as -268 with ISAM
// -100, one without logging a duplicate in a unique index as -239.
func TestServerErrors(t *testing.T) {
	name := table(t, logged, "err", "id INTEGER, v VARCHAR(10) NOT NULL, PRIMARY KEY (id)")
	c := pinned(t, open(t, logged))
	mustExec(t, c, "INSERT INTO "+name+" VALUES (1, 'one')")
	ctx := context.Background()

	_, err := c.ExecContext(ctx, "SELEC id FROM "+name)
	ie := checkServerError(t, err, -201, 0, "42601", "", "ErrSyntax")
	if ie.Statement != "SELEC id FROM "+name || strings.Contains(ie.Error(), name) {
		t.Errorf("syntax error: Statement %q; Error() %q must not quote it", ie.Statement, ie.Error())
	}
	_, err = c.QueryContext(ctx, "SELECT * FROM e2e_no_such_table")
	checkServerError(t, err, -206, 0, "42P01", "e2e_no_such_table", "ErrNoSuchTable")
	_, err = c.QueryContext(ctx, "SELECT no_such_column FROM "+name)
	checkServerError(t, err, -217, 0, "42703", "no_such_column", "ErrNoSuchColumn")
	_, err = c.ExecContext(ctx, "INSERT INTO "+name+" VALUES (1, 'again')")
	checkServerError(t, err, -268, -100, "23505", "", "ErrUniqueViolation")
	_, err = c.ExecContext(ctx, "INSERT INTO "+name+" (id) VALUES (?)", 2)
	checkServerError(t, err, -391, 0, "23502", "", "ErrNotNullViolation")
	if n := queryInt(t, c, "SELECT COUNT(*) FROM "+name); n != 1 {
		t.Errorf("rows after the errors: %d, want 1", n)
	}
	t.Run("without logging", func(t *testing.T) {
		name := table(t, nolog, "err", "id INTEGER")
		db := open(t, nolog)
		mustExec(t, db, "CREATE UNIQUE INDEX "+name+"_ix ON "+name+" (id)")
		mustExec(t, db, "INSERT INTO "+name+" VALUES (1)")
		_, err := db.Exec("INSERT INTO " + name + " VALUES (1)")
		checkServerError(t, err, -239, 0, "23505", "", "ErrUniqueViolation")
	})
}

// TestLockTimeout sets the lock mode with SQL on one connection and
// updates a row another connection holds locked: NOT WAIT fails at once
// with ISAM -107 ("record is locked"), WAIT 1 after a second with ISAM
// -154 ("lock timeout expired"), both under SQLCODE -244 (SQLI.md §7.7).
func TestLockTimeout(t *testing.T) {
	for _, tt := range []struct {
		mode     string
		isam     int
		min, max time.Duration
	}{
		{"NOT WAIT", -107, 0, time.Second},
		{"WAIT 1", -154, 900 * time.Millisecond, 5 * time.Second},
	} {
		t.Run(tt.mode, func(t *testing.T) {
			name, _ := lockedRow(t)
			c := pinned(t, open(t, logged))
			mustExec(t, c, "SET LOCK MODE TO "+tt.mode)
			var err error
			d := within(t, "the UPDATE of a locked row", tt.max, func() {
				_, err = c.ExecContext(context.Background(), "UPDATE "+name+" SET v = 'x' WHERE id = 1")
			})
			checkServerError(t, err, -244, tt.isam, "IX000", "", "ErrLockTimeout")
			if d < tt.min {
				t.Errorf("failed after %v, want at least %v", d, tt.min)
			}
		})
	}
}

// TestBadLogin connects with a wrong password and to a missing database.
// A refused login matches ErrBadLogin (-951: IBM JDBC's wrong_password
// scenario), and no error shows the password.
func TestBadLogin(t *testing.T) {
	cfg := configFor(t, logged)
	const wrong = "Wr0ng-Pa55word"
	cfg.Password = wrong
	err := openConfig(t, cfg).Ping()
	var ie *informix.Error
	if !errors.Is(err, informix.ErrBadLogin) || !errors.As(err, &ie) || (ie.SQLCode != -951 && ie.SQLCode != -952) {
		t.Errorf("wrong password: %v; want -951 or -952 matching ErrBadLogin", err)
	}
	if err != nil && strings.Contains(err.Error(), wrong) {
		t.Errorf("the error shows the password: %v", err)
	}
	cfg = configFor(t, logged)
	cfg.Database = "e2e_no_such_database"
	err = openConfig(t, cfg).Ping()
	if !errors.As(err, &ie) || ie.SQLCode != -329 {
		t.Errorf("unknown database: %v; want SQLCODE -329", err)
	}
}

// TestRetrySafety injects faults around an INSERT and checks
// reliability.md tier 3 item 18: database/sql retries a request on a new
// connection (driver.ErrBadConn) only when no byte of it reached the
// server, so the INSERT runs exactly once then; when the connection is
// reset after the request was sent, the caller gets the error and the
// INSERT ran at most once.
func TestRetrySafety(t *testing.T) {
	const marker = 0x5A5A5A5A // the bound id, easy to find in an SQ_BIND
	tests := []struct {
		name     string
		query    string
		args     []any
		action   faultAction
		carries  func(b []byte) bool // the write the fault hits
		wantErr  bool
		maxRows  int64
		minDials int
	}{
		{"nothing sent: retried", "INSERT INTO %s VALUES (1)", nil, failBefore,
			func(b []byte) bool { return bytes.Contains(b, []byte("INSERT INTO")) }, false, 1, 2},
		{"reset after SQ_COMMAND", "INSERT INTO %s VALUES (1)", nil, resetAfter,
			func(b []byte) bool { return bytes.Contains(b, []byte("INSERT INTO")) }, true, 1, 1},
		{"reset after SQ_BIND and SQ_EXECUTE", "INSERT INTO %s VALUES (?)", []any{int32(marker)}, resetAfter,
			func(b []byte) bool { return bytes.Contains(b, binary.BigEndian.AppendUint32(nil, marker)) }, true, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := table(t, logged, "retry", "id INTEGER")
			w := &wire{fault: func(c *wireConn, b []byte) faultAction {
				if c.index == 0 && tt.carries(b) {
					return tt.action
				}
				return pass
			}}
			db := openConfig(t, w.config(configFor(t, logged)))
			_, err := db.Exec(strings.Replace(tt.query, "%s", name, 1), tt.args...)
			if (err != nil) != tt.wantErr || errors.Is(err, driver.ErrBadConn) {
				t.Errorf("Exec: %v; want an error %v (never driver.ErrBadConn)", err, tt.wantErr)
			}
			n := queryInt(t, admin(t, logged), "SELECT COUNT(*) FROM "+name)
			if n > tt.maxRows || (!tt.wantErr && n != 1) {
				t.Errorf("the INSERT ran %d times", n)
			}
			if w.dials() < tt.minDials {
				t.Errorf("%d connections dialled, want at least %d", w.dials(), tt.minDials)
			}
			t.Logf("error %v; rows %d; connections %d", err, n, w.dials())
		})
	}
}

// TestServerGoneMidResult cuts the server's stream in the middle of a
// 100 000-row result (reliability.md tier 3 item 16): iteration ends with
// rows.Err() != nil, never as a normal end of the rows, and the pool
// replaces the dead connection for the next statement.
func TestServerGoneMidResult(t *testing.T) {
	digits := digitsTable(t, logged)
	w := &wire{cutAfter: 256 << 10}
	db := openConfig(t, w.config(configFor(t, logged)))
	db.SetMaxOpenConns(1)
	rows, err := db.Query(bigQuery(digits, 5))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for ; rows.Next(); n++ {
	}
	if rows.Err() == nil || n >= 100000 {
		t.Errorf("%d rows and rows.Err() %v; want fewer rows and an error", n, rows.Err())
	}
	rows.Close()
	if got := queryInt(t, db, selectOne); got != 1 || w.dials() != 2 {
		t.Errorf("next statement read %d on connection %d; want 1 on a second connection", got, w.dials())
	}
}
