package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"time"
)

// pinning holds the CPU lists (taskset -c syntax) of the server and of
// the clients; empty lists mean no pinning. With two or more CPUs and
// taskset on PATH, the server runs on CPU 0 and every client on CPU 1, so
// that the server never takes the client's CPU and each client process
// has one CPU however many threads it runs (GOMAXPROCS, JIT and GC
// threads, Python).
type pinning struct {
	server, client string
	note           string // how the processes run, for the report
}

// choosePinning returns the pinning for this machine.
func choosePinning(enabled bool) pinning {
	switch {
	case !enabled:
		return pinning{note: "not pinned to CPUs (-pin=false)"}
	case runtime.NumCPU() < 2:
		return pinning{note: "not pinned to CPUs: the machine has one CPU"}
	}
	if _, err := exec.LookPath("taskset"); err != nil {
		return pinning{note: "not pinned to CPUs: taskset is not on PATH"}
	}
	return pinning{server: "0", client: "1",
		note: "server pinned to CPU 0 and each client to CPU 1 with taskset (one CPU each)"}
}

// command returns a command that runs name with args on cpus.
func (p pinning) command(ctx context.Context, cpus, name string, args ...string) *exec.Cmd {
	if cpus == "" {
		return exec.CommandContext(ctx, name, args...)
	}
	return exec.CommandContext(ctx, "taskset", append([]string{"-c", cpus, name}, args...)...)
}

// lockedBuffer is a bytes.Buffer that a process may write while the
// harness reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// tail returns at most the last n bytes written.
func (l *lockedBuffer) tail(n int) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.b.Bytes()
	return string(b[max(0, len(b)-n):])
}

// proc is a child process whose standard output the harness reads line
// by line.
type proc struct {
	name   string
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan string
	stderr *lockedBuffer
	done   chan struct{} // closed when the output has ended
}

// startProc starts cmd and reads its standard output.
func startProc(name string, cmd *exec.Cmd) (*proc, error) {
	p := &proc{name: name, cmd: cmd, lines: make(chan string, 16), stderr: &lockedBuffer{}, done: make(chan struct{})}
	cmd.Stderr = p.stderr
	var err error
	if p.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	go func() {
		defer close(p.done)
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 0, 64<<10), maxLine)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
	}()
	return p, nil
}

// next returns the next line of output, waiting at most timeout.
func (p *proc) next(timeout time.Duration) (string, error) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case line := <-p.lines:
		return line, nil
	case <-p.done:
		select {
		case line := <-p.lines:
			return line, nil
		default:
		}
		return "", fmt.Errorf("%s ended its output; its standard error ends with:\n%s", p.name, p.stderr.tail(2000))
	case <-t.C:
		return "", fmt.Errorf("%s gave no answer in %v; its standard error ends with:\n%s", p.name, timeout, p.stderr.tail(2000))
	}
}

// stop asks the process to quit, closing its input, and kills it if it
// has not exited within 10 seconds.
func (p *proc) stop() error {
	io.WriteString(p.stdin, "quit\n")
	p.stdin.Close()
	return p.wait("quit")
}

// wait waits for the process to exit after being asked to by what, and
// kills it if it has not exited within 10 seconds.
func (p *proc) wait(what string) error {
	exited := make(chan error, 1)
	go func() { exited <- p.cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			return fmt.Errorf("%s: %w; its standard error ends with:\n%s", p.name, err, p.stderr.tail(2000))
		}
		return nil
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill()
		<-exited
		return fmt.Errorf("%s did not exit within 10s of %s and was killed", p.name, what)
	}
}

// server is an ifxtestd process.
type server struct {
	*proc
	addr string
}

// startServer starts ifxtestd -replay on a free loopback port and waits
// for its address; encoding the replay tables takes a moment at start.
func startServer(ctx context.Context, bin string, pin pinning) (*server, error) {
	p, err := startProc("ifxtestd", pin.command(ctx, pin.server, bin, "-addr", "127.0.0.1:0", "-replay"))
	if err != nil {
		return nil, err
	}
	line, err := p.next(time.Minute)
	if err != nil {
		p.cmd.Process.Kill()
		return nil, err
	}
	addr, ok := strings.CutPrefix(line, "listening on ")
	if !ok {
		p.cmd.Process.Kill()
		return nil, fmt.Errorf("ifxtestd printed %q, want \"listening on ADDR\"", line)
	}
	return &server{proc: p, addr: addr}, nil
}

// stop ends the server with an interrupt, on which ifxtestd closes its
// connections and exits (taskset execs it, so the signal reaches it), and
// kills it if it has not exited within 10 seconds.
func (s *server) stop() error {
	s.stdin.Close()
	if err := s.cmd.Process.Signal(os.Interrupt); err != nil {
		s.cmd.Process.Kill()
	}
	return s.wait("an interrupt")
}

// clientProc is a running client program speaking the protocol.
type clientProc struct {
	*proc
	id   string
	info []string // its "info" lines, without the prefix
}

// startClient starts cmd and waits for its "ready", collecting its info
// lines. The wait covers the JVM's start and the Python imports.
func startClient(id string, cmd *exec.Cmd) (*clientProc, error) {
	p, err := startProc(id, cmd)
	if err != nil {
		return nil, err
	}
	c := &clientProc{proc: p, id: id}
	for {
		line, err := p.next(2 * time.Minute)
		if err != nil {
			p.cmd.Process.Kill()
			return nil, err
		}
		if line == "ready" {
			return c, nil
		}
		info, ok := strings.CutPrefix(line, "info ")
		if !ok {
			p.cmd.Process.Kill()
			return nil, fmt.Errorf("%s: %q before ready, want info lines", id, line)
		}
		c.info = append(c.info, info)
	}
}

// commandTimeout bounds one command; the slowest, informix-driver's
// insert of 100 000 rows, takes a few seconds.
const commandTimeout = 5 * time.Minute

// request sends one line and returns the answer line; an "error" answer
// is returned as an error.
func (c *clientProc) request(line string) (string, error) {
	if _, err := io.WriteString(c.stdin, line+"\n"); err != nil {
		return "", fmt.Errorf("%s: send %.40q: %w", c.id, line, err)
	}
	answer, err := c.next(commandTimeout)
	if err != nil {
		return "", err
	}
	if msg, ok := strings.CutPrefix(answer, "error "); ok {
		return "", errors.New(c.id + ": " + msg)
	}
	return answer, nil
}

// run runs one command and returns its result.
func (c *clientProc) run(cmd command) (result, error) {
	answer, err := c.request(cmd.line())
	if err != nil {
		return result{}, err
	}
	w, r, err := parseResult(answer)
	if err != nil {
		return result{}, fmt.Errorf("%s: %w", c.id, err)
	}
	if w != cmd.w {
		return result{}, fmt.Errorf("%s: asked for %s, answered for %s", c.id, cmd.w, w)
	}
	return r, nil
}
