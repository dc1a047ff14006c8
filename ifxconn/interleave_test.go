package ifxconn

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// thousandRows creates it_t with ids 0..999 and v = 0, on a connection
// whose small fetch buffer makes every result many batches, so that other
// calls find Rows in the middle of an answer.
func thousandRows(t *testing.T) *Conn {
	t.Helper()
	srv := startServer(t, ifxtest.Config{})
	cfg := testConfig(srv, "testdb")
	cfg.FetchBufferSize = 64
	c := connect(t, cfg)
	fillTable(t, c)
	mustExec(t, c, "CREATE TABLE it_t (id INTEGER, v INTEGER)")
	mustExec(t, c, "INSERT INTO it_t SELECT a.d * 100 + b.d * 10 + e.d, 0 FROM d_t a, d_t b, d_t e")
	return c
}

// intParam binds n as an INTEGER.
func intParam(n int64) Param { return Param{Type: sqli.TypeInteger, Value: n} }

// nextInt reads the next row's first column, which must be an integer.
func nextInt(t *testing.T, r *Rows) int64 {
	t.Helper()
	dest := make([]any, len(r.Columns()))
	if err := r.Next(dest); err != nil {
		t.Fatalf("Next: %v", err)
	}
	return dest[0].(int64)
}

// wantEOF requires r to be at its end.
func wantEOF(t *testing.T, r *Rows) {
	t.Helper()
	if err := r.Next(make([]any, len(r.Columns()))); !errors.Is(err, io.EOF) {
		t.Fatalf("after the last row: %v, want io.EOF", err)
	}
}

// TestUpdateInsideRowLoop is the database/sql pattern of a Tx: iterate a
// result and update each row it gives, on the same connection. Every row
// arrives once, in order, every update succeeds, and the commit keeps
// them: SUM(v) = Σ (2·id + 1) for id < 1000 = 1000² = 1 000 000.
func TestUpdateInsideRowLoop(t *testing.T) {
	c := thousandRows(t)
	ctx := context.Background()
	if err := c.Begin(ctx); err != nil {
		t.Fatal(err)
	}
	rows, err := c.Query(ctx, "SELECT id FROM it_t ORDER BY id", nil)
	if err != nil {
		t.Fatal(err)
	}
	upd, err := c.Prepare(ctx, "UPDATE it_t SET v = ? WHERE id = ?")
	if err != nil {
		t.Fatal(err)
	}
	if !rows.held.pending() {
		t.Error("the Prepare did not read the rest of the first fetch answer ahead")
	}
	for want := range int64(1000) {
		id := nextInt(t, rows)
		if id != want {
			t.Fatalf("row %d has id %d", want, id)
		}
		res, err := upd.Exec(ctx, []Param{intParam(2*id + 1), intParam(id)})
		if err != nil || res.RowsAffected != 1 {
			t.Fatalf("update of id %d: %+v, %v", id, res, err)
		}
	}
	wantEOF(t, rows)
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if err := upd.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if sum := queryInt(t, c, "SELECT SUM(v) FROM it_t"); sum != 1000000 {
		t.Errorf("SUM(v) = %d after the loop, want 1000000", sum)
	}
}

// TestInterleavedQueries: two results read in turn, with a ping and a
// third query between rows, each give all their rows in order; and a
// prepared statement queried again while its first Rows is open gives a
// second, independent result (a copy of the statement).
func TestInterleavedQueries(t *testing.T) {
	c := thousandRows(t)
	ctx := context.Background()
	up, err := c.Query(ctx, "SELECT id FROM it_t ORDER BY id", nil)
	if err != nil {
		t.Fatal(err)
	}
	down, err := c.Query(ctx, "SELECT id FROM it_t ORDER BY id DESC", nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range int64(1000) {
		if got := nextInt(t, up); got != i {
			t.Fatalf("ascending row %d: %d", i, got)
		}
		if got := nextInt(t, down); got != 999-i {
			t.Fatalf("descending row %d: %d, want %d", i, got, 999-i)
		}
		if i%100 == 0 {
			if err := c.Ping(ctx); err != nil {
				t.Fatalf("ping at row %d: %v", i, err)
			}
			if n := queryInt(t, c, "SELECT COUNT(*) FROM it_t WHERE id < 500"); n != 500 {
				t.Fatalf("count at row %d: %d", i, n)
			}
		}
	}
	wantEOF(t, up)
	wantEOF(t, down)
	for _, r := range []*Rows{up, down} {
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
	}

	s, err := c.Prepare(ctx, "SELECT id FROM it_t WHERE id < ? ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	ten, err := s.Query(ctx, []Param{intParam(10)})
	if err != nil {
		t.Fatal(err)
	}
	five, err := s.Query(ctx, []Param{intParam(5)})
	if err != nil {
		t.Fatal(err)
	}
	for i := range int64(10) {
		if got := nextInt(t, ten); got != i {
			t.Fatalf("first cursor row %d: %d", i, got)
		}
		if i < 5 {
			if got := nextInt(t, five); got != i {
				t.Fatalf("second cursor row %d: %d", i, got)
			}
		}
	}
	wantEOF(t, ten)
	wantEOF(t, five)
	ten.Close()
	five.Close()
	if got := queryAll(t, c, "SELECT COUNT(*) FROM it_t"); len(got) != 1 {
		t.Fatalf("count after the copies: %v", got)
	}
	again, err := s.Query(ctx, []Param{intParam(3)})
	if err != nil {
		t.Fatal(err)
	}
	for i := range int64(3) {
		if got := nextInt(t, again); got != i {
			t.Fatalf("statement reused, row %d: %d", i, got)
		}
	}
	wantEOF(t, again)
	again.Close()
}

// TestCancelInterleavedStatement: a statement run while a Rows is in the
// middle of a result, and cancelled by its context, fails with the
// context's error wrapping -213 (SQLI.md §7.9); the connection stays, and
// the Rows goes on to give all its rows.
func TestCancelInterleavedStatement(t *testing.T) {
	c := thousandRows(t)
	rows, err := c.Query(context.Background(), "SELECT id FROM it_t ORDER BY id", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for i := range int64(3) {
		if got := nextInt(t, rows); got != i {
			t.Fatalf("row %d: %d", i, got)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = c.Exec(ctx, "EXECUTE PROCEDURE ifxtest_sleep(5)", nil)
	if !errors.Is(err, context.DeadlineExceeded) || serverCode(err) != codeInterrupted {
		t.Fatalf("cancelled Exec: %v, want DeadlineExceeded wrapping -213", err)
	}
	if c.IsClosed() {
		t.Fatal("connection closed after an answered interrupt")
	}
	for i := int64(3); i < 1000; i++ {
		if got := nextInt(t, rows); got != i {
			t.Fatalf("row %d after the cancel: %d", i, got)
		}
	}
	wantEOF(t, rows)
}

// TestMillionRowsFlatMemoryWithParking streams a million rows as
// TestMillionRowsFlatMemory does, with a ping every 1000 rows, each of
// which reads the rest of a fetch answer into the Rows' buffer. The live
// heap after the last row stays within 8 MiB of the heap after 100 000:
// the buffer holds one fetch answer and is reused.
func TestMillionRowsFlatMemoryWithParking(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	cfg := testConfig(srv, "testdb")
	cfg.FetchBufferSize = 32 << 10
	c := connect(t, cfg)
	fillTable(t, c)
	ctx := context.Background()
	rows, err := c.Query(ctx, "SELECT a.d * 100000 + b.d * 10000 + e.d * 1000 + f.d * 100 + g.d * 10 + h.d, 'row'"+
		" FROM d_t a, d_t b, d_t e, d_t f, d_t g, d_t h", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	dest := make([]any, 2)
	var sum int64
	var early uint64
	parked, n := 0, 0
	for ; rows.Next(dest) == nil; n++ {
		sum += dest[0].(int64)
		if n%1000 == 999 {
			if c.streaming == rows {
				parked++
			}
			if err := c.Ping(ctx); err != nil {
				t.Fatalf("ping after row %d: %v", n, err)
			}
		}
		if n == 100000 {
			early = heapInUse()
		}
	}
	late := heapInUse()
	if n != 1000000 || sum != 999999*1000000/2 {
		t.Fatalf("%d rows summing to %d, want 1000000 rows summing to %d", n, sum, 999999*1000000/2)
	}
	if parked < 100 {
		t.Errorf("only %d of 1000 pings found the Rows in the middle of an answer", parked)
	}
	if late > early+8<<20 {
		t.Errorf("live heap grew from %d to %d bytes over 900 000 rows", early, late)
	}
}

// TestExecOfRows: Exec of a statement that returns rows runs it through a
// cursor, drops the rows, reports their count as RowsAffected, closes the
// cursor and releases what it prepared, whatever the path: SQ_COMMAND
// without arguments, prepare and execute with arguments, a prepared
// statement (twice, and while a Rows of it is open).
func TestExecOfRows(t *testing.T) {
	log := newMemWireLog()
	srv := startServer(t, ifxtest.Config{WireLog: log})
	ctx := context.Background()
	cfg := testConfig(srv, "testdb")
	cfg.FetchBufferSize = 64
	c := connect(t, cfg)
	fillTable(t, c)
	if res := mustExec(t, c, "SELECT a.d, b.d FROM d_t a, d_t b"); res.RowsAffected != 100 || res.HasSerial {
		t.Errorf("Exec of a 100-row SELECT: %+v", res)
	}
	if res := mustExec(t, c, "SELECT d FROM d_t WHERE d < ?", intParam(4)); res.RowsAffected != 4 {
		t.Errorf("Exec of a 4-row SELECT with an argument: %+v", res)
	}
	st, err := c.Prepare(ctx, "SELECT d FROM d_t WHERE d >= ?")
	if err != nil {
		t.Fatal(err)
	}
	open, err := st.Query(ctx, []Param{intParam(0)})
	if err != nil {
		t.Fatal(err)
	}
	for _, min := range []int64{7, 0} {
		if res, err := st.Exec(ctx, []Param{intParam(min)}); err != nil || res.RowsAffected != 10-min {
			t.Errorf("prepared Exec with %d: %+v, %v; want %d rows", min, res, err, 10-min)
		}
	}
	for i := range int64(10) {
		if got := nextInt(t, open); got != i {
			t.Fatalf("the open Rows gave %d at row %d", got, i)
		}
	}
	open.Close()
	st.Close(ctx)
	var opens, closes, prepares, releases int
	for _, l := range log.transcriptOf(t, 1) {
		switch {
		case strings.HasPrefix(l, "C SQ_OPEN "):
			opens++
		case strings.HasPrefix(l, "C SQ_CLOSE "), strings.HasPrefix(l, "S SQ_CLOSE "):
			closes++ // by the driver, or by the server itself under OPTOFC
		case strings.HasPrefix(l, "C SQ_PREPARE "), strings.HasPrefix(l, "C SQ_COMMAND "):
			prepares++
		case strings.HasPrefix(l, "C SQ_RELEASE "):
			releases++
		}
	}
	// Opens: the GL_COLLATE lookup of Connect, the 100-row and 4-row
	// Execs, the Query and the two prepared Execs.
	if opens != 6 || opens != closes || prepares != releases {
		t.Errorf("wire log: %d SQ_OPEN and %d SQ_CLOSE (client and server), %d SQ_PREPARE/SQ_COMMAND and %d SQ_RELEASE; want 6 of each of the first pair, and the second pair equal",
			opens, closes, prepares, releases)
	}
}

// TestExecOfRowsErrors: an error at a row of an Exec'd SELECT (-1202,
// division by zero at d = 0) is the Exec's error, and the connection goes
// on; in an ANSI database the Exec commits after the rows (one
// SQ_CMMTWORK), as the end of a query does.
func TestExecOfRowsErrors(t *testing.T) {
	log := newMemWireLog()
	srv := startServer(t, ifxtest.Config{WireLog: log, Databases: []ifxtest.Database{
		{Name: "testdb", Logging: ifxtest.UnbufferedLogging}, {Name: "ansidb", Logging: ifxtest.ANSI},
	}})
	c := connect(t, testConfig(srv, "testdb"))
	fillTable(t, c)
	_, err := c.Exec(context.Background(), "SELECT 10 / d FROM d_t ORDER BY d", nil)
	if serverCode(err) != -1202 {
		t.Errorf("Exec of a SELECT dividing by zero: %v, want -1202", err)
	}
	if n := queryInt(t, c, "SELECT COUNT(*) FROM d_t"); n != 10 || c.IsClosed() {
		t.Errorf("after the failed Exec: count %d, closed %v", n, c.IsClosed())
	}

	a := connect(t, testConfig(srv, "ansidb"))
	fillTable(t, a)
	commits := func() int {
		n := 0
		for _, l := range log.transcriptOf(t, 2) {
			if strings.HasPrefix(l, "C SQ_CMMTWORK ") {
				n++
			}
		}
		return n
	}
	before := commits()
	if res := mustExec(t, a, "SELECT d FROM d_t"); res.RowsAffected != 10 {
		t.Errorf("Exec of a SELECT in an ANSI database: %+v", res)
	}
	if n := commits() - before; n != 1 {
		t.Errorf("Exec of a SELECT in an ANSI database sent %d SQ_CMMTWORK, want 1", n)
	}
}

// TestParkBound: the rest of a fetch answer read ahead for another call
// may hold one SQ_NFETCH buffer of rows, or one row larger than the buffer
// (SQLI.md §7.2); a server that sends more violates the protocol, and the
// connection is poisoned rather than the buffer grown. The rows are the
// 4-byte INTEGER rows of a scripted server.
func TestParkBound(t *testing.T) {
	cases := []struct {
		name   string
		buffer int
		rows   int
		ok     bool
	}{
		{"two rows fill an 8-byte buffer", 8, 2, true},
		{"three rows overflow it", 8, 3, false},
		{"one row larger than a 2-byte buffer", 2, 1, true},
		{"two rows larger than a 2-byte buffer", 2, 2, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := startFake(t, func(fc *fakeConn) {
				if !fc.handshake() || fc.group() == nil {
					return
				}
				fc.send(describeInt(), &sqli.Done{}, &sqli.Cost{}, &sqli.EOT{})
				if fc.group() == nil {
					return
				}
				for i := range tc.rows {
					fc.w.Send(intTuple(byte(i + 1)))
				}
				fc.send(&sqli.Done{}, &sqli.EOT{})
				answerEOTs(fc, nil)
			})
			cfg := fs.config()
			cfg.FetchBufferSize = tc.buffer
			c := connect(t, cfg)
			rows, err := c.Query(context.Background(), "SELECT n FROM t", nil)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			err = c.Ping(context.Background())
			if !tc.ok {
				if !errors.Is(err, errProtocol) || !c.IsClosed() {
					t.Fatalf("Ping: %v, closed %v; want a protocol violation that poisoned the connection", err, c.IsClosed())
				}
				return
			}
			if err != nil {
				t.Fatalf("Ping: %v", err)
			}
			for i := range int64(tc.rows) {
				if got := nextInt(t, rows); got != i+1 {
					t.Fatalf("row %d: %d", i, got)
				}
			}
			wantEOF(t, rows)
		})
	}
}

// answerEOTs answers each further request group with a bare SQ_EOT, and
// SQ_EXIT with SQ_EXIT (SQLI.md §7.8), until the client goes away. When
// groups is not nil it records the tags of each group.
func answerEOTs(fc *fakeConn, groups *[][]sqli.Tag) {
	var tags []sqli.Tag
	for {
		m, err := fc.dec.Next()
		if err != nil {
			return
		}
		tags = append(tags, m.Tag())
		switch m.Tag() {
		case sqli.TagExit:
			fc.send(&sqli.Exit{})
			return
		case sqli.TagEOT:
			if groups != nil {
				*groups = append(*groups, tags)
			}
			tags = nil
			fc.send(&sqli.EOT{})
		}
	}
}
