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

// replayRows is the number of rows of bench_rows.
const replayRows = 100_000

// openReplay opens a *sql.DB of one connection on an ifxtest server in
// replay mode, serving bench_rows, bench_one and bench_ins from rows
// encoded once
// (ifxtest.BenchTables), so that the server costs one copy per fetch
// answer and nothing per row; options are appended to the DSN.
func openReplay(tb testing.TB, options string) *sql.DB {
	tb.Helper()
	var tables []ifxtest.ReplayTable
	for _, rt := range ifxtest.BenchTables() {
		if rt.Name == ifxtest.BenchRows || rt.Name == ifxtest.BenchOne || rt.Name == ifxtest.BenchIns {
			tables = append(tables, rt)
		}
	}
	srv, err := ifxtest.Start(ifxtest.Config{Replay: tables})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { srv.Close() })
	db, err := sql.Open(DriverName, srv.DSN(ifxtest.DefaultDatabase)+options)
	if err != nil {
		tb.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	tb.Cleanup(func() { db.Close() })
	return db
}

// reportPerRow adds ns/row and allocs/row to a benchmark that handles rows
// rows per iteration; before is runtime.MemStats.Mallocs before the loop.
func reportPerRow(b *testing.B, rows int, before uint64) {
	b.Helper()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	n := float64(b.N) * float64(rows)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/row")
	b.ReportMetric(float64(m.Mallocs-before)/n, "allocs/row")
}

// mallocs returns runtime.MemStats.Mallocs.
func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

// benchRow holds one scanned bench_rows row.
type benchRow struct {
	id      int64
	id32    int32
	name    string
	amount  string
	created time.Time
	score   float64
	any     [5]any
}

// BenchmarkQuery100kRows reads the 100 000 rows of bench_rows (INTEGER,
// VARCHAR(32), DECIMAL(12,2), DATETIME YEAR TO SECOND, FLOAT) from a
// replay server through database/sql's Rows.Next and Scan: into typed
// variables (*int64, *string, *string, *time.Time, *float64), with the
// INTEGER into an *int32, and into *any, under a context that can be
// cancelled.
func BenchmarkQuery100kRows(b *testing.B) {
	for _, bc := range []struct {
		name string
		dest func(r *benchRow) []any
	}{
		{"scan=typed", func(r *benchRow) []any { return []any{&r.id, &r.name, &r.amount, &r.created, &r.score} }},
		{"scan=int32", func(r *benchRow) []any { return []any{&r.id32, &r.name, &r.amount, &r.created, &r.score} }},
		{"scan=any", func(r *benchRow) []any {
			return []any{&r.any[0], &r.any[1], &r.any[2], &r.any[3], &r.any[4]}
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			db := openReplay(b, "")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var row benchRow
			dest := bc.dest(&row)
			b.ReportAllocs()
			before := mallocs()
			for b.Loop() {
				queryAll(b, db, ctx, dest)
			}
			reportPerRow(b, replayRows, before)
		})
	}
}

// queryAll runs the replayed SELECT and scans every row into dest.
func queryAll(b *testing.B, db *sql.DB, ctx context.Context, dest []any) {
	rows, err := db.QueryContext(ctx, "SELECT * FROM bench_rows")
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for ; rows.Next(); n++ {
		if err := rows.Scan(dest...); err != nil {
			b.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil || n != replayRows {
		b.Fatalf("%d rows, %v", n, err)
	}
	rows.Close()
}

// BenchmarkExecInsertRow binds and executes one INSERT row of bench_rows
// through a prepared *sql.Stmt: one round trip per row.
func BenchmarkExecInsertRow(b *testing.B) {
	db := openReplay(b, "")
	ctx := context.Background()
	st, err := db.PrepareContext(ctx, "INSERT INTO bench_ins VALUES (?, ?, ?, ?, ?)")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	amount, err := ParseDecimal("1234.50")
	if err != nil {
		b.Fatal(err)
	}
	created := time.Date(2026, 5, 4, 12, 34, 56, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := st.ExecContext(ctx, int32(123456), "customer 123456", amount, created, 3.25); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatchInsert100kRows inserts 100 000 bench_rows rows with one
// Batch through database/sql, in a transaction as a bulk load runs.
func BenchmarkBatchInsert100kRows(b *testing.B) {
	db := openReplay(b, "")
	ctx := context.Background()
	rows := make(Batch, replayRows)
	for i := range rows {
		amount, err := ParseDecimal(strconv.Itoa(i) + ".25")
		if err != nil {
			b.Fatal(err)
		}
		rows[i] = []any{int32(i), "customer " + strconv.Itoa(i), amount, time.Date(2026, 5, 4, 12, 0, i%60, 0, time.UTC), float64(i) / 8}
	}
	b.ReportAllocs()
	before := mallocs()
	for b.Loop() {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO bench_ins VALUES (?, ?, ?, ?, ?)", rows)
		if err != nil {
			b.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n != replayRows {
			b.Fatalf("%d rows", n)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	reportPerRow(b, replayRows, before)
}
