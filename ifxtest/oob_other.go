//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package ifxtest

import "net"

// newOOBConn returns raw unchanged and no urgentSource: this platform has
// no implementation for reading TCP urgent bytes, so the client's
// interrupt (SQLI.md §7.9) is not seen and statements run to their end.
func newOOBConn(raw net.Conn, _ func(byte)) (net.Conn, urgentSource) {
	return raw, nil
}
