package ifxtest

import (
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// bugLog collects the server's log lines that reveal a bug in ifxtest: a
// recovered panic, a row the engine's description cannot encode, or a
// decoded message with no handler.
type bugLog struct {
	mu   sync.Mutex
	bugs []string
}

func (l *bugLog) logf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	for _, mark := range []string{"internal error", "does not match its description", "no handler"} {
		if strings.Contains(msg, mark) {
			l.mu.Lock()
			l.bugs = append(l.bugs, msg)
			l.mu.Unlock()
		}
	}
}

func (l *bugLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.bugs
	l.bugs = nil
	return b
}

// fuzzSeeds returns request streams to send after the handshake: the
// groups of JDBC and informix-driver seen in ifxtest's wire logs, encoded
// with the features the handshake grants.
func fuzzSeeds(f *testing.F) [][]byte {
	feat := sqli.Features{LongSQL: true, ExtDescribe: true, BigTuple: true, BigRowID: true}
	groups := [][]sqli.Message{
		{&sqli.Command{SQL: "create table f (i integer, c char(5))"}, &sqli.NDescribe{}, &sqli.Execute{}, &sqli.Release{}},
		{&sqli.Prepare{SQL: "select * from systables"}, &sqli.NDescribe{}, &sqli.WantDone{}, &sqli.EOT{},
			&sqli.ID{}, &sqli.CurName{Name: "_ifxc0000000000001"}, &sqli.Open{}, &sqli.ID{}, &sqli.NFetch{BufferSize: 4096}},
		{&sqli.Prepare{ParamCount: 2, SQL: "insert into f values (?, ?)"}, &sqli.NDescribe{}, &sqli.WantDone{}, &sqli.EOT{},
			&sqli.ID{}, &sqli.CIDescribe{}, &sqli.EOT{}, &sqli.ID{}, bindOf(f, 1, "a"), &sqli.Execute{}},
		{&sqli.Begin{}, &sqli.EOT{}, &sqli.RollbackWork{}, &sqli.EOT{}, &sqli.SetSavepoint{Name: "s"}},
		{&sqli.Prepare{SQL: "select * from bench_lob"}, &sqli.NDescribe{}, &sqli.WantDone{}, &sqli.EOT{},
			&sqli.ID{}, &sqli.CurName{Name: "c"}, &sqli.Open{}, &sqli.ID{}, &sqli.NFetch{BufferSize: 4096}},
		{&sqli.Prepare{ParamCount: 2, SQL: "insert into bench_ins (id, name) values (?, ?)"}, &sqli.SGKPrepare{},
			&sqli.NDescribe{}, &sqli.EOT{}, &sqli.ID{}, &sqli.CIDescribe{}, bindOf(f, 1, "a"), &sqli.Execute{}},
	}
	var seeds [][]byte
	for _, g := range groups {
		var b []byte
		for _, m := range append(g, &sqli.EOT{}) {
			e, err := sqli.Encode(m, feat)
			if err != nil {
				f.Fatal(err)
			}
			b = append(b, e...)
		}
		seeds = append(seeds, b)
	}
	return append(seeds, []byte{0x00, 0x80, 0x00, 0x0c}, []byte{0x7f, 0x7f, 0x00, 0x0c})
}

// FuzzClientStream sends arbitrary bytes after a complete handshake and
// checks that the server never hits a bug: whatever the bytes, it answers
// or drops the connection. The server holds small replay tables too, so
// that replay statements are fuzzed alongside the engine's.
func FuzzClientStream(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(b)
	}
	bugs := &bugLog{}
	replay := []ReplayTable{benchTable(f, BenchRows, 50), benchTable(f, BenchLOB, 3), benchTable(f, BenchIns, -1)}
	srv, err := Start(Config{Logf: bugs.logf, Replay: replay})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { srv.Close() })
	f.Fuzz(func(t *testing.T, data []byte) {
		client, server := net.Pipe()
		srv.startConn(server)
		c := newTestClient(t, client)
		c.handshake(DefaultDatabase)
		done := make(chan struct{})
		go func() {
			defer close(done)
			io.Copy(io.Discard, client)
		}()
		client.SetWriteDeadline(time.Now().Add(testTimeout))
		client.Write(data)
		c.w.Send(&sqli.Exit{})
		c.w.Flush()
		time.Sleep(time.Millisecond)
		client.Close()
		<-done
		waitIdle(t, srv)
		if b := bugs.take(); len(b) > 0 {
			t.Fatalf("server bug on input %x: %v", data, b)
		}
	})
}

// waitIdle waits until the server serves no connection.
func waitIdle(t *testing.T, srv *Server) {
	t.Helper()
	deadline := time.Now().Add(testTimeout)
	for srv.openConns() > 0 {
		if time.Now().After(deadline) {
			t.Fatal("connection still served after the client closed it")
		}
		time.Sleep(time.Millisecond)
	}
}
