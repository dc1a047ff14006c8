//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package ifxtest

import (
	"crypto/tls"
	"net"
	"reflect"
	"syscall"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// sendUrgent sends the interrupt the way IBM JDBC 15.0.0.1.1's
// Statement.cancel() does: one TCP urgent byte 0x42 on the connection's own
// socket (seen in ifxtest's wire log of a JDBC cancel; SQLI.md §7.9).
func sendUrgent(t *testing.T, raw net.Conn) {
	t.Helper()
	rc, err := raw.(*net.TCPConn).SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var serr error
	if err := rc.Write(func(fd uintptr) bool {
		serr = syscall.Sendto(int(fd), []byte{0x42}, syscall.MSG_OOB, nil)
		return true
	}); err != nil {
		t.Fatal(err)
	}
	if serr != nil {
		t.Fatalf("send urgent byte: %v", serr)
	}
}

// interruptBound is how soon after the urgent byte the -213 must arrive:
// S3 measured about 2 ms on a real server (SQLI.md §7.9); this leaves room
// for a loaded test machine.
const interruptBound = 2 * time.Second

// checkInterrupted runs a 5-second sleep, interrupts it after 100 ms
// through raw and checks the -213 (ISAM -157) answer and its timing.
func checkInterrupted(t *testing.T, c *testClient, raw net.Conn) {
	t.Helper()
	time.AfterFunc(100*time.Millisecond, func() { sendUrgent(t, raw) })
	start := time.Now()
	ans := c.exec("execute procedure ifxtest_sleep(5)")
	elapsed := time.Since(start)
	if !reflect.DeepEqual(tags(ans), []sqli.Tag{sqli.TagDescribe, sqli.TagErr}) {
		t.Fatalf("answer %v, want SQ_DESCRIBE SQ_ERR", tags(ans))
	}
	if e := ans[1].(*sqli.ErrorResponse); e.SQLCode != -213 || e.ISAMCode != -157 {
		t.Errorf("SQ_ERR %d (ISAM %d), want -213 (ISAM -157)", e.SQLCode, e.ISAMCode)
	}
	if elapsed > 100*time.Millisecond+interruptBound {
		t.Errorf("interrupted statement answered after %v", elapsed)
	}
	// The connection goes on, and the statement of the group was released.
	if d := c.prepare("select count(*) from systables", 0); d.StatementID != 0 {
		t.Errorf("statement id %d after the interrupt, want 0", d.StatementID)
	}
}

func TestInterrupt(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	checkInterrupted(t, c, c.conn)
}

// TestInterruptTLS checks the interrupt on a TLS connection: the urgent
// byte travels on the raw TCP socket, outside the TLS records (SQLI.md
// §7.9; [W: S3]).
func TestInterruptTLS(t *testing.T) {
	srv := startServer(t, Config{TLS: testTLSConfig(t)})
	raw, err := net.Dial("tcp", srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	c := newTestClient(t, tls.Client(raw, &tls.Config{InsecureSkipVerify: true}))
	c.handshake(DefaultDatabase)
	checkInterrupted(t, c, raw)
}

// TestInterruptPending checks that an urgent byte that arrives while no
// statement runs stops the next statement, as S3 reproduced on a real
// server (SQLI.md §7.9), and only that one.
func TestInterruptPending(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer)")
	sendUrgent(t, c.conn)
	time.Sleep(100 * time.Millisecond) // let the byte arrive while the server waits
	e := c.expectErr(c.exec("insert into t values (1)"))
	if e.SQLCode != -213 || e.ISAMCode != -157 {
		t.Errorf("statement after a pending interrupt: SQ_ERR %d (ISAM %d), want -213 (ISAM -157)", e.SQLCode, e.ISAMCode)
	}
	c.mustExec("insert into t values (2)")
	if n := c.rowCount("t"); n != 1 {
		t.Errorf("%d rows, want 1 (the interrupted insert did not run)", n)
	}
}

// TestClientGoneCancels checks that a client that closes its connection
// during a statement (informix-driver does so when its read timeout
// expires) ends the statement and its connection at once, not after the
// 30 s sleep.
func TestClientGoneCancels(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.send(&sqli.Command{SQL: "execute procedure ifxtest_sleep(30)"}, &sqli.NDescribe{}, &sqli.Execute{}, &sqli.Release{})
	time.Sleep(100 * time.Millisecond)
	c.conn.Close()
	deadline := time.Now().Add(interruptBound)
	for srv.openConns() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("connection still served %v after the client closed it", interruptBound)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
