//go:build linux

package ifxconn

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// TestCancelWhileParking: a call whose context ends while it reads the
// rest of another Rows' fetch answer sends the interrupt; the server's
// -213 ends that answer and keeps the connection (SQLI.md §7.9). The call
// fails with the context's error wrapping -213 without sending its own
// request, and the Rows gives the rows it received, then the -213.
func TestCancelWhileParking(t *testing.T) {
	urgent := make(chan int, 1)
	var after [][]sqli.Tag
	fs := startFake(t, func(fc *fakeConn) {
		if !fc.handshake() || fc.group() == nil {
			return
		}
		fc.send(describeInt(), &sqli.Done{}, &sqli.Cost{}, &sqli.EOT{})
		if fc.group() == nil {
			return
		}
		fc.send(intTuple(1))
		urgent <- waitUrgent(fc.nc)
		fc.send(intTuple(2), &sqli.ErrorResponse{SQLCode: codeInterrupted, ISAMCode: -157}, &sqli.EOT{})
		answerEOTs(fc, &after)
	})
	c := connect(t, fs.config())
	rows, err := c.Query(context.Background(), "SELECT n FROM t", nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(50*time.Millisecond, cancel)
	err = c.Ping(ctx)
	if !errors.Is(err, context.Canceled) || serverCode(err) != codeInterrupted {
		t.Fatalf("Ping: %v, want context.Canceled wrapping -213", err)
	}
	if u := <-urgent; u != interruptByte {
		t.Errorf("urgent byte %#x, want 0x42", u)
	}
	if c.IsClosed() {
		t.Fatal("connection poisoned although the interrupt was answered with -213")
	}
	for want := int64(1); want <= 2; want++ {
		if got := nextInt(t, rows); got != want {
			t.Fatalf("row %d: %d", want, got)
		}
	}
	if err := rows.Next(make([]any, 1)); serverCode(err) != codeInterrupted {
		t.Fatalf("Next after the held rows: %v, want -213", err)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	c.Close()
	<-fs.done
	if len(after) != 2 || after[0][1] != sqli.TagClose || after[1][1] != sqli.TagRelease {
		t.Errorf("groups after the interrupt: %v, want SQ_CLOSE then SQ_RELEASE (no SQ_INFO of the ping)", after)
	}
}
