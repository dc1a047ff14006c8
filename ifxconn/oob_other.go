//go:build !unix

package ifxconn

import (
	"errors"
	"net"
)

// sendInterrupt cannot send a TCP urgent byte on this platform (the
// standard library offers MSG_OOB only on Unix): it always fails, and a
// cancelled statement closes the connection instead.
func sendInterrupt(net.Conn) error {
	return errors.New("TCP urgent data is not supported on this platform")
}
