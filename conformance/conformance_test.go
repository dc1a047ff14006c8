package conformance

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/internal/transcript"
)

var (
	update = flag.Bool("update", false, "rewrite the golden transcripts under testdata/ (only for scenarios that pass) and the conformance matrix in docs/protocol.md")
	dump   = flag.String("dump", "", "also write every scenario's transcript to `dir`/ORACLE/SCENARIO.txt, pass or fail")
)

// Versions and paths of the oracles as conformance/setup.sh installs them,
// relative to this package's directory.
const (
	cacheDir   = "../.cache/oracles"
	jdbcJar    = cacheDir + "/jdbc/jdbc-15.0.0.1.1.jar"
	bsonJar    = cacheDir + "/jdbc/bson-3.8.0.jar"
	venvPython = cacheDir + "/venv/bin/python"
	typesFile  = "testdata/types.tsv"
)

// scenarioTimeout bounds one oracle process; the whole conformance step
// must stay under 4 minutes on 2 cores.
const scenarioTimeout = 45 * time.Second

// serverDatabases are the -db flags of every ifxtestd run: the logged
// default database, one without logging (nolog scenario) and a UTF-8 one
// for 4-byte characters (types scenario).
var serverDatabases = []string{"testdb", "nologdb:nolog", "utf8db:buffered:en_US.utf8"}

// scenarioChecks lists, per scenario, the checks both oracles must report,
// in the order they report them. The types scenario's checks come from
// testdata/types.tsv (typeChecks).
var scenarioChecks = map[string][]string{
	"connect":          {"select 1", "autocommit on a logged database"},
	"wrong_password":   {"login refused"},
	"unknown_database": {"database not found"},
	"ddl": append(append([]string{"create table"}, ddlColumns...),
		"column c_serial8", "column c_bigserial", "unique index in sysindexes", "dropped table is gone"),
	"big_select": {"insert 100000 rows", "row count", "sum of n", "rows in order", "labels"},
	"dml_counts": {"serial of fifth insert", "serial after explicit 100", "serial8 of second insert",
		"bigserial after explicit 41", "generated key", "generated key serial8", "generated key bigserial",
		"update count", "update no rows", "delete count", "rows left"},
	"errors":       {"syntax error", "no such table", "unique violation", "null into not null", "usable after errors"},
	"transactions": {"rollback discards", "commit keeps", "rollback to savepoint", "committed rows seen by another session"},
	"nolog":        {"autocommit insert and select", "begin transaction refused", "begin work refused", "usable after refusal"},
	"batch":        {"batch update counts", "rows inserted", "sum of ids"},
	"cancel":       {"interrupted", "interrupt is prompt", "usable after interrupt"},
	"varchar_params": {"setInt", "setLong", "setBigDecimal", "setDouble", "setTimestamp", "setString",
		"setNull", "where v = setInt"},
	"types": nil,
}

// ddlColumns are the per-column checks of the ddl scenario, one per column
// of its table (jdbc/Scenarios.java Ddl.COLUMNS, python DDL_COLUMNS).
var ddlColumns = []string{"column c_smallint", "column c_integer", "column c_int8", "column c_bigint",
	"column c_serial", "column c_smallfloat", "column c_float", "column c_decimal", "column c_decfloat",
	"column c_money", "column c_date", "column c_datetime", "column c_interval_df", "column c_interval_ym",
	"column c_char", "column c_nchar", "column c_varchar", "column c_nvarchar", "column c_lvarchar",
	"column c_boolean", "column c_notnull"}

// scenarioOrder is the order scenarios run in; each uses its own tables, so
// the order does not change any transcript.
var scenarioOrder = []string{"connect", "wrong_password", "unknown_database", "ddl", "types",
	"big_select", "dml_counts", "errors", "transactions", "nolog", "batch", "cancel", "varchar_params"}

// oracle runs one scenario of one client program.
type oracle struct {
	name    string
	command func(ctx context.Context, h *harness, srv *server, scenario string) *exec.Cmd
}

var oracles = []oracle{
	{"jdbc", func(ctx context.Context, h *harness, srv *server, scenario string) *exec.Cmd {
		cp := strings.Join([]string{h.javaClasses, jdbcJar, bsonJar}, string(os.PathListSeparator))
		url := "jdbc:informix-sqli://" + srv.addr + "/testdb:INFORMIXSERVER=ifxtest;user=informix;password=in4mix"
		return exec.CommandContext(ctx, "java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp,
			"Scenarios", scenario, url, typesFile)
	}},
	{"python", func(ctx context.Context, h *harness, srv *server, scenario string) *exec.Cmd {
		return exec.CommandContext(ctx, venvPython, "python/scenarios.py", scenario, srv.addr, typesFile)
	}},
}

// TestOracles runs every scenario of both oracles against a fresh ifxtestd
// per oracle and compares each scenario's transcript with its golden file.
//
// Gate: IFX_ORACLES=1 requires the oracles (conformance/setup.sh) and fails
// when they are missing; unset, the test is skipped with instructions;
// scripts/test.sh always sets it.
func TestOracles(t *testing.T) {
	h := setupHarness(t)
	for _, o := range oracles {
		t.Run(o.name, func(t *testing.T) {
			t.Parallel()
			srv := startServer(t, h)
			for _, sc := range scenarioOrder {
				t.Run(sc, func(t *testing.T) { runScenario(t, h, srv, o, sc) })
			}
		})
	}
}

// harness holds what every oracle run shares: the built server and the
// compiled Java program.
type harness struct {
	ifxtestd    string
	javaClasses string
}

func setupHarness(t *testing.T) *harness {
	t.Helper()
	switch v := os.Getenv("IFX_ORACLES"); v {
	case "":
		t.Skip("conformance oracles not enabled: run ./conformance/setup.sh, then IFX_ORACLES=1 go test ./conformance " +
			"(./scripts/test.sh does both)")
	case "1":
	default:
		t.Fatalf("IFX_ORACLES=%q: set it to 1 to run the oracles, or leave it unset to skip them", v)
	}
	for _, p := range []string{jdbcJar, bsonJar, venvPython} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("IFX_ORACLES=1 but the oracles are not installed (%v): run ./conformance/setup.sh", err)
		}
	}
	for _, tool := range []string{"java", "javac", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("IFX_ORACLES=1 but %s is not on PATH: %v", tool, err)
		}
	}
	dir := t.TempDir()
	h := &harness{ifxtestd: filepath.Join(dir, "ifxtestd"), javaClasses: filepath.Join(dir, "classes")}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	wg.Add(2)
	go func() {
		defer wg.Done()
		errs[0] = run("go", "build", "-o", h.ifxtestd, "github.com/go-informix/informix/cmd/ifxtestd")
	}()
	go func() {
		defer wg.Done()
		errs[1] = run("javac", "-encoding", "UTF-8", "-d", h.javaClasses, "-cp", jdbcJar, "jdbc/Scenarios.java",
			"jdbc/VarcharParams.java")
	}()
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return h
}

func run(name string, args ...string) error {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// server is one running ifxtestd process.
type server struct {
	cmd     *exec.Cmd
	addr    string
	wirelog string
	seen    map[string]bool // wire-log files already given to a scenario
	stderr  *bytes.Buffer
}

func startServer(t *testing.T, h *harness) *server {
	t.Helper()
	s := &server{wirelog: t.TempDir(), seen: map[string]bool{}, stderr: new(bytes.Buffer)}
	args := []string{"-addr", "127.0.0.1:0", "-wirelog", s.wirelog}
	for _, db := range serverDatabases {
		args = append(args, "-db", db)
	}
	s.cmd = exec.Command(h.ifxtestd, args...)
	s.cmd.Stderr = s.stderr
	out, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("start ifxtestd: %v", err)
	}
	t.Cleanup(func() {
		s.cmd.Process.Kill()
		s.cmd.Wait()
	})
	first := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		if sc.Scan() {
			first <- sc.Text()
		}
		close(first)
		for sc.Scan() {
		}
	}()
	select {
	case l := <-first:
		addr, ok := strings.CutPrefix(l, "listening on ")
		if !ok {
			t.Fatalf("ifxtestd %s: first line %q, want \"listening on ADDR\"; stderr:\n%s", strings.Join(args, " "), l, s.stderr)
		}
		s.addr = addr
	case <-time.After(20 * time.Second):
		t.Fatalf("ifxtestd did not print its address within 20s; stderr:\n%s", s.stderr)
	}
	return s
}

// result is one JSON line an oracle prints.
type result struct {
	Scenario string `json:"scenario"`
	Check    string `json:"check"`
	OK       bool   `json:"ok"`
	Want     string `json:"want"`
	Got      string `json:"got"`
}

// runScenario runs one oracle process, checks what it reported, then
// compares the scenario's transcript with its golden file.
func runScenario(t *testing.T, h *harness, srv *server, o oracle, sc string) {
	ctx, cancel := context.WithTimeout(context.Background(), scenarioTimeout)
	defer cancel()
	cmd := o.command(ctx, h, srv, sc)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	runErr := cmd.Run()
	t.Logf("%s %s: %v", o.name, sc, time.Since(start).Round(time.Millisecond))
	passed := checkResults(t, o.name, sc, stdout.Bytes(), runErr)
	if !passed {
		t.Logf("%s %s output:\n%s\nstderr:\n%s", o.name, sc, stdout.String(), clip(stderr.String(), 4000))
	}
	lines, err := srv.transcript(sc)
	if err != nil {
		t.Fatalf("transcript: %v", err)
	}
	if *dump != "" {
		writeDump(t, filepath.Join(*dump, o.name, sc+".txt"), lines)
	}
	if !passed {
		t.Logf("%s %s transcript, last %d lines:\n%s", o.name, sc, min(len(lines), transcriptTail),
			strings.Join(lines[max(0, len(lines)-transcriptTail):], "\n"))
	}
	compareGolden(t, filepath.Join("testdata", o.name, sc+".golden"), lines, passed)
}

func writeDump(t *testing.T, path string, lines []string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// transcriptTail is how many transcript lines a failed scenario logs.
const transcriptTail = 40

// checkResults parses the oracle's JSON lines and requires every expected
// check exactly once, each ok, nothing else, and a zero exit status.
func checkResults(t *testing.T, oracleName, sc string, out []byte, runErr error) bool {
	t.Helper()
	want, err := expectedChecks(sc)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	ok := true
	for _, l := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		if len(l) == 0 {
			continue
		}
		var r result
		if err := json.Unmarshal(l, &r); err != nil {
			t.Errorf("%s %s: unparsable output line %q: %v", oracleName, sc, l, err)
			ok = false
			continue
		}
		got[r.Check]++
		switch {
		case r.Scenario != sc:
			t.Errorf("%s %s: line for scenario %q", oracleName, sc, r.Scenario)
			ok = false
		case !slices.Contains(want, r.Check):
			t.Errorf("%s %s: unexpected check %q (ok=%v): want %s; got %s", oracleName, sc, r.Check, r.OK, r.Want, r.Got)
			ok = false
		case !r.OK:
			t.Errorf("%s %s: check %q failed: want %s; got %s", oracleName, sc, r.Check, r.Want, r.Got)
			ok = false
		}
	}
	for _, c := range want {
		if got[c] != 1 {
			t.Errorf("%s %s: check %q reported %d times, want once", oracleName, sc, c, got[c])
			ok = false
		}
	}
	if runErr != nil {
		t.Errorf("%s %s: process: %v", oracleName, sc, runErr)
		ok = false
	}
	return ok
}

func expectedChecks(sc string) ([]string, error) {
	if sc != "types" {
		return scenarioChecks[sc], nil
	}
	cases, err := loadCases(typesFile)
	if err != nil {
		return nil, err
	}
	var out []string
	for i, c := range cases {
		if i == 0 || cases[i-1].Table != c.Table {
			out = append(out, "create "+c.Table)
		}
		out = append(out, fmt.Sprintf("case %d", c.ID))
		if i == len(cases)-1 || cases[i+1].Table != c.Table {
			out = append(out, "rows "+c.Table)
		}
	}
	return out, nil
}

// transcript waits until the server has closed every connection a scenario
// opened (so its wire logs are complete), then renders the wire-log files
// that appeared since the previous scenario, numbered from 1 in connection
// order.
func (s *server) transcript(sc string) ([]string, error) {
	if err := s.waitIdle(); err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(s.wirelog, "conn-*.log"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	out := []string{"# " + sc + ": transcript of the wire log (see transcript_test.go for its format and masks)"}
	n := 0
	for _, f := range files {
		if s.seen[f] {
			continue
		}
		s.seen[f] = true
		n++
		lines, err := renderFile(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, fmt.Sprintf("== connection %d", n))
		out = append(out, lines...)
	}
	return out, nil
}

func renderFile(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	chunks, err := ifxtest.ParseWireLog(f)
	if err != nil {
		return nil, err
	}
	return transcript.Render(chunks)
}

// waitIdle waits, on Linux, until the server process holds no socket but
// its listener: a connection whose client gave up (informix-driver's read
// timeout) is still served until the statement ends, and its wire log is
// complete only then. Elsewhere it returns at once.
func (s *server) waitIdle() error {
	if runtime.GOOS != "linux" {
		return nil
	}
	deadline := time.Now().Add(20 * time.Second)
	for n := countSockets(s.cmd.Process.Pid); n > 1; n = countSockets(s.cmd.Process.Pid) {
		if time.Now().After(deadline) {
			return fmt.Errorf("ifxtestd still holds %d sockets 20s after the scenario ended; its wire logs may be incomplete", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

func countSockets(pid int) int {
	dir := fmt.Sprintf("/proc/%d/fd", pid)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range ents {
		if l, err := os.Readlink(filepath.Join(dir, e.Name())); err == nil && strings.HasPrefix(l, "socket:") {
			n++
		}
	}
	return n
}

// compareGolden compares a transcript with its golden file, or rewrites the
// file under -update when the scenario passed.
func compareGolden(t *testing.T, path string, lines []string, passed bool) {
	t.Helper()
	text := strings.Join(lines, "\n") + "\n"
	if *update {
		if !passed {
			t.Errorf("not updating %s: the scenario failed", path)
			return
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("golden transcript: %v (run go test ./conformance -update once every scenario passes)", err)
		return
	}
	if d := firstDiff(strings.Split(string(want), "\n"), strings.Split(text, "\n")); d != "" {
		t.Errorf("transcript differs from %s (rewrite with -update if the change is intended):\n%s", path, d)
	}
}

// firstDiff describes the first line where want and got differ, with
// context, or returns "" when they are equal.
func firstDiff(want, got []string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	if i == len(want) && i == len(got) {
		return ""
	}
	var sb strings.Builder
	from := max(0, i-3)
	for k := from; k < i; k++ {
		fmt.Fprintf(&sb, "  %5d   %s\n", k+1, clip(want[k], 200))
	}
	for k := i; k < min(i+3, len(want)); k++ {
		fmt.Fprintf(&sb, "- %5d   %s\n", k+1, clip(want[k], 200))
	}
	for k := i; k < min(i+3, len(got)); k++ {
		fmt.Fprintf(&sb, "+ %5d   %s\n", k+1, clip(got[k], 200))
	}
	return sb.String()
}
