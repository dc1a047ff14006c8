package e2e

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/go-informix/informix"
	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// A wire is a Config.Dial hook: it dials TCP as the driver would, then
// records every byte each connection writes and reads, and can inject
// faults. It works against ifxtest and a real server alike (unlike
// ifxtest's own WireLog). The driver gets a wrapped net.Conn rather than
// the *net.TCPConn, so it cannot send the TCP urgent byte of an interrupt
// (ifxconn.Config.Dial): the cancellation tests do not use a wire.
type wire struct {
	mu    sync.Mutex
	conns []*wireConn
	// fault, when set, is asked before each write what to do with it.
	fault func(c *wireConn, b []byte) faultAction
	// cutAfter, when positive (set before the first dial), makes every connection's reads end with
	// io.EOF after that many bytes, as when the server goes away.
	cutAfter int64
}

// faultAction says what a wire does with one write.
type faultAction int

const (
	pass       faultAction = iota // write the bytes
	failBefore                    // fail the write before any byte leaves
	resetAfter                    // write the bytes, give the server resetDelay to act, then reset the connection unread
)

// resetDelay is how long resetAfter waits before the reset, so that the
// server has run the request and answered when the answer is lost.
const resetDelay = 100 * time.Millisecond

// errInjected is the error of a write the wire failed.
var errInjected = errors.New("e2e: injected write failure")

// wireConn is one recorded connection.
type wireConn struct {
	net.Conn
	w     *wire
	index int // 0 for the wire's first connection

	mu      sync.Mutex
	chunks  []ifxtest.WireChunk
	out, in int64 // bytes written and read so far
}

// dial is the Config.Dial hook.
func (w *wire) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	nc, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	c := &wireConn{Conn: nc, w: w, index: len(w.conns)}
	w.conns = append(w.conns, c)
	return c, nil
}

// config returns cfg with the wire as its dial hook.
func (w *wire) config(cfg *informix.Config) *informix.Config {
	cfg.Dial = w.dial
	return cfg
}

// conn returns the i-th connection dialled.
func (w *wire) conn(t testing.TB, i int) *wireConn {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	if i >= len(w.conns) {
		t.Fatalf("connection %d was not dialled (%d were)", i, len(w.conns))
	}
	return w.conns[i]
}

// dials returns how many connections were dialled.
func (w *wire) dials() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.conns)
}

func (c *wireConn) Write(b []byte) (int, error) {
	action := pass
	if c.w.fault != nil {
		action = c.w.fault(c, b)
	}
	if action == failBefore {
		return 0, errInjected
	}
	n, err := c.Conn.Write(b)
	c.record(ifxtest.FromClient, b[:n])
	if action == resetAfter {
		time.Sleep(resetDelay)
		c.abort()
	}
	return n, err
}

func (c *wireConn) Read(b []byte) (int, error) {
	if cut := c.w.cutAfter; cut > 0 {
		c.mu.Lock()
		left := cut - c.in
		c.mu.Unlock()
		if left <= 0 {
			c.Conn.Close()
			return 0, io.EOF
		}
		if int64(len(b)) > left {
			b = b[:left]
		}
	}
	n, err := c.Conn.Read(b)
	c.record(ifxtest.ToClient, b[:n])
	return n, err
}

// abort resets the TCP connection (SO_LINGER 0, then close): the peer
// gets an RST and whatever it had sent is lost.
func (c *wireConn) abort() {
	if tc, ok := c.Conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	c.Conn.Close()
}

func (c *wireConn) record(dir ifxtest.Direction, b []byte) {
	if len(b) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	off := &c.out
	if dir == ifxtest.ToClient {
		off = &c.in
	}
	c.chunks = append(c.chunks, ifxtest.WireChunk{Dir: dir, Offset: *off, Data: bytes.Clone(b)})
	*off += int64(len(b))
}

// written returns how many bytes the connection has written.
func (c *wireConn) written() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.out
}

// recorded returns a copy of the recorded chunks.
func (c *wireConn) recorded() []ifxtest.WireChunk {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]ifxtest.WireChunk(nil), c.chunks...)
}

// stream returns everything that went one way.
func (c *wireConn) stream(dir ifxtest.Direction) []byte {
	var b []byte
	for _, ch := range c.recorded() {
		if ch.Dir == dir {
			b = append(b, ch.Data...)
		}
	}
	return b
}

// login decodes the login packet the connection sent (SQLI.md §3.2).
func (c *wireConn) login(t testing.TB) *sqli.LoginRequest {
	t.Helper()
	var req sqli.LoginRequest
	if err := req.Decode(sqli.NewBytesReader(c.stream(ifxtest.FromClient))); err != nil {
		t.Fatalf("decode the login packet: %v", err)
	}
	return &req
}

// clientTags decodes the SQLI messages the connection sent after its
// login packet, with the layouts of the features the server granted
// (SQLI.md §3.5–§3.6), and returns their tags in order.
func (c *wireConn) clientTags(t testing.TB) []sqli.Tag {
	t.Helper()
	features := c.serverFeatures(t)
	r := sqli.NewBytesReader(afterLogin(t, c.stream(ifxtest.FromClient)))
	d := sqli.NewClientDecoder(r)
	var tags []sqli.Tag
	for r.Buffered() > 0 {
		m, err := d.Next()
		if err != nil {
			t.Fatalf("decode client message %d: %v", len(tags), err)
		}
		if _, ok := m.(*sqli.Protocols); ok {
			r.Features = features
		}
		tags = append(tags, m.Tag())
	}
	return tags
}

// serverFeatures decodes the server's SQ_PROTOCOLS answer, the first
// message after its login answer.
func (c *wireConn) serverFeatures(t testing.TB) sqli.Features {
	t.Helper()
	r := sqli.NewBytesReader(afterLogin(t, c.stream(ifxtest.ToClient)))
	m, err := sqli.NewServerDecoder(r).Next()
	p, ok := m.(*sqli.Protocols)
	if err != nil || !ok {
		t.Fatalf("the server's first message is %T (%v), want SQ_PROTOCOLS", m, err)
	}
	return p.Features()
}

// afterLogin returns the stream after its session-layer login packet,
// whose first two bytes are its length (SQLI.md §3.1).
func afterLogin(t testing.TB, b []byte) []byte {
	t.Helper()
	if len(b) < 2 || int(binary.BigEndian.Uint16(b)) > len(b) {
		t.Fatalf("stream of %d bytes holds no whole login packet", len(b))
	}
	return b[binary.BigEndian.Uint16(b):]
}

// count returns how many of tags are tag.
func count(tags []sqli.Tag, tag sqli.Tag) int {
	n := 0
	for _, x := range tags {
		if x == tag {
			n++
		}
	}
	return n
}

// TestProtocolTags guards the wire helper the fetch test relies on: the
// first statements of a connection decode into the tags IBM JDBC sends
// (conformance/testdata/jdbc/connect.golden: SQ_PROTOCOLS, SQ_EOT,
// SQ_INFO, SQ_EOT, SQ_DBOPEN, SQ_EOT).
func TestProtocolTags(t *testing.T) {
	w := &wire{}
	db := openConfig(t, w.config(configFor(t, logged)))
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	db.Close()
	tags := w.conn(t, 0).clientTags(t)
	want := []sqli.Tag{sqli.TagProtocols, sqli.TagEOT, sqli.TagInfo, sqli.TagEOT, sqli.TagDBOpen, sqli.TagEOT}
	if len(tags) < len(want) || !slices.Equal(tags[:len(want)], want) {
		t.Errorf("first client messages %v, want %v", tags, want)
	}
}
