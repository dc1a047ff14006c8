package ifxtest

import "strings"

// replayStatement is what replay mode reads off a statement's text: the
// table a SELECT reads or an INSERT writes, its number of '?' markers,
// and an INSERT's column list. Nothing else of the statement is parsed:
// the select list, WHERE, ORDER BY and the VALUES list are never looked
// at (Config.Replay).
type replayStatement struct {
	// table is the table name without database, server or owner:
	// lower-cased when written plainly, as Informix folds undelimited
	// names (ASCII letters only); as written when double-quoted.
	table   string
	insert  bool
	columns []string // the INSERT's column list, as table is; nil without one
	markers int      // '?' markers anywhere in the text
}

// parseReplayStatement reads the target table of a SELECT or an INSERT.
// For a SELECT it is the first table named after the first FROM outside
// parentheses; a SELECT with an INTO outside parentheses (SELECT … INTO
// TEMP) is not a query and is refused, and so is one whose first FROM is
// followed by anything but a name. ok is false for every other statement. It reads
// the text once, allocates only the names it returns, and accepts any
// input without failing.
func parseReplayStatement(sql string) (replayStatement, bool) {
	l := &sqlLexer{s: sql}
	switch first := l.next(); {
	case first.isWord("select"):
		return l.selectTarget()
	case first.isWord("insert"):
		return l.insertTarget()
	}
	return replayStatement{}, false
}

// selectTarget reads a SELECT after its first word, to the end: an INTO
// outside parentheses, before or after FROM, refuses it.
func (l *sqlLexer) selectTarget() (replayStatement, bool) {
	var st replayStatement
	found, depth := false, 0
	for {
		t := l.next()
		switch {
		case t.kind == tokEOF:
			return st, found
		case t.isPunct('('):
			depth++
		case t.isPunct(')'):
			depth--
		case t.isPunct('?'):
			st.markers++
		case depth == 0 && t.isWord("into"):
			return replayStatement{}, false
		case depth == 0 && !found && t.isWord("from"):
			name, ok := l.tableName()
			if !ok {
				return replayStatement{}, false
			}
			st.table, found = name, true
		}
	}
}

// insertTarget reads an INSERT after its first word: INTO, the table, an
// optional column list, and the markers in the rest.
func (l *sqlLexer) insertTarget() (replayStatement, bool) {
	if !l.next().isWord("into") {
		return replayStatement{}, false
	}
	name, ok := l.tableName()
	if !ok {
		return replayStatement{}, false
	}
	st := replayStatement{table: name, insert: true}
	mark := l.i
	if l.next().isPunct('(') {
		if st.columns, ok = l.columnList(); !ok {
			// Not a column list (a parenthesised query): its markers
			// count with the rest.
			st.columns, l.i = nil, mark
		}
	} else {
		l.i = mark
	}
	for t := l.next(); t.kind != tokEOF; t = l.next() {
		if t.isPunct('?') {
			st.markers++
		}
	}
	return st, true
}

// tableName reads [database[@server]:][owner.]table, each part a word or
// a double-quoted name, and returns the table part.
func (l *sqlLexer) tableName() (string, bool) {
	for {
		name, ok := l.name()
		if !ok {
			return "", false
		}
		mark := l.i
		if t := l.next(); !t.isPunct('.') && !t.isPunct(':') && !t.isPunct('@') {
			l.i = mark
			return name, true
		}
	}
}

// columnList reads "name, name, …)" after an opening parenthesis.
func (l *sqlLexer) columnList() ([]string, bool) {
	var cols []string
	for {
		name, ok := l.name()
		if !ok {
			return nil, false
		}
		cols = append(cols, name)
		switch t := l.next(); {
		case t.isPunct(')'):
			return cols, true
		case !t.isPunct(','):
			return nil, false
		}
	}
}

// name reads one name: a word, its ASCII letters lower-cased (replay
// table names are ASCII), or a non-empty double-quoted name as written.
func (l *sqlLexer) name() (string, bool) {
	switch t := l.next(); t.kind {
	case tokWord:
		return lowerASCII(t.text), true
	case tokQuoted:
		return t.text, t.text != ""
	}
	return "", false
}

// Kinds of sqlToken.
const (
	tokEOF    = iota
	tokWord   // letters, digits, '_', '$' and non-ASCII bytes
	tokQuoted // a double-quoted name or string, without its quotes
	tokString // a single-quoted string
	tokPunct  // any other single byte
)

// sqlToken is one token of statement text.
type sqlToken struct {
	kind int
	text string
}

// isWord reports whether t is the word w, in any case.
func (t sqlToken) isWord(w string) bool { return t.kind == tokWord && strings.EqualFold(t.text, w) }

// isPunct reports whether t is the single byte p.
func (t sqlToken) isPunct(p byte) bool { return t.kind == tokPunct && t.text[0] == p }

// sqlLexer splits Informix statement text into tokens, skipping blanks
// and the three comment forms (-- to the end of the line, { … } and
// /* … */). An unterminated comment or quoted string runs to the end of
// the text. Every step advances, so a scan ends after at most len(s)
// tokens.
type sqlLexer struct {
	s string
	i int
}

// next returns the next token, or a tokEOF token at the end of the text.
func (l *sqlLexer) next() sqlToken {
	l.skipBlank()
	if l.i >= len(l.s) {
		return sqlToken{kind: tokEOF}
	}
	start := l.i
	switch c := l.s[l.i]; {
	case isWordByte(c):
		for l.i < len(l.s) && isWordByte(l.s[l.i]) {
			l.i++
		}
		return sqlToken{kind: tokWord, text: l.s[start:l.i]}
	case c == '\'' || c == '"':
		text := l.quoted(c)
		if c == '"' {
			return sqlToken{kind: tokQuoted, text: text}
		}
		return sqlToken{kind: tokString, text: text}
	}
	l.i++
	return sqlToken{kind: tokPunct, text: l.s[start:l.i]}
}

// quoted reads a string quoted with q, in which a doubled q stands for
// one, and returns its content as written (doubled quotes kept).
func (l *sqlLexer) quoted(q byte) string {
	l.i++
	start := l.i
	for l.i < len(l.s) {
		if l.s[l.i] != q {
			l.i++
			continue
		}
		if l.i+1 < len(l.s) && l.s[l.i+1] == q {
			l.i += 2
			continue
		}
		l.i++
		return l.s[start : l.i-1]
	}
	return l.s[start:]
}

// skipBlank skips white space and comments.
func (l *sqlLexer) skipBlank() {
	for l.i < len(l.s) {
		rest := l.s[l.i:]
		switch {
		case rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' || rest[0] == '\f':
			l.i++
		case strings.HasPrefix(rest, "--"):
			l.skipPast("\n", 2)
		case rest[0] == '{':
			l.skipPast("}", 1)
		case strings.HasPrefix(rest, "/*"):
			l.skipPast("*/", 2)
		default:
			return
		}
	}
}

// skipPast moves past the next end after the opening of open bytes, or
// to the end of the text.
func (l *sqlLexer) skipPast(end string, open int) {
	j := strings.Index(l.s[l.i+open:], end)
	if j < 0 {
		l.i = len(l.s)
		return
	}
	l.i += open + j + len(end)
}

// isWordByte reports whether c continues an identifier or keyword.
// Non-ASCII bytes count, so that a name in UTF-8 is one word.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c >= 0x80
}

// lowerASCII returns s with its ASCII capitals lower-cased; other bytes,
// valid UTF-8 or not, are kept.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
