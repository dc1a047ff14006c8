package ifxtest

import (
	"bytes"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-informix/informix/internal/testcert"
	"github.com/go-informix/informix/sqli"
)

// openConns returns the number of connections the server is serving.
func (s *Server) openConns() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// testCertPEM returns a self-signed certificate for 127.0.0.1 and its key.
func testCertPEM(t *testing.T) (certPEM, keyPEM []byte) {
	t.Helper()
	c, err := testcert.New()
	if err != nil {
		t.Fatal(err)
	}
	return c.CertPEM, c.KeyPEM
}

// testTLSConfig returns a server TLS configuration with a self-signed
// certificate.
func testTLSConfig(t *testing.T) *tls.Config {
	t.Helper()
	cert, key := testCertPEM(t)
	pair, err := tls.X509KeyPair(cert, key)
	if err != nil {
		t.Fatal(err)
	}
	return &tls.Config{Certificates: []tls.Certificate{pair}}
}

func TestTLS(t *testing.T) {
	cert, key := testCertPEM(t)
	dir := t.TempDir()
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, cert, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, key, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, cfg := range map[string]Config{
		"TLS":   {TLS: testTLSConfig(t)},
		"files": {TLSCertFile: certFile, TLSKeyFile: keyFile},
	} {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg)
			c := dialTLS(t, srv)
			c.handshake(DefaultDatabase)
			c.mustExec("create table t (i integer)")
			c.exit()
			// A plain client gets no SQLI answer from a TLS listener
			// (SQLI.md §1.2: the mismatch fails at the TLS layer).
			p := dial(t, srv)
			p.sendRaw([]byte{0x00, 0x06, 0x01, 0x3c, 0x00, 0x00})
			p.conn.SetReadDeadline(time.Now().Add(testTimeout))
			b, _ := io.ReadAll(p.conn)
			if len(b) >= 3 && b[2] == sqli.SLAccept {
				t.Errorf("plain client got a login answer from the TLS listener: % x", b)
			}
		})
	}
}

// recordingLog is a WireLog that keeps every chunk in memory.
type recordingLog struct {
	mu     sync.Mutex
	chunks map[uint64][]WireChunk
	closed map[uint64]bool
}

func (l *recordingLog) Connection(id uint64, _ string) ConnLog {
	return &recordingConnLog{l: l, id: id}
}

type recordingConnLog struct {
	l  *recordingLog
	id uint64
}

func (c *recordingConnLog) Chunk(dir Direction, offset int64, b []byte) {
	c.l.mu.Lock()
	defer c.l.mu.Unlock()
	c.l.chunks[c.id] = append(c.l.chunks[c.id], WireChunk{Dir: dir, Offset: offset, Data: append([]byte(nil), b...)})
}

func (c *recordingConnLog) Close() error {
	c.l.mu.Lock()
	defer c.l.mu.Unlock()
	c.l.closed[c.id] = true
	return nil
}

// recorder wraps a net.Conn and keeps what the client wrote and read.
type recorder struct {
	net.Conn
	wrote, read bytes.Buffer
}

func (r *recorder) Read(p []byte) (int, error) {
	n, err := r.Conn.Read(p)
	r.read.Write(p[:n])
	return n, err
}

func (r *recorder) Write(p []byte) (int, error) {
	r.wrote.Write(p)
	return r.Conn.Write(p)
}

// joinDir concatenates the chunks of one direction, checking their offsets.
func joinDir(t *testing.T, chunks []WireChunk, dir Direction) []byte {
	t.Helper()
	var out []byte
	for _, c := range chunks {
		if c.Dir != dir {
			continue
		}
		if c.Offset != int64(len(out)) {
			t.Fatalf("%v chunk at offset %d, %d bytes came before it", dir, c.Offset, len(out))
		}
		out = append(out, c.Data...)
	}
	return out
}

func TestWireLog(t *testing.T) {
	dir := t.TempDir()
	mem := &recordingLog{chunks: map[uint64][]WireChunk{}, closed: map[uint64]bool{}}
	var errs []error
	for name, wl := range map[string]WireLog{"dir": DirWireLog(dir, func(err error) { errs = append(errs, err) }), "memory": mem} {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, Config{WireLog: wl})
			nc, err := net.Dial("tcp", srv.Addr())
			if err != nil {
				t.Fatal(err)
			}
			rec := &recorder{Conn: nc}
			c := newTestClient(t, rec)
			c.handshake(DefaultDatabase)
			c.mustExec("create table t (i integer)")
			c.exit()
			if err := srv.Close(); err != nil {
				t.Fatal(err)
			}
			var chunks []WireChunk
			if name == "dir" {
				chunks = readWireLogFile(t, filepath.Join(dir, "conn-000001.log"))
			} else {
				chunks = mem.chunks[1]
				if !mem.closed[1] {
					t.Error("ConnLog not closed")
				}
			}
			if got := joinDir(t, chunks, FromClient); !bytes.Equal(got, rec.wrote.Bytes()) {
				t.Errorf("client bytes in the log differ from what the client sent (%d vs %d bytes)", len(got), rec.wrote.Len())
			}
			if got := joinDir(t, chunks, ToClient); !bytes.Equal(got, rec.read.Bytes()) {
				t.Errorf("server bytes in the log differ from what the client read (%d vs %d bytes)", len(got), rec.read.Len())
			}
		})
	}
	if len(errs) > 0 {
		t.Errorf("wire log errors: %v", errs)
	}
}

func readWireLogFile(t *testing.T, name string) []WireChunk {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunks, err := ParseWireLog(f)
	if err != nil {
		t.Fatal(err)
	}
	return chunks
}

func TestParseWireLog(t *testing.T) {
	// The format of DirWireLog, written by hand.
	text := "# comment\n" +
		"C->S offset 0 (18 bytes)\n" +
		"  00000000  00 7e 00 09 ff fc 7f fc  3c 8c aa 97 06 00 00 0c  |.~......<.......|\n" +
		"  00000010  00 38                                             |.8|\n" +
		"C->S! offset 0 (1 bytes)\n" +
		"  00000000  42                                                |B|\n" +
		"S->C offset 0 (2 bytes)\n" +
		"  00000000  00 0c                                             |..|\n"
	chunks, err := ParseWireLog(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []WireChunk{
		{FromClient, 0, []byte{0x00, 0x7e, 0x00, 0x09, 0xff, 0xfc, 0x7f, 0xfc, 0x3c, 0x8c, 0xaa, 0x97, 0x06, 0x00, 0x00, 0x0c, 0x00, 0x38}},
		{UrgentFromClient, 0, []byte{0x42}},
		{ToClient, 0, []byte{0x00, 0x0c}},
	}
	if fmt.Sprint(chunks) != fmt.Sprint(want) {
		t.Errorf("chunks %v, want %v", chunks, want)
	}
	for _, bad := range []string{
		"C->S offset 0 (3 bytes)\n  00000000  00 01  |..|\n",
		"  00000000  00 01  |..|\n",
		"X->Y offset 0 (1 bytes)\n  00000000  00  |.|\n",
		"C->S offset 0 (1 bytes)\n  00000000  0g  |.|\n",
	} {
		if _, err := ParseWireLog(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseWireLog(%q) accepted it", bad)
		}
	}
}

// TestConcurrentSessions runs many clients at once, each in its own
// parallel subtest with its own table; the group waits for all of them.
func TestConcurrentSessions(t *testing.T) {
	srv := startServer(t, Config{})
	t.Run("group", func(t *testing.T) {
		for i := range 16 {
			t.Run(fmt.Sprint(i), func(t *testing.T) {
				t.Parallel()
				c := connect(t, srv, DefaultDatabase)
				table := fmt.Sprintf("t%d", i)
				c.mustExec("create table " + table + " (i integer, c char(20))")
				c.insertRows(table, 0, i+1)
				if d := c.mustExec("delete from " + table + " where i >= 0"); d.Rows != int64(i+1) {
					t.Errorf("delete: %d rows, want %d", d.Rows, i+1)
				}
				c.exit()
			})
		}
	})
	waitIdle(t, srv)
}

// TestCloseWithOpenConnections checks that Close ends every connection,
// idle or running a statement, waits for their goroutines, and leaves no
// goroutine behind.
func TestCloseWithOpenConnections(t *testing.T) {
	before := runtime.NumGoroutine()
	srv, err := Start(Config{Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	idle := connect(t, srv, DefaultDatabase)
	busy := connect(t, srv, DefaultDatabase)
	busy.send(&sqli.Command{SQL: "execute procedure ifxtest_sleep(30)"}, &sqli.NDescribe{}, &sqli.Execute{}, &sqli.Release{})
	half := dial(t, srv) // connected, never logged in
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Close took %v", d)
	}
	for _, c := range []*testClient{idle, busy, half} {
		c.conn.SetReadDeadline(time.Now().Add(testTimeout))
		if _, err := io.ReadAll(c.conn); err != nil && !isConnClosed(err) {
			t.Errorf("client read after Close: %v", err)
		}
	}
	if _, err := net.DialTimeout("tcp", srv.Addr(), time.Second); err == nil {
		t.Error("the listener still accepts after Close")
	}
	if err := srv.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	for _, c := range []*testClient{idle, busy, half} {
		c.conn.Close()
	}
	checkNoLeak(t, before)
}

// isConnClosed reports an error that only says the peer closed.
func isConnClosed(err error) bool {
	var ne *net.OpError
	return errors.As(err, &ne) && strings.Contains(err.Error(), "reset")
}

// checkNoLeak waits for the goroutine count to fall back to before.
func checkNoLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, %d before:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestGarbageAfterLogin checks that a client that sends an unknown tag or
// a malformed message loses its connection, and that the server goes on.
func TestGarbageAfterLogin(t *testing.T) {
	srv := startServer(t, Config{})
	for name, junk := range map[string][]byte{
		"unknown tag":      {0x7f, 0x7f, 0x00, 0x0c},
		"negative count":   {0x00, 0x05, 0xff, 0xff, 0x00, 0x0c},
		"huge SQL length":  {0x00, 0x02, 0x00, 0x00, 0x7f, 0xff, 0xff, 0xff, 0x00, 0x0c},
		"truncated stream": {0x00, 0x02},
	} {
		t.Run(name, func(t *testing.T) {
			c := connect(t, srv, DefaultDatabase)
			c.sendRaw(junk)
			if name == "truncated stream" {
				c.conn.(*net.TCPConn).CloseWrite()
			}
			c.conn.SetReadDeadline(time.Now().Add(testTimeout))
			if b, err := io.ReadAll(c.conn); err != nil || len(b) != 0 {
				t.Errorf("read %x, %v; want the connection closed with no answer", b, err)
			}
		})
	}
	connect(t, srv, DefaultDatabase).exit()
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pem")
	if err := os.WriteFile(bad, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"duplicate database", Config{Databases: []Database{{Name: "a"}, {Name: "A"}}}, `database "A" is configured twice`},
		{"empty database name", Config{Databases: []Database{{Name: ""}}}, "empty name"},
		{"unknown locale", Config{Databases: []Database{{Name: "a", Locale: "xx_XX.nowhere"}}}, "nowhere"},
		{"bad logging", Config{Databases: []Database{{Name: "a", Logging: 9}}}, "logging mode 9"},
		{"cert without key", Config{TLSCertFile: bad}, "set together"},
		{"bad TLS files", Config{TLSCertFile: bad, TLSKeyFile: bad}, "load TLS key pair"},
		{"TLS without certificate", Config{TLS: &tls.Config{}}, "no certificate"},
		{"empty user", Config{Users: map[string]string{"": "x"}}, "empty name"},
		{"bad address", Config{Addr: "127.0.0.1:99999"}, "listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, err := Start(tt.cfg)
			if err == nil {
				srv.Close()
				t.Fatal("Start accepted the configuration")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}

func TestDSN(t *testing.T) {
	srv := startServer(t, Config{
		ServerName: "my server",
		Users:      map[string]string{"zed": "z", "al ice": "p@ss:w/rd"},
	})
	want := "informix://al%20ice:p%40ss%3Aw%2Frd@" + srv.Addr() + "/stores?server=my+server"
	if got := srv.DSN("stores"); got != want {
		t.Errorf("DSN = %s, want %s", got, want)
	}
}
