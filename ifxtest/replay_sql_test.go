package ifxtest

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseReplayStatement(t *testing.T) {
	tests := []struct {
		sql  string
		want replayStatement
		ok   bool
	}{
		{"select * from bench_rows", replayStatement{table: "bench_rows"}, true},
		{"SELECT id, name FROM Bench_Rows WHERE id > ? AND name <> '?' ORDER BY 1", replayStatement{table: "bench_rows", markers: 1}, true},
		{"select first 10 a from informix.bench_one", replayStatement{table: "bench_one"}, true},
		{"select a from db@srv:owner.bench_one b", replayStatement{table: "bench_one"}, true},
		{`select a from "informix"."Bench"`, replayStatement{table: "Bench"}, true},
		{"select (select max(x) from t2) from bench_one", replayStatement{table: "bench_one"}, true},
		{"select 'from x' , \"from y\" from /* from z */ {from w} -- from v\n bench_one", replayStatement{table: "bench_one"}, true},
		{"select a from t where b in (select c from bench_one where d = ?)", replayStatement{table: "t", markers: 1}, true},
		{"select a from (select * from bench_one)", replayStatement{}, false},
		{"select * from bench_one into temp x", replayStatement{}, false},
		{"select a into x from bench_one", replayStatement{}, false},
		{"select 1", replayStatement{}, false},
		{"select a from", replayStatement{}, false},
		{"select a from t.", replayStatement{}, false},
		{"insert into bench_ins values (?, ?, ?)", replayStatement{table: "bench_ins", insert: true, markers: 3}, true},
		{"INSERT INTO owner.Bench_Ins (Id, \"Name\") VALUES (?, '?')", replayStatement{table: "bench_ins", insert: true,
			columns: []string{"id", "Name"}, markers: 1}, true},
		{"insert into t (select * from u where a = ?)", replayStatement{table: "t", insert: true, markers: 1}, true},
		{"insert into t (a,) values (?)", replayStatement{table: "t", insert: true, markers: 1}, true},
		{"insert t values (1)", replayStatement{}, false},
		{"insert into 'x' values (1)", replayStatement{}, false},
		{"update bench_ins set a = 1", replayStatement{}, false},
		{"delete from bench_ins", replayStatement{}, false},
		{"  -- comment only", replayStatement{}, false},
		{"", replayStatement{}, false},
		{"select * from 'unterminated", replayStatement{}, false},
		{"select * from /* unterminated", replayStatement{}, false},
		{`select * from "`, replayStatement{}, false},
		{`select * from ""."t"`, replayStatement{}, false},
	}
	for _, tt := range tests {
		got, ok := parseReplayStatement(tt.sql)
		if ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseReplayStatement(%q) = %+v, %v; want %+v, %v", tt.sql, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzParseReplayStatement checks that any text is read without a panic,
// and that what is found was in the text: the table name (in some case),
// and no more markers than '?' bytes.
func FuzzParseReplayStatement(f *testing.F) {
	for _, s := range []string{"select * from bench_rows", "insert into t (a, b) values (?, ?)",
		"select a from \"o\".t where x = '?' -- c", "select {", "insert into t (", "select (((from t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		st, ok := parseReplayStatement(sql)
		if !ok {
			return
		}
		if st.table == "" {
			t.Fatalf("%q: empty table name", sql)
		}
		if !strings.Contains(lowerASCII(sql), lowerASCII(st.table)) {
			t.Fatalf("%q: table %q is not in the text", sql, st.table)
		}
		if st.markers > strings.Count(sql, "?") {
			t.Fatalf("%q: %d markers, the text has %d '?'", sql, st.markers, strings.Count(sql, "?"))
		}
		if !st.insert && st.columns != nil {
			t.Fatalf("%q: a SELECT with a column list: %+v", sql, st)
		}
	})
}
