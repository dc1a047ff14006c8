package ifxtype

import (
	"testing"

	"github.com/go-informix/informix/sqli"
)

// boolType is BOOLEAN as the client-side code with encoded length 1.
var boolType = Type{Code: sqli.TypeBoolean, Length: 1}

// TestBoolFixedRow checks a BOOLEAN in a fixed-layout row: its encoded
// length, 1 or 2 bytes with the value last (TYPES.md §3.3, §5.11; [J+D]
// S3), value byte 01/00 written, 01/00/'t'/'f'/'T'/'F' read, FF NULL.
// Open question 15 of TYPES.md: which value bytes the server sends.
func TestBoolFixedRow(t *testing.T) {
	two := Type{Code: sqli.TypeBoolean, Length: 2}
	checkRowVector(t, boolType, false, nil, "01", true)
	checkRowVector(t, boolType, false, nil, "00", false)
	checkRowVector(t, boolType, false, nil, "FF", nil)
	checkRowVector(t, two, false, nil, "00 01", true)
	checkRowVector(t, two, false, nil, "00 FF", nil)
	c := scalarCodec(t, boolType)
	for _, tc := range []struct {
		ty   Type
		hex  string
		want any
	}{
		{boolType, "74", true}, {boolType, "66", false}, {boolType, "54", true}, {boolType, "46", false},
		{two, "00 74", true}, {two, "7A 00", false}, // S3 reads only the last byte of the 2-byte form
	} {
		if v, err := c.DecodeRow(tc.ty, scalarHex(t, tc.hex), false, nil); err != nil || v != tc.want {
			t.Errorf("DecodeRow(%s) = %#v, %v; want %v", tc.hex, v, err, tc.want)
		}
	}
}

// TestBoolSequentialRow checks the "5 + length" form of a sequential row
// (TYPES.md §5.11: expected bytes, computed, unconfirmed; NULL as flag 1
// with length 0, [J+D] S3), for code 45 and for 41 with extended id 5.
func TestBoolSequentialRow(t *testing.T) {
	udt := Type{Code: sqli.TypeUDTFixed, XID: XIDBoolean, Name: "boolean", Length: 1}
	for _, ty := range []Type{boolType, udt} {
		checkRowVector(t, ty, true, nil, "00 00 00 00 01 01", true)
		checkRowVector(t, ty, true, nil, "00 00 00 00 01 00", false)
		checkRowVector(t, ty, true, nil, "01 00 00 00 00", nil)
	}
	c := scalarCodec(t, boolType)
	if v, err := c.DecodeRow(boolType, scalarHex(t, "00 00 00 00 01 74"), true, nil); err != nil || v != true {
		t.Errorf("'t' in the 5 + length form: %#v, %v", v, err)
	}
}

// TestBoolBind checks the bind value, an int32 length 1 and the value byte
// with precision field 1 (confirmed: IBM JDBC 15.0.0.1.1 bind bytes,
// conformance/testdata/jdbc/types.golden, cases 551 and 552). TYPES.md
// §4.1's "one byte 01, precision 0" is wrong.
func TestBoolBind(t *testing.T) {
	checkBindVector(t, sqli.TypeBoolean, nil, "00 00 00 01 01", 1, true)
	checkBindVector(t, sqli.TypeBoolean, nil, "00 00 00 01 00", 1, false)
	c := scalarCodec(t, boolType)
	if v, err := c.DecodeBind(1, scalarHex(t, "00 00 00 01 66"), nil); err != nil || v != false {
		t.Errorf("DecodeBind('f') = %#v, %v", v, err)
	}
	_, err := c.DecodeBind(1, scalarHex(t, "00 00 00 01 ff"), nil)
	requireErrorNaming(t, err, "NULL marker")
	_, _, err = c.AppendBind(nil, nil, nil)
	requireErrorNaming(t, err, "indicator -1")
}

// TestBoolMalformed checks inputs no server sends.
func TestBoolMalformed(t *testing.T) {
	cases := []struct {
		name string
		ty   Type
		seq  bool
		hex  string
	}{
		{"value byte 02", boolType, false, "02"},
		{"value byte 'x'", boolType, false, "78"},
		{"fixed row of 2 bytes for encoded length 1", boolType, false, "00 01"},
		{"fixed row of 0 bytes", boolType, false, ""},
		{"encoded length 3", Type{Code: sqli.TypeBoolean, Length: 3}, false, "00 00 01"},
		{"encoded length 0", Type{Code: sqli.TypeBoolean}, false, ""},
		{"flag byte 2", boolType, true, "02 00 00 00 01 01"},
		{"flag 1 with a value", boolType, true, "01 00 00 00 01 01"},
		{"length 2", boolType, true, "00 00 00 00 02 01 01"},
		{"length 0 with flag 0", boolType, true, "00 00 00 00 00"},
		{"negative length", boolType, true, "00 FF FF FF FF 01"},
		{"length 1 but no value byte", boolType, true, "00 00 00 00 01"},
		{"bad value byte", boolType, true, "00 00 00 00 01 02"},
		{"4 bytes", boolType, true, "00 00 00 00"},
	}
	c := scalarCodec(t, boolType)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := scalarHex(t, tc.hex)
			if v, err := c.DecodeRow(tc.ty, b, tc.seq, nil); err == nil {
				t.Errorf("DecodeRow(% x) = %#v, want an error", b, v)
			}
		})
	}
	// Empty, the bare byte, length 2, no value byte, a bad value byte.
	for _, h := range []string{"", "01", "00 00 00 02 01 01", "00 00 00 01", "00 00 00 01 02"} {
		if _, err := c.DecodeBind(1, scalarHex(t, h), nil); err == nil {
			t.Errorf("DecodeBind(%s) accepted", h)
		}
	}
}

// TestBoolRowSize checks RowSize in both layouts, including inputs that
// claim more bytes than are present.
func TestBoolRowSize(t *testing.T) {
	c := scalarCodec(t, boolType)
	cases := []struct {
		ty   Type
		seq  bool
		hex  string
		want int // -1 for an error
	}{
		{boolType, false, "01 02 03", 1},
		{Type{Code: sqli.TypeBoolean, Length: 2}, false, "00 01", 2},
		{Type{Code: sqli.TypeBoolean, Length: 2}, false, "00", -1},
		{Type{Code: sqli.TypeBoolean, Length: 9}, false, "00 00 00 00 00 00 00 00 00", -1},
		{boolType, true, "00 00 00 00 01 01 FF", 6},
		{boolType, true, "01 00 00 00 00 FF", 5},
		{boolType, true, "00 00 00 00 01", -1},
		{boolType, true, "00 7F FF FF FF 01", -1},
	}
	for _, tc := range cases {
		n, err := c.RowSize(tc.ty, scalarHex(t, tc.hex), tc.seq)
		if (tc.want < 0) != (err != nil) || (err == nil && n != tc.want) {
			t.Errorf("RowSize(%v, %s, seq %v) = %d, %v; want %d", tc.ty.Length, tc.hex, tc.seq, n, err, tc.want)
		}
	}
}

// TestBoolEncodeErrors checks that only bool is accepted.
func TestBoolEncodeErrors(t *testing.T) {
	c := scalarCodec(t, boolType)
	for _, v := range []any{1, "t", 0.0} {
		_, err := c.AppendRow(nil, boolType, v, false, nil)
		requireErrorNaming(t, err, "BOOLEAN", "a bool")
		_, _, err = c.AppendBind(nil, v, nil)
		requireErrorNaming(t, err, "BOOLEAN", "a bool")
	}
	_, err := c.AppendRow(nil, Type{Code: sqli.TypeBoolean, Length: 5}, true, false, nil)
	requireErrorNaming(t, err, "encoded length 5")
}

// TestBoolRoundTrip encodes every value in every form.
func TestBoolRoundTrip(t *testing.T) {
	for _, ty := range []Type{boolType, {Code: sqli.TypeBoolean, Length: 2}} {
		for _, seq := range []bool{false, true} {
			for _, v := range []any{true, false, nil} {
				checkRowRoundTrip(t, ty, seq, nil, v, v)
			}
		}
	}
	checkBindRoundTrip(t, sqli.TypeBoolean, nil, true, true)
	checkBindRoundTrip(t, sqli.TypeBoolean, nil, false, false)
}

// TestBoolReencode checks the FuzzCodecs property for BOOLEAN.
func TestBoolReencode(t *testing.T) {
	r := scalarRand(7)
	seeds := [][]byte{{1}, {0xff}, {0, 't'}, scalarHex(t, "00 00 00 00 01 01"), scalarHex(t, "01 00 00 00 00"),
		scalarHex(t, "00 00 00 01 01")}
	inputs := reencodeInputs(r, seeds)
	for _, length := range []int32{1, 2, 0, 3, -1, int32(r.Uint32())} {
		ty := Type{Code: sqli.TypeBoolean, Length: length}
		for _, b := range inputs {
			checkReencode(t, ty, b, false, nil)
			checkReencode(t, ty, b, true, nil)
		}
	}
	for _, b := range inputs {
		checkBindReencode(t, sqli.TypeBoolean, b, nil)
	}
}
