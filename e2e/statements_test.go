package e2e

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/go-informix/informix"
)

// TestExecAndQuery runs statements with and without arguments (without
// them Exec takes SQ_COMMAND, with them PREPARE and EXECUTE) and checks
// the counts the server reports.
func TestExecAndQuery(t *testing.T) {
	name := table(t, logged, "exec", "id INTEGER, grp INTEGER, note VARCHAR(20)")
	db := open(t, logged)
	for i := 1; i <= 5; i++ {
		res := mustExec(t, db, fmt.Sprintf("INSERT INTO %s VALUES (%d, %d, 'r%d')", name, i, i%2, i))
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			t.Errorf("INSERT without arguments: RowsAffected %d, %v; want 1", n, err)
		}
	}
	res := mustExec(t, db, "INSERT INTO "+name+" VALUES (?, ?, ?)", 6, 0, "r6")
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		t.Errorf("INSERT with arguments: RowsAffected %d, %v; want 1", n, err)
	}
	// Ids 1, 3, 5 are in group 1; 2, 4, 6 in group 0.
	counts := []struct {
		query string
		args  []any
		want  int64
	}{
		{"UPDATE " + name + " SET note = 'odd' WHERE grp = 1", nil, 3},
		{"UPDATE " + name + " SET note = 'x' WHERE grp = ?", []any{7}, 0},
		{"DELETE FROM " + name + " WHERE grp = ?", []any{0}, 3},
	}
	for _, c := range counts {
		res := mustExec(t, db, c.query, c.args...)
		if n, err := res.RowsAffected(); err != nil || n != c.want {
			t.Errorf("%s: RowsAffected %d, %v; want %d", c.query, n, err, c.want)
		}
	}
	var notes []string
	rows, err := db.Query("SELECT note FROM " + name + " ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		notes = append(notes, s)
	}
	if err := rows.Err(); err != nil || strings.Join(notes, ",") != "odd,odd,odd" {
		t.Errorf("notes %v, %v; want odd,odd,odd", notes, err)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name+" WHERE id > ? AND note = ?", 2, "odd"); n != 2 {
		t.Errorf("count with two arguments: %d, want 2", n)
	}
}

// TestExecOfQuery runs a SELECT through Exec, as database/sql users do
// with drivers such as pgx and mysql, which run it and discard the rows:
// it must succeed, and the connection must stay usable afterwards, every
// time (its cursor is released).
func TestExecOfQuery(t *testing.T) {
	name := table(t, logged, "execsel", "id INTEGER")
	db := open(t, logged)
	db.SetMaxOpenConns(1)
	mustExec(t, db, "INSERT INTO "+name+" VALUES (1)")
	for i := range 50 {
		if _, err := db.Exec("SELECT id FROM "+name+" WHERE id >= ?", i%2); err != nil {
			t.Fatalf("Exec of a SELECT (round %d): %v", i, err)
		}
		if _, err := db.Exec("SELECT id FROM " + name); err != nil {
			t.Fatalf("Exec of a SELECT without arguments (round %d): %v", i, err)
		}
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM "+name); n != 1 {
		t.Errorf("count after the Execs: %d, want 1", n)
	}
}

// TestPreparedStatements reuses prepared statements many times, on the
// *sql.DB and inside transactions (Tx.Stmt), and checks database/sql's
// count of the '?' markers.
func TestPreparedStatements(t *testing.T) {
	name := table(t, logged, "prep", "id INTEGER, label CHAR(8)")
	db := open(t, logged)
	ins, err := db.Prepare("INSERT INTO " + name + " VALUES (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	defer ins.Close()
	for i := range 200 {
		if _, err := ins.Exec(i, fmt.Sprint("l", i)); err != nil {
			t.Fatalf("insert %d: %v", i, err)
		}
	}
	if _, err := ins.Exec(1); err == nil || !strings.Contains(err.Error(), "expected 2 arguments, got 1") {
		t.Errorf("one argument for two markers: %v", err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Stmt(ins).Exec(1000, "in tx"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	sel, err := db.Prepare("SELECT COUNT(*), SUM(id) FROM " + name + " WHERE id < ?")
	if err != nil {
		t.Fatal(err)
	}
	defer sel.Close()
	// Ids 0…199 and 1000: below n there are n ids summing to n(n−1)/2.
	for _, n := range []int64{0, 1, 10, 200} {
		var c int64
		var s sql.NullInt64
		if err := sel.QueryRow(n).Scan(&c, &s); err != nil {
			t.Fatal(err)
		}
		if c != n || s.Int64 != n*(n-1)/2 {
			t.Errorf("ids below %d: count %d sum %d; want %d and %d", n, c, s.Int64, n, n*(n-1)/2)
		}
	}
}

// TestLastInsertID checks the serial values of INSERTs into SERIAL,
// SERIAL8 and BIGSERIAL columns, after generated and explicit values (the
// next generated value follows the largest: conformance dml_counts
// scenario), and the error for a statement that generated none.
func TestLastInsertID(t *testing.T) {
	for _, typ := range []string{"SERIAL", "SERIAL8", "BIGSERIAL"} {
		t.Run(typ, func(t *testing.T) {
			name := table(t, logged, "serial", "id "+typ+", note VARCHAR(20)")
			db := open(t, logged)
			steps := []struct {
				query string
				args  []any
				want  int64
			}{
				{"INSERT INTO " + name + " (note) VALUES ('a')", nil, 1},
				{"INSERT INTO " + name + " (note) VALUES (?)", []any{"b"}, 2},
				{"INSERT INTO " + name + " (id, note) VALUES (100, 'explicit')", nil, 100},
				{"INSERT INTO " + name + " (note) VALUES (?)", []any{"after"}, 101},
			}
			for _, s := range steps {
				res := mustExec(t, db, s.query, s.args...)
				if id, err := res.LastInsertId(); err != nil || id != s.want {
					t.Errorf("%s: LastInsertId %d, %v; want %d", s.query, id, err, s.want)
				}
			}
			res := mustExec(t, db, "UPDATE "+name+" SET note = 'u'")
			if _, err := res.LastInsertId(); err == nil {
				t.Error("LastInsertId of an UPDATE succeeded")
			}
		})
	}
}

// heapInUse returns the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// bigQuery returns a query of n·10^k rows (k cross-joined copies of the
// digits table) of an INTEGER and a 200-byte CHAR, about 200 MB per
// million rows if anything kept them.
func bigQuery(digits string, k int) string {
	var from, n []string
	for i := range k {
		a := fmt.Sprintf("t%d", i)
		from = append(from, digits+" "+a)
		n = append(n, a+".d")
		if i > 0 {
			n[i] = "10 * (" + n[i-1] + ") + " + a + ".d"
		}
	}
	return "SELECT " + n[k-1] + ", '" + strings.Repeat("x", 200) + "' FROM " + strings.Join(from, ", ")
}

// TestStreamFlatMemory streams 100 000 rows of 204 bytes (20 MB in all)
// and requires the live heap after the last row to be within 8 MiB of the
// heap after the first 10 000: the driver holds one fetch buffer at a
// time, not the result (SQLI.md §7.2). BenchmarkStreamMillionRows runs
// the million-row variant.
func TestStreamFlatMemory(t *testing.T) {
	digits := digitsTable(t, logged)
	db := open(t, logged)
	rows, err := db.Query(bigQuery(digits, 5))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var early uint64
	var sum, n int64
	for ; rows.Next(); n++ {
		var v int64
		var pad string
		if err := rows.Scan(&v, &pad); err != nil {
			t.Fatal(err)
		}
		sum += v
		if n == 10000 {
			early = heapInUse()
		}
	}
	late := heapInUse()
	// 0 + 1 + … + 99 999 = 99 999 · 100 000 / 2.
	if err := rows.Err(); err != nil || n != 100000 || sum != 99999*100000/2 {
		t.Fatalf("%d rows summing to %d, %v; want 100000 rows summing to %d", n, sum, err, 99999*100000/2)
	}
	if late > early+8<<20 {
		t.Errorf("live heap grew from %d to %d bytes over 90 000 rows", early, late)
	}
	t.Logf("live heap after 10 000 rows %d, after 100 000 %d", early, late)
}

// BenchmarkStreamMillionRows streams a million rows of 204 bytes; the
// reported B/op is what each million rows allocated in all, and
// heap-growth-B the live heap's growth over the stream.
func BenchmarkStreamMillionRows(b *testing.B) {
	digits := digitsTable(b, logged)
	db := open(b, logged, "fetch_buffer_size=32768")
	query := bigQuery(digits, 6)
	b.ReportAllocs()
	for b.Loop() {
		before := heapInUse()
		rows, err := db.Query(query)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for ; rows.Next(); n++ {
			var v int64
			var pad string
			if err := rows.Scan(&v, &pad); err != nil {
				b.Fatal(err)
			}
		}
		if err := rows.Err(); err != nil || n != 1000000 {
			b.Fatalf("%d rows, %v", n, err)
		}
		rows.Close()
		b.ReportMetric(float64(heapInUse())-float64(before), "heap-growth-B")
	}
}

// TestDDL creates, indexes and drops a table and checks the catalog and
// the errors of a duplicate and a missing table.
func TestDDL(t *testing.T) {
	db := open(t, logged)
	name := fmt.Sprintf("e2e_ddl_%d_%d", runID, tableSeq.Add(1))
	mustExec(t, db, "CREATE TABLE "+name+" (id INTEGER NOT NULL, v VARCHAR(10))")
	mustExec(t, db, "CREATE UNIQUE INDEX "+name+"_ix ON "+name+" (id)")
	if n := queryInt(t, db, "SELECT COUNT(*) FROM systables WHERE tabname = ?", name); n != 1 {
		t.Errorf("systables rows for the new table: %d, want 1", n)
	}
	// Two columns: colno 1 and 2.
	if n := queryInt(t, db, "SELECT COUNT(*) FROM syscolumns c, systables t WHERE c.tabid = t.tabid AND t.tabname = ?", name); n != 2 {
		t.Errorf("syscolumns rows: %d, want 2", n)
	}
	var ie *informix.Error
	if _, err := db.Exec("CREATE TABLE " + name + " (id INTEGER)"); !errors.As(err, &ie) || ie.SQLCode != -310 {
		t.Errorf("CREATE of an existing table: %v; want SQLCODE -310", err)
	}
	mustExec(t, db, "DROP INDEX "+name+"_ix")
	mustExec(t, db, "DROP TABLE "+name)
	if n := queryInt(t, db, "SELECT COUNT(*) FROM systables WHERE tabname = ?", name); n != 0 {
		t.Errorf("systables rows after DROP TABLE: %d, want 0", n)
	}
	if _, err := db.Exec("DROP TABLE " + name); !errors.Is(err, informix.ErrNoSuchTable) {
		t.Errorf("DROP of a dropped table: %v; want ErrNoSuchTable", err)
	}
}

// TestExecuteProcedure calls a procedure with and without arguments,
// through Exec and through Query (which gives no rows), and as a prepared
// statement.
func TestExecuteProcedure(t *testing.T) {
	db := open(t, logged)
	mustExec(t, db, "EXECUTE PROCEDURE ifxtest_sleep(0)")
	mustExec(t, db, "EXECUTE PROCEDURE ifxtest_sleep(?)", 0)
	rows, err := db.QueryContext(context.Background(), "EXECUTE PROCEDURE ifxtest_sleep(?)", 0)
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := rows.Columns()
	if rows.Next() || len(cols) != 0 {
		t.Errorf("a procedure gave %d columns and a row", len(cols))
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := db.Prepare("EXECUTE PROCEDURE ifxtest_sleep(?)")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for range 3 {
		if _, err := st.Exec(0); err != nil {
			t.Fatal(err)
		}
	}
}
