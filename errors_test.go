package informix

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/go-informix/informix/ifxconn"
	"github.com/go-informix/informix/ifxtest"
)

func TestErrorText(t *testing.T) {
	tests := []struct {
		se   ifxconn.ServerError
		want string
	}{
		{ifxconn.ServerError{SQLCode: -206, ISAMCode: -111, Message: "orders"},
			`informix: SQLCODE -206 (ISAM -111): table not in the database: "orders" (no record found)`},
		{ifxconn.ServerError{SQLCode: -201, Offset: 8, Message: "FORM"},
			`informix: SQLCODE -201 (ISAM 0): syntax error: "FORM" (at offset 8)`},
		{ifxconn.ServerError{SQLCode: -268, ISAMCode: -100, Message: "u_name"},
			`informix: SQLCODE -268 (ISAM -100): unique constraint violated: "u_name" (duplicate value for a unique key)`},
		{ifxconn.ServerError{SQLCode: -255},
			`informix: SQLCODE -255 (ISAM 0): not in a transaction`},
		{ifxconn.ServerError{SQLCode: -9999, ISAMCode: -1, Message: "thing"},
			`informix: SQLCODE -9999 (ISAM -1): thing`},
		{ifxconn.ServerError{SQLCode: -9998},
			`informix: SQLCODE -9998 (ISAM 0)`},
		{ifxconn.ServerError{SQLCode: -1214},
			`informix: SQLCODE -1214 (ISAM 0): value too large for a SMALLINT`},
	}
	for _, tt := range tests {
		e := newError(&tt.se)
		if got := e.Error(); got != tt.want {
			t.Errorf("Error()\n got %s\nwant %s", got, tt.want)
		}
	}
	unknown := newError(&ifxconn.ServerError{SQLCode: -9999, ISAMCode: -1, Message: "thing"})
	if unknown.Message != "SQLCODE -9999 (ISAM -1): thing" {
		t.Errorf("unknown code Message %q", unknown.Message)
	}
	e := newError(&ifxconn.ServerError{SQLCode: -217, Offset: 3, Message: "colx", SQL: "SELECT colx FROM t"})
	if e.Object != "colx" || e.Offset != 3 || e.Statement != "SELECT colx FROM t" || e.SQLCode != -217 {
		t.Errorf("fields of %#v", e)
	}
}

func TestSQLState(t *testing.T) {
	tests := []struct {
		sql, isam int
		want      string
	}{
		{-201, 0, "42601"}, {-206, -111, "42P01"}, {-217, 0, "42703"},
		{-268, -100, "23505"}, {-239, -100, "23505"}, {-346, -100, "23505"}, {-346, -107, "IX000"},
		{-391, 0, "23502"}, {-703, 0, "23502"}, {-691, 0, "23503"}, {-692, 0, "23503"},
		{-255, 0, "25P01"}, {-535, 0, "25001"}, {-951, 0, "28000"}, {-952, 0, "28000"},
		{-329, 0, "3D000"}, {-1213, 0, "22018"}, {-213, -157, "57014"},
		{-244, -143, "40001"}, {-244, -154, "IX000"}, {-9999, 0, "IX000"},
	}
	for _, tt := range tests {
		e := &Error{SQLCode: tt.sql, ISAMCode: tt.isam}
		if got := e.SQLState(); got != tt.want {
			t.Errorf("SQLState of %d/%d = %s, want %s", tt.sql, tt.isam, got, tt.want)
		}
	}
}

func TestSentinels(t *testing.T) {
	all := []error{ErrUniqueViolation, ErrNotNullViolation, ErrLockTimeout, ErrDeadlock,
		ErrNoSuchTable, ErrNoSuchColumn, ErrSyntax, ErrBadLogin}
	tests := []struct {
		sql, isam int
		want      error // nil: matches none
	}{
		{-268, 0, ErrUniqueViolation}, {-239, -100, ErrUniqueViolation}, {-346, -100, ErrUniqueViolation},
		{-391, 0, ErrNotNullViolation}, {-703, 0, ErrNotNullViolation},
		{-244, -154, ErrLockTimeout}, {-244, -107, ErrLockTimeout}, {-243, -113, ErrLockTimeout},
		{-244, -143, ErrDeadlock},
		{-206, -111, ErrNoSuchTable}, {-217, 0, ErrNoSuchColumn}, {-201, 0, ErrSyntax},
		{-951, 0, ErrBadLogin}, {-952, 0, ErrBadLogin},
		{-346, -107, ErrLockTimeout}, {-346, 0, nil}, {-1213, 0, nil},
	}
	for _, tt := range tests {
		err := fmt.Errorf("wrapped: %w", &Error{SQLCode: tt.sql, ISAMCode: tt.isam})
		for _, s := range all {
			if got := errors.Is(err, s); got != (s == tt.want) {
				t.Errorf("errors.Is(%d/%d, %v) = %v", tt.sql, tt.isam, s, got)
			}
		}
	}
}

// fakeConnErr stands for an ifxconn error that knows whether the request
// reached the socket.
type fakeConnErr struct {
	safe  bool
	cause error
}

func (e *fakeConnErr) Error() string     { return "fake: " + e.cause.Error() }
func (e *fakeConnErr) Unwrap() error     { return e.cause }
func (e *fakeConnErr) SafeToRetry() bool { return e.safe }

// TestMapErrorBadConn checks that driver.ErrBadConn is reported only for an
// error that sent nothing, at the start of an interaction, and never for a
// context error, a server error or a busy connection.
func TestMapErrorBadConn(t *testing.T) {
	io := errors.New("broken pipe")
	tests := []struct {
		name     string
		err      error
		mayRetry bool
		badConn  bool
	}{
		{"nothing sent", &fakeConnErr{true, io}, true, true},
		{"nothing sent, wrapped", fmt.Errorf("ifxconn: exec: %w", &fakeConnErr{true, ifxconn.ErrClosed}), true, true},
		{"bytes sent", &fakeConnErr{false, io}, true, false},
		{"nothing sent, mid-result", &fakeConnErr{true, io}, false, false},
		{"no SafeToRetry", io, true, false},
		{"context, nothing sent", &fakeConnErr{true, context.Canceled}, true, false},
		{"server error", &fakeConnErr{true, &ifxconn.ServerError{SQLCode: -201}}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mapError("exec", tt.err, tt.mayRetry)
			if errors.Is(got, driver.ErrBadConn) != tt.badConn {
				t.Errorf("mapError = %v; ErrBadConn %v, want %v", got, !tt.badConn, tt.badConn)
			}
			if tt.badConn && !errors.Is(got, tt.err) {
				t.Errorf("the cause %v is lost in %v", tt.err, got)
			}
		})
	}
	if got := mapError("exec", fmt.Errorf("x: %w", context.DeadlineExceeded), true); !errors.Is(got, context.DeadlineExceeded) {
		t.Errorf("context error became %v", got)
	}
	var ie *Error
	if got := mapError("exec", &fakeConnErr{true, &ifxconn.ServerError{SQLCode: -201}}, true); !errors.As(got, &ie) || ie.SQLCode != -201 {
		t.Errorf("server error became %v", got)
	}
}

// TestServerErrors checks the mapping of real errors from ifxtest.
func TestServerErrors(t *testing.T) {
	db := openDB(t, "testdb")
	mustExec(t, db, "CREATE TABLE u (id INTEGER NOT NULL, name CHAR(10), UNIQUE (id))")
	mustExec(t, db, "INSERT INTO u VALUES (1, 'a')")
	tests := []struct {
		query    string
		sentinel error
		code     int
	}{
		{"SELEKT 1 FROM u", ErrSyntax, -201},
		{"SELECT * FROM nosuch", ErrNoSuchTable, -206},
		{"SELECT nosuchcol FROM u", ErrNoSuchColumn, -217},
		{"INSERT INTO u VALUES (1, 'b')", ErrUniqueViolation, 0},
		{"INSERT INTO u VALUES (NULL, 'c')", ErrNotNullViolation, -391},
	}
	for _, tt := range tests {
		_, err := db.Exec(tt.query)
		var ie *Error
		if !errors.As(err, &ie) || !errors.Is(err, tt.sentinel) || (tt.code != 0 && ie.SQLCode != tt.code) {
			t.Errorf("%s: error %v; want an *Error matching %v", tt.query, err, tt.sentinel)
			continue
		}
		if ie.Statement != tt.query {
			t.Errorf("%s: Statement %q", tt.query, ie.Statement)
		}
	}
	// The connection stays usable after server errors.
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM u").Scan(&n); err != nil || n != 1 {
		t.Errorf("after the errors: count %d, %v", n, err)
	}
}

// TestBadLoginHidesPassword logs in with a wrong, recognisable password and
// scans every rendering of the error for it (reliability.md tier 3 item 21).
func TestBadLoginHidesPassword(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	u, err := url.Parse(srv.DSN("testdb"))
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(ifxtest.DefaultUser, secret)
	db, err := sql.Open("informix", u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Ping()
	if !errors.Is(err, ErrBadLogin) {
		t.Fatalf("Ping with a wrong password: %v; want ErrBadLogin", err)
	}
	if errors.Is(err, driver.ErrBadConn) {
		t.Error("a refused login reports driver.ErrBadConn")
	}
	assertNoSecret(t, err)
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), secret) {
			t.Errorf("a wrapped error shows the password: %v", e)
		}
	}
}
