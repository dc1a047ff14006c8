package main

import (
	"slices"
	"strings"
	"testing"
)

// feedAll feeds each piece to a new splitter and returns the statements
// it completed, then what End returned.
func feedAll(t *testing.T, pieces ...string) ([]statement, statement, bool) {
	t.Helper()
	sp := newSplitter()
	var got []statement
	for _, p := range pieces {
		got = append(got, sp.Feed(p)...)
	}
	last, ok, err := sp.End()
	if err != nil {
		t.Fatalf("End: %v", err)
	}
	return got, last, ok
}

func TestSplitter(t *testing.T) {
	tests := []struct {
		name   string
		pieces []string
		want   []statement
		last   string // the statement End returns, "" for none
	}{
		{"two on a line", []string{"SELECT 1; SELECT 2;"},
			[]statement{{"SELECT 1", 1}, {"SELECT 2", 1}}, ""},
		{"no final semicolon", []string{"SELECT 1"}, nil, "SELECT 1"},
		{"semicolon in single quotes", []string{"INSERT INTO t VALUES ('a;b');"},
			[]statement{{"INSERT INTO t VALUES ('a;b')", 1}}, ""},
		{"doubled quote in a string", []string{"SELECT 'it''s; fine' FROM t;"},
			[]statement{{"SELECT 'it''s; fine' FROM t", 1}}, ""},
		{"semicolon in double quotes", []string{`SELECT "a;b" FROM t;`},
			[]statement{{`SELECT "a;b" FROM t`, 1}}, ""},
		{"line comment", []string{"SELECT 1 -- not here; nor here\n;"},
			[]statement{{"SELECT 1 -- not here; nor here", 1}}, ""},
		{"brace comment", []string{"SELECT {a; comment} 1;"},
			[]statement{{"SELECT {a; comment} 1", 1}}, ""},
		{"block comment", []string{"SELECT /* a; b */ 1;"},
			[]statement{{"SELECT /* a; b */ 1", 1}}, ""},
		{"optimizer directive kept", []string{"SELECT {+ORDERED} a FROM t;"},
			[]statement{{"SELECT {+ORDERED} a FROM t", 1}}, ""},
		{"leading comments dropped", []string{"-- first\n{ a ; b }\n/* c; */ SELECT 1;"},
			[]statement{{"SELECT 1", 3}}, ""},
		{"comment-only input", []string{"-- nothing; here\n{ ; }\n"}, nil, ""},
		{"empty statements", []string{";;  ;\n;"}, nil, ""},
		{"Unicode blanks only", []string{"\u00a0;\u2003"}, nil, ""},
		{"multi-line statement", []string{"SELECT a,\n", "  b\n", "FROM t;\n"},
			[]statement{{"SELECT a,\n  b\nFROM t", 1}}, ""},
		{"string spans lines", []string{"INSERT INTO t VALUES ('a\n", "b;c');\n"},
			[]statement{{"INSERT INTO t VALUES ('a\nb;c')", 1}}, ""},
		{"brace comment spans lines", []string{"SELECT 1 { x\n", "; y }\n", ";"},
			[]statement{{"SELECT 1 { x\n; y }", 1}}, ""},
		{"line numbers", []string{"\n\nSELECT 1;\n", "\nSELECT\n2;"},
			[]statement{{"SELECT 1", 3}, {"SELECT\n2", 5}}, ""},
		{"dash and slash alone", []string{"SELECT 4-2/1;"},
			[]statement{{"SELECT 4-2/1", 1}}, ""},
		{"non-ASCII text", []string{"SELECT 'Müller; Åsa' FROM t;"},
			[]statement{{"SELECT 'Müller; Åsa' FROM t", 1}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, last, ok := feedAll(t, tt.pieces...)
			if !slices.Equal(got, tt.want) {
				t.Errorf("statements %+v, want %+v", got, tt.want)
			}
			if ok != (tt.last != "") || last.text != tt.last {
				t.Errorf("End: %q, %v; want %q", last.text, ok, tt.last)
			}
		})
	}
}

func TestSplitterPending(t *testing.T) {
	tests := []struct {
		input   string
		pending bool
	}{
		{"", false},
		{"SELECT 1;\n", false},
		{"SELECT 1\n", true},
		{"-- only a comment\n", false},
		{"{ open comment\n", true},
		{"/* open comment\n", true},
		{"'open string\n", true},
		{"SELECT 1; -- trailing comment\n", false},
	}
	for _, tt := range tests {
		sp := newSplitter()
		sp.Feed(tt.input)
		if sp.Pending() != tt.pending || sp.AtStatementStart() == tt.pending {
			t.Errorf("%q: Pending %v, AtStatementStart %v; want pending %v", tt.input, sp.Pending(), sp.AtStatementStart(), tt.pending)
		}
	}
}

func TestSplitterDiscard(t *testing.T) {
	sp := newSplitter()
	sp.Feed("SELECT 'abc\n")
	sp.Discard()
	if sp.Pending() {
		t.Fatal("pending after Discard")
	}
	got := sp.Feed("SELECT 2;\n")
	if want := []statement{{"SELECT 2", 2}}; !slices.Equal(got, want) {
		t.Errorf("after Discard: %+v, want %+v", got, want)
	}
}

func TestSplitterEndInside(t *testing.T) {
	tests := []struct{ input, want string }{
		{"SELECT 'abc", "'…' string"},
		{`SELECT "abc`, `"…" string`},
		{"SELECT 1 { comment", "{ … } comment"},
		{"SELECT 1 /* comment", "/* … */ comment"},
		{"\n/* comment", "/* … */ comment begun in the statement at line 2"},
	}
	for _, tt := range tests {
		sp := newSplitter()
		sp.Feed(tt.input)
		_, _, err := sp.End()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: End error %v, want one naming %q", tt.input, err, tt.want)
		}
	}
}

func TestSplitterSkip(t *testing.T) {
	sp := newSplitter()
	sp.Skip("\\d customers\n")
	got := sp.Feed("SELECT 1;")
	if want := []statement{{"SELECT 1", 2}}; !slices.Equal(got, want) {
		t.Errorf("%+v, want %+v", got, want)
	}
}

func TestWords(t *testing.T) {
	got := words("select {x} a_1 -- b\n, 'c d' \"e\" /* f */ Müller$2 from t", 0)
	want := []string{"SELECT", "A_1", "MÜLLER$2", "FROM", "T"}
	if !slices.Equal(got, want) {
		t.Errorf("words: %q, want %q", got, want)
	}
	if got := words("a b c", 2); !slices.Equal(got, []string{"A", "B"}) {
		t.Errorf("words max 2: %q", got)
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		sql  string
		want stmtKind
	}{
		{"SELECT * FROM t", kindQuery},
		{"  select 1 from t", kindQuery},
		{"(SELECT a FROM t) UNION (SELECT a FROM u)", kindQuery},
		{"-- comment\nSELECT 1", kindQuery},
		{"SELECT a FROM t INTO TEMP x", kindExec},
		{"select a from t into scratch x", kindExec},
		{"SELECT a FROM t INTO EXTERNAL x USING (DATAFILES ('DISK:/tmp/x'))", kindExec},
		{"SELECT 'INTO TEMP' FROM t", kindQuery},
		{"EXECUTE FUNCTION f(1)", kindQuery},
		{"execute procedure ifxtest_sleep(1)", kindQuery},
		{"EXECUTE IMMEDIATE 'x'", kindExec},
		{"INSERT INTO t SELECT * FROM u", kindExec},
		{"UPDATE t SET a = 1", kindExec},
		{"CREATE TABLE t (a INT)", kindExec},
		{"BEGIN WORK", kindExec},
		{"", kindExec},
	}
	for _, tt := range tests {
		if got := classify(tt.sql); got != tt.want {
			t.Errorf("classify(%q) = %v, want %v", tt.sql, got, tt.want)
		}
	}
}

// FuzzSplitter feeds text whole and line by line: both must give the same
// statements and the same end, each statement non-empty and trimmed, and
// classify must accept each.
func FuzzSplitter(f *testing.F) {
	for _, seed := range []string{
		"SELECT 1; SELECT 2",
		"INSERT INTO t VALUES ('a;\nb'); -- c;\n{ d; } /* e; */ SELECT \"f;\" FROM t",
		"SELECT 'unterminated",
		"/* open",
		"--;\n;;",
		"\u00a0;\u2003",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		whole := newSplitter()
		a := whole.Feed(text)
		lastA, okA, errA := whole.End()
		byLine := newSplitter()
		var b []statement
		for _, line := range strings.SplitAfter(text, "\n") {
			b = append(b, byLine.Feed(line)...)
		}
		lastB, okB, errB := byLine.End()
		if !slices.Equal(a, b) || lastA != lastB || okA != okB || (errA == nil) != (errB == nil) {
			t.Fatalf("whole %+v %+v %v %v; by line %+v %+v %v %v", a, lastA, okA, errA, b, lastB, okB, errB)
		}
		if okA {
			a = append(a, lastA)
		}
		for _, st := range a {
			if st.text == "" || st.text != strings.TrimSpace(st.text) || st.line < 1 {
				t.Fatalf("statement %+v", st)
			}
			classify(st.text)
		}
	})
}
