package main

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-informix/informix/ifxtest"
)

// TestMain lets the test binary serve as a Go client, as the bench
// command does: the harness under test starts the Go clients by running
// its own executable with IFXBENCH_CLIENT set.
func TestMain(m *testing.M) {
	if id := os.Getenv(envClient); id != "" {
		os.Exit(clientMain(context.Background(), id, os.Getenv(envAddr)))
	}
	os.Exit(m.Run())
}

// startReplay starts an in-process ifxtest server with the benchmark
// tables.
func startReplay(t *testing.T) *ifxtest.Server {
	t.Helper()
	srv, err := ifxtest.Start(ifxtest.Config{Replay: ifxtest.BenchTables()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// TestQuickRunGoClients runs the harness end to end with the Go clients
// (database/sql, ifxconn, raw) as child processes against an in-process
// replay server: the -quick plan with one repetition and no warm-up, so
// that it stays short under the race detector. It proves that every
// client runs every workload and passes the harness's checks (row counts
// and checksums from ifxtest.BenchTables, the raw client's checked
// replays), and that the report and the charts are written.
func TestQuickRunGoClients(t *testing.T) {
	srv := startReplay(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	p := quickPlan()
	p.reps = 1
	for w, a := range p.amounts {
		a.warmRuns = 0
		p.amounts[w] = a
	}
	var all []workload
	for _, d := range workloads {
		all = append(all, d.name)
	}
	dir := t.TempDir()
	var log bytes.Buffer
	o := options{out: filepath.Join(dir, "benchmarks.md"), charts: filepath.Join(dir, "charts"), plan: p, quick: true,
		clients: []string{oursID, "go-ifxconn", rawID}, workloads: all, server: srv.Addr(), jdbcBatch: 1000, pyChunk: 1000,
		command: "go run ./bench -quick", root: root, self: self, log: &log}
	if err := run(context.Background(), o); err != nil {
		t.Fatalf("run: %v\nlog:\n%s", err, log.String())
	}
	md, err := os.ReadFile(o.out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| go-informix (database/sql) |", "| go-informix (ifxconn) |", "| raw socket (limit) |",
		"not measured (IBM JDBC did not run)", "![Fetch (rows/s, higher is better)](charts/fetch.png)"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	for _, g := range groups {
		checkPNG(t, filepath.Join(o.charts, g.name+".png"))
	}
}

// checkPNG requires a decodable PNG chart at path.
func checkPNG(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if w := img.Bounds().Dx(); w != chartWidth {
		t.Errorf("%s is %d pixels wide, want %d", path, w, chartWidth)
	}
}

// TestRawReplayDetectsMismatch records a select_one script, checks that
// its setup and iteration replay, then replays the iteration against a
// recording whose last answer ended with other bytes: the checked replay
// must fail.
func TestRawReplayDetectsMismatch(t *testing.T) {
	srv := startReplay(t)
	tg := target{addr: srv.Addr()}
	d, err := lookup(selectOne)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sc, err := record(ctx, tg, command{w: selectOne, n: 1, sql: d.sql})
	if err != nil {
		t.Fatal(err)
	}
	if sc.count != 1 || sc.checksum != 1 {
		t.Errorf("recorded select_one: count %d, checksum %d; want 1 and 1 (bench_one holds 1)", sc.count, sc.checksum)
	}
	s, err := dialRaw(ctx, tg, sc.setup, false)
	if err != nil {
		t.Fatalf("the recorded setup does not replay: %v", err)
	}
	defer s.nc.Close()
	if err := s.replayChecked(sc.iter, false); err != nil {
		t.Fatalf("the recorded iteration does not replay: %v", err)
	}
	bad := append([]exchange(nil), sc.iter...)
	bad[len(bad)-1].tail[0] ^= 0xff
	if err := s.replayChecked(bad, false); err == nil {
		t.Error("a replay whose last answer ends otherwise than recorded passed the check")
	}
}

// TestRawReplaysDatabaseSQLBytes records each workload's iteration once
// through ifxconn (what the raw client replays) and once through
// database/sql, and requires the same request bytes and answer sizes:
// the raw client is then the limit of the database/sql path too, not
// only of ifxconn's.
func TestRawReplaysDatabaseSQLBytes(t *testing.T) {
	srv := startReplay(t)
	tg := target{addr: srv.Addr()}
	ctx := context.Background()
	for _, d := range workloads {
		t.Run(string(d.name), func(t *testing.T) {
			cmd := command{w: d.name, n: 1, sql: d.sql}
			if d.name == insertRows {
				cmd.n = 50
			}
			viaConn, err := record(ctx, tg, cmd)
			if err != nil {
				t.Fatal(err)
			}
			viaSQL, err := recordWith(ctx, cmd, func(dial dialFunc) (goClient, error) { return newSQLClient(tg, dial) })
			if err != nil {
				t.Fatal(err)
			}
			if len(viaSQL.iter) != len(viaConn.iter) {
				t.Fatalf("database/sql: %d request groups, ifxconn: %d", len(viaSQL.iter), len(viaConn.iter))
			}
			for i, ex := range viaConn.iter {
				got := viaSQL.iter[i]
				if !bytes.Equal(got.req, ex.req) || got.reply != ex.reply {
					t.Errorf("group %d: database/sql sent % x and read %d bytes; ifxconn sent % x and read %d",
						i+1, got.req[:min(len(got.req), 64)], got.reply, ex.req[:min(len(ex.req), 64)], ex.reply)
				}
			}
		})
	}
}
