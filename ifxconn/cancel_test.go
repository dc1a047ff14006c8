package ifxconn

import (
	"context"
	"errors"
	"math/rand/v2"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtest"
)

// TestContextAlreadyDone: nothing is written, the error matches the
// context's and is safe to retry, and the connection stays usable
// (reliability.md tier 2 item 9).
func TestContextAlreadyDone(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	cfg, fc := faultDial(t, srv)
	c := connect(t, cfg)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	before := fc.count()
	calls := map[string]func() error{
		"exec":     func() error { _, err := c.Exec(ctx, "EXECUTE PROCEDURE ifxtest_sleep(0)", nil); return err },
		"query":    func() error { _, err := c.Query(ctx, "SELECT 1 FROM systables", nil); return err },
		"prepare":  func() error { _, err := c.Prepare(ctx, "SELECT 1 FROM systables"); return err },
		"ping":     func() error { return c.Ping(ctx) },
		"begin":    func() error { return c.Begin(ctx) },
		"rollback": func() error { return c.Rollback(ctx) },
	}
	for name, call := range calls {
		err := call()
		if !errors.Is(err, context.Canceled) || !retryable(err) {
			t.Errorf("%s: %v (retryable %v), want context.Canceled, retryable", name, err, retryable(err))
		}
	}
	if n := fc.count() - before; n != 0 {
		t.Errorf("%d writes with a done context", n)
	}
	if c.IsClosed() || queryInt(t, c, "SELECT 1 FROM systables WHERE tabid = 1") != 1 {
		t.Error("connection not usable after calls with a done context")
	}
}

// TestCancelInFlight: a context that ends while the server runs a
// statement sends the interrupt; the server answers -213, the call returns
// promptly with an error matching the context's (and wrapping the -213),
// and the connection stays usable (SQLI.md §7.9; reliability.md tier 2
// item 10). Under TLS the urgent byte goes on the TCP socket below.
func TestCancelInFlight(t *testing.T) {
	for _, useTLS := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "TLS"}[useTLS]
		t.Run(name, func(t *testing.T) {
			srvCfg, cliTLS := ifxtest.Config{}, testTLS(t)
			if useTLS {
				srvCfg.TLS = cliTLS.server
			}
			srv := startServer(t, srvCfg)
			cfg := testConfig(srv, "testdb")
			if useTLS {
				cfg.TLS = cliTLS.client
			}
			c := connect(t, cfg)
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err := c.Exec(ctx, "EXECUTE PROCEDURE ifxtest_sleep(5)", nil)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("cancelled statement took %v", d)
			}
			if !errors.Is(err, context.DeadlineExceeded) || serverCode(err) != codeInterrupted {
				t.Fatalf("err %v; want DeadlineExceeded wrapping -213", err)
			}
			if c.IsClosed() || queryInt(t, c, "SELECT 1 FROM systables WHERE tabid = 1") != 1 {
				t.Error("connection not usable after an answered interrupt")
			}
		})
	}
}

// TestCancelRace fires cancellations at random offsets around the end of
// short statements and requires that no interrupt ever hits the next
// statement on the same connection: each either was interrupted (-213,
// connection kept), finished first (connection poisoned, since its urgent
// byte is still pending), or was not started (reliability.md tier 2 item
// 11; SQLI.md §7.9, lib/pq#1001).
func TestCancelRace(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	cfg := testConfig(srv, "testdb")
	cfg.DBLocale = "en_US.819"
	c := connect(t, cfg)
	const sql = "EXECUTE PROCEDURE ifxtest_sleep(0)"
	median := medianDuration(t, c, sql)
	iterations := 2000
	if raceEnabled {
		iterations = 1000
	}
	outcomes := map[string]int{}
	for i := range iterations {
		if c.IsClosed() {
			c = connect(t, cfg)
		}
		ctx, cancel := context.WithCancel(context.Background())
		delay := time.Duration(rand.Int64N(int64(2*median) + 1))
		timer := time.AfterFunc(delay, cancel)
		_, err := c.Exec(ctx, sql, nil)
		timer.Stop()
		cancel()
		outcomes[classify(err, c)]++
		if c.IsClosed() {
			continue
		}
		if _, err := c.Exec(context.Background(), sql, nil); err != nil {
			t.Fatalf("iteration %d (cancel after %v): the next statement failed: %v", i, delay, err)
		}
	}
	t.Logf("outcomes over %d iterations (median statement %v): %v", iterations, median, outcomes)
}

// classify names the outcome of one raced call.
func classify(err error, c *Conn) string {
	switch {
	case err == nil:
		return "finished"
	case serverCode(err) == codeInterrupted:
		return "interrupted"
	case c.IsClosed():
		return "poisoned"
	}
	return "not sent"
}

// medianDuration measures sql's round trip on c.
func medianDuration(t *testing.T, c *Conn, sql string) time.Duration {
	t.Helper()
	var ds []time.Duration
	for range 51 {
		start := time.Now()
		mustExec(t, c, sql)
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}

// TestNoGoroutineLeak: after connections that were used, cancelled and
// closed, and a failed connect, no goroutine of ifxconn is left
// (reliability.md tier 2 item 13).
func TestNoGoroutineLeak(t *testing.T) {
	base := runtime.NumGoroutine()
	func() {
		srv, err := ifxtest.Start(ifxtest.Config{})
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		c, err := Connect(context.Background(), testConfig(srv, "testdb"))
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		c.Exec(ctx, "EXECUTE PROCEDURE ifxtest_sleep(5)", nil)
		cancel()
		c.Close()
		bad := testConfig(srv, "testdb")
		bad.Password = "wrong"
		if _, err := Connect(context.Background(), bad); err == nil {
			t.Error("connect with a wrong password succeeded")
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines, %d before:\n%s", n, base, buf[:runtime.Stack(buf, true)])
	}
}
