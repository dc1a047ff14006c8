package engine

import (
	"context"
	"io"
	"runtime"
	"testing"

	"github.com/go-informix/informix/ifxtype"
)

// TestClientCatalogQueries runs the queries clients send on connect: IBM
// JDBC 15.0.0.1.1 reads the database locale from the ' GL_COLLATE' row
// and the version through DBINFO over table(set{1}) (jdbc-notes.md);
// informix-driver asks DBINFO('version','full') from systables (its
// connections.py).
func TestClientCatalogQueries(t *testing.T) {
	for _, locale := range []string{"en_US.819", "en_US.utf8"} {
		s := newSession(t, newEngine(t, BufferedLogging, locale))
		tests := []struct {
			sql  string
			want any
		}{
			{"select FIRST 1 site from informix.systables where tabname = ' GL_COLLATE'", locale},
			{`select first 1 site from "informix".systables where tabname = ' GL_CTYPE'`, locale},
			{"SELECT FIRST 1 SITE FROM SYSTABLES WHERE TABNAME = ' GL_COLLATE'", locale},
			{"select dbinfo('version','full') from  table (set{1});", DefaultServerVersion},
			{"SELECT FIRST 1 DBINFO('version','full') FROM systables", DefaultServerVersion},
			{"select tabname from systables where tabid = 1", "systables"},
			{"select owner from informix.systables where tabid = 2", "informix                        "},
		}
		for _, tt := range tests {
			if got := one(t, s, tt.sql); got != tt.want {
				t.Errorf("%s: %q, want %q", tt.sql, got, tt.want)
			}
		}
	}
}

// TestCatalogRows checks the rows a CREATE TABLE adds to SYSTABLES and
// SYSCOLUMNS: coltype is the type code plus 256 for NOT NULL, collength
// the encoded length (TYPES.md §2.1: DECIMAL(8,2) = 0x0802 = 2050,
// DATETIME YEAR TO MINUTE = 3080, VARCHAR(100,20) = 0x1464 = 5220),
// LVARCHAR and BOOLEAN as 40 and 41 with their extended ids 1 and 5.
func TestCatalogRows(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table cat (a serial, b decimal(8,2) not null, c datetime year to minute, "+
		"d varchar(100,20), e lvarchar(500), f boolean, g int8, primary key (a))")
	row := queryRows(t, s, "select tabid, ncols, nindexes, tabtype, owner from systables where tabname = 'cat'")
	if !sameRows(row, [][]any{{int64(100), int64(7), int64(1), "T", "informix                        "}}) {
		t.Errorf("systables row %v", row)
	}
	rows := queryRows(t, s, "select colname, colno, coltype, collength, extended_id from syscolumns where tabid = 100 order by colno")
	want := [][]any{
		{"a", int64(1), int64(262), int64(4), int64(0)},
		{"b", int64(2), int64(261), int64(2050), int64(0)},
		{"c", int64(3), int64(10), int64(3080), int64(0)},
		{"d", int64(4), int64(13), int64(5220), int64(0)},
		{"e", int64(5), int64(40), int64(500), int64(1)},
		{"f", int64(6), int64(41), int64(1), int64(5)},
		{"g", int64(7), int64(17), int64(10), int64(0)},
	}
	if !sameRows(rows, want) {
		t.Errorf("syscolumns rows\n got %v\nwant %v", rows, want)
	}
	cons := queryRows(t, s, "select constrname, constrtype, idxname from sysconstraints where tabid = 100")
	if !sameRows(cons, [][]any{{"u100_1", "P", " 100_1"}}) {
		t.Errorf("sysconstraints %v", cons)
	}
	if got := one(t, s, "select count(*) from sysusers where username = 'informix'"); !sameValue(got, dec(t, "1")) {
		t.Errorf("sysusers count %v", got)
	}
}

// TestLargeCursor reads 100 000 rows through a cursor and checks that the
// heap does not grow with the rows read: a cursor holds one row at a time.
func TestLargeCursor(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table big (id serial, v varchar(40))")
	st, err := s.Prepare("insert into big (v) values (?)")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	const n = 100000
	for i := 0; i < n; i++ {
		if _, err := s.Execute(ctx, st, []any{"row value of some length"}); err != nil {
			t.Fatal(err)
		}
	}
	sel, err := s.Prepare("select id, v from big")
	if err != nil {
		t.Fatal(err)
	}
	cur, err := s.Open(ctx, sel, []any{})
	if err != nil {
		t.Fatal(err)
	}
	defer cur.Close()
	var sum, rows int64
	var atTenth uint64
	for {
		row, err := cur.Next(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		sum += row[0].(int64)
		rows++
		if rows == n/10 {
			atTenth = heapInUse()
		}
	}
	if rows != n || sum != n*(n+1)/2 {
		t.Fatalf("read %d rows with id sum %d, want %d and %d", rows, sum, n, int64(n)*(n+1)/2)
	}
	if grown := int64(heapInUse()) - int64(atTenth); grown > 8<<20 {
		t.Errorf("heap grew by %d bytes over the last 90 000 rows", grown)
	}
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// TestCursorInterrupt: a cancelled context ends a fetch with -213/-157.
func TestCursorInterrupt(t *testing.T) {
	s := fixture(t)
	st, err := s.Prepare("select name from emp")
	if err != nil {
		t.Fatal(err)
	}
	cur, err := s.Open(context.Background(), st, []any{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = cur.Next(ctx)
	wantError(t, "fetch with a cancelled context", err, Error{SQLCode: -213, ISAMCode: -157})
	_, err = s.Open(ctx, st, []any{})
	wantError(t, "open with a cancelled context", err, Error{SQLCode: -213, ISAMCode: -157})
	if _, err := cur.Next(context.Background()); err != io.EOF {
		t.Errorf("fetch after the interrupt: %v, want io.EOF", err)
	}
}

// TestOutputTypes checks that every column type comes back as the Go
// type its ifxtype codec encodes, by encoding a row with the statement's
// columns.
func TestOutputTypes(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table o (a smallint, b integer, c int8, d bigint, e serial8, f smallfloat, g float, "+
		"h decimal(10,3), i money, j date, k datetime year to fraction(5), l interval day(9) to fraction(5), "+
		"m interval year to month, n char(3), o nchar(3), p varchar(10), q nvarchar(10), r lvarchar, s boolean)")
	exec(t, s, "insert into o values (1, 2, 3, 4, 0, 1.5, 2.5, 3.25, 4.5, '2026-05-04', "+
		"'2026-05-04 12:34:56.12345', '1 02:03:04.5', '3-06', 'a', 'b', 'c', 'd', 'e', 't')")
	exec(t, s, "insert into o (a) values (null)")
	rows, st, err := tryQuery(s, "select * from o")
	if err != nil {
		t.Fatal(err)
	}
	layout, err := ifxtype.NewRowLayout(st.Columns)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if _, err := layout.AppendRow(nil, row, ifxtype.Latin1); err != nil {
			t.Errorf("encode row %v: %v", row, err)
		}
	}
}
