package informix

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// batchOf returns n rows (id, v) with row i = (int32(i), "v<i>").
func batchOf(n int) Batch {
	rows := make(Batch, n)
	for i := range rows {
		rows[i] = []any{int32(i), fmt.Sprintf("v%d", i)}
	}
	return rows
}

// batchDB opens a database with table batch_t (id INTEGER unique, v
// VARCHAR(20)).
func batchDB(t *testing.T) *sql.DB {
	t.Helper()
	db := openDB(t, "testdb")
	for _, s := range []string{"CREATE TABLE batch_t (id INTEGER, v VARCHAR(20))", "CREATE UNIQUE INDEX batch_id ON batch_t (id)"} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// queryer is what *sql.DB, *sql.Tx and *sql.Conn have in common.
type queryer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// idRange returns the count, smallest and largest id in batch_t as
// "count min..max".
func idRange(t *testing.T, q queryer) string {
	t.Helper()
	var n int64
	var lo, hi sql.NullInt64
	if err := q.QueryRowContext(context.Background(), "SELECT COUNT(*), MIN(id), MAX(id) FROM batch_t").Scan(&n, &lo, &hi); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d %d..%d", n, lo.Int64, hi.Int64)
}

// TestBatch runs a Batch through each way database/sql reaches the driver:
// *sql.DB, *sql.Tx, *sql.Conn and a prepared *sql.Stmt. The 2500 rows (in
// three groups) are inserted and read back.
func TestBatch(t *testing.T) {
	ctx := context.Background()
	for name, run := range map[string]func(db *sql.DB, q string, b Batch) (sql.Result, error){
		"DB": func(db *sql.DB, q string, b Batch) (sql.Result, error) { return db.ExecContext(ctx, q, b) },
		"Tx": func(db *sql.DB, q string, b Batch) (sql.Result, error) {
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				return nil, err
			}
			res, err := tx.ExecContext(ctx, q, b)
			if err != nil {
				tx.Rollback()
				return nil, err
			}
			return res, tx.Commit()
		},
		"Conn": func(db *sql.DB, q string, b Batch) (sql.Result, error) {
			c, err := db.Conn(ctx)
			if err != nil {
				return nil, err
			}
			defer c.Close()
			return c.ExecContext(ctx, q, b)
		},
		"Stmt": func(db *sql.DB, q string, b Batch) (sql.Result, error) {
			st, err := db.PrepareContext(ctx, q)
			if err != nil {
				return nil, err
			}
			defer st.Close()
			return st.ExecContext(ctx, b)
		},
	} {
		t.Run(name, func(t *testing.T) {
			db := batchDB(t)
			res, err := run(db, "INSERT INTO batch_t VALUES (?, ?)", batchOf(2500))
			if err != nil {
				t.Fatal(err)
			}
			if n, err := res.RowsAffected(); n != 2500 || err != nil {
				t.Errorf("RowsAffected %d, %v; want 2500", n, err)
			}
			if got := idRange(t, db); got != "2500 0..2499" {
				t.Errorf("rows after the batch: %s, want 2500 0..2499", got)
			}
			var v string
			if err := db.QueryRow("SELECT v FROM batch_t WHERE id = 1234").Scan(&v); err != nil || v != "v1234" {
				t.Errorf("row 1234: %q, %v", v, err)
			}
		})
	}
}

// TestBatchStops: a batch stops at its first failing row with a
// *BatchError giving its index; the rows before it stay inserted
// (autocommit). The cases cover a row the server refuses (in the first
// group and in the third), a value that does not convert, a row with
// another number of values, and a column whose type changes.
func TestBatchStops(t *testing.T) {
	with := func(k int, row ...any) Batch {
		b := batchOf(2500)
		b[k] = row
		return b
	}
	for _, tc := range []struct {
		name  string
		rows  Batch
		row   int
		cause string // in the error text
		is    error  // a sentinel the error matches, or nil
	}{
		{"duplicate in the first group", with(17, int32(3), "dup"), 17, "SQLCODE -239", ErrUniqueViolation},
		{"duplicate in the third group", with(2222, int32(3), "dup"), 2222, "SQLCODE -239", ErrUniqueViolation},
		{"value that does not convert", with(5, int32(5), struct{}{}), 5, "value 2: unsupported type struct {}", nil},
		{"wrong arity", with(1200, int32(1200)), 1200, "2 parameter markers, the row has 1 values", nil},
		{"type change", with(40, int64(40), "x"), 40, "parameter 1 binds as BIGINT, an earlier row's as INTEGER", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := batchDB(t)
			_, err := db.ExecContext(context.Background(), "INSERT INTO batch_t VALUES (?, ?)", tc.rows)
			checkBatchError(t, err, tc.row, tc.cause, tc.is)
			if got, want := idRange(t, db), fmt.Sprintf("%d 0..%d", tc.row, tc.row-1); got != want {
				t.Errorf("rows after the batch: %s, want %s", got, want)
			}
		})
	}
}

// checkBatchError requires err to be a *BatchError at row, with row rows
// affected, whose text names the row index and contains cause, and which
// matches is (when not nil).
func checkBatchError(t *testing.T, err error, row int, cause string, is error) {
	t.Helper()
	var be *BatchError
	if !errors.As(err, &be) {
		t.Fatalf("error %v (%T), want a *BatchError", err, err)
	}
	if be.Row != row || be.RowsAffected != int64(row) {
		t.Errorf("stopped at row %d with %d affected, want %d and %d", be.Row, be.RowsAffected, row, row)
	}
	if msg := err.Error(); !strings.Contains(msg, fmt.Sprintf("row index %d ", row)) || !strings.Contains(msg, cause) {
		t.Errorf("error %q does not name row index %d and %q", msg, row, cause)
	}
	if is != nil && !errors.Is(err, is) {
		t.Errorf("error %v does not match %v", err, is)
	}
}

// TestBatchTxRollback: in a transaction, the rows before a refused one
// are there until the rollback removes them.
func TestBatchTxRollback(t *testing.T) {
	db := batchDB(t)
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	rows := batchOf(50)
	rows[30] = rows[10]
	_, err = tx.ExecContext(ctx, "INSERT INTO batch_t VALUES (?, ?)", rows)
	checkBatchError(t, err, 30, "SQLCODE -239", ErrUniqueViolation)
	if got := idRange(t, tx); got != "30 0..29" {
		t.Errorf("rows in the transaction: %s, want 30 0..29", got)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if got := idRange(t, db); got != "0 0..0" {
		t.Errorf("rows after rollback: %s, want none", got)
	}
}

// TestBatchEmpty: an empty batch affects no row.
func TestBatchEmpty(t *testing.T) {
	db := batchDB(t)
	for _, b := range []Batch{nil, {}} {
		res, err := db.Exec("INSERT INTO batch_t VALUES (?, ?)", b)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n != 0 {
			t.Errorf("RowsAffected %d", n)
		}
	}
}

// TestBatchLastInsertId: LastInsertId is the SERIAL of the last row.
func TestBatchLastInsertId(t *testing.T) {
	db := openDB(t, "testdb")
	if _, err := db.Exec("CREATE TABLE serial_t (id SERIAL, v INTEGER)"); err != nil {
		t.Fatal(err)
	}
	res, err := db.Exec("INSERT INTO serial_t (v) VALUES (?)", Batch{{int32(1)}, {int32(2)}, {nil}})
	if err != nil {
		t.Fatal(err)
	}
	if id, err := res.LastInsertId(); id != 3 || err != nil {
		t.Errorf("LastInsertId %d, %v; want 3", id, err)
	}
}

// TestBatchMisplaced: a Batch next to other arguments, or given to a
// query, is refused before anything is sent; a prepared statement still
// counts its arguments.
func TestBatchMisplaced(t *testing.T) {
	db := batchDB(t)
	_, err := db.Exec("INSERT INTO batch_t VALUES (?, ?)", Batch{{int32(1), "a"}}, "x")
	if err == nil || !strings.Contains(err.Error(), "only argument of ExecContext") {
		t.Errorf("Batch and another argument: %v", err)
	}
	_, err = db.Query("SELECT v FROM batch_t WHERE id = ?", Batch{{int32(1)}})
	if err == nil || !strings.Contains(err.Error(), "only argument of ExecContext") {
		t.Errorf("Batch to Query: %v", err)
	}
	st, err := db.Prepare("INSERT INTO batch_t VALUES (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Exec(int32(1)); err == nil || !strings.Contains(err.Error(), "expected 2 arguments, got 1") {
		t.Errorf("prepared statement with one argument: %v", err)
	}
	if got := idRange(t, db); got != "0 0..0" {
		t.Errorf("rows: %s, want none", got)
	}
}

// TestBatchCancel: a context that ends while a row runs interrupts it
// (-213); the batch stops there with the context's error and the
// connection stays usable.
func TestBatchCancel(t *testing.T) {
	db := openDB(t, "testdb")
	c, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.ExecContext(ctx, "EXECUTE PROCEDURE ifxtest_sleep(?)", Batch{{int32(0)}, {int32(0)}, {int32(5)}, {int32(0)}})
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("cancelled batch took %v", took)
	}
	var be *BatchError
	if !errors.Is(err, context.DeadlineExceeded) || !errors.As(err, &be) || be.Row != 2 {
		t.Fatalf("error %v, want a BatchError at row 2 matching context.DeadlineExceeded", err)
	}
	if err := c.PingContext(context.Background()); err != nil {
		t.Errorf("connection not usable after a cancelled batch: %v", err)
	}
}
