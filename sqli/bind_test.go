package sqli

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// framedValues holds one non-NULL value of every type code in the framing
// table of docs/protocol.md, each framed by hand from that table (length
// prefix included, pad excluded).
var framedValues = []BindValue{
	{Type: TypeChar, Data: []byte{0, 3, 'a', 'b', 'c'}},
	{Type: TypeNChar, Prec: 4, Data: []byte{0, 4, 'a', 'b', 'c', 'd'}},
	{Type: TypeVarChar, Prec: 0x1e, Data: []byte{0, 3, 'x', 'y', 'z'}},
	{Type: TypeNVarChar, Data: []byte{0, 0}},
	{Type: TypeSmallInt, Data: []byte{0xff, 0xfe}},
	{Type: TypeInteger, Prec: 0x0a00, Data: []byte{0, 0, 0, 42}},
	{Type: TypeSerial, Data: []byte{0, 0, 1, 0}},
	{Type: TypeDate, Data: []byte{0, 0, 0xb4, 0x41}},
	{Type: TypeSmallFloat, Data: []byte{0x3f, 0xc0, 0, 0}},
	{Type: TypeFloat, Data: []byte{0x3f, 0xf8, 0, 0, 0, 0, 0, 0}},
	{Type: TypeBigInt, Prec: 0x1300, Data: []byte{0, 0, 1, 0, 0, 0, 0, 0}},
	{Type: TypeBigSerial, Data: []byte{0, 0, 0, 0, 0, 0, 0, 9}},
	{Type: TypeDecimal, Prec: 2, Data: []byte{0, 4, 0xc2, 0x0c, 0x22, 0x38}},
	{Type: TypeMoney, Prec: 2, Data: []byte{0, 3, 0xc1, 0x05, 0x32}},
	{Type: TypeDateTime, Prec: 0x0e0a, Data: []byte{0, 8, 0xc7, 0x14, 0x1a, 0x05, 0x04, 0x0c, 0x22, 0x38}},
	{Type: TypeInterval, Prec: 0x144f, Data: []byte{0, 2, 0xc1, 0x01}},
	{Type: TypeInt8, Data: []byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0}},
	{Type: TypeSerial8, Data: []byte{0xff, 0xff, 0, 0, 0, 5, 0, 0, 0, 0}},
	{Type: TypeBoolean, Prec: 1, Data: []byte{0, 0, 0, 1, 1}},
	{Type: TypeUDTVar, Owner: "informix", TypeName: "json", Data: []byte{0, 0, 0, 2, '{', '}'}},
	{Type: TypeUDTFixed, Owner: "informix", TypeName: "boolean", Data: []byte{0, 0, 0, 1, 't'}},
	{Type: TypeLVarChar, Data: []byte{0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'}},
	{Type: TypeByte, Data: make([]byte, 56)},
	{Type: TypeText, Data: textDescriptor(9)},
	{Type: TypeInteger | FlagNotNull, Data: []byte{0, 0, 0, 1}},
}

var _ = addClientSamples(
	&Bind{Values: framedValues},
	&Bind{Values: []BindValue{
		{Type: TypeInteger, Indicator: IndicatorNull},
		{Type: TypeLVarChar, Owner: "informix", TypeName: "lvarchar", Indicator: IndicatorDefault},
		{Type: TypeChar, Data: []byte{0, 5, 'h', 'e', 'l', 'l', 'o'}},
	}},
)

// textDescriptor returns a 56-byte TEXT descriptor whose tb_size (offset
// 16, TYPES.md §5.12) is size, all other fields zero.
func textDescriptor(size byte) []byte {
	d := make([]byte, 56)
	d[19] = size
	return d
}

func TestBindRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			for _, v := range framedValues {
				t.Run(v.Type.String(), func(t *testing.T) {
					roundTrip(t, &Bind{Values: []BindValue{v}}, f)
				})
			}
			roundTrip(t, &Bind{Values: framedValues}, f)
			roundTrip(t, &Bind{}, f)
		})
	}
}

// TestBindNullAndDefault checks that NULL and column-default values carry
// no value bytes, whatever their type: a value is i16 type, [names],
// i16 indicator, i16 prec and nothing more (SQLI.md §6.7; TYPES.md §4).
func TestBindNullAndDefault(t *testing.T) {
	cases := []struct {
		v    BindValue
		size int // bytes of the value: 2+2+2, plus 2+2 for two empty CHARs
	}{
		{BindValue{Type: TypeInteger, Indicator: IndicatorNull}, 6},
		{BindValue{Type: TypeChar, Indicator: IndicatorDefault}, 6},
		{BindValue{Type: TypeNull, Indicator: IndicatorNull}, 6},
		{BindValue{Type: TypeLVarChar, Indicator: IndicatorNull}, 10},
		{BindValue{Type: TypeDecimal, Prec: 2, Indicator: IndicatorDefault}, 6},
		{BindValue{Type: TypeBoolean, Indicator: IndicatorNull}, 10},
	}
	for _, c := range cases {
		m := &Bind{Values: []BindValue{c.v}}
		for name, f := range featureSets {
			if b := roundTrip(t, m, f); len(b) != 4+c.size {
				t.Errorf("%s %v indicator %d: %d bytes, want %d", name, c.v.Type, c.v.Indicator, len(b), 4+c.size)
			}
		}
	}
}

// TestBindGroupExamples checks the two request groups SQLI.md builds with a
// bind ("our construction", so computed, unconfirmed): the INSERT of §7.3
// (statement 1, values 42 and "hello") and the open with one INTEGER bind
// (99) of §7.2.
func TestBindGroupExamples(t *testing.T) {
	cases := []struct {
		name string
		msgs []Message
		hex  string
	}{
		{"§7.3 INSERT, computed, unconfirmed", []Message{
			&ID{StatementID: 1},
			&Bind{Values: []BindValue{
				{Type: TypeInteger, Prec: 0x0a00, Data: []byte{0, 0, 0, 0x2a}},
				{Type: TypeChar, Data: []byte{0, 5, 'h', 'e', 'l', 'l', 'o'}},
			}},
			&Execute{}, &EOT{},
		}, `00 04 00 01 00 05 00 02 00 02 00 00 0a 00 00 00 00 2a 00 00 00 00 00 00
			00 05 68 65 6c 6c 6f 00 00 07 00 0c`},
		{"§7.2 open with one INTEGER bind, computed, unconfirmed", []Message{
			&ID{StatementID: 0},
			&CurName{Name: "_ifxc0000000000001"},
			&Bind{Values: []BindValue{{Type: TypeInteger, Prec: 0x0a00, Data: []byte{0, 0, 0, 0x63}}}},
			&Open{}, &EOT{},
		}, `00 04 00 00 00 03 00 12 5f 69 66 78 63 30 30 30 30 30 30 30 30 30 30 30 30
			31 00 05 00 01 00 02 00 00 0a 00 00 00 00 63 00 06 00 0c`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := unhex(t, c.hex)
			var got []byte
			for _, m := range c.msgs {
				got = append(got, mustEncode(t, m, Features{})...)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("group\n got % x\nwant % x", got, want)
			}
			d := NewClientDecoder(NewBytesReader(want))
			for i, m := range c.msgs {
				dm, err := d.Next()
				if err != nil || !reflect.DeepEqual(normalize(dm), normalize(m)) {
					t.Fatalf("message %d decoded as %#v, %v; want %#v", i, dm, err, m)
				}
			}
		})
	}
}

// TestBindTypesExamples checks the one-value examples of TYPES.md §4.1
// (computed, unconfirmed: shapes [D] S1, prec values partly inferred). Each
// hex string is one value; a one-value SQ_BIND is 00 05 00 01 before it.
// TYPES.md's "BOOLEAN true 00 2D 00 00 00 00 01 00" is left out: it is
// wrong, and TestBindJDBCVectors has the bytes JDBC sends.
func TestBindTypesExamples(t *testing.T) {
	cases := []struct {
		name string
		v    BindValue
		hex  string
	}{
		{"INTEGER 42", BindValue{Type: TypeInteger, Prec: 0x0a00, Data: []byte{0, 0, 0, 0x2a}},
			"00 02 00 00 0A 00 00 00 00 2A"},
		{"INTEGER NULL", BindValue{Type: TypeInteger, Indicator: IndicatorNull}, "00 02 FF FF 00 00"},
		{"BIGINT 2^40", BindValue{Type: TypeBigInt, Prec: 0x1300, Data: []byte{0, 0, 1, 0, 0, 0, 0, 0}},
			"00 34 00 00 13 00 00 00 01 00 00 00 00 00"},
		{"FLOAT 1.5", BindValue{Type: TypeFloat, Data: []byte{0x3f, 0xf8, 0, 0, 0, 0, 0, 0}},
			"00 03 00 00 00 00 3F F8 00 00 00 00 00 00"},
		{"CHAR 'abc'", BindValue{Type: TypeChar, Data: []byte{0, 3, 'a', 'b', 'c'}},
			"00 00 00 00 00 00 00 03 61 62 63 00"},
		{"DATE 2026-05-04", BindValue{Type: TypeDate, Data: []byte{0, 0, 0xb4, 0x41}},
			"00 07 00 00 00 00 00 00 B4 41"},
		{"DATETIME YEAR TO SECOND 2026-05-04 12:34:56", BindValue{Type: TypeDateTime, Prec: 0x0e0a,
			Data: []byte{0, 8, 0xc7, 0x14, 0x1a, 0x05, 0x04, 0x0c, 0x22, 0x38}},
			"00 0A 00 00 0E 0A 00 08 C7 14 1A 05 04 0C 22 38"},
		{"DECIMAL 1234.56", BindValue{Type: TypeDecimal, Prec: 2, Data: []byte{0, 4, 0xc2, 0x0c, 0x22, 0x38}},
			"00 05 00 00 00 02 00 04 C2 0C 22 38"},
		{"INTERVAL DAY(9) TO FRACTION(5) 1 02:03:04.5", BindValue{Type: TypeInterval, Prec: 0x144f,
			Data: []byte{0, 0x0c, 0xc4, 0x01, 0x02, 0x03, 0x04, 0x32, 0, 0, 0, 0, 0, 0}},
			"00 0E 00 00 14 4F 00 0C C4 01 02 03 04 32 00 00 00 00 00 00"},
	}
	for _, c := range cases {
		t.Run(c.name+", computed, unconfirmed", func(t *testing.T) {
			want := unhex(t, c.hex)
			m := &Bind{Values: []BindValue{c.v}}
			if got := mustEncode(t, m, Features{}); !bytes.Equal(got[4:], want) {
				t.Fatalf("value\n got % x\nwant % x", got[4:], want)
			}
			got := decodeAll(t, append([]byte{0, 5, 0, 1}, want...), m, Features{})
			if !reflect.DeepEqual(normalize(got), normalize(m)) {
				t.Fatalf("decoded %#v, want %#v", got, m)
			}
		})
	}
}

// TestBindJDBCVectors decodes and re-encodes whole SQ_BIND messages IBM
// JDBC 15.0.0.1.1 sent to ifxtest in the types scenario (confirmed: IBM
// JDBC 15.0.0.1.1 bind bytes, conformance/testdata/jdbc/types.golden).
// Each binds the INTEGER case id, then the value.
func TestBindJDBCVectors(t *testing.T) {
	cases := []struct {
		name string
		hex  string
		v    BindValue
	}{
		{"BOOLEAN true: 45, two empty CHARs, precision 1, i32 1, 01, pad",
			"00 05 00 02  00 02 00 00 0a 00 00 00 02 27  00 2d 00 00 00 00 00 00 00 01 00 00 00 01 01 00",
			BindValue{Type: TypeBoolean, Prec: 1, Data: []byte{0, 0, 0, 1, 1}}},
		{"BOOLEAN false",
			"00 05 00 02  00 02 00 00 0a 00 00 00 02 28  00 2d 00 00 00 00 00 00 00 01 00 00 00 01 00 00",
			BindValue{Type: TypeBoolean, Prec: 1, Data: []byte{0, 0, 0, 1, 0}}},
		{"BOOLEAN NULL: names, no value bytes",
			"00 05 00 02  00 02 00 00 0a 00 00 00 02 29  00 2d 00 00 00 00 ff ff 00 00",
			BindValue{Type: TypeBoolean, Indicator: IndicatorNull}},
		{"LVARCHAR 'x': 43, two empty CHARs, i32 1, x, pad",
			"00 05 00 02  00 02 00 00 0a 00 00 00 02 1e  00 2b 00 00 00 00 00 00 00 00 00 00 00 01 78 00",
			BindValue{Type: TypeLVarChar, Data: []byte{0, 0, 0, 1, 'x'}}},
		{"SMALLINT 32767, precision 05 00",
			"00 05 00 02  00 02 00 00 0a 00 00 00 00 65  00 01 00 00 05 00 7f ff",
			BindValue{Type: TypeSmallInt, Prec: 0x0500, Data: []byte{0x7f, 0xff}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wire := unhex(t, c.hex)
			id := BindValue{Type: TypeInteger, Prec: 0x0a00, Data: wire[10:14]}
			want := &Bind{Values: []BindValue{id, c.v}}
			if got := decodeAll(t, wire, &Bind{}, Features{}); !reflect.DeepEqual(normalize(got), normalize(want)) {
				t.Fatalf("decoded %#v, want %#v", got, want)
			}
			if got := mustEncode(t, want, Features{}); !bytes.Equal(got, wire) {
				t.Fatalf("encoded % x, want % x", got, wire)
			}
		})
	}
}

// TestBindJDBCVarChar decodes and re-encodes whole SQ_BIND messages IBM
// JDBC 15.0.0.1.1 sent for parameters described as VARCHAR(30),
// NVARCHAR(30), NCHAR(30) and LVARCHAR(100) (confirmed: IBM JDBC
// 15.0.0.1.1 bind bytes, conformance/testdata/jdbc/varchar_params.golden):
// a number set on a VARCHAR, NVARCHAR or NCHAR parameter goes as its text,
// type 13, 16 or 15, with CHAR's u16 length and pad and the precision field
// 30 (the described maximum) or 0; on the LVARCHAR parameter as 43 with
// its i32 length and precision 100.
func TestBindJDBCVarChar(t *testing.T) {
	text := func(code TypeCode, prec int16, s string) BindValue {
		return BindValue{Type: code, Prec: prec, Data: append([]byte{0, byte(len(s))}, s...)}
	}
	id := func(n byte) BindValue { return BindValue{Type: TypeInteger, Prec: 0x0a00, Data: []byte{0, 0, 0, n}} }
	cases := []struct {
		name string
		hex  string
		want []BindValue
	}{
		{"WHERE v = ? with setInt(100): 13, precision 30, u16 3, 100, pad",
			"00 05 00 01  00 0d 00 00 00 1e 00 03 31 30 30 00",
			[]BindValue{text(TypeVarChar, 0x1e, "100")}},
		{"INSERT id 1, then setInt(100) on VARCHAR, NVARCHAR, NCHAR and LVARCHAR",
			`00 05 00 05  00 02 00 00 0a 00 00 00 00 01  00 0d 00 00 00 1e 00 03 31 30 30 00
			00 10 00 00 00 1e 00 03 31 30 30 00  00 0f 00 00 00 1e 00 03 31 30 30 00
			00 2b 00 00 00 00 00 00 00 64 00 00 00 03 31 30 30 00`,
			[]BindValue{id(1), text(TypeVarChar, 0x1e, "100"), text(TypeNVarChar, 0x1e, "100"),
				text(TypeNChar, 0x1e, "100"), {Type: TypeLVarChar, Prec: 100, Data: []byte{0, 0, 0, 3, '1', '0', '0'}}}},
		{"INSERT id 3, then setBigDecimal(-123.45): precision 0, u16 7, pad; LVARCHAR gets DECIMAL",
			`00 05 00 05  00 02 00 00 0a 00 00 00 00 03  00 0d 00 00 00 00 00 07 2d 31 32 33 2e 34 35 00
			00 10 00 00 00 00 00 07 2d 31 32 33 2e 34 35 00  00 0f 00 00 00 00 00 07 2d 31 32 33 2e 34 35 00
			00 05 00 00 00 02 00 04 3d 62 4c 37`,
			[]BindValue{id(3), text(TypeVarChar, 0, "-123.45"), text(TypeNVarChar, 0, "-123.45"),
				text(TypeNChar, 0, "-123.45"), {Type: TypeDecimal, Prec: 2, Data: []byte{0, 4, 0x3d, 0x62, 0x4c, 0x37}}}},
		{"INSERT id 7, then setNull(VARCHAR): 13, 16, 15 and 43 with indicator -1",
			`00 05 00 05  00 02 00 00 0a 00 00 00 00 07  00 0d ff ff 00 00  00 10 ff ff 00 00  00 0f ff ff 00 00
			00 2b 00 00 00 00 ff ff 00 00`,
			[]BindValue{id(7), {Type: TypeVarChar, Indicator: IndicatorNull}, {Type: TypeNVarChar, Indicator: IndicatorNull},
				{Type: TypeNChar, Indicator: IndicatorNull}, {Type: TypeLVarChar, Indicator: IndicatorNull}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wire := unhex(t, c.hex)
			want := &Bind{Values: c.want}
			if got := decodeAll(t, wire, &Bind{}, Features{}); !reflect.DeepEqual(normalize(got), normalize(want)) {
				t.Fatalf("decoded %#v, want %#v", got, want)
			}
			if got := mustEncode(t, want, Features{}); !bytes.Equal(got, wire) {
				t.Fatalf("encoded % x, want % x", got, wire)
			}
		})
	}
}

func TestBindEncodeRefuses(t *testing.T) {
	cases := []struct {
		name, wantErr string
		v             BindValue
	}{
		{"unknown type code", "no known SQ_BIND value framing", BindValue{Type: TypeSet, Owner: "o", Data: []byte{1, 2}}},
		{"NULL type with a value", "no known SQ_BIND value framing", BindValue{Type: TypeNull, Data: []byte{0, 0}}},
		{"INTEGER of 3 bytes", "INTEGER value is 4 bytes, got 3", BindValue{Type: TypeInteger, Data: []byte{0, 0, 1}}},
		{"CHAR prefix too long", "length prefix says 4 bytes, 3 follow", BindValue{Type: TypeChar, Data: []byte{0, 4, 'a', 'b', 'c'}}},
		{"CHAR without its prefix", "starts with a 2-byte length, got 1", BindValue{Type: TypeChar, Data: []byte{'a'}}},
		{"VARCHAR of 300 bytes", "length prefix says 44 bytes, 300 follow",
			BindValue{Type: TypeVarChar, Data: append([]byte{0, 44}, make([]byte, 300)...)}},
		{"VARCHAR with a one-byte length", "length prefix says 865 bytes, 2 follow",
			BindValue{Type: TypeVarChar, Data: []byte{3, 'a', 'b', 'c'}}},
		{"NVARCHAR without its prefix", "starts with a 2-byte length, got 1",
			BindValue{Type: TypeNVarChar, Data: []byte{0}}},
		{"LVARCHAR negative prefix", "length prefix says -1 bytes",
			BindValue{Type: TypeLVarChar, Data: []byte{0xff, 0xff, 0xff, 0xff}}},
		{"NULL with data", "indicator -1 carries no value bytes", BindValue{Type: TypeInteger, Indicator: IndicatorNull, Data: []byte{0, 0, 0, 1}}},
		{"default with data", "indicator -2 carries no value bytes", BindValue{Type: TypeInteger, Indicator: IndicatorDefault, Data: []byte{0, 0, 0, 1}}},
		{"unknown indicator", "indicator 1 is none of", BindValue{Type: TypeInteger, Indicator: 1, Data: []byte{0, 0, 0, 1}}},
		{"names on a built-in type", "carries no owner or type name", BindValue{Type: TypeInteger, TypeName: "integer", Data: []byte{0, 0, 0, 1}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := &Bind{Values: []BindValue{{Type: TypeInteger, Data: []byte{0, 0, 0, 1}}, c.v}}
			_, err := Encode(m, Features{})
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), "value 2 of 2") {
				t.Fatalf("err = %v, want one naming value 2 of 2 and containing %q", err, c.wantErr)
			}
		})
	}
	if _, err := Encode(&Bind{Values: make([]BindValue, 1<<15)}, Features{}); err == nil {
		t.Fatal("32768 values encoded into an int16 count")
	}
}

func TestBindDecodeRefuses(t *testing.T) {
	cases := []struct {
		name, wantErr, hex string
		limits             Limits
	}{
		{"unknown type code with a value", "no known value framing", "00 05 00 01 00 09 00 00 00 00 00 00", Limits{}},
		{"unknown indicator", "indicator 5 is none of", "00 05 00 01 00 02 00 05 00 00 00 00 00 01", Limits{}},
		{"CHAR over the value cap", "SQ_BIND value length: length 5 over cap 4",
			"00 05 00 01 00 00 00 00 00 00 00 05 68 65 6c 6c 6f 00", Limits{MaxBindValue: 4}},
		{"VARCHAR over the value cap", "SQ_BIND value length: length 5 over cap 4",
			"00 05 00 01 00 0d 00 00 00 00 00 05 68 65 6c 6c 6f 00", Limits{MaxBindValue: 4}},
		{"NVARCHAR length beyond the message", "value 1 of 1: unexpected EOF",
			"00 05 00 01 00 10 00 00 00 00 00 05 68 65", Limits{}},
		{"LVARCHAR negative length", "negative length -2",
			"00 05 00 01 00 2b 00 00 00 00 00 00 00 00 ff ff ff fe", Limits{}},
		{"BYTE descriptor over the value cap", "SQ_BIND value: length 56 over cap 8",
			"00 05 00 01 00 0b 00 00 00 00" + strings.Repeat(" 00", 56), Limits{MaxBindValue: 8}},
		{"count over cap", "SQ_BIND value count: length 2 over cap 1",
			"00 05 00 02 00 02 ff ff 00 00 00 02 ff ff 00 00", Limits{MaxBindValues: 1}},
		{"negative count", "negative length -1", "00 05 ff ff", Limits{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewBytesReader(unhex(t, c.hex))
			r.SetLimits(c.limits)
			if _, err := r.ReadTag(); err != nil {
				t.Fatal(err)
			}
			err := new(Bind).Decode(r)
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("err = %v, want one containing %q", err, c.wantErr)
			}
		})
	}
}

// TestBindValueLimitError checks that an over-cap value is a *LimitError
// reachable with errors.As through the value-number wrapping.
func TestBindValueLimitError(t *testing.T) {
	wire := mustEncode(t, &Bind{Values: []BindValue{{Type: TypeLVarChar, Data: append([]byte{0, 0, 0, 100}, make([]byte, 100)...)}}}, Features{})
	r := NewBytesReader(wire)
	r.SetLimits(Limits{MaxBindValue: 99})
	if _, err := r.ReadTag(); err != nil {
		t.Fatal(err)
	}
	var le *LimitError
	if err := new(Bind).Decode(r); !errors.As(err, &le) || le.Got != 100 || le.Limit != 99 {
		t.Fatalf("err = %v, want a LimitError for 100 over 99", err)
	}
}

// TestBindDataAliasesBuffer documents the ownership rule: a decoded value's
// Data points into the Reader's buffer, not into a copy.
func TestBindDataAliasesBuffer(t *testing.T) {
	wire := mustEncode(t, &Bind{Values: []BindValue{{Type: TypeInteger, Data: []byte{0, 0, 0, 7}}}}, Features{})
	got := decodeAll(t, wire, &Bind{}, Features{}).(*Bind)
	wire[len(wire)-1] = 8
	if got.Values[0].Data[3] != 8 {
		t.Fatal("Data does not alias the Reader's buffer")
	}
}
