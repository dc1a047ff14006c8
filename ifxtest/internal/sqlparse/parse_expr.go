package sqlparse

import "strings"

// expr reads an expression: OR has the lowest precedence, then AND, NOT,
// the predicates (comparison, IS NULL, BETWEEN, IN, LIKE, MATCHES), ||,
// + and -, * and /, the unary signs and :: casts.
func (p *parser) expr() (Expr, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	return p.orExpr()
}

func (p *parser) orExpr() (Expr, error) {
	l, err := p.andExpr()
	for err == nil && p.isKw("or") {
		at := p.next().Pos
		var r Expr
		if r, err = p.andExpr(); err == nil {
			l = &BinaryExpr{Op: "OR", L: l, R: r, At: at}
		}
	}
	return l, err
}

func (p *parser) andExpr() (Expr, error) {
	l, err := p.notExpr()
	for err == nil && p.isKw("and") {
		at := p.next().Pos
		var r Expr
		if r, err = p.notExpr(); err == nil {
			l = &BinaryExpr{Op: "AND", L: l, R: r, At: at}
		}
	}
	return l, err
}

func (p *parser) notExpr() (Expr, error) {
	if p.isKw("not") {
		at := p.next().Pos
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer p.leave()
		x, err := p.notExpr()
		if err != nil {
			return nil, err
		}
		return &UnaryExpr{Op: "NOT", X: x, At: at}, nil
	}
	return p.predicate()
}

var comparisonOps = map[string]string{"=": "=", "==": "=", "<>": "<>", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}

func (p *parser) predicate() (Expr, error) {
	x, err := p.concat()
	if err != nil {
		return nil, err
	}
	t := p.peek()
	if t.Kind == Op {
		if op, ok := comparisonOps[t.Text]; ok {
			p.i++
			r, err := p.concat()
			if err != nil {
				return nil, err
			}
			return &BinaryExpr{Op: op, L: x, R: r, At: t.Pos}, nil
		}
		return x, nil
	}
	if t.Kind != Ident {
		return x, nil
	}
	if t.Lower == "is" {
		return p.isNull(x)
	}
	not := false
	if t.Lower == "not" && (p.isKwAt(1, "between") || p.isKwAt(1, "in") || p.isKwAt(1, "like") || p.isKwAt(1, "matches")) {
		not = true
		p.i++
	}
	switch {
	case p.isKw("between"):
		return p.between(x, not)
	case p.isKw("in"):
		return p.in(x, not)
	case p.isKw("like"), p.isKw("matches"):
		return p.like(x, not)
	}
	return x, nil
}

func (p *parser) isNull(x Expr) (Expr, error) {
	at := p.next().Pos
	not := p.acceptKw("not")
	if err := p.expectKw("null"); err != nil {
		return nil, err
	}
	return &IsNullExpr{X: x, Not: not, At: at}, nil
}

func (p *parser) between(x Expr, not bool) (Expr, error) {
	at := p.next().Pos
	lo, err := p.concat()
	if err != nil {
		return nil, err
	}
	if err := p.expectKw("and"); err != nil {
		return nil, err
	}
	hi, err := p.concat()
	if err != nil {
		return nil, err
	}
	return &BetweenExpr{X: x, Lo: lo, Hi: hi, Not: not, At: at}, nil
}

func (p *parser) in(x Expr, not bool) (Expr, error) {
	at := p.next().Pos
	if err := p.expectOp("("); err != nil {
		return nil, err
	}
	e := &InExpr{X: x, Not: not, At: at}
	if p.isKw("select") {
		q, err := p.selectStmt()
		if err != nil {
			return nil, err
		}
		e.Query = q
	} else {
		list, err := p.exprList()
		if err != nil {
			return nil, err
		}
		e.List = list
	}
	return e, p.expectOp(")")
}

func (p *parser) like(x Expr, not bool) (Expr, error) {
	t := p.next()
	pat, err := p.concat()
	if err != nil {
		return nil, err
	}
	e := &LikeExpr{X: x, Pattern: pat, Matches: t.Lower == "matches", Not: not, At: t.Pos}
	if p.acceptKw("escape") {
		if e.Escape, err = p.concat(); err != nil {
			return nil, err
		}
	}
	return e, nil
}

func (p *parser) exprList() ([]Expr, error) {
	var list []Expr
	for {
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		list = append(list, e)
		if !p.acceptOp(",") {
			return list, nil
		}
	}
}

func (p *parser) concat() (Expr, error) {
	l, err := p.additive()
	for err == nil && p.isOp("||") {
		at := p.next().Pos
		var r Expr
		if r, err = p.additive(); err == nil {
			l = &BinaryExpr{Op: "||", L: l, R: r, At: at}
		}
	}
	return l, err
}

func (p *parser) additive() (Expr, error) {
	l, err := p.multiplicative()
	for err == nil && (p.isOp("+") || p.isOp("-")) {
		t := p.next()
		var r Expr
		if r, err = p.multiplicative(); err == nil {
			l = &BinaryExpr{Op: t.Text, L: l, R: r, At: t.Pos}
		}
	}
	return l, err
}

func (p *parser) multiplicative() (Expr, error) {
	l, err := p.unary()
	for err == nil && (p.isOp("*") || p.isOp("/")) {
		t := p.next()
		var r Expr
		if r, err = p.unary(); err == nil {
			l = &BinaryExpr{Op: t.Text, L: l, R: r, At: t.Pos}
		}
	}
	return l, err
}

func (p *parser) unary() (Expr, error) {
	if p.isOp("-") || p.isOp("+") {
		t := p.next()
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer p.leave()
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &UnaryExpr{Op: t.Text, X: x, At: t.Pos}, nil
	}
	x, err := p.primary()
	for err == nil && p.isOp("::") {
		at := p.next().Pos
		var tn TypeName
		if tn, err = p.typeName(); err == nil {
			x = &CastExpr{X: x, Type: tn, At: at}
		}
	}
	return x, err
}

// primary reads a literal, a placeholder, a parenthesized expression or
// subquery, a special form (CASE, CAST, EXISTS, DATETIME, INTERVAL,
// CURRENT, EXTEND), a function call or a column reference.
func (p *parser) primary() (Expr, error) {
	t := p.peek()
	switch t.Kind {
	case Number:
		p.i++
		return &NumberLit{Text: t.Text, At: t.Pos}, nil
	case String:
		p.i++
		return &StringLit{Value: t.Text, At: t.Pos}, nil
	case Param:
		p.i++
		p.params++
		return &ParamRef{Index: p.params - 1, At: t.Pos}, nil
	case Op:
		if t.Text == "(" {
			return p.parenthesized()
		}
		return nil, p.errHere("expected an expression")
	case Ident:
		return p.wordExpr(t)
	}
	return nil, p.errHere("expected an expression")
}

func (p *parser) parenthesized() (Expr, error) {
	at := p.next().Pos
	if p.isKw("select") {
		q, err := p.selectStmt()
		if err != nil {
			return nil, err
		}
		return &SubqueryExpr{Query: q, At: at}, p.expectOp(")")
	}
	x, err := p.expr()
	if err != nil {
		return nil, err
	}
	return x, p.expectOp(")")
}

// wordExpr reads an expression that starts with a word.
func (p *parser) wordExpr(t Token) (Expr, error) {
	nextIsParen := p.isOpAt(1, "(")
	nextIsDot := p.isOpAt(1, ".")
	if !nextIsDot {
		switch t.Lower {
		case "null":
			p.i++
			return &NullLit{At: t.Pos}, nil
		case "true", "false":
			p.i++
			return &BoolLit{Value: t.Lower == "true", At: t.Pos}, nil
		case "case":
			return p.caseExpr()
		case "cast":
			if nextIsParen {
				return p.castExpr()
			}
		case "exists":
			if nextIsParen {
				return p.exists()
			}
		case "datetime", "interval":
			if nextIsParen {
				return p.timeLiteral(t.Lower == "interval")
			}
		case "current", "sysdate":
			return p.current()
		case "today", "user", "sitename", "dbservername":
			if !nextIsParen {
				p.i++
				return &FuncCall{Name: t.Lower, At: t.Pos}, nil
			}
		case "extend":
			if nextIsParen {
				return p.extend()
			}
		case "trim":
			if nextIsParen {
				return p.trim()
			}
		case "substring":
			if nextIsParen {
				return p.substring()
			}
		}
	}
	if nextIsParen {
		return p.funcCall()
	}
	return p.columnRef()
}

func (p *parser) columnRef() (Expr, error) {
	t := p.next()
	var parts []string
	parts = append(parts, t.Lower)
	for p.isOp(".") {
		p.i++
		if p.isOp("*") {
			return nil, p.errHere("t.* is only allowed in a select list")
		}
		n, err := p.ident("a column name")
		if err != nil {
			return nil, err
		}
		parts = append(parts, n.Name)
		if len(parts) > 3 {
			return nil, p.errHere("too many name qualifiers")
		}
	}
	c := &ColumnRef{Column: parts[len(parts)-1], At: t.Pos}
	if len(parts) > 1 {
		c.Table = strings.Join(parts[:len(parts)-1], ".")
	}
	return c, nil
}

func (p *parser) funcCall() (Expr, error) {
	t := p.next()
	p.i++ // (
	f := &FuncCall{Name: t.Lower, At: t.Pos}
	if p.acceptOp(")") {
		return f, nil
	}
	if p.isOp("*") {
		p.i++
		f.Star = true
		return f, p.expectOp(")")
	}
	if p.acceptKw("distinct") || p.acceptKw("unique") {
		f.Distinct = true
	} else {
		p.acceptKw("all")
	}
	args, err := p.exprList()
	if err != nil {
		return nil, err
	}
	f.Args = args
	return f, p.expectOp(")")
}

func (p *parser) caseExpr() (Expr, error) {
	at := p.next().Pos
	c := &CaseExpr{At: at}
	if !p.isKw("when") {
		op, err := p.expr()
		if err != nil {
			return nil, err
		}
		c.Operand = op
	}
	for p.acceptKw("when") {
		cond, err := p.expr()
		if err != nil {
			return nil, err
		}
		if err := p.expectKw("then"); err != nil {
			return nil, err
		}
		res, err := p.expr()
		if err != nil {
			return nil, err
		}
		c.Whens = append(c.Whens, When{Cond: cond, Result: res})
	}
	if len(c.Whens) == 0 {
		return nil, p.errHere("expected WHEN")
	}
	if p.acceptKw("else") {
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		c.Else = e
	}
	return c, p.expectKw("end")
}

func (p *parser) castExpr() (Expr, error) {
	at := p.next().Pos
	p.i++ // (
	x, err := p.expr()
	if err != nil {
		return nil, err
	}
	if err := p.expectKw("as"); err != nil {
		return nil, err
	}
	tn, err := p.typeName()
	if err != nil {
		return nil, err
	}
	return &CastExpr{X: x, Type: tn, At: at}, p.expectOp(")")
}

func (p *parser) exists() (Expr, error) {
	at := p.next().Pos
	p.i++ // (
	q, err := p.selectStmt()
	if err != nil {
		return nil, err
	}
	return &ExistsExpr{Query: q, At: at}, p.expectOp(")")
}

// timeLiteral reads DATETIME(text) q or INTERVAL(text) q. The text between
// the parentheses is taken as written, up to the closing parenthesis.
func (p *parser) timeLiteral(interval bool) (Expr, error) {
	at := p.next().Pos
	open := p.next()
	start := open.End
	for !p.isOp(")") {
		if p.peek().Kind == EOF {
			return nil, p.errHere("expected )")
		}
		p.i++
	}
	text := strings.TrimSpace(p.text[start:p.peek().Pos])
	p.i++
	q, err := p.qualifier(interval)
	if err != nil {
		return nil, err
	}
	if interval {
		return &IntervalLit{Text: text, Qual: q, At: at}, nil
	}
	return &DateTimeLit{Text: text, Qual: q, At: at}, nil
}

// current reads CURRENT [q1 TO q2] (SYSDATE is CURRENT YEAR TO FRACTION(5)).
func (p *parser) current() (Expr, error) {
	t := p.next()
	f := &FuncCall{Name: "current", At: t.Pos}
	if t.Lower == "sysdate" {
		f.Qualifier = &TypeName{Base: "DATETIME", Start: "year", End: "fraction", EndFrac: 5, At: t.Pos}
		return f, nil
	}
	if isUnit(p.peek()) {
		q, err := p.qualifier(false)
		if err != nil {
			return nil, err
		}
		f.Qualifier = &q
	}
	return f, nil
}

// extend reads EXTEND(x [, q1 TO q2]).
func (p *parser) extend() (Expr, error) {
	at := p.next().Pos
	p.i++ // (
	x, err := p.expr()
	if err != nil {
		return nil, err
	}
	f := &FuncCall{Name: "extend", Args: []Expr{x}, At: at}
	if p.acceptOp(",") {
		q, err := p.qualifier(false)
		if err != nil {
			return nil, err
		}
		f.Qualifier = &q
	}
	return f, p.expectOp(")")
}

// trim reads TRIM([[LEADING|TRAILING|BOTH] [pad] FROM] source) into a
// FuncCall whose arguments are always the mode (a string literal "both",
// "leading" or "trailing"), the pad character and the source.
func (p *parser) trim() (Expr, error) {
	at := p.next().Pos
	p.i++ // (
	mode := "both"
	for _, m := range []string{"leading", "trailing", "both"} {
		if p.acceptKw(m) {
			mode = m
			break
		}
	}
	var pad, src Expr = &StringLit{Value: " ", At: at}, nil
	if !p.isKw("from") {
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		src = e
	}
	if p.acceptKw("from") {
		if src != nil {
			pad = src
		}
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		src = e
	}
	if src == nil {
		return nil, p.errHere("expected an expression")
	}
	f := &FuncCall{Name: "trim", Args: []Expr{&StringLit{Value: mode, At: at}, pad, src}, At: at}
	return f, p.expectOp(")")
}

// substring reads SUBSTRING(source FROM start [FOR length]), and also the
// comma form SUBSTRING(source, start [, length]).
func (p *parser) substring() (Expr, error) {
	at := p.next().Pos
	p.i++ // (
	src, err := p.expr()
	if err != nil {
		return nil, err
	}
	f := &FuncCall{Name: "substring", Args: []Expr{src}, At: at}
	sep1, sep2 := "from", "for"
	if p.isOp(",") {
		sep1, sep2 = ",", ","
	}
	for i, sep := range []string{sep1, sep2} {
		if !(sep == "," && p.acceptOp(",") || sep != "," && p.acceptKw(sep)) {
			if i == 0 {
				return nil, p.errHere("expected FROM")
			}
			break
		}
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		f.Args = append(f.Args, e)
	}
	return f, p.expectOp(")")
}
