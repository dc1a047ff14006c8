package ifxconn

import (
	"errors"
	"fmt"
	"strings"
)

// ServerError is an error the server reported: an SQ_ERR in an answer
// (SQLI.md §6.13), or a refused login (SQLI.md §3.4), whose service error
// is the SQLCode. The server sends numbers and one parameter string, never
// the catalog text (SQLI.md §8.1), so Message is that parameter (sqlerrm:
// a table, column or constraint name, or the token near a syntax error).
// A ServerError never holds a password. After one from a statement the
// connection stays usable.
type ServerError struct {
	SQLCode  int    // negative Informix error code, e.g. -201; 100 is "no more rows"
	ISAMCode int    // secondary ISAM/RSAM code, 0 if none
	Offset   int    // position in SQL where the server found the error, 0 if none
	Message  string // sqlerrm: the parameter of the catalog message
	SQL      string // the statement text the error is about; empty for login and connection-level requests
}

// Error describes the error with its codes, parameter and statement.
func (e *ServerError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "ifxconn: server error %d", e.SQLCode)
	if e.ISAMCode != 0 {
		fmt.Fprintf(&b, " (ISAM %d)", e.ISAMCode)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %q", e.Message)
	}
	if e.SQL != "" {
		fmt.Fprintf(&b, " in %q", clipSQL(e.SQL))
		if e.Offset > 0 {
			fmt.Fprintf(&b, " at offset %d", e.Offset)
		}
	}
	return b.String()
}

// clipSQL shortens statement text quoted in an error to 200 bytes.
func clipSQL(s string) string {
	const n = 200
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Error codes ifxconn itself interprets (SQLI.md §8.2).
const (
	codeNoMoreRows  = 100  // end of a cursor
	codeInterrupted = -213 // statement interrupted by the client's urgent byte (SQLI.md §7.9)
)

// ErrNoTransactions is returned (wrapped) by Begin on a database without a
// transaction log. Informix refuses BEGIN WORK there with -256
// ("transaction not available"), as ifxtest does (conformance nolog
// scenario); IBM JDBC refuses setAutoCommit(false) before sending
// anything, with its own code -79744. ifxconn does the same: nothing is
// written and the connection stays usable.
var ErrNoTransactions = errors.New("ifxconn: the database has no transaction log, so it has no transactions (Informix -256)")

// ErrClosed is returned (wrapped) by a call on a Conn that is closed or
// poisoned. Nothing was written.
var ErrClosed = errors.New("ifxconn: connection closed")

// connError is every error ifxconn returns that did not come from the
// server: a failed dial, a lost connection, a protocol violation, a bad
// argument, a context that ended. safe records whether no byte of the
// request reached the socket, so that the caller knows whether a retry on
// another connection can run the request twice.
type connError struct {
	op   string // what was being done, e.g. "prepare"
	err  error  // the cause
	ctx  error  // the context's error when the context ended the call, else nil
	safe bool   // no byte of the request reached the socket
}

// Error names the operation and the cause.
func (e *connError) Error() string {
	switch {
	case e.ctx != nil && e.err != nil && !errors.Is(e.err, e.ctx):
		return fmt.Sprintf("ifxconn: %s: %v (%v)", e.op, e.ctx, e.err)
	case e.ctx != nil && e.err == nil:
		return fmt.Sprintf("ifxconn: %s: %v", e.op, e.ctx)
	}
	return fmt.Sprintf("ifxconn: %s: %v", e.op, e.err)
}

// Unwrap returns the context's error (when the context ended the call) and
// the cause, so that errors.Is(err, ctx.Err()) and errors.As for a
// *ServerError (a -213 that answered the interrupt) both hold.
func (e *connError) Unwrap() []error {
	var out []error
	if e.ctx != nil {
		out = append(out, e.ctx)
	}
	if e.err != nil {
		out = append(out, e.err)
	}
	return out
}

// SafeToRetry reports whether no byte of the request reached the socket.
func (e *connError) SafeToRetry() bool { return e.safe }

// errorf returns a connError for op whose cause is formatted.
func errorf(op string, safe bool, format string, args ...any) error {
	return &connError{op: op, err: fmt.Errorf(format, args...), safe: safe}
}

// errInterruptUnconsumed poisons a connection whose interrupt arrived too
// late to stop the statement it was sent for.
var errInterruptUnconsumed = errors.New("the interrupt was not answered with -213, so it may still hit the next statement; connection closed")

// errNotInTx is the error of Commit and Rollback without Begin.
var errNotInTx = errors.New("no transaction is open (Begin was not called)")
