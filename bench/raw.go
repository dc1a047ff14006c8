package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"sync"
	"time"
)

// The raw client is the physical limit of the benchmark: for each
// workload it sends the request bytes our driver sends, recorded once
// through a tapping net.Conn while connClient runs the workload, and
// reads as many answer bytes as the driver read, without decoding them.
// What it costs is the server, the kernel and the loopback; what any
// client costs beyond it is the client's own work.

// exchange is one request group of a recorded session and the answer
// the driver read before its next write.
type exchange struct {
	req   []byte  // every byte written, in order
	reply int     // the number of answer bytes read
	tail  [2]byte // the last two bytes read, to check replays against
}

// recorder collects the exchanges of a connection as phases: mark starts
// a new phase at a point where the connection is idle. It is safe for
// the concurrent use a net.Conn allows.
type recorder struct {
	mu     sync.Mutex
	phases [][]exchange
}

// dial opens a TCP connection whose bytes the recorder sees; it has the
// signature of ifxconn.Config.Dial.
func (r *recorder) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	nc, err := (&net.Dialer{}).DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	return &tapConn{Conn: nc, rec: r}, nil
}

// mark ends the current phase; the next write starts a new one.
func (r *recorder) mark() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.phases = append(r.phases, nil)
}

// write records request bytes: a write after answer bytes were read
// starts a new exchange.
func (r *recorder) write(p []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ex := r.current(true)
	ex.req = append(ex.req, p...)
}

// read records answer bytes against the current exchange.
func (r *recorder) read(p []byte) {
	if len(p) == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ex := r.current(false)
	ex.reply += len(p)
	if len(p) >= 2 {
		ex.tail = [2]byte{p[len(p)-2], p[len(p)-1]}
	} else {
		ex.tail = [2]byte{ex.tail[1], p[0]}
	}
}

// current returns the exchange bytes go to, adding one when the phase
// has none, or, for a write, when the last one has answer bytes. An
// answer before any request (which SQLI, where the client speaks first,
// never sends) gets an exchange with an empty request. r.mu is held.
func (r *recorder) current(writing bool) *exchange {
	if len(r.phases) == 0 {
		r.phases = append(r.phases, nil)
	}
	ph := &r.phases[len(r.phases)-1]
	if n := len(*ph); n == 0 || writing && (*ph)[n-1].reply > 0 {
		*ph = append(*ph, exchange{})
	}
	return &(*ph)[len(*ph)-1]
}

// tapConn is a net.Conn that shows its bytes to a recorder.
type tapConn struct {
	net.Conn
	rec *recorder
}

// Read reads from the connection and records what it read.
func (c *tapConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.rec.read(p[:n])
	return n, err
}

// Write records p and writes it.
func (c *tapConn) Write(p []byte) (int, error) {
	c.rec.write(p)
	return c.Conn.Write(p)
}

// script is what the raw client replays for one workload: the exchanges
// that open a session and bring it to the state of the iteration (login,
// preparation, one iteration already run), one iteration, and what one
// iteration returned to the driver when recorded.
type script struct {
	setup, iter     []exchange
	count, checksum int64
}

// dialFunc opens a connection, as ifxconn.Config.Dial does.
type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// record runs cmd twice through connClient on a recorded connection and
// returns the second run as the iteration: one pass of a fetch, one
// SELECT, one connection for connect, and cmd.n rows for insert.
func record(ctx context.Context, t target, cmd command) (*script, error) {
	return recordWith(ctx, cmd, func(dial dialFunc) (goClient, error) {
		cfg := t.connConfig()
		cfg.Dial = dial
		return newConnClient(cfg), nil
	})
}

// recordWith records cmd as record does, through the client newClient
// returns for a dial function.
func recordWith(ctx context.Context, cmd command, newClient func(dialFunc) (goClient, error)) (*script, error) {
	rec := &recorder{}
	c, err := newClient(rec.dial)
	if err != nil {
		return nil, err
	}
	one := command{w: cmd.w, n: 1, sql: cmd.sql}
	if cmd.w == insertRows {
		one.n = cmd.n
	}
	if _, err := c.run(ctx, one); err != nil {
		return nil, fmt.Errorf("record %s: %w", cmd.w, err)
	}
	rec.mark()
	r, err := c.run(ctx, one)
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", cmd.w, err)
	}
	rec.mark()
	if err := c.close(); err != nil {
		return nil, fmt.Errorf("record %s: close: %w", cmd.w, err)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.phases) < 2 || len(rec.phases[1]) == 0 {
		return nil, fmt.Errorf("record %s: the iteration wrote nothing", cmd.w)
	}
	return &script{setup: rec.phases[0], iter: rec.phases[1], count: r.count, checksum: r.checksum}, nil
}

// rawSession is one connection of the raw client.
type rawSession struct {
	nc  net.Conn
	buf []byte
}

// replay sends each exchange's request and reads as many bytes as its
// answer had, in reads of at most the buffer's size, as a buffered
// reader would.
func (s *rawSession) replay(exs []exchange) error {
	for i := range exs {
		if _, err := s.nc.Write(exs[i].req); err != nil {
			return fmt.Errorf("raw: write request group %d: %w", i+1, err)
		}
		for n := exs[i].reply; n > 0; {
			m, err := s.nc.Read(s.buf[:min(n, len(s.buf))])
			n -= m
			if err != nil && n > 0 {
				return fmt.Errorf("raw: read answer %d: %d bytes short: %w", i+1, n, err)
			}
		}
	}
	return nil
}

// verifyTimeout bounds each read of a checked replay, so that a replay
// whose answers differ from the recording fails instead of hanging.
const verifyTimeout = 30 * time.Second

// replayChecked replays exs and checks that every answer ends with the
// bytes the recorded one ended with and that the server sends nothing
// more (and, unless closes is set, keeps the connection open): the proof
// that the recorded requests still draw the recorded answers. It is
// slower than replay and is never timed.
func (s *rawSession) replayChecked(exs []exchange, closes bool) error {
	defer s.nc.SetReadDeadline(time.Time{})
	for i, ex := range exs {
		if err := s.nc.SetReadDeadline(time.Now().Add(verifyTimeout)); err != nil {
			return err
		}
		if _, err := s.nc.Write(ex.req); err != nil {
			return fmt.Errorf("raw: write request group %d: %w", i+1, err)
		}
		got := make([]byte, ex.reply)
		if _, err := io.ReadFull(s.nc, got); err != nil {
			return fmt.Errorf("raw: answer %d: want %d bytes as recorded: %w", i+1, ex.reply, err)
		}
		if len(got) >= 2 && [2]byte(got[len(got)-2:]) != ex.tail {
			return fmt.Errorf("raw: answer %d ends with % x, the recorded one with % x", i+1, got[len(got)-2:], ex.tail)
		}
	}
	return s.checkQuiet(closes)
}

// checkQuiet fails when the server sends anything within a short time,
// since after a replayed group it owes nothing, or when it closes the
// connection unless closes is set (after SQ_EXIT it does).
func (s *rawSession) checkQuiet(closes bool) error {
	if err := s.nc.SetReadDeadline(time.Now().Add(20 * time.Millisecond)); err != nil {
		return err
	}
	n, err := s.nc.Read(s.buf[:1])
	if n > 0 {
		return errors.New("raw: the server sent more than the recorded answers")
	}
	if errors.Is(err, os.ErrDeadlineExceeded) || closes && errors.Is(err, io.EOF) {
		return nil
	}
	return fmt.Errorf("raw: after the replay: %w", err)
}

// rawReadBuffer is the size of the raw client's reads.
const rawReadBuffer = 64 << 10

// dialRaw opens a raw session and replays setup, checked; closes says
// that setup ends the session.
func dialRaw(ctx context.Context, t target, setup []exchange, closes bool) (*rawSession, error) {
	nc, err := (&net.Dialer{}).DialContext(ctx, "tcp", t.addr)
	if err != nil {
		return nil, err
	}
	s := &rawSession{nc: nc, buf: make([]byte, rawReadBuffer)}
	if err := s.replayChecked(setup, closes); err != nil {
		nc.Close()
		return nil, err
	}
	return s, nil
}

// rawClient replays scripts. It records a script the first time a
// workload (with its row count, for insert) is asked for, and keeps one
// session per script open, brought to the iteration's state by the
// script's setup and one checked iteration.
type rawClient struct {
	t        target
	scripts  map[string]*script
	sessions map[string]*rawSession
}

// newRawClient returns a raw client of t.
func newRawClient(t target) *rawClient {
	return &rawClient{t: t, scripts: map[string]*script{}, sessions: map[string]*rawSession{}}
}

// run runs one command by replaying its script.
func (c *rawClient) run(ctx context.Context, cmd command) (result, error) {
	key := string(cmd.w) + " " + cmd.sql
	if cmd.w == insertRows {
		key += " " + strconv.Itoa(cmd.n)
	}
	sc := c.scripts[key]
	if sc == nil {
		var err error
		if sc, err = record(ctx, c.t, cmd); err != nil {
			return result{}, err
		}
		c.scripts[key] = sc
	}
	if cmd.w == connectOp {
		return c.connects(ctx, cmd.n, sc)
	}
	s := c.sessions[key]
	if s == nil {
		var err error
		if s, err = c.open(ctx, sc); err != nil {
			return result{}, fmt.Errorf("%s: %w", cmd.w, err)
		}
		c.sessions[key] = s
	}
	switch cmd.w {
	case selectOne:
		return timeOps(cmd.n, true, func() (int64, error) { return sc.checksum, s.replay(sc.iter) })
	case insertRows:
		return timePasses(1, func() (int64, int64, error) { return sc.count, sc.checksum, s.replay(sc.iter) })
	}
	return timePasses(cmd.n, func() (int64, int64, error) { return sc.count, sc.checksum, s.replay(sc.iter) })
}

// open opens the session of sc: its setup, then one checked iteration.
func (c *rawClient) open(ctx context.Context, sc *script) (*rawSession, error) {
	s, err := dialRaw(ctx, c.t, sc.setup, false)
	if err != nil {
		return nil, err
	}
	if err := s.replayChecked(sc.iter, false); err != nil {
		s.nc.Close()
		return nil, err
	}
	return s, nil
}

// connects runs n connections, each a dial, the recorded login and close,
// and the socket's close. The first is checked and not timed.
func (c *rawClient) connects(ctx context.Context, n int, sc *script) (result, error) {
	s, err := dialRaw(ctx, c.t, sc.iter, true)
	if err != nil {
		return result{}, fmt.Errorf("connect: %w", err)
	}
	s.nc.Close()
	buf := make([]byte, rawReadBuffer)
	return timeOps(n, false, func() (int64, error) {
		nc, err := (&net.Dialer{}).DialContext(ctx, "tcp", c.t.addr)
		if err != nil {
			return 0, err
		}
		err = (&rawSession{nc: nc, buf: buf}).replay(sc.iter)
		return 0, errors.Join(err, nc.Close())
	})
}

// close closes every session.
func (c *rawClient) close() error {
	var errs []error
	for _, s := range c.sessions {
		errs = append(errs, s.nc.Close())
	}
	return errors.Join(errs...)
}
