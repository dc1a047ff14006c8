package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"
)

// The harness drives every client program (the Go clients in a child
// process of this command, bench/jdbc/Bench.java, bench/python/bench.py)
// over its standard input and output, one line per message:
//
//	client → harness at start:  "info KEY VALUE…" lines, then "ready"
//	harness → client:           "run WORKLOAD N [SQL…]"
//	client → harness:           "result WORKLOAD COUNT CHECKSUM ELAPSED_NS [SAMPLE_NS…]"
//	                            or "error MESSAGE"
//	harness → Go client only:   "pprof-start PATH", "pprof-stop"; answered "ok"
//	harness → client:           "quit" (or end of input): the client exits
//
// COUNT is the rows fetched or inserted, or the operations run; CHECKSUM
// is the sum of the first column of every row fetched, of the values a
// SELECT returned, or of the ids inserted (0 for connect), so that the
// harness can tell that every row was really read (expect.go). SAMPLE_NS
// are the times of single operations, sent for the latency workload only.

// maxLine bounds one protocol line: a result with 10 000 latency samples
// of up to 19 digits is under 200 KiB.
const maxLine = 16 << 20

// command is one "run" request.
type command struct {
	w   workload
	n   int
	sql string
}

// line returns the request as the harness sends it.
func (c command) line() string {
	s := "run " + string(c.w) + " " + strconv.Itoa(c.n)
	if c.sql != "" {
		s += " " + c.sql
	}
	return s
}

// parseCommand reads a "run" line; the SQL is the rest of the line after
// the count and may be empty.
func parseCommand(line string) (command, error) {
	rest, ok := strings.CutPrefix(line, "run ")
	if !ok {
		return command{}, fmt.Errorf("protocol: %q is not a run command", line)
	}
	name, rest, _ := strings.Cut(rest, " ")
	count, sql, _ := strings.Cut(rest, " ")
	n, err := strconv.Atoi(count)
	if err != nil || n < 1 {
		return command{}, fmt.Errorf("protocol: run %s: count %q is not a positive integer", name, count)
	}
	if _, err := lookup(workload(name)); err != nil {
		return command{}, fmt.Errorf("protocol: run: %w", err)
	}
	return command{w: workload(name), n: n, sql: sql}, nil
}

// result is what one repetition of one workload measured.
type result struct {
	count    int64           // rows or operations
	checksum int64           // see the protocol comment
	elapsed  time.Duration   // the whole repetition
	samples  []time.Duration // each operation's time; latency workloads only
}

// line returns r as a client sends it.
func (r result) line(w workload) string {
	var b strings.Builder
	fmt.Fprintf(&b, "result %s %d %d %d", w, r.count, r.checksum, r.elapsed.Nanoseconds())
	for _, s := range r.samples {
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(s.Nanoseconds(), 10))
	}
	return b.String()
}

// parseResult reads a "result" line.
func parseResult(line string) (workload, result, error) {
	f := strings.Fields(line)
	if len(f) < 5 || f[0] != "result" {
		return "", result{}, fmt.Errorf("protocol: %.80q is not a result line", line)
	}
	nums := make([]int64, len(f)-2)
	for i, s := range f[2:] {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return "", result{}, fmt.Errorf("protocol: result %s: field %d: %w", f[1], i+3, err)
		}
		nums[i] = v
	}
	if nums[2] <= 0 {
		return "", result{}, fmt.Errorf("protocol: result %s: elapsed time %d ns is not positive", f[1], nums[2])
	}
	r := result{count: nums[0], checksum: nums[1], elapsed: time.Duration(nums[2])}
	for _, v := range nums[3:] {
		r.samples = append(r.samples, time.Duration(v))
	}
	return workload(f[1]), r, nil
}

// goClient is a client implemented in Go (goclients.go, raw.go): it runs
// commands in the process that serves the protocol.
type goClient interface {
	run(ctx context.Context, c command) (result, error)
	close() error
}

// serveClient runs the client side of the protocol for c: it prints info
// and "ready", then answers each command until "quit" or the end of in.
// An error of one command is reported to the harness, which stops the
// run; an I/O error ends serveClient.
func serveClient(ctx context.Context, in io.Reader, out io.Writer, c goClient, info []string) error {
	w := bufio.NewWriter(out)
	for _, line := range info {
		fmt.Fprintln(w, "info "+line)
	}
	fmt.Fprintln(w, "ready")
	if err := w.Flush(); err != nil {
		return err
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var prof profiler
	for sc.Scan() {
		line := sc.Text()
		if line == "quit" {
			break
		}
		fmt.Fprintln(w, answer(ctx, c, &prof, line))
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return errors.Join(sc.Err(), prof.stop(), c.close())
}

// answer runs one request line and returns the reply line.
func answer(ctx context.Context, c goClient, prof *profiler, line string) string {
	if path, ok := strings.CutPrefix(line, "pprof-start "); ok {
		return okOrError(prof.start(path))
	}
	if line == "pprof-stop" {
		return okOrError(prof.stop())
	}
	cmd, err := parseCommand(line)
	if err != nil {
		return "error " + oneLine(err)
	}
	r, err := c.run(ctx, cmd)
	if err != nil {
		return "error " + oneLine(fmt.Errorf("%s: %w", cmd.w, err))
	}
	return r.line(cmd.w)
}

// okOrError returns the reply to a request that returns nothing.
func okOrError(err error) string {
	if err != nil {
		return "error " + oneLine(err)
	}
	return "ok"
}

// profiler writes one CPU profile at a time (runtime/pprof allows no more).
type profiler struct{ f *os.File }

// start starts the CPU profile into a new file at path.
func (p *profiler) start(path string) error {
	if p.f != nil {
		return fmt.Errorf("pprof-start %s: a profile is already being written to %s", path, p.f.Name())
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("pprof-start: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("pprof-start %s: %w", path, err)
	}
	p.f = f
	return nil
}

// stop ends the profile being written, if any, and closes its file.
func (p *profiler) stop() error {
	if p.f == nil {
		return nil
	}
	pprof.StopCPUProfile()
	err := p.f.Close()
	p.f = nil
	if err != nil {
		return fmt.Errorf("pprof-stop: %w", err)
	}
	return nil
}

// oneLine replaces line breaks so that an error fits one protocol line.
func oneLine(err error) string {
	return strings.NewReplacer("\r", " ", "\n", " | ").Replace(err.Error())
}
