package ifxconn

import (
	"context"
	"fmt"
	"time"

	"github.com/go-informix/informix/sqli"
)

// Exec runs the prepared statement once with args: SQ_ID, SQ_BIND (when
// there are arguments), SQ_EXECUTE, SQ_EOT, as JDBC's executeUpdate sends
// it (SQLI.md §7.3; conformance/testdata/jdbc/big_select.golden), after
// JDBC's one SQ_CIDESCRIBE per statement with parameters. A statement that
// returns rows must go through Query.
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
		return Result{}, o.fail(fmt.Errorf("statement %q returns rows; run it with Query", clipSQL(s.sql)))
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
	if cerr := o.autocommit(); err == nil {
		err = cerr
	}
	return res, err
}

// Exec runs sql once. Without arguments it takes the path of JDBC's
// Statement.executeUpdate, one round trip: SQ_COMMAND, SQ_NDESCRIBE,
// SQ_EXECUTE, SQ_RELEASE, SQ_EOT (SQLI.md §6.1;
// conformance/testdata/jdbc/dml_counts.golden). With arguments it
// prepares, executes and releases the statement.
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
func (o *op) command(sql string) (Result, error) {
	if err := o.beginPending(); err != nil {
		return Result{}, err
	}
	a := answer{what: "SQ_COMMAND"}
	if err := o.roundTrip(&a, &sqli.Command{SQL: sql}, &sqli.NDescribe{}, &sqli.Execute{}, &sqli.Release{}); err != nil {
		return Result{}, err
	}
	res, err := o.result(&a, sql)
	if cerr := o.autocommit(); err == nil {
		err = cerr
	}
	return res, err
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
