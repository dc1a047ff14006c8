package sqli

import (
	"encoding/binary"
	"errors"
	"math"
)

// Int8Size is the width of the legacy INT8/SERIAL8 form: an int16 sign word
// (1 positive, -1 negative, 0 NULL), then the magnitude's low and high
// uint32 words (SQLI.md §1.3, TYPES.md §5.2; [H] int8.h, [J] S3/S4).
const Int8Size = 10

// ErrBadInt8 reports an INT8 whose sign word is not 0, 1 or -1, or whose
// magnitude does not fit in an int64.
var ErrBadInt8 = errors.New("sqli: malformed INT8")

// AppendInt8 appends v in the 10-byte INT8 form. Zero is written with sign
// word 1 (TYPES.md §5.2 expects 00 01; open question 7 there). The
// magnitude of math.MinInt64 is 2^63, which the form holds.
func AppendInt8(dst []byte, v int64) []byte {
	sign := uint16(1)
	mag := uint64(v)
	if v < 0 {
		sign = 0xffff
		mag = -mag // two's complement: correct for MinInt64 as well
	}
	dst = binary.BigEndian.AppendUint16(dst, sign)
	dst = binary.BigEndian.AppendUint32(dst, uint32(mag))
	return binary.BigEndian.AppendUint32(dst, uint32(mag>>32))
}

// AppendInt8Null appends the NULL INT8: sign word 0 and a zero magnitude.
func AppendInt8Null(dst []byte) []byte { return append(dst, make([]byte, Int8Size)...) }

// ParseInt8 decodes a 10-byte INT8. null is true for sign word 0.
func ParseInt8(b []byte) (v int64, null bool, err error) {
	if len(b) != Int8Size {
		return 0, false, ErrBadInt8
	}
	mag := uint64(binary.BigEndian.Uint32(b[6:]))<<32 | uint64(binary.BigEndian.Uint32(b[2:]))
	switch int16(binary.BigEndian.Uint16(b)) {
	case 0:
		return 0, true, nil
	case 1:
		if mag > math.MaxInt64 {
			return 0, false, ErrBadInt8
		}
		return int64(mag), false, nil
	case -1:
		if mag > 1<<63 {
			return 0, false, ErrBadInt8
		}
		return -int64(mag), false, nil
	}
	return 0, false, ErrBadInt8
}
