package engine

import (
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// cond compiles an expression used as a condition.
func (c *compiler) cond(sc *scope, e sqlparse.Expr) (cexpr, error) {
	x, err := c.expr(sc, e)
	if err != nil {
		return x, err
	}
	if x.untyped() {
		x = c.typeParam(x, tBoolean())
	}
	return x, nil
}

// binary compiles AND, OR, comparisons, arithmetic and ||.
func (c *compiler) binary(sc *scope, x *sqlparse.BinaryExpr) (cexpr, error) {
	if x.Op == "AND" || x.Op == "OR" {
		l, err := c.cond(sc, x.L)
		if err != nil {
			return cexpr{}, err
		}
		r, err := c.cond(sc, x.R)
		if err != nil {
			return cexpr{}, err
		}
		return cexpr{sql: "(" + l.sql + " " + x.Op + " " + r.sql + ")", t: tBoolean(), agg: l.agg || r.agg, name: nameExpression}, nil
	}
	l, err := c.expr(sc, x.L)
	if err != nil {
		return cexpr{}, err
	}
	r, err := c.expr(sc, x.R)
	if err != nil {
		return cexpr{}, err
	}
	switch x.Op {
	case "||":
		return c.concat(l, r)
	case "+", "-", "*", "/":
		return c.arith(x.Op, l, r, x.At)
	}
	return c.compare(x.Op, l, r, x.At)
}

// compare compiles l op r. The operands are brought to one storage class
// as Informix converts them: a character value to the other side's type
// (a number, a DATE by DBDATE, a DATETIME or INTERVAL by its qualifier),
// an integer or float to DECIMAL when the other side is DECIMAL, a DATE to
// the other side's DATETIME. CHAR values compare as if blank-padded, so
// trailing blanks are dropped on both sides when either is CHAR.
func (c *compiler) compare(op string, l, r cexpr, at int) (cexpr, error) {
	l, r, err := c.unify(l, r, at)
	if err != nil {
		return cexpr{}, err
	}
	if isFixedChar(l.t) || isFixedChar(r.t) {
		l, r = c.trimText(l), c.trimText(r)
	}
	return cexpr{sql: "(" + l.sql + " " + op + " " + r.sql + ")", t: tBoolean(), agg: l.agg || r.agg, name: nameExpression}, nil
}

// trimText removes trailing blanks from character data not known to be
// free of them.
func (c *compiler) trimText(e cexpr) cexpr {
	if kindOf(e.t) != kText || e.trimmed {
		return e
	}
	if e.konst {
		s, _ := e.kval.(string)
		e.kval = strings.TrimRight(s, " ")
		e.sql, e.trimmed = literalSQL(e.kval), true
		return e
	}
	e.sql, e.trimmed = "rtrim("+e.sql+", ' ')", true
	return e
}

// unify converts l and r to a common storage class for comparison.
func (c *compiler) unify(l, r cexpr, at int) (cexpr, cexpr, error) {
	switch {
	case l.untyped() && r.untyped():
		if l.param == 0 || r.param == 0 {
			return l, r, nil
		}
		t := tVarChar(sqli.TypeVarChar, 255, 0)
		return c.typeParam(l, t), c.typeParam(r, t), nil
	case l.untyped():
		return c.typeCompared(l, r.t), r, nil
	case r.untyped():
		return l, c.typeCompared(r, l.t), nil
	}
	target, terr := compareTarget(l.t, r.t)
	if terr != nil {
		terr.Offset = at
		return l, r, terr
	}
	l2, err := c.convTo(l, target)
	if err != nil {
		return l, r, withOffset(err, at)
	}
	r2, err := c.convTo(r, target)
	if err != nil {
		return l, r, withOffset(err, at)
	}
	return l2, r2, nil
}

func withOffset(err error, at int) error {
	if e, ok := err.(*Error); ok && e.Offset == 0 {
		e.Offset = at
	}
	return err
}

// compareTarget picks the type both sides of a comparison take.
func compareTarget(a, b ifxtype.Type) (ifxtype.Type, *Error) {
	ka, kb := kindOf(a), kindOf(b)
	switch {
	case ka == kb:
		return a, nil
	case ka == kText:
		return b, nil
	case kb == kText:
		return a, nil
	case isNumericKind(ka) && isNumericKind(kb):
		if ka == kDec || kb == kDec {
			return tBindDecimal, nil
		}
		if ka == kFloat {
			return a, nil
		}
		return b, nil
	case ka == kDate && kb == kDateTime:
		return b, nil
	case ka == kDateTime && kb == kDate:
		return a, nil
	case ka == kDate && kb == kInt, ka == kInt && kb == kDate:
		return tSimple(sqli.TypeInteger), nil
	case (ka == kIntervalYM || ka == kIntervalDS) && (kb == kIntervalYM || kb == kIntervalDS):
		return a, ifxErr(errDTIncompatible, "")
	}
	return a, ifxErr(errTypeConversion, "")
}

func isNumericKind(k kind) bool { return k == kInt || k == kFloat || k == kDec }

func itoa(n int) string { return strconv.Itoa(n) }

// concat compiles l || r: the character forms of both, a CHAR operand
// blank-padded to its length; the result is VARCHAR, or LVARCHAR past 255
// bytes [I].
func (c *compiler) concat(l, r cexpr) (cexpr, error) {
	parts := make([]string, 2)
	n := 0
	for i, e := range []cexpr{l, r} {
		if e.untyped() {
			e = c.typeParam(e, tVarChar(sqli.TypeVarChar, 255, 0))
		}
		s, length, err := c.textForm(e)
		if err != nil {
			return cexpr{}, err
		}
		parts[i], n = s, n+length
	}
	t := tVarChar(sqli.TypeVarChar, min(max(n, 1), maxVarCharLen), 0)
	if n > maxVarCharLen {
		t = tLVarChar(min(n, maxLVarCharLen))
	}
	return cexpr{sql: "(" + parts[0] + " || " + parts[1] + ")", t: t, agg: l.agg || r.agg, name: nameExpression}, nil
}

// textForm returns SQL for e's character form and its maximum length.
func (c *compiler) textForm(e cexpr) (string, int, error) {
	if kindOf(e.t) == kText {
		if isFixedChar(e.t) {
			return "ifx_pad(" + e.sql + ", " + itoa(int(e.t.Length)) + ", " + c.sessSQL() + ")", int(e.t.Length), nil
		}
		return e.sql, textLimit(e.t), nil
	}
	t := tLVarChar(maxLVarCharLen)
	x, err := c.forceConv(e, t)
	return x.sql, displayWidth(e.t), err
}

// displayWidth estimates the characters of a value's text form.
func displayWidth(t ifxtype.Type) int {
	switch kindOf(t) {
	case kInt:
		return 20
	case kFloat:
		return 24
	case kDec:
		return t.Precision() + 2
	case kDate:
		return 10
	case kDateTime, kIntervalYM, kIntervalDS:
		return t.Qualifier().Digits() + 8
	case kBool:
		return 1
	}
	return textLimit(t)
}

// predicate compiles IS NULL, BETWEEN, IN, LIKE/MATCHES, EXISTS and scalar
// subqueries.
func (c *compiler) predicate(sc *scope, e sqlparse.Expr) (cexpr, error) {
	switch x := e.(type) {
	case *sqlparse.IsNullExpr:
		v, err := c.expr(sc, x.X)
		op := " IS NULL)"
		if x.Not {
			op = " IS NOT NULL)"
		}
		return cexpr{sql: "(" + v.sql + op, t: tBoolean(), agg: v.agg, name: nameExpression}, err
	case *sqlparse.BetweenExpr:
		return c.between(sc, x)
	case *sqlparse.InExpr:
		return c.in(sc, x)
	case *sqlparse.LikeExpr:
		return c.like(sc, x)
	case *sqlparse.ExistsExpr:
		q, err := c.subquery(sc, x.Query)
		return cexpr{sql: "(EXISTS (" + q.sql + "))", t: tBoolean(), name: nameExpression}, err
	case *sqlparse.SubqueryExpr:
		return c.scalarSubquery(sc, x)
	}
	return cexpr{}, syntaxAt(e.Pos(), "")
}

func (c *compiler) between(sc *scope, x *sqlparse.BetweenExpr) (cexpr, error) {
	v, err := c.expr(sc, x.X)
	if err != nil {
		return cexpr{}, err
	}
	lo, err := c.expr(sc, x.Lo)
	if err != nil {
		return cexpr{}, err
	}
	hi, err := c.expr(sc, x.Hi)
	if err != nil {
		return cexpr{}, err
	}
	a, err := c.compare(">=", v, lo, x.At)
	if err != nil {
		return cexpr{}, err
	}
	b, err := c.compare("<=", v, hi, x.At)
	if err != nil {
		return cexpr{}, err
	}
	sql := "(" + a.sql + " AND " + b.sql + ")"
	if x.Not {
		sql = "(NOT " + sql + ")"
	}
	return cexpr{sql: sql, t: tBoolean(), agg: a.agg || b.agg, name: nameExpression}, nil
}

func (c *compiler) in(sc *scope, x *sqlparse.InExpr) (cexpr, error) {
	v, err := c.expr(sc, x.X)
	if err != nil {
		return cexpr{}, err
	}
	not := ""
	if x.Not {
		not = "NOT "
	}
	if x.Query != nil {
		return c.inSubquery(sc, v, x.Query, not, x.At)
	}
	items := make([]string, len(x.List))
	for i, ie := range x.List {
		e, err := c.expr(sc, ie)
		if err != nil {
			return cexpr{}, err
		}
		if v.untyped() && !e.untyped() {
			v = c.typeCompared(v, e.t)
		}
		cmp, err := c.compare("=", v, e, x.At)
		if err != nil {
			return cexpr{}, err
		}
		items[i] = cmp.sql
	}
	return cexpr{sql: "(" + not + "(" + strings.Join(items, " OR ") + "))", t: tBoolean(), agg: v.agg, name: nameExpression}, nil
}

// inSubquery compiles x IN (SELECT …), the subquery's column converted to
// x's type.
func (c *compiler) inSubquery(sc *scope, v cexpr, q *sqlparse.SelectStmt, not string, at int) (cexpr, error) {
	sub, err := c.subquery(sc, q)
	if err != nil {
		return cexpr{}, err
	}
	if len(sub.cols) != 1 {
		return cexpr{}, &Error{SQLCode: errSyntax, Offset: at}
	}
	col := cexpr{sql: "sq.c1", t: sub.cols[0].Type}
	l, r, err := c.unify(v, col, at)
	if err != nil {
		return cexpr{}, err
	}
	if isFixedChar(l.t) || isFixedChar(r.t) {
		l, r = c.trimText(l), c.trimText(r)
	}
	sql := "(" + l.sql + " " + not + "IN (SELECT " + r.sql + " FROM (" + sub.sql + ") AS sq))"
	return cexpr{sql: sql, t: tBoolean(), agg: v.agg, name: nameExpression}, nil
}

// scalarSubquery compiles (SELECT …) as a value. A subquery that returns
// more than one row is -284 ("A subquery has returned not exactly one
// row", sql_en_US.properties): a window count over its rows tells.
func (c *compiler) scalarSubquery(sc *scope, x *sqlparse.SubqueryExpr) (cexpr, error) {
	sub, err := c.subquery(sc, x.Query)
	if err != nil {
		return cexpr{}, err
	}
	if len(sub.cols) != 1 {
		return cexpr{}, &Error{SQLCode: errSyntax, Offset: x.At}
	}
	sql := "(SELECT ifx_one(sq.c1, count(*) OVER ()) FROM (" + sub.sql + ") AS sq LIMIT 1)"
	return cexpr{sql: sql, t: notNull(sub.cols[0].Type, false), name: nameExpression}, nil
}

// like compiles LIKE and MATCHES through ifx_like, which implements
// Informix's wildcards: % and _ for LIKE, * ? and [...] for MATCHES, with
// backslash as the default escape character (IBM Guide to SQL: Syntax,
// LIKE and MATCHES conditions).
func (c *compiler) like(sc *scope, x *sqlparse.LikeExpr) (cexpr, error) {
	v, err := c.expr(sc, x.X)
	if err != nil {
		return cexpr{}, err
	}
	pat, err := c.expr(sc, x.Pattern)
	if err != nil {
		return cexpr{}, err
	}
	esc := cexpr{sql: "'\\'", t: tChar(sqli.TypeChar, 1)}
	if x.Escape != nil {
		if esc, err = c.expr(sc, x.Escape); err != nil {
			return cexpr{}, err
		}
	}
	args := make([]string, 3)
	for i, e := range []cexpr{v, pat, esc} {
		if e.untyped() {
			e = c.typeCompared(e, tVarChar(sqli.TypeVarChar, 255, 0))
		}
		if kindOf(e.t) != kText {
			if e, err = c.forceConv(e, tLVarChar(maxLVarCharLen)); err != nil {
				return cexpr{}, err
			}
		}
		args[i] = e.sql
	}
	mode := "0"
	if x.Matches {
		mode = "1"
	}
	sql := "ifx_like(" + strings.Join(args, ", ") + ", " + mode + ")"
	if x.Not {
		sql = "(NOT " + sql + ")"
	}
	return cexpr{sql: sql, t: tBoolean(), agg: v.agg, name: nameExpression}, nil
}
