package ifxtest

import (
	"reflect"
	"testing"

	"github.com/go-informix/informix/sqli"
)

func TestPrepareErrors(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer)")
	tests := []struct {
		name, sql string
		code      int16
		message   string
	}{
		{"unknown table", "select * from nosuch", -206, "nosuch"},
		{"unknown column", "select nosuch from t", -217, "nosuch"},
		{"syntax", "selec * from t", -201, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans := c.roundTrip(&sqli.Prepare{SQL: tt.sql}, &sqli.NDescribe{}, &sqli.WantDone{})
			// SQLI.md §7.6: SQ_ERR and SQ_EOT, no description.
			if !reflect.DeepEqual(tags(ans), []sqli.Tag{sqli.TagErr}) {
				t.Fatalf("answer %v, want SQ_ERR alone", tags(ans))
			}
			e := ans[0].(*sqli.ErrorResponse)
			if e.SQLCode != tt.code || (tt.message != "" && e.Message != tt.message) {
				t.Errorf("SQ_ERR %d %q, want %d %q", e.SQLCode, e.Message, tt.code, tt.message)
			}
		})
	}
	// Nothing was prepared: the next statement still gets id 0.
	if d := c.prepare("select i from t", 0); d.StatementID != 0 {
		t.Errorf("statement id %d after failed prepares, want 0", d.StatementID)
	}
}

// TestErrorOffsetInClientBytes checks that the offset of an error counts
// bytes of the text as the client sent it (8859-1 here), not of the
// engine's UTF-8: 'é' is one byte on the wire and two in UTF-8, so both
// statements must report the same offset.
func TestErrorOffsetInClientBytes(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	offset := func(sql string) int32 {
		t.Helper()
		return c.expectErr(c.roundTrip(&sqli.Prepare{SQL: sql}, &sqli.NDescribe{}, &sqli.WantDone{})).Offset
	}
	ascii := offset("select 'ab' from t where")
	latin1 := offset("select '\xe9b' from t where")
	if ascii <= 0 || latin1 != ascii {
		t.Errorf("offsets %d (ASCII) and %d (8859-1), want the same positive offset", ascii, latin1)
	}
}

// TestErrorStopsGroup checks the rule the server applies after an SQ_ERR
// inside a group: the rest is not run. IBM JDBC 15.0.0.1.1's
// executeBatch reports the SQ_DONEs before the SQ_ERR as the update
// counts of the first rows (BatchUpdateException), so a later execution
// answered after the failure would be misattributed.
func TestErrorStopsGroup(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer, c char(20))")
	c.mustExec("create unique index t_i on t (i)")
	d := c.prepare("insert into t values (?, ?)", 2)
	id := &sqli.ID{StatementID: d.StatementID}
	ans := c.roundTrip(id, bindOf(t, 1, "a"), &sqli.Execute{}, bindOf(t, 1, "b"), &sqli.Execute{},
		bindOf(t, 3, "c"), &sqli.Execute{})
	want := []sqli.Tag{sqli.TagDone, sqli.TagCost, sqli.TagErr}
	if !reflect.DeepEqual(tags(ans), want) {
		t.Fatalf("answer %v, want %v", tags(ans), want)
	}
	if e := ans[2].(*sqli.ErrorResponse); e.SQLCode != -239 && e.SQLCode != -268 {
		t.Errorf("SQ_ERR %d, want a unique-index violation (-239 or -268)", e.SQLCode)
	}
	// The statement survives its failed execution and runs again.
	c.expectOK(c.roundTrip(id, bindOf(t, 4, "d"), &sqli.Execute{}))
	c.expectOK(c.roundTrip(id, &sqli.Release{}))
	if _, rows := c.query("select i from t order by i"); !reflect.DeepEqual(rows, [][]any{{int64(1)}, {int64(4)}}) {
		t.Errorf("rows %v, want 1 and 4", rows)
	}
}

// TestReleaseAfterFailedCommand checks JDBC's Statement path when the
// execution fails: SQ_COMMAND … SQ_EXECUTE SQ_RELEASE in one group; the
// release still frees the statement.
func TestReleaseAfterFailedCommand(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer not null)")
	e := c.expectErr(c.exec("insert into t values (null)"))
	if e.SQLCode != -391 {
		t.Errorf("SQ_ERR %d, want -391 (NULL into a NOT NULL column)", e.SQLCode)
	}
	if d := c.prepare("select i from t", 0); d.StatementID != 0 {
		t.Errorf("statement id %d: the failed command's statement was not released", d.StatementID)
	}
}

func TestStatementErrors(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer)")
	// An SQ_ID naming no statement: -404.
	if e := c.expectErr(c.roundTrip(&sqli.ID{StatementID: 7}, &sqli.Execute{})); e.SQLCode != -404 {
		t.Errorf("unknown statement: SQ_ERR %d, want -404", e.SQLCode)
	}
	// A fetch without an open cursor: -400.
	d := c.prepare("select i from t", 0)
	ans := c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.NFetch{BufferSize: 4096})
	if e := c.expectErr(ans); e.SQLCode != -400 {
		t.Errorf("fetch on an unopened cursor: SQ_ERR %d, want -400", e.SQLCode)
	}
	// The connection goes on.
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.Release{}))
	c.mustExec("insert into t values (1)")
}
