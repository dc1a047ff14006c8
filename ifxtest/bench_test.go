package ifxtest

import (
	"fmt"
	"io"
	"math"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// TestBenchRow checks rows of bench_rows against values worked out by
// hand from BenchRow's documented formulas.
func TestBenchRow(t *testing.T) {
	ts := func(y, mo, d, h, mi, s int) ifxtype.DateTime {
		return ifxtype.DateTime{Year: y, Month: mo, Day: d, Hour: h, Minute: mi, Second: s, Qualifier: 0x0E0A}
	}
	tests := []struct {
		i    int
		want []any
	}{
		// name: 8 characters from 0; amount: r = 0 − 10^10, divided by
		// 10^0, in hundredths; ratio: (0 − 10005) / 7.
		{0, []any{int64(1), "abcdefgh", "-100000000.00", ts(2020, 1, 1, 0, 0, 0), -10005.0 / 7}},
		// name: 8 + 7 = 15 characters from 1; r = 2654435761 − 10^10 =
		// −7345564239, / 10 truncated = −734556423; ts: 3607 s = 1 h 0
		// min 7 s; ratio: (7919 − 10005) / 7 = −298.
		{1, []any{int64(2), "bcdefghijklmnop", "-7345564.23", ts(2020, 1, 1, 1, 0, 7), -298.0}},
		// name: 8 + (699993 mod 25 = 18) = 26 characters from 99999 mod
		// 32 = 31 ("F"); 2654435761·99999 = 265440921664239 = 13272 ·
		// 20000000001 + 921650967, so r = 921650967 − 10^10 =
		// −9078349033, and 99999 mod 8 = 7: / 10^7 truncated = −907;
		// ts: 99999·3607 s = 360696393 s = 4174 days + 62793 s
		// (17:26:33), and 2020-01-01 + 4174 days = 2031-06-06 (4018 days
		// to 2031-01-01, then 156 days: Jan–May are 151); ratio:
		// 7919·99999 = 791892081 = 39572·20011 + 16789, (16789 − 10005)
		// / 7 = 6784 / 7.
		{99999, []any{int64(100000), "FGHIJKLMNOPQRSTUVWXYZ01234", "-9.07", ts(2031, 6, 6, 17, 26, 33), 6784.0 / 7}},
	}
	for _, tt := range tests {
		got := BenchRow(tt.i)
		want := append([]any(nil), tt.want...)
		want[2] = mustDecimal(t, tt.want[2].(string))
		for j := range want {
			if !sameValue(got[j], want[j]) {
				t.Errorf("row %d column %d: %#v, want %#v", tt.i, j+1, got[j], want[j])
			}
		}
	}
}

func mustDecimal(t *testing.T, s string) ifxtype.Decimal {
	t.Helper()
	d, err := ifxtype.ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestBenchRowsVaried checks the promises of BenchTables about bench_rows
// over all its rows: ids 1…100 000, names of every length 8 to 32,
// amounts of both signs, timestamps all different (increasing).
func TestBenchRowsVaried(t *testing.T) {
	lengths := map[int]bool{}
	var neg, pos int
	var prev ifxtype.DateTime
	for i := range 100_000 {
		row := BenchRow(i)
		if row[0] != int64(i+1) {
			t.Fatalf("row %d: id %v", i, row[0])
		}
		lengths[len(row[1].(string))] = true
		switch row[2].(ifxtype.Decimal).Sign() {
		case -1:
			neg++
		case 1:
			pos++
		}
		ts := row[3].(ifxtype.DateTime)
		if i > 0 && !ts.Time(time.UTC).After(prev.Time(time.UTC)) {
			t.Fatalf("row %d: ts %v not after %v", i, ts, prev)
		}
		prev = ts
	}
	for n := 8; n <= 32; n++ {
		if !lengths[n] {
			t.Errorf("no name of length %d", n)
		}
	}
	if len(lengths) != 25 || neg == 0 || pos == 0 {
		t.Errorf("%d name lengths, %d negative and %d positive amounts", len(lengths), neg, pos)
	}
}

// TestBenchOtherTables checks bench_wide, bench_one and bench_lob against
// their documented contents.
func TestBenchOtherTables(t *testing.T) {
	wide := benchTable(t, BenchWide, -1)
	// Row 0: c1 = 1, negated (0 + 1 odd); c100 = 100. Row 999: c1 =
	// 99901 (999 + 1 even); c100 = 100000, negated (999 + 100 odd).
	for _, tc := range []struct{ i, c1, c100 int64 }{{0, -1, 100}, {999, 99901, -100000}} {
		row := wide.Row(int(tc.i))
		if len(row) != 100 || row[0] != tc.c1 || row[99] != tc.c100 {
			t.Errorf("bench_wide row %d: c1 %v, c100 %v, want %d, %d", tc.i, row[0], row[99], tc.c1, tc.c100)
		}
	}
	if len(wide.Columns) != 100 || wide.Columns[99].Name != "c100" || wide.Rows != 1000 {
		t.Errorf("bench_wide: %d columns, last %s, %d rows", len(wide.Columns), wide.Columns[99].Name, wide.Rows)
	}
	if one := benchTable(t, BenchOne, -1); one.Rows != 1 || one.Row(0)[0] != int64(1) {
		t.Errorf("bench_one: %d rows, value %v", one.Rows, one.Row(0))
	}
	lob := benchTable(t, BenchLOB, -1)
	// The paragraph is 179 characters: row 5 starts at "mix stores", row
	// 184 (5 + 179) the same.
	for _, tc := range []struct {
		i      int
		prefix string
	}{{0, "Informix stores this text"}, {5, "mix stores this"}, {184, "mix stores this"}} {
		row := lob.Row(tc.i)
		doc := row[1].(string)
		if row[0] != int64(tc.i+1) || len(doc) != 4096 || !strings.HasPrefix(doc, tc.prefix) {
			t.Errorf("bench_lob row %d: id %v, %d bytes starting %.20q", tc.i, row[0], len(doc), doc)
		}
	}
	if ins := benchTable(t, BenchIns, -1); ins.Rows != 0 || ins.Row == nil {
		t.Errorf("bench_ins: %d rows, Row set %v", ins.Rows, ins.Row != nil)
	}
}

// countConn counts the bytes read from a connection.
type countConn struct {
	net.Conn
	n int
}

func (c *countConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.n += n
	return n, err
}

// benchStep is one request of a benchmark and the size of its answer.
type benchStep struct {
	req    []byte
	answer int
}

// benchClient is a client that sets up with package sqli and then plays
// pre-encoded requests, reading each answer as bytes without decoding.
type benchClient struct {
	tb  testing.TB
	nc  *countConn
	dec *sqli.ServerDecoder
	w   *sqli.Writer
	f   sqli.Features
}

// dialBench logs in to srv with JDBC's features and opens testdb.
func dialBench(tb testing.TB, srv *Server) *benchClient {
	tb.Helper()
	nc, err := net.Dial("tcp", srv.Addr())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { nc.Close() })
	cc := &countConn{Conn: nc}
	r := sqli.NewReader(cc)
	c := &benchClient{tb: tb, nc: cc, dec: sqli.NewServerDecoder(r), w: sqli.NewWriter(cc)}
	sqli.NewLoginRequest(DefaultUser, DefaultPassword, DefaultServerName).Encode(c.w.Encoder())
	if err := c.w.Flush(); err != nil {
		tb.Fatal(err)
	}
	var resp sqli.LoginResponse
	if err := resp.Decode(r); err != nil || resp.Err() != nil {
		tb.Fatalf("login: %v, %v", err, resp.Err())
	}
	ans, _ := c.group(&sqli.Protocols{Bitmap: sqli.JDBCFeatureOffer()})
	c.f = ans[0].(*sqli.Protocols).Features()
	r.Features = c.f
	c.w.SetFeatures(c.f)
	c.group(&sqli.DBOpen{Database: DefaultDatabase})
	return c
}

// group sends msgs and SQ_EOT, decodes the answer to its SQ_EOT and
// returns its messages (valid until the next read) and its size in bytes.
func (c *benchClient) group(msgs ...sqli.Message) ([]sqli.ServerMessage, benchStep) {
	c.tb.Helper()
	var req []byte
	for _, m := range append(msgs, &sqli.EOT{}) {
		b, err := sqli.Encode(m, c.f)
		if err != nil {
			c.tb.Fatal(err)
		}
		req = append(req, b...)
	}
	if _, err := c.nc.Write(req); err != nil {
		c.tb.Fatal(err)
	}
	before := c.nc.n
	var out []sqli.ServerMessage
	for {
		m, err := c.dec.Next()
		if err != nil {
			c.tb.Fatalf("answer: %v", err)
		}
		switch m := m.(type) {
		case *sqli.EOT:
			return out, benchStep{req: req, answer: c.nc.n - before}
		case *sqli.ErrorResponse:
			c.tb.Fatalf("SQ_ERR %d", m.SQLCode)
		}
		out = append(out, m)
	}
}

// fetchPlan runs "select * from table" once with decoding and returns
// the requests of one full read (open, each fetch, close) with the sizes
// of their answers, and the row count.
func (c *benchClient) fetchPlan(table string, buf int32) ([]benchStep, int64) {
	c.tb.Helper()
	ans, _ := c.group(&sqli.Prepare{SQL: "select * from " + table}, &sqli.NDescribe{}, &sqli.WantDone{})
	id := ans[0].(*sqli.Describe).StatementID
	_, open := c.group(&sqli.ID{StatementID: id}, &sqli.CurName{Name: "_ifxc0000000000001"}, &sqli.Open{})
	steps := []benchStep{open}
	for {
		ans, step := c.group(&sqli.ID{StatementID: id}, &sqli.NFetch{BufferSize: buf})
		steps = append(steps, step)
		if done, ok := ans[len(ans)-1].(*sqli.Done); ok {
			_, closeStep := c.group(&sqli.ID{StatementID: id}, &sqli.Close{})
			return append(steps, closeStep), done.Rows
		}
	}
}

// play writes each request and reads its answer's bytes into scratch.
func (c *benchClient) play(steps []benchStep, scratch []byte) error {
	for _, s := range steps {
		if _, err := c.nc.Conn.Write(s.req); err != nil {
			return err
		}
		if _, err := io.ReadFull(c.nc.Conn, scratch[:s.answer]); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkReplayFetch measures what serving bench_rows costs the server:
// a raw client reads the whole table, batch by batch, without decoding a
// byte. MB/s counts the answer bytes; rows/s the rows read.
func BenchmarkReplayFetch(b *testing.B) {
	srv, err := Start(Config{Replay: []ReplayTable{benchTable(b, BenchRows, -1)}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { srv.Close() })
	for _, buf := range []int32{4096, 65536, math.MaxInt32} {
		b.Run(fmt.Sprintf("buf=%d", buf), func(b *testing.B) {
			c := dialBench(b, srv)
			steps, rows := c.fetchPlan(BenchRows, buf)
			if rows != 100_000 {
				b.Fatalf("%d rows, want 100000", rows)
			}
			total, largest := 0, 0
			for _, s := range steps {
				total += s.answer
				largest = max(largest, s.answer)
			}
			scratch := make([]byte, largest)
			b.SetBytes(int64(total))
			for b.Loop() {
				if err := c.play(steps, scratch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(len(steps)-2), "batches")
		})
	}
}
