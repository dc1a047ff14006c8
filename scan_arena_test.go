package informix

import (
	"context"
	"database/sql"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtest"
)

// TestScanAnyAfterGC scans 3000 rows into *any destinations, whose values
// the driver boxes in slabs it shares between values (ifxtype.Arena),
// keeps every value, collects the garbage while allocating memory that
// would reuse a slab freed by mistake, and requires every value intact.
func TestScanAnyAfterGC(t *testing.T) {
	db := openDB(t, "testdb")
	if _, err := db.Exec("CREATE TABLE arena_t (id INTEGER, name VARCHAR(32), amount DECIMAL(12,2), created DATETIME YEAR TO SECOND, score FLOAT)"); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
	const n = 3000
	rows := make(Batch, n)
	for i := range rows {
		rows[i] = []any{int32(i), "name " + strconv.Itoa(i), strconv.Itoa(i) + ".25", base.Add(time.Duration(i) * time.Minute), float64(i) / 8}
	}
	if _, err := db.Exec("INSERT INTO arena_t VALUES (?, ?, ?, ?, ?)", rows); err != nil {
		t.Fatal(err)
	}
	kept := scanAllAny(t, db.QueryContext)
	var junk [][]byte
	for range 3 {
		runtime.GC()
		for range 2000 {
			junk = append(junk, make([]byte, 4096))
		}
		junk = junk[:0]
	}
	if len(kept) != n {
		t.Fatalf("%d rows, want %d", len(kept), n)
	}
	for i, got := range kept {
		want := [5]any{int64(i), "name " + strconv.Itoa(i), strconv.Itoa(i) + ".25", base.Add(time.Duration(i) * time.Minute), float64(i) / 8}
		if got != want {
			t.Fatalf("row %d after GC: %#v, want %#v", i, got, want)
		}
	}
}

// scanAllAny reads arena_t in order of id into *any destinations and
// returns every row's values.
func scanAllAny(t *testing.T, query func(context.Context, string, ...any) (*sql.Rows, error)) [][5]any {
	t.Helper()
	rs, err := query(context.Background(), "SELECT id, name, amount, created, score FROM arena_t ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	var out [][5]any
	for rs.Next() {
		var v [5]any
		if err := rs.Scan(&v[0], &v[1], &v[2], &v[3], &v[4]); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestScanTypedAllocs: scanning rows of (INTEGER, VARCHAR, DECIMAL,
// DATETIME YEAR TO SECOND, FLOAT) into *int64, *string, *string,
// *time.Time and *float64 through database/sql allocates nothing per
// value: 20 000 rows from ifxtest's replay mode cost under a quarter of an
// allocation per row in all (the shared slabs and the fetch requests).
func TestScanTypedAllocs(t *testing.T) {
	db := openReplay(t, "")
	rs, err := db.Query("SELECT * FROM bench_rows")
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	var r benchRow
	scan := func(rows int) {
		for range rows {
			if !rs.Next() {
				t.Fatalf("result ended early: %v", rs.Err())
			}
			if err := rs.Scan(&r.id, &r.name, &r.amount, &r.created, &r.score); err != nil {
				t.Fatal(err)
			}
		}
	}
	scan(1000)
	const rows = 20000
	before := mallocs()
	scan(rows)
	perRow := float64(mallocs()-before) / rows
	if perRow > 0.25 {
		t.Errorf("%.3f allocations per row, want under 0.25", perRow)
	}
	// The 21 000th row is bench_rows row 20 999 (ifxtest.BenchRow).
	if want := ifxtest.BenchRow(20999); r.id != want[0] || r.name != want[1] {
		t.Errorf("last row scanned: id %d, name %q; want %v, %q", r.id, r.name, want[0], want[1])
	}
}
