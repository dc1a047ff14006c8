package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// results holds every timed repetition by client id and workload.
type results map[string]map[workload][]result

// add records one repetition.
func (r results) add(id string, w workload, res result) {
	if r[id] == nil {
		r[id] = map[workload][]result{}
	}
	r[id][w] = append(r[id][w], res)
}

// run makes one benchmark run and writes its report.
func run(ctx context.Context, o options) error {
	tmp, err := os.MkdirTemp("", "ifxbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	sums, err := tableSums()
	if err != nil {
		return err
	}
	pin := choosePinning(o.pin)
	l := &launcher{root: o.root, self: o.self, addr: o.server, pin: pin, classes: filepath.Join(tmp, "classes"),
		rowsFile: filepath.Join(tmp, "rows.tsv"), jdbcBatch: o.jdbcBatch, pyChunk: o.pyChunk}
	if err := prepare(ctx, o, l, tmp); err != nil {
		return err
	}
	if l.addr == "" {
		srv, err := startServer(ctx, filepath.Join(tmp, "ifxtestd"), pin)
		if err != nil {
			return err
		}
		defer srv.stop()
		l.addr = srv.addr
	}
	procs, err := startClients(ctx, o, l)
	defer stopClients(procs)
	if err != nil {
		return err
	}
	loadBefore := loadAverage()
	res, err := measure(o, procs, sums)
	if err != nil {
		return err
	}
	load := [2]string{loadBefore, loadAverage()}
	if o.cpuprofile != "" {
		if err := profile(o, procs, sums); err != nil {
			return err
		}
	}
	rep, err := buildReport(o, pin, procs, res, load)
	if err != nil {
		return err
	}
	return writeReport(o, rep)
}

// prepare builds ifxtestd (unless a server is given), installs the
// oracles and compiles the Java client when needed, and writes the rows
// file the Java and Python clients insert.
func prepare(ctx context.Context, o options, l *launcher, tmp string) error {
	if o.server == "" {
		fmt.Fprintln(o.log, "bench: building cmd/ifxtestd")
		if err := runTool(ctx, o.root, "go", "build", "-o", filepath.Join(tmp, "ifxtestd"), "./cmd/ifxtestd"); err != nil {
			return err
		}
	}
	if !o.has("jdbc") && !o.has("python") {
		return nil
	}
	fmt.Fprintln(o.log, "bench: installing the oracles (conformance/setup.sh)")
	if err := runTool(ctx, o.root, "./conformance/setup.sh"); err != nil {
		return err
	}
	if o.has("jdbc") {
		fmt.Fprintln(o.log, "bench: compiling bench/jdbc/Bench.java")
		if err := runTool(ctx, o.root, "javac", "-encoding", "UTF-8", "-d", l.classes, "-cp", jdbcJar, "bench/jdbc/Bench.java"); err != nil {
			return err
		}
	}
	a := o.plan.amounts[insertRows]
	return writeRowsFile(l.rowsFile, a.timed)
}

// startClients starts the clients in clientDefs order.
func startClients(ctx context.Context, o options, l *launcher) ([]*clientProc, error) {
	var procs []*clientProc
	for _, d := range clientDefs {
		if !o.has(d.id) {
			continue
		}
		fmt.Fprintf(o.log, "bench: starting %s\n", d.label)
		p, err := startClient(d.id, l.command(ctx, d.id))
		if err != nil {
			return procs, err
		}
		procs = append(procs, p)
	}
	return procs, nil
}

// stopClients stops every client, reporting failures on the log of the
// process that failed (the run's own error matters more).
func stopClients(procs []*clientProc) {
	for _, p := range procs {
		if err := p.stop(); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
		}
	}
}

// measure runs every workload: the warm-up on each client, then the
// repetitions with the clients taking turns in an order rotated at each
// repetition, checking every result.
func measure(o options, procs []*clientProc, sums map[string]tableSum) (results, error) {
	res := results{}
	for _, d := range workloads {
		if !o.runs(d.name) {
			continue
		}
		a := o.plan.amounts[d.name]
		start := time.Now()
		for range a.warmRuns {
			for _, p := range procs {
				if err := runChecked(p, d, a.timed, sums, nil); err != nil {
					return nil, fmt.Errorf("warm-up: %w", err)
				}
			}
		}
		for rep := range o.plan.reps {
			for i := range procs {
				p := procs[(i+rep)%len(procs)]
				if err := runChecked(p, d, a.timed, sums, res); err != nil {
					return nil, err
				}
			}
		}
		fmt.Fprintf(o.log, "bench: %s done in %v\n", d.name, time.Since(start).Round(time.Millisecond))
		logMedians(o, d, procs, res)
	}
	return res, nil
}

// runChecked runs n of workload d on p, checks the result and adds it to
// res (a warm-up passes nil).
func runChecked(p *clientProc, d workloadDef, n int, sums map[string]tableSum, res results) error {
	r, err := p.run(command{w: d.name, n: n, sql: d.sql})
	if err != nil {
		return err
	}
	if err := checkResult(p.id, d, n, r, sums); err != nil {
		return err
	}
	if res != nil {
		res.add(p.id, d.name, r)
	}
	return nil
}

// logMedians prints each client's median of workload d.
func logMedians(o options, d workloadDef, procs []*clientProc, res results) {
	for _, p := range procs {
		s, err := summarize(d.kind, res[p.id][d.name])
		if err != nil {
			continue
		}
		fmt.Fprintf(o.log, "    %-11s %s\n", p.id, formatValue(d.kind, s.median, "µs"))
	}
}

// profile writes CPU profiles of the go-sql client fetching bench_rows
// (20 passes) and inserting (30 times the timed rows), each a few
// seconds of work with the full plan, for those of the two workloads
// that are run.
func profile(o options, procs []*clientProc, sums map[string]tableSum) error {
	var p *clientProc
	for _, c := range procs {
		if c.id == oursID {
			p = c
		}
	}
	if p == nil {
		return errors.New("-cpuprofile needs the go-sql client")
	}
	if err := os.MkdirAll(o.cpuprofile, 0o755); err != nil {
		return err
	}
	for _, w := range []workload{fetchRows, insertRows} {
		if !o.runs(w) {
			continue
		}
		d, _ := lookup(w)
		n, times := 20, 1
		if w == insertRows {
			n, times = o.plan.amounts[w].timed, 30
		}
		path, err := filepath.Abs(filepath.Join(o.cpuprofile, string(w)+".pprof"))
		if err != nil {
			return err
		}
		if _, err := p.request("pprof-start " + path); err != nil {
			return err
		}
		for range times {
			if err := runChecked(p, d, n, sums, nil); err != nil {
				return err
			}
		}
		if _, err := p.request("pprof-stop"); err != nil {
			return err
		}
		fmt.Fprintf(o.log, "bench: wrote %s (go tool pprof -top %s)\n", path, path)
	}
	return nil
}

// buildReport summarizes the results; load is the load average before
// and after the measurements.
func buildReport(o options, pin pinning, procs []*clientProc, res results, load [2]string) (*report, error) {
	rep := &report{generated: time.Now().UTC().Format("2006-01-02 15:04 MST"), command: o.command, quick: o.quick,
		plan: o.plan, machine: probeMachine(o.root), pinning: pin.note, load: load, jdbcBatch: o.jdbcBatch,
		pyChunk: o.pyChunk, summaries: map[workload]map[string]summary{}}
	for _, p := range procs {
		d, _ := clientByID(p.id)
		rep.clients = append(rep.clients, ranClient{def: d, info: p.info})
	}
	for _, d := range workloads {
		if !o.runs(d.name) {
			continue
		}
		rep.summaries[d.name] = map[string]summary{}
		for _, p := range procs {
			s, err := summarize(d.kind, res[p.id][d.name])
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", p.id, d.name, err)
			}
			rep.summaries[d.name][p.id] = s
		}
	}
	return rep, nil
}

// writeReport writes the markdown and the charts.
func writeReport(o options, rep *report) error {
	if err := os.MkdirAll(o.charts, 0o755); err != nil {
		return err
	}
	rel, err := filepath.Rel(filepath.Dir(o.out), o.charts)
	if err != nil {
		return fmt.Errorf("-charts %s relative to -out %s: %w", o.charts, o.out, err)
	}
	for _, g := range groups {
		if panels := rep.chartPanels(g.name); len(panels) > 0 {
			if err := writePNG(filepath.Join(o.charts, g.name+".png"), panels); err != nil {
				return err
			}
		}
	}
	if err := os.WriteFile(o.out, []byte(rep.markdown(rel)), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(o.log, "bench: wrote %s and the charts in %s\n", o.out, o.charts)
	return nil
}
