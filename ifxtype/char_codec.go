package ifxtype

import (
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/go-informix/informix/sqli"
)

// Limits of the character types, in bytes of the database code set
// (TYPES.md §7: declared lengths count bytes).
const (
	// charMaxLen is the largest CHAR(n)/NCHAR(n) IBM documents, and the
	// largest length a CHAR bind's 2-byte length prefix is trusted with,
	// read as a signed short like every SQLI integer [I].
	charMaxLen = 32767
	// varCharMaxLen is the largest VARCHAR/NVARCHAR value: its length
	// prefix in a row is one byte (TYPES.md §5.9); a bind frames it like
	// CHAR, with two (docs/protocol.md, "VARCHAR, NVARCHAR and NCHAR
	// binds"), and keeps the same maximum.
	varCharMaxLen = 255
	// lvarCharMaxLen is the largest LVARCHAR value (TYPES.md §5.10, [H] S7).
	lvarCharMaxLen = 32739
)

// The character codecs decode to string through the CodeSet passed to each
// call, which must not be nil. Their encoders accept two inputs:
//
//   - a string is text: it is converted from UTF-8 into the CodeSet (which
//     must not be nil), failing when the code set cannot hold a character;
//   - a []byte is raw bytes already in the database's code set: they are
//     written unchanged, with no conversion and no validation (the server
//     judges them), and the CodeSet is not used.
//
// Either way the bytes written must fit the column or bind: lengths count
// bytes on the wire (after conversion, for a string), never characters; a
// value too long is an error and nothing is cut. The NULL rules below
// apply to raw bytes too.

// charCodec is the codec of CHAR (0) and NCHAR (15), whose bytes are the
// same (TYPES.md §5.9). In a row of either layout a value takes exactly the
// encoded length n (1 to 32767), blank-padded ([W/D] S1-g, S5); decoding
// keeps the blanks, as IBM's JDBC driver returns them, and encoding pads a
// shorter value with blanks. A bind value is `u16 n` + n bytes with
// precision field 0, as S1 sends live (SQLI.md §6.7).
//
// NULL (TYPES.md open question 6, SQLI.md appendix B) is written as 00
// followed by n−1 blanks, the form informix-driver's documentation shows a
// real Informix server sending for a NULL CHAR(n) [D: S1 docs]; any value
// whose first byte is 00 reads as NULL (the ESQL/C convention, which also
// covers n zero bytes). A non-NULL value starting with NUL would read back
// as NULL and is refused. S3's report that the server sometimes sends
// `u8 len` + bytes instead is not implemented.
type charCodec struct{ code sqli.TypeCode }

// varCharCodec is the codec of VARCHAR (13) and NVARCHAR (16): `u8 n` + n
// bytes in a row, 00 for the empty string and 01 00 for NULL ([W] S1-h, [J]
// S3; TYPES.md §5.9). n is at most the column's maximum, the low byte of
// the encoded length. A single NUL would read back as NULL and is refused
// in a row.
//
// A bind value is framed as CHAR's, `u16 n` + n bytes, n at most 255, and
// the indicator carries NULL, so a single NUL is an ordinary value. IBM
// JDBC 15.0.0.1.1 binds a number or timestamp set on a parameter described
// as VARCHAR or NVARCHAR so, as type 13 or 16 [J:
// conformance/testdata/jdbc/varchar_params.golden]; SQLI.md §6.7's `u8 n`
// with precision n+1 (S2's encoder, never run live) is not what it sends.
// JDBC's precision field is either the parameter's described maximum or 0,
// depending on which setter the parameter saw before, not on the value, so
// a server takes both [I: IBM's own client sends both]; ifxtype, which does
// not know the described maximum, sends 0, and decoding ignores the field.
//
// Open question (TYPES.md open question 11): JDBC's padVarchar mode sends a
// padded, max-width layout whose selection is unknown; both row layouts are
// read and written in the compact form here.
type varCharCodec struct{ code sqli.TypeCode }

// lvarCharCodec is the codec of LVARCHAR: code 43, or 40 with extended id 1
// or type name "lvarchar", which Type.Base resolves to 43. In a row it takes
// the "5 + length" form: `u8 flag`, `i32 n`, n bytes, with NULL as
// 01 00 00 00 00 (TYPES.md §5.10; [D] S3, S9; TYPES.md open question 3 still
// asks for a capture of it). n is at most the declared maximum, the encoded
// length (1 to 32739); an encoded length of 0 is read as no declaration, and
// 32739 applies [I].
//
// A bind value is `i32 n` + n bytes with precision field 0: both are [I],
// by analogy with SQ_FPROUTINE's UDT values (docs/protocol.md), until the
// JDBC oracle shows an LVARCHAR bind.
type lvarCharCodec struct{}

func init() {
	register(charCodec{sqli.TypeChar})
	register(charCodec{sqli.TypeNChar})
	register(varCharCodec{sqli.TypeVarChar})
	register(varCharCodec{sqli.TypeNVarChar})
	register(lvarCharCodec{})
}

// Code returns CHAR or NCHAR.
func (c charCodec) Code() sqli.TypeCode { return c.code }

// RowSize returns the encoded length.
func (c charCodec) RowSize(t Type, b []byte, _ bool) (int, error) {
	w, err := charWidth(t)
	if err != nil {
		return 0, err
	}
	return fixedRowSize(c.code, w, b)
}

// rowWidth returns the encoded length when it is valid.
func (c charCodec) rowWidth(t Type) (int, bool) {
	w, err := charWidth(t)
	return w, err == nil
}

// DecodeRow decodes exactly n bytes, blanks kept, or returns nil for NULL.
func (c charCodec) DecodeRow(t Type, b []byte, _ bool, cs CodeSet) (any, error) {
	return c.decodeCell(&t, b, cs, nil)
}

// decodeCell is DecodeRow boxing into a.
func (c charCodec) decodeCell(t *Type, b []byte, cs CodeSet, a *Arena) (any, error) {
	text, null, err := c.rowText(t, b)
	return boxText(t, text, null, err, cs, a)
}

// rowText returns the text of a CHAR column: exactly n bytes, blanks kept.
func (c charCodec) rowText(t *Type, b []byte) (text []byte, null bool, err error) {
	w, err := charWidth(*t)
	if err != nil {
		return nil, false, err
	}
	if len(b) != w {
		return nil, false, errWidth(c.code, w, len(b))
	}
	return b, b[0] == 0, nil
}

// AppendRow appends v blank-padded to n bytes, or for nil the NULL form
// 00 and n−1 blanks.
func (c charCodec) AppendRow(dst []byte, t Type, v any, _ bool, cs CodeSet) ([]byte, error) {
	w, err := charWidth(t)
	if err != nil {
		return dst, err
	}
	dst = slices.Grow(dst, w)
	if v == nil {
		return appendRepeat(append(dst, 0), ' ', w-1), nil
	}
	out, n, err := appendText(dst, t, v, cs, w)
	if err != nil {
		return dst, err
	}
	if n > 0 && out[len(dst)] == 0 {
		return dst, fmt.Errorf("ifxtype: %s: a value starting with NUL would read back as NULL", charTypeName(t))
	}
	for range w - n {
		out = append(out, ' ')
	}
	return out, nil
}

// DecodeBind decodes `u16 n` + n bytes.
func (c charCodec) DecodeBind(_ int16, data []byte, cs CodeSet) (any, error) {
	t := Type{Code: c.code}
	if len(data) < 2 {
		return nil, fmt.Errorf("ifxtype: %v bind value is %d bytes, want at least 2", c.code, len(data))
	}
	n := int(binary.BigEndian.Uint16(data))
	if err := checkLength(t, n, charMaxLen, len(data)-2); err != nil {
		return nil, err
	}
	return decodeText(t, data[2:], cs)
}

// AppendBind appends `u16 n` + n bytes with precision field 0.
func (c charCodec) AppendBind(dst []byte, v any, cs CodeSet) (int16, []byte, error) {
	if v == nil {
		return 0, dst, errNilBind(c.code)
	}
	out, n, err := appendText(append(dst, 0, 0), Type{Code: c.code}, v, cs, charMaxLen)
	if err != nil {
		return 0, dst, err
	}
	binary.BigEndian.PutUint16(out[len(dst):], uint16(n))
	return 0, out, nil
}

// charWidth returns the encoded length of a CHAR or NCHAR, 1 to 32767.
func charWidth(t Type) (int, error) {
	if t.Length < 1 || t.Length > charMaxLen {
		return 0, fmt.Errorf("ifxtype: %v encoded length %d outside 1..%d", t.Base(), t.Length, charMaxLen)
	}
	return int(t.Length), nil
}

// Code returns VARCHAR or NVARCHAR.
func (c varCharCodec) Code() sqli.TypeCode { return c.code }

// RowSize returns 1 + the length byte.
func (c varCharCodec) RowSize(_ Type, b []byte, _ bool) (int, error) {
	if len(b) < 1 {
		return 0, fmt.Errorf("ifxtype: %v needs a length byte, 0 bytes left in the row", c.code)
	}
	return fixedRowSize(c.code, 1+int(b[0]), b)
}

// DecodeRow decodes `u8 n` + n bytes, or returns nil for 01 00.
func (c varCharCodec) DecodeRow(t Type, b []byte, _ bool, cs CodeSet) (any, error) {
	return c.decodeCell(&t, b, cs, nil)
}

// decodeCell is DecodeRow boxing into a.
func (c varCharCodec) decodeCell(t *Type, b []byte, cs CodeSet, a *Arena) (any, error) {
	text, null, err := c.rowText(t, b)
	return boxText(t, text, null, err, cs, a)
}

// rowText returns the text of a VARCHAR column, `u8 n` + n bytes.
func (c varCharCodec) rowText(t *Type, b []byte) (text []byte, null bool, err error) {
	limit, err := varCharMax(*t)
	if err != nil {
		return nil, false, err
	}
	if len(b) < 1 {
		return nil, false, fmt.Errorf("ifxtype: %s value is empty, want a length byte", charTypeName(*t))
	}
	if len(b) == 2 && b[0] == 1 && b[1] == 0 {
		return nil, true, nil
	}
	if err := checkLength(*t, int(b[0]), limit, len(b)-1); err != nil {
		return nil, false, err
	}
	return b[1:], false, nil
}

// AppendRow appends `u8 n` + n bytes, or 01 00 for nil.
func (c varCharCodec) AppendRow(dst []byte, t Type, v any, _ bool, cs CodeSet) ([]byte, error) {
	limit, err := varCharMax(t)
	if err != nil {
		return dst, err
	}
	if v == nil {
		return append(dst, 1, 0), nil
	}
	out, n, err := appendText(append(dst, 0), t, v, cs, limit)
	if err != nil {
		return dst, err
	}
	if n == 1 && out[len(dst)+1] == 0 {
		return dst, fmt.Errorf("ifxtype: %s: a single NUL is the NULL marker 01 00, not a value", charTypeName(t))
	}
	out[len(dst)] = byte(n)
	return out, nil
}

// DecodeBind decodes `u16 n` + n bytes, n at most 255; the precision field
// is not checked.
func (c varCharCodec) DecodeBind(_ int16, data []byte, cs CodeSet) (any, error) {
	t := Type{Code: c.code}
	if len(data) < 2 {
		return nil, fmt.Errorf("ifxtype: %v bind value is %d bytes, want at least 2", c.code, len(data))
	}
	n := int(binary.BigEndian.Uint16(data))
	if err := checkLength(t, n, varCharMaxLen, len(data)-2); err != nil {
		return nil, err
	}
	return decodeText(t, data[2:], cs)
}

// AppendBind appends `u16 n` + n bytes, n at most 255, with precision
// field 0.
func (c varCharCodec) AppendBind(dst []byte, v any, cs CodeSet) (int16, []byte, error) {
	if v == nil {
		return 0, dst, errNilBind(c.code)
	}
	out, n, err := appendText(append(dst, 0, 0), Type{Code: c.code}, v, cs, varCharMaxLen)
	if err != nil {
		return 0, dst, err
	}
	binary.BigEndian.PutUint16(out[len(dst):], uint16(n))
	return 0, out, nil
}

// varCharMax returns the maximum length of a VARCHAR or NVARCHAR, the low
// byte of its encoded length (TYPES.md §2.1), which must not be 0.
func varCharMax(t Type) (int, error) {
	limit, _ := t.VarCharMax()
	if limit == 0 {
		return 0, fmt.Errorf("ifxtype: %v encoded length %#x declares a maximum of 0 bytes", t.Base(), t.Length)
	}
	return limit, nil
}

// Code returns sqli.TypeLVarChar.
func (lvarCharCodec) Code() sqli.TypeCode { return sqli.TypeLVarChar }

// RowSize returns 5 + the length field, once the length is within bounds.
func (lvarCharCodec) RowSize(_ Type, b []byte, _ bool) (int, error) {
	if len(b) < 5 {
		return 0, fmt.Errorf("ifxtype: LVARCHAR needs 5 bytes of flag and length, %d left in the row", len(b))
	}
	n := int32(binary.BigEndian.Uint32(b[1:]))
	if n < 0 || n > lvarCharMaxLen {
		return 0, fmt.Errorf("ifxtype: LVARCHAR length %d outside 0..%d", n, lvarCharMaxLen)
	}
	return fixedRowSize(sqli.TypeLVarChar, 5+int(n), b)
}

// DecodeRow decodes the "5 + length" form, or returns nil for NULL.
func (c lvarCharCodec) DecodeRow(t Type, b []byte, _ bool, cs CodeSet) (any, error) {
	return c.decodeCell(&t, b, cs, nil)
}

// decodeCell is DecodeRow boxing into a.
func (c lvarCharCodec) decodeCell(t *Type, b []byte, cs CodeSet, a *Arena) (any, error) {
	text, null, err := c.rowText(t, b)
	return boxText(t, text, null, err, cs, a)
}

// rowText returns the text of an LVARCHAR column in the "5 + length" form.
func (lvarCharCodec) rowText(t *Type, b []byte) (text []byte, null bool, err error) {
	limit, err := lvarCharMax(*t)
	if err != nil {
		return nil, false, err
	}
	if len(b) < 5 {
		return nil, false, fmt.Errorf("ifxtype: LVARCHAR value is %d bytes, want at least 5", len(b))
	}
	n := int(int32(binary.BigEndian.Uint32(b[1:])))
	switch {
	case b[0] > 1:
		return nil, false, fmt.Errorf("ifxtype: LVARCHAR flag byte %#02x, want 0 or 1", b[0])
	case b[0] == 1 && n == 0 && len(b) == 5:
		return nil, true, nil
	case b[0] == 1:
		return nil, false, fmt.Errorf("ifxtype: LVARCHAR flag 1 (NULL) with length %d and %d bytes", n, len(b))
	}
	if err := checkLength(*t, n, limit, len(b)-5); err != nil {
		return nil, false, err
	}
	return b[5:], false, nil
}

// AppendRow appends the "5 + length" form, or 01 00 00 00 00 for nil.
func (lvarCharCodec) AppendRow(dst []byte, t Type, v any, _ bool, cs CodeSet) ([]byte, error) {
	limit, err := lvarCharMax(t)
	if err != nil {
		return dst, err
	}
	if v == nil {
		return append(dst, 1, 0, 0, 0, 0), nil
	}
	out, n, err := appendText(append(dst, 0, 0, 0, 0, 0), t, v, cs, limit)
	if err != nil {
		return dst, err
	}
	binary.BigEndian.PutUint32(out[len(dst)+1:], uint32(n))
	return out, nil
}

// DecodeBind decodes `i32 n` + n bytes.
func (lvarCharCodec) DecodeBind(_ int16, data []byte, cs CodeSet) (any, error) {
	t := Type{Code: sqli.TypeLVarChar}
	if len(data) < 4 {
		return nil, fmt.Errorf("ifxtype: LVARCHAR bind value is %d bytes, want at least 4", len(data))
	}
	n := int(int32(binary.BigEndian.Uint32(data)))
	if err := checkLength(t, n, lvarCharMaxLen, len(data)-4); err != nil {
		return nil, err
	}
	return decodeText(t, data[4:], cs)
}

// AppendBind appends `i32 n` + n bytes with precision field 0.
func (lvarCharCodec) AppendBind(dst []byte, v any, cs CodeSet) (int16, []byte, error) {
	if v == nil {
		return 0, dst, errNilBind(sqli.TypeLVarChar)
	}
	out, n, err := appendText(append(dst, 0, 0, 0, 0), Type{Code: sqli.TypeLVarChar}, v, cs, lvarCharMaxLen)
	if err != nil {
		return 0, dst, err
	}
	binary.BigEndian.PutUint32(out[len(dst):], uint32(n))
	return 0, out, nil
}

// lvarCharMax returns the declared maximum of an LVARCHAR: its encoded
// length, or 32739 when that is 0.
func lvarCharMax(t Type) (int, error) {
	switch {
	case t.Length == 0:
		return lvarCharMaxLen, nil
	case t.Length < 0 || t.Length > lvarCharMaxLen:
		return 0, fmt.Errorf("ifxtype: LVARCHAR encoded length %d outside 0..%d", t.Length, lvarCharMaxLen)
	}
	return int(t.Length), nil
}

// checkLength checks a length n read from the wire against the type's
// maximum, limit, and against the rest bytes that follow it, which must be
// exactly n.
func checkLength(t Type, n, limit, rest int) error {
	switch {
	case n < 0 || n > limit:
		return fmt.Errorf("ifxtype: %s: length %d outside 0..%d", charTypeName(t), n, limit)
	case n != rest:
		return fmt.Errorf("ifxtype: %s: length %d with %d bytes of data", charTypeName(t), n, rest)
	}
	return nil
}

// boxText decodes the text a character codec's rowText found in a cell of
// type t (or the NULL or error it reported), boxed in a, or by Go when a
// is nil; NULL is nil.
func boxText(t *Type, text []byte, null bool, err error, cs CodeSet, a *Arena) (any, error) {
	switch {
	case err != nil || null:
		return nil, err
	case a == nil:
		return decodeText(*t, text, cs)
	}
	if c, ok := cs.(*codeSet); ok && c.unchanged(text) {
		return a.Box(a.String(text)), nil
	}
	v, err := decodeText(*t, text, cs)
	if err != nil {
		return nil, err
	}
	return a.Box(v.(string)), nil
}

// decodeText decodes b through cs.
func decodeText(t Type, b []byte, cs CodeSet) (any, error) {
	if cs == nil {
		return nil, errNoCodeSet(charTypeName(t))
	}
	s, err := cs.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("ifxtype: %s: %w", charTypeName(t), err)
	}
	return s, nil
}

// appendText appends v, a string converted through cs or a []byte as it
// is (see the character codecs above), and returns the number of bytes it
// took, which must not exceed limit. On error it returns dst unchanged.
func appendText(dst []byte, t Type, v any, cs CodeSet, limit int) ([]byte, int, error) {
	var out []byte
	switch x := v.(type) {
	case string:
		if cs == nil {
			return dst, 0, errNoCodeSet(charTypeName(t))
		}
		var err error
		if out, err = cs.Append(dst, x); err != nil {
			return dst, 0, fmt.Errorf("ifxtype: %s: %w", charTypeName(t), err)
		}
		if n := len(out) - len(dst); n > limit {
			return dst, 0, fmt.Errorf("ifxtype: %s: value is %d bytes in code set %s, over the maximum of %d",
				charTypeName(t), n, cs.Name(), limit)
		}
	case []byte:
		if len(x) > limit {
			return dst, 0, fmt.Errorf("ifxtype: %s: raw value is %d bytes, over the maximum of %d",
				charTypeName(t), len(x), limit)
		}
		out = append(dst, x...)
	default:
		return dst, 0, errGoType(charTypeName(t), v, "a string or []byte")
	}
	return out, len(out) - len(dst), nil
}

// charTypeName names a character type in an error: with its length for a
// row's type, bare for a bind's, which has no length.
func charTypeName(t Type) string {
	if t.Length == 0 {
		return t.Base().String()
	}
	return t.SQLName()
}
