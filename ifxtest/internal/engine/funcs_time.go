package engine

import (
	"database/sql/driver"
	"math"
	"time"

	"github.com/go-informix/informix/ifxtype"
)

// fnDTAdd adds sign × an INTERVAL to a DATETIME. Every field of the
// interval must be a field of the DATETIME (-1266); a result outside the
// calendar, or past the DATETIME's first field, is -1267 (IBM Guide to
// SQL: Syntax, DATETIME arithmetic; rds_en_US.properties).
func fnDTAdd(a []driver.Value) (driver.Value, *Error) {
	if a[0] == nil || a[2] == nil {
		return nil, nil
	}
	dk, _ := argInt(a[1])
	ik, _ := argInt(a[3])
	sign, _ := argInt(a[4])
	sess, _ := argInt(a[5])
	dq, iq := typeFromKey(dk).Qualifier(), typeFromKey(ik).Qualifier()
	n, _ := argInt(a[2])
	v, err := dtFromText(argText(a[0]), dq)
	if err != nil {
		return nil, err
	}
	dl, il := layoutOf(dq), layoutOf(iq)
	if il.first < dl.first || il.last > dl.last && il.first <= il.last {
		return nil, ifxErr(errDTIncompatible, "")
	}
	if iq.Start() <= ifxtype.UnitMonth {
		v, err = addMonths(v, dl, sign*n)
	} else {
		v, err = addUnits(v, dq, sign*n, contextOf(sess).now)
	}
	if err != nil {
		return nil, err
	}
	return dtText(v, dq), nil
}

// addMonths adds months to the YEAR and MONTH fields; a day the new month
// lacks is -1267.
func addMonths(v tvalue, l tlayout, months int64) (tvalue, *Error) {
	total := v.f[fMonth] - 1 + months
	if l.has(fYear) {
		total += v.f[fYear] * 12
	}
	y, m := floorDiv(total, 12), total-floorDiv(total, 12)*12+1
	if !l.has(fYear) && y != 0 || l.has(fYear) && (y < 1 || y > 9999) {
		return v, ifxErr(errDTRange, "")
	}
	if l.has(fYear) {
		v.f[fYear] = y
	}
	v.f[fMonth] = m
	if l.has(fDay) && v.f[fDay] > int64(monthDays(v.f[fYear], m, l.has(fYear), true)) {
		return v, ifxErr(errDTRange, "")
	}
	return v, nil
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// addUnits adds 10 µs units to a DATETIME through time.Time; fields before
// the qualifier's first are taken from now and must not change.
func addUnits(v tvalue, q ifxtype.Qualifier, units int64, now tvalue) (tvalue, *Error) {
	t, err := dtInstant(v, q, now)
	if err != nil {
		return v, err
	}
	t2 := t.Add(time.Duration(units) * 10 * time.Microsecond)
	if units/1e5 > math.MaxInt64/int64(time.Second) || t2.Year() < 1 || t2.Year() > 9999 {
		return v, ifxErr(errDTRange, "")
	}
	out, err := extendTime(timeFields(t2), qualYearToFraction5, q, now)
	if err != nil {
		return v, err
	}
	l := layoutOf(q)
	full := timeFields(t2)
	base, _ := extendTime(v, q, qualYearToFraction5, now)
	for i := 0; i < l.first && i < nFields; i++ {
		if full.f[i] != base.f[i] {
			return v, ifxErr(errDTRange, "")
		}
	}
	return out, nil
}

// fnDTDiff subtracts two DATETIMEs into an INTERVAL of the result key's
// qualifier: months for a year-month result, 10 µs units otherwise.
func fnDTDiff(a []driver.Value) (driver.Value, *Error) {
	if a[0] == nil || a[2] == nil {
		return nil, nil
	}
	ak, _ := argInt(a[1])
	bk, _ := argInt(a[3])
	rk, _ := argInt(a[4])
	sess, _ := argInt(a[5])
	now := contextOf(sess).now
	x, err := dtFromText(argText(a[0]), typeFromKey(ak).Qualifier())
	if err != nil {
		return nil, err
	}
	y, err := dtFromText(argText(a[2]), typeFromKey(bk).Qualifier())
	if err != nil {
		return nil, err
	}
	tx, err := dtInstant(x, typeFromKey(ak).Qualifier(), now)
	if err != nil {
		return nil, err
	}
	ty, err := dtInstant(y, typeFromKey(bk).Qualifier(), now)
	if err != nil {
		return nil, err
	}
	rq := typeFromKey(rk).Qualifier()
	var n int64
	if rq.Start() <= ifxtype.UnitMonth {
		n = int64(tx.Year()*12+int(tx.Month())) - int64(ty.Year()*12+int(ty.Month()))
	} else {
		n = int64(tx.Sub(ty) / (10 * time.Microsecond))
	}
	return fitInterval(n, rq)
}

// fnIVScale multiplies or divides an INTERVAL by a number, cutting the
// result to whole units.
func fnIVScale(a []driver.Value) (driver.Value, *Error) {
	n, ok := argInt(a[0])
	d, ok2 := decArg(a[1])
	if !ok || !ok2 {
		return nil, nil
	}
	f, _ := d.Float64()
	var r float64
	if argText(a[2]) == "/" {
		if f == 0 {
			return nil, ifxErr(errDivideByZero, "")
		}
		r = float64(n) / f
	} else {
		r = float64(n) * f
	}
	if math.Abs(r) > 9e18 {
		return nil, ifxErr(-1265, "")
	}
	return int64(r), nil
}

// fnMath computes ABS, ROUND, TRUNC, CEIL and FLOOR of a number of the
// type the key names; ROUND rounds half away from zero.
func fnMath(a []driver.Value) (driver.Value, *Error) {
	if a[1] == nil {
		return nil, nil
	}
	k, _ := argInt(a[2])
	digits, _ := argInt(a[3])
	t := typeFromKey(k)
	switch kindOf(t) {
	case kInt:
		n, _ := argInt(a[1])
		return mathInt(argText(a[0]), n, digits)
	case kFloat:
		f, _ := numberOf(a[1])
		return mathFloat(argText(a[0]), f, digits), nil
	}
	d, ok := decArg(a[1])
	if !ok {
		return nil, ifxErr(errTypeConversion, "")
	}
	return decKey(mathDecimal(argText(a[0]), d, digits))
}

func mathInt(name string, n, digits int64) (driver.Value, *Error) {
	switch name {
	case "abs":
		if n == math.MinInt64 {
			return nil, ifxErr(errBigintRange, "")
		}
		if n < 0 {
			return -n, nil
		}
	case "round", "trunc":
		if digits < 0 {
			d := mathDecimal(name, ifxtype.DecimalFromInt64(n), digits)
			v, _ := d.Int64()
			return v, nil
		}
	}
	return n, nil
}

func mathFloat(name string, f float64, digits int64) float64 {
	p := math.Pow(10, float64(digits))
	switch name {
	case "abs":
		return math.Abs(f)
	case "round":
		return math.Round(f*p) / p
	case "trunc":
		return math.Trunc(f*p) / p
	case "ceil":
		return math.Ceil(f)
	case "floor":
		return math.Floor(f)
	}
	return f
}

func mathDecimal(name string, d ifxtype.Decimal, digits int64) ifxtype.Decimal {
	switch name {
	case "abs":
		if d.Sign() < 0 {
			return d.Neg()
		}
	case "round":
		return d.Round(int32(digits))
	case "trunc":
		return truncDecimal(d, int32(digits))
	case "ceil", "floor":
		t := truncDecimal(d, 0)
		if t.Cmp(d) != 0 && (name == "ceil") == (d.Sign() > 0) {
			step := ifxtype.DecimalFromInt64(1)
			if name == "floor" {
				step = step.Neg()
			}
			return decAdd(t, step)
		}
		return t
	}
	return d
}

// fnDatePart returns YEAR, MONTH, DAY or WEEKDAY (0 for Sunday) of a DATE
// or DATETIME.
func fnDatePart(a []driver.Value) (driver.Value, *Error) {
	if a[0] == nil {
		return nil, nil
	}
	k, _ := argInt(a[1])
	sess, _ := argInt(a[3])
	t := typeFromKey(k)
	var y, m, d int64
	if kindOf(t) == kDateTime {
		v, err := dtFromText(argText(a[0]), t.Qualifier())
		if err != nil {
			return nil, err
		}
		ymd, _ := ifxtype.DateTimeQualifier(ifxtype.UnitYear, ifxtype.UnitDay)
		if v, err = extendTime(v, t.Qualifier(), ymd, contextOf(sess).now); err != nil {
			return nil, err
		}
		y, m, d = v.f[fYear], v.f[fMonth], v.f[fDay]
	} else {
		n, _ := argInt(a[0])
		ty, tm, td := dateFromDays(n).Date()
		y, m, d = int64(ty), int64(tm), int64(td)
	}
	switch argText(a[2]) {
	case "year":
		return y, nil
	case "month":
		return m, nil
	case "day":
		return d, nil
	}
	return int64(time.Date(int(y), time.Month(m), int(d), 0, 0, 0, 0, time.UTC).Weekday()), nil
}
