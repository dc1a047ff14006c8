package ifxtype

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// dtHex decodes hex bytes written with spaces, "C7 14 1A".
func dtHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

// dtQual returns DATETIME start TO end and fails the test if it is refused.
func dtQual(t testing.TB, start, end TimeUnit) Qualifier {
	t.Helper()
	q, err := DateTimeQualifier(start, end)
	if err != nil {
		t.Fatalf("DateTimeQualifier(%v, %v): %v", start, end, err)
	}
	return q
}

// dtCodec returns the registered codec of code.
func dtCodec(t testing.TB, code sqli.TypeCode) Codec {
	t.Helper()
	c, err := CodecFor(Type{Code: code})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// dtCol returns a column type of code with qualifier q as encoded length.
func dtCol(code sqli.TypeCode, q Qualifier) Type { return Type{Code: code, Length: int32(q)} }

// dtBindData frames packed bytes as bind data: a u16 length and the bytes.
func dtBindData(b []byte) []byte {
	return append(binary.BigEndian.AppendUint16(nil, uint16(len(b))), b...)
}

// dtRowTrip encodes v as a column of typ in both row layouts, checks the
// width RowSize reports, and requires each decode to equal want. It
// returns the encoding (the same in both layouts).
func dtRowTrip(t *testing.T, c Codec, typ Type, v, want any) []byte {
	t.Helper()
	var first []byte
	for _, seq := range []bool{false, true} {
		b, err := c.AppendRow(nil, typ, v, seq, nil)
		if err != nil {
			t.Fatalf("AppendRow(%s, %v, seq=%v): %v", typ.SQLName(), v, seq, err)
		}
		if n, err := c.RowSize(typ, b, seq); err != nil || n != len(b) {
			t.Fatalf("RowSize(%s) = %d, %v; encoding has %d bytes", typ.SQLName(), n, err, len(b))
		}
		got, err := c.DecodeRow(typ, b, seq, nil)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: %v → % x → %#v, %v; want %#v", typ.SQLName(), v, b, got, err, want)
		}
		if first != nil && !bytes.Equal(first, b) {
			t.Fatalf("%s: layouts differ: % x and % x", typ.SQLName(), first, b)
		}
		first = b
	}
	return first
}

// dtBindTrip binds v, checks the precision and the length prefix, and
// requires DecodeBind to return want. It returns the bind data.
func dtBindTrip(t *testing.T, c Codec, v, want any, wantPrec Qualifier) []byte {
	t.Helper()
	prec, data, err := c.AppendBind([]byte{0xEE}, v, nil)
	if err != nil {
		t.Fatalf("AppendBind(%v): %v", v, err)
	}
	if data[0] != 0xEE {
		t.Fatalf("AppendBind overwrote dst")
	}
	data = data[1:]
	if Qualifier(prec) != wantPrec {
		t.Fatalf("AppendBind(%v) prec = %#04x, want %#04x", v, uint16(prec), uint16(wantPrec))
	}
	if n := int(binary.BigEndian.Uint16(data)); n != len(data)-2 || n != PackedWidth(int32(wantPrec)) {
		t.Fatalf("AppendBind(%v) = % x: length prefix %d, want %d", v, data, n, PackedWidth(int32(wantPrec)))
	}
	got, err := c.DecodeBind(prec, data, nil)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("DecodeBind(%#04x, % x) = %#v, %v; want %#v", uint16(prec), data, got, err, want)
	}
	return data
}

// allDateTimeQualifiers lists every DATETIME qualifier: each start YEAR …
// SECOND with each end from it to FRACTION(5), and FRACTION TO
// FRACTION(1…5).
func allDateTimeQualifiers(t testing.TB) []Qualifier {
	t.Helper()
	units := []TimeUnit{UnitYear, UnitMonth, UnitDay, UnitHour, UnitMinute, UnitSecond,
		UnitFraction1, UnitFraction2, UnitFraction3, UnitFraction4, UnitFraction5}
	var out []Qualifier
	for i, start := range units[:6] {
		for _, end := range units[i:] {
			out = append(out, dtQual(t, start, end))
		}
	}
	for _, end := range units[6:] {
		out = append(out, dtQual(t, UnitFraction, end))
	}
	// 11 + 10 + 9 + 8 + 7 + 6 qualifiers start at YEAR … SECOND, 5 at FRACTION.
	if len(out) != 56 {
		t.Fatalf("%d DATETIME qualifiers, want 56", len(out))
	}
	return out
}

// TestDateTimeVectors checks every row of TYPES.md §5.7's DATETIME table
// in both directions, with the decimal point after SECOND and no
// normalization, the form IBM JDBC 15.0.0.1.1 writes and reads
// (conformance/testdata/jdbc/types.golden) and informix-driver's
// fixed-position reader expects. Where TYPES.md's bytes hold, its vector is
// kept ("TYPES.md, computed, unconfirmed"); where they are wrong (it puts
// the point after the last field and drops leading zero pairs, for
// qualifiers ending before SECOND and for values with a leading 00 pair),
// the name gives TYPES.md's bytes and the table the corrected ones,
// computed by hand: the exponent counts the pairs left of the point after
// SECOND, and every pair of the qualifier's digits is written. The YEAR TO
// SECOND prefix C7 14 1A 05 04 is [W] S1-b (raw bytes of CURRENT YEAR TO
// SECOND on 2026-05-04 printed by informix-db).
func TestDateTimeVectors(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	const ns = 123450000 // .12345
	cases := []struct {
		name  string
		q     Qualifier // the table's hex column
		start TimeUnit
		end   TimeUnit
		v     DateTime // Qualifier filled in from q
		width int
		hex   string
	}{
		{"YEAR TO SECOND/[W] S1-b prefix, rest TYPES.md, computed, unconfirmed", 0x0E0A, UnitYear, UnitSecond,
			DateTime{2026, 5, 4, 12, 34, 56, 0, 0}, 8, "C7 14 1A 05 04 0C 22 38"},
		{"YEAR TO FRACTION(5)/TYPES.md, computed, unconfirmed", 0x130F, UnitYear, UnitFraction5,
			DateTime{2026, 5, 4, 12, 34, 56, ns, 0}, 11, "C7 14 1A 05 04 0C 22 38 0C 22 32"},
		{"YEAR TO FRACTION(3)/TYPES.md, computed, unconfirmed", 0x110D, UnitYear, UnitFraction3,
			DateTime{2026, 5, 4, 12, 34, 56, 123000000, 0}, 10, "C7 14 1A 05 04 0C 22 38 0C 1E"},
		// Four pairs YYYY MM DD, three implied (HH MM SS): exponent 7.
		{"YEAR TO DAY/TYPES.md's C4 14 1A 05 04 is wrong, corrected by hand", 0x0804, UnitYear, UnitDay,
			DateTime{2026, 5, 4, 0, 0, 0, 0, 0}, 5, "C7 14 1A 05 04"},
		// Two pairs HH MM, one implied (SS): exponent 3.
		{"HOUR TO MINUTE 12:34/TYPES.md's C2 0C 22 is wrong, corrected by hand", 0x0468, UnitHour, UnitMinute,
			DateTime{0, 0, 0, 12, 34, 0, 0, 0}, 3, "C3 0C 22"},
		{"HOUR TO SECOND/TYPES.md, computed, unconfirmed", 0x066A, UnitHour, UnitSecond,
			DateTime{0, 0, 0, 12, 34, 56, 0, 0}, 4, "C3 0C 22 38"},
		{"MONTH TO FRACTION(3)/TYPES.md, computed, unconfirmed", 0x0D2D, UnitMonth, UnitFraction3,
			DateTime{0, 5, 4, 12, 34, 56, 123000000, 0}, 8, "C5 05 04 0C 22 38 0C 1E"},
		{"HOUR TO MINUTE 00:05/TYPES.md's normalized C1 05 00 is wrong, corrected by hand", 0x0468, UnitHour, UnitMinute,
			DateTime{0, 0, 0, 0, 5, 0, 0, 0}, 3, "C3 00 05"},
		// Zero keeps its exponent, as JDBC binds HOUR TO SECOND 00:00:00 (c3 00 00 00).
		{"HOUR TO MINUTE 00:00/TYPES.md's 80 00 00 is wrong, corrected by hand", 0x0468, UnitHour, UnitMinute,
			DateTime{}, 3, "C3 00 00"},
		{"HOUR TO FRACTION(5) 00:00:00.00042/TYPES.md's BF 04 14 00 00 00 00 is wrong, corrected by hand", 0x0B6F, UnitHour, UnitFraction5,
			DateTime{0, 0, 0, 0, 0, 0, 420000, 0}, 7, "C3 00 00 00 00 04 14"},
		{"YEAR TO FRACTION(5) 1999-12-31 23:59:59.99999/TYPES.md, computed, unconfirmed", 0x130F, UnitYear, UnitFraction5,
			DateTime{1999, 12, 31, 23, 59, 59, 999990000, 0}, 11, "C7 13 63 0C 1F 17 3B 3B 63 63 5A"},
		{"YEAR TO SECOND 0001-01-01 00:00:00/TYPES.md's C6 01 01 01 00 00 00 00 is wrong, corrected by hand", 0x0E0A, UnitYear, UnitSecond,
			DateTime{1, 1, 1, 0, 0, 0, 0, 0}, 8, "C7 00 01 01 01 00 00 00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if q := dtQual(t, tc.start, tc.end); q != tc.q {
				t.Fatalf("DateTimeQualifier(%v, %v) = %#04x, TYPES.md says %#04x", tc.start, tc.end, uint16(q), uint16(tc.q))
			}
			want := tc.v
			want.Qualifier = tc.q
			b := dtHex(t, tc.hex)
			if len(b) != tc.width || PackedWidth(int32(tc.q)) != tc.width {
				t.Fatalf("width: vector %d, PackedWidth %d, table %d", len(b), PackedWidth(int32(tc.q)), tc.width)
			}
			if got := dtRowTrip(t, c, dtCol(sqli.TypeDateTime, tc.q), want, want); !bytes.Equal(got, b) {
				t.Fatalf("AppendRow(%v) = % x, want % x", want, got, b)
			}
			if got, err := c.DecodeRow(dtCol(sqli.TypeDateTime, tc.q), b, false, nil); err != nil || got != want {
				t.Fatalf("DecodeRow(% x) = %#v, %v; want %#v", b, got, err, want)
			}
			if got := dtBindTrip(t, c, want, want, tc.q); !bytes.Equal(got[2:], b) {
				t.Fatalf("bind packed bytes % x, want % x", got[2:], b)
			}
		})
	}
}

// TestDateTimeBindExample checks the DATETIME example of TYPES.md §4.1
// (computed, unconfirmed; its prefix C7 14 1A 05 04 is [W] S1-b, the u16
// length [W] S1-c and the precision = qualifier an assumption, TYPES.md
// open question 5). The type, indicator and precision words are framed
// here by hand, as sqli.Bind will.
func TestDateTimeBindExample(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	v := DateTime{2026, 5, 4, 12, 34, 56, 0, 0x0E0A}
	prec, data, err := c.AppendBind(nil, v, nil)
	if err != nil {
		t.Fatal(err)
	}
	msg := []byte{0x00, 0x0A, 0x00, 0x00}
	msg = binary.BigEndian.AppendUint16(msg, uint16(prec))
	msg = append(msg, data...)
	if want := dtHex(t, "00 0A 00 00 0E 0A 00 08 C7 14 1A 05 04 0C 22 38"); !bytes.Equal(msg, want) {
		t.Fatalf("bind = % x, want % x", msg, want)
	}
	if got, err := c.DecodeBind(prec, data, nil); err != nil || got != v {
		t.Fatalf("DecodeBind = %v, %v", got, err)
	}
}

// TestDateTimeJDBCBinds checks the DATETIME binds of the types scenario
// (confirmed: IBM JDBC 15.0.0.1.1 bind bytes,
// conformance/testdata/jdbc/types.golden): DecodeBind reads each as the
// value JDBC bound, and AppendBind of that value gives JDBC's bytes. The
// two setDate binds carry qualifier YEAR TO SECOND with the 11 bytes of
// YEAR TO FRACTION(5), zero-padded; AppendBind sends YEAR TO SECOND's 8,
// the same bytes without the padding.
func TestDateTimeJDBCBinds(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	cases := []struct {
		v    DateTime
		hex  string
		sent int // bytes AppendBind sends: the width of v's qualifier
	}{
		{DateTime{1, 1, 1, 0, 0, 0, 0, 0x0E0A}, "00 0B C7 00 01 01 01 00 00 00 00 00 00", 8},
		{DateTime{9999, 12, 31, 0, 0, 0, 0, 0x0E0A}, "00 0B C7 63 63 0C 1F 00 00 00 00 00 00", 8},
		{DateTime{2026, 5, 4, 12, 34, 0, 0, 0x130F}, "00 0B C7 14 1A 05 04 0C 22 00 00 00 00", 11},
		{DateTime{2026, 5, 4, 12, 34, 56, 0, 0x130F}, "00 0B C7 14 1A 05 04 0C 22 38 00 00 00", 11},
		{DateTime{1899, 12, 31, 23, 59, 59, 0, 0x130F}, "00 0B C7 12 63 0C 1F 17 3B 3B 00 00 00", 11},
		{DateTime{2026, 5, 4, 12, 34, 56, 789000000, 0x130F}, "00 0B C7 14 1A 05 04 0C 22 38 4E 5A 00", 11},
		{DateTime{9999, 12, 31, 23, 59, 59, 999990000, 0x130F}, "00 0B C7 63 63 0C 1F 17 3B 3B 63 63 5A", 11},
		{DateTime{0, 0, 0, 23, 59, 0, 0, 0x066A}, "00 04 C3 17 3B 00", 4},
		{DateTime{0, 0, 0, 0, 0, 0, 0, 0x066A}, "00 04 C3 00 00 00", 4},
		{DateTime{0, 0, 0, 12, 34, 56, 0, 0x066A}, "00 04 C3 0C 22 38", 4},
	}
	for _, tc := range cases {
		data := dtHex(t, tc.hex)
		if got, err := c.DecodeBind(int16(tc.v.Qualifier), data, nil); err != nil || got != tc.v {
			t.Errorf("DecodeBind(%#04x, % x) = %v, %v; want %v", uint16(tc.v.Qualifier), data, got, err, tc.v)
		}
		want := binary.BigEndian.AppendUint16(nil, uint16(tc.sent))
		want = append(want, data[2:2+tc.sent]...)
		prec, got, err := c.AppendBind(nil, tc.v, nil)
		if err != nil || Qualifier(prec) != tc.v.Qualifier || !bytes.Equal(got, want) {
			t.Errorf("AppendBind(%v) = %#04x % x, %v; want % x", tc.v, uint16(prec), got, err, want)
		}
	}
}

// TestDateTimeBindTime checks that a time.Time binds as YEAR TO
// FRACTION(5) (0x130F), cut to 10µs: the §5.7 YEAR TO FRACTION(5) vector
// (computed, unconfirmed) with its u16 length 11.
func TestDateTimeBindTime(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	tm := time.Date(2026, 5, 4, 12, 34, 56, 123456789, time.FixedZone("UTC+3", 3*3600))
	want := DateTime{2026, 5, 4, 12, 34, 56, 123450000, 0x130F}
	data := dtBindTrip(t, c, tm, want, 0x130F)
	if w := dtHex(t, "00 0B C7 14 1A 05 04 0C 22 38 0C 22 32"); !bytes.Equal(data, w) {
		t.Fatalf("bind data % x, want % x", data, w)
	}
}

// TestDateTimeRowTime checks that AppendRow converts a time.Time with the
// column's qualifier, cutting finer fields: 12:34:56.999 as HOUR TO MINUTE
// is 12:34, C3 0C 22 as in the corrected §5.7 vector.
func TestDateTimeRowTime(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	typ := dtCol(sqli.TypeDateTime, 0x0468)
	tm := time.Date(2026, 5, 4, 12, 34, 56, 999000000, time.UTC)
	b := dtRowTrip(t, c, typ, tm, DateTime{0, 0, 0, 12, 34, 0, 0, 0x0468})
	if !bytes.Equal(b, dtHex(t, "C3 0C 22")) {
		t.Fatalf("AppendRow(time) = % x", b)
	}
}

// TestDateTimeNull checks the NULL form: the first two bytes zero
// (TYPES.md §5.7, §6; [J] S3, [D] S1), written as a zero-filled width.
func TestDateTimeNull(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	for _, q := range allDateTimeQualifiers(t) {
		typ := dtCol(sqli.TypeDateTime, q)
		b, err := c.AppendRow(nil, typ, nil, false, nil)
		if err != nil || len(b) != PackedWidth(int32(q)) || !IsNullPacked(b) || bytes.Count(b, []byte{0}) != len(b) {
			t.Fatalf("%s: AppendRow(nil) = % x, %v", typ.SQLName(), b, err)
		}
		if v, err := c.DecodeRow(typ, b, true, nil); v != nil || err != nil {
			t.Fatalf("%s: DecodeRow(NULL) = %v, %v", typ.SQLName(), v, err)
		}
	}
	// 00 00 followed by non-zero bytes is still NULL: only the first two count.
	if v, err := c.DecodeRow(dtCol(sqli.TypeDateTime, 0x0468), []byte{0, 0, 7}, false, nil); v != nil || err != nil {
		t.Fatalf("DecodeRow(00 00 07) = %v, %v", v, err)
	}
}

// TestDateTimeNonNormalized checks that the forms other writers might use
// decode to the same value as the fixed form, and re-encode to it: HOUR TO
// MINUTE 00:05 is C3 00 05 (JDBC's form, every pair written); normalized,
// its leading zero pair dropped and the exponent lowered, it is C2 05 00
// (0·100 + 5·100^1 … the same number); both read as 00:05 (settles TYPES.md
// open question 9 for reading).
func TestDateTimeNonNormalized(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	typ := dtCol(sqli.TypeDateTime, 0x0468)
	want := DateTime{0, 0, 0, 0, 5, 0, 0, 0x0468}
	for _, h := range []string{"C3 00 05", "C2 05 00"} {
		v, err := c.DecodeRow(typ, dtHex(t, h), false, nil)
		if err != nil || v != want {
			t.Fatalf("DecodeRow(%s) = %v, %v", h, v, err)
		}
		if b := dtRowTrip(t, c, typ, v, want); !bytes.Equal(b, dtHex(t, "C3 00 05")) {
			t.Fatalf("re-encoded as % x", b)
		}
	}
}

// TestDateTimeMalformed checks that malformed columns and bind values are
// errors, never values or panics.
func TestDateTimeMalformed(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	ymd := int32(0x0804) // YEAR TO DAY, 5 bytes
	hm := int32(0x0468)  // HOUR TO MINUTE, 3 bytes
	cases := []struct {
		name   string
		length int32
		hex    string
	}{
		// End FRACTION(1) with the digit count of YEAR TO SECOND.
		{"bad qualifier", 0x0E0B, "C7 14 1A 05 04 0C 22 38"},
		// Start unit 3 is no unit.
		{"bad start unit", 0x0434, "C2 0C 22"},
		// A valid qualifier with a bit above the low 16.
		{"length over 16 bits", 0x10468, "C2 0C 22"},
		{"negative length", -1, "C2 0C 22"},
		// 2026-13-04.
		{"month 13", ymd, "C7 14 1A 0D 04"},
		// 2026-02-30.
		{"Feb 30", ymd, "C7 14 1A 02 1E"},
		// 2026 is not a leap year.
		{"Feb 29 of 2026", ymd, "C7 14 1A 02 1D"},
		// 2026-05-00: the last pair is the day.
		{"day 0", ymd, "C7 14 1A 05 00"},
		// 0000-01-01: year 0 is outside 1..9999.
		{"year 0", ymd, "C7 00 00 01 01"},
		// A digit byte above 99.
		{"digit byte 100", ymd, "C7 14 1A 05 64"},
		// 24:00.
		{"hour 24", hm, "C3 18 00"},
		// 12:60.
		{"minute 60", hm, "C3 0C 3C"},
		// Exponent 2 puts 12 34 in the minute pair and the seconds, which
		// HOUR TO MINUTE lacks (TYPES.md's reading of 12:34).
		{"non-zero digit beyond the grid", hm, "C2 0C 22"},
		// YEAR TO MINUTE 2026-05-04 12:34 with the point after MINUTE, as
		// ifxtype wrote it before the oracles: JDBC reads it as 0022-02-05
		// 04:12, dropping the 34; it is refused here.
		{"point after MINUTE", 0x0C08, "C6 14 1A 05 04 0C 22"},
		// Exponent 4 puts 12 left of the hour pair.
		{"exponent above the grid", hm, "C4 0C 22"},
		// The pad digit after FRACTION(3) (12:34:56.123, last pair 31) is not 0.
		{"non-zero pad digit after FRACTION(3)", 0x110D, "C7 14 1A 05 04 0C 22 38 0C 1F"},
		// 12:34 negated (sign bit clear, 100's complement).
		{"negative DATETIME", hm, "3C 57 42"},
		// Negative zero: sign bit clear, no digits.
		{"negative zero", hm, "3C 00 00"},
		// One byte short of YEAR TO DAY's 5.
		{"short", ymd, "C7 14 1A 05"},
		// One byte more than YEAR TO DAY's 5.
		{"long", ymd, "C7 14 1A 05 04 00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			typ := Type{Code: sqli.TypeDateTime, Length: tc.length}
			b := dtHex(t, tc.hex)
			for _, seq := range []bool{false, true} {
				if v, err := c.DecodeRow(typ, b, seq, nil); err == nil {
					t.Fatalf("DecodeRow(% x) = %v, want an error", b, v)
				}
			}
			// A bind value may leave out trailing zero pairs or add them
			// (packedBindBytes); and no bind precision has a length beyond
			// 16 bits.
			if tc.name == "short" || tc.name == "long" || int32(int16(tc.length)) != tc.length {
				return
			}
			if v, err := c.DecodeBind(int16(tc.length), dtBindData(b), nil); err == nil {
				t.Fatalf("DecodeBind(% x) = %v, want an error", b, v)
			}
		})
	}
}

// TestDateTimeRowSizeBadQualifier checks that RowSize and AppendRow refuse
// a length that is no DATETIME qualifier instead of sizing from it.
func TestDateTimeRowSizeBadQualifier(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	for _, length := range []int32{0, 0x0E0B, 0x1468, 0xFFFF, -1, 1 << 20} {
		typ := Type{Code: sqli.TypeDateTime, Length: length}
		if n, err := c.RowSize(typ, make([]byte, 20), true); err == nil {
			t.Errorf("RowSize(length %#x) = %d, want an error", length, n)
		}
		if b, err := c.AppendRow(nil, typ, nil, true, nil); err == nil {
			t.Errorf("AppendRow(length %#x, nil) = % x, want an error", length, b)
		}
	}
}

// TestDateTimeBindMalformed checks bind framing errors: the u16 length
// must match the bytes that follow and lie in 2..17, the precision must be
// a DATETIME qualifier, the packed bytes must not be the NULL form, and
// bytes beyond the qualifier's width must be zero.
func TestDateTimeBindMalformed(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	cases := []struct {
		name string
		prec int16
		hex  string
	}{
		{"empty", 0x0468, ""},
		{"one byte", 0x0468, "00"},
		// Prefix 4, three bytes follow.
		{"prefix over the data", 0x0468, "00 04 C2 0C 22"},
		// Prefix 2, three bytes follow.
		{"prefix under the data", 0x0468, "00 02 C2 0C 22"},
		// HOUR TO MINUTE takes 3 bytes; the fourth is not zero.
		{"longer than the width, not zero", 0x0468, "00 04 C3 0C 22 01"},
		{"over 17 bytes", 0x0468, "00 12 C3 0C 22" + strings.Repeat(" 00", 15)},
		// A one-byte packed value has no digit byte.
		{"one packed byte", 0x0468, "00 01 C2"},
		{"NULL form", 0x0468, "00 03 00 00 00"},
		{"precision is no qualifier", 0x0E0B, "00 08 C7 14 1A 05 04 0C 22 38"},
		{"negative precision", -1, "00 03 C3 0C 22"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if v, err := c.DecodeBind(tc.prec, dtHex(t, tc.hex), nil); err == nil {
				t.Fatalf("DecodeBind = %v, want an error", v)
			}
		})
	}
	// A shorter value whose missing bytes are trailing zero pairs, and a
	// longer one whose extra bytes are zero, are accepted
	// (packedBindBytes): 12:00 as C3 0C and as C3 0C 00 00.
	want := DateTime{0, 0, 0, 12, 0, 0, 0, 0x0468}
	for _, h := range []string{"00 02 C3 0C", "00 04 C3 0C 00 00"} {
		if v, err := c.DecodeBind(0x0468, dtHex(t, h), nil); err != nil || v != want {
			t.Fatalf("DecodeBind(%s) = %v, %v; want %v", h, v, err, want)
		}
	}
}

// TestDateTimeEncodeErrors checks the values the encoders refuse.
func TestDateTimeEncodeErrors(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	ymd := dtCol(sqli.TypeDateTime, 0x0804)
	rows := []struct {
		name string
		v    any
		want string // a fragment the error must contain
	}{
		{"qualifier mismatch", DateTime{2026, 5, 4, 12, 34, 0, 0, 0x0C08}, "qualifiers must match"},
		{"invalid DateTime", DateTime{2026, 13, 4, 0, 0, 0, 0, 0x0804}, "month 13 outside 1..12"},
		{"time year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "year 10000 outside 1..9999"},
		{"time year 0", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), "year 0 outside 1..9999"},
		{"unsupported type", "2026-05-04", "cannot encode string"},
	}
	for _, tc := range rows {
		t.Run("row/"+tc.name, func(t *testing.T) {
			b, err := c.AppendRow([]byte{1}, ymd, tc.v, false, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("AppendRow(%v) = % x, %v; want an error containing %q", tc.v, b, err, tc.want)
			}
			if !bytes.Equal(b, []byte{1}) {
				t.Fatalf("AppendRow changed dst on error: % x", b)
			}
		})
	}
	binds := []struct {
		name string
		v    any
		want string
	}{
		{"nil", nil, "indicator -1"},
		{"invalid DateTime", DateTime{2026, 2, 29, 0, 0, 0, 0, 0x0804}, "day 29 outside 1..28"},
		{"zero DateTime", DateTime{}, "qualifier 0x0000 is not a valid DATETIME qualifier"},
		{"time year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "year 10000"},
		{"unsupported type", 42, "cannot encode int"},
	}
	for _, tc := range binds {
		t.Run("bind/"+tc.name, func(t *testing.T) {
			_, b, err := c.AppendBind([]byte{1}, tc.v, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !bytes.Equal(b, []byte{1}) {
				t.Fatalf("AppendBind(%v) = % x, %v; want an error containing %q", tc.v, b, err, tc.want)
			}
		})
	}
}

// TestDateTimeWidthFitsGrid checks, for every DATETIME qualifier, that
// PackedWidth (IBM's DECLEN, TYPES.md §2.2) is one header byte plus the
// pairs the fields need: ⌈whole digits/2⌉ + ⌈fraction digits/2⌉, with whole
// digits 4 for YEAR and 2 for every other whole unit, counted here by hand.
func TestDateTimeWidthFitsGrid(t *testing.T) {
	for _, q := range allDateTimeQualifiers(t) {
		whole := 0
		for u := UnitYear; u <= UnitSecond; u += 2 {
			if q.Start() <= u && u <= q.End() {
				whole += 2
				if u == UnitYear {
					whole += 2
				}
			}
		}
		frac := 0
		if q.End() > UnitSecond {
			frac = int(q.End() - UnitSecond)
		}
		if want := 1 + (whole+1)/2 + (frac+1)/2; PackedWidth(int32(q)) != want {
			t.Errorf("%s: PackedWidth %d, fields need %d", q.DateTimeString(), PackedWidth(int32(q)), want)
		}
	}
}

// dtBoundaryTimes are the boundary instants every DATETIME qualifier is
// tried with: the first and last instants DATETIME holds, Feb 29 of leap
// years, 23:59:59.99999 and a value with all five fraction digits set.
var dtBoundaryTimes = []time.Time{
	time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(9999, 12, 31, 23, 59, 59, 999990000, time.UTC),
	time.Date(2024, 2, 29, 23, 59, 59, 999999999, time.UTC),
	time.Date(2000, 2, 29, 0, 0, 0, 10000, time.UTC),
	time.Date(1999, 12, 31, 23, 59, 59, 999990000, time.UTC),
	time.Date(2026, 5, 4, 12, 34, 56, 123450000, time.UTC),
	time.Date(1, 12, 31, 0, 0, 1, 0, time.UTC),
	time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC),
}

// dtRandomTime returns an instant between 0001-01-01 and 9999-12-31 with a
// random nanosecond.
func dtRandomTime(r *rand.Rand) time.Time {
	lo := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
	return time.Unix(lo+r.Int64N(hi-lo+1), r.Int64N(1e9)).UTC()
}

// TestDateTimeRoundTripAllQualifiers checks that, for every DATETIME
// qualifier, boundary and random values survive AppendRow→DecodeRow in
// both layouts, AppendBind→DecodeBind, and String→ParseDateTime, and that
// their normalized and over-long forms decode to the same value
// (dtCheckOtherForms).
func TestDateTimeRoundTripAllQualifiers(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	r := rand.New(rand.NewPCG(1, 10))
	for _, q := range allDateTimeQualifiers(t) {
		typ := dtCol(sqli.TypeDateTime, q)
		times := append([]time.Time(nil), dtBoundaryTimes...)
		for range 200 {
			times = append(times, dtRandomTime(r))
		}
		for _, tm := range times {
			d, err := NewDateTime(tm, q)
			if err != nil {
				t.Fatalf("NewDateTime(%v, %s): %v", tm, q.DateTimeString(), err)
			}
			b := dtRowTrip(t, c, typ, d, d)
			dtBindTrip(t, c, d, d, q)
			dtCheckOtherForms(t, c, typ, b, d)
			if p, err := ParseDateTime(d.String(), q); err != nil || p != d {
				t.Fatalf("ParseDateTime(%q, %s) = %v, %v; want %#v", d.String(), q.DateTimeString(), p, err, d)
			}
		}
	}
}

// TestDateTimeDecodeCanonical checks the property FuzzCodecs relies on:
// whatever DecodeRow or DecodeBind accepts re-encodes without error and
// decodes to an equal value, also for non-normalized and arbitrary input.
// Inputs are random digit bytes (mostly 0..99) under random headers, for
// every qualifier, plus arbitrary encoded lengths.
func TestDateTimeDecodeCanonical(t *testing.T) {
	c := dtCodec(t, sqli.TypeDateTime)
	r := rand.New(rand.NewPCG(2, 20))
	quals := allDateTimeQualifiers(t)
	decoded := 0
	for range 40000 {
		length := int32(quals[r.IntN(len(quals))])
		if r.IntN(10) == 0 {
			length = int32(r.Uint32())
		}
		b := dtRandomPacked(r, PackedWidth(length))
		decoded += dtCheckCanonical(t, c, Type{Code: sqli.TypeDateTime, Length: length}, b)
	}
	// The generator reaches valid values often enough to mean something.
	if decoded < 1000 {
		t.Fatalf("only %d of 40000 random inputs decoded", decoded)
	}
}

// dtRandomPacked returns width bytes that look like a packed value: a
// header near the exponents real values use, digits mostly 0..99, and
// sometimes anything.
func dtRandomPacked(r *rand.Rand, width int) []byte {
	b := make([]byte, max(width, 1))
	b[0] = byte(0xC0 + r.IntN(16) - 4)
	if r.IntN(8) == 0 {
		b[0] = byte(r.UintN(256))
	}
	for i := 1; i < len(b); i++ {
		switch r.IntN(6) {
		case 0:
			b[i] = 0
		case 1:
			b[i] = byte(r.UintN(256))
		default:
			b[i] = byte(r.IntN(30))
		}
	}
	return b
}

// dtCheckCanonical decodes b as a column and as a bind value of typ; what
// decodes must re-encode and decode to an equal value. It returns how many
// of the decodes produced a value.
func dtCheckCanonical(t *testing.T, c Codec, typ Type, b []byte) int {
	t.Helper()
	n := 0
	for _, seq := range []bool{false, true} {
		v, err := c.DecodeRow(typ, b, seq, nil)
		if err != nil || v == nil {
			continue
		}
		n++
		enc, err := c.AppendRow(nil, typ, v, seq, nil)
		if err != nil {
			t.Fatalf("%s: % x decoded to %v, which does not encode: %v", typ.SQLName(), b, v, err)
		}
		if v2, err := c.DecodeRow(typ, enc, seq, nil); err != nil || !reflect.DeepEqual(v, v2) {
			t.Fatalf("%s: % x → %#v → % x → %#v, %v", typ.SQLName(), b, v, enc, v2, err)
		}
		dtCheckBindCanonical(t, c, v)
	}
	if v, err := c.DecodeBind(int16(typ.Length), dtBindData(b), nil); err == nil {
		n++
		dtCheckBindCanonical(t, c, v)
	}
	return n
}

// dtCheckBindCanonical requires v to survive AppendBind→DecodeBind.
func dtCheckBindCanonical(t *testing.T, c Codec, v any) {
	t.Helper()
	prec, data, err := c.AppendBind(nil, v, nil)
	if err != nil {
		t.Fatalf("decoded %#v does not bind: %v", v, err)
	}
	if v2, err := c.DecodeBind(prec, data, nil); err != nil || !reflect.DeepEqual(v, v2) {
		t.Fatalf("bind %#v → % x → %#v, %v", v, data, v2, err)
	}
}

// dtCheckOtherForms requires the other forms of the encoding b of v to
// decode to v: its normalized form (leading zero pairs dropped and the
// exponent lowered by as many, zero pairs appended to keep the width) as a
// row and as a bind, and as a bind b with two more zero bytes. A value
// whose digits are all zero has no normalized form but itself.
func dtCheckOtherForms(t *testing.T, c Codec, typ Type, b []byte, v any) {
	t.Helper()
	var forms [][]byte
	if norm, ok := dtNormalized(b); ok {
		forms = append(forms, norm)
		if got, err := c.DecodeRow(typ, norm, false, nil); err != nil || !reflect.DeepEqual(got, v) {
			t.Fatalf("%s: normalized % x (of % x) decodes to %#v, %v; want %#v", typ.SQLName(), norm, b, got, err, v)
		}
	}
	forms = append(forms, append(append([]byte(nil), b...), 0, 0))
	for _, f := range forms {
		if got, err := c.DecodeBind(int16(typ.Length), dtBindData(f), nil); err != nil || !reflect.DeepEqual(got, v) {
			t.Fatalf("%s: bind % x (of % x) decodes to %#v, %v; want %#v", typ.SQLName(), f, b, got, err, v)
		}
	}
}

// dtNormalized returns the packed value b with its leading zero digit
// pairs dropped and its exponent lowered by as many, zero-padded on the
// right to len(b), and whether it differs from b. A negative value's
// leading 99 bytes are its complemented zero pairs, and its header holds
// the complemented exponent, so it is lowered by raising the header.
func dtNormalized(b []byte) ([]byte, bool) {
	zero, step := byte(0), -1
	if b[0]&0x80 == 0 {
		zero, step = 99, 1
	}
	n := 0
	for n < len(b)-1 && b[1+n] == zero {
		n++
	}
	if n == 0 || n == len(b)-1 {
		return nil, false
	}
	out := append([]byte{byte(int(b[0]) + step*n)}, b[1+n:]...)
	return append(out, make([]byte, n)...), true
}

// TestGridPairsMatchesPlacePairs: for the fixed form appendPacked writes,
// the fast reading gridPairs places the same pairs as the general
// placePairs, over every DATETIME qualifier and random digits; any other
// header or length is left to placePairs.
func TestGridPairsMatchesPlacePairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for start := UnitYear; start <= UnitFraction; start++ {
		for end := start; end <= UnitFraction5; end++ {
			q, err := DateTimeQualifier(start, end)
			if err != nil {
				continue
			}
			l, err := dateTimeLayout(q)
			if err != nil {
				t.Fatal(err)
			}
			np, nq := l.pairs()
			for range 200 {
				b := []byte{0x80 | byte(np+l.implied()+64)}
				for range np + nq {
					b = append(b, byte(rng.IntN(100)))
				}
				var fast, slow [maxGridPairs]byte
				if !l.gridPairs(b, &fast) {
					t.Fatalf("%s: fixed form % x not read by gridPairs", q.DateTimeString(), b)
				}
				if neg, err := l.placePairs(b, &slow); err != nil || neg || fast != slow {
					t.Fatalf("%s: % x: gridPairs %v, placePairs %v (neg %v, %v)", q.DateTimeString(), b, fast, slow, neg, err)
				}
				for _, other := range [][]byte{append([]byte{b[0] ^ 0x01}, b[1:]...), b[:len(b)-1], append(b[:len(b):len(b)], 0)} {
					if l.gridPairs(other, &fast) {
						t.Fatalf("%s: gridPairs read % x, not the fixed form", q.DateTimeString(), other)
					}
				}
			}
		}
	}
}
