package informix

import (
	"context"
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/go-informix/informix/ifxconn"
)

// cleanupTimeout bounds the round trip of Stmt.Close, which database/sql
// calls without a context.
const cleanupTimeout = 10 * time.Second

// stmt is a prepared statement.
type stmt struct {
	c *conn
	s *ifxconn.Stmt
}

var (
	_ driver.Stmt             = (*stmt)(nil)
	_ driver.StmtExecContext  = (*stmt)(nil)
	_ driver.StmtQueryContext = (*stmt)(nil)
)

// Close releases the statement on the server (SQ_RELEASE), bounded by
// cleanupTimeout.
func (s *stmt) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
	defer cancel()
	return mapError("close statement", s.s.Close(ctx), false)
}

// NumInput returns -1, which tells database/sql not to check the number
// of arguments, so that a Batch, one argument for any number of markers,
// reaches ExecContext. The statement checks the count itself (checkArgs)
// against its '?' markers, counted as IBM's JDBC driver counts them,
// before anything is sent.
func (s *stmt) NumInput() int { return -1 }

// checkArgs refuses another number of arguments than the statement's
// markers, in the words database/sql uses for the same check.
func (s *stmt) checkArgs(args []driver.NamedValue) error {
	if want := s.s.NumParams(); len(args) != want {
		return fmt.Errorf("informix: expected %d arguments, got %d", want, len(args))
	}
	return nil
}

// Exec implements driver.Stmt; ExecContext is used instead.
func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), named(args))
}

// Query implements driver.Stmt; QueryContext is used instead.
func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), named(args))
}

// ExecContext executes the statement with args; a statement that returns
// rows runs to its end with its rows dropped, as in conn.ExecContext. A
// Batch as the only argument runs it once per row (ifxconn's
// Stmt.ExecBatch).
func (s *stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	if b, ok := batchArg(args); ok {
		res, err := s.s.ExecBatch(ctx, batchRows(b))
		if err != nil {
			return nil, batchError(err)
		}
		return result(res), nil
	}
	if err := s.checkArgs(args); err != nil {
		return nil, err
	}
	params, err := s.c.params(args)
	if err != nil {
		return nil, err
	}
	res, err := s.s.Exec(ctx, params)
	if err != nil {
		return nil, mapError("exec", err, true)
	}
	return result(res), nil
}

// QueryContext opens a cursor over the statement's rows with args.
func (s *stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	params, err := s.c.params(args)
	if err != nil {
		return nil, err
	}
	if err := s.checkArgs(args); err != nil {
		return nil, err
	}
	r, err := s.s.Query(ctx, params)
	if err != nil {
		return nil, mapError("query", err, true)
	}
	return newRows(r), nil
}

// named numbers positional values as database/sql does.
func named(args []driver.Value) []driver.NamedValue {
	nv := make([]driver.NamedValue, len(args))
	for i, v := range args {
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return nv
}
