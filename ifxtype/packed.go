package ifxtype

import (
	"errors"
	"fmt"
)

// Packed is a number in Informix's packed base-100 form, the storage of
// DECIMAL, MONEY, DATETIME and INTERVAL (TYPES.md §5.5; [H] decimal.h,
// [W/D] S1-a, [J] S3). Its value is (-1 if Neg) × Σ Digits[i]·100^(Exp−1−i).
//
// A Packed is normalized: Digits holds no leading and no trailing zero
// pairs, so zero is the empty Digits with Exp 0 and Neg false.
type Packed struct {
	Neg    bool
	Exp    int    // base-100 exponent: the number of pairs left of the decimal point
	Digits []byte // base-100 digits, each 0..99, most significant first
}

// ErrMalformedPacked reports packed bytes that no encoder produces.
var ErrMalformedPacked = errors.New("ifxtype: malformed packed decimal")

// IsNullPacked reports whether b is the NULL form of a packed value: its
// first two bytes are zero (TYPES.md §5.5, §6; [J] S3). A width under two
// cannot hold a packed value and is not NULL.
func IsNullPacked(b []byte) bool { return len(b) >= 2 && b[0] == 0 && b[1] == 0 }

// AppendPacked appends p in width bytes: one header byte (sign bit and
// excess-64 exponent, complemented for negatives) and width−1 digit bytes
// (100's complement for negatives), zero-padded on the right.
func AppendPacked(dst []byte, p Packed, width int) ([]byte, error) {
	if width < 2 {
		return dst, fmt.Errorf("ifxtype: packed width %d under 2", width)
	}
	if len(p.Digits) > width-1 {
		return dst, fmt.Errorf("ifxtype: %d base-100 digits do not fit in %d bytes", len(p.Digits), width)
	}
	if len(p.Digits) == 0 {
		dst = append(dst, 0x80)
		return append(dst, make([]byte, width-1)...), nil
	}
	h := p.Exp + 64
	if h < 0 || h > 127 {
		return dst, fmt.Errorf("ifxtype: exponent 100^%d outside the packed range", p.Exp)
	}
	start := len(dst)
	if p.Neg {
		dst = append(dst, byte(h)^0x7f)
	} else {
		dst = append(dst, 0x80|byte(h))
	}
	dst = append(dst, p.Digits...)
	dst = append(dst, make([]byte, width-1-len(p.Digits))...)
	if p.Neg {
		complement100(dst[start+1:])
	}
	if IsNullPacked(dst[start:]) {
		// A negative value with exponent 63 and first digit 99 complements
		// to 00 00, which every reader takes for NULL.
		return dst[:start], ErrPackedNull
	}
	return dst, nil
}

// ErrPackedNull reports a value whose packed bytes would start 00 00, the
// NULL form: it cannot be stored.
var ErrPackedNull = errors.New("ifxtype: the packed form of the value would start 00 00, which reads as NULL")

// ParsePacked reads a packed value that is not NULL (check IsNullPacked
// first). The digits are written into scratch's array when it is large
// enough, so a caller can decode without allocating.
func ParsePacked(b []byte, scratch []byte) (Packed, error) {
	if len(b) < 2 {
		return Packed{}, ErrMalformedPacked
	}
	var p Packed
	p.Neg = b[0]&0x80 == 0
	h := b[0] & 0x7f
	if p.Neg {
		h ^= 0x7f
	}
	digits := append(scratch[:0], b[1:]...)
	for _, d := range digits {
		if d > 99 { // holds for both signs: complements of 0..99 stay in 0..99
			return Packed{}, ErrMalformedPacked
		}
	}
	if p.Neg {
		complement100(digits)
	}
	p.Exp = int(h) - 64
	lead := 0
	for lead < len(digits) && digits[lead] == 0 {
		lead++
	}
	p.Exp -= lead
	digits = digits[lead:]
	for len(digits) > 0 && digits[len(digits)-1] == 0 {
		digits = digits[:len(digits)-1]
	}
	if len(digits) == 0 {
		return Packed{}, nil
	}
	p.Digits = digits
	return p, nil
}

// complement100 replaces base-100 digits by their 100's complement, in
// place: trailing zeros stay, the last non-zero digit d becomes 100−d and
// every digit left of it 99−d. The operation is its own inverse on digits
// in 0..99.
func complement100(d []byte) {
	i := len(d) - 1
	for i >= 0 && d[i] == 0 {
		i--
	}
	if i < 0 {
		return
	}
	d[i] = 100 - d[i]
	for j := i - 1; j >= 0; j-- {
		d[j] = 99 - d[j]
	}
}

// PackedWidth returns the bytes a packed value of encoded length length
// takes: (hi + (lo & 1) + 3) / 2 for hi = length>>8, lo = length&0xff
// (IBM's DECLEN macro; TYPES.md §2.2; [H] S2, [J/D] S3). DECIMAL and MONEY
// DECIMAL and MONEY use it uncapped (see DecimalWidth).
func PackedWidth(length int32) int {
	hi := int(length>>8) & 0xff
	lo := int(length) & 0xff
	return (hi + (lo & 1) + 3) / 2
}
