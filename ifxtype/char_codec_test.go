package ifxtype

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// Character types used by the tests.
var (
	char5     = Type{Code: sqli.TypeChar, Length: 5}
	varchar10 = Type{Code: sqli.TypeVarChar, Length: 10}
	lvarchar  = Type{Code: sqli.TypeLVarChar, Length: 2048}
	// lvarcharUDT is LVARCHAR as the catalog spells it: 40 with extended
	// id 1 (TYPES.md §1.1).
	lvarcharUDT = Type{Code: sqli.TypeUDTVar, XID: XIDLVarChar, Name: "lvarchar", Length: 2048}
)

// TestCharVectors checks the CHAR examples of TYPES.md §5.9 (computed,
// unconfirmed; the blank padding is [W/D] S1-g, S5) and the NULL form 00
// and blanks (informix-driver's documentation of a real server's NULL
// CHAR(n); TYPES.md open question 6).
func TestCharVectors(t *testing.T) {
	for _, seq := range []bool{false, true} {
		checkRowVector(t, char5, seq, UTF8, "61 62 20 20 20", "ab   ")
		checkRowVector(t, Type{Code: sqli.TypeNChar, Length: 5}, seq, UTF8, "61 62 20 20 20", "ab   ")
		checkRowVector(t, char5, seq, UTF8, "00 20 20 20 20", nil)
		checkRowVector(t, char5, seq, Latin1, "63 61 66 E9 20", "café ")
	}
	// Encoding pads a shorter value; decoding keeps the blanks.
	checkRowRoundTrip(t, char5, false, UTF8, "ab", "ab   ")
	checkRowRoundTrip(t, char5, false, UTF8, "", "     ")
	// Any value whose first byte is 00 reads as NULL, all zero bytes too.
	c := scalarCodec(t, char5)
	for _, h := range []string{"00 61 62 20 20", "00 00 00 00 00"} {
		if v, err := c.DecodeRow(char5, scalarHex(t, h), false, UTF8); err != nil || v != nil {
			t.Errorf("%s: %#v, %v; want NULL", h, v, err)
		}
	}
}

// TestCharBindVectors checks the CHAR bind example of TYPES.md §4.1
// (`u16 n` + bytes, precision field 0; shape [D] S1, bytes computed,
// unconfirmed).
func TestCharBindVectors(t *testing.T) {
	checkBindVector(t, sqli.TypeChar, UTF8, "00 03 61 62 63", 0, "abc")
	checkBindVector(t, sqli.TypeNChar, UTF8, "00 00", 0, "")
	checkBindVector(t, sqli.TypeChar, UTF8, "00 05 63 61 66 C3 A9", 0, "café")
	// A bind has no NULL marker inside the value: a leading NUL is data.
	checkBindVector(t, sqli.TypeChar, UTF8, "00 02 00 61", 0, "\x00a")
}

// TestVarCharVectors checks the VARCHAR examples of TYPES.md §5.9: 'abc'
// and ” (computed, unconfirmed), NULL 01 00 ([W] S1-h), and 'café' in
// UTF-8 and 8859-1 (computed, unconfirmed).
func TestVarCharVectors(t *testing.T) {
	nv := Type{Code: sqli.TypeNVarChar, Length: 10}
	for _, seq := range []bool{true, false} {
		checkRowVector(t, varchar10, seq, UTF8, "03 61 62 63", "abc")
		checkRowVector(t, varchar10, seq, UTF8, "00", "")
		checkRowVector(t, varchar10, seq, UTF8, "01 00", nil)
		checkRowVector(t, nv, seq, UTF8, "01 00", nil)
		checkRowVector(t, varchar10, seq, UTF8, "05 63 61 66 C3 A9", "café")
		checkRowVector(t, varchar10, seq, Latin1, "04 63 61 66 E9", "café")
	}
	// VARCHAR bind: `u16 n` + bytes, as CHAR, precision field 0 (the
	// framing JDBC sends, TestCharParamBindJDBC; these bytes by hand).
	checkBindVector(t, sqli.TypeVarChar, UTF8, "00 03 61 62 63", 0, "abc")
	checkBindVector(t, sqli.TypeNVarChar, UTF8, "00 00", 0, "")
	checkBindVector(t, sqli.TypeVarChar, UTF8, "00 01 00", 0, "\x00")
	checkBindVector(t, sqli.TypeVarChar, Latin1, "00 04 63 61 66 E9", 0, "café")
}

// TestCharParamBindJDBC holds the VARCHAR, NVARCHAR and NCHAR codecs to
// the values IBM JDBC 15.0.0.1.1 bound to parameters described as
// VARCHAR(30), NVARCHAR(30) and NCHAR(30) (confirmed:
// conformance/testdata/jdbc/varchar_params.golden, setInt(100),
// setBigDecimal(-123.45) and setTimestamp): type 13, 16 or 15 with a u16
// length, as CHAR. JDBC's precision field is 30, the described maximum,
// after setInt and 0 after setBigDecimal or setTimestamp; ifxtype sends 0
// and its decoders ignore the field.
func TestCharParamBindJDBC(t *testing.T) {
	cases := []struct {
		name string
		code sqli.TypeCode
		prec int16
		hex  string
		want string
	}{
		{"VARCHAR setInt(100)", sqli.TypeVarChar, 0x1e, "00 03 31 30 30", "100"},
		{"NVARCHAR setInt(100)", sqli.TypeNVarChar, 0x1e, "00 03 31 30 30", "100"},
		{"NCHAR setInt(100)", sqli.TypeNChar, 0x1e, "00 03 31 30 30", "100"},
		{"VARCHAR setBigDecimal(-123.45)", sqli.TypeVarChar, 0, "00 07 2D 31 32 33 2E 34 35", "-123.45"},
		{"NVARCHAR setTimestamp", sqli.TypeNVarChar, 0,
			"00 15 32 30 32 34 2D 30 32 2D 32 39 20 31 33 3A 34 35 3A 33 30 2E 30", "2024-02-29 13:45:30.0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			codec := scalarCodec(t, Type{Code: c.code})
			b := scalarHex(t, c.hex)
			if got, err := codec.DecodeBind(c.prec, b, Latin1); err != nil || got != c.want {
				t.Errorf("DecodeBind(%#04x, % x) = %#v, %v; want %q", c.prec, b, got, err, c.want)
			}
			prec, enc, err := codec.AppendBind(nil, c.want, Latin1)
			if err != nil || prec != 0 || !bytes.Equal(enc, b) {
				t.Errorf("AppendBind(%q) = %#04x, % x, %v; want 0, % x", c.want, prec, enc, err, b)
			}
		})
	}
}

// TestLVarCharVectors checks 'hello' in the "5 + length" form (TYPES.md
// §5.10, layout [D] S1-k; bytes computed, unconfirmed), NULL 01 00 00 00 00
// ([D] S3), the catalog spelling 40/xid 1, and the bind form `i32 n` +
// bytes (precision field 0; both [I]).
func TestLVarCharVectors(t *testing.T) {
	for _, ty := range []Type{lvarchar, lvarcharUDT} {
		for _, seq := range []bool{true, false} {
			checkRowVector(t, ty, seq, UTF8, "00 00 00 00 05 68 65 6C 6C 6F", "hello")
			checkRowVector(t, ty, seq, UTF8, "01 00 00 00 00", nil)
			checkRowVector(t, ty, seq, UTF8, "00 00 00 00 00", "")
		}
	}
	checkBindVector(t, sqli.TypeLVarChar, UTF8, "00 00 00 05 68 65 6C 6C 6F", 0, "hello")
}

// TestTupleVectors checks the worked rows of TYPES.md §3.4 (framing [W],
// values computed, unconfirmed) through RowLayout, in both directions.
func TestTupleVectors(t *testing.T) {
	integer := Type{Code: sqli.TypeInteger, Length: 4}
	cases := []struct {
		name string
		cols []Type
		hex  string
		vals []any
	}{
		{"42, 'abc'::VARCHAR(10), DATE('2026-05-04') (computed, unconfirmed)",
			[]Type{integer, varchar10, {Code: sqli.TypeDate, Length: 4}},
			"00 00 00 2A 03 61 62 63 00 00 B4 41", []any{int64(42), "abc", midnightUTC(2026, 5, 4)}},
		{"42, 'ab'::VARCHAR(10) (computed, unconfirmed)", []Type{integer, varchar10},
			"00 00 00 2A 02 61 62", []any{int64(42), "ab"}},
		{"NULL SMALLINT, INTEGER, VARCHAR and an empty VARCHAR (computed, unconfirmed)",
			[]Type{{Code: sqli.TypeSmallInt, Length: 2}, integer, varchar10, varchar10},
			"80 00 80 00 00 00 01 00 00", []any{nil, nil, nil, ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cols := make([]Column, len(c.cols))
			for i, ty := range c.cols {
				cols[i] = Column{Name: string(rune('a' + i)), Type: ty}
			}
			l, err := NewRowLayout(cols)
			if err != nil {
				t.Fatal(err)
			}
			b := scalarHex(t, c.hex)
			got := make([]any, len(cols))
			if err := l.Decode(b, got, UTF8); err != nil {
				t.Fatal(err)
			}
			for i := range got {
				if !scalarEqual(got[i], c.vals[i]) {
					t.Errorf("column %d = %#v, want %#v", i+1, got[i], c.vals[i])
				}
			}
			enc, err := l.AppendRow(nil, c.vals, UTF8)
			if err != nil || string(enc) != string(b) {
				t.Errorf("AppendRow = % x, %v; want % x", enc, err, b)
			}
		})
	}
}

// TestCharEncodeErrors checks values the encoders refuse, with error texts
// naming the numbers involved.
func TestCharEncodeErrors(t *testing.T) {
	cases := []struct {
		name  string
		ty    Type
		cs    CodeSet
		v     any
		parts []string
	}{
		{"CHAR(5) given 6 bytes", char5, UTF8, "abcdef", []string{"CHAR(5)", "6 bytes", "maximum of 5"}},
		{"CHAR(5) given 3 characters of 6 bytes", char5, UTF8, "ééé", []string{"6 bytes", "utf8", "maximum of 5"}},
		{"CHAR(5) given trailing blanks beyond 5 bytes", char5, UTF8, "abc   ", []string{"6 bytes"}},
		{"CHAR starting with NUL", char5, UTF8, "\x00ab", []string{"NUL", "NULL"}},
		{"VARCHAR(10) given 11 bytes", varchar10, UTF8, "hello world", []string{"VARCHAR(10)", "11 bytes", "maximum of 10"}},
		{"VARCHAR single NUL", varchar10, UTF8, "\x00", []string{"NULL marker 01 00"}},
		{"LVARCHAR(2048) given 2049 bytes", lvarchar, UTF8, strings.Repeat("x", 2049), []string{"2049 bytes", "maximum of 2048"}},
		{"LVARCHAR given 32740 bytes", Type{Code: sqli.TypeLVarChar}, UTF8, strings.Repeat("x", 32740), []string{"32740 bytes", "maximum of 32739"}},
		{"character outside the code set", varchar10, Latin1, "€", []string{"8859-1", "U+20AC", "byte 0"}},
		{"invalid UTF-8", char5, UTF8, "a\xffb", []string{"invalid UTF-8", "byte 1"}},
		{"not text", varchar10, UTF8, 42, []string{"int", "42", "string or []byte"}},
		{"time is not text", char5, UTF8, time.Time{}, []string{"time.Time"}},
		{"no code set", varchar10, nil, "abc", []string{"no code set"}},
		{"CHAR encoded length 0", Type{Code: sqli.TypeChar}, UTF8, "a", []string{"encoded length 0", "1..32767"}},
		{"CHAR encoded length 40000", Type{Code: sqli.TypeChar, Length: 40000}, UTF8, "a", []string{"40000"}},
		{"VARCHAR maximum 0", Type{Code: sqli.TypeVarChar, Length: 0x1400}, UTF8, "a", []string{"0x1400", "maximum of 0"}},
		{"LVARCHAR encoded length -1", Type{Code: sqli.TypeLVarChar, Length: -1}, UTF8, "a", []string{"-1", "0..32739"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			codec := scalarCodec(t, c.ty)
			for _, seq := range []bool{false, true} {
				dst := []byte("keep")
				got, err := codec.AppendRow(dst, c.ty, c.v, seq, c.cs)
				requireErrorNaming(t, err, c.parts...)
				if string(got) != "keep" {
					t.Errorf("failed AppendRow returned % x, want dst unchanged", got)
				}
			}
		})
	}
}

// TestCharBindErrors checks values the bind encoders refuse.
func TestCharBindErrors(t *testing.T) {
	cases := []struct {
		code  sqli.TypeCode
		v     any
		parts []string
	}{
		{sqli.TypeVarChar, strings.Repeat("x", 256), []string{"256 bytes", "maximum of 255"}},
		{sqli.TypeNVarChar, strings.Repeat("é", 128), []string{"256 bytes", "maximum of 255"}},
		{sqli.TypeChar, strings.Repeat("x", 32768), []string{"32768 bytes", "maximum of 32767"}},
		{sqli.TypeLVarChar, strings.Repeat("x", 32740), []string{"32740 bytes", "maximum of 32739"}},
		{sqli.TypeChar, nil, []string{"indicator -1"}},
		{sqli.TypeLVarChar, 3.5, []string{"float64"}},
	}
	for _, c := range cases {
		_, got, err := scalarCodec(t, Type{Code: c.code}).AppendBind([]byte("keep"), c.v, UTF8)
		requireErrorNaming(t, err, c.parts...)
		if string(got) != "keep" {
			t.Errorf("%v: failed AppendBind returned % x, want dst unchanged", c.code, got)
		}
	}
}

// TestCharMalformedRows checks row bytes no server sends.
func TestCharMalformedRows(t *testing.T) {
	cases := []struct {
		name string
		ty   Type
		hex  string
	}{
		{"CHAR(5) of 4 bytes", char5, "61 62 20 20"},
		{"CHAR(5) of 6 bytes", char5, "61 62 20 20 20 20"},
		{"CHAR with invalid UTF-8", char5, "61 FF 20 20 20"},
		{"CHAR encoded length 0", Type{Code: sqli.TypeChar}, ""},
		{"VARCHAR length byte beyond the data", varchar10, "05 61 62"},
		{"VARCHAR data beyond the length byte", varchar10, "01 61 62"},
		{"VARCHAR(10) value of 11 bytes", varchar10, "0B 61 61 61 61 61 61 61 61 61 61 61"},
		{"VARCHAR empty", varchar10, ""},
		{"VARCHAR maximum 0", Type{Code: sqli.TypeVarChar, Length: 0x0A00}, "00"},
		{"VARCHAR with invalid UTF-8", varchar10, "02 C3 28"},
		{"LVARCHAR 4 bytes", lvarchar, "00 00 00 00"},
		{"LVARCHAR flag 2", lvarchar, "02 00 00 00 00"},
		{"LVARCHAR flag 1 with a length", lvarchar, "01 00 00 00 01 61"},
		{"LVARCHAR negative length", lvarchar, "00 FF FF FF FF"},
		{"LVARCHAR length beyond the data", lvarchar, "00 00 00 00 03 61"},
		{"LVARCHAR(3) value of 4 bytes", Type{Code: sqli.TypeLVarChar, Length: 3}, "00 00 00 00 04 61 61 61 61"},
		{"LVARCHAR encoded length 40000", Type{Code: sqli.TypeLVarChar, Length: 40000}, "00 00 00 00 00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			codec := scalarCodec(t, c.ty)
			b := scalarHex(t, c.hex)
			for _, seq := range []bool{false, true} {
				if v, err := codec.DecodeRow(c.ty, b, seq, UTF8); err == nil {
					t.Errorf("DecodeRow(% x, seq %v) = %#v, want an error", b, seq, v)
				}
			}
		})
	}
}

// TestCharMalformedBinds checks bind bytes no client sends.
func TestCharMalformedBinds(t *testing.T) {
	cases := []struct {
		name string
		code sqli.TypeCode
		hex  string
	}{
		{"CHAR one byte", sqli.TypeChar, "00"},
		{"CHAR length beyond the data", sqli.TypeChar, "00 04 61 62 63"},
		{"CHAR data beyond the length", sqli.TypeNChar, "00 02 61 62 63"},
		{"CHAR length over 32767", sqli.TypeChar, "80 00"},
		{"VARCHAR empty", sqli.TypeVarChar, ""},
		{"VARCHAR one byte", sqli.TypeVarChar, "00"},
		{"VARCHAR length beyond the data", sqli.TypeNVarChar, "00 03 61"},
		{"VARCHAR data beyond the length", sqli.TypeVarChar, "00 01 61 62"},
		{"VARCHAR the old u8 framing", sqli.TypeVarChar, "03 61 62 63"},
		{"VARCHAR length over 255", sqli.TypeVarChar, "01 00" + strings.Repeat(" 61", 256)},
		{"NVARCHAR invalid UTF-8", sqli.TypeNVarChar, "00 02 C3 28"},
		{"LVARCHAR three bytes", sqli.TypeLVarChar, "00 00 00"},
		{"LVARCHAR negative length", sqli.TypeLVarChar, "FF FF FF FF"},
		{"LVARCHAR length over 32739", sqli.TypeLVarChar, "00 00 7F E4"},
		{"LVARCHAR invalid UTF-8", sqli.TypeLVarChar, "00 00 00 01 FF"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := scalarHex(t, c.hex)
			if v, err := scalarCodec(t, Type{Code: c.code}).DecodeBind(0, b, UTF8); err == nil {
				t.Errorf("DecodeBind(% x) = %#v, want an error", b, v)
			}
		})
	}
}

// TestCharRowSize checks that RowSize follows the length fields and never
// reports more bytes than are present.
func TestCharRowSize(t *testing.T) {
	cases := []struct {
		name string
		ty   Type
		hex  string
		want int // -1 for an error
	}{
		{"CHAR(5)", char5, "61 62 20 20 20 99", 5},
		{"CHAR(5) short", char5, "61 62 20 20", -1},
		{"VARCHAR", varchar10, "03 61 62 63 99", 4},
		{"VARCHAR NULL", varchar10, "01 00 99", 2},
		{"VARCHAR length beyond the row", varchar10, "05 61", -1},
		{"VARCHAR nothing left", varchar10, "", -1},
		{"LVARCHAR", lvarchar, "00 00 00 00 02 61 62 99", 7},
		{"LVARCHAR NULL", lvarchar, "01 00 00 00 00", 5},
		{"LVARCHAR length beyond the row", lvarchar, "00 00 00 00 09 61", -1},
		{"LVARCHAR huge length", lvarchar, "00 7F FF FF FF", -1},
		{"LVARCHAR negative length", lvarchar, "00 80 00 00 00", -1},
		{"LVARCHAR 4 bytes", lvarchar, "00 00 00 00", -1},
	}
	for _, c := range cases {
		n, err := scalarCodec(t, c.ty).RowSize(c.ty, scalarHex(t, c.hex), true)
		if (c.want < 0) != (err != nil) || (err == nil && n != c.want) {
			t.Errorf("%s: RowSize = %d, %v; want %d", c.name, n, err, c.want)
		}
	}
}

// charTypes lists a type of each character codec, with its capacity in
// bytes, for the random tests.
var charTypes = []struct {
	ty    Type
	limit int
}{
	{Type{Code: sqli.TypeChar, Length: 40}, 40},
	{Type{Code: sqli.TypeNChar, Length: 1}, 1},
	{Type{Code: sqli.TypeVarChar, Length: 255}, 255},
	{Type{Code: sqli.TypeNVarChar, Length: 0x0520}, 32}, // NVARCHAR(32,5)
	{Type{Code: sqli.TypeLVarChar}, 32739},
	{lvarcharUDT, 2048},
}

// scalarRandomText returns random text of at most limit bytes in UTF-8, mixing
// 1-, 2-, 3- and 4-byte characters.
func scalarRandomText(r interface{ IntN(int) int }, limit int) string {
	pool := []string{"a", "Z", " ", "é", "ß", "€", "日", "😀", "𝄞"}
	var sb strings.Builder
	for n := r.IntN(limit + 1); ; {
		c := pool[r.IntN(len(pool))]
		if sb.Len()+len(c) > n {
			return sb.String()
		}
		sb.WriteString(c)
	}
}

// TestCharRoundTripRandom encodes random text with 2- and 4-byte UTF-8 and
// the boundaries (empty, exactly full: 255-byte VARCHAR, 32 739-byte
// LVARCHAR) in every character type, in rows of both layouts and in binds.
func TestCharRoundTripRandom(t *testing.T) {
	r := scalarRand(9)
	for _, ct := range charTypes {
		vals := []string{"", strings.Repeat("x", ct.limit), "é", "😀"}
		if ct.limit >= 4 {
			vals = append(vals, strings.Repeat("x", ct.limit-4)+"😀", strings.Repeat("é", ct.limit/2))
		}
		for range 100 {
			vals = append(vals, scalarRandomText(r, min(ct.limit, 600)))
		}
		for _, v := range vals {
			if len(v) > ct.limit {
				continue // "é"/"😀" in NCHAR(1)
			}
			want := v
			if ct.ty.Base() == sqli.TypeChar || ct.ty.Base() == sqli.TypeNChar {
				want = v + strings.Repeat(" ", ct.limit-len(v))
			}
			for _, seq := range []bool{false, true} {
				checkRowRoundTrip(t, ct.ty, seq, UTF8, v, want)
			}
			if len(v) <= min(ct.limit, 255) {
				checkBindRoundTrip(t, ct.ty.Base(), UTF8, []byte(v), v)
			}
		}
		checkRowRoundTrip(t, ct.ty, true, UTF8, nil, nil)
	}
	checkBindRoundTrip(t, sqli.TypeLVarChar, UTF8, strings.Repeat("y", 32739), strings.Repeat("y", 32739))
	checkBindRoundTrip(t, sqli.TypeChar, UTF8, strings.Repeat("z", 32767), strings.Repeat("z", 32767))
}

// TestCharReencode checks the FuzzCodecs property for the character codecs,
// with random encoded lengths too, in UTF-8 and Shift-JIS.
func TestCharReencode(t *testing.T) {
	r := scalarRand(10)
	sjis := mustCodeSet(t, "sjis-s")
	for _, ct := range charTypes {
		c := scalarCodec(t, ct.ty)
		var seeds [][]byte
		for _, v := range []any{nil, "", "ab", "é😀"} {
			if b, err := c.AppendRow(nil, ct.ty, v, true, UTF8); err == nil {
				seeds = append(seeds, b)
			}
		}
		inputs := reencodeInputs(r, seeds)
		for _, length := range []int32{ct.ty.Length, 0, 3, 255, -5, int32(r.Uint32())} {
			ty := ct.ty
			ty.Length = length
			for _, b := range inputs {
				for _, cs := range []CodeSet{UTF8, sjis} {
					checkReencode(t, ty, b, false, cs)
					checkReencode(t, ty, b, true, cs)
				}
			}
		}
		for _, b := range inputs {
			checkBindReencode(t, ct.ty.Base(), b, UTF8)
			checkBindReencode(t, ct.ty.Base(), b, sjis)
		}
	}
}
