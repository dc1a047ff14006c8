package ifxconn

import (
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// The benchmarks of this package run against a replay server rather than
// ifxtest: a fake server (fakeserver_test.go) that answers from bytes
// encoded once, so that its own cost per row is one write per fetch batch
// and nothing per row. ifxtest runs every statement through its SQL engine,
// whose time and allocations (counted by the benchmark too, as the server
// runs in the same process) would swamp the client's; the replay server
// isolates the client.

// replayRows is the number of rows of a replayed result unless the
// benchmark asks for another.
const replayRows = 100000

// benchColumns are the columns of the project's reference fetch, the
// bench_rows table: (INTEGER, VARCHAR(32), DECIMAL(12,2), DATETIME YEAR TO
// SECOND, FLOAT).
func benchColumns(tb testing.TB) []sqli.DescribeColumn {
	tb.Helper()
	q, err := ifxtype.DateTimeQualifier(ifxtype.UnitYear, ifxtype.UnitSecond)
	if err != nil {
		tb.Fatal(err)
	}
	return []sqli.DescribeColumn{
		{Name: "id", Type: sqli.TypeInteger, Length: 4},
		{Name: "name", Start: 4, Type: sqli.TypeVarChar, Length: 32},
		{Name: "amount", Start: 37, Type: sqli.TypeDecimal, Length: 12<<8 | 2},
		{Name: "created", Start: 44, Type: sqli.TypeDateTime, Length: int32(q)},
		{Name: "score", Start: 52, Type: sqli.TypeFloat, Length: 8},
	}
}

// benchRowValues returns row i of the replayed bench_rows result.
func benchRowValues(tb testing.TB, i int, q ifxtype.Qualifier) []any {
	tb.Helper()
	amount := ifxtype.NewDecimal(int64(100000+i*37), -2)
	created, err := ifxtype.NewDateTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Minute), q)
	if err != nil {
		tb.Fatal(err)
	}
	return []any{int64(1000 + i), "customer " + strings.Repeat("x", i%16), amount, created, float64(i) / 8}
}

// replay is what a replay server answers: any SQ_PREPARE or SQ_COMMAND
// with the SQ_DESCRIBE of its statement (a SELECT gets bench_rows, an
// INSERT five parameters), every SQ_NFETCH with the next rows of a
// result of rows rows, and every SQ_EXECUTE with one row done.
type replay struct {
	rows         int    // rows of every result
	selectAnswer []byte // SQ_DESCRIBE SQ_DONE SQ_COST of the SELECT
	insertAnswer []byte // the same for the INSERT
	otherAnswer  []byte // the same for any other statement
	execAnswer   []byte // SQ_DONE (one row) SQ_COST
	doneAnswer   []byte // SQ_DONE ending a result
	tuples       []byte // the first rows' SQ_TUPLEs, back to back
	ends         []int  // ends[i]: the end of tuple i in tuples
}

// newReplay encodes the answers with the features the fake server grants.
func newReplay(tb testing.TB, rows int) *replay {
	tb.Helper()
	f := sqli.FeaturesOf(serverFeatures)
	enc := func(msgs ...sqli.ServerMessage) []byte {
		var out []byte
		for _, m := range msgs {
			b, err := sqli.Encode(m, f)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, b...)
		}
		return out
	}
	desc := benchColumns(tb)
	rp := &replay{
		rows:         rows,
		selectAnswer: enc(&sqli.Describe{StatementType: sqli.StmtSelect, TupleSize: 60, Columns: desc}, &sqli.Done{}, &sqli.Cost{}),
		insertAnswer: enc(&sqli.Describe{StatementType: sqli.StmtInsert, StatementID: 1}, &sqli.Done{}, &sqli.Cost{}),
		otherAnswer:  enc(&sqli.Describe{StatementType: sqli.StmtCreateTable, StatementID: 2}, &sqli.Done{}, &sqli.Cost{}),
		execAnswer:   enc(&sqli.Done{Rows: 1}, &sqli.Cost{}),
		doneAnswer:   enc(&sqli.Done{Rows: int64(rows)}),
	}
	rp.encodeRows(tb, desc, enc)
	return rp
}

// encodeRows encodes as many rows as the largest fetch buffer of the
// benchmarks holds.
func (rp *replay) encodeRows(tb testing.TB, desc []sqli.DescribeColumn, enc func(...sqli.ServerMessage) []byte) {
	tb.Helper()
	cols := make([]ifxtype.Column, len(desc))
	for i, d := range desc {
		cols[i] = ifxtype.Column{Name: d.Name, Start: d.Start, Type: ifxtype.Type{Code: d.Type, Length: d.Length}}
	}
	l, err := ifxtype.NewRowLayout(cols)
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; len(rp.tuples) < 1<<20; i++ {
		data, err := l.AppendRow(nil, benchRowValues(tb, i, cols[3].Type.Qualifier()), ifxtype.Latin1)
		if err != nil {
			tb.Fatal(err)
		}
		rp.tuples = append(rp.tuples, enc(&sqli.Tuple{Data: data})...)
		rp.ends = append(rp.ends, len(rp.tuples))
	}
}

// serve answers fc's requests until the client leaves.
func (rp *replay) serve(fc *fakeConn) {
	if !fc.handshake() {
		return
	}
	remaining := 0
	for {
		m, err := fc.dec.Next()
		if err != nil {
			return
		}
		switch m := m.(type) {
		case *sqli.Prepare:
			fc.w.SendRaw(rp.describe(m.SQL))
		case *sqli.Command:
			fc.w.SendRaw(rp.describe(m.SQL))
		case *sqli.Open:
			remaining = rp.rows
		case *sqli.NFetch:
			remaining = rp.fetch(fc, remaining, int(m.BufferSize))
		case *sqli.Execute:
			fc.w.SendRaw(rp.execAnswer)
		case *sqli.Exit:
			fc.send(&sqli.Exit{})
			return
		case *sqli.EOT:
			fc.send(&sqli.EOT{})
		}
	}
}

// describe returns the answer to the preparation of sql.
func (rp *replay) describe(sql string) []byte {
	switch {
	case strings.HasPrefix(sql, "SELECT"):
		return rp.selectAnswer
	case strings.HasPrefix(sql, "INSERT"):
		return rp.insertAnswer
	}
	return rp.otherAnswer
}

// fetch queues the rows of one fetch answer, as many whole rows as fit in
// size bytes, and SQ_DONE once the result is sent; it returns the rows
// left.
func (rp *replay) fetch(fc *fakeConn, remaining, size int) int {
	n := 0
	for n < len(rp.ends) && n < remaining && rp.ends[n] <= size {
		n++
	}
	n = max(n, min(1, remaining))
	if n > 0 {
		fc.w.SendRaw(rp.tuples[:rp.ends[n-1]])
	}
	if remaining -= n; remaining == 0 {
		fc.w.SendRaw(rp.doneAnswer)
	}
	return remaining
}

// startReplay starts a replay server whose results have rows rows and
// connects to it.
func startReplay(tb testing.TB, fetchBuffer, rows int) *Conn {
	tb.Helper()
	rp := newReplay(tb, rows)
	fs := startFake(tb, rp.serve)
	cfg := fs.config()
	cfg.FetchBufferSize = fetchBuffer
	c, err := Connect(tb.Context(), cfg)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { c.Close() })
	return c
}
