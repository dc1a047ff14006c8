package ifxtest

import (
	"reflect"
	"testing"

	"github.com/go-informix/informix/sqli"
)

// optofcClient connects a client that enables OPTOFC the way named: "info"
// sends OPTOFC=value in a further SQ_INFO, as IBM JDBC 15.0.0.1.1 does;
// "login" puts it in the login environment; "" leaves it unset.
func optofcClient(t *testing.T, srv *Server, how, value string) *testClient {
	t.Helper()
	c := dial(t, srv)
	if how == "login" {
		c.env = []sqli.EnvVar{{Name: "OPTOFC", Value: value}}
	}
	c.handshake(DefaultDatabase)
	if how == "info" {
		c.expectOK(c.roundTrip(&sqli.Info{Env: []sqli.EnvVar{{Name: "OPTOFC", Value: value}}}))
	}
	return c
}

// TestOPTOFCClosesAtEnd checks the server side of OPTOFC: the fetch answer
// that reaches the end of a result carries SQ_DONE then SQ_CLOSE when the
// session set OPTOFC=1 (IBM: the server closes the cursor after the last
// row; SQLI.md §6.14), and SQ_DONE alone otherwise. After the automatic
// close, a further fetch fails as on any closed cursor, and a client
// SQ_CLOSE is accepted without error (IBM ESQL/C manual: "if you include
// the CLOSE statement, no error is generated").
func TestOPTOFCClosesAtEnd(t *testing.T) {
	tests := []struct {
		name, how, value string
		closes           bool
	}{
		{"SQ_INFO OPTOFC=1", "info", "1", true},
		{"login OPTOFC=1", "login", "1", true},
		{"SQ_INFO OPTOFC=0", "info", "0", false},
		{"unset", "", "", false},
	}
	srv := startServer(t, Config{})
	setup := connect(t, srv, DefaultDatabase)
	setup.mustExec("create table t (i integer)")
	setup.mustExec("insert into t values (7)")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := optofcClient(t, srv, tt.how, tt.value)
			d := c.prepare("select i from t", 0)
			id := &sqli.ID{StatementID: d.StatementID}
			ans := c.expectOK(c.roundTrip(id, &sqli.CurName{Name: "cur"}, &sqli.Open{}, id, &sqli.NFetch{BufferSize: 4096}))
			want := []sqli.Tag{sqli.TagTuple, sqli.TagDone}
			if tt.closes {
				want = append(want, sqli.TagClose)
			}
			if !reflect.DeepEqual(tags(ans), want) {
				t.Fatalf("open+fetch answer %v, want %v", tags(ans), want)
			}
			if rows := decodeRows(t, d, ans); !reflect.DeepEqual(rows, [][]any{{int64(7)}}) {
				t.Errorf("rows %v, want [[7]]", rows)
			}
			again := c.roundTrip(id, &sqli.NFetch{BufferSize: 4096})
			if tt.closes {
				if e := c.expectErr(again); e.SQLCode != codeFetchUnopened {
					t.Errorf("fetch after the automatic close: SQLCODE %d, want %d", e.SQLCode, codeFetchUnopened)
				}
			} else if got := tags(c.expectOK(again)); !reflect.DeepEqual(got, []sqli.Tag{sqli.TagDone}) {
				t.Errorf("fetch after the end: %v, want SQ_DONE", got)
			}
			c.expectOK(c.roundTrip(id, &sqli.Close{}))
			c.expectOK(c.roundTrip(id, &sqli.Release{}))
		})
	}
}

// TestOPTOFCKeepsCursorBeforeEnd checks that OPTOFC closes nothing while
// rows remain: a batch that stops before the end carries no SQ_CLOSE, and
// the next fetch goes on from there. A row is INTEGER 4 bytes, its
// SQ_TUPLE 8+4 = 12 bytes, so a 30-byte buffer holds 2 of the 3 rows.
func TestOPTOFCKeepsCursorBeforeEnd(t *testing.T) {
	srv := startServer(t, Config{})
	c := optofcClient(t, srv, "info", "1")
	c.mustExec("create table t (i integer)")
	for _, sql := range []string{"insert into t values (1)", "insert into t values (2)", "insert into t values (3)"} {
		c.mustExec(sql)
	}
	d := c.prepare("select i from t order by i", 0)
	id := &sqli.ID{StatementID: d.StatementID}
	c.expectOK(c.roundTrip(id, &sqli.CurName{Name: "cur"}, &sqli.Open{}))
	first := c.expectOK(c.roundTrip(id, &sqli.NFetch{BufferSize: 30}))
	if got := tags(first); !reflect.DeepEqual(got, []sqli.Tag{sqli.TagTuple, sqli.TagTuple}) {
		t.Fatalf("first batch %v, want two SQ_TUPLEs", got)
	}
	last := c.expectOK(c.roundTrip(id, &sqli.NFetch{BufferSize: 30}))
	if got := tags(last); !reflect.DeepEqual(got, []sqli.Tag{sqli.TagTuple, sqli.TagDone, sqli.TagClose}) {
		t.Fatalf("last batch %v, want SQ_TUPLE SQ_DONE SQ_CLOSE", got)
	}
	if rows := decodeRows(t, d, last); !reflect.DeepEqual(rows, [][]any{{int64(3)}}) {
		t.Errorf("last batch rows %v, want [[3]]", rows)
	}
}

// TestOPTOFCScrollCursorStaysOpen checks that a scroll cursor is not closed
// at its end under OPTOFC [I]: SQ_SFETCH may still move backwards, so the
// end answer has no SQ_CLOSE and a further fetch finds the cursor open.
func TestOPTOFCScrollCursorStaysOpen(t *testing.T) {
	srv := startServer(t, Config{})
	c := optofcClient(t, srv, "info", "1")
	c.mustExec("create table t (i integer)")
	c.mustExec("insert into t values (1)")
	d := c.prepare("select i from t", 0)
	id := &sqli.ID{StatementID: d.StatementID}
	c.expectOK(c.roundTrip(id, &sqli.CurName{Name: "sc"}, &sqli.Scroll{}, &sqli.Open{}))
	for i, want := range [][]sqli.Tag{{sqli.TagTuple, sqli.TagDone}, {sqli.TagDone}} {
		ans := c.expectOK(c.roundTrip(id, &sqli.NFetch{BufferSize: 4096}))
		if got := tags(ans); !reflect.DeepEqual(got, want) {
			t.Fatalf("fetch %d of a scroll cursor: %v, want %v", i+1, got, want)
		}
	}
}

// TestOPTOFCReplay checks the automatic close on a replay table
// (bench_one, one row), the path the select_one benchmark takes.
func TestOPTOFCReplay(t *testing.T) {
	srv := startServer(t, Config{Replay: BenchTables()})
	c := optofcClient(t, srv, "info", "1")
	d := c.prepare("SELECT one FROM bench_one", 0)
	id := &sqli.ID{StatementID: d.StatementID}
	ans := c.expectOK(c.roundTrip(id, &sqli.CurName{Name: "cur"}, &sqli.Open{}, id, &sqli.NFetch{BufferSize: 4096}))
	if got := tags(ans); !reflect.DeepEqual(got, []sqli.Tag{sqli.TagTuple, sqli.TagDone, sqli.TagClose}) {
		t.Fatalf("open+fetch answer %v, want SQ_TUPLE SQ_DONE SQ_CLOSE", got)
	}
	if rows := decodeRows(t, d, ans); !reflect.DeepEqual(rows, [][]any{{int64(1)}}) {
		t.Errorf("rows %v, want [[1]] (bench_one holds 1)", rows)
	}
}
