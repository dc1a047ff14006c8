package ifxtype

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/go-informix/informix/sqli"
)

// intCodec is the codec of the integer types. SMALLINT (1), INTEGER (2),
// SERIAL (6), BIGINT (52) and BIGSERIAL (53) are two's complement,
// big-endian, 2, 4 or 8 bytes, with the most negative value as NULL
// (TYPES.md §5.1, §5.3, §6; the NULL sentinels are real-server facts, [W]
// S1-h). INT8 (17) and SERIAL8 (18) use the 10-byte sign-and-magnitude form
// of sqli.AppendInt8, whose sign word 0 is NULL (TYPES.md §5.2); zero is
// written with sign word 1 and read with either sign (TYPES.md open question
// 7). Rows and binds carry the same bytes; the width comes from the type
// code (TYPES.md §3.3) and Type.Length is not consulted.
//
// Decoded values are int64. Encoders accept every Go integer kind (int,
// int8 … int64, uint, uint8 … uint64, uintptr and named types of those
// kinds) and refuse anything else. The NULL sentinel is not a storable
// value, so every range is symmetric: SMALLINT ±32767, INTEGER and SERIAL
// ±2147483647 (TYPES.md §5.1), BIGINT and BIGSERIAL ±(2^63−1), and INT8 and
// SERIAL8 ±(2^63−1) as IBM documents, although the 10-byte form could spell
// −2^63 (TYPES.md §5.2; [J] S3). Decoders refuse −2^63 in the INT8 form for
// the same reason, so every decoded value can be encoded again.
type intCodec struct {
	code  sqli.TypeCode
	width int   // 2, 4 or 8, or sqli.Int8Size for the INT8 form
	prec  int16 // precision field of a bind
	max   int64 // largest magnitude the column stores
}

// The bind precision field is the display width in the high byte: INTEGER
// 0x0A00 and BIGINT 0x1300 are what S1 sends live (TYPES.md §4.1, [D]).
// SMALLINT (5 digits), INT8 (19 digits) and the serials are not published;
// their values follow the same rule by analogy [I] (TYPES.md open question
// 5 asks for a capture of JDBC's binds).
func init() {
	for _, c := range []intCodec{
		{sqli.TypeSmallInt, 2, 5 << 8, math.MaxInt16},
		{sqli.TypeInteger, 4, 10 << 8, math.MaxInt32},
		{sqli.TypeSerial, 4, 10 << 8, math.MaxInt32},
		{sqli.TypeInt8, sqli.Int8Size, 19 << 8, math.MaxInt64},
		{sqli.TypeSerial8, sqli.Int8Size, 19 << 8, math.MaxInt64},
		{sqli.TypeBigInt, 8, 19 << 8, math.MaxInt64},
		{sqli.TypeBigSerial, 8, 19 << 8, math.MaxInt64},
	} {
		register(c)
	}
}

// Code returns the type code the codec handles.
func (c intCodec) Code() sqli.TypeCode { return c.code }

// RowSize returns the type's fixed width.
func (c intCodec) RowSize(_ Type, b []byte, _ bool) (int, error) {
	return fixedRowSize(c.code, c.width, b)
}

// rowWidth returns the type's fixed width.
func (c intCodec) rowWidth(Type) (int, bool) { return c.width, true }

// DecodeRow decodes exactly width bytes to an int64, or nil for NULL.
func (c intCodec) DecodeRow(_ Type, b []byte, _ bool, _ CodeSet) (any, error) {
	v, null, err := c.parse(b)
	if err != nil || null {
		return nil, err
	}
	return v, nil
}

// decodeCell is DecodeRow boxing into a.
func (c intCodec) decodeCell(_ *Type, b []byte, _ CodeSet, a *Arena) (any, error) {
	v, null, err := c.parse(b)
	if err != nil || null {
		return nil, err
	}
	return a.Int64(v), nil
}

// AppendRow appends v, or the NULL form for nil.
func (c intCodec) AppendRow(dst []byte, _ Type, v any, _ bool, _ CodeSet) ([]byte, error) {
	if v == nil {
		if c.width == sqli.Int8Size {
			return sqli.AppendInt8Null(dst), nil
		}
		return c.put(dst, -c.max-1), nil
	}
	n, err := c.value(v)
	if err != nil {
		return dst, err
	}
	return c.put(dst, n), nil
}

// DecodeBind decodes a bind value: the same bytes as in a row. The NULL
// sentinel is refused, since a NULL parameter travels as indicator -1. The
// precision field is not checked: sources send different values for it
// (TYPES.md §4).
func (c intCodec) DecodeBind(_ int16, data []byte, _ CodeSet) (any, error) {
	v, null, err := c.parse(data)
	if err != nil {
		return nil, err
	}
	if null {
		return nil, fmt.Errorf("ifxtype: %v bind value % x is the NULL marker; a NULL parameter is sent with indicator -1", c.code, data)
	}
	return v, nil
}

// AppendBind appends v as a bind value and returns the type's precision
// field.
func (c intCodec) AppendBind(dst []byte, v any, _ CodeSet) (int16, []byte, error) {
	if v == nil {
		return 0, dst, errNilBind(c.code)
	}
	n, err := c.value(v)
	if err != nil {
		return 0, dst, err
	}
	return c.prec, c.put(dst, n), nil
}

// parse reads exactly c.width bytes; null reports the NULL form.
func (c intCodec) parse(b []byte) (v int64, null bool, err error) {
	if len(b) != c.width {
		return 0, false, errWidth(c.code, c.width, len(b))
	}
	switch c.width {
	case 2:
		v = int64(int16(binary.BigEndian.Uint16(b)))
	case 4:
		v = int64(int32(binary.BigEndian.Uint32(b)))
	case 8:
		v = int64(binary.BigEndian.Uint64(b))
	default:
		return c.parseInt8(b)
	}
	return v, v == -c.max-1, nil
}

// parseInt8 reads the 10-byte INT8 form and refuses −2^63, which is outside
// the type's range.
func (c intCodec) parseInt8(b []byte) (int64, bool, error) {
	v, null, err := sqli.ParseInt8(b)
	switch {
	case err != nil:
		return 0, false, fmt.Errorf("ifxtype: %v value % x: %w", c.code, b, err)
	case null:
		return 0, true, nil
	case v == math.MinInt64:
		return 0, false, fmt.Errorf("ifxtype: %v value % x is -2^63, outside the type's range ±(2^63-1)", c.code, b)
	}
	return v, false, nil
}

// value converts an encoder's argument and checks it against the range.
func (c intCodec) value(v any) (int64, error) {
	n, ok, fits := int64Of(v)
	if !ok {
		return 0, errGoType(c.code.String(), v, "a Go integer")
	}
	if !fits || n < -c.max || n > c.max {
		if c.width == sqli.Int8Size {
			return 0, fmt.Errorf("ifxtype: %v: %s is outside %d..%d", c.code, shortValue(v), -c.max, c.max)
		}
		return 0, fmt.Errorf("ifxtype: %v: %s is outside %d..%d (%d is the NULL marker, not a value)",
			c.code, shortValue(v), -c.max, c.max, -c.max-1)
	}
	return n, nil
}

// put appends n, which is in range, in c.width bytes.
func (c intCodec) put(dst []byte, n int64) []byte {
	switch c.width {
	case 2:
		return binary.BigEndian.AppendUint16(dst, uint16(n))
	case 4:
		return binary.BigEndian.AppendUint32(dst, uint32(n))
	case 8:
		return binary.BigEndian.AppendUint64(dst, uint64(n))
	}
	return sqli.AppendInt8(dst, n)
}
