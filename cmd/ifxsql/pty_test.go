//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// screen collects what a program writes to its terminal, read from the
// pty in a goroutine, and lets a test wait for text to appear on it.
type screen struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	cursor int // expect searches from here
	done   chan struct{}
}

// newScreen starts reading f into a screen.
func newScreen(f *os.File) *screen {
	s := &screen{done: make(chan struct{})}
	go func() {
		defer close(s.done)
		b := make([]byte, 4096)
		for {
			n, err := f.Read(b)
			s.mu.Lock()
			s.buf.Write(b[:n])
			s.mu.Unlock()
			if err != nil {
				return // EIO once the program has exited
			}
		}
	}()
	return s
}

// ansi matches the terminal control sequences x/term writes (cursor
// moves, erasures) and carriage returns.
var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\r`)

// text returns what the screen shows so far, without control sequences.
func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.ReplaceAllString(s.buf.String(), "")
}

// expect waits up to timeout for want to appear after the text an
// earlier expect matched, and moves past it.
func (s *screen) expect(t *testing.T, want string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		text := s.text()
		if i := strings.Index(text[s.cursor:], want); i >= 0 {
			s.cursor += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v the screen does not show %q after:\n%s", timeout, want, text[:s.cursor])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// shows reports whether want appears after the cursor, moving past it
// when it does.
func (s *screen) shows(want string) bool {
	text := s.text()
	if i := strings.Index(text[s.cursor:], want); i >= 0 {
		s.cursor += i + len(want)
		return true
	}
	return false
}

// startInPty starts ifxsql with args in a pty of 120 columns.
func startInPty(t *testing.T, args ...string) (*exec.Cmd, *os.File, *screen) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Env = childEnv(t)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
		f.Close()
	})
	return cmd, f, newScreen(f)
}

// typeText writes keys to the terminal.
func typeText(t *testing.T, f *os.File, keys string) {
	t.Helper()
	if _, err := f.WriteString(keys); err != nil {
		t.Fatal(err)
	}
}

// waitExit waits for cmd to end and returns its exit status.
func waitExit(t *testing.T, cmd *exec.Cmd, timeout time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode()
	case <-time.After(timeout):
		t.Fatalf("ifxsql still running after %v", timeout)
	}
	return -1
}

// TestInteractive drives a session on a terminal against the embedded
// sample: a statement typed over two lines, a statement cancelled with
// Ctrl-C, a statement after it on the same session, and \q. Timeouts are
// generous: this runs under the race detector on two busy cores.
func TestInteractive(t *testing.T) {
	cmd, f, scr := startInPty(t)
	scr.expect(t, sampleNotice, time.Minute)
	scr.expect(t, promptFirst, time.Minute)

	typeText(t, f, "SELECT name, city FROM customers\r")
	scr.expect(t, promptContinue, 10*time.Second)
	typeText(t, f, "WHERE customer_num <= 2 ORDER BY customer_num;\r")
	scr.expect(t, "Jonas Müller  | Köln\nÅsa Lindqvist | Göteborg\n(2 rows)\n", 30*time.Second)
	scr.expect(t, promptFirst, 10*time.Second)

	typeText(t, f, "EXECUTE PROCEDURE ifxtest_sleep(30);\r")
	scr.expect(t, "ifxtest_sleep(30);\n", 10*time.Second)
	start := time.Now()
	cancelled := false
	// Ctrl-C after ~300 ms. Should it come before the terminal left raw
	// mode for the statement (a very slow machine), it would wait for the
	// next prompt, so it is sent again until the cancellation shows.
	for try := 0; try < 4 && !cancelled; try++ {
		time.Sleep(300 * time.Millisecond)
		typeText(t, f, "\x03")
		for wait := time.Now().Add(3 * time.Second); time.Now().Before(wait) && !cancelled; {
			time.Sleep(20 * time.Millisecond)
			cancelled = scr.shows("statement cancelled")
		}
	}
	if !cancelled {
		t.Fatalf("no cancellation after Ctrl-C; screen:\n%s", scr.text())
	}
	if elapsed := time.Since(start); elapsed > 20*time.Second {
		t.Errorf("the cancellation took %v: the statement ran to its end", elapsed)
	}
	scr.expect(t, promptFirst, 10*time.Second)

	typeText(t, f, "SELECT COUNT(*) AS n FROM orders;\r")
	scr.expect(t, "n\n--\n16\n(1 row)\n", 30*time.Second)
	scr.expect(t, promptFirst, 10*time.Second)
	typeText(t, f, "\\q\r")
	if code := waitExit(t, cmd, 30*time.Second); code != 0 {
		t.Errorf("exit status %d after \\q, want 0; screen:\n%s", code, scr.text())
	}
}

// TestInteractiveEditing: Ctrl-C at the prompt drops the line typed so
// far, the up arrow recalls the history (also written to the history
// file), and Ctrl-D at an empty prompt quits with status 0.
func TestInteractiveEditing(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "history")
	cmd, f, scr := startInPty(t, "-history", hist)
	scr.expect(t, promptFirst, time.Minute)

	typeText(t, f, "SELECT nonsense")
	scr.expect(t, "SELECT nonsense", 10*time.Second)
	typeText(t, f, "\x03")
	scr.expect(t, promptFirst, 10*time.Second)
	typeText(t, f, "SELECT city FROM customers WHERE customer_num = 4;\r")
	scr.expect(t, "city\n------\nAarhus\n(1 row)\n", 30*time.Second)
	scr.expect(t, promptFirst, 10*time.Second)

	typeText(t, f, "\x1b[A") // up arrow: the last line
	scr.expect(t, "SELECT city FROM customers WHERE customer_num = 4;", 10*time.Second)
	typeText(t, f, "\r")
	scr.expect(t, "Aarhus\n(1 row)\n", 30*time.Second)
	scr.expect(t, promptFirst, 10*time.Second)

	typeText(t, f, "\x04")
	if code := waitExit(t, cmd, 30*time.Second); code != 0 {
		t.Errorf("exit status %d after Ctrl-D, want 0", code)
	}
	if strings.Contains(scr.text(), "SQLCODE") {
		t.Errorf("an error showed; the line cut by Ctrl-C was run?\n%s", scr.text())
	}
	data, err := os.ReadFile(hist)
	if err != nil {
		t.Fatal(err)
	}
	if want := "SELECT city FROM customers WHERE customer_num = 4;\n"; string(data) != want {
		t.Errorf("history file %q, want %q", data, want)
	}
}

// TestScriptInterrupt: SIGINT while a script's statement runs interrupts
// it on the server; ifxsql reports it and exits 1 at once.
func TestScriptInterrupt(t *testing.T) {
	cmd := exec.Command(binary(t), "-c", "EXECUTE PROCEDURE ifxtest_sleep(30)")
	cmd.Env = childEnv(t)
	errPath := filepath.Join(t.TempDir(), "stderr")
	errFile, err := os.Create(errPath)
	if err != nil {
		t.Fatal(err)
	}
	defer errFile.Close()
	cmd.Stderr = errFile
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stderr := func() string {
		b, _ := os.ReadFile(errPath)
		return string(b)
	}
	for deadline := time.Now().Add(time.Minute); !strings.Contains(stderr(), sampleNotice) && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if code := waitExit(t, cmd, 20*time.Second); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if elapsed := time.Since(start); elapsed > 15*time.Second {
		t.Errorf("exit %v after SIGINT: the statement was not interrupted", elapsed)
	}
	if !strings.Contains(stderr(), "ifxsql: -c:1: statement cancelled") {
		t.Errorf("stderr %q", stderr())
	}
}
