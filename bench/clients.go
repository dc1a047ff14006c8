package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// clientDef is one client of the comparison.
type clientDef struct {
	id    string // the -clients name
	label string // as the report names it
	how   string // what it does in each workload, for the report's method
}

// oursID is the client every other is compared with: go-informix as
// applications use it, through database/sql.
const oursID = "go-sql"

// rawID is the physical limit.
const rawID = "raw"

// clientDefs lists the clients in the order the report shows them.
var clientDefs = []clientDef{
	{oursID, "go-informix (database/sql)", "`db.QueryContext` and `Rows.Scan` into typed variables " +
		"(int64, string, `informix.Decimal`, `time.Time`, float64); the one-row SELECT through a `*sql.Stmt` " +
		"prepared once (`QueryRowContext(ctx).Scan`); insert: `tx.ExecContext(ctx, sql, informix.Batch(rows))` " +
		"in `BeginTx` … `Commit` (ids bound as int32, INTEGER); connect: `sql.OpenDB`, `db.Conn`, close both"},
	{"go-ifxconn", "go-informix (ifxconn)", "package ifxconn without database/sql: `Conn.Query` and " +
		"`Rows.Next` into `[]any`; the one-row SELECT through an `ifxconn.Stmt` prepared once; insert: " +
		"`Conn.ExecBatch` between `Begin` and `Commit`; connect: `ifxconn.Connect`, `Close`"},
	{"jdbc", "IBM JDBC", "bench/jdbc/Bench.java: a `PreparedStatement` per statement text, prepared once " +
		"and reused; `getInt`, `getString`, `getBigDecimal`, `getTimestamp`, `getDouble` per column; insert: " +
		"`setAutoCommit(false)`, `addBatch` per row and `executeBatch` every JDBC_BATCH rows, `commit`; " +
		"connect: `DriverManager.getConnection`, `close`"},
	{"python", "informix-driver", "bench/python/bench.py: `cursor.execute` and iteration over the cursor; " +
		"the one-row SELECT with `execute` and `fetchone` (the driver has no prepared-statement API); insert: " +
		"`executemany` over chunks of PY_CHUNK rows on a connection with autocommit off, then `commit`; " +
		"connect: `informix_db.connect`, `close`"},
	{rawID, "raw socket (limit)", "Go, `net.Conn`: replays the request bytes go-informix (ifxconn) sent " +
		"for the workload, recorded through a tapping `net.Conn`, and reads as many answer bytes as it read, " +
		"without decoding; the replayed answers are checked once (length, last bytes, nothing more sent) " +
		"before timing"},
}

// clientByID returns the definition of the client called id.
func clientByID(id string) (clientDef, error) {
	for _, d := range clientDefs {
		if d.id == id {
			return d, nil
		}
	}
	return clientDef{}, fmt.Errorf("unknown client %q (known: go-sql, go-ifxconn, jdbc, python, raw)", id)
}

// Environment variables that make this program (or the bench test
// binary) a Go client instead of the harness.
const (
	envClient = "IFXBENCH_CLIENT" // the client's id
	envAddr   = "IFXBENCH_ADDR"   // the server's host:port
)

// Where conformance/setup.sh installs the oracles, relative to the
// module root (the versions it pins; conformance_test.go uses the same).
const (
	jdbcJar    = ".cache/oracles/jdbc/jdbc-15.0.0.1.1.jar"
	bsonJar    = ".cache/oracles/jdbc/bson-3.8.0.jar"
	venvPython = ".cache/oracles/venv/bin/python"
)

// launcher builds the command of each client.
type launcher struct {
	root      string // the module root
	self      string // the executable that serves the Go clients
	addr      string
	pin       pinning
	classes   string // where Bench.class is
	rowsFile  string // the insert rows for Java and Python (writeRowsFile)
	jdbcBatch int
	pyChunk   int
}

// command returns the command that runs client id.
func (l *launcher) command(ctx context.Context, id string) *exec.Cmd {
	var cmd *exec.Cmd
	switch id {
	case "jdbc":
		cp := strings.Join([]string{l.classes, filepath.Join(l.root, jdbcJar), filepath.Join(l.root, bsonJar)}, string(os.PathListSeparator))
		url := "jdbc:informix-sqli://" + l.addr + "/testdb:INFORMIXSERVER=ifxtest;user=informix;password=in4mix"
		cmd = l.pin.command(ctx, l.pin.client, "java", "-cp", cp, "Bench", url, l.rowsFile, strconv.Itoa(l.jdbcBatch))
	case "python":
		cmd = l.pin.command(ctx, l.pin.client, filepath.Join(l.root, venvPython),
			filepath.Join(l.root, "bench", "python", "bench.py"), l.addr, l.rowsFile, strconv.Itoa(l.pyChunk))
	default:
		cmd = l.pin.command(ctx, l.pin.client, l.self)
		cmd.Env = append(os.Environ(), envClient+"="+id, envAddr+"="+l.addr)
	}
	cmd.Dir = l.root
	return cmd
}

// clientMain serves the protocol as Go client id on standard input and
// output, and returns the exit status.
func clientMain(ctx context.Context, id, addr string) int {
	t := target{addr: addr}
	var c goClient
	switch id {
	case oursID:
		sc, err := newSQLClient(t, nil)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench client:", err)
			return 2
		}
		c = sc
	case "go-ifxconn":
		c = newConnClient(t.connConfig())
	case rawID:
		c = newRawClient(t)
	default:
		fmt.Fprintf(os.Stderr, "bench client: %s is not a Go client\n", id)
		return 2
	}
	info := []string{fmt.Sprintf("runtime %s, GOMAXPROCS %d", runtime.Version(), runtime.GOMAXPROCS(0))}
	if err := serveClient(ctx, os.Stdin, os.Stdout, c, info); err != nil {
		fmt.Fprintln(os.Stderr, "bench client:", err)
		return 1
	}
	return 0
}
