package ifxconn

import (
	"context"
	"fmt"
	"io"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// Rows streams the result of a query: each Next decodes one SQ_TUPLE from
// the connection's read buffer, and the next batch (SQ_ID, SQ_NFETCH,
// SQ_EOT) is asked for only when the current one is used up, so memory
// does not grow with the result (SQLI.md §7.2, §6.10).
//
// Other calls may run on the Conn while a Rows is open, including other
// queries whose Rows are open at the same time: the cursor stays open on
// the server between fetch answers (SQLI.md §7.2). When a call starts
// while a Rows is in the middle of a fetch answer, the rest of that answer
// (at most one fetch buffer of rows, Config.FetchBufferSize, or one row
// larger than it) is first read into a buffer the Rows owns; Next returns
// the buffered rows before it sends the next SQ_NFETCH. The buffer is
// reused, so memory stays bounded by the fetch buffer however often this
// happens. If that call's context ends while the rest of the answer is
// read, the interrupt stops the fetch: the call fails with the context's
// error and the Rows, after its buffered rows, with the server's -213.
// A COMMIT closes the server's cursors (those not opened WITH HOLD), so a
// Rows does not outlive the transaction it was opened in; in particular,
// in an ANSI database outside Begin each statement commits (see Exec), so
// there a statement run while a Rows is open ends that Rows' cursor, and
// its next fetch fails (-400). Iterate and update inside Begin … Commit.
//
// The query's context governs every Next: when it ends during a fetch the
// interrupt is sent as for any request (SQLI.md §7.9), and Next returns an
// error matching the context's error; a result never ends early without
// an error.
type Rows struct {
	c       *Conn
	s       *Stmt
	ctx     context.Context
	oneShot bool // the statement is released when the rows close

	peek      sqli.ServerMessage // the first message of the first answer, read by Query
	inBatch   bool               // a fetch answer is partly read
	held      heldRows           // the rows of an answer read ahead for another call
	batchRows int                // tuples in the current answer so far
	end       bool               // the server reported the end of the result
	eof       bool               // Next returned io.EOF
	open      bool               // the cursor is open on the server (CLOSE owed)
	committed bool               // ANSI autocommit committed after the result (no CLOSE owed)
	errPend   *ServerError       // an SQ_ERR of the batch, reported at its end
	err       error              // sticky error of Next
	closed    bool
	arena     ifxtype.Arena // boxes the values Next decodes
}

// Columns returns the result columns.
func (r *Rows) Columns() []ifxtype.Column {
	if r.s == nil {
		return nil
	}
	return r.s.cols
}

// Next decodes the next row into dest, one value per column, in the Go
// types ifxtype's codecs produce; strings and byte slices are copies that
// never alias the read buffer. The values are boxed in the Rows' arena
// (ifxtype.Arena), so that most cost no allocation of their own; they are
// immutable and stay valid after the Rows close. It returns io.EOF after
// the last row, and any other error for a result cut short.
func (r *Rows) Next(dest []any) error {
	switch {
	case r.closed:
		return errorf("next row", true, "rows are closed")
	case r.err != nil:
		return r.err
	case r.eof:
		return io.EOF
	case len(dest) != len(r.Columns()):
		return errorf("next row", true, "%d destinations for %d columns", len(dest), len(r.Columns()))
	}
	if done, err := r.nextBuffered(dest); done {
		if err != nil {
			r.err = err
		}
		return err
	}
	o, err := r.c.begin(r.ctx, "next row", r)
	if err != nil {
		r.err = err
		return err
	}
	defer o.end()
	err = o.nextRow(r, dest)
	switch {
	case err == io.EOF:
		r.eof = true
	case err != nil:
		r.err = err
	}
	return err
}

// Arena returns the arena Next boxes values into. A caller that converts
// the values of a row may box its results there too, from the goroutine
// that calls Next; like Next's values, they stay valid for as long as they
// are used.
func (r *Rows) Arena() *ifxtype.Arena { return &r.arena }

// nextBuffered decodes the next row into dest when it needs no I/O: the
// Rows is in the middle of its fetch answer, with nothing read ahead or
// held, the context has not ended, and the next message is an SQ_TUPLE
// whose bytes have all arrived (sqli.Reader.TupleBuffered). Decoding it
// cannot block, so it runs without an op: no context watcher is armed, and
// nothing is allocated for the call. It reports done false, having done
// nothing, in every other case (including when another call holds the
// entry lock), which Next's general path then handles.
func (r *Rows) nextBuffered(dest []any) (done bool, err error) {
	c := r.c
	select {
	case c.lock <- struct{}{}:
	default:
		return false, nil
	}
	defer c.release()
	if c.IsClosed() || c.streaming != r || r.peek != nil || r.held.pending() || r.ctx.Err() != nil || !c.r.TupleBuffered() {
		return false, nil
	}
	m, err := c.dec.Next()
	if err != nil {
		c.poison(err)
		return true, &connError{op: "next row", err: fmt.Errorf("read answer: %w", err), safe: true}
	}
	r.batchRows++
	if err := r.s.layout.DecodeArena(m.(*sqli.Tuple).Data, dest, c.db.CodeSet, &r.arena); err != nil {
		return true, &connError{op: "next row", err: fmt.Errorf("decode a row of %q: %w", clipSQL(r.s.sql), err), safe: true}
	}
	return true, nil
}

// nextRow reads messages until a row, the end of the result, or a failure.
// A row is decoded into dest, or skipped when dest is nil. Rows read ahead
// for another call come first; an SQ_ERR of a batch is reported once the
// batch's rows are used up.
func (o *op) nextRow(r *Rows, dest []any) error {
	for {
		if data, ok := r.held.take(); ok {
			return r.decode(o, data, dest)
		}
		if !r.inBatch {
			if se := r.errPend; se != nil {
				r.errPend = nil
				return se
			}
			if r.end {
				return o.finishResult(r)
			}
			if err := o.fetch(r, nil, nil); err != nil {
				return err
			}
		}
		m, err := r.nextMessage(o)
		if err != nil {
			return err
		}
		if o.wasInterrupted() {
			r.peek = m
			return o.abortBatch(r)
		}
		row, err := o.handleFetchMessage(r, m)
		if err != nil {
			return err
		}
		if row {
			return r.decode(o, m.(*sqli.Tuple).Data, dest)
		}
	}
}

// nextMessage returns the message Query read ahead, or the next one.
func (r *Rows) nextMessage(o *op) (sqli.ServerMessage, error) {
	if m := r.peek; m != nil {
		r.peek = nil
		return m, nil
	}
	return o.next()
}

// handleFetchMessage acts on one message of a fetch answer. row reports an
// SQ_TUPLE for the caller to decode or keep. The end of the result is
// SQ_DONE, an SQ_ERR 100, a server SQ_CLOSE, or an answer without tuples
// (SQLI.md §7.2). Any other SQ_ERR is kept in errPend, which nextRow
// reports after the batch's rows.
//
// A server SQ_CLOSE means the server closed the cursor after the last row,
// as it does for a session with OPTOFC=1 (the default, sessionInfo): Close then
// sends no SQ_CLOSE, saving a round trip, as IBM JDBC 15.0.0.1.1 does
// after such an answer while it still closes a result left before its end
// (SQLI.md §6.14; [J]: wire logs of JDBC against ifxtest with OPTOFC=1;
// IBM JDBC Driver Guide, "Reduce network traffic").
func (o *op) handleFetchMessage(r *Rows, m sqli.ServerMessage) (row bool, err error) {
	switch m := m.(type) {
	case *sqli.Tuple:
		r.batchRows++
		return true, nil
	case *sqli.Done:
		r.end = true
	case *sqli.ErrorResponse:
		r.end = true
		if m.SQLCode != codeNoMoreRows && r.errPend == nil {
			r.errPend = serverError(m, r.s.sql)
		}
	case *sqli.Close:
		r.end, r.open = true, false
	case *sqli.Cost, *sqli.XactStat:
	case *sqli.EOT:
		r.inBatch = false
		o.c.streaming = nil
		if r.batchRows == 0 {
			r.end = true
		}
	default:
		return false, o.violate("SQ_NFETCH", m)
	}
	return false, nil
}

// decode decodes the row data into dest; a nil dest skips the row. A row
// that does not decode fails this call and the rows; the stream itself is
// still in step.
func (r *Rows) decode(o *op, data []byte, dest []any) error {
	if dest == nil {
		return nil
	}
	if err := r.s.layout.DecodeArena(data, dest, o.c.db.CodeSet, &r.arena); err != nil {
		return o.fail(fmt.Errorf("decode a row of %q: %w", clipSQL(r.s.sql), err))
	}
	return nil
}

// fetch sends head (the cursor open, for the first batch of a
// fixed-width result), SQ_ID, rt (SQ_RET_TYPE, for the first batch of a
// variable-width result), SQ_NFETCH and SQ_EOT as one group, as JDBC does
// (SQLI.md §7.2; conformance/testdata/jdbc/big_select.golden).
func (o *op) fetch(r *Rows, head []sqli.ClientMessage, rt *sqli.RetType) error {
	sc := &o.c.scratch
	for _, m := range head {
		o.c.w.Send(m)
	}
	sc.id.StatementID = r.s.id
	sc.nfetch = sqli.NFetch{BufferSize: o.c.cfg.fetchBufferSize()}
	msgs := append(sc.list[:0], &sc.id)
	if rt != nil {
		msgs = append(msgs, rt)
	}
	msgs = append(msgs, &sc.nfetch)
	o.queue(msgs...)
	if err := o.send(); err != nil {
		return err
	}
	r.inBatch, r.batchRows = true, 0
	o.c.streaming = r
	return nil
}

// abortBatch reads the rest of an answer during which the interrupt was
// sent, and settles it: -213 keeps the connection (and the cursor open).
func (o *op) abortBatch(r *Rows) error {
	se, err := o.drain(r)
	if err != nil {
		return err
	}
	return o.settle(se)
}

// drain reads the current fetch answer to its SQ_EOT, dropping tuples, and
// returns its first SQ_ERR other than 100.
func (o *op) drain(r *Rows) (*ServerError, error) {
	se := r.errPend
	r.errPend = nil
	for r.inBatch {
		m, err := r.nextMessage(o)
		if err != nil {
			return nil, err
		}
		switch m := m.(type) {
		case *sqli.ErrorResponse:
			if m.SQLCode != codeNoMoreRows && se == nil {
				se = serverError(m, r.s.sql)
			}
			r.end = true
		case *sqli.EOT:
			r.inBatch = false
			o.c.streaming = nil
		case *sqli.Tuple, *sqli.Cost, *sqli.XactStat:
		case *sqli.Done:
			r.end = true
		case *sqli.Close:
			// The server closed the cursor itself (OPTOFC; see
			// handleFetchMessage): no SQ_CLOSE is owed.
			r.end, r.open = true, false
		default:
			return nil, o.violate("SQ_NFETCH", m)
		}
	}
	return se, nil
}

// finishResult ends a result read to its end: in an ANSI database outside
// Begin it commits, as JDBC does after the last fetch, which also closes
// the cursor.
func (o *op) finishResult(r *Rows) error {
	if o.c.db.ANSI && !o.c.txBegun && !r.committed {
		r.committed = true
		if err := o.autocommit(); err != nil {
			return err
		}
	}
	return io.EOF
}

// Close ends the result: it reads the rest of a batch in flight, drops the
// rows read ahead, closes the cursor (SQ_ID, SQ_CLOSE, SQ_EOT, as JDBC
// does after the last row or in the middle of a result) unless the server
// already closed it (a server SQ_CLOSE, sent under OPTOFC), commits in an
// ANSI database outside Begin, and releases a one-shot statement (SQ_ID,
// SQ_RELEASE, SQ_EOT). It runs even when the query's context has ended,
// bounded by Config.InterruptTimeout, which also bounds reading ahead the
// answer of another Rows in the middle of one. Calling it again does
// nothing.
func (r *Rows) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	if r.s == nil || r.c.IsClosed() {
		return nil
	}
	o, err := r.c.enter(context.Background(), "close rows")
	if err != nil {
		return err
	}
	defer o.end()
	return o.unwatched(func() error {
		if err := o.parkOther(r); err != nil {
			return err
		}
		return o.closeRows(r)
	})
}

// closeRows reads the rest of a batch in flight, drops the rows read
// ahead, closes the cursor, commits in an ANSI database outside Begin, and
// releases a one-shot statement.
func (o *op) closeRows(r *Rows) error {
	r.held.reset()
	if r.s.open == r {
		r.s.open = nil
	}
	if r.inBatch {
		if _, err := o.drain(r); err != nil {
			return err
		}
	}
	if r.open && !r.committed {
		a := answer{what: "SQ_CLOSE"}
		if err := o.roundTrip(&a, &sqli.ID{StatementID: r.s.id}, &sqli.Close{}); err != nil {
			return err
		}
		r.open = false
	}
	if err := o.finishResult(r); err != io.EOF {
		return err
	}
	if r.oneShot {
		return o.release(r.s)
	}
	return nil
}
