package ifxconn

import (
	"context"
	"io"
	"runtime"
	"strconv"
	"testing"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// reportPerRow adds ns/row and allocs/row to a benchmark that handles rows
// rows per iteration; mallocs is runtime.MemStats.Mallocs before the loop.
func reportPerRow(b *testing.B, rows int, mallocs uint64) {
	b.Helper()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	n := float64(b.N) * float64(rows)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/row")
	b.ReportMetric(float64(m.Mallocs-mallocs)/n, "allocs/row")
}

// mallocs returns runtime.MemStats.Mallocs.
func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

// BenchmarkFetch100kRows reads the 100 000 rows of bench_rows through
// Rows.Next from a replay server, with fetch buffers of JDBC's 4096 bytes,
// 32767 (JDBC's cap for servers without large fetch buffers, SQLI.md
// §6.10) and 256 KiB, and with a context that can be cancelled, which
// Next watches.
func BenchmarkFetch100kRows(b *testing.B) {
	for _, bc := range []struct {
		name   string
		buffer int
		cancel bool
	}{
		{"buf=4096", 4096, false},
		{"buf=32767", 32767, false},
		{"buf=262144", 256 << 10, false},
		{"buf=4096/ctx=cancel", 4096, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := startReplay(b, bc.buffer, replayRows)
			ctx := context.Background()
			if bc.cancel {
				var cancel context.CancelFunc
				ctx, cancel = context.WithCancel(ctx)
				defer cancel()
			}
			dest := make([]any, 5)
			b.ReportAllocs()
			before := mallocs()
			for b.Loop() {
				fetchAll(b, c, ctx, dest, replayRows, -1, nil)
			}
			reportPerRow(b, replayRows, before)
		})
	}
}

// fetchAll runs the replayed SELECT and reads every row into dest; at
// row mark (when positive) it calls atMark.
func fetchAll(b *testing.B, c *Conn, ctx context.Context, dest []any, want, mark int, atMark func()) {
	rows, err := c.Query(ctx, "SELECT * FROM bench_rows", nil)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for ; ; n++ {
		if n == mark {
			atMark()
		}
		if err := rows.Next(dest); err != nil {
			if err != io.EOF {
				b.Fatal(err)
			}
			break
		}
	}
	if err := rows.Close(); err != nil || n != want {
		b.Fatalf("%d rows, %v", n, err)
	}
}

// BenchmarkStream10MRows streams 10 million bench_rows rows (256 KiB fetch
// buffers) and reports heap-growth-B, the live heap after the last row
// less the live heap after the first million: it stays flat, as the
// driver holds one fetch buffer and the current slabs, not the result.
func BenchmarkStream10MRows(b *testing.B) {
	const rows = 10_000_000
	c := startReplay(b, 256<<10, rows)
	dest := make([]any, 5)
	b.ReportAllocs()
	for b.Loop() {
		var early uint64
		fetchAll(b, c, context.Background(), dest, rows, rows/10, func() { early = heapInUse() })
		b.ReportMetric(float64(heapInUse())-float64(early), "heap-growth-B")
	}
}

// benchInsertParams returns the parameters of one INSERT row of
// bench_rows.
func benchInsertParams(i int) []Param {
	return []Param{
		{Type: sqli.TypeInteger, Value: int64(i)},
		{Type: sqli.TypeChar, Value: "customer " + strconv.Itoa(i)},
		{Type: sqli.TypeDecimal, Value: ifxtype.NewDecimal(int64(i)*37, -2)},
		{Type: sqli.TypeDateTime, Value: ifxtype.DateTime{Year: 2026, Month: 5, Day: 4, Hour: 12, Minute: 34, Second: 56,
			Qualifier: ifxtype.Qualifier(0x0e0a)}}, // YEAR TO SECOND: 14 digits, units 0 to 10

		{Type: sqli.TypeFloat, Value: float64(i) / 8},
	}
}

// BenchmarkExecInsertRow binds and executes one INSERT row of bench_rows
// with a prepared statement: one round trip per row.
func BenchmarkExecInsertRow(b *testing.B) {
	c := startReplay(b, 0, replayRows)
	ctx := context.Background()
	s, err := c.Prepare(ctx, "INSERT INTO bench_rows VALUES (?, ?, ?, ?, ?)")
	if err != nil {
		b.Fatal(err)
	}
	args := benchInsertParams(123456)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Exec(ctx, args); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDescribe1000Columns decodes the SQ_DESCRIBE of a 1 000-column
// result and sets up its columns and row layout as Prepare does.
func BenchmarkDescribe1000Columns(b *testing.B) {
	f := sqli.FeaturesOf(serverFeatures)
	desc := &sqli.Describe{StatementType: sqli.StmtSelect}
	for i := range 1000 {
		col := benchColumns(b)[i%5]
		col.Name = "column_" + strconv.Itoa(i)
		desc.Columns = append(desc.Columns, col)
	}
	wire, err := sqli.Encode(desc, f)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(wire)))
	b.ReportAllocs()
	for b.Loop() {
		r := sqli.NewBytesReader(wire)
		r.Features = f
		var d sqli.Describe
		if _, err := r.ReadTag(); err != nil {
			b.Fatal(err)
		}
		if err := d.Decode(r); err != nil {
			b.Fatal(err)
		}
		s := &Stmt{sql: "SELECT", typ: d.StatementType}
		if err := s.setColumns(d.Columns); err != nil {
			b.Fatal(err)
		}
		if retType(s) == nil {
			b.Fatal("no SQ_RET_TYPE for a result with VARCHAR columns")
		}
	}
}

// BenchmarkExecBatch100kRows inserts 100 000 bench_rows rows with one
// ExecBatch: 100 groups of 1000 rows.
func BenchmarkExecBatch100kRows(b *testing.B) {
	c := startReplay(b, 0, replayRows)
	ctx := context.Background()
	s, err := c.Prepare(ctx, "INSERT INTO bench_rows VALUES (?, ?, ?, ?, ?)")
	if err != nil {
		b.Fatal(err)
	}
	rows := make(ParamRows, replayRows)
	for i := range rows {
		rows[i] = benchInsertParams(i)
	}
	b.ReportAllocs()
	before := mallocs()
	for b.Loop() {
		res, err := s.ExecBatch(ctx, rows)
		if err != nil || res.RowsAffected != replayRows {
			b.Fatalf("%+v, %v", res, err)
		}
	}
	reportPerRow(b, replayRows, before)
}
