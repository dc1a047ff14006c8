package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-informix/informix"
	"github.com/go-informix/informix/ifxtest"
)

// build is the ifxsql binary the end-to-end tests run, built once, with
// CGO_ENABLED=0 as it ships.
var build struct {
	once      sync.Once
	dir, path string
	err       error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if build.dir != "" {
		os.RemoveAll(build.dir)
	}
	os.Exit(code)
}

// binary returns the path of the built ifxsql.
func binary(t *testing.T) string {
	t.Helper()
	build.once.Do(func() {
		if build.dir, build.err = os.MkdirTemp("", "ifxsql-test-"); build.err != nil {
			return
		}
		build.path = filepath.Join(build.dir, "ifxsql")
		if runtime.GOOS == "windows" {
			build.path += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", build.path, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			build.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if build.err != nil {
		t.Fatal(build.err)
	}
	return build.path
}

// childEnv returns the environment for ifxsql: this process's, without
// the variables that would change what it connects to, with HOME a fresh
// directory (for the history file) and extra added.
func childEnv(t *testing.T, extra ...string) []string {
	t.Helper()
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch strings.ToUpper(name) {
		case dsnEnv, "HOME", "USERPROFILE", "INFORMIXSERVER", "CLIENT_LOCALE", "DB_LOCALE":
			continue
		}
		env = append(env, kv)
	}
	return append(append(env, "HOME="+t.TempDir()), extra...)
}

// result is what a run of ifxsql produced.
type result struct {
	stdout, stderr string
	code           int
}

// runBinary runs ifxsql with args, stdin and the extra environment, and
// waits for it (two minutes at most: the race detector on two busy cores
// is slow).
func runBinary(t *testing.T, stdin string, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t), args...)
	cmd.Env = childEnv(t, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run ifxsql %q: %v\nstderr: %s", args, err, errb.String())
	}
	return result{stdout: out.String(), stderr: errb.String(), code: cmd.ProcessState.ExitCode()}
}

// wantCode fails the test unless r ended with code.
func (r result) wantCode(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

// parseCSV reads CSV output.
func parseCSV(t *testing.T, s string) [][]string {
	t.Helper()
	cr := csv.NewReader(strings.NewReader(s))
	cr.FieldsPerRecord = -1 // results of different widths follow each other
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("CSV output %q: %v", s, err)
	}
	return recs
}

// sameDecimal reports whether the decimal texts a and b are equal numbers.
func sameDecimal(t *testing.T, a, b string) bool {
	t.Helper()
	da, err1 := informix.ParseDecimal(a)
	db, err2 := informix.ParseDecimal(b)
	if err1 != nil || err2 != nil {
		t.Fatalf("decimals %q, %q: %v, %v", a, b, err1, err2)
	}
	return da.Cmp(db) == 0
}

// TestSampleJoin runs a join with aggregates against the embedded sample
// database. The expected sums are worked out by hand in sample.go's
// comment on sampleOrders: Müller 88.80 + 84.60 + 56.80 = 230.20 in 3
// orders, García 129.00 + 61.00 = 190.00 in 2, Dahl 178.80 in 1.
func TestSampleJoin(t *testing.T) {
	r := runBinary(t, "", nil, "-o", "csv", "-c", `
		SELECT c.name, COUNT(*) AS n, SUM(o.total) AS spent
		  FROM customers c JOIN orders o ON o.customer_num = c.customer_num
		 GROUP BY c.name
		 ORDER BY spent DESC;
		SELECT SUM(total) AS all_orders FROM orders`)
	r.wantCode(t, 0)
	if !strings.Contains(r.stderr, sampleNotice) {
		t.Errorf("stderr %q lacks the notice %q", r.stderr, sampleNotice)
	}
	recs := parseCSV(t, r.stdout)
	want := [][]string{
		{"name", "n", "spent"},
		{"Jonas Müller", "3", "230.20"},
		{"María José García", "2", "190.00"},
		{"Søren Dahl", "1", "178.80"},
	}
	if len(recs) < 13 { // header, 11 customers with orders, second header
		t.Fatalf("CSV records %q", recs)
	}
	for i, w := range want {
		got := recs[i]
		if got[0] != w[0] || (i > 0 && (!sameDecimal(t, got[1], w[1]) || !sameDecimal(t, got[2], w[2]))) {
			t.Errorf("record %d: %q, want %q", i, got, w)
		}
	}
	// 1104.45: the 16 orders' totals added by hand (sample.go).
	last := recs[len(recs)-2:]
	if last[0][0] != "all_orders" || !sameDecimal(t, last[1][0], "1104.45") {
		t.Errorf("sum of all orders: %q, want 1104.45", last)
	}
}

// TestSampleTypes checks the types and values of one sample order as
// table output: DATE, DATETIME YEAR TO SECOND, DECIMAL(10,2) with its
// scale, LVARCHAR with a newline escaped, MONEY, non-ASCII text.
func TestSampleTypes(t *testing.T) {
	r := runBinary(t, "", nil, "-c", `SELECT o.order_num, c.name, o.order_date, o.placed, o.total, o.notes
		FROM orders o, customers c WHERE c.customer_num = o.customer_num AND o.order_num = 3;
		SELECT unit_price FROM items WHERE order_num = 3 AND item_num = 2`)
	r.wantCode(t, 0)
	want := "" +
		"order_num | name         | order_date | placed              | total | notes\n" +
		"----------+--------------+------------+---------------------+-------+----------------------------------------\n" +
		"        3 | Jonas Müller | 2024-02-03 | 2024-02-03 18:45:00 | 84.60 | Gift wrap, please.\\nCard: \"Alles Gute!\"\n" +
		"(1 row)\n" +
		"unit_price\n" +
		"----------\n" +
		"      4.95\n" +
		"(1 row)\n"
	if r.stdout != want {
		t.Errorf("stdout\n%s\nwant\n%s", r.stdout, want)
	}
}

// accountsServer starts an ifxtest server whose testdb holds a table of
// two rows inserted here, and returns its DSN.
func accountsServer(t *testing.T) (*ifxtest.Server, string) {
	t.Helper()
	srv, err := ifxtest.Start(ifxtest.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	dsn := srv.DSN(ifxtest.DefaultDatabase)
	db, err := sql.Open(informix.DriverName, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []struct {
		sql  string
		args []any
	}{
		{`CREATE TABLE accounts (id SERIAL, owner VARCHAR(20), opened DATE, balance DECIMAL(12,2),
			rate FLOAT, active BOOLEAN, last_seen DATETIME YEAR TO FRACTION(3))`, nil},
		// 'Åsa' is bound rather than written in the SQL text: the driver
		// sends statement text as UTF-8 whatever the database's code set
		// (reported to the lead), and testdb is 8859-1.
		{`INSERT INTO accounts (owner, opened, balance, rate, active, last_seen)
			VALUES (?, ?, 1234.50, 0.25, 't', DATETIME(2024-05-06 07:08:09.123) YEAR TO FRACTION(3))`,
			[]any{"Åsa", informix.Date{Year: 2020, Month: 2, Day: 29}}},
		{`INSERT INTO accounts (owner, balance, active) VALUES ('Bob "B"', -0.05, 'f')`, nil},
	}
	for _, s := range stmts {
		if _, err := db.Exec(s.sql, s.args...); err != nil {
			t.Fatalf("%s: %v", s.sql, err)
		}
	}
	return srv, dsn
}

// TestFormatsEndToEnd runs one query through -d in each output format;
// the outputs are written by hand from the rows accountsServer inserts.
func TestFormatsEndToEnd(t *testing.T) {
	_, dsn := accountsServer(t)
	const query = "SELECT * FROM accounts ORDER BY id"
	tests := []struct{ format, want string }{
		{"table", "" +
			"id | owner   | opened     | balance | rate | active | last_seen\n" +
			"---+---------+------------+---------+------+--------+------------------------\n" +
			" 1 | Åsa     | 2020-02-29 | 1234.50 | 0.25 | t      | 2024-05-06 07:08:09.123\n" +
			" 2 | Bob \"B\" |            |   -0.05 |      | f      |\n" +
			"(2 rows)\n"},
		{"csv", "" +
			"id,owner,opened,balance,rate,active,last_seen\n" +
			"1,Åsa,2020-02-29,1234.50,0.25,t,2024-05-06 07:08:09.123\n" +
			"2,\"Bob \"\"B\"\"\",,-0.05,,f,\n"},
		{"json", "" +
			"[\n" +
			`{"id":1,"owner":"Åsa","opened":"2020-02-29","balance":"1234.50","rate":0.25,"active":true,"last_seen":"2024-05-06 07:08:09.123"},` + "\n" +
			`{"id":2,"owner":"Bob \"B\"","opened":null,"balance":"-0.05","rate":null,"active":false,"last_seen":null}` + "\n" +
			"]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			r := runBinary(t, "", nil, "-d", dsn, "-o", tt.format, "-c", query)
			r.wantCode(t, 0)
			if r.stdout != tt.want {
				t.Errorf("stdout\n%s\nwant\n%s", r.stdout, tt.want)
			}
			if r.stderr != "" {
				t.Errorf("stderr %q, want nothing", r.stderr)
			}
		})
	}
}

// TestJSONResults: each result is one JSON array; a statement without
// rows writes nothing in JSON.
func TestJSONResults(t *testing.T) {
	_, dsn := accountsServer(t)
	r := runBinary(t, "", nil, "-d", dsn, "-o", "json", "-c",
		"SELECT id FROM accounts ORDER BY id; UPDATE accounts SET rate = 0.5 WHERE id = 2; SELECT rate FROM accounts WHERE id = 2")
	r.wantCode(t, 0)
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	var got []any
	for {
		var v []map[string]any
		if err := dec.Decode(&v); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("output %q: %v", r.stdout, err)
		}
		got = append(got, v)
	}
	want := []any{
		[]map[string]any{{"id": 1.0}, {"id": 2.0}},
		[]map[string]any{{"rate": 0.5}},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("results %v, want %v", got, want)
	}
}

// TestDSNSources connects through $INFORMIX_DSN in the JDBC form, and
// checks that the argument wins over it; no password ever shows.
func TestDSNSources(t *testing.T) {
	srv, dsn := accountsServer(t)
	jdbc := "jdbc:informix-sqli://" + srv.Addr() + "/testdb:INFORMIXSERVER=ifxtest;user=informix;password=in4mix"
	r := runBinary(t, "", []string{dsnEnv + "=" + jdbc}, "-o", "csv", "-c", "SELECT owner FROM accounts WHERE id = 1")
	r.wantCode(t, 0)
	if r.stdout != "owner\nÅsa\n" {
		t.Errorf("through $INFORMIX_DSN: %q", r.stdout)
	}
	bad := "informix://informix:in4mix@127.0.0.1:1/testdb?server=ifxtest"
	r = runBinary(t, "", []string{dsnEnv + "=" + bad}, dsn, "-o", "csv", "-c", "SELECT owner FROM accounts WHERE id = 1")
	r.wantCode(t, 0)
	if r.stdout != "owner\nÅsa\n" {
		t.Errorf("argument over $INFORMIX_DSN: %q", r.stdout)
	}

	wrong := strings.Replace(dsn, ":in4mix@", ":s3cret-pw@", 1)
	r = runBinary(t, "", nil, "-d", wrong, "-c", "SELECT 1 FROM accounts")
	r.wantCode(t, 1)
	if strings.Contains(r.stderr+r.stdout, "s3cret-pw") || !strings.Contains(r.stderr, "informix:****@") {
		t.Errorf("refused login: stderr %q: want the DSN shown with its password masked", r.stderr)
	}
}

// TestErrors: a statement the server refuses ends ifxsql with status 1
// and a message carrying the SQLCODE; a usage error with status 2.
func TestErrors(t *testing.T) {
	_, dsn := accountsServer(t)
	r := runBinary(t, "", nil, "-d", dsn, "-c", "SELECT 1 FROM accounts WHERE id = 1;\nSELECT * FROM nosuch;\nSELECT 2 FROM accounts")
	r.wantCode(t, 1)
	if !strings.Contains(r.stderr, "ifxsql: -c:2: informix: SQLCODE -206 (ISAM") || !strings.Contains(r.stderr, `"nosuch"`) {
		t.Errorf("stderr %q, want the -206 error at line 2", r.stderr)
	}
	if strings.Count(r.stdout, "(1 row)") != 1 {
		t.Errorf("stdout %q: want the first statement's result only", r.stdout)
	}
	for _, args := range [][]string{{"-bogus"}, {"-o", "xml", "-c", "SELECT 1"}, {"a", "b"}, {"-d", "mysql://x"}} {
		r := runBinary(t, "", nil, args...)
		r.wantCode(t, 2)
		if !strings.HasPrefix(r.stderr, "ifxsql: ") {
			t.Errorf("%q: stderr %q", args, r.stderr)
		}
	}
}

// TestScript runs a script file, then the same through standard input:
// comments, a statement over two lines, a backslash command, and a
// failure that stops the script with its line number.
func TestScript(t *testing.T) {
	_, dsn := accountsServer(t)
	script := "-- a script\n" +
		"CREATE TABLE t (a INTEGER NOT NULL, b VARCHAR(10));\n" +
		"INSERT INTO t VALUES (1, 'x');\n" +
		"INSERT INTO t\n  VALUES (2, NULL); UPDATE t SET b = 'y' { all rows };\n" +
		"\\d t\n" +
		"SELECT * FROM nosuch;\n" +
		"SELECT 'not reached' FROM t;\n"
	want := "" +
		"0 rows affected\n" +
		"1 row affected\n" +
		"1 row affected\n" +
		"2 rows affected\n" +
		"column | type        | nullable\n" +
		"-------+-------------+---------\n" +
		"a      | INTEGER     | no\n" +
		"b      | VARCHAR(10) | yes\n" +
		"(2 rows)\n"
	path := filepath.Join(t.TempDir(), "script.sql")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBinary(t, "", nil, "-d", dsn, "-f", path)
	r.wantCode(t, 1)
	if r.stdout != want {
		t.Errorf("stdout\n%s\nwant\n%s", r.stdout, want)
	}
	if !strings.Contains(r.stderr, path+":7: informix: SQLCODE -206") {
		t.Errorf("stderr %q, want the error at line 7", r.stderr)
	}
	r = runBinary(t, "DROP TABLE t;\n"+script, nil, "-d", dsn)
	r.wantCode(t, 1)
	if r.stdout != "0 rows affected\n"+want || !strings.Contains(r.stderr, "stdin:8: informix: SQLCODE -206") {
		t.Errorf("through stdin: stdout\n%s\nstderr %s", r.stdout, r.stderr)
	}
}

// TestOutFile writes the results to a file with -out; standard output
// stays empty.
func TestOutFile(t *testing.T) {
	_, dsn := accountsServer(t)
	path := filepath.Join(t.TempDir(), "out.csv")
	r := runBinary(t, "", nil, "-d", dsn, "-o", "csv", "-out", path, "-c", "SELECT id, owner FROM accounts ORDER BY id")
	r.wantCode(t, 0)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := parseCSV(t, string(data)), [][]string{{"id", "owner"}, {"1", "Åsa"}, {"2", `Bob "B"`}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("file %q, want %q", got, want)
	}
	if r.stdout != "" {
		t.Errorf("stdout %q, want nothing", r.stdout)
	}
}

// TestMetaCommands runs \d and \d NAME against the sample, and the
// toggles, through -c.
func TestMetaCommands(t *testing.T) {
	r := runBinary(t, "", nil, "-o", "csv", "-c", "\\d\n\\d orders\n\\d nosuch")
	r.wantCode(t, 1)
	want := "" +
		"name,owner,type\n" +
		"customers,informix,table\n" +
		"items,informix,table\n" +
		"orders,informix,table\n" +
		"column,type,nullable\n" +
		"order_num,SERIAL,no\n" +
		"customer_num,INTEGER,no\n" +
		"order_date,DATE,no\n" +
		"placed,DATETIME YEAR TO SECOND,yes\n" +
		"total,\"DECIMAL(10,2)\",no\n" +
		"notes,LVARCHAR(2000),yes\n"
	if r.stdout != want {
		t.Errorf("stdout\n%s\nwant\n%s", r.stdout, want)
	}
	if !strings.Contains(r.stderr, `-c:3: \d nosuch: no table or view of that name`) {
		t.Errorf("stderr %q", r.stderr)
	}
	r = runBinary(t, "", nil, "-c", "\\x\nSELECT customer_num, name FROM customers WHERE customer_num = 2;\n\\timing")
	r.wantCode(t, 0)
	want = "-[ RECORD 1 ]\ncustomer_num | 2\nname         | Åsa Lindqvist\n(1 row)\n"
	if r.stdout != want {
		t.Errorf("stdout\n%s\nwant\n%s", r.stdout, want)
	}
	if !strings.HasSuffix(r.stderr, "vertical output is on\ntiming is on\n") {
		t.Errorf("stderr %q, want the toggles' messages", r.stderr)
	}
}
