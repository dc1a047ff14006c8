package engine

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"
)

// fixedNow is the clock of the test engines: 2026-05-04 12:34:56.12345 UTC,
// the value TYPES.md §5.7 uses for its DATETIME examples.
var fixedNow = time.Date(2026, 5, 4, 12, 34, 56, 123450000, time.UTC)

// newEngine starts an engine with one database "testdb" in the given
// logging mode and locale, closed when the test ends.
func newEngine(t testing.TB, logging Logging, locale string) *Engine {
	t.Helper()
	e, err := New(Config{
		Databases: []DatabaseConfig{{Name: "testdb", Logging: logging, Locale: locale}},
		Now:       func() time.Time { return fixedNow },
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// newSession opens a session on testdb with DBDATE Y4MD-, as JDBC logs in.
func newSession(t testing.TB, e *Engine) *Session {
	t.Helper()
	s := e.NewSession(map[string]string{"DBDATE": "Y4MD-", "CLIENT_LOCALE": "en_US.8859-1"})
	t.Cleanup(s.Close)
	if _, err := s.OpenDatabase("testdb"); err != nil {
		t.Fatal(err)
	}
	return s
}

// loggedSession is a session on a fresh logged database.
func loggedSession(t testing.TB) *Session {
	t.Helper()
	return newSession(t, newEngine(t, BufferedLogging, ""))
}

// exec prepares and executes a statement that returns no rows, failing the
// test on error.
func exec(t testing.TB, s *Session, sql string, args ...any) Result {
	t.Helper()
	res, err := tryExec(s, sql, args...)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return res
}

// tryExec prepares and executes a statement, returning its error.
func tryExec(s *Session, sql string, args ...any) (Result, error) {
	st, err := s.Prepare(sql)
	if err != nil {
		return Result{}, err
	}
	if st.Cursor {
		return Result{}, errors.New("statement returns rows")
	}
	if args == nil {
		args = []any{}
	}
	return s.Execute(context.Background(), st, args)
}

// queryRows prepares a query and returns all its rows, failing on error.
func queryRows(t testing.TB, s *Session, sql string, args ...any) [][]any {
	t.Helper()
	rows, _, err := tryQuery(s, sql, args...)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return rows
}

// tryQuery returns a query's rows and statement, or its error.
func tryQuery(s *Session, sql string, args ...any) ([][]any, *Statement, error) {
	st, err := s.Prepare(sql)
	if err != nil {
		return nil, nil, err
	}
	if args == nil {
		args = []any{}
	}
	cur, err := s.Open(context.Background(), st, args)
	if err != nil {
		return nil, st, err
	}
	defer cur.Close()
	var rows [][]any
	for {
		row, err := cur.Next(context.Background())
		if err == io.EOF {
			return rows, st, nil
		}
		if err != nil {
			return rows, st, err
		}
		rows = append(rows, row)
	}
}

// one returns the single value of a one-row, one-column query.
func one(t testing.TB, s *Session, sql string, args ...any) any {
	t.Helper()
	rows := queryRows(t, s, sql, args...)
	if len(rows) != 1 || len(rows[0]) != 1 {
		t.Fatalf("%s: %d rows, want one value: %v", sql, len(rows), rows)
	}
	return rows[0][0]
}

// wantError checks that err is an *Error with the code, ISAM code and
// message given (message checked unless want.Message is "*").
func wantError(t testing.TB, what string, err error, want Error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%s: error %v (%T), want informix error %d", what, err, err, want.SQLCode)
		return
	}
	if e.SQLCode != want.SQLCode || e.ISAMCode != want.ISAMCode {
		t.Errorf("%s: error %d/%d, want %d/%d (%v)", what, e.SQLCode, e.ISAMCode, want.SQLCode, want.ISAMCode, e)
	}
	if want.Message != "*" && e.Message != want.Message {
		t.Errorf("%s: sqlerrm %q, want %q", what, e.Message, want.Message)
	}
	if want.Offset != 0 && e.Offset != want.Offset {
		t.Errorf("%s: offset %d, want %d", what, e.Offset, want.Offset)
	}
}
