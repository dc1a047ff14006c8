package main

import (
	"fmt"

	"github.com/go-informix/informix/ifxtest"
)

// workload names one measured operation. Every client program (Go, Java,
// Python) knows each workload by this name and runs it the same way: the
// harness sends "run NAME N SQL" and the client answers with one result
// line (see protocol.go).
type workload string

// The workloads, in the order they run.
const (
	fetchRows  workload = "fetch_rows" // N passes over bench_rows (100 000 rows of 5 columns)
	fetchWide  workload = "fetch_wide" // N passes over bench_wide (1 000 rows of 100 INTEGERs)
	fetchLOB   workload = "fetch_lob"  // N passes over bench_lob (1 000 rows with 4 KiB of LVARCHAR)
	selectOne  workload = "select_one" // N one-row SELECTs of bench_one, each timed
	insertRows workload = "insert"     // N rows into bench_ins in one transaction
	connectOp  workload = "connect"    // N connects, each followed by a close
)

// kind says how a workload's repetitions are measured and compared.
type kind int

const (
	// throughput is rows per second over the whole repetition; higher is
	// better.
	throughput kind = iota
	// latency is the time of each operation, reported as its p50 and p99
	// in microseconds; lower is better.
	latency
	// perOp is the mean time of one operation in microseconds over the
	// repetition; lower is better.
	perOp
)

// workloadDef describes a workload: how it is measured, how it is shown,
// the statement every client runs, and the replay table whose rows it
// reads (empty when it reads none).
type workloadDef struct {
	name  workload
	kind  kind
	group string // the chart and section it belongs to
	title string // what it does, for the report
	sql   string
	table string
}

// Chart groups, in the order the report shows them.
const (
	groupFetch   = "fetch"
	groupLatency = "latency"
	groupInsert  = "insert"
	groupConnect = "connect"
)

// groups lists the chart groups with their headings.
var groups = []struct{ name, heading string }{
	{groupFetch, "Fetch (rows/s, higher is better)"},
	{groupLatency, "One-row SELECT latency (µs, lower is better)"},
	{groupInsert, "Bulk insert in one transaction (rows/s, higher is better)"},
	{groupConnect, "Connect and close (µs per connection, lower is better)"},
}

// workloads is every workload in run order. The SELECTs name their
// columns where the table has few; the replay server ignores the select
// list (ifxtest.Config.Replay), so the text only has to be the same for
// every client.
var workloads = []workloadDef{
	{fetchRows, throughput, groupFetch, "fetch bench_rows: 100 000 rows of INTEGER, VARCHAR(32), DECIMAL(12,2), DATETIME YEAR TO SECOND, FLOAT",
		"SELECT id, name, amount, ts, ratio FROM " + ifxtest.BenchRows, ifxtest.BenchRows},
	{fetchWide, throughput, groupFetch, "fetch bench_wide: 1 000 rows of 100 INTEGER columns",
		"SELECT * FROM " + ifxtest.BenchWide, ifxtest.BenchWide},
	{fetchLOB, throughput, groupFetch, "fetch bench_lob: 1 000 rows of INTEGER and 4 096 bytes of LVARCHAR",
		"SELECT id, doc FROM " + ifxtest.BenchLOB, ifxtest.BenchLOB},
	{selectOne, latency, groupLatency, "SELECT one FROM bench_one: one row of one INTEGER, a prepared statement reused",
		"SELECT one FROM " + ifxtest.BenchOne, ifxtest.BenchOne},
	{insertRows, throughput, groupInsert, "INSERT into bench_ins: rows of bench_rows's shape in one transaction",
		"INSERT INTO " + ifxtest.BenchIns + " (id, name, amount, ts, ratio) VALUES (?, ?, ?, ?, ?)", ""},
	{connectOp, perOp, groupConnect, "connect (login, open testdb) and close", "", ""},
}

// lookup returns the definition of w.
func lookup(w workload) (workloadDef, error) {
	for _, d := range workloads {
		if d.name == w {
			return d, nil
		}
	}
	return workloadDef{}, fmt.Errorf("unknown workload %q", w)
}

// amount is how much of a workload one repetition runs, timed: passes
// over the table for a fetch, operations for select_one and connect, rows
// for insert; and how many such runs each client makes, untimed, before
// the first timed repetition (the warm-up).
type amount struct{ timed, warmRuns int }

// plan is a whole benchmark run: the repetitions per client per workload
// and the amount of each workload.
type plan struct {
	reps    int
	amounts map[workload]amount
}

// fullPlan returns the default run, sized to finish in about two minutes
// on two cores. The warm-up gives the JVM's JIT compiler the hot paths
// before timing: 500 000 rows of bench_rows, 30 000 of bench_wide, 15 000
// of bench_lob, 10 000 SELECTs, 300 000 inserted rows, 200 connects
// (HotSpot compiles a method with C2 after about 10 000 invocations or
// loop iterations; with one 100 000-row insert as warm-up, JDBC's first
// timed insert still ran at half the speed of the next ones). Every client
// gets the same warm-up.
func fullPlan() plan {
	return plan{reps: 5, amounts: map[workload]amount{
		fetchRows:  {timed: 1, warmRuns: 5},
		fetchWide:  {timed: 10, warmRuns: 3},
		fetchLOB:   {timed: 5, warmRuns: 3},
		selectOne:  {timed: 5000, warmRuns: 2},
		insertRows: {timed: 100_000, warmRuns: 3},
		connectOp:  {timed: 200, warmRuns: 1},
	}}
}

// quickPlan returns a run sized to finish in well under a minute on two
// cores: two repetitions of smaller amounts after one warm-up run. Its
// figures are noisier than the full run's, JDBC's the most, and are not
// for publication.
func quickPlan() plan {
	return plan{reps: 2, amounts: map[workload]amount{
		fetchRows:  {timed: 1, warmRuns: 1},
		fetchWide:  {timed: 5, warmRuns: 1},
		fetchLOB:   {timed: 2, warmRuns: 1},
		selectOne:  {timed: 500, warmRuns: 1},
		insertRows: {timed: 10_000, warmRuns: 1},
		connectOp:  {timed: 20, warmRuns: 1},
	}}
}

// check refuses a plan that could not run: no repetitions, a workload
// without an amount, or an amount below one.
func (p plan) check() error {
	if p.reps < 1 {
		return fmt.Errorf("plan: %d repetitions; at least 1 is needed", p.reps)
	}
	for _, d := range workloads {
		a, ok := p.amounts[d.name]
		if !ok {
			return fmt.Errorf("plan: workload %s has no amount", d.name)
		}
		if a.timed < 1 || a.warmRuns < 0 {
			return fmt.Errorf("plan: workload %s: timed amount %d and %d warm-up runs (want ≥ 1 and ≥ 0)", d.name, a.timed, a.warmRuns)
		}
	}
	return nil
}
