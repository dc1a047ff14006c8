package ifxtype

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-informix/informix/sqli"
)

// TestCharRawBind: a []byte bind value goes out as it is, in the framing
// of docs/protocol.md's bind table (CHAR/NCHAR and VARCHAR/NVARCHAR
// `u16 n` with precision 0, LVARCHAR `i32 n` with precision 0), whatever
// the code set: bytes invalid in UTF-8 under utf8, 8859-1 bytes under utf8
// and under 8859-1 (where the string "hé" gives the same bytes and under
// utf8 gives C3 A9), and with no code set at all. The expected bytes are
// the input behind the length prefix, by hand.
func TestCharRawBind(t *testing.T) {
	invalid := []byte{0xff, 0xfe, 'A'}
	latin := []byte{'h', 0xe9}
	cases := []struct {
		name string
		code sqli.TypeCode
		cs   CodeSet
		v    any
		prec int16
		want string
	}{
		{"CHAR invalid UTF-8 under utf8", sqli.TypeChar, UTF8, invalid, 0, "00 03 FF FE 41"},
		{"NCHAR invalid UTF-8 under utf8", sqli.TypeNChar, UTF8, invalid, 0, "00 03 FF FE 41"},
		{"VARCHAR invalid UTF-8 under utf8", sqli.TypeVarChar, UTF8, invalid, 0, "00 03 FF FE 41"},
		{"NVARCHAR invalid UTF-8 under utf8", sqli.TypeNVarChar, UTF8, invalid, 0, "00 03 FF FE 41"},
		{"LVARCHAR invalid UTF-8 under utf8", sqli.TypeLVarChar, UTF8, invalid, 0, "00 00 00 03 FF FE 41"},
		{"CHAR 8859-1 bytes under utf8", sqli.TypeChar, UTF8, latin, 0, "00 02 68 E9"},
		{"CHAR 8859-1 bytes under 8859-1", sqli.TypeChar, Latin1, latin, 0, "00 02 68 E9"},
		{"CHAR string hé under 8859-1", sqli.TypeChar, Latin1, "hé", 0, "00 02 68 E9"},
		{"CHAR string hé under utf8", sqli.TypeChar, UTF8, "hé", 0, "00 03 68 C3 A9"},
		{"CHAR bytes, no code set", sqli.TypeChar, nil, latin, 0, "00 02 68 E9"},
		{"VARCHAR empty bytes", sqli.TypeVarChar, UTF8, []byte{}, 0, "00 00"},
		{"CHAR leading NUL is data in a bind", sqli.TypeChar, UTF8, []byte{0, 'a'}, 0, "00 02 00 61"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			prec, got, err := scalarCodec(t, Type{Code: tc.code}).AppendBind([]byte{0x99}, tc.v, tc.cs)
			want := append([]byte{0x99}, scalarHex(t, tc.want)...)
			if err != nil || prec != tc.prec || !bytes.Equal(got, want) {
				t.Errorf("AppendBind = prec %d % X, %v; want prec %d % X", prec, got, err, tc.prec, want)
			}
		})
	}
	if _, _, err := scalarCodec(t, Type{Code: sqli.TypeChar}).AppendBind(nil, "h", nil); err == nil {
		t.Error("a string with no code set encoded; want an error")
	}
}

// TestCharRawRow: a []byte column value is written as it is: CHAR padded
// with blanks to its length, VARCHAR and LVARCHAR behind their length
// fields (TYPES.md §5.9, §5.10), under a code set that could not decode
// the bytes. The NULL markers stay out of reach: a CHAR starting with NUL,
// or a VARCHAR of one NUL, is refused.
func TestCharRawRow(t *testing.T) {
	cases := []struct {
		name string
		typ  Type
		v    []byte
		want string
	}{
		{"CHAR(5)", char5, []byte{0xff, 'a'}, "FF 61 20 20 20"},
		{"VARCHAR(10)", varchar10, []byte{0xff, 'a'}, "02 FF 61"},
		{"LVARCHAR(2048)", lvarchar, []byte{0xff, 'a'}, "00 00 00 00 02 FF 61"},
		{"LVARCHAR as UDT 40", lvarcharUDT, []byte{0xe9}, "00 00 00 00 01 E9"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := scalarCodec(t, tc.typ).AppendRow(nil, tc.typ, tc.v, true, UTF8)
			if err != nil || !bytes.Equal(got, scalarHex(t, tc.want)) {
				t.Errorf("AppendRow = % X, %v; want %s", got, err, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		typ  Type
		v    []byte
		want string
	}{
		{char5, []byte{0, 'a'}, "would read back as NULL"},
		{varchar10, []byte{0}, "NULL marker"},
	} {
		if _, err := scalarCodec(t, tc.typ).AppendRow(nil, tc.typ, tc.v, true, UTF8); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s % X: %v; want an error containing %q", tc.typ.SQLName(), tc.v, err, tc.want)
		}
	}
}

// TestCharRawLimits: raw bytes count against the same limits as converted
// text, and a value one byte over is refused, not cut: CHAR(5), VARCHAR(10)
// and LVARCHAR(2048) columns; CHAR binds up to 32767, VARCHAR binds up to
// 255, LVARCHAR binds up to 32739 bytes (TYPES.md §5.9, §5.10).
func TestCharRawLimits(t *testing.T) {
	rows := []struct {
		typ Type
		max int
	}{{char5, 5}, {varchar10, 10}, {lvarchar, 2048}}
	for _, tc := range rows {
		c := scalarCodec(t, tc.typ)
		if _, err := c.AppendRow(nil, tc.typ, bytes.Repeat([]byte{0xff}, tc.max), true, UTF8); err != nil {
			t.Errorf("%s with %d raw bytes: %v", tc.typ.SQLName(), tc.max, err)
		}
		_, err := c.AppendRow(nil, tc.typ, bytes.Repeat([]byte{0xff}, tc.max+1), true, UTF8)
		if want := "over the maximum of"; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s with %d raw bytes: %v; want an error containing %q", tc.typ.SQLName(), tc.max+1, err, want)
		}
	}
	binds := []struct {
		code sqli.TypeCode
		max  int
	}{{sqli.TypeChar, 32767}, {sqli.TypeVarChar, 255}, {sqli.TypeLVarChar, 32739}}
	for _, tc := range binds {
		c := scalarCodec(t, Type{Code: tc.code})
		if _, _, err := c.AppendBind(nil, bytes.Repeat([]byte{0xe9}, tc.max), Latin1); err != nil {
			t.Errorf("%v bind with %d raw bytes: %v", tc.code, tc.max, err)
		}
		if _, out, err := c.AppendBind(nil, bytes.Repeat([]byte{0xe9}, tc.max+1), Latin1); err == nil || len(out) != 0 {
			t.Errorf("%v bind with %d raw bytes: %d bytes out, %v; want an error and nothing written", tc.code, tc.max+1, len(out), err)
		}
	}
}
