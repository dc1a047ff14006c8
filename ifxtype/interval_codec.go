package ifxtype

import (
	"fmt"
	"time"

	"github.com/go-informix/informix/sqli"
)

// intervalCodec handles INTERVAL (code 14). Decoded values are IntervalYM
// for year-month qualifiers and IntervalDS for day-time ones, with the
// column's (the bind's) qualifier as their Qualifier; NULL is nil.
// AppendRow accepts an IntervalYM for a year-month column, and an
// IntervalDS or a time.Duration for a day-time column, and writes them
// with the column's qualifier. AppendBind sends an IntervalYM or an
// IntervalDS with its own Qualifier, as IBM JDBC 15.0.0.1.1 binds an
// interval with its own (HOUR TO SECOND as 066a, DAY(3) TO SECOND as 094a;
// conformance/testdata/jdbc/types.golden), and a value without one, or a
// time.Duration, with YEAR(9) TO MONTH or DAY(9) TO FRACTION(5), the
// widest of each class, as S1 does (TYPES.md §5.8, [D] S1-e). What lies
// below the qualifier's last unit is cut (see IntervalYM, IntervalDS); a
// leading field over the qualifier's precision is an error.
//
// The value is packed like a DATETIME, the decimal point after SECOND
// (fieldLayout.appendPacked; [J] S3/S4, [D] S1-d/e); the leading field has
// 1 to 9 digits, so the whole-digit count may be odd and the grid then
// starts with a half-empty pair; a negative value is the whole decimal
// negated (sign bit and 100's complement, TYPES.md §5.5), its fields being
// magnitudes, its leading zero pairs kept (−5-03 in YEAR(9) TO MONTH is
// 35 63 63 63 63 5e 61).
type intervalCodec struct{}

func init() { register(intervalCodec{}) }

// Code returns sqli.TypeInterval.
func (intervalCodec) Code() sqli.TypeCode { return sqli.TypeInterval }

// intervalColumn returns the qualifier of INTERVAL column t, its layout
// and the value width, or an error if the encoded length is not an
// INTERVAL qualifier.
func intervalColumn(t Type) (Qualifier, fieldLayout, int, error) {
	q := t.Qualifier()
	l, err := intervalLayout(q, isYearMonth(q))
	if err == nil && (t.Length < 0 || t.Length > 0xffff) {
		err = fmt.Errorf("encoded length %#x is over 16 bits", t.Length)
	}
	if err != nil {
		return 0, fieldLayout{}, 0, fmt.Errorf("ifxtype: INTERVAL column: %w", err)
	}
	return q, l, PackedWidth(t.Length), nil
}

// RowSize returns the packed width of t's qualifier, in either layout; it
// fails when b holds fewer bytes.
func (intervalCodec) RowSize(t Type, b []byte, _ bool) (int, error) {
	_, _, w, err := intervalColumn(t)
	if err != nil {
		return 0, err
	}
	return fixedRowSize(sqli.TypeInterval, w, b)
}

// rowWidth returns the packed width of t's qualifier when it is valid.
func (intervalCodec) rowWidth(t Type) (int, bool) {
	_, _, w, err := intervalColumn(t)
	return w, err == nil
}

// DecodeRow decodes an INTERVAL column of exactly its packed width.
func (intervalCodec) DecodeRow(t Type, b []byte, _ bool, _ CodeSet) (any, error) {
	q, l, w, err := intervalColumn(t)
	if err != nil {
		return nil, err
	}
	if len(b) != w {
		return nil, fmt.Errorf("ifxtype: INTERVAL %s takes %d bytes, got %d", q.IntervalString(), w, len(b))
	}
	if IsNullPacked(b) {
		return nil, nil
	}
	return decodeInterval(b, q, l)
}

// AppendRow appends v (nil for NULL, written as zero bytes) as an INTERVAL
// column of type t.
func (intervalCodec) AppendRow(dst []byte, t Type, v any, _ bool, _ CodeSet) ([]byte, error) {
	q, l, w, err := intervalColumn(t)
	if err != nil {
		return dst, err
	}
	if v == nil {
		return append(dst, make([]byte, w)...), nil
	}
	fv, err := intervalFields(v, q, l)
	if err != nil {
		return dst, err
	}
	return l.appendPacked(dst, fv), nil
}

// DecodeBind decodes an INTERVAL bind value: prec is its qualifier and
// data a u16 length and the packed bytes (TYPES.md §4), read as DATETIME
// binds are (packedBindBytes).
func (intervalCodec) DecodeBind(prec int16, data []byte, _ CodeSet) (any, error) {
	q := Qualifier(uint16(prec))
	l, err := intervalLayout(q, isYearMonth(q))
	if err != nil {
		return nil, fmt.Errorf("ifxtype: INTERVAL bind precision: %w", err)
	}
	b, err := packedBindBytes(data)
	if err != nil {
		return nil, fmt.Errorf("ifxtype: INTERVAL bind %s: %w", q.IntervalString(), err)
	}
	return decodeInterval(b, q, l)
}

// AppendBind appends an IntervalYM or IntervalDS with its Qualifier, or
// with YEAR(9) TO MONTH or DAY(9) TO FRACTION(5) when that is zero, and a
// time.Duration with DAY(9) TO FRACTION(5) (cut to 10µs), as an INTERVAL
// bind value: a u16 length and the packed bytes. The precision field is
// the qualifier, as IBM JDBC 15.0.0.1.1 sends it
// (conformance/testdata/jdbc/types.golden; settles TYPES.md open question
// 5). A Qualifier that is not an INTERVAL qualifier of the value's class
// is an error.
func (intervalCodec) AppendBind(dst []byte, v any, _ CodeSet) (int16, []byte, error) {
	q, err := bindQualifier(v)
	if err != nil {
		return 0, dst, err
	}
	l, err := intervalLayout(q, isYearMonth(q))
	if err != nil {
		return 0, dst, fmt.Errorf("ifxtype: INTERVAL bind of %v: %w", v, err)
	}
	fv, err := intervalFields(v, q, l)
	if err != nil {
		return 0, dst, err
	}
	return int16(q), appendPackedBind(dst, l, fv), nil
}

// bindQualifier returns the qualifier AppendBind sends v with.
func bindQualifier(v any) (Qualifier, error) {
	switch x := v.(type) {
	case IntervalYM:
		if x.Qualifier == 0 {
			return qualYearToMonth9, nil
		}
		return x.Qualifier, nil
	case IntervalDS:
		if x.Qualifier == 0 {
			return qualDayToFraction5, nil
		}
		return x.Qualifier, nil
	case time.Duration:
		return qualDayToFraction5, nil
	case nil:
		return 0, errNilBind(sqli.TypeInterval)
	}
	return 0, errGoType("INTERVAL bind", v, "an IntervalYM, an IntervalDS or a time.Duration")
}

// intervalFields converts v for an INTERVAL of qualifier q and layout l,
// cutting what lies below the last unit.
func intervalFields(v any, q Qualifier, l fieldLayout) (fieldValues, error) {
	var (
		fv   fieldValues
		fits bool
	)
	switch x := v.(type) {
	case IntervalYM:
		if !isYearMonth(q) {
			return fv, fmt.Errorf("ifxtype: INTERVAL %s is day-time; an IntervalYM needs a year-month qualifier", q.IntervalString())
		}
		fv, fits = x.fields(l)
	case IntervalDS, time.Duration:
		if isYearMonth(q) {
			return fv, fmt.Errorf("ifxtype: INTERVAL %s is year-month; a %T needs a day-time qualifier", q.IntervalString(), v)
		}
		ds, ok := x.(IntervalDS)
		if !ok {
			ds = IntervalDSFromDuration(x.(time.Duration))
		}
		if err := ds.Valid(); err != nil {
			return fv, err
		}
		fv, fits = ds.fields(l)
	default:
		return fv, errGoType("INTERVAL "+q.IntervalString(), v, "an IntervalYM, an IntervalDS or a time.Duration")
	}
	if !fits {
		return fv, fmt.Errorf("ifxtype: INTERVAL %s cannot hold %v: %s", q.IntervalString(), v, leadLimit(l))
	}
	return fv, nil
}

// leadLimit describes the largest leading field of layout l, e.g. "at
// most 99 days", for errors.
func leadLimit(l fieldLayout) string {
	if l.first > l.last {
		return "it holds less than one second"
	}
	return fmt.Sprintf("at most %d %ss", leadPow10[l.lead]-1, timeFieldNames[l.first])
}

// decodeInterval decodes the non-NULL packed INTERVAL b of qualifier q:
// an IntervalYM or an IntervalDS by q's class, with q as its Qualifier. The fields after the
// leading one must be in range (months 0..11, hours 0..23, minutes and
// seconds 0..59).
func decodeInterval(b []byte, q Qualifier, l fieldLayout) (any, error) {
	fv, err := l.parsePacked(b)
	if err == nil {
		if isYearMonth(q) {
			var v IntervalYM
			if v, err = ymOf(fv, l); err == nil {
				v.Qualifier = q
				return v, nil
			}
		} else {
			var v IntervalDS
			if v, err = dsOf(fv, l); err == nil {
				v.Qualifier = q
				return v, nil
			}
		}
	}
	return nil, fmt.Errorf("ifxtype: decode INTERVAL %s % x: %w", q.IntervalString(), b, err)
}
