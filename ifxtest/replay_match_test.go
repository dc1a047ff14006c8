package ifxtest

import (
	"bytes"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/go-informix/informix/sqli"
)

// recConn records the bytes a test client reads.
type recConn struct {
	net.Conn
	got bytes.Buffer
}

func (r *recConn) Read(p []byte) (int, error) {
	n, err := r.Conn.Read(p)
	r.got.Write(p[:n])
	return n, err
}

// take returns the bytes read since the last take.
func (r *recConn) take() []byte {
	b := bytes.Clone(r.got.Bytes())
	r.got.Reset()
	return b
}

// connectRecorded connects to srv's testdb, negotiating with offer, and
// returns a client whose answer bytes are recorded from then on.
func connectRecorded(t *testing.T, srv *Server, offer []byte) (*testClient, *recConn) {
	t.Helper()
	nc, err := net.Dial("tcp", srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	rec := &recConn{Conn: nc}
	c := newTestClient(t, rec)
	if resp := c.login(DefaultUser, DefaultPassword, ""); resp.Err() != nil {
		t.Fatalf("login: %v", resp.Err())
	}
	c.negotiate(offer)
	c.expectOK(c.roundTrip(&sqli.DBOpen{Database: DefaultDatabase}))
	rec.take()
	return c, rec
}

// fillTable creates tb as an ordinary table through the engine and
// inserts its rows, 100 executions a group.
func fillTable(t *testing.T, c *testClient, tb ReplayTable) {
	t.Helper()
	c.mustExec(tb.CreateSQL())
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(tb.Columns)), ", ")
	d := c.prepare("insert into "+tb.Name+" values ("+marks+")", len(tb.Columns))
	for from := 0; from < tb.Rows; from += 100 {
		group := []sqli.Message{&sqli.ID{StatementID: d.StatementID}}
		for i := from; i < min(from+100, tb.Rows); i++ {
			group = append(group, bindRow(t, tb.Columns, tb.Row(i)), &sqli.Execute{})
		}
		c.expectOK(c.roundTrip(group...))
	}
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.Release{}))
}

// selectScript runs what IBM JDBC sends for a query (SQLI.md §7.2):
// prepare, open, fetch to SQ_DONE with each buffer size in turn, close,
// release. It returns the answer bytes of every group.
func selectScript(c *testClient, rec *recConn, sql string, bufs []int32) [][]byte {
	c.t.Helper()
	var out [][]byte
	group := func(msgs ...sqli.Message) []sqli.ServerMessage {
		ans := c.expectOK(c.roundTrip(msgs...))
		out = append(out, rec.take())
		return ans
	}
	ans := group(&sqli.Prepare{SQL: sql}, &sqli.NDescribe{}, &sqli.WantDone{})
	id := ans[0].(*sqli.Describe).StatementID
	for _, buf := range bufs {
		group(&sqli.ID{StatementID: id}, &sqli.CurName{Name: "_ifxc0000000000001"}, &sqli.Open{})
		for {
			ans = group(&sqli.ID{StatementID: id}, &sqli.NFetch{BufferSize: buf})
			if len(ans) > 0 && ans[len(ans)-1].Tag() == sqli.TagDone {
				break
			}
		}
		group(&sqli.ID{StatementID: id}, &sqli.Close{})
	}
	group(&sqli.ID{StatementID: id}, &sqli.Release{})
	return out
}

// insertScript runs what IBM JDBC sends for an executeBatch with
// generated keys into bench_ins (conformance/testdata/jdbc): prepare with
// SQ_SGKPREPARE, SQ_CIDESCRIBE, three executions in one group, release.
func insertScript(c *testClient, rec *recConn) [][]byte {
	c.t.Helper()
	tb := benchTable(c.t, BenchIns, -1)
	var out [][]byte
	group := func(msgs ...sqli.Message) []sqli.ServerMessage {
		ans := c.expectOK(c.roundTrip(msgs...))
		out = append(out, rec.take())
		return ans
	}
	ans := group(&sqli.Prepare{ParamCount: 5, SQL: "INSERT INTO bench_ins VALUES (?, ?, ?, ?, ?)"},
		&sqli.SGKPrepare{}, &sqli.NDescribe{}, &sqli.WantDone{})
	id := ans[0].(*sqli.Describe).StatementID
	group(&sqli.ID{StatementID: id}, &sqli.CIDescribe{})
	execs := []sqli.Message{&sqli.ID{StatementID: id}}
	for i := range 3 {
		execs = append(execs, bindRow(c.t, tb.Columns, tb.Row(i)), &sqli.Execute{})
	}
	group(execs...)
	group(&sqli.ID{StatementID: id}, &sqli.Release{})
	return out
}

// TestReplayMatchesEngine runs the same statements against an ordinary
// table the engine holds and against a replay table with the same rows,
// and requires the same answer bytes, group by group: same DESCRIBE, same
// rows, same batches, same SQ_DONE. Statement ids match too, since each
// side's client prepares the same statements in the same order. It runs
// with JDBC's feature offer and with none (informix-driver's tuple size
// and row count widths).
func TestReplayMatchesEngine(t *testing.T) {
	tables := []ReplayTable{
		benchTable(t, BenchRows, 1500),
		benchTable(t, BenchWide, 120),
		benchTable(t, BenchOne, -1),
		benchTable(t, BenchLOB, 100),
		benchTable(t, BenchIns, -1),
	}
	offers := []struct {
		name  string
		offer []byte
	}{{"jdbc", sqli.JDBCFeatureOffer()}, {"none", []byte{0}}}
	for _, o := range offers {
		t.Run(o.name, func(t *testing.T) {
			// Fresh servers: the INSERTs below add rows to the engine's
			// bench_ins and move both sides' ROWIDs.
			plain := startServer(t, Config{})
			loader := connect(t, plain, DefaultDatabase)
			for _, tb := range tables {
				fillTable(t, loader, tb)
			}
			replay := startServer(t, Config{Replay: tables})
			pc, prec := connectRecorded(t, plain, o.offer)
			rc, rrec := connectRecorded(t, replay, o.offer)
			for _, tb := range tables {
				sql := fmt.Sprintf("select * from %s where 1 = 1", tb.Name)
				want := selectScript(pc, prec, sql, []int32{4096, 65536, 1 << 30})
				got := selectScript(rc, rrec, sql, []int32{4096, 65536, 1 << 30})
				compareGroups(t, tb.Name, got, want)
			}
			compareGroups(t, "insert", insertScript(rc, rrec), insertScript(pc, prec))
		})
	}
}

// compareGroups requires the same answer groups, byte for byte.
func compareGroups(t *testing.T, what string, got, want [][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d answer groups, the engine's table %d", what, len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			n := 0
			for n < min(len(got[i]), len(want[i])) && got[i][n] == want[i][n] {
				n++
			}
			t.Fatalf("%s: answer group %d of %d differs at byte %d of %d/%d:\nreplay % x\nengine % x",
				what, i+1, len(want), n, len(got[i]), len(want[i]),
				got[i][max(0, n-16):min(len(got[i]), n+32)], want[i][max(0, n-16):min(len(want[i]), n+32)])
		}
	}
}
