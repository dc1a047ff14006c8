package ifxconn

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"syscall"
	"testing"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// faultConn wraps a connection and makes chosen writes fail, counting
// every write that reaches it.
type faultConn struct {
	net.Conn
	mu      sync.Mutex
	writes  int
	failing func(b []byte) (n int, err error, fail bool) // armed fault; nil writes normally
}

func (f *faultConn) Write(b []byte) (int, error) {
	f.mu.Lock()
	f.writes++
	fault := f.failing
	f.failing = nil
	f.mu.Unlock()
	if fault != nil {
		if n, err, fail := fault(b); fail {
			if n > 0 {
				f.Conn.Write(b[:n])
			}
			return n, err
		}
	}
	return f.Conn.Write(b)
}

func (f *faultConn) arm(fault func(b []byte) (int, error, bool)) {
	f.mu.Lock()
	f.failing = fault
	f.mu.Unlock()
}

func (f *faultConn) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.writes
}

// faultDial returns a Config dialing srv through a faultConn.
func faultDial(t *testing.T, srv *ifxtest.Server) (*Config, *faultConn) {
	t.Helper()
	fc := &faultConn{}
	cfg := testConfig(srv, "testdb")
	cfg.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		fc.Conn = c
		return fc, err
	}
	return cfg, fc
}

// retryable reports the SafeToRetry answer of err.
func retryable(err error) bool {
	var s interface{ SafeToRetry() bool }
	return errors.As(err, &s) && s.SafeToRetry()
}

// TestWriteFailures checks the three write-failure classes of
// reliability.md tier 2 item 8.
func TestWriteFailures(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	t.Run("nothing written", func(t *testing.T) {
		cfg, fc := faultDial(t, srv)
		c := connect(t, cfg)
		fc.arm(func([]byte) (int, error, bool) { return 0, syscall.ECONNRESET, true })
		_, err := c.Exec(context.Background(), "EXECUTE PROCEDURE ifxtest_sleep(0)", nil)
		if err == nil || !retryable(err) || c.IsClosed() {
			t.Fatalf("err %v, retryable %v, closed %v; want a retryable error and an open conn", err, retryable(err), c.IsClosed())
		}
		if got := queryAll(t, c, "SELECT 1 FROM systables WHERE tabid = 1"); len(got) != 1 {
			t.Errorf("after the failed write: %v", got)
		}
	})
	for name, fault := range map[string]func(b []byte) (int, error, bool){
		"partial write":         func(b []byte) (int, error, bool) { return 3, syscall.EPIPE, true },
		"short write, no error": func(b []byte) (int, error, bool) { return len(b) - 1, nil, true },
	} {
		t.Run(name, func(t *testing.T) {
			cfg, fc := faultDial(t, srv)
			c := connect(t, cfg)
			fc.arm(fault)
			_, err := c.Exec(context.Background(), "CREATE TABLE never_made (id INTEGER)", nil)
			if err == nil || retryable(err) || !c.IsClosed() {
				t.Fatalf("err %v, retryable %v, closed %v; want a non-retryable error and a poisoned conn", err, retryable(err), c.IsClosed())
			}
			before := fc.count()
			_, err = c.Exec(context.Background(), "EXECUTE PROCEDURE ifxtest_sleep(0)", nil)
			if !errors.Is(err, ErrClosed) || !retryable(err) {
				t.Errorf("call on the poisoned conn: %v (retryable %v), want ErrClosed, retryable", err, retryable(err))
			}
			if _, err := c.Prepare(context.Background(), "SELECT 1 FROM systables"); !errors.Is(err, ErrClosed) {
				t.Errorf("Prepare on the poisoned conn: %v", err)
			}
			if err := c.Ping(context.Background()); !errors.Is(err, ErrClosed) {
				t.Errorf("Ping on the poisoned conn: %v", err)
			}
			c.Close()
			if n := fc.count(); n != before {
				t.Errorf("%d writes after poisoning, want 0", n-before)
			}
		})
	}
}

// TestProtocolViolations: every answer a scripted server gets wrong
// poisons the connection (reliability.md tier 2 item 12).
func TestProtocolViolations(t *testing.T) {
	cases := map[string]func(fc *fakeConn){
		"unknown tag":        func(fc *fakeConn) { fc.sendRaw([]byte{0x7f, 0xf0, 0, 0x0c}) },
		"tuple in a prepare": func(fc *fakeConn) { fc.send(intTuple(1), &sqli.EOT{}) },
		"no describe":        func(fc *fakeConn) { fc.send(&sqli.Done{}, &sqli.EOT{}) },
		"column count over cap": func(fc *fakeConn) {
			fc.sendRaw([]byte{0, 8, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0x7f, 0xff, 0x7f, 0xff, 0xff, 0xff})
		},
		"answer cut short": func(fc *fakeConn) { fc.sendRaw([]byte{0, 8, 0, 2}); fc.nc.Close() },
	}
	for name, answer := range cases {
		t.Run(name, func(t *testing.T) {
			fs := startFake(t, func(fc *fakeConn) {
				if !fc.handshake() || fc.group() == nil {
					return
				}
				answer(fc)
				fc.group()
			})
			c := connect(t, fs.config())
			_, err := c.Prepare(context.Background(), "SELECT n FROM t")
			if err == nil || !c.IsClosed() || retryable(err) {
				t.Fatalf("Prepare: err %v, closed %v, retryable %v; want an error that poisoned the conn", err, c.IsClosed(), retryable(err))
			}
		})
	}
}

// TestServerDiesMidResult: a server that closes the connection after two
// rows of a result makes Next fail, never end normally (reliability.md
// tier 3 item 16).
func TestServerDiesMidResult(t *testing.T) {
	fs := startFake(t, func(fc *fakeConn) {
		if !fc.handshake() || fc.group() == nil {
			return
		}
		fc.send(describeInt(), &sqli.Done{}, &sqli.Cost{}, &sqli.EOT{})
		if fc.group() == nil {
			return
		}
		fc.send(intTuple(1), intTuple(2), &sqli.EOT{})
		if fc.group() == nil {
			return
		}
		fc.send(intTuple(3))
		fc.nc.Close()
	})
	c := connect(t, fs.config())
	rows, err := c.Query(context.Background(), "SELECT n FROM t", nil)
	if err != nil {
		t.Fatal(err)
	}
	dest := make([]any, 1)
	var got []any
	for {
		err = rows.Next(dest)
		if err != nil {
			break
		}
		got = append(got, dest[0])
	}
	if errors.Is(err, io.EOF) || err == nil {
		t.Fatalf("Next after %v: %v, want an error that is not io.EOF", got, err)
	}
	if len(got) != 3 || !c.IsClosed() {
		t.Errorf("rows %v, closed %v; want 3 rows and a poisoned conn", got, c.IsClosed())
	}
	rows.Close()
}
