//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package ifxtest

import (
	"errors"
	"io"
	"net"
	"os"
	"syscall"
)

// oobConn is a TCP connection whose reads also collect the client's urgent
// (out-of-band) bytes, handing each to onUrgent.
//
// The kernel keeps an urgent byte out of the normal stream (SO_OOBINLINE
// is off) but forgets it as soon as a normal read passes its position
// (Linux's tcp_recvmsg clears the urgent data then). A byte that arrives
// while the server waits for the next request would therefore be lost to
// the read that wakes up for it. So every read first takes any urgent
// byte with recv(MSG_OOB), then reads normal data, in the same wake-up;
// and while a statement runs, poll does the same every few milliseconds.
type oobConn struct {
	*net.TCPConn
	rc       syscall.RawConn
	onUrgent func(b byte)
}

// newOOBConn wraps raw when it is a TCP connection; otherwise it returns
// raw and no urgentSource.
func newOOBConn(raw net.Conn, onUrgent func(byte)) (net.Conn, urgentSource) {
	tc, ok := raw.(*net.TCPConn)
	if !ok {
		return raw, nil
	}
	rc, err := tc.SyscallConn()
	if err != nil {
		return raw, nil
	}
	c := &oobConn{TCPConn: tc, rc: rc, onUrgent: onUrgent}
	return c, c
}

// Read reads normal data after taking any urgent byte that has arrived.
func (c *oobConn) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	var (
		n   int
		err error
	)
	rerr := c.rc.Read(func(fd uintptr) bool {
		c.takeUrgent(int(fd))
		for {
			n, err = syscall.Read(int(fd), p)
			if !errors.Is(err, syscall.EINTR) {
				break
			}
		}
		return !errors.Is(err, syscall.EAGAIN)
	})
	switch {
	case rerr != nil:
		return 0, rerr
	case err != nil:
		return 0, &net.OpError{Op: "read", Net: "tcp", Source: c.LocalAddr(), Addr: c.RemoteAddr(), Err: os.NewSyscallError("read", err)}
	case n == 0:
		return 0, io.EOF
	}
	return n, nil
}

// poll takes an urgent byte that has arrived and reports whether the peer
// has closed the connection (a peek that reads end of stream, or a reset).
func (c *oobConn) poll() (gone bool) {
	c.rc.Control(func(fd uintptr) {
		c.takeUrgent(int(fd))
		var b [1]byte
		n, _, err := syscall.Recvfrom(int(fd), b[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		gone = (err == nil && n == 0) || errors.Is(err, syscall.ECONNRESET)
	})
	return gone
}

// takeUrgent reads one urgent byte, if one is there, without waiting. With
// none pending the kernel answers EINVAL (or EAGAIN when the urgent
// pointer arrived before its byte), which is not an error here.
func (c *oobConn) takeUrgent(fd int) {
	var b [1]byte
	n, _, err := syscall.Recvfrom(fd, b[:], syscall.MSG_OOB|syscall.MSG_DONTWAIT)
	if err == nil && n == 1 {
		c.onUrgent(b[0])
	}
}
