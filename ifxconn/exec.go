package ifxconn

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/go-informix/informix/sqli"
)

// Exec runs the prepared statement once with args: SQ_ID, SQ_BIND (when
// there are arguments), SQ_EXECUTE, SQ_EOT, as JDBC's executeUpdate sends
// it (SQLI.md §7.3; conformance/testdata/jdbc/big_select.golden), after
// JDBC's one SQ_CIDESCRIBE per statement with parameters.
//
// A statement that returns rows (a SELECT, a routine that returns values)
// runs to its end and its rows are dropped, as pgx and go-sql-driver/mysql
// do for Exec: its cursor is opened, every row fetched and dropped (one
// batch in memory at a time), and the cursor closed; RowsAffected is the
// number of rows it returned and no serial is reported. An error of the
// statement at any row is returned.
func (s *Stmt) Exec(ctx context.Context, args []Param) (Result, error) {
	if err := s.check("exec", args); err != nil {
		return Result{}, err
	}
	o, err := s.c.begin(ctx, "exec", nil)
	if err != nil {
		return Result{}, err
	}
	defer o.end()
	return o.exec(s, args)
}

func (o *op) exec(s *Stmt, args []Param) (Result, error) {
	if s.returnsRows() {
		return o.execRows(s, args)
	}
	b, err := o.bind(s, args)
	if err != nil {
		return Result{}, err
	}
	if err := o.beginPending(); err != nil {
		return Result{}, err
	}
	msgs := []sqli.ClientMessage{&sqli.ID{StatementID: s.id}}
	if b != nil {
		msgs = append(msgs, b)
	}
	a := answer{what: "SQ_EXECUTE"}
	if err := o.roundTrip(&a, append(msgs, &sqli.Execute{})...); err != nil {
		return Result{}, err
	}
	res, err := o.result(&a, s.sql)
	if err == nil {
		o.c.noteTxStatement(s.typ)
	}
	if cerr := o.autocommit(); err == nil {
		err = cerr
	}
	return res, err
}

// Exec runs sql once. Without arguments it takes the path of JDBC's
// Statement.executeUpdate, one round trip: SQ_COMMAND, SQ_NDESCRIBE,
// SQ_EXECUTE, SQ_RELEASE, SQ_EOT (SQLI.md §6.1;
// conformance/testdata/jdbc/dml_counts.golden). With arguments it
// prepares, executes and releases the statement. A statement that returns
// rows runs to its end with its rows dropped, as Stmt.Exec says; without
// arguments see command for how.
func (c *Conn) Exec(ctx context.Context, sql string, args []Param) (Result, error) {
	o, err := c.begin(ctx, "exec", nil)
	if err != nil {
		return Result{}, err
	}
	defer o.end()
	if len(args) == 0 {
		return o.command(sql)
	}
	if n := countParams(sql); n != len(args) {
		return Result{}, o.fail(fmt.Errorf("statement %q has %d parameter markers, got %d arguments", clipSQL(sql), n, len(args)))
	}
	s, err := o.prepare(sql)
	if err != nil {
		return Result{}, err
	}
	res, err := o.exec(s, args)
	if rerr := o.unwatched(func() error { return o.release(s) }); err == nil {
		err = rerr
	}
	return res, err
}

// command runs sql through SQ_COMMAND.
//
// Whether a server runs a statement that returns rows through SQ_COMMAND
// is not known (SQLI.md §6.1: JDBC never sends one; ifxtest refuses its
// SQ_EXECUTE with -404, as ESQL/C's EXECUTE of a SELECT without INTO has
// nowhere to put the rows). The answer's SQ_DESCRIBE, which comes before
// the execution, names the statement type: when it says the statement
// returns rows and the answer has an SQ_ERR and no SQ_DONE, the statement
// did not run, and it is prepared and run through a cursor instead (one
// more round trip for such statements only). If a server does run it and
// answers SQ_DONE, that answer is the result. Open question (SQLI.md
// §6.1): a server that runs part of a routine and then fails would have
// it run twice here.
func (o *op) command(sql string) (Result, error) {
	text, err := o.c.wireSQL(sql)
	if err != nil {
		return Result{}, o.fail(err)
	}
	if err := o.beginPending(); err != nil {
		return Result{}, err
	}
	a := answer{what: "SQ_COMMAND"}
	if err := o.roundTrip(&a, &sqli.Command{SQL: text}, &sqli.NDescribe{}, &sqli.Execute{}, &sqli.Release{}); err != nil {
		return Result{}, err
	}
	if d := a.describe; d != nil && a.err != nil && a.done == nil && describesRows(d.StatementType, len(d.Columns)) {
		return o.commandRows(sql)
	}
	res, err := o.result(&a, sql)
	if err == nil && a.describe != nil {
		o.c.noteTxStatement(a.describe.StatementType)
	}
	if cerr := o.autocommit(); err == nil {
		err = cerr
	}
	return res, err
}

// commandRows runs sql, a statement that returns rows, which SQ_COMMAND
// did not run: prepared, run through a cursor with its rows dropped, and
// released.
func (o *op) commandRows(sql string) (Result, error) {
	s, err := o.prepare(sql)
	if err != nil {
		return Result{}, err
	}
	res, err := o.exec(s, nil)
	if rerr := o.unwatched(func() error { return o.release(s) }); err == nil {
		err = rerr
	}
	return res, err
}

// execRows runs s, a statement that returns rows, for Exec: it opens a
// cursor (over a copy of s if a Rows of s is open, as Stmt.Query does),
// reads every row and drops it, and closes the cursor, which commits in an
// ANSI database outside Begin. The cursor is closed after a failure too,
// when the connection is still usable.
func (o *op) execRows(s *Stmt, args []Param) (Result, error) {
	var (
		r   *Rows
		err error
	)
	if s.open != nil {
		r, err = o.queryOnce(s.sql, args)
	} else {
		r, err = o.query(s, args, false)
	}
	if err != nil {
		return Result{}, err
	}
	var n int64
	for err == nil {
		if err = o.nextRow(r, nil); err == nil {
			n++
		}
	}
	if err == io.EOF {
		err = nil
	}
	r.closed = true
	if cerr := o.unwatched(func() error { return o.closeRows(r) }); err == nil {
		err = cerr
	}
	return Result{RowsAffected: n}, err
}

// result reads the Result of an execution's answer: the rows from
// SQ_DONE, the serial from SQ_INSERTDONE (SERIAL8, then BIGSERIAL) or else
// SQ_DONE (SERIAL). A serial of 0 means none was generated: serial columns
// start at 1 (SQLI.md §6.9; conformance dml_counts).
func (o *op) result(a *answer, sql string) (Result, error) {
	if a.err != nil {
		a.err.SQL = sql
		return Result{}, a.err
	}
	if a.done == nil {
		err := fmt.Errorf("%w: no SQ_DONE in the answer to %s", errProtocol, a.what)
		o.c.poison(err)
		return Result{}, o.fail(err)
	}
	res := Result{RowsAffected: a.done.Rows}
	switch d := a.insertDone; {
	case d != nil && !d.Serial8Null && d.Serial8 != 0:
		res.Serial, res.HasSerial = d.Serial8, true
	case d != nil && d.BigSerial != 0:
		res.Serial, res.HasSerial = d.BigSerial, true
	case a.done.Serial != 0:
		res.Serial, res.HasSerial = int64(a.done.Serial), true
	}
	return res, nil
}

// unwatched runs fn, a cleanup or a commit that must be sent even after
// the call's context ended, with the context's watcher disarmed and the
// connection's deadline at Config.InterruptTimeout instead. A server that
// does not answer within it poisons the connection.
func (o *op) unwatched(fn func() error) error {
	if o.c.IsClosed() {
		return nil
	}
	o.mu.Lock()
	o.shielded = true
	o.mu.Unlock()
	o.c.nc.SetDeadline(time.Now().Add(o.c.cfg.interruptTimeout()))
	err := fn()
	o.mu.Lock()
	o.shielded = false
	o.mu.Unlock()
	if !o.c.IsClosed() {
		o.c.nc.SetDeadline(time.Time{})
	}
	return err
}
