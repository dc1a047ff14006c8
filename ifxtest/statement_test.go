package ifxtest

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// bindOf builds an SQ_BIND of vals with ifxtype's client-side encoders:
// int as INTEGER, int64 as BIGINT, string as CHAR (as JDBC binds a
// string), float64 as FLOAT, ifxtype.Decimal as DECIMAL, nil as a NULL
// CHAR.
func bindOf(t testing.TB, vals ...any) *sqli.Bind {
	t.Helper()
	b := &sqli.Bind{}
	for _, v := range vals {
		var code sqli.TypeCode
		switch x := v.(type) {
		case nil:
			b.Values = append(b.Values, sqli.BindValue{Type: sqli.TypeChar, Indicator: sqli.IndicatorNull})
			continue
		case int:
			code, v = sqli.TypeInteger, int64(x)
		case int64:
			code = sqli.TypeBigInt
		case string:
			code = sqli.TypeChar
		case float64:
			code = sqli.TypeFloat
		case ifxtype.Decimal:
			code = sqli.TypeDecimal
		default:
			t.Fatalf("bindOf: no bind type for %T", v)
		}
		codec, err := ifxtype.CodecFor(ifxtype.Type{Code: code})
		if err != nil {
			t.Fatal(err)
		}
		prec, data, err := codec.AppendBind(nil, v, ifxtype.Latin1)
		if err != nil {
			t.Fatalf("bindOf(%v): %v", v, err)
		}
		b.Values = append(b.Values, sqli.BindValue{Type: code, Prec: prec, Data: data})
	}
	return b
}

// decodeRows decodes the tuples of ans with the layout of d's columns.
func decodeRows(t *testing.T, d *sqli.Describe, ans []sqli.ServerMessage) [][]any {
	t.Helper()
	layout := layoutOf(t, d)
	var rows [][]any
	for _, m := range ans {
		tu, ok := m.(*sqli.Tuple)
		if !ok {
			continue
		}
		row := make([]any, len(d.Columns))
		if err := layout.Decode(tu.Data, row, ifxtype.Latin1); err != nil {
			t.Fatalf("decode row %d: %v", len(rows)+1, err)
		}
		rows = append(rows, row)
	}
	return rows
}

// layoutOf returns the row layout a client derives from a description.
func layoutOf(t *testing.T, d *sqli.Describe) *ifxtype.RowLayout {
	t.Helper()
	cols := make([]ifxtype.Column, len(d.Columns))
	for i, c := range d.Columns {
		cols[i] = ifxtype.Column{Name: c.Name, Start: c.Start,
			Type: ifxtype.Type{Code: c.Type, XID: c.XID, Owner: c.Owner, Name: c.TypeName, Length: c.Length}}
	}
	l, err := ifxtype.NewRowLayout(cols)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// query prepares sql, opens a cursor with binds as JDBC does for a
// fixed-width result (ID CURNAME [BIND] OPEN ID NFETCH; SQLI.md §7.2),
// fetches to the end with a 4096-byte buffer, closes and releases it.
func (c *testClient) query(sql string, binds ...any) (*sqli.Describe, [][]any) {
	c.t.Helper()
	d := c.prepare(sql, len(binds))
	open := []sqli.Message{&sqli.ID{StatementID: d.StatementID}, &sqli.CurName{Name: "_ifxc0000000000001"}}
	if len(binds) > 0 {
		open = append(open, bindOf(c.t, binds...))
	}
	open = append(open, &sqli.Open{}, &sqli.ID{StatementID: d.StatementID}, &sqli.NFetch{BufferSize: 4096})
	ans := c.expectOK(c.roundTrip(open...))
	var all []sqli.ServerMessage
	for {
		all = append(all, ans...)
		if len(ans) > 0 && ans[len(ans)-1].Tag() == sqli.TagDone {
			break
		}
		ans = c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.NFetch{BufferSize: 4096}))
	}
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.Close{}))
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.Release{}))
	return d, decodeRows(c.t, d, all)
}

func TestDescribeColumns(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (a integer not null, b char(10), c decimal(8,2), d smallint, e date)")
	d := c.prepare("select a, b, c, d, e from t", 0)
	if d.StatementType != sqli.StmtSelect || d.StatementID != 0 {
		t.Errorf("statement type %d, id %d; want 2, 0", d.StatementType, d.StatementID)
	}
	// Starts by hand: INTEGER 4 bytes, CHAR(10) 10, DECIMAL(8,2)
	// (8+0+3)/2 = 5 (TYPES.md §2.2), SMALLINT 2, DATE 4: 0, 4, 14, 19, 21;
	// tuple size 25.
	want := []sqli.DescribeColumn{
		{Name: "a", Start: 0, Type: sqli.TypeInteger | sqli.FlagNotNull, Length: 4},
		{Name: "b", Start: 4, Type: sqli.TypeChar, Length: 10},
		{Name: "c", Start: 14, Type: sqli.TypeDecimal, Length: 0x0802},
		{Name: "d", Start: 19, Type: sqli.TypeSmallInt, Length: 2},
		{Name: "e", Start: 21, Type: sqli.TypeDate, Length: 4},
	}
	if !reflect.DeepEqual(d.Columns, want) {
		t.Errorf("columns\n got %+v\nwant %+v", d.Columns, want)
	}
	if d.TupleSize != 25 {
		t.Errorf("tuple size %d, want 25", d.TupleSize)
	}
	// Statement ids: the next is 1; after releasing 0, 0 is handed out again.
	if d2 := c.prepare("select a from t", 0); d2.StatementID != 1 {
		t.Errorf("second statement id %d, want 1", d2.StatementID)
	}
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: 0}, &sqli.Release{}))
	if d3 := c.prepare("select b from t", 0); d3.StatementID != 0 {
		t.Errorf("statement id after releasing 0: %d, want 0", d3.StatementID)
	}
}

func TestDescribeSequentialRow(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (a integer, v varchar(30), b char(3))")
	c.mustExec("insert into t values (7, 'hello', 'xy')")
	d, rows := c.query("select a, v, b from t")
	// A VARCHAR makes the row sequential; the starts describe the longest
	// row: INTEGER 4, VARCHAR(30) 1+30, CHAR(3) 3: 0, 4, 35; tuple 38.
	starts := []int32{d.Columns[0].Start, d.Columns[1].Start, d.Columns[2].Start}
	if !reflect.DeepEqual(starts, []int32{0, 4, 35}) || d.TupleSize != 38 {
		t.Errorf("starts %v, tuple size %d; want [0 4 35], 38", starts, d.TupleSize)
	}
	want := [][]any{{int64(7), "hello", "xy "}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %v, want %v", rows, want)
	}
}

// insertRows inserts rows (i, "row i") for i in [from, to) into table
// name(i integer, c char(20)) as one group of BIND+EXECUTE pairs, the way
// JDBC's executeBatch sends them.
func (c *testClient) insertRows(name string, from, to int) {
	c.t.Helper()
	d := c.prepare("insert into "+name+" values (?, ?)", 2)
	msgs := []sqli.Message{&sqli.ID{StatementID: d.StatementID}}
	for i := from; i < to; i++ {
		msgs = append(msgs, bindOf(c.t, i, fmt.Sprintf("row %d", i)), &sqli.Execute{})
	}
	ans := c.expectOK(c.roundTrip(msgs...))
	if n := count(ans, sqli.TagDone); n != to-from {
		c.t.Fatalf("batch insert: %d SQ_DONEs for %d rows", n, to-from)
	}
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.Release{}))
}

// count returns how many messages of ans have tag.
func count(ans []sqli.ServerMessage, tag sqli.Tag) int {
	n := 0
	for _, m := range ans {
		if m.Tag() == tag {
			n++
		}
	}
	return n
}

func TestFetchBatches(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table big (i integer, c char(20))")
	c.insertRows("big", 0, 1000)
	tests := []struct {
		buf     int32
		batches []int // rows per batch
	}{
		// A row is 4+20 = 24 bytes, its SQ_TUPLE 8+24 = 32: 4096/32 = 128
		// rows a batch; 1000 = 7*128 + 104.
		{4096, []int{128, 128, 128, 128, 128, 128, 128, 104}},
		// 100/32 = 3 rows a batch: 333 batches of 3, then 1.
		{100, append(repeatInt(3, 333), 1)},
		// A buffer smaller than a row: one row a batch, never split.
		{10, repeatInt(1, 1000)},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.buf), func(t *testing.T) {
			d := c.prepare("select i, c from big order by i", 0)
			ans := c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.CurName{Name: "cur"}, &sqli.Open{}))
			if len(ans) != 0 {
				t.Fatalf("OPEN answer %v, want SQ_EOT alone", tags(ans))
			}
			var got []int
			next := 0
			for {
				ans := c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.NFetch{BufferSize: tt.buf}))
				checkBatch(t, ans, tt.buf)
				rows := decodeRows(t, d, ans)
				for _, r := range rows {
					if r[0] != int64(next) || r[1] != fmt.Sprintf("%-20s", fmt.Sprintf("row %d", next)) {
						t.Fatalf("row %d = %v", next, r)
					}
					next++
				}
				if len(rows) > 0 {
					got = append(got, len(rows))
				}
				if ans[len(ans)-1].Tag() == sqli.TagDone {
					break
				}
			}
			if !reflect.DeepEqual(got, tt.batches) {
				t.Errorf("batches %v, want %v", got, tt.batches)
			}
			// An exhausted cursor answers SQ_DONE alone (informix-driver
			// fetches once more after the last rows).
			ans = c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.NFetch{BufferSize: tt.buf}))
			if !reflect.DeepEqual(tags(ans), []sqli.Tag{sqli.TagDone}) {
				t.Errorf("fetch after the end: %v, want SQ_DONE", tags(ans))
			}
			c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.Close{}))
			c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.Release{}))
		})
	}
}

// checkBatch checks a fetch answer: SQ_TUPLEs, then at most an SQ_DONE;
// the SQ_TUPLE messages fit in buf bytes unless the batch is one row.
func checkBatch(t *testing.T, ans []sqli.ServerMessage, buf int32) {
	t.Helper()
	size, rows := 0, 0
	for i, m := range ans {
		switch m := m.(type) {
		case *sqli.Tuple:
			size += 8 + len(m.Data) + len(m.Data)%2
			rows++
		case *sqli.Done:
			if i != len(ans)-1 {
				t.Fatalf("SQ_DONE before the end of the batch: %v", tags(ans))
			}
		default:
			t.Fatalf("unexpected %v in a fetch answer", m.Tag())
		}
	}
	if rows > 1 && size > int(buf) {
		t.Fatalf("batch of %d rows is %d bytes, over the %d-byte buffer", rows, size, buf)
	}
}

func repeatInt(v, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// TestJDBCOpenFetchGroup runs the 42-byte open+fetch group of SQLI.md
// §7.2 byte for byte.
func TestJDBCOpenFetchGroup(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer)")
	c.mustExec("insert into t values (42)")
	d := c.prepare("select i from t", 0)
	if d.StatementID != 0 {
		t.Fatalf("statement id %d, want 0", d.StatementID)
	}
	// SQLI.md §7.2 (our construction): ID 0, CURNAME _ifxc0000000000001,
	// OPEN, ID 0, NFETCH 4096, EOT.
	c.sendRaw([]byte{
		0x00, 0x04, 0x00, 0x00, 0x00, 0x03, 0x00, 0x12, 0x5f, 0x69, 0x66, 0x78, 0x63, 0x30, 0x30, 0x30, 0x30,
		0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31, 0x00, 0x06, 0x00, 0x04, 0x00, 0x00, 0x00, 0x09,
		0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x0c,
	})
	ans := c.expectOK(c.answer())
	if rows := decodeRows(t, d, ans); !reflect.DeepEqual(rows, [][]any{{int64(42)}}) {
		t.Errorf("rows %v, want [[42]]", rows)
	}
}

func TestExecuteCounts(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table s (id serial, n integer)")
	for i, want := range []int32{1, 2, 3} {
		if d := c.mustExec(fmt.Sprintf("insert into s (n) values (%d)", i)); d.Rows != 1 || d.Serial != want {
			t.Errorf("insert %d: rows %d serial %d, want 1, %d", i, d.Rows, d.Serial, want)
		}
	}
	if d := c.mustExec("insert into s values (100, 9)"); d.Serial != 100 {
		t.Errorf("explicit serial 100: SQ_DONE serial %d", d.Serial)
	}
	if d := c.mustExec("update s set n = n + 1 where id < 3"); d.Rows != 2 {
		t.Errorf("update: %d rows, want 2", d.Rows)
	}
	if d := c.mustExec("delete from s"); d.Rows != 4 {
		t.Errorf("delete: %d rows, want 4", d.Rows)
	}
}

func TestInsertDone(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table b (id bigserial, n integer)")
	c.mustExec("insert into b (n) values (1)")
	ans := c.expectOK(c.exec("insert into b (n) values (2)"))
	want := []sqli.Tag{sqli.TagDescribe, sqli.TagInsertDone, sqli.TagDone, sqli.TagCost}
	if !reflect.DeepEqual(tags(ans), want) {
		t.Fatalf("answer %v, want %v", tags(ans), want)
	}
	if id := ans[1].(*sqli.InsertDone); id.BigSerial != 2 {
		t.Errorf("SQ_INSERTDONE bigserial %d, want 2", id.BigSerial)
	}
}

func TestReexecute(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer, c char(20))")
	d := c.prepare("insert into t values (?, ?)", 2)
	if d.StatementType != sqli.StmtInsert {
		t.Errorf("statement type %d, want 6", d.StatementType)
	}
	for i := range 3 {
		ans := c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, bindOf(t, i, "x"), &sqli.Execute{}))
		if !reflect.DeepEqual(tags(ans), []sqli.Tag{sqli.TagDone, sqli.TagCost}) || ans[0].(*sqli.Done).Rows != 1 {
			t.Fatalf("execute %d: %v", i, tags(ans))
		}
	}
	if n := c.rowCount("t"); n != 3 {
		t.Errorf("count(*) = %d, want 3", n)
	}
}

func TestBindNull(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer, c char(5))")
	d := c.prepare("insert into t values (?, ?)", 2)
	c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, bindOf(t, nil, nil), &sqli.Execute{}))
	if _, rows := c.query("select i, c from t"); !reflect.DeepEqual(rows, [][]any{{nil, nil}}) {
		t.Errorf("rows %v, want one row of NULLs", rows)
	}
	if n := c.rowCount("t where i is null and c is null"); n != 1 {
		t.Errorf("count of NULL rows = %d, want 1", n)
	}
}

func TestInputDescribe(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer, d decimal(8,2))")
	d := c.prepare("insert into t values (?, ?)", 2)
	ans := c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.CIDescribe{}))
	if len(ans) != 1 {
		t.Fatalf("answer %v, want SQ_IDESCRIBE", tags(ans))
	}
	got := ans[0].(*sqli.IDescribe).Params
	want := []sqli.IDescribeParam{{Type: sqli.TypeInteger, Length: 4}, {Type: sqli.TypeDecimal, Length: 0x0802}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parameters %+v, want %+v", got, want)
	}
}

func TestScrollCursor(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer, c char(20))")
	c.insertRows("t", 1, 6)
	d := c.prepare("select i from t order by i", 0)
	id := &sqli.ID{StatementID: d.StatementID}
	c.expectOK(c.roundTrip(id, &sqli.CurName{Name: "sc"}, &sqli.Scroll{}, &sqli.Open{}))
	steps := []struct {
		typ    sqli.ScrollType
		target int32
		pos    int32 // 0: no row
	}{
		{sqli.ScrollNext, 0, 1}, {sqli.ScrollNext, 0, 2}, {sqli.ScrollLast, 0, 5},
		{sqli.ScrollPrior, 0, 4}, {sqli.ScrollAbsolute, 2, 2}, {sqli.ScrollRelative, 2, 4},
		{sqli.ScrollCurrent, 0, 4}, {sqli.ScrollFirst, 0, 1}, {sqli.ScrollAbsolute, 6, 0},
		{sqli.ScrollPrior, 0, 5},
	}
	for i, s := range steps {
		ans := c.expectOK(c.roundTrip(id, &sqli.SFetch{Type: s.typ, Target: s.target, BufferSize: 4096}))
		if s.pos == 0 {
			if !reflect.DeepEqual(tags(ans), []sqli.Tag{sqli.TagDone}) {
				t.Fatalf("step %d: %v, want SQ_DONE alone", i, tags(ans))
			}
			continue
		}
		if !reflect.DeepEqual(tags(ans), []sqli.Tag{sqli.TagTupID, sqli.TagTuple}) {
			t.Fatalf("step %d: %v, want SQ_TUPID SQ_TUPLE", i, tags(ans))
		}
		rows := decodeRows(t, d, ans)
		if p := ans[0].(*sqli.TupID).Position; p != s.pos || rows[0][0] != int64(s.pos) {
			t.Errorf("step %d (%d %d): position %d row %v, want %d", i, s.typ, s.target, p, rows[0], s.pos)
		}
	}
}

// TestTrailingNUL checks statement text whose length counts a trailing
// NUL, as S4's JDBC 4.50 bytes send it (SQLI.md §6.1).
func TestTrailingNUL(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (i integer)\x00")
	c.mustExec("insert into t values (5)\x00")
	if n := c.rowCount("t"); n != 1 {
		t.Errorf("%d rows, want 1", n)
	}
}

// TestLoginEnvironment checks that the login environment reaches the
// session: with DBDATE=DMY4/ the string '04/05/2026' is 4 May 2026.
func TestLoginEnvironment(t *testing.T) {
	srv := startServer(t, Config{})
	c := dial(t, srv)
	c.env = []sqli.EnvVar{{Name: "DBDATE", Value: "DMY4/"}, {Name: "CLIENT_LOCALE", Value: "en_US.8859-1"}}
	c.handshake(DefaultDatabase)
	c.mustExec("create table t (d date)")
	c.mustExec("insert into t values ('04/05/2026')")
	_, rows := c.query("select d from t")
	if len(rows) != 1 {
		t.Fatalf("rows %v", rows)
	}
	if d, ok := rows[0][0].(time.Time); !ok || d.Format("2006-01-02") != "2026-05-04" {
		t.Errorf("date %v, want 2026-05-04", rows[0][0])
	}
}

func TestCloseAndReopenDatabase(t *testing.T) {
	srv := startServer(t, Config{Databases: []Database{{Name: "a", Logging: BufferedLogging}, {Name: "b"}}})
	c := connect(t, srv, "a")
	c.mustExec("create table ta (i integer)")
	d := c.prepare("select i from ta", 0)
	ans := c.expectOK(c.roundTrip(&sqli.DBClose{}))
	if !reflect.DeepEqual(tags(ans), []sqli.Tag{sqli.TagDone, sqli.TagCost}) {
		t.Errorf("SQ_DBCLOSE answer %v", tags(ans))
	}
	// Closing the database freed its statements.
	if e := c.expectErr(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.Release{})); e.SQLCode != -404 {
		t.Errorf("statement after SQ_DBCLOSE: SQ_ERR %d, want -404", e.SQLCode)
	}
	ans = c.expectOK(c.roundTrip(&sqli.DBOpen{Database: "b"}))
	if w := ans[0].(*sqli.Done).Warnings; w != 0 {
		t.Errorf("database b warnings %#x, want 0 (no logging)", w)
	}
	if e := c.expectErr(c.exec("select i from ta")); e.SQLCode != -206 {
		t.Errorf("table of database a seen from b: SQ_ERR %d, want -206", e.SQLCode)
	}
}

// TestAutoFree checks SQ_AUTOFREE: closing the cursor frees the statement,
// so its id is handed out again (SQLI.md §6.15).
func TestAutoFree(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	d := c.prepare("select tabname from systables", 0)
	id := &sqli.ID{StatementID: d.StatementID}
	c.expectOK(c.roundTrip(id, &sqli.CurName{Name: "af"}, &sqli.AutoFree{}, &sqli.Open{}))
	c.expectOK(c.roundTrip(id, &sqli.Close{}))
	if e := c.expectErr(c.roundTrip(id, &sqli.Release{})); e.SQLCode != -404 {
		t.Errorf("statement after an auto-freeing close: SQ_ERR %d, want -404", e.SQLCode)
	}
	if d2 := c.prepare("select tabid from systables", 0); d2.StatementID != d.StatementID {
		t.Errorf("next statement id %d, want the freed %d", d2.StatementID, d.StatementID)
	}
}

// TestCodeSets checks that character data travels in the database's code
// set: 'é' is the byte E9 in an en_US.819 database and C3 A9 in an
// en_US.utf8 one (TYPES.md §7), in both directions.
func TestCodeSets(t *testing.T) {
	srv := startServer(t, Config{Databases: []Database{{Name: "latin", Logging: BufferedLogging}, {Name: "utf", Logging: BufferedLogging, Locale: "en_US.utf8"}}})
	for _, tt := range []struct {
		db  string
		val string // 'é' followed by 'x', in the database's code set
	}{{"latin", "\xe9x"}, {"utf", "\xc3\xa9x"}} {
		t.Run(tt.db, func(t *testing.T) {
			c := connect(t, srv, tt.db)
			c.mustExec("create table t (v varchar(10))")
			d := c.prepare("insert into t values (?)", 1)
			v := sqli.BindValue{Type: sqli.TypeChar, Data: append([]byte{0, byte(len(tt.val))}, tt.val...)}
			c.expectOK(c.roundTrip(&sqli.ID{StatementID: d.StatementID}, &sqli.Bind{Values: []sqli.BindValue{v}}, &sqli.Execute{}))
			c.mustExec("insert into t values ('" + tt.val + "')")
			q := c.prepare("select v from t", 0)
			ans := c.expectOK(c.roundTrip(&sqli.ID{StatementID: q.StatementID}, &sqli.CurName{Name: "cs"}, &sqli.Open{},
				&sqli.ID{StatementID: q.StatementID}, &sqli.NFetch{BufferSize: 4096}))
			want := append([]byte{byte(len(tt.val))}, tt.val...) // VARCHAR: u8 n, n bytes
			if count(ans, sqli.TagTuple) != 2 {
				t.Fatalf("answer %v, want two rows", tags(ans))
			}
			for i, m := range ans[:2] {
				if tu, ok := m.(*sqli.Tuple); !ok || string(tu.Data) != string(want) {
					t.Errorf("row %d: %v, want payload % x", i+1, m, want)
				}
			}
		})
	}
}
