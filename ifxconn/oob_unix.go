//go:build unix

package ifxconn

import (
	"errors"
	"net"
	"syscall"
)

// interruptByte is the SQLI interrupt: one TCP urgent byte 0x42 (SQLI.md
// §7.9 [W: S3]; IBM JDBC's Statement.cancel sends the same byte,
// conformance/testdata/jdbc/cancel.golden "C! URGENT 42").
const interruptByte = 0x42

// sendInterrupt sends the interrupt on raw, the TCP connection under any
// TLS layer: the urgent byte travels outside the TLS records (SQLI.md
// §7.9 [W: S3]). It fails when raw is not a *net.TCPConn.
func sendInterrupt(raw net.Conn) error {
	tc, ok := raw.(*net.TCPConn)
	if !ok {
		return errors.New("the connection is not a TCP connection; no urgent byte can be sent")
	}
	rc, err := tc.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	err = rc.Write(func(fd uintptr) bool {
		serr = syscall.Sendto(int(fd), []byte{interruptByte}, syscall.MSG_OOB, nil)
		return !errors.Is(serr, syscall.EAGAIN)
	})
	if err != nil {
		return err
	}
	return serr
}
