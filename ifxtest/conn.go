package ifxtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime/debug"

	"github.com/go-informix/informix/ifxtest/internal/engine"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// flushThreshold is how many queued answer bytes make the server write
// before the answer group is complete: an NFETCH with a buffer of up to
// 2 GiB (FET_BUF_SIZE, SQLI.md §6.10) is streamed rather than held.
const flushThreshold = 256 << 10

// conn is one client connection: its streams, its engine session and the
// state of its statements. Only its own goroutine touches it, except
// that Server.Close closes raw.
type conn struct {
	srv    *Server
	id     uint64
	raw    net.Conn     // the accepted TCP connection
	nc     net.Conn     // the SQLI stream: raw, TLS over raw, and the wire log
	logged *loggedConn  // the wire log layer of nc, nil without a wire log
	urgent urgentSource // reads urgent bytes from raw; nil where unsupported
	intr   interrupter
	ctx    context.Context // cancelled when the connection ends or the server closes
	cancel context.CancelFunc

	r   *sqli.Reader
	dec *sqli.ClientDecoder
	w   *sqli.Writer

	sess     *engine.Session
	db       *engine.DatabaseInfo // the open database, nil if none
	features sqli.Features        // negotiated by SQ_PROTOCOLS
	optofc   bool                 // OPTOFC=1: close a cursor after its last row (optofc.go)

	stmts  map[int16]*stmt // prepared statements by id
	cur    *stmt           // the statement later messages of a group apply to
	failed bool            // an SQ_ERR is in the answer group being built
}

// newConn prepares the connection state for nc, which the caller closes
// through the conn.
func newConn(s *Server, id uint64, raw net.Conn) *conn {
	ctx, cancel := context.WithCancel(s.ctx)
	c := &conn{srv: s, id: id, raw: raw, ctx: ctx, cancel: cancel, stmts: make(map[int16]*stmt)}
	c.nc, c.urgent = newOOBConn(raw, c.onUrgent)
	c.nc = s.wrapTLS(c.nc)
	if s.cfg.WireLog != nil {
		if l := s.cfg.WireLog.Connection(id, raw.RemoteAddr().String()); l != nil {
			c.logged = &loggedConn{Conn: c.nc, log: l}
			c.nc = c.logged
		}
	}
	c.r = sqli.NewReader(c.nc)
	c.dec = sqli.NewClientDecoder(c.r)
	c.w = sqli.NewWriter(c.nc)
	return c
}

// onUrgent handles an urgent byte read from the raw socket: the
// client's interrupt (SQLI.md §7.9).
func (c *conn) onUrgent(b byte) {
	if c.logged != nil {
		c.logged.urgent(b)
	}
	c.intr.urgent()
}

// serve runs the connection to its end. A panic is a bug in ifxtest: it is
// logged and ends this connection only.
func (c *conn) serve() {
	c.srv.logf("ifxtest: connection %d from %s opened", c.id, c.raw.RemoteAddr())
	defer c.finish()
	defer func() {
		if p := recover(); p != nil {
			c.srv.logf("ifxtest: connection %d: internal error (closing it): %v\n%s", c.id, p, debug.Stack())
		}
	}()
	err := c.login()
	if err == nil {
		err = c.loop()
	}
	switch {
	case err == nil, errors.Is(err, io.EOF), errors.Is(err, net.ErrClosed):
		c.srv.logf("ifxtest: connection %d closed", c.id)
	default:
		c.srv.logf("ifxtest: connection %d dropped: %v", c.id, err)
	}
}

// finish releases everything the connection holds.
func (c *conn) finish() {
	c.cancel()
	for _, s := range c.stmts {
		s.closeCursor()
	}
	if c.sess != nil {
		c.sess.Close()
	}
	c.raw.Close()
	if c.logged != nil {
		if err := c.logged.closeLog(); err != nil {
			c.srv.logf("ifxtest: connection %d: %v", c.id, err)
		}
	}
}

// loop reads client messages and answers each group at its SQ_EOT, until
// SQ_EXIT or the end of the stream. A message it cannot decode, an unknown
// tag and a write failure end the connection: after them the position in
// the stream is lost (SQLI.md §2), as on a real server, which drops the
// association.
func (c *conn) loop() error {
	for {
		m, err := c.readMessage()
		if err != nil {
			return err
		}
		exit, err := c.handle(m)
		if err != nil || exit {
			return err
		}
	}
}

// handle runs one client message. exit reports SQ_EXIT; err is a reason
// to drop the connection (a write failure or a bug), never an Informix
// error, which goes to the client as SQ_ERR.
func (c *conn) handle(m sqli.ClientMessage) (exit bool, err error) {
	switch m := m.(type) {
	case *sqli.EOT:
		return false, c.endGroup()
	case *sqli.Exit:
		// JDBC sends a bare SQ_EXIT and the server answers the same, with
		// no SQ_EOT (SQLI.md §7.8; [J: S1]).
		c.w.Send(&sqli.Exit{})
		return true, c.flush()
	case *sqli.ID:
		c.cur = c.stmts[m.StatementID]
		if c.cur == nil && !c.failed {
			return false, c.sendError(errNoStatement(m.StatementID))
		}
		return false, nil
	case *sqli.Close:
		c.closeStatement(c.cur)
		return false, nil
	case *sqli.Release:
		c.releaseStatement(c.cur)
		return false, nil
	}
	if c.failed {
		// After an SQ_ERR the rest of the group is read, but only SQ_ID,
		// SQ_CLOSE and SQ_RELEASE still act: they free what the group
		// holds, and nothing runs after the failure.
		return false, nil
	}
	return false, c.dispatch(m)
}

// dispatch runs a message that does work, when the group has not failed.
func (c *conn) dispatch(m sqli.ClientMessage) error {
	switch m := m.(type) {
	case *sqli.Protocols:
		c.negotiate(m)
	case *sqli.Info:
		c.setEnv(m)
	case *sqli.DBOpen:
		return c.openDatabase(m.Database)
	case *sqli.DBClose:
		return c.closeDatabase()
	case *sqli.Prepare:
		return c.prepare(m.SQL)
	case *sqli.Command:
		return c.prepare(m.SQL)
	case *sqli.Begin, *sqli.CommitWork, *sqli.RollbackWork,
		*sqli.SetSavepoint, *sqli.ReleaseSavepoint, *sqli.RollbackSavepoint:
		return c.transaction(m)
	case *sqli.Ack:
		// IBM JDBC 15.0.0.1.1 sends SQ_ACK after an SQ_PROTOCOLS answer
		// granting feature 44 or 59 (sqli.Ack); this server grants neither,
		// as IDS 15 does not, and it needs no answer but the group's SQ_EOT.
	default:
		return c.dispatchStatement(m)
	}
	return nil
}

// dispatchStatement runs a message that applies to the current statement:
// the one the group prepared, or the one its last SQ_ID named.
func (c *conn) dispatchStatement(m sqli.ClientMessage) error {
	s := c.cur
	if s == nil {
		return c.sendError(errNoStatement(-1))
	}
	switch m := m.(type) {
	case *sqli.NDescribe:
		return c.describe(s)
	case *sqli.WantDone:
		c.wantDone()
	case *sqli.CIDescribe:
		c.describeInput(s)
	case *sqli.CurName:
		s.curName = m.Name
	case *sqli.Bind:
		return c.bind(s, m)
	case *sqli.Hold:
		s.hold = true
	case *sqli.AutoFree:
		s.autoFree = true
	case *sqli.Scroll:
		s.scroll = true
	case *sqli.SGKPrepare:
		return c.describeKeys(s)
	case *sqli.RetType:
		// SQ_RET_TYPE names the described types again (SQLI.md §6.8);
		// rows are always sent as described, and S2 found results work
		// without it, so it needs no action.
	case *sqli.Open:
		return c.open(s)
	case *sqli.Execute:
		return c.execute(s)
	case *sqli.NFetch:
		return c.fetch(s, m.BufferSize)
	case *sqli.SFetch:
		return c.scrollFetch(s, m)
	case *sqli.BatchStart, *sqli.BatchEnd:
		// Batching (SQLI.md §7.3, [D: S3]) is not granted (feature 61 is
		// withheld, see serverFeatures); a client that sends the markers
		// anyway gets each execution answered on its own.
	default:
		return fmt.Errorf("no handler for client message %v", m.Tag())
	}
	return nil
}

// endGroup completes the answer group with SQ_EOT and sends it.
func (c *conn) endGroup() error {
	c.w.Send(&sqli.EOT{})
	c.failed = false
	return c.flush()
}

// flush writes the queued answer bytes.
func (c *conn) flush() error {
	if err := c.w.Flush(); err != nil {
		return fmt.Errorf("write answer: %w", err)
	}
	return nil
}

// flushIfLarge writes the queued answer bytes when they pass
// flushThreshold, so long answers stream.
func (c *conn) flushIfLarge() error {
	if c.w.Buffered() < flushThreshold {
		return nil
	}
	return c.flush()
}

// codeSet returns the code set of character data: the open database's, or
// the default locale's (8859-1) before a database is open.
func (c *conn) codeSet() ifxtype.CodeSet {
	if c.db != nil && c.db.CodeSet != nil {
		return c.db.CodeSet
	}
	return ifxtype.Latin1
}
