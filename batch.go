package informix

import (
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/go-informix/informix/ifxconn"
)

// Batch is an argument that runs a statement that returns no rows (an
// INSERT, UPDATE, DELETE, EXECUTE PROCEDURE) once per row, pipelined as
// IBM JDBC's executeBatch runs it: the rows travel in request groups of up
// to 1000 rows, one round trip each, instead of one round trip per row.
// Pass it as the only argument of ExecContext:
//
//	res, err := tx.ExecContext(ctx, "INSERT INTO t VALUES (?, ?)", informix.Batch(rows))
//
// It works on *sql.DB, *sql.Tx and *sql.Conn (whose ExecContext reaches
// the driver without an argument count check) and on a prepared *sql.Stmt
// (the driver counts arguments itself, see stmt.NumInput). Each row holds
// one value per '?' marker, converted with the rules of single arguments
// (CheckNamedValue); every non-NULL value of a column must bind as the same
// type as the column's first non-NULL value (as JDBC requires), so mixing
// int32 and int64 in a column is an error, while NULLs mix with anything.
// Rows are converted and encoded as they are sent, so memory holds one
// group of rows, not the batch.
//
// RowsAffected is the total over the rows; LastInsertId is the serial the
// last row generated. The batch stops at the first row that fails, with a
// *BatchError naming its index: a row the server refused (the cause is an
// *Error), or a row that could not be sent (a value that does not convert,
// another number of values than markers, a type change in a column). The
// rows before it ran, and in autocommit each committed; run the batch in a
// transaction to make it all or nothing. A context that ends stops the
// batch as any statement (see Cancellation); the batch is never retried
// once a row was sent. An empty Batch sends nothing. Batch is refused by
// QueryContext and next to other arguments.
type Batch [][]any

// BatchError is the error of a Batch that stopped before its end. Row is
// the index in the Batch of the first row that did not run: the row the
// server refused, the row that could not be sent, or the first row of the
// group that a cancellation or a connection failure kept from running.
// The rows before Row ran and affected RowsAffected rows. Err is the
// cause: an *Error for a row the server refused (errors.Is with the
// sentinels works through BatchError), the context's error, or an error
// describing the bad row.
type BatchError struct {
	Row          int
	RowsAffected int64
	Err          error
}

// Error names the row and the cause.
func (e *BatchError) Error() string {
	return fmt.Sprintf("informix: batch stopped at row index %d (%d rows affected before it): %v", e.Row, e.RowsAffected, e.Err)
}

// Unwrap returns the cause.
func (e *BatchError) Unwrap() error { return e.Err }

// batchArg returns the Batch when it is the only argument.
func batchArg(args []driver.NamedValue) (Batch, bool) {
	if len(args) != 1 {
		return nil, false
	}
	b, ok := args[0].Value.(Batch)
	return b, ok
}

// errBatchPlace is the error of a Batch given with other arguments or to a
// query.
var errBatchPlace = errors.New("a Batch must be the only argument of ExecContext")

// batchRows converts a Batch's rows one at a time for ifxconn.
type batchRows Batch

// Len returns the number of rows.
func (b batchRows) Len() int { return len(b) }

// Row converts row i into dst's memory, naming the value that does not
// convert.
func (b batchRows) Row(i int, dst []ifxconn.Param) ([]ifxconn.Param, error) {
	dst = dst[:0]
	for j, v := range b[i] {
		p, err := toParam(v, 0)
		if err != nil {
			return nil, fmt.Errorf("value %d: %w", j+1, err)
		}
		dst = append(dst, p)
	}
	return dst, nil
}

// batchError maps an error of ifxconn's ExecBatch: a *ifxconn.BatchError
// becomes a *BatchError whose cause is mapped as mapError does, allowing a
// retry on another connection only when no row was sent.
func batchError(err error) error {
	var be *ifxconn.BatchError
	if !errors.As(err, &be) {
		return mapError("exec batch", err, true)
	}
	return &BatchError{Row: be.Row, RowsAffected: be.RowsAffected, Err: mapError("exec batch", be.Err, be.Row == 0)}
}
