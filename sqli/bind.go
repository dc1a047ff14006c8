package sqli

import (
	"encoding/binary"
	"fmt"
)

// Indicator values of an SQ_BIND value (SQLI.md §6.7; [W: S1; J: S2]).
const (
	IndicatorValue   int16 = 0  // value bytes follow
	IndicatorNull    int16 = -1 // the value is NULL; no value bytes
	IndicatorDefault int16 = -2 // use the column default; no value bytes
)

// blobDescriptorSize is the width of the TEXT/BYTE descriptor bound in place
// of the data (TYPES.md §5.12; [H] blob.h SIZTBLOB; [R] S1).
const blobDescriptorSize = 56

// Bind (SQ_BIND) carries the values of a statement's '?' markers; the client
// sends it after SQ_ID and before SQ_OPEN or SQ_EXECUTE in the same group,
// and SQ_EXFPROUTINE embeds one (SQLI.md §6.7, §6.20; [W: S1; J: S2; D: S3]).
//
// Layout: i16 count, then per value i16 type, CHAR owner and CHAR type name
// only when Type.HasTypeNames(), i16 indicator, i16 precision, then, for
// indicator 0 only, the value bytes and a pad byte when their count is odd.
//
// The framing of the value bytes depends on the type code and follows the
// table in docs/protocol.md ("Bind value framing"); see bindFraming.
type Bind struct {
	// Values are the parameter values in marker order.
	Values []BindValue
}

// BindValue is one parameter of SQ_BIND.
//
// Indicator decides whether Data is present: IndicatorValue requires Data
// framed for Type (length prefix included, pad excluded), and IndicatorNull
// and IndicatorDefault require Data to be empty. SQLI.md §6.7 and TYPES.md §4
// both say value bytes follow "only when the indicator is 0", so a
// column-default value carries none either; docs/protocol.md's wording
// ("unless the indicator is −1") says otherwise and is the weaker reading.
// Other indicator values are refused both ways: nobody has published whether
// bytes follow them.
//
// After Decode, Data aliases the Reader's buffer and is valid only until the
// Reader starts the next message; Owner and TypeName are copies.
type BindValue struct {
	Type      TypeCode // the value's own type code (with flags), not the column's
	Owner     string   // owner of an extended type; only when Type.HasTypeNames()
	TypeName  string   // extended type name; only when Type.HasTypeNames()
	Indicator int16    // IndicatorValue, IndicatorNull or IndicatorDefault
	Prec      int16    // precision field: type dependent (TYPES.md §4), 0 for NULL
	Data      []byte   // value bytes as framed for Type; empty unless Indicator is IndicatorValue
}

// Tag implements Message: it returns the message's tag.
func (*Bind) Tag() Tag       { return TagBind }
func (*Bind) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *Bind) Encode(e *Encoder) {
	e.Tag(TagBind)
	e.Count(len(m.Values), "SQ_BIND value count")
	for i := range m.Values {
		if err := m.Values[i].encode(e); err != nil {
			e.Failf("SQ_BIND value %d of %d: %w", i+1, len(m.Values), err)
			return
		}
	}
}

// encode appends v, or reports why v cannot be sent as it stands.
func (v *BindValue) encode(e *Encoder) error {
	e.Uint16(uint16(v.Type))
	if v.Type.HasTypeNames() {
		e.Char(v.Owner, "SQ_BIND owner name")
		e.Char(v.TypeName, "SQ_BIND type name")
	} else if v.Owner != "" || v.TypeName != "" {
		return fmt.Errorf("type %v (code %d) carries no owner or type name on the wire (SQLI.md §6.7), got %q.%q",
			v.Type, uint16(v.Type), v.Owner, v.TypeName)
	}
	e.Int16(v.Indicator)
	e.Int16(v.Prec)
	switch v.Indicator {
	case IndicatorValue:
		if err := checkBindData(v.Type, v.Data); err != nil {
			return err
		}
		e.Raw(v.Data)
		e.Pad(len(v.Data))
	case IndicatorNull, IndicatorDefault:
		if len(v.Data) != 0 {
			return fmt.Errorf("indicator %d carries no value bytes (SQLI.md §6.7), got %d", v.Indicator, len(v.Data))
		}
	default:
		return fmt.Errorf("indicator %d is none of 0 (value), -1 (NULL), -2 (default)", v.Indicator)
	}
	return nil
}

// Decode reads the values into m.Values, reusing its memory: a decoder's
// flyweight Bind allocates only when a message has more values than any
// before it.
func (m *Bind) Decode(r *Reader) error {
	n := r.Count(r.limits.MaxBindValues, "SQ_BIND value count")
	vals := m.Values[:0]
	m.Values = nil
	if n == 0 {
		return r.Err()
	}
	if cap(vals) == 0 {
		vals = make([]BindValue, 0, min(n, preallocCap))
	}
	for i := range n {
		var v BindValue
		v.decode(r)
		if err := r.Err(); err != nil {
			return fmt.Errorf("sqli: SQ_BIND value %d of %d: %w", i+1, n, err)
		}
		vals = append(vals, v)
	}
	m.Values = vals
	return nil
}

// decode reads one value; failures are recorded in r.
func (v *BindValue) decode(r *Reader) {
	v.Type = TypeCode(r.Uint16())
	if v.Type.HasTypeNames() {
		v.Owner = r.String("SQ_BIND owner name")
		v.TypeName = r.String("SQ_BIND type name")
	}
	v.Indicator = r.Int16()
	v.Prec = r.Int16()
	switch v.Indicator {
	case IndicatorValue:
		v.Data = readBindData(r, v.Type)
		if len(v.Data)%2 == 1 {
			r.Skip(1)
		}
	case IndicatorNull, IndicatorDefault:
	default:
		r.Failf("SQ_BIND indicator %d is none of 0 (value), -1 (NULL), -2 (default); whether value bytes follow it is not known", v.Indicator)
	}
}

// bindFraming returns how the value bytes of type t are framed in SQ_BIND:
// either a fixed byte count, or the width of a length prefix (2 for u16,
// 4 for i32) that counts the bytes after it. ok is false for a
// type code with no known framing. Flags in the high byte do not change the
// framing (a distinct type travels as its source type; TYPES.md §1.2).
//
// This is the table of docs/protocol.md, "Bind value framing"; its evidence:
// CHAR/NCHAR, DECIMAL/MONEY/DATETIME/INTERVAL, INTEGER/SERIAL/DATE,
// FLOAT/BIGINT/BIGSERIAL and BYTE/TEXT [R: S1 live]; LVARCHAR and BOOLEAN
// with an i32 length [J: IBM JDBC 15.0.0.1.1's binds,
// conformance/testdata/jdbc/types.golden]; SMALLINT, SMALLFLOAT and
// INT8/SERIAL8 [J] likewise.
//
// VARCHAR and NVARCHAR take CHAR's u16 length, as NCHAR does [J: JDBC
// binds setInt, setLong, setBigDecimal, setDouble and setTimestamp on a
// parameter described as VARCHAR, NVARCHAR or NCHAR as its text, type 13,
// 16 or 15, u16 length and pad; conformance/testdata/jdbc/
// varchar_params.golden]. SQLI.md §6.7 gives VARCHAR a u8 length from S2's
// encoder, never run live; IBM's own client does not send it.
//
// UDTVAR and UDTFIXED take the i32 length of LVARCHAR and BOOLEAN, their
// catalog spellings (TYPES.md §1.1), and of the UDT values of SQ_FPROUTINE
// (SQLI.md §6.20) [I]. Open question (SQLI.md §3.6, §6.21): feature 70
// grows the TEXT/BYTE descriptor of a row from 56 to 68 bytes; whether a
// bound descriptor grows too is not known, and S1 binds 56 bytes live, so
// 56 is used whatever the features.
func bindFraming(t TypeCode) (fixed, prefix int, ok bool) {
	switch t.Base() {
	case TypeChar, TypeNChar, TypeVarChar, TypeNVarChar, TypeDecimal, TypeMoney, TypeDateTime, TypeInterval:
		return 0, 2, true
	case TypeUDTVar, TypeUDTFixed, TypeLVarChar, TypeBoolean:
		return 0, 4, true
	case TypeSmallInt:
		return 2, 0, true
	case TypeInteger, TypeSerial, TypeDate, TypeSmallFloat:
		return 4, 0, true
	case TypeFloat, TypeBigInt, TypeBigSerial:
		return 8, 0, true
	case TypeInt8, TypeSerial8:
		return Int8Size, 0, true
	case TypeByte, TypeText:
		return blobDescriptorSize, 0, true
	}
	return 0, 0, false
}

// prefixLen decodes a length prefix of width w (2 or 4) from b.
func prefixLen(b []byte, w int) int64 {
	switch w {
	case 2:
		return int64(binary.BigEndian.Uint16(b))
	default:
		return int64(int32(binary.BigEndian.Uint32(b)))
	}
}

// readBindData reads the value bytes of one SQ_BIND value of type t, length
// prefix included and pad excluded, as one slice aliasing the Reader's
// buffer. The declared length is checked against Limits.MaxBindValue before
// anything is read; a fixed width is checked against the same cap.
func readBindData(r *Reader, t TypeCode) []byte {
	fixed, prefix, ok := bindFraming(t)
	if !ok {
		r.Failf("SQ_BIND value of type %v (code %d): no known value framing for this type code (docs/protocol.md)", t, uint16(t))
		return nil
	}
	limit := r.limits.MaxBindValue
	if fixed > 0 {
		return r.Bytes(int64(fixed), limit, "SQ_BIND value")
	}
	head := r.Peek(prefix)
	if head == nil {
		return nil
	}
	n := prefixLen(head, prefix)
	if !r.checkLen(n, limit, "SQ_BIND value length") {
		return nil
	}
	return r.Bytes(int64(prefix)+n, limit+prefix, "SQ_BIND value")
}

// checkBindData reports whether data is a well-framed value of type t, so
// that the encoder never sends bytes the server would read with another
// length (which would desynchronise the stream).
func checkBindData(t TypeCode, data []byte) error {
	fixed, prefix, ok := bindFraming(t)
	switch {
	case !ok:
		return fmt.Errorf("type %v (code %d) has no known SQ_BIND value framing (docs/protocol.md)", t, uint16(t))
	case fixed > 0 && len(data) != fixed:
		return fmt.Errorf("a %v value is %d bytes, got %d", t, fixed, len(data))
	case fixed > 0:
		return nil
	case len(data) < prefix:
		return fmt.Errorf("a %v value starts with a %d-byte length, got %d bytes in all", t, prefix, len(data))
	}
	if n := prefixLen(data, prefix); n != int64(len(data)-prefix) {
		return fmt.Errorf("the %v value's length prefix says %d bytes, %d follow it", t, n, len(data)-prefix)
	}
	return nil
}
