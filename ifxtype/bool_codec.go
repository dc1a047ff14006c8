package ifxtype

import (
	"encoding/binary"
	"fmt"

	"github.com/go-informix/informix/sqli"
)

// boolCodec is the codec of BOOLEAN: code 45, or 41 with extended id 5 or
// type name "boolean", which Type.Base resolves to 45 (TYPES.md §1.1,
// §5.11). Values decode to bool and the encoders accept bool only.
//
// In a fixed-layout row a BOOLEAN takes its encoded length, Type.Length,
// which must be 1 or 2; in the 2-byte form the value is the last byte and
// the first is ignored, as S3's live-tested decoder does ([J+D] S3,
// TYPES.md §3.3). In a sequential row it takes the "5 + length" form: a
// flag byte, an int32 length and the value byte; flag 1 with length 0 is
// NULL, and any other flag than 0 or 1 is refused ([J+D] S3; TYPES.md open
// question 3 still asks for a capture of that NULL form). A bind value
// is an int32 length 1 and the value byte, with precision field 1, the
// bytes IBM JDBC 15.0.0.1.1 sends (conformance/testdata/jdbc/types.golden;
// TYPES.md §4.1's one bare byte with precision 0, after S1, is wrong, and
// informix-driver reports that a real server stops answering it).
//
// Open question (TYPES.md open question 15, SQLI.md open question 22):
// nothing public says whether the server sends 01/00 or 't'/'f' as the
// value byte. Decoders accept 01, 't' and 'T' as true and 00, 'f' and 'F'
// as false, and 0xFF as NULL, the set S3 accepts; encoders write 01/00 (the
// internal value IBM documents, [H] S7, and what S1 binds live) and 0xFF
// for NULL in a fixed row.
type boolCodec struct{}

func init() { register(boolCodec{}) }

// Code returns sqli.TypeBoolean.
func (boolCodec) Code() sqli.TypeCode { return sqli.TypeBoolean }

// RowSize returns the fixed-row width (the encoded length) or the size of
// the "5 + length" form.
func (boolCodec) RowSize(t Type, b []byte, sequential bool) (int, error) {
	if !sequential {
		w, err := boolWidth(t)
		if err != nil {
			return 0, err
		}
		return fixedRowSize(sqli.TypeBoolean, w, b)
	}
	if len(b) < 5 {
		return 0, fmt.Errorf("ifxtype: BOOLEAN needs 5 bytes of flag and length, %d left in the row", len(b))
	}
	n := int32(binary.BigEndian.Uint32(b[1:]))
	if n < 0 || n > 1 {
		return 0, fmt.Errorf("ifxtype: BOOLEAN length %d, want 0 or 1", n)
	}
	return fixedRowSize(sqli.TypeBoolean, 5+int(n), b)
}

// DecodeRow decodes one BOOLEAN to a bool, or nil for NULL.
func (boolCodec) DecodeRow(t Type, b []byte, sequential bool, _ CodeSet) (any, error) {
	if sequential {
		return decodeBoolSequential(b)
	}
	w, err := boolWidth(t)
	if err != nil {
		return nil, err
	}
	if len(b) != w {
		return nil, errWidth(sqli.TypeBoolean, w, len(b))
	}
	return boolValue(b[w-1])
}

// AppendRow appends v, or the NULL form of the layout for nil.
func (boolCodec) AppendRow(dst []byte, t Type, v any, sequential bool, _ CodeSet) ([]byte, error) {
	var x byte = 0xff
	if v != nil {
		bv, ok := v.(bool)
		if !ok {
			return dst, errGoType("BOOLEAN", v, "a bool")
		}
		x = boolByte(bv)
	}
	if sequential {
		if v == nil {
			return append(dst, 1, 0, 0, 0, 0), nil
		}
		return append(dst, 0, 0, 0, 0, 1, x), nil
	}
	w, err := boolWidth(t)
	if err != nil {
		return dst, err
	}
	if w == 2 {
		dst = append(dst, 0)
	}
	return append(dst, x), nil
}

// boolBindPrec is the precision field of a BOOLEAN bind, as IBM JDBC
// 15.0.0.1.1 sends it (conformance/testdata/jdbc/types.golden).
const boolBindPrec = 1

// DecodeBind decodes a bind value: an int32 length, which must be 1, and
// the value byte. The precision field is not checked (JDBC sends 1). The
// value byte 0xFF (NULL in a row) is refused, since a NULL parameter
// travels as indicator -1.
func (boolCodec) DecodeBind(_ int16, data []byte, _ CodeSet) (any, error) {
	if len(data) != 5 || binary.BigEndian.Uint32(data) != 1 {
		return nil, fmt.Errorf("ifxtype: BOOLEAN bind value % x: want an int32 length 1 and one value byte", data)
	}
	v, err := boolValue(data[4])
	if err == nil && v == nil {
		return nil, fmt.Errorf("ifxtype: BOOLEAN bind value ff is the NULL marker; a NULL parameter is sent with indicator -1")
	}
	return v, err
}

// AppendBind appends an int32 length 1 and the value byte, 01 or 00, with
// precision field 1.
func (boolCodec) AppendBind(dst []byte, v any, _ CodeSet) (int16, []byte, error) {
	if v == nil {
		return 0, dst, errNilBind(sqli.TypeBoolean)
	}
	bv, ok := v.(bool)
	if !ok {
		return 0, dst, errGoType("BOOLEAN", v, "a bool")
	}
	return boolBindPrec, append(dst, 0, 0, 0, 1, boolByte(bv)), nil
}

// boolWidth returns the width of a BOOLEAN in a fixed-layout row, its
// encoded length: 1, or 2 as S3 also accepts.
func boolWidth(t Type) (int, error) {
	if t.Length != 1 && t.Length != 2 {
		return 0, fmt.Errorf("ifxtype: BOOLEAN encoded length %d, want 1 or 2", t.Length)
	}
	return int(t.Length), nil
}

// decodeBoolSequential decodes the "5 + length" form.
func decodeBoolSequential(b []byte) (any, error) {
	if len(b) < 5 {
		return nil, fmt.Errorf("ifxtype: BOOLEAN value is %d bytes, want at least 5", len(b))
	}
	n := int32(binary.BigEndian.Uint32(b[1:]))
	switch {
	case b[0] > 1:
		return nil, fmt.Errorf("ifxtype: BOOLEAN flag byte %#02x, want 0 or 1", b[0])
	case b[0] == 1 && n == 0 && len(b) == 5:
		return nil, nil
	case b[0] == 1:
		return nil, fmt.Errorf("ifxtype: BOOLEAN flag 1 (NULL) with length %d and %d bytes", n, len(b))
	case n != 1 || len(b) != 6:
		return nil, fmt.Errorf("ifxtype: BOOLEAN length %d in %d bytes, want length 1 in 6", n, len(b))
	}
	return boolValue(b[5])
}

// boolValue reads a value byte: nil for NULL (0xFF).
func boolValue(x byte) (any, error) {
	switch x {
	case 1, 't', 'T':
		return true, nil
	case 0, 'f', 'F':
		return false, nil
	case 0xff:
		return nil, nil
	}
	return nil, fmt.Errorf("ifxtype: BOOLEAN value byte %#02x is none of 01, 00, 't', 'f', 'T', 'F' or ff (NULL)", x)
}

// boolByte returns the value byte written for v.
func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}
