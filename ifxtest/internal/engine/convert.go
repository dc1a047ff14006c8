package engine

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// convCtx is what a conversion needs from its session: the DBDATE format,
// the time that EXTEND takes missing leading fields from, whether the
// database is ANSI (where a string too long for its column is an error
// instead of being cut), and the database code set, in whose bytes
// character lengths count.
type convCtx struct {
	dbdate dbdateFormat
	now    tvalue
	ansi   bool
	cs     ifxtype.CodeSet
}

// Natural types of bound Go values: what a parameter is before it meets
// its target (the bind types of TYPES.md §4).
var (
	tBindInt     = tSimple(sqli.TypeBigInt)
	tBindFloat   = tSimple(sqli.TypeFloat)
	tBindReal    = tSimple(sqli.TypeSmallFloat)
	tBindDecimal = tFloatingDecimal(maxDecimalDigits)
	// tResultDecimal is the type of DECIMAL results the engine computes
	// (arithmetic, SUM, AVG, ROUND): floating DECIMAL(31), 17 bytes on the
	// wire. Which precision Informix describes these results with is not
	// known here [I].
	tResultDecimal = tFloatingDecimal(31)
	tBindDate      = tSimple(sqli.TypeDate)
	tBindText      = tLVarChar(maxLVarCharLen)
	tBindYM        = tInterval(0x0B02) // YEAR(9) TO MONTH
	tBindDS        = tInterval(0x144F) // DAY(9) TO FRACTION(5)
	tBindBoolean   = tBoolean()
	tUnknown       = ifxtype.Type{Code: sqli.TypeNull}
	tCountDecimal  = tDecimal(sqli.TypeDecimal, 15, 0)
)

// argStorage converts a bound value, as package ifxtype decodes it from
// SQ_BIND, to its stored form and natural type.
func argStorage(arg any) (any, ifxtype.Type, *Error) {
	switch v := arg.(type) {
	case nil:
		return nil, tUnknown, nil
	case int64:
		return v, tBindInt, nil
	case float64:
		return v, tBindFloat, nil
	case float32:
		return float64(v), tBindReal, nil
	case ifxtype.Decimal:
		k, err := decKey(v)
		return k, tBindDecimal, err
	case time.Time:
		return daysOfTime(v), tBindDate, nil
	case ifxtype.DateTime:
		if v.Valid() != nil {
			return nil, tUnknown, ifxErr(errDTField, "")
		}
		return dtText(dtFromGo(v), v.Qualifier), tDateTime(v.Qualifier), nil
	case ifxtype.IntervalYM:
		return v.Months, tBindYM, nil
	case ifxtype.IntervalDS:
		return v.Seconds*1e5 + int64(v.Nanoseconds)/1e4, tBindDS, nil
	case string:
		return v, tBindText, nil
	case bool:
		if v {
			return int64(1), tBindBoolean, nil
		}
		return int64(0), tBindBoolean, nil
	}
	return nil, tUnknown, ifxErr(errTypeConversion, "")
}

// convert converts a stored value of type from to type to, as Informix
// converts on assignment and comparison. nil stays nil.
func convert(v any, from, to ifxtype.Type, cx *convCtx) (any, *Error) {
	if v == nil {
		return nil, nil
	}
	fk, tk := kindOf(from), kindOf(to)
	switch tk {
	case kInt:
		return toInt(v, fk, from, to, cx)
	case kFloat:
		return toFloat(v, fk, from, to, cx)
	case kDec:
		d, err := toDecimal(v, fk, from, cx)
		if err != nil {
			return nil, err
		}
		if d, err = fitDecimal(d, to); err != nil {
			return nil, err
		}
		return decKeyErr(d)
	case kDate:
		return toDate(v, fk, from, cx)
	case kDateTime:
		return toDateTime(v, fk, from, to, cx)
	case kIntervalYM, kIntervalDS:
		return toInterval(v, fk, from, to, tk)
	case kText:
		s, err := textOf(v, from, cx)
		if err != nil {
			return nil, err
		}
		return fitText(s, to, cx)
	case kBool:
		return toBool(v, fk, from, cx)
	}
	return nil, ifxErr(errTypeConversion, "")
}

func decKeyErr(d ifxtype.Decimal) (any, *Error) {
	k, err := decKey(d)
	if err != nil {
		return nil, err
	}
	return k, nil
}

func toInt(v any, fk kind, from, to ifxtype.Type, cx *convCtx) (any, *Error) {
	var n int64
	switch fk {
	case kInt, kDate:
		n = v.(int64)
	case kFloat:
		f := math.Trunc(v.(float64))
		if f < -9.3e18 || f > 9.3e18 || math.IsNaN(f) {
			_, _, code := intRange(to)
			return nil, ifxErr(code, "")
		}
		n = int64(f)
	case kDec, kText:
		d, err := toDecimal(v, fk, from, cx)
		if err != nil {
			return nil, err
		}
		if n, err = decToInt(d, to); err != nil {
			return nil, err
		}
	default:
		return nil, ifxErr(errTypeConversion, "")
	}
	return checkIntRange(n, to)
}

// decToInt truncates d toward zero to an integer of type t ([I]: ESQL/C's
// dectoint and dectolong drop the fraction).
func decToInt(d ifxtype.Decimal, t ifxtype.Type) (int64, *Error) {
	r := d
	if d.Exponent() < 0 {
		r = truncDecimal(d, 0)
	}
	n, err := r.Int64()
	if err != nil {
		_, _, code := intRange(t)
		return 0, ifxErr(code, "")
	}
	return n, nil
}

// truncDecimal cuts d to scale digits after the point, toward zero.
func truncDecimal(d ifxtype.Decimal, scale int32) ifxtype.Decimal {
	if d.Scale() <= scale {
		return d
	}
	k := d.Scale() - scale
	c := d.Coefficient()
	c.Quo(c, pow10Big(int(k)))
	return ifxtype.DecimalFromBigInt(c, -scale)
}

func checkIntRange(n int64, t ifxtype.Type) (any, *Error) {
	lo, hi, code := intRange(t)
	if n < lo || n > hi {
		return nil, ifxErr(code, "")
	}
	return n, nil
}

func toFloat(v any, fk kind, from, to ifxtype.Type, cx *convCtx) (any, *Error) {
	var f float64
	switch fk {
	case kInt, kDate:
		f = float64(v.(int64))
	case kFloat:
		f = v.(float64)
	case kDec:
		d, _ := decFromKey(v.([]byte))
		f, _ = d.Float64()
	case kText:
		var err error
		s := strings.TrimSpace(v.(string))
		if f, err = strconv.ParseFloat(s, 64); err != nil || s == "" {
			return nil, ifxErr(errCharToNumeric, "")
		}
	default:
		return nil, ifxErr(errTypeConversion, "")
	}
	if to.Base() == sqli.TypeSmallFloat && !math.IsInf(f, 0) && math.IsInf(float64(float32(f)), 0) {
		return nil, ifxErr(errSmallfloatRange, "")
	}
	return f, nil
}

// toDecimal converts a numeric or character value to a Decimal; a string
// that is not a number is -1213.
func toDecimal(v any, fk kind, from ifxtype.Type, cx *convCtx) (ifxtype.Decimal, *Error) {
	switch fk {
	case kInt, kDate:
		return ifxtype.DecimalFromInt64(v.(int64)), nil
	case kFloat:
		return floatDecimal(v.(float64))
	case kDec:
		d, ok := decFromKey(v.([]byte))
		if !ok {
			return d, ifxErr(errTypeConversion, "")
		}
		return d, nil
	case kText:
		d, err := ifxtype.ParseDecimal(strings.TrimSpace(v.(string)))
		if err != nil {
			return d, ifxErr(errCharToNumeric, "")
		}
		return d, nil
	}
	return ifxtype.Decimal{}, ifxErr(errTypeConversion, "")
}

// floatDecimal converts a float by its shortest decimal form, so 0.1
// becomes 0.1 rather than the binary value's 55 digits (ESQL/C converts a
// FLOAT to DECIMAL(17), SMALLFLOAT to DECIMAL(9); IBM ESQL/C Programmer's
// Manual, "Convert the non-decimal numeric operand").
func floatDecimal(f float64) (ifxtype.Decimal, *Error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return ifxtype.Decimal{}, ifxErr(errDecOverflow, "")
	}
	d, err := ifxtype.ParseDecimal(strconv.FormatFloat(f, 'g', 17, 64))
	if err != nil {
		return d, ifxErr(errDecOverflow, "")
	}
	return roundSignificant(d, 17), nil
}

func toDate(v any, fk kind, from ifxtype.Type, cx *convCtx) (any, *Error) {
	switch fk {
	case kDate:
		return v, nil
	case kInt:
		n := v.(int64)
		if n < minDateDays || n > maxDateDays {
			return nil, ifxErr(errBadYear, "")
		}
		return n, nil
	case kText:
		return cx.dbdate.parse(v.(string))
	case kDateTime:
		tv, err := dtFromText(v.(string), from.Qualifier())
		if err != nil {
			return nil, err
		}
		q, _ := ifxtype.DateTimeQualifier(ifxtype.UnitYear, ifxtype.UnitDay)
		d, err := extendTime(tv, from.Qualifier(), q, cx.now)
		if err != nil {
			return nil, err
		}
		return dateDays(int(d.f[fYear]), int(d.f[fMonth]), int(d.f[fDay])), nil
	}
	return nil, ifxErr(errTypeConversion, "")
}

func toDateTime(v any, fk kind, from, to ifxtype.Type, cx *convCtx) (any, *Error) {
	var tv tvalue
	fq := from.Qualifier()
	switch fk {
	case kDateTime:
		var err *Error
		if tv, err = dtFromText(v.(string), fq); err != nil {
			return nil, err
		}
	case kDate:
		y, m, d := dateFromDays(v.(int64)).Date()
		tv = tvalue{f: [nFields]int64{int64(y), int64(m), int64(d)}}
		fq, _ = ifxtype.DateTimeQualifier(ifxtype.UnitYear, ifxtype.UnitDay)
	case kText:
		var err *Error
		if tv, err = parseTime(v.(string), layoutOf(to.Qualifier()), false); err != nil {
			return nil, err
		}
		fq = to.Qualifier()
	default:
		return nil, ifxErr(errTypeConversion, "")
	}
	out, err := extendTime(tv, fq, to.Qualifier(), cx.now)
	if err != nil {
		return nil, err
	}
	return dtText(out, to.Qualifier()), nil
}

func toInterval(v any, fk kind, from, to ifxtype.Type, tk kind) (any, *Error) {
	switch fk {
	case kIntervalYM, kIntervalDS:
		if fk != tk {
			return nil, ifxErr(errDTIncompatible, "")
		}
		return fitInterval(v.(int64), to.Qualifier())
	case kText:
		l := layoutOf(to.Qualifier())
		tv, err := parseTime(v.(string), l, true)
		if err != nil {
			return nil, err
		}
		return intervalCount(tv, l), nil
	}
	return nil, ifxErr(errTypeConversion, "")
}

// toBool converts to BOOLEAN: the literals 't' and 'f' (IBM: "the
// character literals 't' and 'f'"; TYPES.md §5.11).
func toBool(v any, fk kind, from ifxtype.Type, cx *convCtx) (any, *Error) {
	switch fk {
	case kBool:
		return v, nil
	case kText:
		switch strings.TrimSpace(v.(string)) {
		case "t", "T":
			return int64(1), nil
		case "f", "F":
			return int64(0), nil
		}
	}
	return nil, ifxErr(errTypeConversion, "")
}

// textOf returns the character form of a stored value of type t.
func textOf(v any, t ifxtype.Type, cx *convCtx) (string, *Error) {
	switch kindOf(t) {
	case kText:
		return v.(string), nil
	case kInt:
		return strconv.FormatInt(v.(int64), 10), nil
	case kFloat:
		return strconv.FormatFloat(v.(float64), 'g', -1, 64), nil
	case kDec:
		d, _ := decFromKey(v.([]byte))
		return decimalForType(d, t).String(), nil
	case kDate:
		return cx.dbdate.format(v.(int64)), nil
	case kDateTime:
		return v.(string), nil
	case kIntervalYM, kIntervalDS:
		return intervalText(v.(int64), t.Qualifier())
	case kBool:
		if v.(int64) != 0 {
			return "t", nil
		}
		return "f", nil
	}
	return "", ifxErr(errTypeConversion, "")
}

// decimalForType gives d the scale of a fixed-scale type, so that 1.5 in a
// DECIMAL(8,2) reads 1.50, and drops the trailing fraction zeros of a
// floating DECIMAL(p), which keeps no scale.
func decimalForType(d ifxtype.Decimal, t ifxtype.Type) ifxtype.Decimal {
	if s := t.Scale(); s >= 0 && kindOf(t) == kDec {
		if r, err := d.Round(int32(s)).Rescale(int32(s)); err == nil {
			return r
		}
		return d
	}
	for d.Exponent() < 0 {
		r, err := d.Rescale(d.Scale() - 1)
		if err != nil {
			break
		}
		d = r
	}
	return d
}

// fitText fits s into a character type: CHAR/NCHAR values are stored
// without trailing blanks (they compare as if blank-padded); a value longer
// than the type holds is cut at a character boundary, as Informix does
// outside ANSI databases, and is -1279 in an ANSI database
// (rds_en_US.properties: "Value exceeds string column length") [I: IBM
// documents the truncation for CHAR; the ANSI error is our reading].
func fitText(s string, t ifxtype.Type, cx *convCtx) (any, *Error) {
	if isFixedChar(t) {
		s = strings.TrimRight(s, " ")
	}
	limit := textLimit(t)
	if limit <= 0 || encodedLen(s, cx.cs) <= limit {
		return s, nil
	}
	if cx.ansi {
		return nil, ifxErr(errStringTooLong, "")
	}
	return cutText(s, limit, cx.cs), nil
}

// encodedLen returns the bytes s takes in code set cs (UTF-8 when cs is
// nil or cannot hold s).
func encodedLen(s string, cs ifxtype.CodeSet) int {
	if cs == nil || cs.Number() == ifxtype.UTF8.Number() {
		return len(s)
	}
	if b, err := cs.Append(nil, s); err == nil {
		return len(b)
	}
	return len(s)
}

// cutText returns the longest prefix of s, on a character boundary, that
// takes at most n bytes in cs.
func cutText(s string, n int, cs ifxtype.CodeSet) string {
	lo, hi := 0, len(s)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		for mid > lo && !isRuneStart(s, mid) {
			mid--
		}
		if mid == lo {
			break
		}
		if encodedLen(s[:mid], cs) <= n {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return s[:lo]
}

func isRuneStart(s string, i int) bool { return i >= len(s) || s[i]&0xC0 != 0x80 }

// padChar pads a CHAR(n) value with blanks to n bytes in cs.
func padChar(s string, n int, cs ifxtype.CodeSet) string {
	if l := encodedLen(s, cs); l < n {
		return s + strings.Repeat(" ", n-l)
	}
	return s
}
