package testnet

import (
	"net"
	"testing"
	"time"
)

// TestSilentListener: a connection is accepted and handed over, and
// nothing is written to it.
func TestSilentListener(t *testing.T) {
	addr, accepted := SilentListener(t)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	select {
	case <-accepted:
	case <-time.After(5 * time.Second):
		t.Fatal("the connection was not handed over")
	}
	c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	if n, err := c.Read(make([]byte, 1)); n != 0 || err == nil {
		t.Errorf("read %d bytes, %v; want a timeout and nothing", n, err)
	}
}
