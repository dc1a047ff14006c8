package engine

import (
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// query is a compiled query: SQLite text whose output columns are named
// c1 … cn, and their Informix description.
type query struct {
	sql  string
	cols []ifxtype.Column
}

// subquery compiles a nested query with access to the enclosing scope.
func (c *compiler) subquery(sc *scope, st *sqlparse.SelectStmt) (query, error) {
	return c.selectStmt(sc, st)
}

// selectStmt compiles a whole query: its body, ORDER BY, FIRST and SKIP.
func (c *compiler) selectStmt(parent *scope, st *sqlparse.SelectStmt) (query, error) {
	c.depth++
	defer func() { c.depth-- }()
	var first *sqlparse.SelectCore
	var q query
	var core *scope
	var err error
	switch b := st.Body.(type) {
	case *sqlparse.SelectCore:
		first = b
		q, core, err = c.selectCore(parent, b)
	default:
		q, err = c.setOp(parent, st.Body)
		first = leftmostCore(st.Body)
	}
	if err != nil {
		return query{}, err
	}
	if len(st.OrderBy) > 0 {
		order, err := c.orderBy(core, q, st.OrderBy)
		if err != nil {
			return query{}, err
		}
		q.sql += " ORDER BY " + order
	}
	limit, err := c.limits(first)
	q.sql += limit
	return q, err
}

func leftmostCore(q sqlparse.QueryExpr) *sqlparse.SelectCore {
	for {
		switch b := q.(type) {
		case *sqlparse.SelectCore:
			return b
		case *sqlparse.SetOp:
			q = b.Left
		}
	}
}

// limits compiles FIRST n and SKIP n into LIMIT and OFFSET.
func (c *compiler) limits(core *sqlparse.SelectCore) (string, error) {
	if core.First == nil && core.Skip == nil {
		return "", nil
	}
	val := func(e sqlparse.Expr) (string, error) {
		x, err := c.expr(nil, e)
		if err != nil {
			return "", err
		}
		x, err = c.convTo(x, tSimple(sqli.TypeInteger))
		return x.sql, err
	}
	limit, offset := "-1", "0"
	var err error
	if core.First != nil {
		if limit, err = val(core.First); err != nil {
			return "", err
		}
	}
	if core.Skip != nil {
		if offset, err = val(core.Skip); err != nil {
			return "", err
		}
	}
	return " LIMIT " + limit + " OFFSET " + offset, nil
}

// selectCore compiles one SELECT … FROM … WHERE … GROUP BY … HAVING and
// returns the scope its ORDER BY may use.
func (c *compiler) selectCore(parent *scope, core *sqlparse.SelectCore) (query, *scope, error) {
	sc := &scope{parent: parent}
	from, err := c.fromClause(sc, core.From)
	if err != nil {
		return query{}, nil, err
	}
	sc.aggOK = true
	items, cols, err := c.selectItems(sc, core.Items)
	if err != nil {
		return query{}, nil, err
	}
	var b strings.Builder
	b.WriteString("SELECT ")
	if core.Distinct {
		b.WriteString("DISTINCT ")
	}
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(it.sql + " AS c" + strconv.Itoa(i+1))
	}
	b.WriteString(from)
	where, err := c.whereGroupHaving(sc, core, items, &b)
	if err != nil {
		return query{}, nil, err
	}
	if c.depth == 1 {
		c.reads.addCore(sc, from, where)
	}
	return query{sql: b.String(), cols: cols}, sc, nil
}

// whereGroupHaving compiles WHERE, GROUP BY and HAVING into b and returns
// the WHERE clause ("" without one).
func (c *compiler) whereGroupHaving(sc *scope, core *sqlparse.SelectCore, items []cexpr, b *strings.Builder) (string, error) {
	where := ""
	if core.Where != nil {
		sc.aggOK = false
		w, err := c.cond(sc, core.Where)
		if err != nil {
			return "", err
		}
		where = w.sql
		b.WriteString(" WHERE " + where)
		sc.aggOK = true
	}
	if len(core.GroupBy) > 0 {
		parts := make([]string, len(core.GroupBy))
		for i, g := range core.GroupBy {
			if n, ok := g.(*sqlparse.NumberLit); ok {
				pos, err := strconv.Atoi(n.Text)
				if err != nil || pos < 1 || pos > len(items) {
					return "", syntaxAt(n.At, n.Text)
				}
				parts[i] = items[pos-1].sql
				continue
			}
			e, err := c.expr(sc, g)
			if err != nil {
				return "", err
			}
			parts[i] = e.sql
		}
		b.WriteString(" GROUP BY " + strings.Join(parts, ", "))
	}
	if core.Having != nil {
		h, err := c.cond(sc, core.Having)
		if err != nil {
			return "", err
		}
		b.WriteString(" HAVING " + h.sql)
	}
	return where, nil
}

// selectItems compiles the select list, expanding * and t.*.
func (c *compiler) selectItems(sc *scope, items []sqlparse.SelectItem) ([]cexpr, []ifxtype.Column, error) {
	var out []cexpr
	var cols []ifxtype.Column
	for _, it := range items {
		if it.Star {
			stars, err := c.expandStar(sc, it)
			if err != nil {
				return nil, nil, err
			}
			for _, e := range stars {
				out = append(out, e)
				cols = append(cols, ifxtype.Column{Name: e.name, Type: e.t})
			}
			continue
		}
		e, err := c.expr(sc, it.Expr)
		if err != nil {
			return nil, nil, err
		}
		e = c.settleOutput(e)
		name := e.name
		if it.Alias != nil {
			name = it.Alias.Name
		}
		out = append(out, e)
		cols = append(cols, ifxtype.Column{Name: name, Type: e.t})
	}
	return out, cols, nil
}

// settleOutput gives a select item a describable type: a NULL literal or
// an untyped ? becomes CHAR(1) or VARCHAR(255) [I], a condition BOOLEAN;
// only a plain column keeps its NOT NULL flag.
func (c *compiler) settleOutput(e cexpr) cexpr {
	switch {
	case e.param > 0:
		e = c.typeParam(e, tVarChar(sqli.TypeVarChar, 255, 0))
	case e.untyped():
		e.t = tChar(sqli.TypeChar, 1)
	}
	if !e.column {
		e.t = notNull(e.t, false)
	}
	return e
}

func (c *compiler) expandStar(sc *scope, it sqlparse.SelectItem) ([]cexpr, error) {
	var out []cexpr
	found := false
	for _, src := range sc.sources {
		if it.Qualifier != "" && src.name != it.Qualifier {
			continue
		}
		found = true
		for _, col := range src.cols {
			ref := &sqlparse.ColumnRef{Table: src.name, Column: col.name, At: it.At}
			e, err := c.resolve(&scope{sources: []*source{src}}, ref)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
	if !found {
		if it.Qualifier == "" {
			return nil, syntaxAt(it.At, "*")
		}
		return nil, &Error{SQLCode: errNoTable, Message: it.Qualifier, Offset: it.At}
	}
	return out, nil
}

// orderBy compiles ORDER BY keys: a number is a select-list position, a
// name that a select item has is that item, anything else an expression
// over the query's tables (-374 after UNION, where core is nil).
func (c *compiler) orderBy(core *scope, q query, items []sqlparse.OrderItem) (string, error) {
	parts := make([]string, len(items))
	for i, it := range items {
		key, err := c.orderKey(core, q, it.Expr)
		if err != nil {
			return "", err
		}
		if it.Desc {
			key += " DESC"
		}
		parts[i] = key
	}
	return strings.Join(parts, ", "), nil
}

func (c *compiler) orderKey(core *scope, q query, e sqlparse.Expr) (string, error) {
	switch x := e.(type) {
	case *sqlparse.NumberLit:
		pos, err := strconv.Atoi(x.Text)
		if err != nil || pos < 1 || pos > len(q.cols) {
			return "", syntaxAt(x.At, x.Text)
		}
		return strconv.Itoa(pos), nil
	case *sqlparse.ColumnRef:
		if x.Table == "" {
			for i, col := range q.cols {
				if col.Name == x.Column {
					return strconv.Itoa(i + 1), nil
				}
			}
		}
	}
	if core == nil {
		// sql_en_US.properties: "Can only use column number in ORDER BY
		// clause with UNION."
		return "", &Error{SQLCode: -374, Offset: e.Pos()}
	}
	k, err := c.expr(core, e)
	return k.sql, err
}

// setOp compiles UNION [ALL]: every branch's columns convert to the types
// the branches share (unifyAll), and the first branch names them.
func (c *compiler) setOp(parent *scope, body sqlparse.QueryExpr) (query, error) {
	var branches []query
	var ops []string
	var walk func(q sqlparse.QueryExpr) error
	walk = func(q sqlparse.QueryExpr) error {
		switch b := q.(type) {
		case *sqlparse.SetOp:
			if err := walk(b.Left); err != nil {
				return err
			}
			op := " UNION "
			if b.All {
				op = " UNION ALL "
			}
			ops = append(ops, op)
			return walk(b.Right)
		case *sqlparse.SelectCore:
			bq, _, err := c.selectCore(parent, b)
			branches = append(branches, bq)
			return err
		}
		return nil
	}
	if err := walk(body); err != nil {
		return query{}, err
	}
	return c.joinBranches(branches, ops)
}

func (c *compiler) joinBranches(branches []query, ops []string) (query, error) {
	n := len(branches[0].cols)
	types := make([]ifxtype.Type, n)
	for i := 0; i < n; i++ {
		var es []cexpr
		for _, b := range branches {
			if len(b.cols) != n {
				return query{}, ifxErr(-1260, "")
			}
			es = append(es, cexpr{t: b.cols[i].Type})
		}
		t, err := c.unifyAll(es)
		if err != nil {
			return query{}, err
		}
		types[i] = t
	}
	var b strings.Builder
	for bi, br := range branches {
		if bi > 0 {
			b.WriteString(ops[bi-1])
		}
		sql, err := c.convertBranch(br, types)
		if err != nil {
			return query{}, err
		}
		b.WriteString(sql)
	}
	cols := make([]ifxtype.Column, n)
	for i := range cols {
		cols[i] = ifxtype.Column{Name: branches[0].cols[i].Name, Type: types[i]}
	}
	return query{sql: b.String(), cols: cols}, nil
}

// convertBranch wraps a UNION branch whose column types differ from the
// shared ones in a SELECT that converts them.
func (c *compiler) convertBranch(br query, types []ifxtype.Type) (string, error) {
	same := true
	parts := make([]string, len(types))
	for i, t := range types {
		e := cexpr{sql: "b.c" + strconv.Itoa(i+1), t: br.cols[i].Type}
		if !sameStorage(e.t, t) || typeKey(e.t) != typeKey(t) {
			same = false
		}
		x, err := c.forceConv(e, t)
		if err != nil {
			return "", err
		}
		parts[i] = x.sql + " AS c" + strconv.Itoa(i+1)
	}
	if same {
		return br.sql, nil
	}
	return "SELECT " + strings.Join(parts, ", ") + " FROM (" + br.sql + ") AS b", nil
}
