package informix

import (
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// The benchmarks of this package run database/sql against a replay server:
// a minimal SQLI server that answers from bytes encoded once, so that its
// own cost per row is one write per fetch batch and nothing per row, and
// its allocations (counted by the benchmarks, since it runs in the same
// process) are none per row. ifxtest runs every statement through its SQL
// engine, whose cost would swamp the driver's.

// replayRows is the number of rows of every replayed result.
const replayRows = 100000

// replayFeatures are the features the replay server grants: those ifxtest
// grants IBM JDBC's offer (conformance/testdata/jdbc/connect.golden).
var replayFeatures = []byte{0xbd, 0xbc, 0x1f, 0xfc, 0x3c, 0x84, 0xa2, 0x83, 0x06}

// replayServer answers any SQ_PREPARE or SQ_COMMAND with the SQ_DESCRIBE of
// its statement (a SELECT gets bench_rows: INTEGER, VARCHAR(32),
// DECIMAL(12,2), DATETIME YEAR TO SECOND, FLOAT; an INSERT none), every
// SQ_NFETCH with the next rows of a replayRows-row result, and every
// SQ_EXECUTE with one row done.
type replayServer struct {
	ln           net.Listener
	wg           sync.WaitGroup
	selectAnswer []byte
	insertAnswer []byte
	otherAnswer  []byte
	execAnswer   []byte
	doneAnswer   []byte
	tuples       []byte // the first rows' SQ_TUPLEs, back to back
	ends         []int  // ends[i]: the end of tuple i in tuples
}

// startReplay starts a replay server and returns the DSN of its database.
func startReplay(tb testing.TB, options string) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	rs := &replayServer{ln: ln}
	rs.encode(tb)
	rs.wg.Add(1)
	go rs.accept()
	tb.Cleanup(func() {
		ln.Close()
		rs.wg.Wait()
	})
	return "informix://u:p@" + ln.Addr().String() + "/db?server=s&db_locale=en_US.819" + options
}

// encode prepares every answer.
func (rs *replayServer) encode(tb testing.TB) {
	tb.Helper()
	f := sqli.FeaturesOf(replayFeatures)
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
	q, err := ifxtype.DateTimeQualifier(ifxtype.UnitYear, ifxtype.UnitSecond)
	if err != nil {
		tb.Fatal(err)
	}
	desc := []sqli.DescribeColumn{
		{Name: "id", Type: sqli.TypeInteger, Length: 4},
		{Name: "name", Start: 4, Type: sqli.TypeVarChar, Length: 32},
		{Name: "amount", Start: 37, Type: sqli.TypeDecimal, Length: 12<<8 | 2},
		{Name: "created", Start: 44, Type: sqli.TypeDateTime, Length: int32(q)},
		{Name: "score", Start: 52, Type: sqli.TypeFloat, Length: 8},
	}
	rs.selectAnswer = enc(&sqli.Describe{StatementType: sqli.StmtSelect, TupleSize: 60, Columns: desc}, &sqli.Done{}, &sqli.Cost{})
	rs.insertAnswer = enc(&sqli.Describe{StatementType: sqli.StmtInsert, StatementID: 1}, &sqli.Done{}, &sqli.Cost{})
	rs.otherAnswer = enc(&sqli.Describe{StatementType: sqli.StmtCreateTable, StatementID: 2}, &sqli.Done{}, &sqli.Cost{})
	rs.execAnswer = enc(&sqli.Done{Rows: 1}, &sqli.Cost{})
	rs.doneAnswer = enc(&sqli.Done{Rows: replayRows})
	cols := make([]ifxtype.Column, len(desc))
	for i, d := range desc {
		cols[i] = ifxtype.Column{Name: d.Name, Start: d.Start, Type: ifxtype.Type{Code: d.Type, Length: d.Length}}
	}
	l, err := ifxtype.NewRowLayout(cols)
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; len(rs.tuples) < 1<<20; i++ {
		created, err := ifxtype.NewDateTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Minute), q)
		if err != nil {
			tb.Fatal(err)
		}
		vals := []any{int64(1000 + i), "customer " + strings.Repeat("x", i%16), ifxtype.NewDecimal(int64(100000+i*37), -2), created, float64(i) / 8}
		data, err := l.AppendRow(nil, vals, ifxtype.Latin1)
		if err != nil {
			tb.Fatal(err)
		}
		rs.tuples = append(rs.tuples, enc(&sqli.Tuple{Data: data})...)
		rs.ends = append(rs.ends, len(rs.tuples))
	}
}

// accept serves every connection until the listener closes.
func (rs *replayServer) accept() {
	defer rs.wg.Done()
	for {
		nc, err := rs.ln.Accept()
		if err != nil {
			return
		}
		rs.wg.Add(1)
		go func() {
			defer rs.wg.Done()
			defer nc.Close()
			rs.serve(nc)
		}()
	}
}

// serve answers the login, then every request group, until the client
// leaves.
func (rs *replayServer) serve(nc net.Conn) {
	r, w := sqli.NewReader(nc), sqli.NewWriter(nc)
	var req sqli.LoginRequest
	if req.Decode(r) != nil {
		return
	}
	resp := &sqli.LoginResponse{SLType: sqli.SLAccept, SLProtocol: sqli.SLProtocolSQLI, ProtocolID: 61,
		FloatFormat: "IEEEI", Product: "srvinfx", Version: "replay", Result: sqli.ASCEOT}
	resp.Encode(w.Encoder())
	if w.Flush() != nil {
		return
	}
	dec := sqli.NewClientDecoder(r)
	remaining := 0
	for {
		m, err := dec.Next()
		if err != nil {
			return
		}
		switch m := m.(type) {
		case *sqli.Protocols:
			w.Send(&sqli.Protocols{Bitmap: replayFeatures})
			r.Features = sqli.FeaturesOf(replayFeatures)
			w.SetFeatures(r.Features)
		case *sqli.DBOpen:
			w.Send(&sqli.Done{Warnings: sqli.DoneLogged})
		case *sqli.Prepare:
			w.SendRaw(rs.describe(m.SQL))
		case *sqli.Command:
			w.SendRaw(rs.describe(m.SQL))
		case *sqli.Open:
			remaining = replayRows
		case *sqli.NFetch:
			remaining = rs.fetch(w, remaining, int(m.BufferSize))
		case *sqli.Execute:
			w.SendRaw(rs.execAnswer)
		case *sqli.Exit:
			w.Send(&sqli.Exit{})
			w.Flush()
			return
		case *sqli.EOT:
			w.Send(&sqli.EOT{})
			if w.Flush() != nil {
				return
			}
		}
	}
}

// describe returns the answer to the preparation of sql.
func (rs *replayServer) describe(sql string) []byte {
	switch {
	case strings.HasPrefix(sql, "SELECT"):
		return rs.selectAnswer
	case strings.HasPrefix(sql, "INSERT"):
		return rs.insertAnswer
	}
	return rs.otherAnswer
}

// fetch queues as many whole rows as fit in size bytes, and SQ_DONE once
// the result is sent; it returns the rows left.
func (rs *replayServer) fetch(w *sqli.Writer, remaining, size int) int {
	n := 0
	for n < len(rs.ends) && n < remaining && rs.ends[n] <= size {
		n++
	}
	n = max(n, min(1, remaining))
	if n > 0 {
		w.SendRaw(rs.tuples[:rs.ends[n-1]])
	}
	if remaining -= n; remaining == 0 {
		w.SendRaw(rs.doneAnswer)
	}
	return remaining
}
