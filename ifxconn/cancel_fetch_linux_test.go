//go:build linux

package ifxconn

import (
	"context"
	"errors"
	"net"
	"syscall"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// waitUrgent waits up to 5s for the client's TCP urgent byte on nc and
// returns it, or -1.
func waitUrgent(nc net.Conn) int {
	rc, err := nc.(*net.TCPConn).SyscallConn()
	if err != nil {
		return -1
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		got := -1
		rc.Control(func(fd uintptr) {
			var b [1]byte
			if n, _, err := syscall.Recvfrom(int(fd), b[:], syscall.MSG_OOB|syscall.MSG_DONTWAIT); err == nil && n == 1 {
				got = int(b[0])
			}
		})
		if got >= 0 {
			return got
		}
	}
	return -1
}

// TestCancelDuringNext: a context that ends while Next waits for the
// second batch sends the interrupt; the server's -213 keeps the connection,
// Next fails with the context's error, and Close then closes the cursor
// and releases the statement (SQLI.md §7.9).
func TestCancelDuringNext(t *testing.T) {
	urgent := make(chan int, 1)
	var closeGroups [][]sqli.Tag
	fs := startFake(t, func(fc *fakeConn) {
		if !fc.handshake() || fc.group() == nil {
			return
		}
		fc.send(describeInt(), &sqli.Done{}, &sqli.Cost{}, &sqli.EOT{})
		if fc.group() == nil {
			return
		}
		fc.send(intTuple(1), &sqli.EOT{})
		if fc.group() == nil {
			return
		}
		u := waitUrgent(fc.nc)
		urgent <- u
		fc.send(&sqli.ErrorResponse{SQLCode: codeInterrupted, ISAMCode: -157}, &sqli.EOT{})
		for range 2 {
			g := fc.group()
			if g == nil {
				return
			}
			closeGroups = append(closeGroups, g)
			fc.send(&sqli.EOT{})
		}
		fc.group()
	})
	c := connect(t, fs.config())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rows, err := c.Query(ctx, "SELECT n FROM t", nil)
	if err != nil {
		t.Fatal(err)
	}
	dest := make([]any, 1)
	if err := rows.Next(dest); err != nil || dest[0] != int64(1) {
		t.Fatalf("first row: %v %v", dest[0], err)
	}
	time.AfterFunc(50*time.Millisecond, cancel)
	err = rows.Next(dest)
	if !errors.Is(err, context.Canceled) || serverCode(err) != codeInterrupted {
		t.Fatalf("Next: %v, want context.Canceled wrapping -213", err)
	}
	if u := <-urgent; u != interruptByte {
		t.Errorf("urgent byte %#x, want 0x42", u)
	}
	if c.IsClosed() {
		t.Fatal("connection poisoned although the interrupt was answered with -213")
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	c.Close()
	want := [][]sqli.Tag{{sqli.TagID, sqli.TagClose, sqli.TagEOT}, {sqli.TagID, sqli.TagRelease, sqli.TagEOT}}
	if len(closeGroups) != 2 || len(closeGroups[0]) != 3 || closeGroups[0][1] != want[0][1] || closeGroups[1][1] != want[1][1] {
		t.Errorf("groups after the interrupt: %v, want %v", closeGroups, want)
	}
}
