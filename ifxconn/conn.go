package ifxconn

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// exitTimeout bounds the polite SQ_EXIT exchange of Close.
const exitTimeout = 2 * time.Second

// DatabaseInfo describes the database a Conn opened and the server.
type DatabaseInfo struct {
	Name          string          // the database opened with SQ_DBOPEN; empty if none
	Logged        bool            // the database has a transaction log (SQ_DONE warning bit 1, SQLI.md §3.9)
	ANSI          bool            // the database is ANSI-compliant (SQ_DONE warning bit 2)
	ServerVersion string          // the version string of the login answer
	Locale        string          // the locale the code set was taken from
	CodeSet       ifxtype.CodeSet // the code set of character data on the wire
}

// Conn is one live SQLI connection. Its states are idle, busy (a call runs,
// or a Rows is in the middle of a fetch answer) and closed (closed by Close
// or poisoned by a fault); a closed Conn writes nothing more.
//
// One entry lock serialises the calls: a call made while another runs
// waits for it (or for its own context to end), so the bytes of two
// requests never interleave (SQLI.md §2: one request group at a time).
// database/sql never overlaps calls on one connection; the lock protects
// direct users. A call made while a Rows of the same Conn is in the middle
// of a fetch answer first reads the rest of that answer into the Rows'
// buffer (see Rows), then runs; so statements may run while Rows are open,
// as database/sql allows inside a Tx or on a sql.Conn.
//
// Any I/O error, partial write or protocol violation (an unknown tag, an
// undecodable message, a message that does not belong in the answer)
// poisons the Conn: the socket is closed and every later call fails with
// ErrClosed without writing.
type Conn struct {
	cfg  Config
	raw  net.Conn // the TCP connection, for the interrupt
	nc   net.Conn // the SQLI stream: raw, or TLS over raw
	r    *sqli.Reader
	dec  *sqli.ServerDecoder
	w    *sqli.Writer
	lock chan struct{} // the entry lock: holding it is a send

	closed    atomic.Bool
	closeOnce sync.Once
	poisonMu  sync.Mutex
	poisonErr error // why the connection was poisoned, nil if closed by Close

	features  sqli.Features
	db        DatabaseInfo
	inTx      bool  // a transaction is open on the server (SQ_BEGIN answered)
	txPending bool  // Begin was called; SQ_BEGIN goes before the next statement
	txBegun   bool  // Begin was called and Commit or Rollback has not ended it
	cursorSeq int64 // the counter of JDBC-style cursor names
	streaming *Rows // the Rows whose fetch answer is partly read (at most one), or nil
	scratch   scratchMessages
	plainOp   op // the op of a call whose context cannot end (enter)
}

// scratchMessages holds the messages of a cursor's open and fetch requests,
// reused from request to request so that they cost no allocation. Reuse is
// safe because the Writer encodes a message when it is queued (sqli.Writer
// Send) and only the call holding the entry lock queues messages.
type scratchMessages struct {
	id     sqli.ID
	cur    sqli.CurName
	open   sqli.Open
	nfetch sqli.NFetch
	list   [6]sqli.ClientMessage
}

// IsClosed reports whether the connection is closed or poisoned: nothing
// more will be written to it.
func (c *Conn) IsClosed() bool { return c.closed.Load() }

// Database describes the open database; it does not change after Connect.
func (c *Conn) Database() DatabaseInfo { return c.db }

// InTransaction reports whether a transaction is open: started by Begin or
// by a BEGIN WORK statement, and not yet ended by Commit, Rollback, or a
// COMMIT WORK or ROLLBACK WORK statement. A transaction the server ended
// on its own (the connection lost, poisoned or closed) ends it too.
func (c *Conn) InTransaction() bool {
	return c.txBegun && !c.IsClosed()
}

// Close ends the session: when the connection is idle it sends SQ_EXIT
// and waits for the server's SQ_EXIT for at most a short time (SQLI.md
// §7.8: JDBC sends the bare tag, without SQ_EOT), then closes the socket.
// An open transaction is rolled back by the server. Close is idempotent
// and may be called while another call runs, which then fails.
func (c *Conn) Close() error {
	if c.IsClosed() {
		return nil
	}
	select {
	case c.lock <- struct{}{}:
		defer func() { <-c.lock }()
		if c.streaming == nil && !c.IsClosed() {
			c.sayGoodbye()
		}
	default:
	}
	c.shutdown(nil)
	return nil
}

// sayGoodbye sends SQ_EXIT and reads the answer under exitTimeout; any
// failure only means the socket is closed without it.
func (c *Conn) sayGoodbye() {
	c.nc.SetDeadline(time.Now().Add(exitTimeout))
	c.w.Send(&sqli.Exit{})
	if c.w.Flush() != nil {
		return
	}
	if m, err := c.dec.Next(); err == nil {
		_ = m // SQ_EXIT, or whatever the server said last: the socket closes either way
	}
}

// shutdown closes the socket once and records cause (nil for Close).
func (c *Conn) shutdown(cause error) {
	c.closeOnce.Do(func() {
		c.poisonMu.Lock()
		c.poisonErr = cause
		c.poisonMu.Unlock()
		c.closed.Store(true)
		c.nc.Close()
	})
}

// poison closes the connection after a fault; cause is kept for the
// errors of later calls.
func (c *Conn) poison(cause error) { c.shutdown(cause) }

// closedError returns the error of a call on a closed connection.
func (c *Conn) closedError(op string) error {
	c.poisonMu.Lock()
	cause := c.poisonErr
	c.poisonMu.Unlock()
	if cause != nil {
		return &connError{op: op, err: fmt.Errorf("%w (poisoned by: %v)", ErrClosed, cause), safe: true}
	}
	return &connError{op: op, err: ErrClosed, safe: true}
}

// acquire takes the entry lock for a call named op, waiting for a running
// call or for ctx. It fails, with nothing written, when ctx is done or the
// connection is closed.
func (c *Conn) acquire(ctx context.Context, op string) error {
	if err := ctx.Err(); err != nil {
		return &connError{op: op, ctx: err, safe: true}
	}
	select {
	case c.lock <- struct{}{}:
	case <-ctx.Done():
		return &connError{op: op, ctx: ctx.Err(), safe: true}
	}
	if c.IsClosed() {
		<-c.lock
		return c.closedError(op)
	}
	return nil
}

// release gives the entry lock back.
func (c *Conn) release() { <-c.lock }

// Ping checks that the server answers: it sends the SQ_INFO of the login
// again (JDBC's DBTEMP and SUBQCACHESZ entries) and reads the answer to
// SQ_EOT. JDBC has no ping; this request is one every known client sends
// and servers answer with a bare SQ_EOT (SQLI.md §3.8; conformance
// goldens), it sets nothing the login did not set already, and it needs no
// statement.
func (c *Conn) Ping(ctx context.Context) error {
	o, err := c.begin(ctx, "ping", nil)
	if err != nil {
		return err
	}
	defer o.end()
	var a answer
	if err := o.roundTrip(&a, sessionInfo(&c.cfg)); err != nil {
		return err
	}
	if a.err != nil {
		return a.err
	}
	return nil
}

// errProtocol wraps a protocol violation.
var errProtocol = errors.New("protocol violation")

// violation returns an error for a message that does not belong where it
// came.
func violation(what string, m sqli.ServerMessage) error {
	return fmt.Errorf("%w: unexpected %v in the answer to %s", errProtocol, m.Tag(), what)
}
