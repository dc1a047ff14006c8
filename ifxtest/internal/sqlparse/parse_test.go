package sqlparse

import (
	"errors"
	"reflect"
	"testing"
)

func TestLexTokens(t *testing.T) {
	// Offsets are counted by hand: "select a1, 'it''s' from t -- c\n where x>=1.5e3 {c} and y = ?"
	text := "select a1, 'it''s' from t -- c\n where x>=1.5e3 {c} and y = ?"
	toks, err := Lex(text)
	if err != nil {
		t.Fatal(err)
	}
	want := []Token{
		{Kind: Ident, Text: "select", Pos: 0, End: 6},
		{Kind: Ident, Text: "a1", Pos: 7, End: 9},
		{Kind: Op, Text: ",", Pos: 9, End: 10},
		{Kind: String, Text: "it's", Pos: 11, End: 18},
		{Kind: Ident, Text: "from", Pos: 19, End: 23},
		{Kind: Ident, Text: "t", Pos: 24, End: 25},
		{Kind: Ident, Text: "where", Pos: 32, End: 37},
		{Kind: Ident, Text: "x", Pos: 38, End: 39},
		{Kind: Op, Text: ">=", Pos: 39, End: 41},
		{Kind: Number, Text: "1.5e3", Pos: 41, End: 46},
		{Kind: Ident, Text: "and", Pos: 51, End: 54},
		{Kind: Ident, Text: "y", Pos: 55, End: 56},
		{Kind: Op, Text: "=", Pos: 57, End: 58},
		{Kind: Param, Text: "?", Pos: 59, End: 60},
		{Kind: EOF, Pos: 60, End: 60},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d: %+v", len(toks), len(want), toks)
	}
	for i, w := range want {
		g := toks[i]
		if g.Kind != w.Kind || g.Text != w.Text || g.Pos != w.Pos || g.End != w.End {
			t.Errorf("token %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestLexErrors(t *testing.T) {
	tests := []struct {
		text string
		kind ErrorKind
		pos  int
	}{
		{"select 'abc", UnmatchedQuote, 7},
		{"select { comment", UnclosedComment, 7},
		{"select /* comment", UnclosedComment, 7},
		{"select a # b", IllegalChar, 9},
	}
	for _, tt := range tests {
		_, err := Lex(tt.text)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Lex(%q) = %v, want a SyntaxError", tt.text, err)
			continue
		}
		if se.Kind != tt.kind || se.Pos != tt.pos {
			t.Errorf("Lex(%q): kind %d at %d, want kind %d at %d", tt.text, se.Kind, se.Pos, tt.kind, tt.pos)
		}
	}
}

// TestCollectionBraces checks that { after SET opens a collection, as in
// the query IBM JDBC sends (jdbc-notes.md), not a comment.
func TestCollectionBraces(t *testing.T) {
	p, err := Parse("select dbinfo('version','full') from  table (set{1});")
	if err != nil {
		t.Fatal(err)
	}
	sel := p.Stmt.(*SelectStmt).Body.(*SelectCore)
	cs, ok := sel.From[0].(*CollectionSource)
	if !ok || len(cs.Values) != 1 {
		t.Fatalf("FROM = %#v, want a one-value collection", sel.From[0])
	}
	f := sel.Items[0].Expr.(*FuncCall)
	if f.Name != "dbinfo" || len(f.Args) != 2 {
		t.Errorf("select item = %#v", f)
	}
}

func TestParseStatements(t *testing.T) {
	tests := []struct {
		text   string
		want   any // the statement's type
		params int
	}{
		{"select FIRST 1 site from informix.systables where tabname = ' GL_COLLATE'", &SelectStmt{}, 0},
		{"SELECT SKIP ? FIRST ? DISTINCT a, b AS x FROM t, u WHERE a = ? ORDER BY 1 DESC, x", &SelectStmt{}, 3},
		{"select * from a left outer join b on a.x = b.x inner join c on c.y = a.y", &SelectStmt{}, 0},
		{"select a from t union all select b from u union select c from v order by 1", &SelectStmt{}, 0},
		{"select count(*), sum(distinct x) from t group by y having count(*) > 1", &SelectStmt{}, 0},
		{"select * from t where x in (select y from u) and exists (select 1 from v) into temp tt with no log", &SelectStmt{}, 0},
		{"insert into t (a, b) values (?, 'x')", &Insert{}, 1},
		{"insert into t select * from u", &Insert{}, 0},
		{"update t set a = a + 1, b = ? where c is not null", &Update{}, 1},
		{"update t set (a, b) = (1, 2)", &Update{}, 0},
		{"delete from t where a between 1 and 10", &Delete{}, 0},
		{"delete t", &Delete{}, 0},
		{"create temp table t (a serial(5), b decimal(8,2) not null default 0, c datetime year to fraction(5), " +
			"d interval day(5) to second, e varchar(10,2), f lvarchar(30000), g boolean, primary key (a), unique (b, e))", &CreateTable{}, 0},
		{"create unique index ix on t (a desc, b)", &CreateIndex{}, 0},
		{"drop table if exists t", &DropTable{}, 0},
		{"drop index ix", &DropIndex{}, 0},
		{"begin work", &BeginWork{}, 0},
		{"commit", &CommitWork{}, 0},
		{"rollback work to savepoint", &RollbackWork{}, 0},
		{"savepoint s1 unique", &Savepoint{}, 0},
		{"release savepoint s1", &ReleaseSavepoint{}, 0},
		{"set isolation to committed read last committed", &SetIsolation{}, 0},
		{"set transaction isolation level serializable", &SetTransaction{}, 0},
		{"set transaction read only", &SetTransaction{}, 0},
		{"set lock mode to wait 10", &SetLockMode{}, 0},
		{"set pdqpriority 50", &SetOption{}, 0},
		{"database stores", &DatabaseStmt{}, 0},
		{"close database", &CloseDatabase{}, 0},
		{"create database x with log mode ansi", &CreateDatabase{}, 0},
		{"drop database x", &DropDatabase{}, 0},
		{"execute procedure ifxtest_sleep(?)", &ExecuteRoutine{}, 1},
		{"truncate table t", &Truncate{}, 0},
		{"(select 1 from t)", &SelectStmt{}, 0},
	}
	for _, tt := range tests {
		p, err := Parse(tt.text)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.text, err)
			continue
		}
		if reflect.TypeOf(p.Stmt) != reflect.TypeOf(tt.want) {
			t.Errorf("Parse(%q) = %T, want %T", tt.text, p.Stmt, tt.want)
		}
		if p.Params != tt.params {
			t.Errorf("Parse(%q): %d params, want %d", tt.text, p.Params, tt.params)
		}
	}
}

// TestSyntaxErrorPosition checks the token a syntax error names; offsets
// are counted by hand.
func TestSyntaxErrorPosition(t *testing.T) {
	tests := []struct {
		text     string
		pos, end int
	}{
		{"select * fro t", 9, 12},            // "fro" is at 9..12
		{"select a from t where", 21, 21},    // the end of the statement
		{"selec a from t", 0, 5},             // no statement starts with "selec"
		{"insert into t values (1,", 24, 24}, // missing value
		{"create table t (a decimal(8,2,3))", 29, 30},
	}
	for _, tt := range tests {
		_, err := Parse(tt.text)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) = %v, want a SyntaxError", tt.text, err)
			continue
		}
		if se.Pos != tt.pos || se.End != tt.end {
			t.Errorf("Parse(%q): error at %d..%d, want %d..%d (%v)", tt.text, se.Pos, se.End, tt.pos, tt.end, err)
		}
	}
}

func TestParseDepthLimit(t *testing.T) {
	text := "select "
	for i := 0; i < 1000; i++ {
		text += "("
	}
	text += "1"
	for i := 0; i < 1000; i++ {
		text += ")"
	}
	if _, err := Parse(text); err == nil {
		t.Fatal("1000 nested parentheses parsed without error, want the depth limit")
	}
}

func TestParseQualifier(t *testing.T) {
	p, err := Parse("select interval(3 04:05:06) day(5) to second, datetime(2026-05-04 12:34:56.12345) year to fraction(5) from t")
	if err != nil {
		t.Fatal(err)
	}
	items := p.Stmt.(*SelectStmt).Body.(*SelectCore).Items
	iv := items[0].Expr.(*IntervalLit)
	if iv.Text != "3 04:05:06" || iv.Qual.Start != "day" || iv.Qual.Prec != 5 || iv.Qual.End != "second" {
		t.Errorf("interval literal = %+v", iv)
	}
	dt := items[1].Expr.(*DateTimeLit)
	if dt.Text != "2026-05-04 12:34:56.12345" || dt.Qual.End != "fraction" || dt.Qual.EndFrac != 5 {
		t.Errorf("datetime literal = %+v", dt)
	}
}

// TestSetIsolationAndTransaction checks the options SET ISOLATION and SET
// TRANSACTION take (IBM Guide to SQL: Syntax, SET ISOLATION and SET
// TRANSACTION: LAST COMMITTED only after COMMITTED READ; SET TRANSACTION's
// access mode and isolation level each at most once, comma-separated).
func TestSetIsolationAndTransaction(t *testing.T) {
	tests := []struct {
		text string
		want Stmt // nil: a syntax error
	}{
		{"set isolation to committed read last committed", &SetIsolation{Level: "COMMITTED READ", LastCommitted: true}},
		{"set isolation committed read retain update locks", &SetIsolation{Level: "COMMITTED READ"}},
		{"set isolation to dirty read with warning", &SetIsolation{Level: "DIRTY READ"}},
		{"set isolation to repeatable read", &SetIsolation{Level: "REPEATABLE READ"}},
		{"set isolation to dirty read last committed", nil},
		{"set isolation to repeatable read last committed", nil},
		{"set transaction read only", &SetTransaction{Access: "READ ONLY"}},
		{"set transaction read write", &SetTransaction{Access: "READ WRITE"}},
		{"set transaction isolation level read committed", &SetTransaction{Level: "READ COMMITTED"}},
		{"set transaction read only, isolation level serializable", &SetTransaction{Access: "READ ONLY", Level: "SERIALIZABLE"}},
		{"set transaction isolation level read uncommitted, read write", &SetTransaction{Access: "READ WRITE", Level: "READ UNCOMMITTED"}},
		{"set transaction isolation level repeatable read;", &SetTransaction{Level: "REPEATABLE READ"}},
		{"set transaction", nil},
		{"set transaction read only, read write", nil},
		{"set transaction isolation level serializable, isolation level read committed", nil},
		{"set transaction isolation level cursor stability", nil},
		{"set transaction read only isolation level serializable", nil},
		{"set transaction read only,", nil},
	}
	for _, tt := range tests {
		p, err := Parse(tt.text)
		if tt.want == nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("Parse(%q) = %#v, %v; want a syntax error", tt.text, p.Stmt, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.text, err)
			continue
		}
		if !reflect.DeepEqual(p.Stmt, tt.want) {
			t.Errorf("Parse(%q) = %#v, want %#v", tt.text, p.Stmt, tt.want)
		}
	}
}
