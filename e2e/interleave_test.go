package e2e

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"
)

// numbersTable creates a table of rows n = 0…count−1 with v = 0 and a
// 100-byte pad, so that a query over it spans several fetch buffers, and
// an index on n.
func numbersTable(t *testing.T, count int) string {
	t.Helper()
	name := table(t, logged, "numbers", "n INTEGER, v INTEGER, pad CHAR(100)")
	digits := digitsTable(t, logged)
	mustExec(t, admin(t, logged), "INSERT INTO "+name+" SELECT a.d * 1000 + b.d * 100 + c.d * 10 + e.d, 0, 'p' FROM "+
		digits+" a, "+digits+" b, "+digits+" c, "+digits+" e WHERE a.d * 1000 + b.d * 100 + c.d * 10 + e.d < ?", count)
	mustExec(t, admin(t, logged), "CREATE INDEX "+name+"_n ON "+name+" (n)")
	return name
}

// TestUpdateWhileIterating updates each row of a query from inside its
// loop, in one transaction: database/sql lets a Tx run statements while
// one of its Rows is open, and SQLI allows requests between fetch batches
// (SQLI.md §7.2).
func TestUpdateWhileIterating(t *testing.T) {
	name := numbersTable(t, 500)
	db := open(t, logged)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	rows, err := tx.Query("SELECT n, pad FROM " + name + " ORDER BY n")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for rows.Next() {
		var n int
		var pad string
		if err := rows.Scan(&n, &pad); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec("UPDATE "+name+" SET v = ? WHERE n = ?", n+1, n); err != nil {
			t.Fatalf("UPDATE of row %d inside the loop: %v", n, err)
		}
		seen++
	}
	if err := rows.Err(); err != nil || seen != 500 {
		t.Fatalf("%d rows, %v; want 500", seen, err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	// v = n + 1 for n = 0…499: the sum is 1 + … + 500 = 500·501/2.
	if s := queryInt(t, db, "SELECT SUM(v) FROM "+name); s != 500*501/2 {
		t.Errorf("sum of v %d, want %d", s, 500*501/2)
	}
}

// TestInterleavedQueries reads two open results of one connection in
// turns.
func TestInterleavedQueries(t *testing.T) {
	name := numbersTable(t, 3000)
	c := pinned(t, open(t, logged))
	ctx := context.Background()
	up, err := c.QueryContext(ctx, "SELECT n, pad FROM "+name+" ORDER BY n")
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	down, err := c.QueryContext(ctx, "SELECT n, pad FROM "+name+" ORDER BY n DESC")
	if err != nil {
		t.Fatal(err)
	}
	defer down.Close()
	for i := range 3000 {
		a, b := nextN(t, up), nextN(t, down)
		if a != i || b != 2999-i {
			t.Fatalf("step %d: %d and %d, want %d and %d", i, a, b, i, 2999-i)
		}
	}
	if up.Next() || down.Next() || up.Err() != nil || down.Err() != nil {
		t.Errorf("after 3000 rows each: more rows or errors %v, %v", up.Err(), down.Err())
	}
}

// nextN reads the next row's n, failing the test at the end or on an
// error.
func nextN(t *testing.T, rows *sql.Rows) int {
	t.Helper()
	if !rows.Next() {
		t.Fatalf("rows ended early: %v", rows.Err())
	}
	var n int
	var pad string
	if err := rows.Scan(&n, &pad); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCancelWhileRowsOpen interrupts a statement run while a result of the
// same connection is open: the statement fails with its context's error,
// and the open result still reads to its end.
func TestCancelWhileRowsOpen(t *testing.T) {
	name := numbersTable(t, 2000)
	c := pinned(t, open(t, logged))
	rows, err := c.QueryContext(context.Background(), "SELECT n, pad FROM "+name+" ORDER BY n")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for i := range 10 {
		if n := nextN(t, rows); n != i {
			t.Fatalf("row %d is %d", i, n)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	within(t, "the interrupted procedure", 2500*time.Millisecond, func() {
		_, err = c.ExecContext(ctx, "EXECUTE PROCEDURE ifxtest_sleep(5)")
	})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("interleaved procedure: %v, want context.DeadlineExceeded", err)
	}
	for i := 10; i < 2000; i++ {
		if n := nextN(t, rows); n != i {
			t.Fatalf("row %d is %d", i, n)
		}
	}
	if rows.Next() || rows.Err() != nil {
		t.Errorf("after the last row: more rows or error %v", rows.Err())
	}
}
