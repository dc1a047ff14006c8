package ifxtype

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/go-informix/informix/sqli"
)

// dateTimeCodec handles DATETIME (code 10). Decoded values are DateTime
// with the column's qualifier; NULL is nil. AppendRow accepts a DateTime
// whose qualifier equals the column's (a mismatch is refused, not
// converted) and a time.Time, which NewDateTime cuts to the column's
// qualifier. AppendBind accepts a DateTime, bound with its own qualifier,
// and a time.Time, bound as YEAR TO FRACTION(5).
//
// A value is a packed decimal (TYPES.md §5.5) whose digits are the
// concatenated fields, normalized, PackedWidth(qualifier) bytes wide
// (TYPES.md §2.2, §5.7; [H] S2/S7, [J] S3, [W/D] S1-b).
type dateTimeCodec struct{}

func init() { register(dateTimeCodec{}) }

// Code returns sqli.TypeDateTime.
func (dateTimeCodec) Code() sqli.TypeCode { return sqli.TypeDateTime }

// dateTimeColumn returns the qualifier of DATETIME column t, its layout
// and the value width, or an error if the encoded length is not a DATETIME
// qualifier.
func dateTimeColumn(t Type) (Qualifier, fieldLayout, int, error) {
	l, err := dateTimeLayout(t.Qualifier())
	if err == nil && (t.Length < 0 || t.Length > 0xffff) {
		err = fmt.Errorf("encoded length %#x is over 16 bits", t.Length)
	}
	if err != nil {
		return 0, fieldLayout{}, 0, fmt.Errorf("ifxtype: DATETIME column: %w", err)
	}
	return t.Qualifier(), l, PackedWidth(t.Length), nil
}

// RowSize returns the packed width of t's qualifier, in either layout; it
// fails when b holds fewer bytes.
func (dateTimeCodec) RowSize(t Type, b []byte, _ bool) (int, error) {
	_, _, w, err := dateTimeColumn(t)
	if err != nil {
		return 0, err
	}
	return fixedRowSize(sqli.TypeDateTime, w, b)
}

// DecodeRow decodes a DATETIME column of exactly its packed width.
func (dateTimeCodec) DecodeRow(t Type, b []byte, _ bool, _ CodeSet) (any, error) {
	q, l, w, err := dateTimeColumn(t)
	if err != nil {
		return nil, err
	}
	if len(b) != w {
		return nil, fmt.Errorf("ifxtype: DATETIME %s takes %d bytes, got %d", q.DateTimeString(), w, len(b))
	}
	if IsNullPacked(b) {
		return nil, nil
	}
	d, err := decodeDateTime(b, q, l)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// AppendRow appends v (nil for NULL, written as zero bytes) as a DATETIME
// column of type t.
func (dateTimeCodec) AppendRow(dst []byte, t Type, v any, _ bool, _ CodeSet) ([]byte, error) {
	q, l, w, err := dateTimeColumn(t)
	if err != nil {
		return dst, err
	}
	if v == nil {
		return append(dst, make([]byte, w)...), nil
	}
	var d DateTime
	switch x := v.(type) {
	case DateTime:
		if x.Qualifier != q {
			return dst, fmt.Errorf("ifxtype: DATETIME %s column given DateTime %v of qualifier %#04x; the qualifiers must match",
				q.DateTimeString(), x, uint16(x.Qualifier))
		}
		d, err = x, x.Valid()
	case time.Time:
		d, err = NewDateTime(x, q)
	default:
		err = errGoType("DATETIME "+q.DateTimeString(), v, "a DateTime or a time.Time")
	}
	if err != nil {
		return dst, err
	}
	return l.appendPacked(dst, d.values(), w)
}

// DecodeBind decodes a DATETIME bind value: prec is its qualifier and data
// a u16 length and the packed bytes (TYPES.md §4).
func (dateTimeCodec) DecodeBind(prec int16, data []byte, _ CodeSet) (any, error) {
	q := Qualifier(uint16(prec))
	l, err := dateTimeLayout(q)
	if err != nil {
		return nil, fmt.Errorf("ifxtype: DATETIME bind precision: %w", err)
	}
	b, err := packedBindBytes(data, PackedWidth(int32(q)))
	if err != nil {
		return nil, fmt.Errorf("ifxtype: DATETIME bind %s: %w", q.DateTimeString(), err)
	}
	d, err := decodeDateTime(b, q, l)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// AppendBind appends a DateTime (with its own qualifier) or a time.Time
// (as YEAR TO FRACTION(5), cut to 10µs) as a DATETIME bind value: a u16
// length and the packed bytes (TYPES.md §4; [W] S1-c). The precision is
// the qualifier.
//
// Open question (TYPES.md open question 5): that the precision field of a
// DATETIME bind carries the qualifier is assumed ([I]); no capture shows it.
func (dateTimeCodec) AppendBind(dst []byte, v any, _ CodeSet) (int16, []byte, error) {
	var (
		d   DateTime
		err error
	)
	switch x := v.(type) {
	case DateTime:
		d, err = x, x.Valid()
	case time.Time:
		d, err = NewDateTime(x, qualYearToFraction5)
	case nil:
		err = errNilBind(sqli.TypeDateTime)
	default:
		err = errGoType("DATETIME bind", v, "a DateTime or a time.Time")
	}
	var l fieldLayout
	if err == nil {
		l, err = dateTimeLayout(d.Qualifier)
	}
	if err != nil {
		return 0, dst, err
	}
	out, err := appendPackedBind(dst, l, d.values(), PackedWidth(int32(d.Qualifier)))
	return int16(d.Qualifier), out, err
}

// decodeDateTime decodes the non-NULL packed DATETIME b of qualifier q and
// validates every field. DATETIME values are never negative.
func decodeDateTime(b []byte, q Qualifier, l fieldLayout) (DateTime, error) {
	if b[0]&0x80 == 0 {
		return DateTime{}, fmt.Errorf("ifxtype: decode DATETIME %s % x: negative value", q.DateTimeString(), b)
	}
	fv, err := l.parsePacked(b)
	var d DateTime
	if err == nil {
		d = dateTimeOf(fv, q)
		err = d.check(l)
	}
	if err != nil {
		return DateTime{}, fmt.Errorf("ifxtype: decode DATETIME %s % x: %w", q.DateTimeString(), b, err)
	}
	return d, nil
}

// packedBindBytes returns the packed bytes of a DATETIME or INTERVAL bind
// value: data is a u16 length n and n bytes, 2 ≤ n ≤ width, not the NULL
// form (a NULL bind has indicator −1 and no data).
//
// Our choice: TYPES.md §4.1 shows DATETIME and INTERVAL binds at full
// width only, while its DECIMAL bind leaves out trailing zero pairs; a
// shorter value is accepted in case a client trims DATETIME or INTERVAL
// values the same way. The encoders always send the full width.
func packedBindBytes(data []byte, width int) ([]byte, error) {
	if len(data) < 2 {
		return nil, fmt.Errorf("value of %d bytes has no length prefix", len(data))
	}
	n := int(binary.BigEndian.Uint16(data))
	if n != len(data)-2 {
		return nil, fmt.Errorf("length prefix says %d bytes, %d follow", n, len(data)-2)
	}
	if n < 2 || n > width {
		return nil, fmt.Errorf("%d packed bytes, the qualifier takes 2 to %d", n, width)
	}
	if IsNullPacked(data[2:]) {
		return nil, fmt.Errorf("NULL form % x in a non-NULL bind value", data[2:])
	}
	return data[2:], nil
}

// appendPackedBind appends fv as a bind value of layout l: a u16 length
// and width packed bytes. On error it returns dst unchanged.
func appendPackedBind(dst []byte, l fieldLayout, fv fieldValues, width int) ([]byte, error) {
	out := binary.BigEndian.AppendUint16(dst, uint16(width))
	out, err := l.appendPacked(out, fv, width)
	if err != nil {
		return dst, err
	}
	return out, nil
}

// pairs returns the whole and fraction pair counts of l's grid (P and Q
// in TYPES.md §5.7's decoding recipe).
func (l fieldLayout) pairs() (p, q int) {
	return (l.wholeDigits() + 1) / 2, (l.frac + 1) / 2
}

// Bounds of the digit grids: a valid qualifier has at most 20 digits
// (INTERVAL DAY(9) TO FRACTION(5)), so at most 11 pairs.
const (
	maxGridPairs  = 16
	maxGridDigits = 2 * maxGridPairs
)

// appendPacked appends fv in the packed form of l in width bytes: the
// whole fields as decimal digits (the leading one in l.lead digits, later
// ones in 2), with one leading 0 when their count is odd, then l.frac
// fraction digits and one trailing 0 when that count is odd; cut into
// base-100 pairs, the decimal point after the whole pairs, normalized
// (TYPES.md §5.7, §5.8) and negated as a whole when fv.neg. A field
// too large for its digits is an error.
func (l fieldLayout) appendPacked(dst []byte, fv fieldValues, width int) ([]byte, error) {
	var dig [maxGridDigits]byte
	np, nq := l.pairs()
	n := 2*np - l.wholeDigits()
	for i := l.first; i <= l.last; i++ {
		w := 2
		if i == l.first {
			w = l.lead
		}
		if !putDigits(dig[n:n+w], fv.v[i]) {
			return dst, fmt.Errorf("ifxtype: %s %d does not fit in %d digits", timeFieldNames[i], fv.v[i], w)
		}
		n += w
	}
	if !putDigits(dig[n:n+l.frac], fv.ns/fracUnit[l.frac]) {
		return dst, fmt.Errorf("ifxtype: fraction of %d ns does not fit in %d digits", fv.ns, l.frac)
	}
	var pairs [maxGridPairs]byte
	for i := range np + nq {
		pairs[i] = dig[2*i]*10 + dig[2*i+1]
	}
	d, exp := pairs[:np+nq], np
	for len(d) > 0 && d[0] == 0 {
		d, exp = d[1:], exp-1
	}
	for len(d) > 0 && d[len(d)-1] == 0 {
		d = d[:len(d)-1]
	}
	p := Packed{Neg: fv.neg, Exp: exp, Digits: d}
	if len(d) == 0 {
		p = Packed{}
	}
	return AppendPacked(dst, p, width)
}

// putDigits writes v (0 ≤ v < 10^len(d)) into d as zero-padded decimal
// digits, or reports false.
func putDigits(d []byte, v int64) bool {
	if v < 0 {
		return false
	}
	for i := len(d) - 1; i >= 0; i-- {
		d[i] = byte(v % 10)
		v /= 10
	}
	return v == 0
}

// getDigits returns the number the decimal digits d spell.
func getDigits(d []byte) int64 {
	var v int64
	for _, c := range d {
		v = v*10 + int64(c)
	}
	return v
}

// parsePacked decodes the non-NULL packed b into the fields of l by TYPES.md
// §5.7's decoding recipe, re-derived: ParsePacked normalizes the digits
// and gives the exponent E of the first one, which therefore belongs in
// grid pair P − E; no digit may fall left of the grid (the leading field
// would overflow) or right of it (finer than the last unit), and the pad
// digits of an odd whole or fraction digit count must be 0. Field values
// are not range-checked here.
func (l fieldLayout) parsePacked(b []byte) (fieldValues, error) {
	var fv fieldValues
	var scratch [maxGridPairs]byte
	p, err := ParsePacked(b, scratch[:])
	if err != nil {
		return fv, err
	}
	fv.neg = p.Neg
	np, nq := l.pairs()
	var pairs [maxGridPairs]byte
	if len(p.Digits) > 0 {
		off := np - p.Exp
		if off < 0 {
			return fv, fmt.Errorf("exponent 100^%d exceeds the %d whole pairs", p.Exp, np)
		}
		if off+len(p.Digits) > np+nq {
			return fv, fmt.Errorf("a non-zero digit lies beyond the last field")
		}
		copy(pairs[off:], p.Digits)
	}
	var dig [maxGridDigits]byte
	for i := range np + nq {
		dig[2*i], dig[2*i+1] = pairs[i]/10, pairs[i]%10
	}
	n := 2*np - l.wholeDigits()
	if n == 1 && dig[0] != 0 {
		return fv, fmt.Errorf("the %s has more than %d digits", timeFieldNames[l.first], l.lead)
	}
	for i := l.first; i <= l.last; i++ {
		w := 2
		if i == l.first {
			w = l.lead
		}
		fv.v[i] = getDigits(dig[n : n+w])
		n += w
	}
	fv.ns = getDigits(dig[n:n+l.frac]) * fracUnit[l.frac]
	if l.frac%2 == 1 && dig[n+l.frac] != 0 {
		return fv, fmt.Errorf("a non-zero digit lies beyond FRACTION(%d)", l.frac)
	}
	return fv, nil
}
