package ifxtest

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// benchTable returns the built-in table called name, with at most rows
// rows (all of them when rows is negative).
func benchTable(t testing.TB, name string, rows int) ReplayTable {
	t.Helper()
	for _, tb := range BenchTables() {
		if tb.Name == name {
			if rows >= 0 && rows < tb.Rows {
				tb.Rows = rows
			}
			return tb
		}
	}
	t.Fatalf("no built-in table %s", name)
	return ReplayTable{}
}

// bindRow builds the SQ_BIND of one row for columns cols with ifxtype's
// bind encoders, each value typed as its column (LVARCHAR as type 43).
func bindRow(t testing.TB, cols []ifxtype.Column, vals []any) *sqli.Bind {
	t.Helper()
	b := &sqli.Bind{}
	for i, col := range cols {
		code := col.Type.Base()
		codec, err := ifxtype.CodecFor(col.Type)
		if err != nil {
			t.Fatal(err)
		}
		prec, data, err := codec.AppendBind(nil, vals[i], ifxtype.Latin1)
		if err != nil {
			t.Fatalf("bind column %s: %v", col.Name, err)
		}
		b.Values = append(b.Values, sqli.BindValue{Type: code, Prec: prec, Data: data})
	}
	return b
}

// sameValue compares a decoded value with the value a Row function gave:
// integers by value, decimals numerically, anything else exactly.
func sameValue(got, want any) bool {
	switch w := want.(type) {
	case int64:
		switch g := got.(type) {
		case int32:
			return int64(g) == w
		case int64:
			return g == w
		}
		return false
	case ifxtype.Decimal:
		g, ok := got.(ifxtype.Decimal)
		return ok && g.Equal(w)
	}
	return reflect.DeepEqual(got, want)
}

// fetchBatch is one NFETCH answer: its tuples and its SQ_DONE, if any.
type fetchBatch struct {
	tuples [][]byte
	done   *sqli.Done
}

// fetchAll opens statement id, fetches it to the end with buffer size
// buf and closes it, returning every batch.
func (c *testClient) fetchAll(id int16, buf int32) []fetchBatch {
	c.t.Helper()
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: id}, &sqli.CurName{Name: "_ifxc0000000000001"}, &sqli.Open{}))
	var out []fetchBatch
	for len(out) == 0 || out[len(out)-1].done == nil {
		var b fetchBatch
		for _, m := range c.expectOK(c.roundTrip(&sqli.ID{StatementID: id}, &sqli.NFetch{BufferSize: buf})) {
			switch m := m.(type) {
			case *sqli.Tuple:
				if b.done != nil {
					c.t.Fatalf("batch %d: SQ_TUPLE after SQ_DONE", len(out)+1)
				}
				b.tuples = append(b.tuples, m.Data)
			case *sqli.Done:
				b.done = m
			default:
				c.t.Fatalf("batch %d: unexpected %v", len(out)+1, m.Tag())
			}
		}
		out = append(out, b)
	}
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: id}, &sqli.Close{}))
	return out
}

// tupleSize is what one SQ_TUPLE of payload n takes on the wire (SQLI.md
// §6.12): tag 2, warnings 2, length 4, the payload and a pad byte when n
// is odd.
func tupleSize(n int) int { return 2 + 2 + 4 + n + n%2 }

// checkBatches checks the batching rules of SQLI.md §7.2 as ifxtest
// applies them (fetch): every batch but the last is full, i.e. holds at
// least one row and the next row would not have fitted, no batch goes
// over buf unless it holds a single row, and only the last carries
// SQ_DONE, with the total. It returns the rows.
func checkBatches(t *testing.T, batches []fetchBatch, buf int) [][]byte {
	t.Helper()
	var rows [][]byte
	for i, b := range batches {
		size := 0
		for _, tu := range b.tuples {
			size += tupleSize(len(tu))
		}
		last := i == len(batches)-1
		switch {
		case !last && len(b.tuples) == 0:
			t.Fatalf("batch %d of %d is empty", i+1, len(batches))
		case size > buf && len(b.tuples) > 1:
			t.Fatalf("batch %d: %d rows in %d bytes, over the %d-byte buffer", i+1, len(b.tuples), size, buf)
		case !last && size+tupleSize(len(batches[i+1].tuples[0])) <= buf:
			t.Fatalf("batch %d: %d bytes, and the next %d-byte row would have fitted in %d",
				i+1, size, tupleSize(len(batches[i+1].tuples[0])), buf)
		case !last && b.done != nil, last && b.done == nil:
			t.Fatalf("batch %d of %d: SQ_DONE %v", i+1, len(batches), b.done)
		}
		rows = append(rows, b.tuples...)
	}
	if got := batches[len(batches)-1].done.Rows; got != int64(len(rows)) {
		t.Fatalf("SQ_DONE reports %d rows, %d were sent", got, len(rows))
	}
	return rows
}

func TestReplayFetchBenchRows(t *testing.T) {
	srv := startServer(t, Config{Replay: BenchTables()})
	c := connect(t, srv, DefaultDatabase)
	d := c.prepare("SELECT id, name FROM bench_rows WHERE id > ? ORDER BY name", 1)
	if d.StatementType != sqli.StmtSelect {
		t.Errorf("statement type %d, want 2", d.StatementType)
	}
	// Every column, whatever the select list. Starts by hand, in a
	// sequential row (a VARCHAR is present) at maximum widths (layOut):
	// INTEGER 4, VARCHAR(32) 1+32 = 33, DECIMAL(12,2) (12+0+3)/2 = 7 and
	// DATETIME YEAR TO SECOND (0x0E0A: 14+0+3)/2 = 8 (TYPES.md §2.2),
	// FLOAT 8: 0, 4, 37, 44, 52, tuple 60.
	wantCols := []sqli.DescribeColumn{
		{Name: "id", Start: 0, Type: sqli.TypeInteger, Length: 4},
		{Name: "name", Start: 4, Type: sqli.TypeVarChar, Length: 32},
		{Name: "amount", Start: 37, Type: sqli.TypeDecimal, Length: 0x0C02},
		{Name: "ts", Start: 44, Type: sqli.TypeDateTime, Length: 0x0E0A},
		{Name: "ratio", Start: 52, Type: sqli.TypeFloat, Length: 8},
	}
	if !reflect.DeepEqual(d.Columns, wantCols) || d.TupleSize != 60 {
		t.Fatalf("describe %+v, tuple %d; want %+v, 60", d.Columns, d.TupleSize, wantCols)
	}
	// One entry per marker, CHAR(255) (0, length 255), so that IBM JDBC
	// lets a PreparedStatement bind it, as CHAR (untypedParam).
	ans := c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.CIDescribe{}))
	if want := []sqli.IDescribeParam{{Type: sqli.TypeChar, Length: 255}}; !reflect.DeepEqual(ans[0].(*sqli.IDescribe).Params, want) {
		t.Errorf("SQ_IDESCRIBE %+v, want %+v", ans[0], want)
	}
	layout := layoutOf(t, d)
	for _, buf := range []int{4096, 65536, math.MaxInt32} {
		t.Run(fmt.Sprint(buf), func(t *testing.T) {
			batches := c.fetchAll(d.StatementID, int32(buf))
			rows := checkBatches(t, batches, buf)
			if len(rows) != 100_000 {
				t.Fatalf("%d rows, want 100000", len(rows))
			}
			got := make([]any, 5)
			for i, row := range rows {
				if err := layout.Decode(row, got, ifxtype.Latin1); err != nil {
					t.Fatalf("row %d: %v", i, err)
				}
				for j, want := range BenchRow(i) {
					if !sameValue(got[j], want) {
						t.Fatalf("row %d column %d: %#v, want %#v", i, j+1, got[j], want)
					}
				}
			}
		})
	}
	e := c.expectErr(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.NFetch{BufferSize: 4096}))
	if e.SQLCode != codeFetchUnopened {
		t.Errorf("NFETCH on a closed replay cursor: SQ_ERR %d, want -400", e.SQLCode)
	}
}

func TestReplayInsert(t *testing.T) {
	srv := startServer(t, Config{Replay: BenchTables()})
	c := connect(t, srv, DefaultDatabase)
	// As IBM JDBC prepares an INSERT for executeBatch with generated keys
	// (conformance/testdata/jdbc/dml_counts.golden): no SQ_SGKDESCRIBE,
	// since the table has no serial column.
	ans := c.expectOK(c.roundTrip(&sqli.Prepare{ParamCount: 5, SQL: "INSERT INTO bench_ins VALUES (?, ?, ?, ?, ?)"},
		&sqli.SGKPrepare{}, &sqli.NDescribe{}, &sqli.WantDone{}))
	if got, want := tags(ans), []sqli.Tag{sqli.TagDescribe, sqli.TagDone, sqli.TagCost}; !reflect.DeepEqual(got, want) {
		t.Fatalf("PREPARE answer %v, want %v", got, want)
	}
	d := ans[0].(*sqli.Describe)
	if d.StatementType != sqli.StmtInsert || len(d.Columns) != 5 || d.Columns[1].Name != "name" {
		t.Fatalf("INSERT describe: type %d, columns %+v", d.StatementType, d.Columns)
	}
	id := d.StatementID
	ans = c.expectOK(c.roundTrip(&sqli.ID{StatementID: id}, &sqli.CIDescribe{}))
	// The columns' types (TYPES.md §2.1): INTEGER 2/4, VARCHAR(32) 13/32,
	// DECIMAL(12,2) 5/0x0C02, DATETIME YEAR TO SECOND 10/0x0E0A, FLOAT 3/8.
	wantParams := []sqli.IDescribeParam{{Type: 2, Length: 4}, {Type: 13, Length: 32}, {Type: 5, Length: 0x0C02},
		{Type: 10, Length: 0x0E0A}, {Type: 3, Length: 8}}
	if len(ans) != 1 || !reflect.DeepEqual(ans[0].(*sqli.IDescribe).Params, wantParams) {
		t.Fatalf("SQ_IDESCRIBE %+v, want %+v", ans, wantParams)
	}
	cols := benchTable(t, BenchIns, -1).Columns
	// executeBatch's group: one SQ_ID, then SQ_BIND SQ_EXECUTE per row
	// (SQLI.md §7.3; conformance/testdata/jdbc/batch.golden).
	group := []sqli.Message{&sqli.ID{StatementID: id}}
	for i := range 1000 {
		group = append(group, bindRow(t, cols, BenchRow(i)), &sqli.Execute{})
	}
	ans = c.expectOK(c.roundTrip(group...))
	if len(ans) != 2000 {
		t.Fatalf("%d answers to 1000 executions, want 2000", len(ans))
	}
	for i := range 1000 {
		done, ok := ans[2*i].(*sqli.Done)
		if !ok || done.Rows != 1 || done.RowID != int64(i+1) || ans[2*i+1].Tag() != sqli.TagCost {
			t.Fatalf("execution %d answered %v %v, want SQ_DONE(1 row, rowid %d) SQ_COST", i+1, ans[2*i], ans[2*i+1], i+1)
		}
	}
	ans = c.expectOK(c.roundTrip(&sqli.ID{StatementID: id}, bindRow(t, cols, BenchRow(1000)), &sqli.Execute{}, &sqli.Release{}))
	if done := ans[0].(*sqli.Done); done.Rows != 1 || done.RowID != 1001 {
		t.Errorf("execution 1001: %+v", done)
	}
	// The stream is in step: an engine query and a replay query answer.
	if _, rows := c.query("select tabname from systables where tabid = 1"); len(rows) != 1 || rows[0][0] != "systables" {
		t.Errorf("engine query after the inserts: %v", rows)
	}
	if _, rows := c.query("select * from bench_ins"); len(rows) != 0 {
		t.Errorf("bench_ins holds %d rows, want none", len(rows))
	}
}

func TestReplayInsertColumns(t *testing.T) {
	srv := startServer(t, Config{Replay: BenchTables()})
	c := connect(t, srv, DefaultDatabase)
	d := c.prepare(`insert into "informix".BENCH_INS (Ratio, id) values (?, ?)`, 2)
	if len(d.Columns) != 2 || d.Columns[0].Name != "ratio" || d.Columns[1].Name != "id" {
		t.Fatalf("columns %+v, want ratio, id", d.Columns)
	}
	ans := c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.CIDescribe{}))
	if got := ans[0].(*sqli.IDescribe).Params; len(got) != 2 || got[0].Type != sqli.TypeFloat || got[1].Type != sqli.TypeInteger {
		t.Errorf("params %+v, want FLOAT, INTEGER", got)
	}
	// Without markers nothing is described, as the engine does.
	ans = c.expectOK(c.exec("insert into bench_ins (id) values (7)"))
	if got := tags(ans); !reflect.DeepEqual(got, []sqli.Tag{sqli.TagDescribe, sqli.TagDone, sqli.TagCost}) {
		t.Fatalf("SQ_COMMAND INSERT answer %v", got)
	}
	if d := ans[0].(*sqli.Describe); len(d.Columns) != 0 || d.StatementType != sqli.StmtInsert {
		t.Errorf("describe %+v", d)
	}
	if done := ans[1].(*sqli.Done); done.Rows != 1 {
		t.Errorf("done %+v", done)
	}
	for _, tc := range []struct {
		sql  string
		code int16
	}{
		{"insert into bench_ins (id, nope) values (?, ?)", codeNoColumn},
		{"insert into bench_ins (id, ID) values (?, ?)", codeColumnRepeated},
		{"insert into bench_ins (id) values (?, ?)", codeInsertCount},
	} {
		e := c.expectErr(c.roundTrip(&sqli.Prepare{SQL: tc.sql}, &sqli.NDescribe{}, &sqli.WantDone{}))
		if e.SQLCode != tc.code {
			t.Errorf("%s: SQ_ERR %d, want %d", tc.sql, e.SQLCode, tc.code)
		}
	}
}

// TestReplayRouting checks which statements replay and that the others
// reach the engine, and the cursor rules on replay statements.
func TestReplayRouting(t *testing.T) {
	srv := startServer(t, Config{Replay: BenchTables()})
	c := connect(t, srv, DefaultDatabase)
	if _, rows := c.query("SELECT * FROM informix.bench_one WHERE one = ?", 5); len(rows) != 1 || !sameValue(rows[0][0], int64(1)) {
		t.Errorf("bench_one: %v, want [[1]]", rows)
	}
	if _, rows := c.query("select count(*) from bench_wide"); len(rows) != 1000 {
		t.Errorf("select count(*) from bench_wide: %d rows, want bench_wide's 1000", len(rows))
	}
	for _, sql := range []string{"delete from bench_ins", "update bench_ins set id = 1", "select * from bench_one into temp x"} {
		if e := c.expectErr(c.exec(sql)); e.SQLCode != -206 {
			t.Errorf("%s: SQ_ERR %d, want the engine's -206", sql, e.SQLCode)
		}
	}
	d := c.prepare("select * from bench_one", 0)
	if e := c.expectErr(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.Execute{})); e.SQLCode != codeNotAvailable {
		t.Errorf("EXECUTE of a replay SELECT: SQ_ERR %d, want -404", e.SQLCode)
	}
	ins := c.prepare("insert into bench_ins values (?, ?, ?, ?, ?)", 5)
	if e := c.expectErr(c.roundTrip(&sqli.ID{StatementID: ins.StatementID}, &sqli.Open{})); e.SQLCode != codeNotAvailable {
		t.Errorf("OPEN of a replay INSERT: SQ_ERR %d, want -404", e.SQLCode)
	}
	// A cursor not opened WITH HOLD closes at COMMIT (closeCursorsAtEnd).
	c.expectOK(c.roundTrip(&sqli.Begin{}))
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.CurName{Name: "c1"}, &sqli.Open{}))
	c.expectOK(c.roundTrip(&sqli.CommitWork{}))
	if e := c.expectErr(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.NFetch{BufferSize: 4096})); e.SQLCode != codeFetchUnopened {
		t.Errorf("NFETCH after COMMIT: SQ_ERR %d, want -400", e.SQLCode)
	}
	// Without a database, the engine answers (-349).
	nodb := connect(t, srv, "")
	if e := nodb.expectErr(nodb.roundTrip(&sqli.Prepare{SQL: "select * from bench_one"}, &sqli.NDescribe{})); e.SQLCode != -349 {
		t.Errorf("no database: SQ_ERR %d, want -349", e.SQLCode)
	}
}

// TestReplayScroll reads a replay table through a scroll cursor
// (SQ_SFETCH, SQLI.md §6.11).
func TestReplayScroll(t *testing.T) {
	srv := startServer(t, Config{Replay: BenchTables()})
	c := connect(t, srv, DefaultDatabase)
	d := c.prepare("select * from bench_wide", 0)
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.CurName{Name: "s1"}, &sqli.Scroll{}, &sqli.Open{}))
	layout := layoutOf(t, d)
	for _, tc := range []struct {
		m   *sqli.SFetch
		pos int32
	}{
		{&sqli.SFetch{Type: sqli.ScrollAbsolute, Target: 5, BufferSize: 4096}, 5},
		{&sqli.SFetch{Type: sqli.ScrollPrior, BufferSize: 4096}, 4},
		{&sqli.SFetch{Type: sqli.ScrollLast, BufferSize: 4096}, 1000},
	} {
		ans := c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, tc.m))
		if len(ans) != 2 || ans[0].(*sqli.TupID).Position != tc.pos {
			t.Fatalf("SFETCH %v: %v, want SQ_TUPID %d and a row", tc.m.Type, tags(ans), tc.pos)
		}
		row := make([]any, 100)
		if err := layout.Decode(ans[1].(*sqli.Tuple).Data, row, ifxtype.Latin1); err != nil {
			t.Fatal(err)
		}
		// Row i (from 0), column cj: 100·i + j, negative when i + j is odd.
		i := int64(tc.pos - 1)
		want1 := 100*i + 1
		if (i+1)%2 == 1 {
			want1 = -want1
		}
		if !sameValue(row[0], want1) {
			t.Errorf("row %d c1 = %v, want %d", tc.pos, row[0], want1)
		}
	}
}

func TestReplayConfigErrors(t *testing.T) {
	cols := []ifxtype.Column{{Name: "a", Type: ifxtype.Type{Code: sqli.TypeVarChar, Length: 3}}}
	row := func(v any) func(int) []any { return func(int) []any { return []any{v} } }
	tests := []struct {
		name   string
		tables []ReplayTable
		want   string
	}{
		{"empty name", []ReplayTable{{Columns: cols}}, "not a plain name"},
		{"space in name", []ReplayTable{{Name: "a b", Columns: cols}}, "not a plain name"},
		{"leading digit", []ReplayTable{{Name: "1t", Columns: cols}}, "not a plain name"},
		{"twice", []ReplayTable{{Name: "t", Columns: cols}, {Name: "T", Columns: cols}}, "configured twice"},
		{"no columns", []ReplayTable{{Name: "t"}}, "no columns"},
		{"unnamed column", []ReplayTable{{Name: "t", Columns: []ifxtype.Column{{Type: cols[0].Type}}}}, "empty name"},
		{"no codec", []ReplayTable{{Name: "t", Columns: []ifxtype.Column{{Name: "x", Type: ifxtype.Type{Code: 99}}}}}, "no codec"},
		{"negative rows", []ReplayTable{{Name: "t", Columns: cols, Rows: -1}}, "-1 rows"},
		{"no Row", []ReplayTable{{Name: "t", Columns: cols, Rows: 1}}, "no Row function"},
		{"too long", []ReplayTable{{Name: "t", Columns: cols, Rows: 1, Row: row("abcd")}}, "row 0 in code set 8859-1"},
		{"wrong count", []ReplayTable{{Name: "t", Columns: cols, Rows: 1, Row: func(int) []any { return nil }}}, "0 values for 1 columns"},
		{"not in 8859-1", []ReplayTable{{Name: "t", Columns: cols, Rows: 1, Row: row("€")}}, "row 0 in code set 8859-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, err := Start(Config{Replay: tt.tables})
			if err == nil {
				srv.Close()
				t.Fatal("Start accepted the configuration")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "ifxtest: ") {
				t.Errorf("error %q, want one starting ifxtest: and containing %q", err, tt.want)
			}
		})
	}
}

// TestReplayCodeSets checks that rows are encoded in the code set of the
// open database: é is E9 in 8859-1 and C3 A9 in UTF-8 (TYPES.md §7).
func TestReplayCodeSets(t *testing.T) {
	tbl := ReplayTable{Name: "t", Columns: []ifxtype.Column{{Name: "a", Type: ifxtype.Type{Code: sqli.TypeVarChar, Length: 3}}},
		Rows: 1, Row: func(int) []any { return []any{"é"} }}
	srv := startServer(t, Config{Replay: []ReplayTable{tbl},
		Databases: []Database{{Name: "latin"}, {Name: "utf", Locale: "en_US.utf8"}}})
	for _, tc := range []struct {
		db   string
		want []byte
	}{
		{"latin", []byte{1, 0xE9}},
		{"utf", []byte{2, 0xC3, 0xA9}},
	} {
		c := connect(t, srv, tc.db)
		d := c.prepare("select a from t", 0)
		batches := c.fetchAll(d.StatementID, 4096)
		if len(batches) != 1 || len(batches[0].tuples) != 1 || !reflect.DeepEqual(batches[0].tuples[0], tc.want) {
			t.Errorf("%s: %+v, want one row % x", tc.db, batches, tc.want)
		}
	}
}

func TestReplayTableCreateSQL(t *testing.T) {
	want := map[string]string{
		BenchRows: "CREATE TABLE bench_rows (id INTEGER, name VARCHAR(32), amount DECIMAL(12,2), ts DATETIME YEAR TO SECOND, ratio FLOAT)",
		BenchOne:  "CREATE TABLE bench_one (one INTEGER)",
		BenchLOB:  "CREATE TABLE bench_lob (id INTEGER, doc LVARCHAR(4096))",
		BenchIns:  "CREATE TABLE bench_ins (id INTEGER, name VARCHAR(32), amount DECIMAL(12,2), ts DATETIME YEAR TO SECOND, ratio FLOAT)",
	}
	for _, tb := range BenchTables() {
		if w, ok := want[tb.Name]; ok && tb.CreateSQL() != w {
			t.Errorf("%s: %q, want %q", tb.Name, tb.CreateSQL(), w)
		}
	}
	wide := benchTable(t, BenchWide, -1).CreateSQL()
	if !strings.HasPrefix(wide, "CREATE TABLE bench_wide (c1 INTEGER, c2 INTEGER, ") || !strings.HasSuffix(wide, ", c100 INTEGER)") {
		t.Errorf("bench_wide: %q", wide)
	}
	nn := ReplayTable{Name: "t", Columns: []ifxtype.Column{{Name: "a", Type: ifxtype.Type{Code: sqli.TypeSmallInt | sqli.FlagNotNull, Length: 2}}}}
	if got := nn.CreateSQL(); got != "CREATE TABLE t (a SMALLINT NOT NULL)" {
		t.Errorf("NOT NULL: %q", got)
	}
}
