package engine

import (
	"strings"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// aggregate compiles COUNT, SUM, AVG, MIN and MAX. COUNT describes as
// DECIMAL(15,0): S1 saw a real server send COUNT(*) as 9 packed bytes,
// C2 02 00 … (TYPES.md §5.5 [W]). SUM and AVG of exact numbers are
// tResultDecimal, of floats FLOAT, of intervals the interval type;
// MIN and MAX keep their argument's type [I: the describe of SUM, AVG, MIN
// and MAX is not captured].
func (c *compiler) aggregate(sc *scope, f *sqlparse.FuncCall) (cexpr, error) {
	out := cexpr{agg: true, name: "(" + f.Name + ")"}
	if f.Star {
		if f.Name != "count" {
			return cexpr{}, syntaxAt(f.At, f.Name)
		}
		out.sql, out.t, out.name = "ifx_dec_int(count(*))", tCountDecimal, "(count(*))"
		return out, nil
	}
	if len(f.Args) != 1 {
		return cexpr{}, ifxErr(errNoRoutine, f.Name)
	}
	inner := &scope{parent: sc.parent, sources: sc.sources}
	x, err := c.expr(inner, f.Args[0])
	if err != nil {
		return cexpr{}, err
	}
	if x.untyped() {
		x = c.typeParam(x, tBindDecimal)
	}
	dist := ""
	if f.Distinct {
		dist = "DISTINCT "
	}
	if f.Name == "count" {
		out.sql, out.t = "ifx_dec_int(count("+dist+x.sql+"))", tCountDecimal
		return out, nil
	}
	if f.Name == "min" || f.Name == "max" {
		out.sql, out.t = f.Name+"("+x.sql+")", notNull(x.t, false)
		return out, nil
	}
	return c.sumAvg(f.Name, dist, x, out)
}

func (c *compiler) sumAvg(name, dist string, x, out cexpr) (cexpr, error) {
	var err error
	switch kindOf(x.t) {
	case kText:
		if x, err = c.convTo(x, tBindDecimal); err != nil {
			return cexpr{}, err
		}
		fallthrough
	case kDec:
		out.sql, out.t = "ifx_"+name+"_dec("+dist+x.sql+")", tResultDecimal
	case kInt:
		out.sql, out.t = "ifx_"+name+"_int("+dist+x.sql+")", tResultDecimal
	case kFloat:
		out.sql, out.t = name+"("+dist+x.sql+")", tSimple(sqli.TypeFloat)
	case kIntervalYM, kIntervalDS:
		out.sql, out.t = "CAST("+name+"("+dist+x.sql+") AS INTEGER)", notNull(x.t, false)
	default:
		return cexpr{}, ifxErr(errTypeConversion, "")
	}
	return out, nil
}

// builtinValue compiles TODAY, CURRENT [q], USER, SITENAME and DBINFO,
// whose values the engine binds when the statement runs (TODAY and
// CURRENT once per statement, as Informix evaluates them).
func (c *compiler) builtinValue(f *sqlparse.FuncCall) (cexpr, error) {
	out := cexpr{name: nameExpression}
	switch f.Name {
	case "today":
		out.sql, out.t = c.extra(extraValue{kind: "today"}), tSimple(sqli.TypeDate)
	case "current", "sysdate":
		q, _ := ifxtype.DateTimeQualifier(ifxtype.UnitYear, ifxtype.UnitFraction3)
		if f.Qualifier != nil {
			var err *Error
			if q, err = qualifierOf(*f.Qualifier); err != nil {
				return cexpr{}, err
			}
		}
		out.sql, out.t = c.extra(extraValue{kind: "current", q: q}), tDateTime(q)
	case "user", "current_user":
		out.sql, out.t = c.extra(extraValue{kind: "user"}), tVarChar(sqli.TypeVarChar, 32, 0)
	case "sitename", "dbservername":
		out.sql, out.t = c.extra(extraValue{kind: "sitename"}), tVarChar(sqli.TypeVarChar, 128, 0)
	default:
		return c.dbinfo(f)
	}
	return out, nil
}

// dbinfo compiles DBINFO('option' [, 'detail']). Its first argument must be
// a quoted string (-726); an unknown option is -728 (sql_en_US.properties).
func (c *compiler) dbinfo(f *sqlparse.FuncCall) (cexpr, error) {
	var words []string
	for _, a := range f.Args {
		s, ok := a.(*sqlparse.StringLit)
		if !ok {
			return cexpr{}, &Error{SQLCode: -726, Offset: f.At}
		}
		words = append(words, strings.ToLower(strings.TrimSpace(s.Value)))
	}
	if len(words) == 0 {
		return cexpr{}, &Error{SQLCode: -726, Offset: f.At}
	}
	t, ok := dbinfoTypes[words[0]]
	if words[0] == "version" && (len(words) != 2 || !versionParts[words[1]]) {
		return cexpr{}, &Error{SQLCode: -945, Offset: f.At}
	}
	if !ok {
		return cexpr{}, &Error{SQLCode: -728, Message: words[0], Offset: f.At}
	}
	return cexpr{sql: c.extra(extraValue{kind: "dbinfo", arg: strings.Join(words, ",")}), t: t, name: nameExpression}, nil
}

// dbinfoTypes are the DBINFO options the engine answers and their types
// (IBM Guide to SQL: Syntax, DBINFO function) [I for the character
// lengths].
var dbinfoTypes = map[string]ifxtype.Type{
	"sqlca.sqlerrd1": tSimple(sqli.TypeInteger),
	"sqlca.sqlerrd2": tSimple(sqli.TypeInteger),
	"serial8":        tSimple(sqli.TypeInt8),
	"bigserial":      tSimple(sqli.TypeBigInt),
	"sessionid":      tSimple(sqli.TypeInteger),
	"utc_current":    tSimple(sqli.TypeInteger),
	"dbname":         tVarChar(sqli.TypeVarChar, 128, 0),
	"dbhostname":     tVarChar(sqli.TypeVarChar, 128, 0),
	"version":        tVarChar(sqli.TypeVarChar, 255, 0),
}

var versionParts = map[string]bool{"full": true, "major": true, "minor": true, "level": true, "os": true, "server-type": true}

// mathFunc compiles ABS, MOD, ROUND, TRUNC, CEIL and FLOOR.
func (c *compiler) mathFunc(name string, args []cexpr) (cexpr, error) {
	x := args[0]
	if x.untyped() {
		x = c.typeParam(x, tBindDecimal)
	}
	var err error
	if kindOf(x.t) == kText {
		if x, err = c.convTo(x, tBindDecimal); err != nil {
			return cexpr{}, err
		}
	}
	if !isNumericKind(kindOf(x.t)) {
		return cexpr{}, ifxErr(errTypeConversion, "")
	}
	if name == "mod" {
		y, err := c.convTo(args[1], tSimple(sqli.TypeBigInt))
		if err != nil {
			return cexpr{}, err
		}
		if x, err = c.convTo(x, tSimple(sqli.TypeBigInt)); err != nil {
			return cexpr{}, err
		}
		return cexpr{sql: "ifx_mod(" + x.sql + ", " + y.sql + ")", t: numericResult(args[0].t, y.t)}, nil
	}
	digits := cexpr{sql: "0", t: tSimple(sqli.TypeInteger)}
	if len(args) > 1 {
		if digits, err = c.convTo(args[1], tSimple(sqli.TypeInteger)); err != nil {
			return cexpr{}, err
		}
	}
	t := x.t
	if kindOf(t) == kDec && name != "abs" {
		t = tResultDecimal // ROUND and TRUNC of a DECIMAL keep no fixed scale [I]
	}
	return cexpr{sql: "ifx_math('" + name + "', " + x.sql + ", " + typeKeySQL(x.t) + ", " + digits.sql + ")", t: t}, nil
}

// dateFunc compiles DATE, YEAR, MONTH, DAY, WEEKDAY, MDY and EXTEND. YEAR
// … WEEKDAY return SMALLINT [I].
func (c *compiler) dateFunc(f *sqlparse.FuncCall, args []cexpr) (cexpr, error) {
	switch f.Name {
	case "mdy":
		parts := make([]string, 3)
		for i, a := range args {
			a, err := c.convTo(a, tSimple(sqli.TypeInteger))
			if err != nil {
				return cexpr{}, err
			}
			parts[i] = a.sql
		}
		return cexpr{sql: "ifx_mdy(" + strings.Join(parts, ", ") + ")", t: tSimple(sqli.TypeDate)}, nil
	case "date":
		return c.forceConv(args[0], tSimple(sqli.TypeDate))
	case "extend":
		return c.extend(f, args[0])
	}
	x := args[0]
	if kindOf(x.t) != kDateTime {
		var err error
		if x, err = c.convTo(x, tSimple(sqli.TypeDate)); err != nil {
			return cexpr{}, err
		}
	}
	sql := "ifx_datepart(" + x.sql + ", " + typeKeySQL(x.t) + ", '" + f.Name + "', " + c.sessSQL() + ")"
	return cexpr{sql: sql, t: tSimple(sqli.TypeSmallInt)}, nil
}

// extend compiles EXTEND(x [, q]): a DATE becomes DATETIME YEAR TO DAY
// unless q says otherwise; a DATETIME keeps its qualifier unless q is
// given.
func (c *compiler) extend(f *sqlparse.FuncCall, x cexpr) (cexpr, error) {
	var q ifxtype.Qualifier
	switch {
	case f.Qualifier != nil:
		var err *Error
		if q, err = qualifierOf(*f.Qualifier); err != nil {
			return cexpr{}, err
		}
	case kindOf(x.t) == kDateTime:
		q = x.t.Qualifier()
	default:
		q, _ = ifxtype.DateTimeQualifier(ifxtype.UnitYear, ifxtype.UnitDay)
	}
	if k := kindOf(x.t); k != kDateTime && k != kDate && !x.untyped() {
		return cexpr{}, ifxErr(-1234, "")
	}
	return c.forceConv(x, tDateTime(q))
}
