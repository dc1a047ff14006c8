package engine

import (
	"database/sql/driver"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-informix/informix/ifxtype"
	"modernc.org/sqlite"
)

// The engine's SQL functions, registered once for the process with the
// SQLite driver. They work on the stored forms of types.go, take the
// types they need as typeKey numbers and a session id where a conversion
// depends on the session, and report Informix errors through funcError.

var registerOnce sync.Once

type scalarFn func(args []driver.Value) (driver.Value, *Error)

var scalarFuncs = map[string]struct {
	n  int32
	fn scalarFn
}{
	"ifx_conv":     {4, fnConv},
	"ifx_dec":      {3, fnDec},
	"ifx_dec_neg":  {1, fnDecNeg},
	"ifx_dec_int":  {1, fnDecInt},
	"ifx_idiv":     {2, fnIDiv},
	"ifx_fdiv":     {2, fnFDiv},
	"ifx_mod":      {2, fnMod},
	"ifx_pad":      {3, fnPad},
	"ifx_like":     {4, fnLike},
	"ifx_dt_add":   {6, fnDTAdd},
	"ifx_dt_diff":  {6, fnDTDiff},
	"ifx_iv_scale": {3, fnIVScale},
	"ifx_one":      {2, fnOne},
	"ifx_upper":    {1, fnUpper},
	"ifx_lower":    {1, fnLower},
	"ifx_length":   {3, fnLength},
	"ifx_trim":     {3, fnTrim},
	"ifx_math":     {4, fnMath},
	"ifx_mdy":      {3, fnMDY},
	"ifx_datepart": {4, fnDatePart},
}

func registerFunctions() {
	registerOnce.Do(func() {
		for name, f := range scalarFuncs {
			fn := f.fn
			sqlite.MustRegisterDeterministicScalarFunction(name, f.n,
				func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
					v, err := fn(args)
					if err != nil {
						return nil, funcError(err)
					}
					return v, nil
				})
		}
		registerAggregates()
	})
}

// Argument readers; SQLite hands back INTEGER, REAL, TEXT, BLOB or NULL.

func argInt(v driver.Value) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 9.2e18 {
			return int64(x), true
		}
	}
	return 0, false
}

func argText(v driver.Value) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

// storageOf normalizes a value SQLite returned to the stored form of t.
func storageOf(v driver.Value, t ifxtype.Type) any {
	switch kindOf(t) {
	case kFloat:
		if n, ok := v.(int64); ok {
			return float64(n)
		}
	case kInt, kDate, kBool, kIntervalYM, kIntervalDS:
		if n, ok := argInt(v); ok {
			return n
		}
	case kText, kDateTime:
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return v
}

func fnConv(a []driver.Value) (driver.Value, *Error) {
	if a[0] == nil {
		return nil, nil
	}
	fk, _ := argInt(a[1])
	tk, _ := argInt(a[2])
	sess, _ := argInt(a[3])
	from, to := typeFromKey(fk), typeFromKey(tk)
	return convert(storageOf(a[0], from), from, to, contextOf(sess))
}

// decArg reads a DECIMAL key argument.
func decArg(v driver.Value) (ifxtype.Decimal, bool) {
	b, ok := v.([]byte)
	if !ok {
		return ifxtype.Decimal{}, false
	}
	return decFromKey(b)
}

func fnDec(a []driver.Value) (driver.Value, *Error) {
	if a[1] == nil || a[2] == nil {
		return nil, nil
	}
	x, ok1 := decArg(a[1])
	y, ok2 := decArg(a[2])
	if !ok1 || !ok2 {
		return nil, ifxErr(errTypeConversion, "")
	}
	var r ifxtype.Decimal
	switch argText(a[0]) {
	case "+":
		r = decAdd(x, y)
	case "-":
		r = decSub(x, y)
	case "*":
		r = decMul(x, y)
	default:
		var err *Error
		if r, err = decDiv(x, y); err != nil {
			return nil, err
		}
	}
	return decKey(r)
}

func fnDecNeg(a []driver.Value) (driver.Value, *Error) {
	x, ok := decArg(a[0])
	if !ok {
		return nil, nil
	}
	return decKey(x.Neg())
}

func fnDecInt(a []driver.Value) (driver.Value, *Error) {
	n, ok := argInt(a[0])
	if !ok {
		return nil, nil
	}
	return decKey(ifxtype.DecimalFromInt64(n))
}

func fnIDiv(a []driver.Value) (driver.Value, *Error) {
	x, ok1 := argInt(a[0])
	y, ok2 := argInt(a[1])
	switch {
	case !ok1 || !ok2:
		return nil, nil
	case y == 0:
		return nil, ifxErr(errDivideByZero, "")
	case x == math.MinInt64 && y == -1:
		return nil, ifxErr(errBigintRange, "")
	}
	return x / y, nil
}

func fnFDiv(a []driver.Value) (driver.Value, *Error) {
	x, ok1 := numberOf(a[0])
	y, ok2 := numberOf(a[1])
	switch {
	case !ok1 || !ok2:
		return nil, nil
	case y == 0:
		return nil, ifxErr(errDivideByZero, "")
	}
	return x / y, nil
}

func fnMod(a []driver.Value) (driver.Value, *Error) {
	x, ok1 := argInt(a[0])
	y, ok2 := argInt(a[1])
	switch {
	case !ok1 || !ok2:
		return nil, nil
	case y == 0:
		return nil, ifxErr(errDivideByZero, "")
	case y == -1:
		return int64(0), nil
	}
	return x % y, nil
}

func fnPad(a []driver.Value) (driver.Value, *Error) {
	if a[0] == nil {
		return nil, nil
	}
	n, _ := argInt(a[1])
	sess, _ := argInt(a[2])
	return padChar(argText(a[0]), int(n), contextOf(sess).cs), nil
}

func fnLike(a []driver.Value) (driver.Value, *Error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	var esc rune
	if e := argText(a[2]); e != "" {
		esc, _ = utf8.DecodeRuneInString(e)
	}
	mode, _ := argInt(a[3])
	toks := compileLike([]rune(argText(a[1])), esc, mode == 1)
	if likeMatch([]rune(argText(a[0])), toks) {
		return int64(1), nil
	}
	return int64(0), nil
}

// fnOne returns a scalar subquery's value, or -284 when the subquery has
// more than one row.
func fnOne(a []driver.Value) (driver.Value, *Error) {
	if n, _ := argInt(a[1]); n > 1 {
		return nil, ifxErr(errSubqueryRows, "")
	}
	return a[0], nil
}

func fnUpper(a []driver.Value) (driver.Value, *Error) {
	if a[0] == nil {
		return nil, nil
	}
	return strings.ToUpper(argText(a[0])), nil
}

func fnLower(a []driver.Value) (driver.Value, *Error) {
	if a[0] == nil {
		return nil, nil
	}
	return strings.ToLower(argText(a[0])), nil
}

// fnLength measures character data: mode 0 bytes without trailing blanks
// (LENGTH), 1 characters (CHAR_LENGTH), 2 bytes (OCTET_LENGTH), bytes in
// the database code set.
func fnLength(a []driver.Value) (driver.Value, *Error) {
	if a[0] == nil {
		return nil, nil
	}
	s := argText(a[0])
	mode, _ := argInt(a[1])
	sess, _ := argInt(a[2])
	switch mode {
	case 0:
		return int64(encodedLen(strings.TrimRight(s, " "), contextOf(sess).cs)), nil
	case 1:
		return int64(utf8.RuneCountInString(s)), nil
	}
	return int64(encodedLen(s, contextOf(sess).cs)), nil
}

func fnTrim(a []driver.Value) (driver.Value, *Error) {
	if a[0] == nil || a[1] == nil {
		return nil, nil
	}
	s, pad := argText(a[0]), argText(a[1])
	if utf8.RuneCountInString(pad) != 1 {
		return nil, ifxErr(errTypeConversion, "")
	}
	switch argText(a[2]) {
	case "leading":
		return strings.TrimLeft(s, pad), nil
	case "trailing":
		return strings.TrimRight(s, pad), nil
	}
	return strings.Trim(s, pad), nil
}

func fnMDY(a []driver.Value) (driver.Value, *Error) {
	m, ok1 := argInt(a[0])
	d, ok2 := argInt(a[1])
	y, ok3 := argInt(a[2])
	switch {
	case !ok1 || !ok2 || !ok3:
		return nil, nil
	case m < 1 || m > 12:
		return nil, ifxErr(errBadMonth, "")
	case y < 1 || y > 9999:
		return nil, ifxErr(errBadYear, "")
	case d < 1 || d > int64(monthDays(y, m, true, true)):
		return nil, ifxErr(errBadDay, "")
	}
	return dateDays(int(y), int(m), int(d)), nil
}
