package main

import (
	"bufio"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// TestProcess builds ifxtestd, runs it, reads its first line, logs in
// with sqli's messages, opens a database, and stops it with SIGTERM.
func TestProcess(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build ifxtestd: %v", err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "ifxtestd")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	logDir := filepath.Join(dir, "wire") // created by ifxtestd
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-user", "u1:p1", "-db", "shop:ansi:en_US.utf8", "-wirelog", logDir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("first line: %v", err)
	}
	addr, ok := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	if !ok {
		t.Fatalf("first line %q, want \"listening on ADDR\"", line)
	}
	warnings := loginAndOpen(t, addr, "u1", "p1", "shop")
	if warnings != sqli.DoneLogged|sqli.DoneANSI {
		t.Errorf("SQ_DBOPEN warnings %#x, want 3 (ANSI)", warnings)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("ifxtestd exited with %v after SIGTERM", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ifxtestd did not exit after SIGTERM")
	}
	if entries, err := os.ReadDir(logDir); err != nil || len(entries) != 1 {
		t.Errorf("wire log directory: %v, %v; want one connection log", entries, err)
	}
}

// loginAndOpen logs in to addr, negotiates JDBC's features and opens db,
// returning the SQ_DONE warnings of the open.
func loginAndOpen(t *testing.T, addr, user, password, db string) int16 {
	t.Helper()
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(10 * time.Second))
	r, w := sqli.NewReader(nc), sqli.NewWriter(nc)
	sqli.NewLoginRequest(user, password, ifxtest.DefaultServerName).Encode(w.Encoder())
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var resp sqli.LoginResponse
	if err := resp.Decode(r); err != nil || resp.Err() != nil {
		t.Fatalf("login: %v, %v", err, resp.Err())
	}
	dec := sqli.NewServerDecoder(r)
	ans := group(t, w, dec, &sqli.Protocols{Bitmap: sqli.JDBCFeatureOffer()})
	f := ans[0].(*sqli.Protocols).Features()
	r.Features = f
	w.SetFeatures(f)
	ans = group(t, w, dec, &sqli.DBOpen{Database: db})
	done, ok := ans[0].(*sqli.Done)
	if !ok {
		t.Fatalf("SQ_DBOPEN answered %T", ans[0])
	}
	return done.Warnings
}

// group sends msgs and SQ_EOT and returns the answer's messages before its
// SQ_EOT. The messages are only valid until the next read, which is
// enough for the fields the caller looks at right away.
func group(t *testing.T, w *sqli.Writer, dec *sqli.ServerDecoder, msgs ...sqli.Message) []sqli.ServerMessage {
	t.Helper()
	for _, m := range msgs {
		w.Send(m)
	}
	w.Send(&sqli.EOT{})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var out []sqli.ServerMessage
	for {
		m, err := dec.Next()
		if err != nil {
			t.Fatalf("answer: %v", err)
		}
		if m.Tag() == sqli.TagEOT {
			return out
		}
		if e, ok := m.(*sqli.ErrorResponse); ok {
			t.Fatalf("SQ_ERR %d", e.SQLCode)
		}
		out = append(out, m)
	}
}

func TestParseDatabase(t *testing.T) {
	tests := []struct {
		in   string
		want ifxtest.Database
		err  bool
	}{
		{"testdb", ifxtest.Database{Name: "testdb", Logging: ifxtest.UnbufferedLogging}, false},
		{"a:nolog", ifxtest.Database{Name: "a", Logging: ifxtest.NoLogging}, false},
		{"a:buffered", ifxtest.Database{Name: "a", Logging: ifxtest.BufferedLogging}, false},
		{"a:UNBUFFERED", ifxtest.Database{Name: "a", Logging: ifxtest.UnbufferedLogging}, false},
		{"a:ansi:en_US.utf8", ifxtest.Database{Name: "a", Logging: ifxtest.ANSI, Locale: "en_US.utf8"}, false},
		{"a:en_US.819", ifxtest.Database{Name: "a", Logging: ifxtest.UnbufferedLogging, Locale: "en_US.819"}, false},
		{"", ifxtest.Database{}, true},
		{"a:ansi:x:y", ifxtest.Database{}, true},
		{"a:ansi:", ifxtest.Database{}, true},
	}
	for _, tt := range tests {
		got, err := parseDatabase(tt.in)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("parseDatabase(%q) = %+v, %v; want %+v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestParseFlags(t *testing.T) {
	cfg, err := parseFlags([]string{"-addr", ":0", "-server", "s1", "-user", "a", "-user", "b:pb", "-password", "pa"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != ":0" || cfg.ServerName != "s1" {
		t.Errorf("addr %q, server %q", cfg.Addr, cfg.ServerName)
	}
	if want := map[string]string{"a": "pa", "b": "pb"}; !reflect.DeepEqual(cfg.Users, want) {
		t.Errorf("users %v, want %v", cfg.Users, want)
	}
	if len(cfg.Replay) != 0 {
		t.Errorf("replay tables without -replay: %d", len(cfg.Replay))
	}
	cfg, err = parseFlags([]string{"-replay"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tb := range cfg.Replay {
		names = append(names, tb.Name)
	}
	if want := []string{"bench_rows", "bench_wide", "bench_one", "bench_lob", "bench_ins"}; !reflect.DeepEqual(names, want) {
		t.Errorf("-replay tables %v, want %v", names, want)
	}
	for _, bad := range [][]string{
		{"-user", ":x"}, {"-user", "a", "-user", "a:y"}, {"-db", "a:ansi:x:y"}, {"extra"}, {"-nosuch"},
	} {
		if _, err := parseFlags(bad, io.Discard); err == nil {
			t.Errorf("parseFlags(%q) accepted it", bad)
		}
	}
}
