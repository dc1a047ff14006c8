package ifxtest

import (
	"context"
	"sync"
	"time"
)

// urgentPollInterval is how often a running statement checks the socket
// for the client's urgent byte. The engine sees the interrupt within about
// this long plus its own reaction time; S3 measured a real server
// answering -213 about 2 ms after the byte (SQLI.md §7.9).
const urgentPollInterval = 5 * time.Millisecond

// urgentSource reads TCP urgent (out-of-band) bytes from the raw socket of
// a connection, outside the byte stream that TLS and SQLI read. It is
// implemented where the platform can read them (oob_unix.go).
type urgentSource interface {
	// poll reads an urgent byte that has arrived, without waiting, and
	// hands it to the connection's urgent handler. It reports whether
	// the peer has closed its side.
	poll() (gone bool)
}

// interrupter tracks the client's interrupt (SQLI.md §7.9): a TCP urgent
// byte that stops the running statement with -213 (ISAM -157). A byte that
// arrives while no statement runs stays pending and stops the next one,
// as S3 reproduced on a real server.
type interrupter struct {
	mu      sync.Mutex
	pending bool
	cancel  context.CancelFunc // cancels the running statement; nil when idle
}

// urgent records an urgent byte from the client: it cancels the running
// statement, or leaves the interrupt pending for the next.
func (it *interrupter) urgent() {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.cancel != nil {
		it.cancel()
		it.cancel = nil
		return
	}
	it.pending = true
}

// begin registers cancel as the running statement's; a pending interrupt
// cancels it at once.
func (it *interrupter) begin(cancel context.CancelFunc) {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.pending {
		it.pending = false
		cancel()
		return
	}
	it.cancel = cancel
}

// end marks that no statement runs any more.
func (it *interrupter) end() {
	it.mu.Lock()
	it.cancel = nil
	it.mu.Unlock()
}

// interruptible runs fn, an engine call, with a context that is cancelled
// when the client's interrupt arrives (or was pending), when the client
// closes the connection, or when the server closes. The engine then fails
// the call with -213 (ISAM -157), which the caller answers as any error;
// the transaction stays open (SQLI.md §7.9, engine contract).
func (c *conn) interruptible(fn func(ctx context.Context) error) error {
	ctx, cancel := context.WithCancel(c.ctx)
	defer cancel()
	c.intr.begin(cancel)
	defer c.intr.end()
	stop := c.watch(ctx, cancel)
	defer stop()
	return fn(ctx)
}

// watch polls the socket for urgent bytes and for the client going away
// while a statement runs, until the returned stop is called. Without an
// urgentSource (a platform that cannot read urgent bytes) it does nothing.
func (c *conn) watch(ctx context.Context, cancel context.CancelFunc) (stop func()) {
	if c.urgent == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(urgentPollInterval)
		defer t.Stop()
		for {
			if c.urgent.poll() {
				// The client went away: nobody waits for the answer.
				cancel()
				return
			}
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}
