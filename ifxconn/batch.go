package ifxconn

import (
	"context"
	"fmt"

	"github.com/go-informix/informix/sqli"
)

// Groups of a batch. A batch is sent as request groups of at most
// batchGroupRows rows, a group closing early once its bytes pass
// batchGroupBytes, so that memory holds one group whatever the batch's
// size, and the sqli.Writer keeps the group's buffer from one group to the
// next. 1000 rows keep a batch of up to 1000 rows in one group, as JDBC
// sends it (conformance/testdata/jdbc/batch.golden: 1000 rows, some 28
// KB, in one group), and cost one round trip per 1000 rows. They also
// bound the answer a group gets, SQ_DONE and SQ_COST per row (34 bytes
// with feature 70, 54 with SQ_INSERTDONE; SQLI.md §6.9), to some 54 KB,
// which the client's socket buffer takes in while the client still
// writes, so a server that answers each SQ_EXECUTE as it reads it never
// blocks on a client that has not started reading.
const (
	batchGroupRows  = 1000
	batchGroupBytes = 64 << 10
)

// BatchRows supplies the rows of a batch one at a time, so that a batch
// need not be converted, or encoded, all at once.
type BatchRows interface {
	// Len returns the number of rows.
	Len() int
	// Row returns the parameters of row i, 0 ≤ i < Len(), in order of i.
	// It may reuse dst (whose contents are the previous row's) and its
	// result is used before the next call.
	Row(i int, dst []Param) ([]Param, error)
}

// ParamRows is a batch whose rows are already Params.
type ParamRows [][]Param

// Len returns the number of rows.
func (p ParamRows) Len() int { return len(p) }

// Row returns row i as it is.
func (p ParamRows) Row(i int, _ []Param) ([]Param, error) { return p[i], nil }

// BatchError is the error of a batch that stopped before its end: the
// row at which it stopped, what the rows before it affected, and why.
// Row is the index of the first row that did not run: the row the server
// refused, the row that could not be sent, or, when the context ended or
// the connection failed between two groups, the first row of the group
// not sent. The rows before Row ran; the rows after it were not sent,
// except those of Row's own group that a server may run after refusing
// one (see Stmt.ExecBatch).
type BatchError struct {
	Row          int   // index into the batch of the row that stopped it
	RowsAffected int64 // rows the executed rows affected, from their SQ_DONEs
	Err          error // the cause: a *ServerError, a bad row, a connection failure
}

// Error names the row and the cause.
func (e *BatchError) Error() string {
	return fmt.Sprintf("ifxconn: batch stopped at row index %d (%d rows affected before it): %v", e.Row, e.RowsAffected, e.Err)
}

// Unwrap returns the cause.
func (e *BatchError) Unwrap() error { return e.Err }

// ExecBatch runs the prepared statement once per row of rows, as IBM
// JDBC's executeBatch does: after JDBC's one SQ_CIDESCRIBE per statement,
// one request group SQ_ID, (SQ_BIND, SQ_EXECUTE) × N, SQ_EOT, answered by
// one SQ_DONE (and SQ_COST) per execution and one SQ_EOT (SQLI.md §7.3
// [B: S4]; conformance/testdata/jdbc/batch.golden, byte for byte). A batch
// over 1000 rows, or over 64 KiB of requests, goes as several such groups
// in turn, each read to its end before the next is encoded, so memory
// holds one group. RowsAffected is the sum over the rows; the serial is
// the last one any row generated.
//
// The batch stops at the first row that fails, with a *BatchError naming
// it: a row the server refuses (the cause is its *ServerError), a row that
// cannot be sent (another number of values than the statement's markers, a
// value whose bind type differs from an earlier row's in the same column,
// a value its codec refuses), or a context that ended. The rows before it
// ran; to make a batch all or nothing, run it in a transaction and roll
// back on error. JDBC also requires one type per column across a batch;
// NULLs take the described type of their column (see Param), so they mix
// with any values. An empty batch sends nothing.
//
// Open question (SQLI.md §7.3): whether a server runs the SQ_EXECUTEs that
// follow a refused one in the same group is not published; ifxtest runs
// none, as it skips every message of a group after an SQ_ERR. RowsAffected
// counts every SQ_DONE of the answer, so it stays true either way.
//
// Cancellation follows the package rules: a context that ends while a
// group is awaited sends the interrupt, and the connection is kept only if
// the answer carries -213; one that ends between groups sends nothing
// more. A batch is never retried.
func (s *Stmt) ExecBatch(ctx context.Context, rows BatchRows) (Result, error) {
	if s.closed {
		return Result{}, errorf("exec batch", true, "statement %q is closed", clipSQL(s.sql))
	}
	if rows.Len() == 0 {
		return Result{}, nil
	}
	o, err := s.c.begin(ctx, "exec batch", nil)
	if err != nil {
		return Result{}, err
	}
	defer o.end()
	return o.execBatch(s, rows)
}

// ExecBatch prepares sql, runs it once per row of rows as Stmt.ExecBatch
// does, and releases it, all under one entry lock. An empty batch sends
// nothing, not even the SQ_PREPARE.
func (c *Conn) ExecBatch(ctx context.Context, sql string, rows BatchRows) (Result, error) {
	if rows.Len() == 0 {
		return Result{}, nil
	}
	o, err := c.begin(ctx, "exec batch", nil)
	if err != nil {
		return Result{}, err
	}
	defer o.end()
	s, err := o.prepare(sql)
	if err != nil {
		return Result{}, err
	}
	res, err := o.execBatch(s, rows)
	if rerr := o.unwatched(func() error { return o.release(s) }); err == nil {
		err = rerr
	}
	return res, err
}

// execBatch runs the groups of a batch in turn.
func (o *op) execBatch(s *Stmt, rows BatchRows) (Result, error) {
	if s.returnsRows() {
		return Result{}, o.fail(fmt.Errorf("statement %q returns rows; a batch runs statements that return none", clipSQL(s.sql)))
	}
	if err := o.describeParams(s); err != nil {
		return Result{}, err
	}
	if err := o.beginPending(); err != nil {
		return Result{}, err
	}
	b := &batch{o: o, s: s, rows: rows, types: make([]sqli.TypeCode, s.numParams), typed: make([]bool, s.numParams)}
	err := b.run()
	if err == nil {
		o.c.noteTxStatement(s.typ)
	}
	if cerr := o.autocommit(); err == nil {
		err = cerr
	}
	return b.res, err
}

// batch is the state of one ExecBatch.
type batch struct {
	o     *op
	s     *Stmt
	rows  BatchRows
	next  int             // the first row not yet sent
	res   Result          // what the rows that ran reported
	types []sqli.TypeCode // the bind type of each column, once a value fixed it
	typed []bool          // types[i] is fixed
	enc   bindEncoder
	args  []Param
}

// run sends the groups and reads their answers until the last row or the
// first failure.
func (b *batch) run() error {
	for b.next < b.rows.Len() {
		start := b.next
		bad := b.queue()
		if b.next > start {
			if err := b.exchange(start); err != nil {
				return err
			}
		}
		if bad != nil {
			b.o.c.w.Discard()
			return &BatchError{Row: b.next, RowsAffected: b.res.RowsAffected, Err: bad}
		}
	}
	return nil
}

// queue encodes the next group's rows into the request queue: SQ_ID, then
// SQ_BIND and SQ_EXECUTE per row, and SQ_EOT. It stops before a row that
// cannot be sent and returns why; the rows before it are queued.
func (b *batch) queue() error {
	w := b.o.c.w
	w.Send(&sqli.ID{StatementID: b.s.id})
	var bind sqli.Bind
	var exec sqli.Execute
	var bad error
	for n := 0; n < batchGroupRows && w.Buffered() < batchGroupBytes && b.next < b.rows.Len(); n++ {
		if bad = b.encodeRow(&bind); bad != nil {
			break
		}
		if len(bind.Values) > 0 {
			w.Send(&bind)
		}
		w.Send(&exec)
		b.next++
	}
	w.Send(&sqli.EOT{})
	return bad
}

// encodeRow converts and encodes row b.next into bind.
func (b *batch) encodeRow(bind *sqli.Bind) error {
	args, err := b.rows.Row(b.next, b.args)
	if err != nil {
		return err
	}
	b.args = args
	if len(args) != b.s.numParams {
		return fmt.Errorf("statement %q has %d parameter markers, the row has %d values", clipSQL(b.s.sql), b.s.numParams, len(args))
	}
	for i, p := range args {
		switch {
		case p.Value == nil:
		case !b.typed[i]:
			b.types[i], b.typed[i] = p.Type, true
		case p.Type != b.types[i]:
			return fmt.Errorf("parameter %d binds as %v, an earlier row's as %v; a column keeps one type across a batch", i+1, p.Type, b.types[i])
		}
	}
	vals, err := b.enc.encode(args, b.s.nullTypes, b.o.c.db.CodeSet)
	if err != nil {
		return err
	}
	bind.Values = vals
	return nil
}

// exchange sends the queued group, whose first row is start, and reads its
// answer; a refused row ends the batch with a BatchError.
func (b *batch) exchange(start int) error {
	o := b.o
	if err := o.send(); err != nil {
		return &BatchError{Row: start, RowsAffected: b.res.RowsAffected, Err: err}
	}
	var a batchAnswer
	err := o.readBatchAnswer(&a)
	if err == nil {
		err = o.settle(a.err)
	}
	b.res.RowsAffected += a.rows
	if a.hasSerial {
		b.res.Serial, b.res.HasSerial = a.serial, true
	}
	failed := start + a.doneBeforeErr
	switch {
	case err != nil:
		return &BatchError{Row: failed, RowsAffected: b.res.RowsAffected, Err: err}
	case a.err != nil:
		a.err.SQL = b.s.sql
		b.next = failed
		return &BatchError{Row: failed, RowsAffected: b.res.RowsAffected, Err: a.err}
	case a.dones != b.next-start:
		err := fmt.Errorf("%w: %d SQ_DONEs in the answer to %d SQ_EXECUTEs", errProtocol, a.dones, b.next-start)
		o.c.poison(err)
		return &BatchError{Row: start + a.dones, RowsAffected: b.res.RowsAffected, Err: o.fail(err)}
	}
	return nil
}

// batchAnswer collects the answer to one group of a batch.
type batchAnswer struct {
	dones         int          // SQ_DONEs read
	doneBeforeErr int          // SQ_DONEs before the first SQ_ERR
	rows          int64        // rows the SQ_DONEs report
	serial        int64        // the last serial an execution generated
	hasSerial     bool         // serial is set
	err           *ServerError // the first SQ_ERR
}

// readBatchAnswer reads the answer to a batch group up to its SQ_EOT. A
// message that does not belong there poisons the connection.
func (o *op) readBatchAnswer(a *batchAnswer) error {
	var ins *sqli.InsertDone
	for {
		m, err := o.next()
		if err != nil {
			return err
		}
		switch m := m.(type) {
		case *sqli.EOT:
			return nil
		case *sqli.InsertDone:
			d := *m
			ins = &d
		case *sqli.Done:
			a.note(m, ins)
			ins = nil
		case *sqli.ErrorResponse:
			if a.err == nil {
				a.err = serverError(m, "")
			}
		case *sqli.Cost, *sqli.XactStat:
		default:
			return o.violate("SQ_EXECUTE", m)
		}
	}
}

// note counts one execution's SQ_DONE and the SQ_INSERTDONE before it, if
// any, and keeps the serial they report (as result does for one
// execution).
func (a *batchAnswer) note(d *sqli.Done, ins *sqli.InsertDone) {
	a.dones++
	if a.err == nil {
		a.doneBeforeErr = a.dones
	}
	a.rows += d.Rows
	switch {
	case ins != nil && !ins.Serial8Null && ins.Serial8 != 0:
		a.serial, a.hasSerial = ins.Serial8, true
	case ins != nil && ins.BigSerial != 0:
		a.serial, a.hasSerial = ins.BigSerial, true
	case d.Serial != 0:
		a.serial, a.hasSerial = int64(d.Serial), true
	}
}
