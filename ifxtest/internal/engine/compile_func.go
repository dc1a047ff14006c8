package engine

import (
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// funcCall compiles a function or aggregate call. A name the engine does
// not know is -674 ("Routine (%s) can not be resolved.").
func (c *compiler) funcCall(sc *scope, f *sqlparse.FuncCall) (cexpr, error) {
	switch f.Name {
	case "count", "sum", "avg", "min", "max":
		return c.aggregate(sc, f)
	case "today", "current", "sysdate", "user", "current_user", "sitename", "dbservername", "dbinfo":
		return c.builtinValue(f)
	}
	args := make([]cexpr, len(f.Args))
	for i, a := range f.Args {
		e, err := c.expr(sc, a)
		if err != nil {
			return cexpr{}, err
		}
		args[i] = e
	}
	out, err := c.scalarFunc(f, args)
	if err != nil {
		return cexpr{}, withOffset(err, f.At)
	}
	for _, a := range args {
		out.agg = out.agg || a.agg
	}
	out.name, out.t = nameExpression, notNull(out.t, false)
	return out, nil
}

// scalarFunc dispatches the scalar functions.
func (c *compiler) scalarFunc(f *sqlparse.FuncCall, args []cexpr) (cexpr, error) {
	if want, ok := funcArity[f.Name]; ok && (len(args) < want[0] || len(args) > want[1]) {
		return cexpr{}, ifxErr(errNoRoutine, f.Name)
	}
	switch f.Name {
	case "length", "char_length", "character_length", "octet_length", "len":
		return c.lengthFunc(f.Name, args[0])
	case "upper", "lower":
		return c.textFunc("ifx_"+f.Name, args[0], nil)
	case "trim":
		return c.textFunc("ifx_trim", args[2], []cexpr{args[1], args[0]})
	case "ltrim", "rtrim":
		pad := c.stringLiteral(" ")
		if len(args) > 1 {
			pad = args[1]
		}
		mode := map[string]string{"ltrim": "leading", "rtrim": "trailing"}[f.Name]
		return c.textFunc("ifx_trim", args[0], []cexpr{pad, c.stringLiteral(mode)})
	case "substr", "substring":
		return c.substr(args)
	case "nvl", "coalesce":
		return c.coalesce(args)
	case "abs", "mod", "round", "trunc", "ceil", "floor":
		return c.mathFunc(f.Name, args)
	case "date", "year", "month", "day", "weekday", "mdy", "extend":
		return c.dateFunc(f, args)
	}
	return cexpr{}, ifxErr(errNoRoutine, f.Name)
}

// funcArity is the argument count range of each scalar function.
var funcArity = map[string][2]int{
	"length": {1, 1}, "char_length": {1, 1}, "character_length": {1, 1}, "octet_length": {1, 1}, "len": {1, 1},
	"upper": {1, 1}, "lower": {1, 1}, "trim": {3, 3}, "ltrim": {1, 2}, "rtrim": {1, 2},
	"substr": {2, 3}, "substring": {2, 3}, "nvl": {2, 2}, "coalesce": {1, 64},
	"abs": {1, 1}, "mod": {2, 2}, "round": {1, 2}, "trunc": {1, 2}, "ceil": {1, 1}, "floor": {1, 1},
	"date": {1, 1}, "year": {1, 1}, "month": {1, 1}, "day": {1, 1}, "weekday": {1, 1}, "mdy": {3, 3},
	"extend": {1, 1},
}

// asText converts an argument to character data.
func (c *compiler) asText(e cexpr) (cexpr, error) {
	if e.untyped() {
		return c.typeParam(e, tVarChar(sqli.TypeVarChar, 255, 0)), nil
	}
	if kindOf(e.t) == kText {
		return e, nil
	}
	return c.forceConv(e, tLVarChar(maxLVarCharLen))
}

// lengthFunc compiles LENGTH (bytes without trailing blanks), CHAR_LENGTH
// (characters) and OCTET_LENGTH (bytes); a CHAR's trailing blanks count
// for the last two (IBM Guide to SQL: Syntax, "Length functions"). The
// result is INTEGER.
func (c *compiler) lengthFunc(name string, x cexpr) (cexpr, error) {
	x, err := c.asText(x)
	if err != nil {
		return cexpr{}, err
	}
	mode := "0"
	switch name {
	case "char_length", "character_length":
		mode = "1"
	case "octet_length":
		mode = "2"
	}
	src := x.sql
	if isFixedChar(x.t) && mode != "0" {
		src = "ifx_pad(" + x.sql + ", " + itoa(int(x.t.Length)) + ", " + c.sessSQL() + ")"
	}
	return cexpr{sql: "ifx_length(" + src + ", " + mode + ", " + c.sessSQL() + ")", t: tSimple(sqli.TypeInteger)}, nil
}

// textFunc compiles a function of character data that keeps its type.
func (c *compiler) textFunc(fn string, x cexpr, extra []cexpr) (cexpr, error) {
	x, err := c.asText(x)
	if err != nil {
		return cexpr{}, err
	}
	parts := []string{x.sql}
	for _, e := range extra {
		if e, err = c.asText(e); err != nil {
			return cexpr{}, err
		}
		parts = append(parts, e.sql)
	}
	t := x.t
	if fn == "ifx_trim" && isFixedChar(t) {
		t = tVarChar(sqli.TypeVarChar, min(int(t.Length), maxVarCharLen), 0)
		if t.Length == maxVarCharLen && x.t.Length > maxVarCharLen {
			t = tLVarChar(int(x.t.Length))
		}
	}
	return cexpr{sql: fn + "(" + strings.Join(parts, ", ") + ")", t: t}, nil
}

// substr compiles SUBSTR(x, start [, length]) and SUBSTRING: characters
// from start (1-based); the result has the source's type [I].
func (c *compiler) substr(args []cexpr) (cexpr, error) {
	x, err := c.asText(args[0])
	if err != nil {
		return cexpr{}, err
	}
	parts := []string{x.sql}
	for _, a := range args[1:] {
		if a, err = c.convTo(a, tSimple(sqli.TypeInteger)); err != nil {
			return cexpr{}, err
		}
		parts = append(parts, a.sql)
	}
	sql := "substr(" + strings.Join(parts, ", ") + ")"
	if isFixedChar(x.t) {
		sql = "substr(ifx_pad(" + x.sql + ", " + itoa(int(x.t.Length)) + ", " + c.sessSQL() + "), " + strings.Join(parts[1:], ", ") + ")"
	}
	return cexpr{sql: sql, t: x.t}, nil
}

// coalesce compiles NVL(a, b) and COALESCE(…): the arguments take one
// type, the first typed argument's widened to hold the others [I].
func (c *compiler) coalesce(args []cexpr) (cexpr, error) {
	t, err := c.unifyAll(args)
	if err != nil {
		return cexpr{}, err
	}
	parts := make([]string, len(args))
	for i, a := range args {
		if a, err = c.convTo(a, t); err != nil {
			return cexpr{}, err
		}
		parts[i] = a.sql
	}
	if len(parts) == 1 {
		return cexpr{sql: parts[0], t: t}, nil
	}
	return cexpr{sql: "coalesce(" + strings.Join(parts, ", ") + ")", t: t}, nil
}

// unifyAll returns the type values of several expressions share: CASE
// results, NVL arguments, the columns of UNION branches. Character types
// widen to the longest; numbers follow numericResult; otherwise the first
// typed expression's type wins and the others convert to it.
func (c *compiler) unifyAll(es []cexpr) (ifxtype.Type, error) {
	t := tUnknown
	for _, e := range es {
		switch {
		case e.untyped():
		case t.Code == sqli.TypeNull:
			t = notNull(e.t, false)
		case kindOf(t) == kText && kindOf(e.t) == kText:
			t = widerText(t, e.t)
		case isNumericKind(kindOf(t)) && isNumericKind(kindOf(e.t)) && !sameStorage(t, e.t):
			t = numericResult(t, e.t)
		}
	}
	if t.Code == sqli.TypeNull {
		t = tChar(sqli.TypeChar, 1)
	}
	for i := range es {
		if es[i].untyped() && es[i].param > 0 {
			es[i] = c.typeParam(es[i], t)
		}
	}
	return t, nil
}

// widerText is the character type that holds values of both a and b.
func widerText(a, b ifxtype.Type) ifxtype.Type {
	n := max(textLimit(a), textLimit(b))
	switch {
	case isFixedChar(a) && isFixedChar(b):
		return tChar(a.Base(), n)
	case n > maxVarCharLen || a.Base() == sqli.TypeLVarChar || b.Base() == sqli.TypeLVarChar:
		return tLVarChar(min(n, maxLVarCharLen))
	}
	return tVarChar(sqli.TypeVarChar, n, 0)
}

// caseExpr compiles CASE [operand] WHEN … THEN … [ELSE …] END; the results
// share one type (unifyAll).
func (c *compiler) caseExpr(sc *scope, x *sqlparse.CaseExpr) (cexpr, error) {
	var operand cexpr
	var err error
	if x.Operand != nil {
		if operand, err = c.expr(sc, x.Operand); err != nil {
			return cexpr{}, err
		}
	}
	conds := make([]string, len(x.Whens))
	results := make([]cexpr, 0, len(x.Whens)+1)
	agg := operand.agg
	for i, w := range x.Whens {
		var cond cexpr
		if x.Operand != nil {
			v, err := c.expr(sc, w.Cond)
			if err != nil {
				return cexpr{}, err
			}
			cond, err = c.compare("=", operand, v, x.At)
			if err != nil {
				return cexpr{}, err
			}
		} else if cond, err = c.cond(sc, w.Cond); err != nil {
			return cexpr{}, err
		}
		r, err := c.expr(sc, w.Result)
		if err != nil {
			return cexpr{}, err
		}
		conds[i], agg = cond.sql, agg || cond.agg || r.agg
		results = append(results, r)
	}
	if x.Else != nil {
		e, err := c.expr(sc, x.Else)
		if err != nil {
			return cexpr{}, err
		}
		results, agg = append(results, e), agg || e.agg
	}
	return c.caseSQL(conds, results, x.Else != nil, agg)
}

func (c *compiler) caseSQL(conds []string, results []cexpr, hasElse, agg bool) (cexpr, error) {
	t, err := c.unifyAll(results)
	if err != nil {
		return cexpr{}, err
	}
	var b strings.Builder
	b.WriteString("(CASE")
	for i, r := range results {
		if r, err = c.convTo(r, t); err != nil {
			return cexpr{}, err
		}
		if i < len(conds) {
			b.WriteString(" WHEN " + conds[i] + " THEN " + r.sql)
		} else if hasElse {
			b.WriteString(" ELSE " + r.sql)
		}
	}
	b.WriteString(" END)")
	return cexpr{sql: b.String(), t: t, agg: agg, name: nameExpression}, nil
}
