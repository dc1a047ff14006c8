package ifxtype

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/go-informix/informix/sqli"
)

// floatCodec is the codec of SMALLFLOAT (4), an IEEE-754 binary32, and
// FLOAT (3), a binary64, both big-endian (TYPES.md §5.4). NULL is every byte
// 0xFF ([W] S1-h, [J] S3); that pattern is checked before the bits are
// read, and every other NaN is a value. Rows and binds carry the same bytes;
// the bind precision field is 0 (TYPES.md §4.1 for FLOAT; SMALLFLOAT by
// analogy [I]). Type.Length is not consulted.
//
// SMALLFLOAT decodes to float32 and FLOAT to float64. The encoders accept
// float32, float64 (and named types of those kinds) and Go integers that
// the column's format holds exactly (every integer up to 2^24 in magnitude
// for SMALLFLOAT, 2^53 for FLOAT; larger ones only when their low bits are
// zero). A float64 given to SMALLFLOAT is rounded to the nearest float32,
// ties to even, which is the column's nature; a finite float64 beyond
// ±math.MaxFloat32, which would become infinite, is an error. A NaN whose
// bits are all ones would read back as NULL and is refused.
type floatCodec struct {
	code  sqli.TypeCode
	width int // 4 for SMALLFLOAT, 8 for FLOAT
}

func init() {
	register(floatCodec{sqli.TypeSmallFloat, 4})
	register(floatCodec{sqli.TypeFloat, 8})
}

// Code returns the type code the codec handles.
func (c floatCodec) Code() sqli.TypeCode { return c.code }

// RowSize returns the type's fixed width.
func (c floatCodec) RowSize(_ Type, b []byte, _ bool) (int, error) {
	return fixedRowSize(c.code, c.width, b)
}

// rowWidth returns the type's fixed width.
func (c floatCodec) rowWidth(Type) (int, bool) { return c.width, true }

// DecodeRow decodes exactly width bytes to a float32 or float64, or nil for
// NULL.
func (c floatCodec) DecodeRow(_ Type, b []byte, _ bool, _ CodeSet) (any, error) {
	if len(b) != c.width {
		return nil, errWidth(c.code, c.width, len(b))
	}
	if isAllFF(b) {
		return nil, nil
	}
	return c.parse(b), nil
}

// decodeCell is DecodeRow boxing a FLOAT into a; a SMALLFLOAT, a float32,
// is boxed by Go.
func (c floatCodec) decodeCell(t *Type, b []byte, cs CodeSet, a *Arena) (any, error) {
	if c.width != 8 || len(b) != 8 || isAllFF(b) {
		return c.DecodeRow(*t, b, false, cs)
	}
	return a.Float64(math.Float64frombits(binary.BigEndian.Uint64(b))), nil
}

// AppendRow appends v, or the NULL form for nil.
func (c floatCodec) AppendRow(dst []byte, _ Type, v any, _ bool, _ CodeSet) ([]byte, error) {
	if v == nil {
		for range c.width {
			dst = append(dst, 0xff)
		}
		return dst, nil
	}
	bits, err := c.bits(v)
	if err != nil {
		return dst, err
	}
	return c.put(dst, bits), nil
}

// DecodeBind decodes a bind value: the same bytes as in a row. The NULL
// pattern is refused, since a NULL parameter travels as indicator -1.
func (c floatCodec) DecodeBind(_ int16, data []byte, _ CodeSet) (any, error) {
	if len(data) != c.width {
		return nil, errWidth(c.code, c.width, len(data))
	}
	if isAllFF(data) {
		return nil, fmt.Errorf("ifxtype: %v bind value % x is the NULL marker; a NULL parameter is sent with indicator -1", c.code, data)
	}
	return c.parse(data), nil
}

// AppendBind appends v as a bind value with precision field 0.
func (c floatCodec) AppendBind(dst []byte, v any, _ CodeSet) (int16, []byte, error) {
	if v == nil {
		return 0, dst, errNilBind(c.code)
	}
	bits, err := c.bits(v)
	if err != nil {
		return 0, dst, err
	}
	return 0, c.put(dst, bits), nil
}

// parse reads the IEEE bits of a value that is not NULL.
func (c floatCodec) parse(b []byte) any {
	if c.width == 4 {
		return math.Float32frombits(binary.BigEndian.Uint32(b))
	}
	return math.Float64frombits(binary.BigEndian.Uint64(b))
}

// bits converts an encoder's argument to the column's IEEE bits.
func (c floatCodec) bits(v any) (uint64, error) {
	single := c.width == 4
	if x, is32 := v.(float32); is32 && single {
		// Kept as is: a round trip through float64 would quieten a
		// signalling NaN.
		return c.checkNull(uint64(math.Float32bits(x)))
	}
	f, isSingle, ok := float64Of(v)
	if !ok {
		n, isInt, fits := int64Of(v)
		if !isInt {
			return 0, errGoType(c.code.String(), v, "a float32, float64 or Go integer")
		}
		exact := false
		if fits {
			f, exact = intToFloat(n, single)
		}
		if !exact {
			return 0, fmt.Errorf("ifxtype: %v: integer %s is not exactly representable", c.code, shortValue(v))
		}
	}
	var bits uint64
	switch {
	case !single:
		bits = math.Float64bits(f)
	case isSingle:
		bits = uint64(math.Float32bits(float32(f)))
	default:
		f32 := float32(f)
		if math.IsInf(float64(f32), 0) && !math.IsInf(f, 0) {
			return 0, fmt.Errorf("ifxtype: %v: %g is beyond ±%g, the largest float32", c.code, f, math.MaxFloat32)
		}
		bits = uint64(math.Float32bits(f32))
	}
	return c.checkNull(bits)
}

// checkNull refuses the bits of the NULL marker, a NaN with every bit set.
func (c floatCodec) checkNull(bits uint64) (uint64, error) {
	if bits == math.MaxUint64>>(64-8*c.width) {
		return 0, fmt.Errorf("ifxtype: %v: the NaN with every bit set is the NULL marker, not a value", c.code)
	}
	return bits, nil
}

// put appends the low c.width bytes of bits.
func (c floatCodec) put(dst []byte, bits uint64) []byte {
	if c.width == 4 {
		return binary.BigEndian.AppendUint32(dst, uint32(bits))
	}
	return binary.BigEndian.AppendUint64(dst, bits)
}

// isAllFF reports whether every byte of b is 0xFF.
func isAllFF(b []byte) bool {
	for _, x := range b {
		if x != 0xff {
			return false
		}
	}
	return true
}
