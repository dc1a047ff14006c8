package engine

import (
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// arith compiles l op r for op in + - * /.
func (c *compiler) arith(op string, l, r cexpr, at int) (cexpr, error) {
	switch {
	case l.untyped() && r.untyped():
		l, r = c.typeParam(l, tBindDecimal), c.typeParam(r, tBindDecimal)
	case l.untyped():
		l = c.typeParam(l, arithOperandType(r.t))
	case r.untyped():
		r = c.typeParam(r, arithOperandType(l.t))
	}
	out, err := c.timeArith(op, l, r)
	if err == nil && out.sql == "" {
		out, err = c.numericArith(op, l, r)
	}
	if err != nil {
		return cexpr{}, withOffset(err, at)
	}
	out.agg, out.name = l.agg || r.agg, nameExpression
	out.t = notNull(out.t, false)
	return out, nil
}

// arithOperandType is the type a ? takes opposite an operand of type t:
// the same type, except an integer opposite a DATE (DATE ± days) and a
// DECIMAL opposite an INTERVAL (INTERVAL × factor).
func arithOperandType(t ifxtype.Type) ifxtype.Type {
	switch kindOf(t) {
	case kDate:
		return tSimple(sqli.TypeInteger)
	case kIntervalYM, kIntervalDS:
		return t
	case kText:
		return tBindDecimal
	}
	return t
}

// numericResult is the type of arithmetic on two numbers, as IBM's ESQL/C
// conversion table has it: DECIMAL when either side is DECIMAL (or MONEY),
// else FLOAT when either side is a float, else an integer (IBM ESQL/C
// Programmer's Manual, "Convert numbers to numbers"). An integer result is
// INTEGER, or INT8/BIGINT when an operand is. A DECIMAL result is
// tResultDecimal [I: the describe of such results is not captured].
func numericResult(a, b ifxtype.Type) ifxtype.Type {
	ka, kb := kindOf(a), kindOf(b)
	switch {
	case ka == kDec || kb == kDec:
		return tResultDecimal
	case ka == kFloat || kb == kFloat:
		return tSimple(sqli.TypeFloat)
	}
	rank := func(t ifxtype.Type) int {
		switch t.Base() {
		case sqli.TypeBigInt, sqli.TypeBigSerial:
			return 2
		case sqli.TypeInt8, sqli.TypeSerial8:
			return 1
		}
		return 0
	}
	switch max(rank(a), rank(b)) {
	case 2:
		return tSimple(sqli.TypeBigInt)
	case 1:
		return tSimple(sqli.TypeInt8)
	}
	return tSimple(sqli.TypeInteger)
}

// numericArith compiles arithmetic on numbers; character operands are
// converted to DECIMAL first (-1213 when they are not numbers).
func (c *compiler) numericArith(op string, l, r cexpr) (cexpr, error) {
	var err error
	for _, e := range []*cexpr{&l, &r} {
		switch kindOf(e.t) {
		case kText:
			if *e, err = c.convTo(*e, tBindDecimal); err != nil {
				return cexpr{}, err
			}
		case kInt, kFloat, kDec:
		default:
			return cexpr{}, ifxErr(errTypeConversion, "")
		}
	}
	rt := numericResult(l.t, r.t)
	switch kindOf(rt) {
	case kDec:
		if l, err = c.convTo(l, rt); err != nil {
			return cexpr{}, err
		}
		if r, err = c.convTo(r, rt); err != nil {
			return cexpr{}, err
		}
		return cexpr{sql: "ifx_dec('" + op + "', " + l.sql + ", " + r.sql + ")", t: rt}, nil
	case kFloat:
		if op == "/" {
			return cexpr{sql: "ifx_fdiv(" + l.sql + ", " + r.sql + ")", t: rt}, nil
		}
	default:
		if op == "/" {
			return cexpr{sql: "ifx_idiv(" + l.sql + ", " + r.sql + ")", t: rt}, nil
		}
	}
	return cexpr{sql: "(" + l.sql + " " + op + " " + r.sql + ")", t: rt}, nil
}

// timeArith compiles the arithmetic of dates, DATETIMEs and INTERVALs
// (IBM Guide to SQL: Syntax, "Arithmetic operations on DATE and DATETIME
// values"): DATE ± integer is a DATE, DATE − DATE an INTEGER count of
// days, DATETIME ± INTERVAL a DATETIME of the same qualifier, DATETIME −
// DATETIME an INTERVAL, INTERVAL ± INTERVAL of one class an INTERVAL,
// INTERVAL × or ÷ a number an INTERVAL. It returns an empty cexpr when
// neither operand is a time value.
func (c *compiler) timeArith(op string, l, r cexpr) (cexpr, error) {
	kl, kr := kindOf(l.t), kindOf(r.t)
	isIv := func(k kind) bool { return k == kIntervalYM || k == kIntervalDS }
	switch {
	case kl == kDate && kr == kDate && op == "-":
		return cexpr{sql: "(" + l.sql + " - " + r.sql + ")", t: tSimple(sqli.TypeInteger)}, nil
	case kl == kDate && (kr == kInt || kr == kText) && (op == "+" || op == "-"):
		r, err := c.convTo(r, tSimple(sqli.TypeInteger))
		return cexpr{sql: "(" + l.sql + " " + op + " " + r.sql + ")", t: tSimple(sqli.TypeDate)}, err
	case kl == kInt && kr == kDate && op == "+":
		return cexpr{sql: "(" + l.sql + " + " + r.sql + ")", t: tSimple(sqli.TypeDate)}, nil
	case (kl == kDateTime || kl == kDate) && isIv(kr) && (op == "+" || op == "-"):
		return c.dtPlusInterval(op, l, r)
	case isIv(kl) && (kr == kDateTime || kr == kDate) && op == "+":
		return c.dtPlusInterval(op, r, l)
	case (kl == kDateTime || kl == kDate) && (kr == kDateTime || kr == kDate) && op == "-":
		return c.dtDiff(l, r)
	case isIv(kl) && isIv(kr):
		if kl != kr || (op != "+" && op != "-") {
			return cexpr{}, ifxErr(errDTIncompatible, "")
		}
		return cexpr{sql: "(" + l.sql + " " + op + " " + r.sql + ")", t: l.t}, nil
	case isIv(kl) && (op == "*" || op == "/") && kr != kDateTime && kr != kDate:
		return c.intervalScale(op, l, r)
	case isIv(kr) && op == "*" && kl != kDateTime && kl != kDate:
		return c.intervalScale(op, r, l)
	case kl == kDate || kr == kDate || kl == kDateTime || kr == kDateTime || isIv(kl) || isIv(kr):
		return cexpr{}, ifxErr(errDTIncompatible, "")
	}
	return cexpr{}, nil
}

// asDateTime turns a DATE operand into DATETIME YEAR TO DAY.
func (c *compiler) asDateTime(e cexpr) (cexpr, error) {
	if kindOf(e.t) != kDate {
		return e, nil
	}
	q, _ := ifxtype.DateTimeQualifier(ifxtype.UnitYear, ifxtype.UnitDay)
	return c.forceConv(e, tDateTime(q))
}

// dtPlusInterval compiles DATETIME ± INTERVAL through ifx_dt_add. A DATE
// operand becomes a DATETIME YEAR TO DAY, or YEAR TO the interval's last
// unit when that is finer.
func (c *compiler) dtPlusInterval(op string, dt, iv cexpr) (cexpr, error) {
	if kindOf(dt.t) == kDate {
		end := max(iv.t.Qualifier().End(), ifxtype.UnitDay)
		q, _ := ifxtype.DateTimeQualifier(ifxtype.UnitYear, end)
		var err error
		if dt, err = c.forceConv(dt, tDateTime(q)); err != nil {
			return cexpr{}, err
		}
	}
	sign := "1"
	if op == "-" {
		sign = "-1"
	}
	sql := "ifx_dt_add(" + dt.sql + ", " + typeKeySQL(dt.t) + ", " + iv.sql + ", " + typeKeySQL(iv.t) + ", " + sign + ", " + c.sessSQL() + ")"
	return cexpr{sql: sql, t: dt.t}, nil
}

// dtDiff compiles DATETIME − DATETIME: an INTERVAL YEAR(9) TO MONTH when
// the left operand ends at YEAR or MONTH, else DAY(9) TO the left
// operand's last unit [I: IBM documents the result as an INTERVAL whose
// qualifier follows the operands'; the precision 9 is our choice].
func (c *compiler) dtDiff(l, r cexpr) (cexpr, error) {
	var err error
	if l, err = c.asDateTime(l); err != nil {
		return cexpr{}, err
	}
	if r, err = c.asDateTime(r); err != nil {
		return cexpr{}, err
	}
	end := l.t.Qualifier().End()
	var q ifxtype.Qualifier
	if end <= ifxtype.UnitMonth {
		q, _ = ifxtype.IntervalQualifier(ifxtype.UnitYear, 9, ifxtype.UnitMonth)
	} else {
		q, _ = ifxtype.IntervalQualifier(ifxtype.UnitDay, 9, end)
	}
	t := tInterval(q)
	sql := "ifx_dt_diff(" + l.sql + ", " + typeKeySQL(l.t) + ", " + r.sql + ", " + typeKeySQL(r.t) + ", " + typeKeySQL(t) + ", " + c.sessSQL() + ")"
	return cexpr{sql: sql, t: t}, nil
}

// intervalScale compiles INTERVAL × number and INTERVAL ÷ number.
func (c *compiler) intervalScale(op string, iv, n cexpr) (cexpr, error) {
	n, err := c.convTo(n, tBindDecimal)
	if err != nil {
		return cexpr{}, err
	}
	return cexpr{sql: "ifx_iv_scale(" + iv.sql + ", " + n.sql + ", '" + op + "')", t: iv.t}, nil
}
