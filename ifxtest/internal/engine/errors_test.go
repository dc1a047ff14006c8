package engine

import (
	"testing"
)

// TestErrorCodes checks the code, ISAM code, sqlerrm and offset of each
// error a client can cause. Offsets are counted by hand; a syntax error's
// offset is the byte after the token where reading stopped (prepare.go).
func TestErrorCodes(t *testing.T) {
	s := fixture(t)
	exec(t, s, "create table nn (a int not null, b varchar(5), primary key (b))")
	exec(t, s, "create table uq (a int, constraint uq_a unique (a))")
	exec(t, s, "insert into uq values (1)")
	exec(t, s, "insert into uq values (2)")
	tests := []struct {
		sql  string
		args []any
		want Error
	}{
		{"select * fro emp", nil, Error{SQLCode: -201, Offset: 12}},           // "fro" ends at 12
		{"selec 1", nil, Error{SQLCode: -201, Offset: 5}},                     // "selec" ends at 5
		{"select name from emp where", nil, Error{SQLCode: -201, Offset: 26}}, // the end of the text
		{"select 'abc from emp", nil, Error{SQLCode: -282, Offset: 20}},
		{"select { from emp", nil, Error{SQLCode: -283, Offset: 17}},
		{"select # from emp", nil, Error{SQLCode: -202, Offset: 8}},
		{"select * from nosuch", nil, Error{SQLCode: -206, Message: "nosuch", Offset: 14}},
		{"select * from someone.emp", nil, Error{SQLCode: -206, Message: "emp", Offset: 14}},
		{"select nosuch from emp", nil, Error{SQLCode: -217, Message: "nosuch", Offset: 7}},
		{"select e.nosuch from emp e", nil, Error{SQLCode: -217, Message: "nosuch", Offset: 7}},
		{"select id from emp, dept", nil, Error{SQLCode: -324, Message: "id", Offset: 7}},
		{"insert into emp (name, dept) values ('x')", nil, Error{SQLCode: -236, Offset: 0}},
		{"insert into emp (nosuch) values (1)", nil, Error{SQLCode: -217, Message: "nosuch", Offset: 17}},
		{"insert into nn (b) values ('x')", nil, Error{SQLCode: -391, Message: "nn.a"}},
		{"insert into nn (a, b) values (?, ?)", []any{nil, "x"}, Error{SQLCode: -391, Message: "nn.a"}},
		{"insert into nn (a, b) values (1, null)", nil, Error{SQLCode: -703, Message: "nn"}},
		{"insert into uq values (1)", nil, Error{SQLCode: -268, ISAMCode: -100, Message: "informix.uq_a"}},
		{"insert into dept values (1, 'dup')", nil, Error{SQLCode: -268, ISAMCode: -100, Message: "informix.u100_1"}},
		{"update uq set a = 1", nil, Error{SQLCode: -268, ISAMCode: -100, Message: "informix.uq_a"}},
		{"update emp set dept = 'x'", nil, Error{SQLCode: -1213}},
		{"insert into emp (hired, name) values (?, 'x')", []any{"2026-02-30"}, Error{SQLCode: -1206}},
		{"insert into emp (hired, name) values ('2026-99-01', 'x')", nil, Error{SQLCode: -1205, Offset: 38}},
		{"insert into emp (hired, name) values ('0000-01-01', 'x')", nil, Error{SQLCode: -1204, Offset: 38}},
		{"insert into emp (salary, name) values (123456789, 'x')", nil, Error{SQLCode: -1226, Offset: 39}},
		{"select datetime(2026-05-04 24:00) year to minute from emp", nil, Error{SQLCode: -1263, Offset: 7}},
		{"select interval(1x) day to day from emp", nil, Error{SQLCode: -1262, Offset: 7}},
		{"select datetime(2026-05-04 1) year to day from emp", nil, Error{SQLCode: -1264, Offset: 7}},
		{"create table emp (a int)", nil, Error{SQLCode: -310, Message: "emp", Offset: 13}},
		{"create table x (a serial, b serial8)", nil, Error{SQLCode: -362, Offset: 26}},
		{"create table x (a int, a int)", nil, Error{SQLCode: -328, Message: "a", Offset: 23}},
		{"execute procedure nosuch()", nil, Error{SQLCode: -674, Message: "nosuch", Offset: 18}},
		{"select nosuchfunc(1) from emp", nil, Error{SQLCode: -674, Message: "nosuchfunc", Offset: 7}},
		{"select name from emp where id = (select id from emp)", nil, Error{SQLCode: -284}},
		{"select dbinfo('nosuch') from emp", nil, Error{SQLCode: -728, Message: "nosuch", Offset: 7}},
		{"insert into systables (tabname) values ('x')", nil, Error{SQLCode: -312, Message: "systables", Offset: 12}},
		{"insert into emp (name) values (?)", []any{"a", "b"}, Error{SQLCode: -254}},
		{"database nosuch", nil, Error{SQLCode: -329, ISAMCode: -111, Message: "nosuch"}},
		{"drop database testdb", nil, Error{SQLCode: -359}},
		{"select id from emp union select id from dept order by id + 1", nil, Error{SQLCode: -374, Offset: 54}},
	}
	for _, tt := range tests {
		st, err := s.Prepare(tt.sql)
		if err == nil {
			args := tt.args
			if args == nil {
				args = []any{}
			}
			if st.Cursor {
				_, _, err = tryQuery(s, tt.sql, args...)
			} else {
				_, err = s.Execute(t.Context(), st, args)
			}
		}
		wantError(t, tt.sql, err, tt.want)
	}
}

// TestDatabaseStatements covers DATABASE, CLOSE DATABASE, CREATE DATABASE
// and DROP DATABASE.
func TestDatabaseStatements(t *testing.T) {
	e := newEngine(t, BufferedLogging, "")
	s1, s2 := newSession(t, e), newSession(t, e)
	exec(t, s1, "create database other with log mode ansi")
	exec(t, s1, "create table t (a int)") // in the new current database
	_, err := tryExec(s1, "database testdb")
	wantError(t, "leave an ANSI database inside its transaction", err, Error{SQLCode: -377})
	exec(t, s1, "commit work")
	if _, err := s2.OpenDatabase("other"); err != nil {
		t.Fatal(err)
	}
	if count(t, s2, "t") != 0 {
		t.Error("table t not found in database other")
	}
	exec(t, s1, "database testdb")
	_, err = tryExec(s1, "drop database other")
	wantError(t, "drop a database open elsewhere", err, Error{SQLCode: -425})
	exec(t, s2, "close database")
	_, err = tryExec(s2, "close database")
	wantError(t, "close twice", err, Error{SQLCode: -349})
	exec(t, s1, "drop database other")
	_, err = s2.OpenDatabase("other")
	wantError(t, "open dropped", err, Error{SQLCode: -329, ISAMCode: -111, Message: "other"})
	_, err = tryExec(s1, "create database testdb")
	wantError(t, "create existing", err, Error{SQLCode: -330, Message: "*"})
	_, err = s2.Prepare("select * from systables")
	wantError(t, "no database", err, Error{SQLCode: -349})
}

// TestSetStatements checks that the SET statements are accepted and
// recorded.
func TestSetStatements(t *testing.T) {
	s := loggedSession(t)
	for _, sql := range []string{
		"set isolation to dirty read", "set isolation to committed read last committed",
		"set isolation cursor stability", "set isolation to repeatable read",
		"set transaction isolation level read committed", "set lock mode to not wait",
		"set lock mode to wait", "set lock mode to wait 30", "set explain on", "set explain off",
		"set pdqpriority 100", "set environment use_dwa 'off'", "set optimization low",
	} {
		exec(t, s, sql)
	}
	if s.isolation != "REPEATABLE READ" && s.isolation != "COMMITTED READ" {
		t.Errorf("isolation %q", s.isolation)
	}
	if s.lockWait != 30 {
		t.Errorf("lock wait %d, want 30", s.lockWait)
	}
	if s.options["pdqpriority"] != "100" {
		t.Errorf("pdqpriority %q", s.options["pdqpriority"])
	}
}
