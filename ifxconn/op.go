package ifxconn

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/go-informix/informix/sqli"
)

// Phases of an op, which decide what a cancellation does.
const (
	phaseIdle  = iota // between round trips: the next one sees the context ended
	phaseWrite        // flushing a request: a past write deadline unblocks it
	phaseRead         // waiting for an answer: the interrupt is sent
	phaseDone         // the op ended: nothing happens
)

// op is one call on a Conn, holding its entry lock, with the watcher of the
// call's context (aesthetics.md §2.3: one context.AfterFunc per operation).
// When the context ends while a request is written, a past write deadline
// unblocks the write; while an answer is awaited, the SQLI interrupt is
// sent (SQLI.md §7.9) and the answer must then arrive within
// Config.InterruptTimeout.
type op struct {
	c    *Conn
	name string
	ctx  context.Context
	stop func() bool

	mu          sync.Mutex // guards the fields below against the watcher
	phase       int
	fired       bool // the context ended during the op
	interrupted bool // the urgent byte was sent (or the read was cut short)
	written     bool // a byte of some request of this op reached the socket
	shielded    bool // inside unwatched: a cancellation changes nothing
}

// begin acquires c for the call name and starts watching ctx. owner is the
// Rows making the call, or nil. When another Rows is in the middle of a
// fetch answer, the rest of that answer is read into its buffer first
// (park), so that the call can send its request.
func (c *Conn) begin(ctx context.Context, name string, owner *Rows) (*op, error) {
	o, err := c.enter(ctx, name)
	if err != nil {
		return nil, err
	}
	if err := o.parkOther(owner); err != nil {
		o.end()
		return nil, err
	}
	return o, nil
}

// enter acquires c for the call name and starts watching ctx, leaving a
// Rows in the middle of an answer as it is.
func (c *Conn) enter(ctx context.Context, name string) (*op, error) {
	if err := c.acquire(ctx, name); err != nil {
		return nil, err
	}
	if ctx.Done() == nil {
		// No watcher can outlive the call, so the Conn's own op serves
		// it: the entry lock orders its uses, saving an allocation.
		o := &c.plainOp
		*o = op{c: c, name: name, ctx: ctx}
		return o, nil
	}
	o := &op{c: c, name: name, ctx: ctx}
	o.stop = context.AfterFunc(ctx, o.cancel)
	return o, nil
}

// parkOther parks the Rows in the middle of a fetch answer, if there is
// one and it is not owner.
func (o *op) parkOther(owner *Rows) error {
	if r := o.c.streaming; r != nil && r != owner {
		return o.park(r)
	}
	return nil
}

// end stops the watcher, waits for a watcher already running, clears any
// deadline the watcher set on a connection that survived, and releases the
// entry lock.
func (o *op) end() {
	if o.stop != nil {
		o.stop()
	}
	o.mu.Lock()
	fired := o.fired
	o.phase = phaseDone
	o.mu.Unlock()
	if fired && !o.c.IsClosed() {
		o.c.nc.SetDeadline(time.Time{})
	}
	o.c.release()
}

// cancel is the watcher: it runs once, when the context ends.
func (o *op) cancel() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.fired = true
	if o.shielded {
		return
	}
	switch o.phase {
	case phaseWrite:
		o.c.nc.SetWriteDeadline(time.Now())
	case phaseRead:
		o.interrupted = true
		if err := sendInterrupt(o.c.raw); err != nil {
			// No urgent byte could be sent: cut the read short, which
			// poisons the connection.
			o.c.nc.SetReadDeadline(time.Now())
			return
		}
		o.c.nc.SetReadDeadline(time.Now().Add(o.c.cfg.interruptTimeout()))
	}
}

// setPhase moves the op to phase p and reports whether the context ended
// before, and whether the interrupt was sent during the phase left.
func (o *op) setPhase(p int) (fired, interrupted bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.phase = p
	return o.fired, o.interrupted
}

// ctxErr returns the context's error once it ended, else nil.
func (o *op) ctxErr() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.fired {
		return nil
	}
	return o.ctx.Err()
}

// fail returns err as an error of this op: a connError carrying whether
// nothing of the op was written and, once the context ended, the context's
// error. A *ServerError stays itself unless the context ended.
func (o *op) fail(err error) error {
	cerr := o.ctxErr()
	var se *ServerError
	if cerr == nil && errors.As(err, &se) && err == error(se) {
		return se
	}
	var ce *connError
	if errors.As(err, &ce) && ce.op == o.name {
		if cerr != nil && ce.ctx == nil {
			ce.ctx = cerr
		}
		return ce
	}
	return &connError{op: o.name, err: err, ctx: cerr, safe: !o.written}
}

// send flushes the queued request group. A failure with no byte written
// leaves the connection usable (except under TLS, whose stream is broken
// by any failed write) and is safe to retry; any other failure poisons it.
func (o *op) send() error {
	if err := o.c.w.Encoder().Err(); err != nil {
		o.c.w.Discard()
		return o.fail(err)
	}
	if fired, _ := o.setPhase(phaseWrite); fired && !o.isShielded() {
		o.c.w.Discard()
		o.setPhase(phaseIdle)
		return o.fail(nil)
	}
	err := o.c.w.Flush()
	o.setPhase(phaseIdle)
	if err == nil {
		o.written = true
		return nil
	}
	var we *sqli.WriteError
	if errors.As(err, &we) && we.Written > 0 {
		o.written = true
		o.c.poison(err)
	} else if o.c.cfg.TLS != nil {
		o.c.poison(err)
	}
	return o.fail(fmt.Errorf("send request: %w", err))
}

// next reads one message of an answer. Any failure poisons the
// connection: after it the position in the stream is lost (SQLI.md §2).
func (o *op) next() (sqli.ServerMessage, error) {
	o.setPhase(phaseRead)
	m, err := o.c.dec.Next()
	o.setPhase(phaseIdle)
	if errors.Is(err, io.EOF) {
		// The server closed the connection between two messages: in the
		// middle of an answer, never a normal end.
		err = fmt.Errorf("server closed the connection: %w", io.ErrUnexpectedEOF)
	}
	if err != nil {
		o.c.poison(err)
		return nil, o.fail(fmt.Errorf("read answer: %w", err))
	}
	return m, nil
}

// wasInterrupted reports whether the interrupt was sent during the op.
func (o *op) wasInterrupted() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.interrupted
}

// isShielded reports whether the op runs inside unwatched.
func (o *op) isShielded() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.shielded
}
