package engine

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtype"
)

// fixture creates the tables the query tests read:
//
//	dept(id, name): (1, 'eng'), (2, 'ops'), (3, 'hr')
//	emp(id, name, dept, salary, hired): five people, one without a department
func fixture(t *testing.T) *Session {
	t.Helper()
	s := loggedSession(t)
	exec(t, s, "create table dept (id integer primary key, name char(10))")
	exec(t, s, "create table emp (id serial, name varchar(20) not null, dept integer, salary decimal(8,2), hired date)")
	for _, d := range []string{"(1, 'eng')", "(2, 'ops')", "(3, 'hr')"} {
		exec(t, s, "insert into dept values "+d)
	}
	for _, e := range []string{
		"(0, 'ann', 1, 5000.00, '2020-01-15')",
		"(0, 'bob', 1, 4000.50, '2021-06-01')",
		"(0, 'cid', 2, 3000.25, '2019-03-10')",
		"(0, 'dee', 2, 3000.25, '2022-11-30')",
		"(0, 'eve', null, null, null)",
	} {
		exec(t, s, "insert into emp values "+e)
	}
	return s
}

func TestSelectFeatures(t *testing.T) {
	s := fixture(t)
	tests := []struct {
		sql  string
		args []any
		want [][]any
	}{
		{"select name from emp where id = 2", nil, [][]any{{"bob"}}},
		{"select first 2 name from emp order by name desc", nil, [][]any{{"eve"}, {"dee"}}},
		{"select skip 3 name from emp order by 1", nil, [][]any{{"dee"}, {"eve"}}},
		{"select skip 1 first 2 name from emp order by id", nil, [][]any{{"bob"}, {"cid"}}},
		{"select first ? name from emp order by id", []any{int64(1)}, [][]any{{"ann"}}},
		{"select distinct dept from emp where dept is not null order by dept", nil, [][]any{{int64(1)}, {int64(2)}}},
		{"select unique salary from emp where dept = 2", nil, [][]any{{dec(nil, "3000.25")}}},
		{"select e.name, d.name from emp e, dept d where e.dept = d.id and d.name = 'ops' order by 1", nil,
			[][]any{{"cid", "ops       "}, {"dee", "ops       "}}},
		{"select e.name, d.name from emp e left outer join dept d on e.dept = d.id where e.id > 3 order by e.id", nil,
			[][]any{{"dee", "ops       "}, {"eve", nil}}},
		{"select d.name, count(*) from dept d inner join emp e on e.dept = d.id group by d.name having count(*) > 1 order by 1", nil,
			[][]any{{"eng       ", dec(nil, "2")}, {"ops       ", dec(nil, "2")}}},
		{"select name from emp where dept in (select id from dept where name = 'eng') order by id", nil, [][]any{{"ann"}, {"bob"}}},
		{"select name from emp where dept not in (1, 3) order by id", nil, [][]any{{"cid"}, {"dee"}}},
		{"select name from dept d where exists (select 1 from emp e where e.dept = d.id) order by id", nil,
			[][]any{{"eng       "}, {"ops       "}}},
		{"select name, (select name from dept where id = emp.dept) from emp where id = 3", nil, [][]any{{"cid", "ops       "}}},
		{"select name from emp where salary between 3000 and 4500 order by id", nil, [][]any{{"bob"}, {"cid"}, {"dee"}}},
		{"select name from emp where name like '_e%' order by id", nil, [][]any{{"dee"}}},
		{"select name from emp where name matches '[a-b]*' order by id", nil, [][]any{{"ann"}, {"bob"}}},
		{"select name from emp where name not like 'a%' and name <> 'eve' order by id", nil, [][]any{{"bob"}, {"cid"}, {"dee"}}},
		{"select id from dept union select dept from emp where dept is not null order by 1", nil,
			[][]any{{int64(1)}, {int64(2)}, {int64(3)}}},
		{"select id from dept where id = 1 union all select dept from emp where dept = 1", nil,
			[][]any{{int64(1)}, {int64(1)}, {int64(1)}}},
		{"select case when salary > 4000 then 'high' when salary > 0 then 'low' else 'none' end from emp order by id", nil,
			[][]any{{"high"}, {"high"}, {"low "}, {"low "}, {"none"}}},
		{"select case dept when 1 then 'one' else 'other' end from emp where id < 4 order by id", nil,
			[][]any{{"one  "}, {"one  "}, {"other"}}},
		{"select nvl(dept, -1) from emp where id = 5", nil, [][]any{{int64(-1)}}},
		{"select name from emp where hired > '2021-01-01' order by hired", nil, [][]any{{"bob"}, {"dee"}}},
		{"select name from emp where hired = ?", []any{time.Date(2019, 3, 10, 0, 0, 0, 0, time.UTC)}, [][]any{{"cid"}}},
		{"select name from emp where salary = ?", []any{"5000"}, [][]any{{"ann"}}},
		{"select x.n from (select name as n, dept from emp) x where x.dept = 2 order by 1", nil, [][]any{{"cid"}, {"dee"}}},
		{"select name from dept where name = 'eng  '", nil, [][]any{{"eng       "}}}, // CHAR compares blank-padded
		{"select * from table(set{1, 2}) order by 1", nil, [][]any{{int64(1)}, {int64(2)}}},
		{"select name from emp where name = ? or name = ? order by 1", []any{"ann", "eve"}, [][]any{{"ann"}, {"eve"}}},
		// A compared parameter is not cut to the column's type first.
		{"select name from emp where salary = ?", []any{"5000.001"}, nil},
		{"select name from emp where name = ?", []any{"ann" + strings.Repeat("x", 30)}, nil},
		{"select name from emp where id = ?", []any{int64(1) << 40}, nil},
	}
	for _, tt := range tests {
		rows, _, err := tryQuery(s, tt.sql, tt.args...)
		if err != nil {
			t.Errorf("%s: %v", tt.sql, err)
			continue
		}
		if !sameRows(rows, tt.want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.sql, rows, tt.want)
		}
	}
}

func sameRows(got, want [][]any) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if len(got[i]) != len(want[i]) {
			return false
		}
		for j := range got[i] {
			if !sameValue(got[i][j], want[i][j]) {
				return false
			}
		}
	}
	return true
}

// TestExpressions checks operators and functions against values worked
// out by hand.
func TestExpressions(t *testing.T) {
	s := fixture(t)
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		expr string
		want any
	}{
		{"1 + 2 * 3", int64(7)},
		{"7 / 2", int64(3)}, // INTEGER ÷ INTEGER stays INTEGER (ESQL/C conversion table) [I]
		{"7.0 / 2", dec(nil, "3.5")},
		{"1.5 + 1", dec(nil, "2.5")},
		{"0.1 + 0.2", dec(nil, "0.3")},
		{"2.5e0 * 2", 5.0},
		{"-(3)", int64(-3)},
		{"'ab' || 'cd'", "abcd"},
		{"(select name || '!' from dept where id = 1)", "eng       !"},
		{"10 - '4'", dec(nil, "6")},
		{"mod(17, 5)", int64(2)},
		{"abs(-4.25)", dec(nil, "4.25")},
		{"round(2.345, 2)", dec(nil, "2.35")},
		{"trunc(2.349, 2)", dec(nil, "2.34")},
		{"round(-2.5)", dec(nil, "-3")},
		{"upper('abc')", "ABC"},
		{"lower('ÀBC')", "àbc"},
		{"length('abc  ')", int64(3)},
		{"octet_length('abc  ')", int64(5)},
		{"trim('  x  ')", "x"},
		{"trim(leading '0' from '007')", "7"},
		{"ltrim('  x')", "x"},
		{"rtrim('x  ')", "x"},
		{"substr('informix', 3, 4)", "form    "},
		{"substring('informix' from 3 for 4)", "form    "},
		{"nvl(null, 'd')", "d"},
		{"mdy(5, 4, 2026)", d(2026, 5, 4)},
		{"date('2026-05-04') + 30", d(2026, 6, 3)},
		{"date('2026-05-04') - date('2026-01-01')", int64(123)}, // 30+28+31+30+3 + 1
		{"year(date('2026-05-04'))", int64(2026)},
		{"month(date('2026-05-04'))", int64(5)},
		{"day(date('2026-05-04'))", int64(4)},
		{"weekday(date('2026-05-04'))", int64(1)}, // a Monday
		{"today", d(2026, 5, 4)},
		{"extend(date('2026-05-04'), year to minute)", ifxtype.DateTime{Year: 2026, Month: 5, Day: 4, Qualifier: 0x0C08}},
		{"current year to second", ifxtype.DateTime{Year: 2026, Month: 5, Day: 4, Hour: 12, Minute: 34, Second: 56, Qualifier: 0x0E0A}},
		{"current hour to minute", ifxtype.DateTime{Hour: 12, Minute: 34, Qualifier: 0x0468}},
		{"datetime(2026-05-04 12:00) year to minute + interval(1 01:30) day to minute",
			ifxtype.DateTime{Year: 2026, Month: 5, Day: 5, Hour: 13, Minute: 30, Qualifier: 0x0C08}},
		{"datetime(2026-01-31) year to day + interval(1) month to month", Error{SQLCode: -1267}},
		{"datetime(2026-05-04 12:00:00) year to second - datetime(2026-05-01 06:00:00) year to second",
			ifxtype.IntervalDS{Seconds: 3*86400 + 6*3600}},
		{"interval(1 12:00:00) day to second * 2", ifxtype.IntervalDS{Seconds: 3 * 86400}},
		{"interval(2-06) year to month + interval(0-07) year to month", ifxtype.IntervalYM{Months: 37}},
		{"cast('12' as integer) + 1", int64(13)},
		{"'12'::decimal(5,1)", dec(nil, "12.0")},
		{"cast(1.5 as char(5))", "1.5  "},
		{"dbinfo('dbname')", "testdb"},
		{"dbinfo('version', 'major')", "15"},
		{"dbinfo('version', 'server-type')", "IBM Informix Dynamic Server"},
		{"1 / 0", Error{SQLCode: -1202}},
		{"'x' + 1", Error{SQLCode: -1213}},
	}
	for _, tt := range tests {
		rows, _, err := tryQuery(s, "select "+tt.expr+" from systables where tabid = 1")
		if want, ok := tt.want.(Error); ok {
			wantError(t, tt.expr, err, Error{SQLCode: want.SQLCode, Message: "*"})
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.expr, err)
			continue
		}
		if len(rows) != 1 || !sameValue(rows[0][0], tt.want) {
			t.Errorf("%s = %#v, want %#v", tt.expr, rows, tt.want)
		}
	}
}

// TestDescribeExpressions checks the names and types a describe gives to
// select items.
func TestDescribeExpressions(t *testing.T) {
	s := fixture(t)
	tests := []struct {
		item     string
		name     string
		typ      string
		nullable bool
	}{
		{"count(*)", "(count(*))", "DECIMAL(15,0)", true}, // TYPES.md §5.5 [W]: COUNT(*) is 9 packed bytes
		{"count(name)", "(count)", "DECIMAL(15,0)", true},
		{"sum(salary)", "(sum)", "DECIMAL(31)", true},
		{"avg(dept)", "(avg)", "DECIMAL(31)", true},
		{"max(name)", "(max)", "VARCHAR(20)", true},
		{"min(hired)", "(min)", "DATE", true},
		{"name", "name", "VARCHAR(20)", false},
		{"name as who", "who", "VARCHAR(20)", false},
		{"1", "(constant)", "INTEGER", true},
		{"'abc'", "(constant)", "CHAR(3)", true},
		{"1.50", "(constant)", "DECIMAL(3,2)", true},
		{"id + 1", "(expression)", "INTEGER", true},
		{"salary * 2", "(expression)", "DECIMAL(31)", true},
		{"today", "(expression)", "DATE", true},
		{"current", "(expression)", "DATETIME YEAR TO FRACTION(3)", true},
		{"dbinfo('sqlca.sqlerrd1')", "(expression)", "INTEGER", true},
	}
	for _, tt := range tests {
		st, err := s.Prepare("select " + tt.item + " from emp")
		if err != nil {
			t.Errorf("%s: %v", tt.item, err)
			continue
		}
		c := st.Columns[0]
		if c.Name != tt.name || c.Type.SQLName() != tt.typ || c.Type.Nullable() != tt.nullable {
			t.Errorf("%s: described %q %s nullable=%v, want %q %s nullable=%v",
				tt.item, c.Name, c.Type.SQLName(), c.Type.Nullable(), tt.name, tt.typ, tt.nullable)
		}
	}
}

// TestDescribeTable checks a SELECT * describe: types with their encoded
// lengths (TYPES.md §2.1) and start positions that sum the fixed widths
// before each column (TYPES.md §2.2).
func TestDescribeTable(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table d (a serial, b decimal(8,2) not null, c char(10), d datetime year to minute, e varchar(100,20), f boolean, g lvarchar)")
	st, err := s.Prepare("select * from d")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		code   uint16
		length int32
		start  int32
	}{
		{0x0106, 4, 0},       // SERIAL, NOT NULL like every serial
		{0x0105, 0x0802, 4},  // DECIMAL(8,2) NOT NULL: 5 bytes
		{0x0000, 10, 9},      // CHAR(10)
		{0x000A, 0x0C08, 19}, // DATETIME YEAR TO MINUTE = 3080 (TYPES.md §2.1): 7 bytes
		{0x000D, 0x1464, 26}, // VARCHAR(100,20) = 0x1464 (TYPES.md §2.1)
		{0x0029, 1, 127},     // BOOLEAN as 41/xid 5
		{0x0028, 2048, 128},  // LVARCHAR as 40/xid 1, default 2048
	}
	if len(st.Columns) != len(want) {
		t.Fatalf("%d columns", len(st.Columns))
	}
	for i, w := range want {
		c := st.Columns[i]
		if uint16(c.Type.Code) != w.code || c.Type.Length != w.length || c.Start != w.start {
			t.Errorf("column %s: code %#04x length %#x start %d, want %#04x %#x %d",
				c.Name, uint16(c.Type.Code), c.Type.Length, c.Start, w.code, w.length, w.start)
		}
	}
	if fmt.Sprint(st.Type) != "2" || !st.Cursor {
		t.Errorf("statement type %d cursor %v", st.Type, st.Cursor)
	}
	if !reflect.DeepEqual(st.Params, []ifxtype.Type{}) && len(st.Params) != 0 {
		t.Errorf("params %v", st.Params)
	}
}
