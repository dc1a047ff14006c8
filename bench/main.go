// Command bench measures go-informix side by side with IBM's JDBC driver,
// the pure-Python informix-driver and a raw socket replaying our driver's
// bytes (the physical limit), all against one ifxtestd -replay server in
// one run, and writes docs/benchmarks.md with PNG charts.
//
// Usage, from the module root:
//
//	go run ./bench [-quick] [-reps N] [-out docs/benchmarks.md] [-charts docs/benchmarks]
//	               [-clients go-sql,go-ifxconn,jdbc,python,raw] [-workloads fetch_rows,…,connect]
//	               [-server ADDR] [-pin=true]
//	               [-jdbc-batch 1000] [-py-chunk 10000] [-cpuprofile DIR]
//
// It builds cmd/ifxtestd and starts it with -replay (unless -server names
// a running one), installs the oracles with conformance/setup.sh and
// compiles bench/jdbc/Bench.java when the JDBC or Python client takes
// part, and starts every client as its own process: the Go clients are
// this program again (environment IFXBENCH_CLIENT), JDBC is Bench.java,
// informix-driver is bench/python/bench.py. With two CPUs and taskset,
// the server runs on CPU 0 and the clients on CPU 1. Each workload
// (plan.go) gets an untimed warm-up per client, then -reps repetitions
// with the clients taking turns. Every repetition is checked (expect.go)
// before it counts. -cpuprofile DIR writes CPU profiles of go-informix
// (database/sql) fetching bench_rows and inserting, after the run, for
// go tool pprof.
//
// A full run takes about two minutes on two cores, -quick about 20 seconds.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
)

// options are the command-line settings of a run.
type options struct {
	out, charts string
	plan        plan
	quick       bool
	clients     []string
	workloads   []workload
	server      string // a running server's address; empty starts ifxtestd
	pin         bool
	jdbcBatch   int
	pyChunk     int
	cpuprofile  string
	command     string // the command line, for the report
	root        string // the module root
	self        string // the executable serving the Go clients
	log         io.Writer
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if id := os.Getenv(envClient); id != "" {
		os.Exit(clientMain(ctx, id, os.Getenv(envAddr)))
	}
	o, err := parseFlags(os.Args[1:])
	if err == nil {
		err = run(ctx, o)
	}
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// parseFlags reads the command line.
func parseFlags(args []string) (options, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	o := options{log: os.Stderr}
	fs.StringVar(&o.out, "out", "docs/benchmarks.md", "the report to write")
	fs.StringVar(&o.charts, "charts", "docs/benchmarks", "the directory to write the PNG charts into")
	reps := fs.Int("reps", 0, "repetitions per client per workload (0: 5, or 2 with -quick)")
	fs.BoolVar(&o.quick, "quick", false, "a short run (under a minute) with smaller amounts; noisy figures")
	clients := fs.String("clients", "go-sql,go-ifxconn,jdbc,python,raw", "the clients to run, comma-separated")
	names := fs.String("workloads", "fetch_rows,fetch_wide,fetch_lob,select_one,insert,connect", "the workloads to run, comma-separated")
	fs.StringVar(&o.server, "server", "", "host:port of a running ifxtestd -replay; empty builds and starts one")
	fs.BoolVar(&o.pin, "pin", true, "pin the server to CPU 0 and the clients to CPU 1 with taskset, when there are two CPUs")
	fs.IntVar(&o.jdbcBatch, "jdbc-batch", 1000, "rows per executeBatch of the JDBC insert")
	fs.IntVar(&o.pyChunk, "py-chunk", 10000, "rows per executemany call of the informix-driver insert")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "after the run, write CPU profiles of go-informix (database/sql) fetching bench_rows and inserting into this directory")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	o.plan = fullPlan()
	if o.quick {
		o.plan = quickPlan()
	}
	if *reps != 0 {
		o.plan.reps = *reps
	}
	if o.jdbcBatch < 1 || o.pyChunk < 1 {
		return o, fmt.Errorf("-jdbc-batch %d and -py-chunk %d must be at least 1", o.jdbcBatch, o.pyChunk)
	}
	for _, id := range strings.Split(*clients, ",") {
		if _, err := clientByID(id); err != nil {
			return o, fmt.Errorf("-clients: %w", err)
		}
		o.clients = append(o.clients, id)
	}
	for _, name := range strings.Split(*names, ",") {
		if _, err := lookup(workload(name)); err != nil {
			return o, fmt.Errorf("-workloads: %w", err)
		}
		o.workloads = append(o.workloads, workload(name))
	}
	o.command = strings.Join(append([]string{"go run ./bench"}, args...), " ")
	var err error
	if o.self, err = os.Executable(); err != nil {
		return o, err
	}
	if o.root, err = moduleRoot(); err != nil {
		return o, err
	}
	return o, o.plan.check()
}

// moduleRoot returns the directory of go.mod, from the working directory
// up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod in the working directory or above it: run from the module")
		}
		dir = parent
	}
}

// has reports whether client id takes part.
func (o options) has(id string) bool { return slices.Contains(o.clients, id) }

// runs reports whether workload w takes part.
func (o options) runs(w workload) bool { return slices.Contains(o.workloads, w) }

// runTool runs a build step in the module root, with its output in the
// error.
func runTool(ctx context.Context, dir, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}
