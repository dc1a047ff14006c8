// Package sqlparse reads the Informix SQL that ifxtest's engine runs: a
// lexer that keeps the byte offset of every token and a recursive-descent
// parser that builds the statement trees of ast.go. It knows nothing of
// types or storage; the engine resolves names and types.
//
// Informix keywords are not reserved in most positions (a column may be
// called "date" or "type"), so the lexer returns every word as an
// identifier and the parser matches keywords by context, case-insensitively.
package sqlparse

import (
	"fmt"
	"strings"
)

// Kind is the kind of a token.
type Kind int

// Token kinds.
const (
	EOF    Kind = iota
	Ident       // a word: keyword or identifier (Text as written, Lower folded)
	String      // a quoted literal; Text holds the value without quotes
	Number      // a numeric literal as written
	Param       // ?
	Op          // punctuation or operator: ( ) , . ; * + - / || :: = <> != < <= > >= == { } :
)

// Token is one lexical token. Pos and End are byte offsets into the
// statement text: the token occupies text[Pos:End].
type Token struct {
	Kind  Kind
	Text  string
	Lower string // Text folded to lower case, for Ident and Op
	Quote byte   // the quote character of a String: ' or "
	Pos   int
	End   int
}

// SyntaxError reports text the parser could not read. Pos is the byte
// offset of the offending token and End the offset just past it; Token is
// the token's text (empty at the end of the statement).
type SyntaxError struct {
	Pos, End int
	Token    string
	Msg      string
	Kind     ErrorKind
}

// ErrorKind tells apart the lexical errors Informix reports with their own
// codes from plain syntax errors.
type ErrorKind int

// Kinds of SyntaxError.
const (
	BadSyntax       ErrorKind = iota // anything else (Informix -201)
	IllegalChar                      // a character no token starts with (-202)
	UnmatchedQuote                   // a quoted string without its closing quote (-282)
	UnclosedComment                  // a { or /* comment without its end (-283)
)

// Error describes the error with its offset and token.
func (e *SyntaxError) Error() string {
	if e.Token == "" {
		return fmt.Sprintf("sqlparse: syntax error at offset %d (end of statement): %s", e.Pos, e.Msg)
	}
	return fmt.Sprintf("sqlparse: syntax error at offset %d near %q: %s", e.Pos, e.Token, e.Msg)
}

// MaxStatementLen bounds the text Lex accepts, so that a hostile client
// cannot make the lexer hold an unbounded token list. IBM documents 64 KB
// as the classic statement limit; SQLI with feature 62 allows longer text,
// and 4 MiB covers every statement a test sends.
const MaxStatementLen = 4 << 20

// Lex splits text into tokens, ending with an EOF token. Comments (-- to
// end of line, { … }, /* … */) and white space separate tokens and are
// dropped.
func Lex(text string) ([]Token, error) {
	if len(text) > MaxStatementLen {
		return nil, &SyntaxError{Pos: MaxStatementLen, End: len(text), Msg: fmt.Sprintf("statement of %d bytes over the %d-byte limit", len(text), MaxStatementLen)}
	}
	l := lexer{text: text}
	for {
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		l.toks = append(l.toks, t)
		if t.Kind == EOF {
			return l.toks, nil
		}
	}
}

type lexer struct {
	text string
	pos  int
	toks []Token
}

func (l *lexer) errAt(pos, end int, kind ErrorKind, msg string) error {
	return &SyntaxError{Pos: pos, End: end, Token: l.text[pos:end], Msg: msg, Kind: kind}
}

// skip passes white space and comments.
func (l *lexer) skip() error {
	for l.pos < len(l.text) {
		c := l.text[l.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			l.pos++
		case c == '-' && strings.HasPrefix(l.text[l.pos:], "--"):
			end := strings.IndexByte(l.text[l.pos:], '\n')
			if end < 0 {
				l.pos = len(l.text)
			} else {
				l.pos += end + 1
			}
		case c == '{' && !l.afterCollectionKeyword():
			end := strings.IndexByte(l.text[l.pos:], '}')
			if end < 0 {
				return l.errAt(l.pos, len(l.text), UnclosedComment, "comment opened with { is not closed")
			}
			l.pos += end + 1
		case c == '/' && strings.HasPrefix(l.text[l.pos:], "/*"):
			end := strings.Index(l.text[l.pos+2:], "*/")
			if end < 0 {
				return l.errAt(l.pos, len(l.text), UnclosedComment, "comment opened with /* is not closed")
			}
			l.pos += end + 4
		default:
			return nil
		}
	}
	return nil
}

// afterCollectionKeyword reports whether the previous token is SET,
// MULTISET or LIST, after which { opens a collection literal (as in JDBC's
// "table(set{1})") rather than a comment.
func (l *lexer) afterCollectionKeyword() bool {
	if len(l.toks) == 0 {
		return false
	}
	switch t := l.toks[len(l.toks)-1]; t.Lower {
	case "set", "multiset", "list":
		return t.Kind == Ident
	}
	return false
}

func (l *lexer) next() (Token, error) {
	if err := l.skip(); err != nil {
		return Token{}, err
	}
	start := l.pos
	if start >= len(l.text) {
		return Token{Kind: EOF, Pos: start, End: start}, nil
	}
	c := l.text[start]
	switch {
	case isIdentStart(c):
		for l.pos < len(l.text) && isIdentPart(l.text[l.pos]) {
			l.pos++
		}
		w := l.text[start:l.pos]
		return Token{Kind: Ident, Text: w, Lower: strings.ToLower(w), Pos: start, End: l.pos}, nil
	case c >= '0' && c <= '9' || c == '.' && start+1 < len(l.text) && isDigit(l.text[start+1]):
		return l.number(start)
	case c == '\'' || c == '"':
		return l.quoted(start, c)
	case c == '?':
		l.pos++
		return Token{Kind: Param, Text: "?", Pos: start, End: l.pos}, nil
	}
	return l.operator(start)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}
func isIdentPart(c byte) bool { return isIdentStart(c) || isDigit(c) || c == '$' }

// number reads digits [. digits] [e [+-] digits].
func (l *lexer) number(start int) (Token, error) {
	for l.pos < len(l.text) && isDigit(l.text[l.pos]) {
		l.pos++
	}
	if l.pos < len(l.text) && l.text[l.pos] == '.' {
		l.pos++
		for l.pos < len(l.text) && isDigit(l.text[l.pos]) {
			l.pos++
		}
	}
	if l.pos < len(l.text) && (l.text[l.pos] == 'e' || l.text[l.pos] == 'E') {
		p := l.pos + 1
		if p < len(l.text) && (l.text[p] == '+' || l.text[p] == '-') {
			p++
		}
		if p < len(l.text) && isDigit(l.text[p]) {
			for p < len(l.text) && isDigit(l.text[p]) {
				p++
			}
			l.pos = p
		}
	}
	w := l.text[start:l.pos]
	return Token{Kind: Number, Text: w, Lower: strings.ToLower(w), Pos: start, End: l.pos}, nil
}

// quoted reads a literal in q quotes, where a doubled quote stands for one.
func (l *lexer) quoted(start int, q byte) (Token, error) {
	var b strings.Builder
	i := start + 1
	for {
		j := strings.IndexByte(l.text[i:], q)
		if j < 0 {
			return Token{}, l.errAt(start, len(l.text), UnmatchedQuote, "quoted string not terminated")
		}
		b.WriteString(l.text[i : i+j])
		i += j + 1
		if i < len(l.text) && l.text[i] == q {
			b.WriteByte(q)
			i++
			continue
		}
		break
	}
	l.pos = i
	return Token{Kind: String, Text: b.String(), Quote: q, Pos: start, End: i}, nil
}

var twoCharOps = []string{"||", "::", "<>", "!=", "<=", ">=", "=="}

func (l *lexer) operator(start int) (Token, error) {
	for _, op := range twoCharOps {
		if strings.HasPrefix(l.text[start:], op) {
			l.pos += 2
			return Token{Kind: Op, Text: op, Lower: op, Pos: start, End: l.pos}, nil
		}
	}
	c := l.text[start]
	if strings.IndexByte("(),.;*+-/=<>{}:[]", c) < 0 {
		return Token{}, &SyntaxError{Pos: start, End: start + 1, Token: l.text[start : start+1], Msg: "illegal character", Kind: IllegalChar}
	}
	l.pos++
	return Token{Kind: Op, Text: string(c), Lower: string(c), Pos: start, End: l.pos}, nil
}
