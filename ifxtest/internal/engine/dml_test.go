package engine

import (
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// TestSerial checks Informix's SERIAL rules: 0 or an omitted column takes
// the next value, a larger explicit value moves the counter past it, a
// smaller one leaves it; the value goes to Result.Serial and
// DBINFO('sqlca.sqlerrd1').
func TestSerial(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table s (id serial, v char(1))")
	steps := []struct {
		sql  string
		want int32
	}{
		{"insert into s values (0, 'a')", 1},
		{"insert into s (v) values ('b')", 2},
		{"insert into s values (10, 'c')", 10},
		{"insert into s values (0, 'd')", 11},
		{"insert into s values (5, 'e')", 5},
		{"insert into s (v) values ('f')", 12},
	}
	for _, st := range steps {
		res := exec(t, s, st.sql)
		if res.Serial != st.want || res.Rows != 1 || res.InsertDone {
			t.Errorf("%s: %+v, want serial %d", st.sql, res, st.want)
		}
		if got := one(t, s, "select dbinfo('sqlca.sqlerrd1') from systables where tabid = 1"); got != int64(st.want) {
			t.Errorf("%s: sqlerrd1 = %v, want %d", st.sql, got, st.want)
		}
	}
	exec(t, s, "create table s2 (id serial(100), v int)")
	if res := exec(t, s, "insert into s2 (v) values (1)"); res.Serial != 100 {
		t.Errorf("SERIAL(100) started at %d", res.Serial)
	}
}

// TestSerial8 checks that SERIAL8 and BIGSERIAL values come back in their
// own Result fields with InsertDone set, for SQ_INSERTDONE.
func TestSerial8(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table s8 (id serial8, v int)")
	exec(t, s, "create table bs (id bigserial(5000000000), v int)")
	if res := exec(t, s, "insert into s8 (v) values (1)"); res.Serial8 != 1 || !res.InsertDone || res.Serial != 0 {
		t.Errorf("serial8 insert: %+v", res)
	}
	if res := exec(t, s, "insert into bs (v) values (1)"); res.BigSerial != 5000000000 || !res.InsertDone {
		t.Errorf("bigserial insert: %+v", res)
	}
	if got := one(t, s, "select dbinfo('bigserial') from systables where tabid = 1"); got != int64(5000000000) {
		t.Errorf("dbinfo('bigserial') = %v", got)
	}
}

func TestInsertSelectUpdateDelete(t *testing.T) {
	s := fixture(t)
	exec(t, s, "create table copy (id integer, name varchar(20))")
	if res := exec(t, s, "insert into copy select id, name from emp where dept = 1"); res.Rows != 2 {
		t.Errorf("insert select: %d rows, want 2", res.Rows)
	}
	if res := exec(t, s, "insert into copy select * from copy"); res.Rows != 2 {
		t.Errorf("insert into copy select from copy: %d rows, want 2 (the source is read first)", res.Rows)
	}
	if got := one(t, s, "select count(*) from copy"); !sameValue(got, dec(t, "4")) {
		t.Errorf("count = %v", got)
	}
	if res := exec(t, s, "update emp set salary = salary * 2 where dept = ?", int64(2)); res.Rows != 2 {
		t.Errorf("update: %d rows", res.Rows)
	}
	if got := one(t, s, "select salary from emp where id = 3"); !sameValue(got, dec(t, "6000.50")) {
		t.Errorf("salary after update = %v", got)
	}
	if res := exec(t, s, "update emp set (salary, dept) = (0, 3) where name = 'eve'"); res.Rows != 1 {
		t.Errorf("tuple update: %d rows", res.Rows)
	}
	// Salaries now: ann 5000, bob 4000.50, cid and dee 6000.50, eve 0.
	if res := exec(t, s, "delete from emp where salary < 4500"); res.Rows != 2 {
		t.Errorf("delete: %d rows, want 2", res.Rows)
	}
	if res := exec(t, s, "delete from copy"); res.Rows != 4 {
		t.Errorf("delete all: %d rows", res.Rows)
	}
}

// TestStatementTypes checks the statement types a describe reports
// (sqlstype.h numbers; SQLI.md §5).
func TestStatementTypes(t *testing.T) {
	s := fixture(t)
	tests := []struct {
		sql  string
		want sqli.StmtType
	}{
		{"select * from emp", sqli.StmtSelect},
		{"select * from emp into temp x", sqli.StmtSelectIntoTemp},
		{"insert into emp (name) values ('x')", sqli.StmtInsert},
		{"update emp set name = 'x' where id = 1", sqli.StmtUpdate},
		{"update emp set name = 'x'", sqli.StmtUpdateAll},
		{"delete from emp where id = 1", sqli.StmtDelete},
		{"delete from emp", sqli.StmtDeleteAll},
		{"create table n (a int)", sqli.StmtCreateTable},
		{"create temp table n (a int)", sqli.StmtCreateTempTable},
		{"drop table emp", sqli.StmtDropTable},
		{"create index i on emp (name)", sqli.StmtCreateIndex},
		{"drop index i", sqli.StmtDropIndex},
		{"begin work", sqli.StmtBeginWork},
		{"commit work", sqli.StmtCommitWork},
		{"rollback work", sqli.StmtRollbackWork},
		{"savepoint a", sqli.StmtSavepoint},
		{"release savepoint a", sqli.StmtReleaseSavepoint},
		{"rollback to savepoint a", sqli.StmtRollbackToSavepoint},
		{"set isolation to dirty read", sqli.StmtSetIsolation},
		{"set lock mode to wait 5", sqli.StmtSetLockMode},
		{"set explain on", sqli.StmtSetExplain},
		{"set pdqpriority 10", sqli.StmtSetPDQPriority},
		{"set environment optcompind '0'", sqli.StmtSetEnvironment},
		{"database testdb", sqli.StmtDatabase},
		{"close database", sqli.StmtCloseDatabase},
		{"create database other", sqli.StmtCreateDatabase},
		{"drop database other", sqli.StmtDropDatabase},
		{"execute procedure ifxtest_sleep(0)", sqli.StmtExecuteProcedure},
		{"truncate table emp", sqli.StmtTruncate},
	}
	for _, tt := range tests {
		st, err := s.Prepare(tt.sql)
		if err != nil {
			t.Errorf("%s: %v", tt.sql, err)
			continue
		}
		if st.Type != tt.want || st.Cursor != (tt.want == sqli.StmtSelect) {
			t.Errorf("%s: type %d cursor %v, want %d", tt.sql, st.Type, st.Cursor, tt.want)
		}
	}
}

// TestInsertDescribe checks that an INSERT with parameters describes its
// target columns and types its parameters from them (SQLI.md §5 [W: S1]).
func TestInsertDescribe(t *testing.T) {
	s := fixture(t)
	st, err := s.Prepare("insert into emp (name, salary) values (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Columns) != 2 || st.Columns[0].Name != "name" || st.Columns[1].Type.SQLName() != "DECIMAL(8,2)" {
		t.Errorf("columns %+v", st.Columns)
	}
	if len(st.Params) != 2 || st.Params[0].SQLName() != "VARCHAR(20)" || st.Params[1].SQLName() != "DECIMAL(8,2)" {
		t.Errorf("params %+v", st.Params)
	}
}

func TestTempTables(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	s1, s2 := newSession(t, e), newSession(t, e)
	exec(t, s1, "create temp table tt (a int)")
	exec(t, s1, "insert into tt values (1)")
	if _, _, err := tryQuery(s2, "select * from tt"); err == nil {
		t.Error("another session sees a temporary table")
	} else {
		wantError(t, "other session", err, Error{SQLCode: -206, Message: "tt"})
	}
	_, err := tryExec(s1, "create temp table tt (b int)")
	wantError(t, "second temp table", err, Error{SQLCode: -310, Message: "tt"})
	exec(t, s1, "select a * 2 as b from tt into temp t2")
	if got := one(t, s1, "select b from t2"); got != int64(2) {
		t.Errorf("into temp: %v", got)
	}
	if n := one(t, s1, "select count(*) from systables where tabname = 'tt'"); !sameValue(n, dec(t, "0")) {
		t.Errorf("a temporary table is in systables")
	}
	s1.Close()
	s3 := newSession(t, e)
	exec(t, s3, "create temp table tt (a int)")
}

func TestIndexes(t *testing.T) {
	s := fixture(t)
	exec(t, s, "create unique index ux on emp (name)")
	_, err := tryExec(s, "insert into emp (name) values ('ann')")
	wantError(t, "duplicate under unique index", err, Error{SQLCode: -239, ISAMCode: -100, Message: "informix.ux"})
	_, err = tryExec(s, "create index ux on dept (name)")
	wantError(t, "index name in use", err, Error{SQLCode: -316, Message: "ux"})
	_, err = tryExec(s, "create index other on emp (name)")
	wantError(t, "same columns", err, Error{SQLCode: -350, Message: ""})
	_, err = tryExec(s, "create unique index uy on emp (salary)")
	wantError(t, "duplicate data", err, Error{SQLCode: -371, Message: ""})
	rows := queryRows(t, s, "select idxname, idxtype, part1 from sysindexes where idxname = 'ux'")
	if len(rows) != 1 || rows[0][1] != "U" || rows[0][2] != int64(2) {
		t.Errorf("sysindexes row %v", rows)
	}
	exec(t, s, "drop index ux")
	exec(t, s, "insert into emp (name) values ('ann')")
	_, err = tryExec(s, "drop index ux")
	wantError(t, "drop missing index", err, Error{SQLCode: -319, Message: "ux"})
}

func TestDropTable(t *testing.T) {
	s := fixture(t)
	exec(t, s, "drop table emp")
	_, _, err := tryQuery(s, "select * from emp")
	wantError(t, "dropped table", err, Error{SQLCode: -206, Message: "emp"})
	_, err = tryExec(s, "drop table emp")
	wantError(t, "drop again", err, Error{SQLCode: -206, Message: "emp"})
	exec(t, s, "drop table if exists emp")
	exec(t, s, "create table emp (x int)")
	_, err = tryExec(s, "drop table systables")
	wantError(t, "drop catalog", err, Error{SQLCode: -312, Message: "systables"})
}

// TestDropWhileCursorOpen drops a table while a cursor of another session
// reads it: the drop succeeds and the cursor still ends cleanly.
func TestDropWhileCursorOpen(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	s1, s2 := newSession(t, e), newSession(t, e)
	exec(t, s1, "create table a (x int)")
	exec(t, s1, "create table b (x int)")
	exec(t, s1, "insert into a values (1)")
	exec(t, s1, "insert into a values (2)")
	st, err := s1.Prepare("select x from a")
	if err != nil {
		t.Fatal(err)
	}
	cur, err := s1.Open(t.Context(), st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cur.Next(t.Context()); err != nil {
		t.Fatal(err)
	}
	exec(t, s2, "drop table b")
	if _, _, err := tryQuery(s2, "select * from b"); err == nil {
		t.Error("dropped table still visible")
	}
	if _, err := cur.Next(t.Context()); err != nil {
		t.Fatal(err)
	}
	cur.Close()
	exec(t, s2, "create table b (y int)")
}

// TestDefaults checks DEFAULT values: literals converted to the column's
// type, and TODAY, CURRENT and USER taken when the row is inserted.
func TestDefaults(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table df (id int, n decimal(5,1) default 2.25, c char(4) default 'ab', d date default today, "+
		"ts datetime year to minute default current year to minute, u varchar(20) default user, z int default null)")
	exec(t, s, "insert into df (id) values (1)")
	rows := queryRows(t, s, "select n, c, d, ts, u, z from df")
	want := [][]any{{dec(t, "2.3"), "ab  ", fixedNow.Truncate(24 * time.Hour),
		ifxtype.DateTime{Year: 2026, Month: 5, Day: 4, Hour: 12, Minute: 34, Qualifier: 0x0C08}, "informix", nil}}
	if !sameRows(rows, want) {
		t.Errorf("defaults\n got %v\nwant %v", rows, want)
	}
	_, err := tryExec(s, "create table bad (a int default 'x')")
	wantError(t, "default not a number", err, Error{SQLCode: -1213, Message: "*"})
}
