package engine

import (
	"encoding/hex"
	"math"
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// cexpr is a compiled expression: its SQLite text and Informix type.
type cexpr struct {
	sql     string
	t       ifxtype.Type // Code TypeNull for NULL and for a ? not yet typed
	param   int          // 1 + the index of a bare ? not yet typed, else 0
	konst   bool         // a literal; kval holds its stored value
	kval    any
	agg     bool   // holds an aggregate
	name    string // the describe name when the select item has no alias
	column  bool   // a plain column reference
	trimmed bool   // character data known to have no trailing blanks
}

// Describe names of unnamed select items, as dbaccess headings show them
// [I: from IBM's dbaccess output; the server sends the same names in the
// describe]: "(constant)" for a literal, "(expression)" for anything
// computed, "(count(*))" and "(sum)", "(avg)", "(min)", "(max)", "(count)"
// for aggregates.
const (
	nameConstant   = "(constant)"
	nameExpression = "(expression)"
)

func (e cexpr) untyped() bool { return e.t.Code == sqli.TypeNull }

// expr compiles an expression in scope sc.
func (c *compiler) expr(sc *scope, e sqlparse.Expr) (cexpr, error) {
	switch x := e.(type) {
	case *sqlparse.NumberLit:
		return numberLiteral(x)
	case *sqlparse.StringLit:
		return c.stringLiteral(x.Value), nil
	case *sqlparse.NullLit:
		return cexpr{sql: "NULL", t: tUnknown, konst: true, name: nameConstant}, nil
	case *sqlparse.BoolLit:
		v := int64(0)
		if x.Value {
			v = 1
		}
		return cexpr{sql: strconv.FormatInt(v, 10), t: tBoolean(), konst: true, kval: v, name: nameConstant}, nil
	case *sqlparse.ParamRef:
		return c.paramExpr(x.Index), nil
	case *sqlparse.ColumnRef:
		ce, err := c.resolve(sc, x)
		ce.trimmed = isFixedChar(ce.t)
		return ce, err
	case *sqlparse.BinaryExpr:
		return c.binary(sc, x)
	case *sqlparse.UnaryExpr:
		return c.unary(sc, x)
	case *sqlparse.DateTimeLit:
		return c.timeLiteral(x.Text, x.Qual, false, x.At)
	case *sqlparse.IntervalLit:
		return c.timeLiteral(x.Text, x.Qual, true, x.At)
	case *sqlparse.FuncCall:
		return c.funcCall(sc, x)
	case *sqlparse.CastExpr:
		return c.cast(sc, x)
	case *sqlparse.CaseExpr:
		return c.caseExpr(sc, x)
	}
	return c.predicate(sc, e)
}

// numberLiteral types a numeric literal: INTEGER when it fits, else
// BIGINT; with a decimal point DECIMAL(p,s) of its digits; with an
// exponent FLOAT [I: the describe of literals is not captured; these are
// the types IBM's Guide to SQL: Syntax, "Literal Number", names].
func numberLiteral(x *sqlparse.NumberLit) (cexpr, error) {
	text := x.Text
	if strings.ContainsAny(text, "eE") {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsInf(f, 0) {
			return cexpr{}, syntaxAt(x.At, text)
		}
		return floatLiteral(f, tSimple(sqli.TypeFloat)), nil
	}
	if !strings.Contains(text, ".") {
		if n, err := strconv.ParseInt(text, 10, 64); err == nil {
			t := tSimple(sqli.TypeInteger)
			if n > math.MaxInt32 {
				t = tSimple(sqli.TypeBigInt)
			}
			return cexpr{sql: text, t: t, konst: true, kval: n, name: nameConstant}, nil
		}
	}
	d, err := ifxtype.ParseDecimal(text)
	if err != nil {
		return cexpr{}, syntaxAt(x.At, text)
	}
	p := max(d.Precision(), int(d.Scale()), 1)
	if p > maxDecimalDigits {
		return cexpr{}, &Error{SQLCode: errDecPrecision, Offset: x.At}
	}
	key, ierr := decKey(d)
	if ierr != nil {
		return cexpr{}, ierr
	}
	return cexpr{sql: blobSQL(key), t: tDecimal(sqli.TypeDecimal, p, int(d.Scale())), konst: true, kval: key, name: nameConstant}, nil
}

func floatLiteral(f float64, t ifxtype.Type) cexpr {
	return cexpr{sql: floatSQL(f), t: t, konst: true, kval: f, name: nameConstant}
}

// stringLiteral types a quoted string as CHAR(n), n its bytes in the
// database code set [I].
func (c *compiler) stringLiteral(s string) cexpr {
	n := max(encodedLen(s, c.s.convCtx().cs), 1)
	t := tChar(sqli.TypeChar, min(n, maxCharLen))
	return cexpr{sql: textSQL(s), t: t, konst: true, kval: s, name: nameConstant}
}

// SQL text of stored values. Text with a NUL byte goes as a BLOB cast to
// TEXT, since SQLite reads statement text up to the first NUL.
func textSQL(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		return "CAST(" + blobSQL([]byte(s)) + " AS TEXT)"
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
func blobSQL(b []byte) string { return "X'" + hex.EncodeToString(b) + "'" }
func floatSQL(f float64) string {
	s := strconv.FormatFloat(f, 'g', 17, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

// literalSQL renders a stored value as SQLite text.
func literalSQL(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return floatSQL(x)
	case []byte:
		return blobSQL(x)
	case string:
		return textSQL(x)
	}
	return "NULL"
}

// paramExpr compiles ? number i.
func (c *compiler) paramExpr(i int) cexpr {
	e := cexpr{sql: paramSQL(i), t: c.params[i], name: nameExpression}
	if e.untyped() {
		e.param = i + 1
	}
	return e
}

// typeParam gives an untyped parameter (or NULL) the type t.
func (c *compiler) typeParam(e cexpr, t ifxtype.Type) cexpr {
	t = notNull(t, false)
	if e.param > 0 {
		c.params[e.param-1], c.described[e.param-1] = t, t
		e.param = 0
	}
	e.t = t
	return e
}

// typeCompared gives an untyped parameter compared with a value of type t
// that type in the describe, and compareType(t) for its conversion.
func (c *compiler) typeCompared(e cexpr, t ifxtype.Type) cexpr {
	if e.param == 0 {
		return c.typeParam(e, t)
	}
	i := e.param - 1
	e = c.typeParam(e, compareType(t))
	c.described[i] = notNull(t, false)
	return e
}

// compareType is the type a compared parameter converts to: one of the
// same storage class that holds any value of that class without cutting
// it (LVARCHAR, DECIMAL(32), BIGINT, FLOAT).
func compareType(t ifxtype.Type) ifxtype.Type {
	switch kindOf(t) {
	case kText:
		return tLVarChar(maxLVarCharLen)
	case kDec:
		return tBindDecimal
	case kInt:
		return tSimple(sqli.TypeBigInt)
	case kFloat:
		return tSimple(sqli.TypeFloat)
	case kIntervalYM:
		return tBindYM
	case kIntervalDS:
		return tBindDS
	}
	return t
}

// convTo converts e to type t where the storage classes differ (or a
// DATETIME's qualifier does): a literal at compile time, anything else
// through ifx_conv when the statement runs. Errors of a literal's
// conversion are reported when the statement is prepared.
func (c *compiler) convTo(e cexpr, t ifxtype.Type) (cexpr, error) {
	if e.untyped() {
		return c.typeParam(e, t), nil
	}
	if sameStorage(e.t, t) {
		return e, nil
	}
	return c.forceConv(e, t)
}

// forceConv converts e to t even within a storage class (to fit a
// column's length, precision or qualifier).
func (c *compiler) forceConv(e cexpr, t ifxtype.Type) (cexpr, error) {
	if e.untyped() {
		return c.typeParam(e, t), nil
	}
	out := cexpr{t: notNull(t, false), agg: e.agg, name: nameExpression}
	if e.konst {
		v, err := convert(e.kval, e.t, t, c.s.convCtx())
		if err != nil {
			return cexpr{}, err
		}
		out.sql, out.konst, out.kval, out.name = literalSQL(v), true, v, e.name
		out.trimmed = isFixedChar(t)
		return out, nil
	}
	out.sql = "ifx_conv(" + e.sql + ", " + typeKeySQL(e.t) + ", " + typeKeySQL(t) + ", " + c.sessSQL() + ")"
	out.trimmed = isFixedChar(t)
	return out, nil
}

// sameStorage reports whether values of a and b compare and combine
// without conversion.
func sameStorage(a, b ifxtype.Type) bool {
	ka, kb := kindOf(a), kindOf(b)
	if ka != kb {
		return false
	}
	if ka == kDateTime {
		return a.Qualifier() == b.Qualifier()
	}
	return true
}

// typeKey packs a type for the SQL functions: base code and length.
func typeKey(t ifxtype.Type) int64 { return int64(t.Base())<<32 | int64(uint32(t.Length)) }

func typeKeySQL(t ifxtype.Type) string { return strconv.FormatInt(typeKey(t), 10) }

// typeFromKey unpacks typeKey.
func typeFromKey(k int64) ifxtype.Type {
	return ifxtype.Type{Code: sqli.TypeCode(k >> 32), Length: int32(uint32(k))}
}

// sessSQL passes the session's id to functions that need its conversion
// context.
func (c *compiler) sessSQL() string { return strconv.FormatInt(c.s.id, 10) }

// timeLiteral compiles DATETIME(…) q and INTERVAL(…) q; an error in the
// text points at the literal's first word [I].
func (c *compiler) timeLiteral(text string, qual sqlparse.TypeName, interval bool, at int) (cexpr, error) {
	t, err := qualifiedType(qual)
	if err != nil {
		return cexpr{}, err
	}
	l := layoutOf(t.Qualifier())
	v, perr := parseTime(text, l, interval)
	if perr != nil {
		perr.Offset = at
		return cexpr{}, perr
	}
	var kv any
	if interval {
		kv = intervalCount(v, l)
	} else {
		kv = dtText(v, t.Qualifier())
	}
	return cexpr{sql: literalSQL(kv), t: t, konst: true, kval: kv, name: nameConstant}, nil
}

// cast compiles CAST(x AS type) and x::type.
func (c *compiler) cast(sc *scope, x *sqlparse.CastExpr) (cexpr, error) {
	e, err := c.expr(sc, x.X)
	if err != nil {
		return cexpr{}, err
	}
	t, _, terr := typeFromName(x.Type)
	if terr != nil {
		return cexpr{}, terr
	}
	out, err := c.forceConv(e, t)
	out.name = nameExpression
	return out, err
}

// unary compiles -x, +x and NOT x.
func (c *compiler) unary(sc *scope, x *sqlparse.UnaryExpr) (cexpr, error) {
	if x.Op == "NOT" {
		e, err := c.cond(sc, x.X)
		return cexpr{sql: "(NOT " + e.sql + ")", t: tBoolean(), agg: e.agg, name: nameExpression}, err
	}
	e, err := c.expr(sc, x.X)
	if err != nil || x.Op == "+" {
		return e, err
	}
	if e.untyped() {
		e = c.typeParam(e, tBindDecimal)
	}
	switch kindOf(e.t) {
	case kInt, kFloat, kIntervalYM, kIntervalDS:
		if e.konst {
			return c.negateLiteral(e), nil
		}
		return cexpr{sql: "(-" + e.sql + ")", t: notNull(e.t, false), agg: e.agg, name: nameExpression}, nil
	case kDec:
		if e.konst {
			return c.negateLiteral(e), nil
		}
		return cexpr{sql: "ifx_dec_neg(" + e.sql + ")", t: notNull(e.t, false), agg: e.agg, name: nameExpression}, nil
	case kText:
		d, err := c.convTo(e, tBindDecimal)
		if err != nil {
			return cexpr{}, err
		}
		return cexpr{sql: "ifx_dec_neg(" + d.sql + ")", t: tResultDecimal, agg: e.agg, name: nameExpression}, nil
	}
	return cexpr{}, ifxErr(errTypeConversion, "")
}

func (c *compiler) negateLiteral(e cexpr) cexpr {
	switch v := e.kval.(type) {
	case int64:
		e.kval = -v
	case float64:
		e.kval = -v
	case []byte:
		d, _ := decFromKey(v)
		e.kval, _ = decKey(d.Neg())
	}
	e.sql = literalSQL(e.kval)
	return e
}
