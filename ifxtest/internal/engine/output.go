package engine

import (
	"math"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// toGo converts a value SQLite returned for a result column of type t to
// the Go value package ifxtype's codec for t encodes (the engine contract:
// int64 for every integer type, float32 SMALLFLOAT, float64 FLOAT,
// ifxtype.Decimal, time.Time for DATE, ifxtype.DateTime, IntervalYM or
// IntervalDS, string, bool, nil for NULL). A computed value outside its
// type's range is the Informix conversion error for that type.
func toGo(v any, t ifxtype.Type, cx *convCtx) (any, *Error) {
	if v == nil {
		return nil, nil
	}
	switch kindOf(t) {
	case kInt:
		return intOut(v, t)
	case kFloat:
		f, ok := numberOf(v)
		if !ok {
			return nil, ifxErr(errTypeConversion, "")
		}
		if t.Base() == sqli.TypeSmallFloat {
			if !math.IsInf(f, 0) && math.IsInf(float64(float32(f)), 0) {
				return nil, ifxErr(errSmallfloatRange, "")
			}
			return float32(f), nil
		}
		return f, nil
	case kDec:
		return decOut(v, t)
	case kDate:
		n, ok := v.(int64)
		if !ok || n < minDateDays || n > maxDateDays {
			return nil, ifxErr(errBadYear, "")
		}
		return dateFromDays(n), nil
	case kDateTime:
		s, ok := v.(string)
		if !ok {
			return nil, ifxErr(errTypeConversion, "")
		}
		d, err := dtToGo(s, t.Qualifier())
		if err != nil {
			return nil, err
		}
		return d, nil
	case kIntervalYM, kIntervalDS:
		return intervalOut(v, t)
	case kText:
		return textOut(v, t, cx)
	case kBool:
		n, ok := v.(int64)
		if !ok {
			return nil, ifxErr(errTypeConversion, "")
		}
		return n != 0, nil
	}
	return nil, ifxErr(errTypeConversion, "")
}

func numberOf(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	}
	return 0, false
}

// intOut checks an integer result against its type; SQLite turns an
// integer overflow into a REAL, which lands here as out of range.
func intOut(v any, t ifxtype.Type) (any, *Error) {
	n, ok := v.(int64)
	if !ok {
		_, _, code := intRange(t)
		return nil, ifxErr(code, "")
	}
	if _, err := checkIntRange(n, t); err != nil {
		return nil, err
	}
	return n, nil
}

func decOut(v any, t ifxtype.Type) (any, *Error) {
	b, ok := v.([]byte)
	if !ok {
		return nil, ifxErr(errTypeConversion, "")
	}
	d, ok := decFromKey(b)
	if !ok {
		return nil, ifxErr(errTypeConversion, "")
	}
	d, err := fitDecimal(d, t)
	if err != nil {
		return nil, err
	}
	return decimalForType(d, t), nil
}

func intervalOut(v any, t ifxtype.Type) (any, *Error) {
	n, ok := v.(int64)
	if !ok {
		return nil, ifxErr(errTypeConversion, "")
	}
	n, err := fitInterval(n, t.Qualifier())
	if err != nil {
		return nil, err
	}
	return intervalToGo(n, kindOf(t) == kIntervalYM), nil
}

// textOut returns character data; CHAR and NCHAR come back blank-padded
// to their length (the contract; TYPES.md §5.9), and a computed value
// longer than its type is cut.
func textOut(v any, t ifxtype.Type, cx *convCtx) (any, *Error) {
	s, ok := v.(string)
	if !ok {
		if b, isBytes := v.([]byte); isBytes {
			s = string(b)
		} else {
			return nil, ifxErr(errTypeConversion, "")
		}
	}
	limit := textLimit(t)
	if limit > 0 && encodedLen(s, cx.cs) > limit {
		s = cutText(s, limit, cx.cs)
	}
	if isFixedChar(t) {
		return padChar(s, limit, cx.cs), nil
	}
	return s, nil
}
