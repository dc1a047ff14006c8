package sqlparse

import (
	"strconv"
	"strings"
)

// Parsed is the result of Parse: the statement and the number of ?
// placeholders it holds.
type Parsed struct {
	Stmt   Stmt
	Params int
}

// maxDepth bounds the nesting of expressions and subqueries, so that a
// statement of a million parentheses fails with a syntax error instead of
// exhausting the stack.
const maxDepth = 200

// Parse reads one statement, optionally ended by a semicolon. Every
// failure is a *SyntaxError naming the token where reading stopped.
func Parse(text string) (Parsed, error) {
	toks, err := Lex(text)
	if err != nil {
		return Parsed{}, err
	}
	p := &parser{toks: toks, text: text}
	st, err := p.statement()
	if err != nil {
		return Parsed{}, err
	}
	p.acceptOp(";")
	if p.peek().Kind != EOF {
		return Parsed{}, p.errHere("unexpected text after the end of the statement")
	}
	return Parsed{Stmt: st, Params: p.params}, nil
}

type parser struct {
	toks   []Token
	i      int
	text   string
	params int
	depth  int
}

func (p *parser) peek() Token { return p.toks[p.i] }

func (p *parser) peekAt(n int) Token {
	if p.i+n < len(p.toks) {
		return p.toks[p.i+n]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() Token {
	t := p.toks[p.i]
	if t.Kind != EOF {
		p.i++
	}
	return t
}

// errHere reports a syntax error at the current token.
func (p *parser) errHere(msg string) error {
	t := p.peek()
	return &SyntaxError{Pos: t.Pos, End: t.End, Token: p.text[t.Pos:t.End], Msg: msg}
}

// isKw reports whether the current token is the keyword w (lower case).
func (p *parser) isKw(w string) bool {
	t := p.peek()
	return t.Kind == Ident && t.Lower == w
}

func (p *parser) isKwAt(n int, w string) bool {
	t := p.peekAt(n)
	return t.Kind == Ident && t.Lower == w
}

func (p *parser) acceptKw(w string) bool {
	if p.isKw(w) {
		p.i++
		return true
	}
	return false
}

func (p *parser) expectKw(w string) error {
	if p.acceptKw(w) {
		return nil
	}
	return p.errHere("expected " + strings.ToUpper(w))
}

func (p *parser) isOp(op string) bool {
	t := p.peek()
	return t.Kind == Op && t.Text == op
}

func (p *parser) isOpAt(n int, op string) bool {
	t := p.peekAt(n)
	return t.Kind == Op && t.Text == op
}

func (p *parser) acceptOp(op string) bool {
	if p.isOp(op) {
		p.i++
		return true
	}
	return false
}

func (p *parser) expectOp(op string) error {
	if p.acceptOp(op) {
		return nil
	}
	return p.errHere("expected " + op)
}

// ident reads an identifier and folds it to lower case.
func (p *parser) ident(what string) (Name, error) {
	t := p.peek()
	if t.Kind != Ident {
		return Name{}, p.errHere("expected " + what)
	}
	p.i++
	return Name{Name: t.Lower, At: t.Pos}, nil
}

// intLit reads an unsigned integer literal.
func (p *parser) intLit(what string) (int64, error) {
	t := p.peek()
	if t.Kind != Number {
		return 0, p.errHere("expected " + what)
	}
	n, err := strconv.ParseInt(t.Text, 10, 64)
	if err != nil {
		return 0, p.errHere("expected an integer " + what)
	}
	p.i++
	return n, nil
}

// tableName reads [owner.]name, where owner may be quoted
// ("informix".systables) or written as owner@… is not supported.
func (p *parser) tableName() (TableName, error) {
	t := p.peek()
	var tn TableName
	tn.At = t.Pos
	if t.Kind == String && p.isOpAt(1, ".") {
		p.i += 2
		tn.Owner = t.Text
	} else if t.Kind == Ident && p.isOpAt(1, ".") && p.peekAt(2).Kind == Ident {
		p.i += 2
		tn.Owner = t.Lower
	}
	n, err := p.ident("a table name")
	if err != nil {
		return tn, err
	}
	tn.Name = n.Name
	return tn, nil
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > maxDepth {
		return p.errHere("statement nested too deeply")
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

// statement dispatches on the first word.
func (p *parser) statement() (Stmt, error) {
	t := p.peek()
	if t.Kind == Op && t.Text == "(" {
		return p.selectStmt()
	}
	if t.Kind != Ident {
		return nil, p.errHere("expected a statement")
	}
	switch t.Lower {
	case "select":
		return p.selectStmt()
	case "insert":
		return p.insert()
	case "update":
		if p.isKwAt(1, "statistics") {
			return p.updateStatistics()
		}
		return p.update()
	case "delete":
		return p.delete()
	case "create":
		return p.create()
	case "drop":
		return p.drop()
	case "truncate":
		return p.truncate()
	case "begin", "commit", "rollback", "savepoint", "release":
		return p.transaction()
	case "set":
		return p.set()
	case "database", "close":
		return p.database()
	case "execute":
		return p.execute()
	}
	return nil, p.errHere("unknown or unsupported statement")
}

// rest returns the text from the current token to the end, without a
// trailing semicolon, and moves to the end.
func (p *parser) rest() string {
	start := p.peek().Pos
	end := start
	for p.peek().Kind != EOF && !(p.isOp(";") && p.peekAt(1).Kind == EOF) {
		end = p.next().End
	}
	return strings.TrimSpace(p.text[start:end])
}
