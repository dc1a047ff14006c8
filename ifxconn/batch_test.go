package ifxconn

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// batchRows returns n rows (id INTEGER, v CHAR) of JDBC's batch scenario:
// row i is (i, "v<i>").
func batchRows(n int) ParamRows {
	rows := make(ParamRows, n)
	for i := range rows {
		rows[i] = []Param{{Type: sqli.TypeInteger, Value: int32(i)}, {Type: sqli.TypeChar, Value: fmt.Sprintf("v%d", i)}}
	}
	return rows
}

// TestJDBCBytesBatch: the batch scenario (conformance/jdbc/Scenarios.java
// batch()): a CREATE TABLE kept prepared, a prepared INSERT run over 1000
// rows by ExecBatch, which must send JDBC's executeBatch bytes (SQ_ID,
// SQ_CIDESCRIBE, SQ_EOT, then SQ_ID, 1000 × SQ_BIND SQ_EXECUTE, SQ_EOT),
// and two queries checking the rows.
func TestJDBCBytesBatch(t *testing.T) {
	srv, log := jdbcServer(t)
	c := connect(t, jdbcConfig(srv, "testdb"))
	ctx := context.Background()
	create, err := c.Prepare(ctx, "CREATE TABLE batch_t (id INTEGER, v VARCHAR(20))")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := create.Exec(ctx, nil); err != nil {
		t.Fatal(err)
	}
	ins, err := c.Prepare(ctx, "INSERT INTO batch_t VALUES (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ins.ExecBatch(ctx, batchRows(1000))
	if err != nil || res.RowsAffected != 1000 {
		t.Fatalf("ExecBatch: %+v, %v; want 1000 rows", res, err)
	}
	if err := ins.Close(ctx); err != nil {
		t.Fatal(err)
	}
	// 0 + 1 + … + 999 = 999 · 1000 / 2 = 499500.
	if n, sum := queryInt(t, c, "SELECT COUNT(*) FROM batch_t"), queryInt(t, c, "SELECT SUM(id) FROM batch_t"); n != 1000 || sum != 499500 {
		t.Errorf("count %d, sum %d; want 1000, 499500", n, sum)
	}
	if err := create.Close(ctx); err != nil {
		t.Fatal(err)
	}
	c.Close()
	srv.Close()
	compareTranscripts(t, goldenConnections(t, "jdbc/batch.golden")[0], log.transcriptOf(t, 1))
}

// batchTable connects to a fresh server and creates batch_t with a unique
// id, returning the connection and the prepared INSERT.
func batchTable(t *testing.T) (*Conn, *Stmt) {
	t.Helper()
	srv := startServer(t, ifxtest.Config{})
	c := connect(t, testConfig(srv, "testdb"))
	mustExec(t, c, "CREATE TABLE batch_t (id INTEGER, v VARCHAR(20))")
	mustExec(t, c, "CREATE UNIQUE INDEX batch_id ON batch_t (id)")
	ins, err := c.Prepare(context.Background(), "INSERT INTO batch_t VALUES (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	return c, ins
}

// idsOf returns the ids in batch_t in order, as "first..last (count)".
func idsOf(t *testing.T, c *Conn) string {
	t.Helper()
	rows := queryAll(t, c, "SELECT id FROM batch_t ORDER BY id")
	if len(rows) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d..%d (%d)", rows[0][0], rows[len(rows)-1][0], len(rows))
}

// TestExecBatch: rows run in groups of 1000 and read back; a batch stops at
// its first failing row, whose index the BatchError gives, after the rows
// before it ran, whether the server refused the row (a duplicate id, in the
// first group or a later one) or the row could not be sent (a wrong number
// of values, a type change in a column, a value out of its type's range).
func TestExecBatch(t *testing.T) {
	dup := func(k int) ParamRows {
		rows := batchRows(2500)
		rows[k] = []Param{{Type: sqli.TypeInteger, Value: int32(0)}, {Type: sqli.TypeChar, Value: "dup"}}
		return rows
	}
	set := func(k int, p ...Param) ParamRows {
		rows := batchRows(2500)
		rows[k] = p
		return rows
	}
	for _, tc := range []struct {
		name    string
		rows    ParamRows
		failRow int    // -1: no failure
		cause   string // in the error
		code    int    // the server's SQLCode, or 0
	}{
		{"2500 rows in three groups", batchRows(2500), -1, "", 0},
		{"duplicate in the first group", dup(7), 7, "", -239},
		{"duplicate in the third group", dup(2345), 2345, "", -239},
		{"three values", set(1500, Param{Type: sqli.TypeInteger, Value: int32(1500)}, Param{Type: sqli.TypeChar, Value: "x"},
			Param{Type: sqli.TypeChar, Value: "y"}), 1500, "2 parameter markers, the row has 3 values", 0},
		{"type change", set(12, Param{Type: sqli.TypeChar, Value: "12"}, Param{Type: sqli.TypeChar, Value: "x"}),
			12, "parameter 1 binds as CHAR, an earlier row's as INTEGER", 0},
		{"out of range", set(999, Param{Type: sqli.TypeInteger, Value: int64(1) << 40}, Param{Type: sqli.TypeChar, Value: "x"}),
			999, "bind parameter 1 as INTEGER", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, ins := batchTable(t)
			res, err := ins.ExecBatch(context.Background(), tc.rows)
			if tc.failRow < 0 {
				if err != nil || res.RowsAffected != 2500 || idsOf(t, c) != "0..2499 (2500)" {
					t.Fatalf("ExecBatch: %+v, %v; ids %s", res, err, idsOf(t, c))
				}
				return
			}
			checkBatchError(t, err, tc.failRow, tc.cause, tc.code)
			want := "none"
			if tc.failRow > 0 {
				want = fmt.Sprintf("0..%d (%d)", tc.failRow-1, tc.failRow)
			}
			if got := idsOf(t, c); got != want {
				t.Errorf("ids after the batch %s, want %s", got, want)
			}
		})
	}
}

// checkBatchError requires err to be a *BatchError at row with
// RowsAffected row, whose cause contains cause or is the server's code.
func checkBatchError(t *testing.T, err error, row int, cause string, code int) {
	t.Helper()
	var be *BatchError
	if !errors.As(err, &be) {
		t.Fatalf("error %v (%T), want a *BatchError", err, err)
	}
	if be.Row != row || be.RowsAffected != int64(row) {
		t.Errorf("stopped at row %d with %d rows affected, want %d and %d: %v", be.Row, be.RowsAffected, row, row, err)
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("row index %d ", row)) || !strings.Contains(err.Error(), cause) {
		t.Errorf("error %q does not name row index %d and %q", err, row, cause)
	}
	if got := serverCode(err); got != code {
		t.Errorf("server code %d, want %d", got, code)
	}
}

// TestExecBatchInTransaction: inside a transaction, the rows before a
// refused one are inserted and a rollback removes them.
func TestExecBatchInTransaction(t *testing.T) {
	c, ins := batchTable(t)
	ctx := context.Background()
	if err := c.Begin(ctx); err != nil {
		t.Fatal(err)
	}
	rows := batchRows(30)
	rows[20] = rows[3]
	_, err := ins.ExecBatch(ctx, rows)
	checkBatchError(t, err, 20, "", -239)
	if got := idsOf(t, c); got != "0..19 (20)" {
		t.Errorf("ids in the transaction %s, want 0..19 (20)", got)
	}
	if err := c.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if got := idsOf(t, c); got != "none" {
		t.Errorf("ids after rollback %s, want none", got)
	}
}

// TestExecBatchEmpty: an empty batch affects nothing and writes nothing,
// not even the SQ_PREPARE of Conn.ExecBatch.
func TestExecBatchEmpty(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	cfg, fc := faultDial(t, srv)
	c := connect(t, cfg)
	mustExec(t, c, "CREATE TABLE batch_t (id INTEGER, v VARCHAR(20))")
	ins, err := c.Prepare(context.Background(), "INSERT INTO batch_t VALUES (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	before := fc.count()
	for name, run := range map[string]func() (Result, error){
		"Stmt": func() (Result, error) { return ins.ExecBatch(context.Background(), ParamRows{}) },
		"Conn": func() (Result, error) {
			return c.ExecBatch(context.Background(), "INSERT INTO nowhere VALUES (?)", ParamRows(nil))
		},
	} {
		if res, err := run(); err != nil || res != (Result{}) {
			t.Errorf("%s: %+v, %v; want nothing affected", name, res, err)
		}
	}
	if n := fc.count() - before; n != 0 {
		t.Errorf("%d writes for empty batches", n)
	}
}

// TestConnExecBatch: Conn.ExecBatch prepares, runs and releases; a
// statement that returns rows is refused before any row is sent.
func TestConnExecBatch(t *testing.T) {
	c, _ := batchTable(t)
	ctx := context.Background()
	res, err := c.ExecBatch(ctx, "INSERT INTO batch_t VALUES (?, ?)", batchRows(5))
	if err != nil || res.RowsAffected != 5 || idsOf(t, c) != "0..4 (5)" {
		t.Fatalf("ExecBatch: %+v, %v; ids %s", res, err, idsOf(t, c))
	}
	_, err = c.ExecBatch(ctx, "SELECT id FROM batch_t WHERE id = ?", ParamRows{{{Type: sqli.TypeInteger, Value: int32(1)}}})
	if err == nil || !strings.Contains(err.Error(), "returns rows") {
		t.Errorf("batch of a SELECT: %v", err)
	}
}

// TestExecBatchCancel: a context that ends while a group runs sends the
// interrupt; the server stops the running row with -213, the batch stops
// there with the context's error, the rows before it ran, and the
// connection stays usable.
func TestExecBatchCancel(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	c := connect(t, testConfig(srv, "testdb"))
	s, err := c.Prepare(context.Background(), "EXECUTE PROCEDURE ifxtest_sleep(?)")
	if err != nil {
		t.Fatal(err)
	}
	secs := func(n ...int32) ParamRows {
		rows := make(ParamRows, len(n))
		for i, v := range n {
			rows[i] = []Param{{Type: sqli.TypeInteger, Value: v}}
		}
		return rows
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = s.ExecBatch(ctx, secs(0, 0, 5, 0))
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("cancelled batch took %v", took)
	}
	var be *BatchError
	if !errors.Is(err, context.DeadlineExceeded) || !errors.As(err, &be) || be.Row != 2 || serverCode(err) != codeInterrupted {
		t.Fatalf("error %v, want a BatchError at row 2 matching context.DeadlineExceeded and -213", err)
	}
	if c.IsClosed() || queryInt(t, c, "SELECT 1 FROM systables WHERE tabid = 1") != 1 {
		t.Error("connection not usable after a cancelled batch")
	}
}
