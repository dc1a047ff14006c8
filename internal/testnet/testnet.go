// Package testnet holds network fixtures for the tests of ifxconn and the
// end-to-end suite.
package testnet

import (
	"net"
	"testing"
)

// SilentListener listens on a loopback port, accepts connections and
// never writes a byte: a server that never answers a login. It returns its
// address and a channel of the connections it accepted (up to 16 are kept
// for the test to inspect), and closes the listener and those connections
// when the test ends.
func SilentListener(t testing.TB) (addr string, accepted <-chan net.Conn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns := make(chan net.Conn, 16)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns <- c
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		for {
			select {
			case c := <-conns:
				c.Close()
			default:
				return
			}
		}
	})
	return ln.Addr().String(), conns
}
