package informix

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/go-informix/informix/ifxconn"
)

// conn is one database/sql connection over an ifxconn.Conn. database/sql
// uses a conn from one goroutine at a time.
type conn struct {
	ifx *ifxconn.Conn
	cfg *Config // the Connector's, never modified

	// isolationDirty is set when a transaction changed the session's
	// isolation and setting it back failed; ResetSession tries again.
	isolationDirty bool
}

var (
	_ driver.Conn               = (*conn)(nil)
	_ driver.Pinger             = (*conn)(nil)
	_ driver.ConnPrepareContext = (*conn)(nil)
	_ driver.ConnBeginTx        = (*conn)(nil)
	_ driver.ExecerContext      = (*conn)(nil)
	_ driver.QueryerContext     = (*conn)(nil)
	_ driver.NamedValueChecker  = (*conn)(nil)
	_ driver.SessionResetter    = (*conn)(nil)
	_ driver.Validator          = (*conn)(nil)
)

// Prepare implements driver.Conn.
func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

// PrepareContext prepares query in one round trip (the SQ_PREPARE group).
func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	s, err := c.ifx.Prepare(ctx, query)
	if err != nil {
		return nil, mapError("prepare", err, true)
	}
	return &stmt{c: c, s: s}, nil
}

// Close closes the connection: a polite goodbye to the server under a
// short bound, then the socket. An open transaction is rolled back by the
// server (SQLI.md §7.8).
func (c *conn) Close() error { return mapError("close", c.ifx.Close(), false) }

// Begin implements driver.Conn; BeginTx is used instead.
func (c *conn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// Ping makes a cheap round trip. Any failure other than a server error or
// the context's leaves the connection unusable and reports
// driver.ErrBadConn: a ping does nothing a retry could repeat harmfully.
func (c *conn) Ping(ctx context.Context) error {
	err := c.ifx.Ping(ctx)
	if err == nil {
		return nil
	}
	mapped := mapError("ping", err, true)
	var ie *Error
	if errors.As(mapped, &ie) || errors.Is(mapped, driver.ErrBadConn) || ctx.Err() != nil {
		return mapped
	}
	return &badConnError{cause: err}
}

// ExecContext runs query once. Without arguments it takes ifxconn's
// SQ_COMMAND path, one round trip; with arguments it prepares, binds and
// releases the statement. A query that returns rows runs to its end with
// its rows dropped, and RowsAffected counts them (ifxconn.Stmt.Exec). A
// Batch as the only argument runs query once per row (ifxconn's
// Conn.ExecBatch).
func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if b, ok := batchArg(args); ok {
		res, err := c.ifx.ExecBatch(ctx, query, batchRows(b))
		if err != nil {
			return nil, batchError(err)
		}
		return result(res), nil
	}
	params, err := c.params(args)
	if err != nil {
		return nil, err
	}
	res, err := c.ifx.Exec(ctx, query, params)
	if err != nil {
		return nil, mapError("exec", err, true)
	}
	return result(res), nil
}

// QueryContext runs query once; the statement is released when the rows
// are closed.
func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	params, err := c.params(args)
	if err != nil {
		return nil, err
	}
	r, err := c.ifx.Query(ctx, query, params)
	if err != nil {
		return nil, mapError("query", err, true)
	}
	return newRows(r), nil
}

// params returns the bind values of args, which CheckNamedValue has
// normally converted already.
func (c *conn) params(args []driver.NamedValue) ([]ifxconn.Param, error) {
	if len(args) == 0 {
		return nil, nil
	}
	ps := make([]ifxconn.Param, len(args))
	for i := range args {
		nv := args[i]
		switch v := nv.Value.(type) {
		case ifxconn.Param:
			ps[i] = v
			continue
		case Batch:
			return nil, fmt.Errorf("informix: argument %d: %w", nv.Ordinal, errBatchPlace)
		}
		if err := c.CheckNamedValue(&nv); err != nil {
			return nil, err
		}
		ps[i] = nv.Value.(ifxconn.Param)
	}
	return ps, nil
}

// ResetSession prepares the connection for its next user. A closed or
// poisoned connection reports driver.ErrBadConn. A transaction left open
// (by statements that began one outside database/sql's Tx, or a Tx whose
// end failed) is rolled back, and an isolation level a Tx changed is set
// back; if either fails, driver.ErrBadConn makes database/sql discard the
// connection rather than hand its state to the next user.
func (c *conn) ResetSession(ctx context.Context) error {
	if c.ifx.IsClosed() {
		return driver.ErrBadConn
	}
	if c.ifx.InTransaction() {
		if err := c.ifx.Rollback(ctx); err != nil {
			return &badConnError{cause: err}
		}
	}
	if c.isolationDirty {
		if err := c.restoreIsolation(ctx); err != nil {
			return &badConnError{cause: err}
		}
	}
	return nil
}

// IsValid reports whether the connection may go back to the pool: it is
// neither closed nor poisoned.
func (c *conn) IsValid() bool { return !c.ifx.IsClosed() }

// execResult is the driver.Result of an Exec.
type execResult struct{ r ifxconn.Result }

func result(r ifxconn.Result) driver.Result { return execResult{r} }

// LastInsertId returns the SERIAL, SERIAL8 or BIGSERIAL value the server
// generated for an INSERT, or an error when the statement generated none.
func (r execResult) LastInsertId() (int64, error) {
	if !r.r.HasSerial {
		return 0, errors.New("informix: LastInsertId: the statement generated no SERIAL value")
	}
	return r.r.Serial, nil
}

// RowsAffected returns the count of rows the statement processed: for a
// statement that returns rows, the number it returned.
func (r execResult) RowsAffected() (int64, error) { return r.r.RowsAffected, nil }
