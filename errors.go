package informix

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"

	"github.com/go-informix/informix/ifxconn"
)

// Error is an error the Informix server reported (SQ_ERR, or the refusal of a
// login). The server sends numbers and one parameter string, never message
// text (SQLI.md §8.1), so Message comes from this package's own catalog of
// the common codes.
//
// Compare with errors.Is against the sentinels (ErrUniqueViolation,
// ErrLockTimeout, …) or read SQLCode and ISAMCode directly:
//
//	var ie *informix.Error
//	if errors.As(err, &ie) && ie.SQLCode == -206 { … }
type Error struct {
	// SQLCode is Informix's SQLCODE, negative for errors (-201 syntax error).
	SQLCode int
	// ISAMCode is the ISAM error code that qualifies SQLCode, or 0.
	ISAMCode int
	// Message is our description of SQLCode (with Object, when the server
	// sent one), or "SQLCODE n (ISAM m): object" for a code the catalog
	// lacks.
	Message string
	// Object is the server's sqlerrm: the name the error is about (a table,
	// a column, a constraint) or the token near a syntax error. It may be
	// empty.
	Object string
	// Offset is the position in Statement the server points at (meaningful
	// for syntax errors), or 0.
	Offset int
	// Statement is the SQL text the error came from, or empty for errors
	// outside a statement (the login).
	Statement string
}

// Error formats the codes and the message, e.g.
// `informix: SQLCODE -206 (ISAM -111): table not in the database: "orders"`.
// It never includes the statement text.
func (e *Error) Error() string {
	if _, known := sqlMessages[e.SQLCode]; !known {
		return "informix: " + e.Message
	}
	s := "informix: SQLCODE " + strconv.Itoa(e.SQLCode) + " (ISAM " + strconv.Itoa(e.ISAMCode) + "): " + e.Message
	if e.Offset > 0 && (e.SQLCode == -201 || e.SQLCode == -202) {
		s += " (at offset " + strconv.Itoa(e.Offset) + ")"
	}
	return s
}

// SQLState returns a five-character SQLSTATE for the error. Informix's own
// client libraries report IX000 for every Informix-specific error
// (SQLI.md §8.3; IBM's ESQL/C documentation of SQLSTATE). As a convenience
// this package maps the common codes to portable classes instead (23505
// unique violation, 23502 NULL into NOT NULL, 42601 syntax error, 40001
// deadlock, …; the table is errcodes.go's sqlStates): that mapping is ours,
// not Informix's. Every other error is IX000.
func (e *Error) SQLState() string {
	if e.ISAMCode == -143 {
		return "40001"
	}
	if e.SQLCode == -346 && e.ISAMCode == -100 {
		return "23505"
	}
	if s, ok := sqlStates[e.SQLCode]; ok {
		return s
	}
	return "IX000"
}

// Is reports whether target is a sentinel this error falls under, so that
// errors.Is(err, informix.ErrUniqueViolation) works.
func (e *Error) Is(target error) bool {
	for _, s := range sentinels {
		if target == s.err {
			return s.match(e)
		}
	}
	return false
}

// Sentinel errors for errors.Is. Each names a class of server errors; the
// codes each class covers are listed on it. They are never returned
// themselves: an *Error matches them through its Is method.
var (
	// ErrUniqueViolation: a duplicate value in a unique index or
	// constraint: -268 (logged databases), -239 (databases without
	// logging), and -346 with ISAM -100 (an UPDATE that would duplicate a
	// key) (SQLI.md §8.2).
	ErrUniqueViolation = errors.New("informix: unique constraint violated")
	// ErrNotNullViolation: NULL into a NOT NULL column: -391, -703.
	ErrNotNullViolation = errors.New("informix: NULL into a NOT NULL column")
	// ErrLockTimeout: a row or table was locked by another session and the
	// lock wait (lock_wait option) ended: any error whose ISAM code is
	// -107 (record locked), -113 (table locked) or -154 (lock wait timed
	// out), as -244/-154 seen live (SQLI.md §7.7).
	ErrLockTimeout = errors.New("informix: lock not available")
	// ErrDeadlock: the server detected a deadlock: ISAM -143.
	ErrDeadlock = errors.New("informix: deadlock")
	// ErrNoSuchTable: the table is not in the database: -206.
	ErrNoSuchTable = errors.New("informix: no such table")
	// ErrNoSuchColumn: the column is in no table of the query: -217.
	ErrNoSuchColumn = errors.New("informix: no such column")
	// ErrSyntax: the statement has a syntax error: -201.
	ErrSyntax = errors.New("informix: syntax error")
	// ErrBadLogin: the server refused the user name or password: -951,
	// -952.
	ErrBadLogin = errors.New("informix: login refused")
)

// sentinels lists each sentinel with the codes it covers.
var sentinels = []struct {
	err   error
	match func(e *Error) bool
}{
	{ErrUniqueViolation, func(e *Error) bool {
		return e.SQLCode == -268 || e.SQLCode == -239 || (e.SQLCode == -346 && e.ISAMCode == -100)
	}},
	{ErrNotNullViolation, func(e *Error) bool { return e.SQLCode == -391 || e.SQLCode == -703 }},
	{ErrLockTimeout, func(e *Error) bool { return e.ISAMCode == -107 || e.ISAMCode == -113 || e.ISAMCode == -154 }},
	{ErrDeadlock, func(e *Error) bool { return e.ISAMCode == -143 }},
	{ErrNoSuchTable, func(e *Error) bool { return e.SQLCode == -206 }},
	{ErrNoSuchColumn, func(e *Error) bool { return e.SQLCode == -217 }},
	{ErrSyntax, func(e *Error) bool { return e.SQLCode == -201 }},
	{ErrBadLogin, func(e *Error) bool { return e.SQLCode == -951 || e.SQLCode == -952 }},
}

// newError builds an *Error from the server's report.
func newError(se *ifxconn.ServerError) *Error {
	e := &Error{
		SQLCode:   se.SQLCode,
		ISAMCode:  se.ISAMCode,
		Object:    se.Message,
		Offset:    se.Offset,
		Statement: se.SQL,
	}
	e.Message = describe(e.SQLCode, e.ISAMCode, e.Object)
	return e
}

// retrySafe is the interface of ifxconn's errors that know whether any
// byte of the request reached the socket.
type retrySafe interface{ SafeToRetry() bool }

// badConnError marks an error after which database/sql may retry on another
// connection: it matches driver.ErrBadConn through errors.Is and keeps the
// cause for the caller, in the way go-mssqldb's RetryableError does
// (aesthetics.md §2.2).
type badConnError struct{ cause error }

func (e *badConnError) Error() string {
	return "informix: bad connection: " + e.cause.Error()
}

func (e *badConnError) Unwrap() error { return e.cause }

func (e *badConnError) Is(target error) bool { return target == driver.ErrBadConn }

// mapError turns an ifxconn error into what database/sql should see:
// context errors unchanged (errors.Is(err, ctx.Err()) holds), server errors
// as *Error, and anything else wrapped with what was being done. When
// mayRetry is set (the start of an interaction: Prepare, Exec, Query,
// Begin, Ping), an error that provably sent nothing matches
// driver.ErrBadConn so that database/sql may retry on another connection;
// it never does when the server may have acted (reliability.md §4.2).
func mapError(op string, err error, mayRetry bool) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var se *ifxconn.ServerError
	if errors.As(err, &se) {
		return newError(se)
	}
	var rs retrySafe
	if mayRetry && errors.As(err, &rs) && rs.SafeToRetry() {
		return &badConnError{cause: err}
	}
	return fmt.Errorf("informix: %s: %w", op, err)
}
