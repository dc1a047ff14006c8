package sqlparse

// aliasStop lists the words that end a select item or a table reference
// instead of naming an alias.
var aliasStop = map[string]bool{
	"from": true, "where": true, "group": true, "having": true, "order": true, "union": true,
	"into": true, "for": true, "join": true, "inner": true, "left": true, "cross": true,
	"on": true, "outer": true, "right": true, "full": true, "limit": true, "as": true,
	"with": true, "set": true, "natural": true,
}

// selectStmt reads a query with its ORDER BY, INTO TEMP and FOR clauses.
func (p *parser) selectStmt() (*SelectStmt, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	s := &SelectStmt{At: p.peek().Pos}
	body, err := p.queryExpr()
	if err != nil {
		return nil, err
	}
	s.Body = body
	if p.isKw("order") {
		if s.OrderBy, err = p.orderBy(); err != nil {
			return nil, err
		}
	}
	if p.isKw("into") && p.isKwAt(1, "temp") {
		p.i += 2
		n, err := p.ident("a table name")
		if err != nil {
			return nil, err
		}
		s.IntoTemp = &IntoTemp{Name: n}
		if p.acceptKw("with") {
			if err := p.expectKw("no"); err != nil {
				return nil, err
			}
			if err := p.expectKw("log"); err != nil {
				return nil, err
			}
		}
	}
	return s, p.forClause()
}

// forClause reads and ignores FOR UPDATE [OF cols] and FOR READ ONLY.
func (p *parser) forClause() error {
	if !p.acceptKw("for") {
		return nil
	}
	if p.acceptKw("read") {
		return p.expectKw("only")
	}
	if err := p.expectKw("update"); err != nil {
		return err
	}
	if p.acceptKw("of") {
		for {
			if _, err := p.ident("a column name"); err != nil {
				return err
			}
			if !p.acceptOp(",") {
				break
			}
		}
	}
	return nil
}

// queryExpr reads SELECT cores joined by UNION [ALL].
func (p *parser) queryExpr() (QueryExpr, error) {
	left, err := p.queryTerm()
	for err == nil && p.isKw("union") {
		at := p.next().Pos
		all := p.acceptKw("all")
		if !all {
			p.acceptKw("distinct")
		}
		var right QueryExpr
		if right, err = p.queryTerm(); err == nil {
			left = &SetOp{Left: left, Right: right, All: all, At: at}
		}
	}
	return left, err
}

func (p *parser) queryTerm() (QueryExpr, error) {
	if p.isOp("(") {
		p.i++
		q, err := p.queryExpr()
		if err != nil {
			return nil, err
		}
		return q, p.expectOp(")")
	}
	return p.selectCore()
}

func (p *parser) selectCore() (*SelectCore, error) {
	at := p.peek().Pos
	if err := p.expectKw("select"); err != nil {
		return nil, err
	}
	c := &SelectCore{At: at}
	if err := p.projectionLimits(c); err != nil {
		return nil, err
	}
	if p.acceptKw("distinct") || p.acceptKw("unique") {
		c.Distinct = true
	} else {
		p.acceptKw("all")
	}
	items, err := p.selectItems()
	if err != nil {
		return nil, err
	}
	c.Items = items
	if p.acceptKw("from") {
		if c.From, err = p.fromList(); err != nil {
			return nil, err
		}
	}
	return c, p.selectTail(c)
}

// projectionLimits reads [SKIP n] [FIRST n | LIMIT n] in either order.
func (p *parser) projectionLimits(c *SelectCore) error {
	for i := 0; i < 2; i++ {
		switch {
		case c.Skip == nil && p.isKw("skip") && p.isLimitValue(1):
			p.i++
			c.Skip = p.limitValue()
		case c.First == nil && (p.isKw("first") || p.isKw("limit")) && p.isLimitValue(1):
			p.i++
			c.First = p.limitValue()
		}
	}
	return nil
}

func (p *parser) isLimitValue(n int) bool {
	k := p.peekAt(n).Kind
	return k == Number || k == Param
}

func (p *parser) limitValue() Expr {
	t := p.next()
	if t.Kind == Param {
		p.params++
		return &ParamRef{Index: p.params - 1, At: t.Pos}
	}
	return &NumberLit{Text: t.Text, At: t.Pos}
}

func (p *parser) selectItems() ([]SelectItem, error) {
	var items []SelectItem
	for {
		it, err := p.selectItem()
		if err != nil {
			return nil, err
		}
		items = append(items, it)
		if !p.acceptOp(",") {
			return items, nil
		}
	}
}

func (p *parser) selectItem() (SelectItem, error) {
	t := p.peek()
	it := SelectItem{At: t.Pos}
	if t.Kind == Op && t.Text == "*" {
		p.i++
		it.Star, it.EndPos = true, t.End
		return it, nil
	}
	if t.Kind == Ident && p.isOpAt(1, ".") && p.isOpAt(2, "*") {
		p.i += 3
		it.Star, it.Qualifier, it.EndPos = true, t.Lower, p.toks[p.i-1].End
		return it, nil
	}
	e, err := p.expr()
	if err != nil {
		return it, err
	}
	it.Expr = e
	it.EndPos = p.toks[p.i-1].End
	alias, err := p.optAlias()
	it.Alias = alias
	return it, err
}

// optAlias reads [AS] name, where a bare name must not be a clause word.
func (p *parser) optAlias() (*Name, error) {
	if p.acceptKw("as") {
		n, err := p.ident("an alias")
		return &n, err
	}
	t := p.peek()
	if t.Kind == Ident && !aliasStop[t.Lower] {
		p.i++
		return &Name{Name: t.Lower, At: t.Pos}, nil
	}
	return nil, nil
}

func (p *parser) selectTail(c *SelectCore) error {
	var err error
	if p.acceptKw("where") {
		if c.Where, err = p.expr(); err != nil {
			return err
		}
	}
	if p.isKw("group") {
		p.i++
		if err := p.expectKw("by"); err != nil {
			return err
		}
		if c.GroupBy, err = p.exprList(); err != nil {
			return err
		}
	}
	if p.acceptKw("having") {
		if c.Having, err = p.expr(); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) orderBy() ([]OrderItem, error) {
	p.i++
	if err := p.expectKw("by"); err != nil {
		return nil, err
	}
	var items []OrderItem
	for {
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		it := OrderItem{Expr: e}
		if p.acceptKw("desc") {
			it.Desc = true
		} else {
			p.acceptKw("asc")
		}
		items = append(items, it)
		if !p.acceptOp(",") {
			return items, nil
		}
	}
}

// fromList reads comma-separated table references with their joins.
func (p *parser) fromList() ([]TableRef, error) {
	var refs []TableRef
	for {
		r, err := p.joinedRef()
		if err != nil {
			return nil, err
		}
		refs = append(refs, r)
		if !p.acceptOp(",") {
			return refs, nil
		}
	}
}

func (p *parser) joinedRef() (TableRef, error) {
	left, err := p.tableRef()
	for err == nil {
		kind, ok := p.joinKind()
		if !ok {
			return left, nil
		}
		j := &JoinRef{Left: left, Kind: kind, At: p.peek().Pos}
		if j.Right, err = p.tableRef(); err != nil {
			return nil, err
		}
		if kind != "CROSS" {
			if err = p.expectKw("on"); err != nil {
				return nil, err
			}
			j.On, err = p.expr()
		}
		left = j
	}
	return nil, err
}

// joinKind reads [INNER] JOIN, LEFT [OUTER] JOIN or CROSS JOIN.
func (p *parser) joinKind() (string, bool) {
	switch {
	case p.isKw("join"):
		p.i++
		return "INNER", true
	case p.isKw("inner") && p.isKwAt(1, "join"):
		p.i += 2
		return "INNER", true
	case p.isKw("cross") && p.isKwAt(1, "join"):
		p.i += 2
		return "CROSS", true
	case p.isKw("left") && p.isKwAt(1, "join"):
		p.i += 2
		return "LEFT", true
	case p.isKw("left") && p.isKwAt(1, "outer") && p.isKwAt(2, "join"):
		p.i += 3
		return "LEFT", true
	}
	return "", false
}

func (p *parser) tableRef() (TableRef, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	t := p.peek()
	switch {
	case t.Kind == Op && t.Text == "(":
		return p.subquerySource()
	case t.Kind == Ident && t.Lower == "table" && p.isOpAt(1, "("):
		return p.collectionSource()
	case t.Kind == Ident && t.Lower == "outer" && p.peekAt(1).Kind != Op:
		p.i++
		r, err := p.tableRef()
		if ts, ok := r.(*TableSource); ok {
			ts.Outer = true
		}
		return r, err
	}
	tn, err := p.tableName()
	if err != nil {
		return nil, err
	}
	alias, err := p.optAlias()
	return &TableSource{Table: tn, Alias: alias}, err
}

func (p *parser) subquerySource() (TableRef, error) {
	at := p.next().Pos
	q, err := p.selectStmt()
	if err != nil {
		return nil, err
	}
	if err := p.expectOp(")"); err != nil {
		return nil, err
	}
	alias, err := p.optAlias()
	return &SubquerySource{Query: q, Alias: alias, At: at}, err
}

// collectionSource reads TABLE(SET{v, …}) [alias [(column)]], also with
// MULTISET or LIST.
func (p *parser) collectionSource() (TableRef, error) {
	at := p.next().Pos
	p.i++ // (
	if !(p.isKw("set") || p.isKw("multiset") || p.isKw("list")) {
		return nil, p.errHere("expected SET, MULTISET or LIST")
	}
	p.i++
	if err := p.expectOp("{"); err != nil {
		return nil, err
	}
	c := &CollectionSource{At: at}
	if !p.isOp("}") {
		vals, err := p.exprList()
		if err != nil {
			return nil, err
		}
		c.Values = vals
	}
	if err := p.expectOp("}"); err != nil {
		return nil, err
	}
	if err := p.expectOp(")"); err != nil {
		return nil, err
	}
	alias, err := p.optAlias()
	if err != nil || alias == nil || !p.acceptOp("(") {
		c.Alias = alias
		return c, err
	}
	c.Alias = alias
	col, err := p.ident("a column name")
	if err != nil {
		return nil, err
	}
	c.Column = &col
	return c, p.expectOp(")")
}
