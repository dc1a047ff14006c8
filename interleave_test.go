package informix

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtest"
)

// openSmallFetchDB opens a *sql.DB on testdb whose fetch buffer of 64
// bytes makes every result many fetch answers, and creates fx_t with ids
// 0..199 and v = 0.
func openSmallFetchDB(t *testing.T) *sql.DB {
	t.Helper()
	srv := startServer(t, ifxtest.Config{})
	db, err := sql.Open("informix", srv.DSN("testdb")+"&fetch_buffer_size=64")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	mustExecDB(t, db, "CREATE TABLE fx_d (d INTEGER)")
	for d := range 10 {
		mustExecDB(t, db, "INSERT INTO fx_d VALUES (?)", int32(d))
	}
	mustExecDB(t, db, "CREATE TABLE fx_t (id INTEGER, v INTEGER)")
	mustExecDB(t, db, "INSERT INTO fx_t SELECT a.d * 10 + b.d, 0 FROM fx_d a, fx_d b")
	mustExecDB(t, db, "INSERT INTO fx_t SELECT 100 + a.d * 10 + b.d, 0 FROM fx_d a, fx_d b")
	return db
}

// mustExecDB runs query on db and fails the test on an error.
func mustExecDB(t *testing.T, db *sql.DB, query string, args ...any) sql.Result {
	t.Helper()
	res, err := db.Exec(query, args...)
	if err != nil {
		t.Fatalf("Exec %q: %v", query, err)
	}
	return res
}

// TestTxUpdateInRowLoop is the database/sql pattern the driver used to
// refuse: inside a Tx, iterate a result and update each row it gives. All
// 200 rows arrive in order, every update counts one row, and after the
// commit SUM(v) = Σ (2·id + 1) for id < 200 = 200² = 40 000.
func TestTxUpdateInRowLoop(t *testing.T) {
	db := openSmallFetchDB(t)
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT id FROM fx_t ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	want := int64(0)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		if id != want {
			t.Fatalf("row %d has id %d", want, id)
		}
		res, err := tx.ExecContext(ctx, "UPDATE fx_t SET v = ? WHERE id = ?", 2*id+1, id)
		if err != nil {
			t.Fatalf("update of id %d: %v", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			t.Fatalf("update of id %d affected %d rows", id, n)
		}
		want++
	}
	if err := rows.Err(); err != nil || want != 200 {
		t.Fatalf("after %d rows: %v", want, err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	var sum int64
	if err := db.QueryRow("SELECT SUM(v) FROM fx_t").Scan(&sum); err != nil || sum != 40000 {
		t.Errorf("SUM(v) = %d, %v; want 40000", sum, err)
	}
}

// TestInterleavedRowsOnConn: on one sql.Conn, two results read in turn
// (ascending and descending) each give all their rows in order, with a
// statement cancelled by its context between two rows (the error matches
// the context's; the connection and both results go on).
func TestInterleavedRowsOnConn(t *testing.T) {
	db := openSmallFetchDB(t)
	ctx := context.Background()
	c, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	up, err := c.QueryContext(ctx, "SELECT id FROM fx_t ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	down, err := c.QueryContext(ctx, "SELECT id FROM fx_t ORDER BY id DESC")
	if err != nil {
		t.Fatal(err)
	}
	defer down.Close()
	for i := int64(0); i < 200; i++ {
		var a, b int64
		if !up.Next() || !down.Next() {
			t.Fatalf("a result ended at row %d: %v, %v", i, up.Err(), down.Err())
		}
		if err := up.Scan(&a); err != nil || a != i {
			t.Fatalf("ascending row %d: %d, %v", i, a, err)
		}
		if err := down.Scan(&b); err != nil || b != 199-i {
			t.Fatalf("descending row %d: %d, %v; want %d", i, b, err, 199-i)
		}
		if i == 50 {
			cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
			_, err := c.ExecContext(cctx, "EXECUTE PROCEDURE ifxtest_sleep(5)")
			cancel()
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("cancelled Exec between rows: %v, want DeadlineExceeded", err)
			}
		}
	}
	if up.Next() || down.Next() {
		t.Fatal("a result has more than 200 rows")
	}
	if err := errors.Join(up.Err(), down.Err()); err != nil {
		t.Fatal(err)
	}
	var n int64
	if err := c.QueryRowContext(ctx, "SELECT COUNT(*) FROM fx_t").Scan(&n); err != nil || n != 200 {
		t.Errorf("count after the interleaving: %d, %v", n, err)
	}
}

// TestExecSelect: Exec of a SELECT runs it and drops the rows, as pgx
// and go-sql-driver/mysql do; RowsAffected is the row count, LastInsertId
// an error; the same holds with arguments and for a prepared statement.
func TestExecSelect(t *testing.T) {
	db := openSmallFetchDB(t)
	res := mustExecDB(t, db, "SELECT id, v FROM fx_t")
	if n, err := res.RowsAffected(); err != nil || n != 200 {
		t.Errorf("RowsAffected of a 200-row SELECT: %d, %v", n, err)
	}
	if _, err := res.LastInsertId(); err == nil {
		t.Error("LastInsertId of a SELECT succeeded")
	}
	if n, _ := mustExecDB(t, db, "SELECT id FROM fx_t WHERE id < ?", 7).RowsAffected(); n != 7 {
		t.Errorf("RowsAffected with an argument: %d, want 7", n)
	}
	st, err := db.Prepare("SELECT id FROM fx_t WHERE id >= ?")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, min := range []int64{190, 0} {
		res, err := st.Exec(min)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n != 200-min {
			t.Errorf("prepared Exec with %d: RowsAffected %d, want %d", min, n, 200-min)
		}
	}
	var ie *Error
	if _, err := db.Exec("SELECT 10 / (id - 100) FROM fx_t ORDER BY id"); !errors.As(err, &ie) || ie.SQLCode != -1202 {
		t.Errorf("Exec of a SELECT dividing by zero at row 101: %v, want *Error -1202", err)
	}
}
