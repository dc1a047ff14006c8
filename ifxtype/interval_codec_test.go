package ifxtype

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// ivQual returns INTERVAL start(p) TO end and fails the test if it is
// refused.
func ivQual(t testing.TB, start TimeUnit, p int, end TimeUnit) Qualifier {
	t.Helper()
	q, err := IntervalQualifier(start, p, end)
	if err != nil {
		t.Fatalf("IntervalQualifier(%v, %d, %v): %v", start, p, end, err)
	}
	return q
}

// allIntervalQualifiers lists every INTERVAL qualifier: YEAR(p) TO YEAR,
// YEAR(p) TO MONTH, MONTH(p) TO MONTH, and each start DAY … SECOND with
// precision p to each end from it to FRACTION(5), for p = 1 … 9; and
// FRACTION TO FRACTION(1…5), whose digit count must equal its fraction
// digits, which the encoding gives for precision 2 only.
func allIntervalQualifiers(t testing.TB) []Qualifier {
	t.Helper()
	units := []TimeUnit{UnitDay, UnitHour, UnitMinute, UnitSecond,
		UnitFraction1, UnitFraction2, UnitFraction3, UnitFraction4, UnitFraction5}
	var out []Qualifier
	for p := 1; p <= 9; p++ {
		out = append(out, ivQual(t, UnitYear, p, UnitYear), ivQual(t, UnitYear, p, UnitMonth), ivQual(t, UnitMonth, p, UnitMonth))
		for i, start := range units[:4] {
			for _, end := range units[i:] {
				out = append(out, ivQual(t, start, p, end))
			}
		}
	}
	for _, end := range units[4:] {
		out = append(out, ivQual(t, UnitFraction, 2, end))
	}
	// Per precision 3 year-month and 9 + 8 + 7 + 6 day-time qualifiers; 5 FRACTION ones.
	if len(out) != 9*(3+30)+5 {
		t.Fatalf("%d INTERVAL qualifiers, want %d", len(out), 9*(3+30)+5)
	}
	return out
}

// TestIntervalQualifierConstants checks the bind qualifiers (written as
// TYPES.md §5.8's hex) against IntervalQualifier.
func TestIntervalQualifierConstants(t *testing.T) {
	if q := ivQual(t, UnitYear, 9, UnitMonth); q != qualYearToMonth9 {
		t.Errorf("YEAR(9) TO MONTH = %#04x, constant %#04x", uint16(q), uint16(qualYearToMonth9))
	}
	if q := ivQual(t, UnitDay, 9, UnitFraction5); q != qualDayToFraction5 {
		t.Errorf("DAY(9) TO FRACTION(5) = %#04x, constant %#04x", uint16(q), uint16(qualDayToFraction5))
	}
}

// TestIntervalVectors checks every row of TYPES.md §5.8's INTERVAL table in
// both directions, as rows and as binds with the column's qualifier, in the
// form IBM JDBC 15.0.0.1.1 writes and reads: the decimal point after
// SECOND, every pair written (conformance/testdata/jdbc/types.golden).
// TYPES.md's vectors put the point after the last field and normalize;
// they hold only where the two readings agree (the name says "TYPES.md,
// computed, unconfirmed"), and the others are corrected by hand (the name
// gives TYPES.md's wrong bytes). The Go values are worked out by hand in
// the comments.
func TestIntervalVectors(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	cases := []struct {
		name  string
		q     Qualifier // the table's hex
		start TimeUnit
		p     int
		end   TimeUnit
		v     any // Qualifier filled in from q
		width int
		hex   string
	}{
		// 3·86400 + 4·3600 + 5·60 + 6 = 273906 s; 11 whole digits, so
		// "0" + "00003" + "04" "05" "06": six pairs, exponent 6.
		{"DAY(5) TO SECOND 3 04:05:06/TYPES.md's C4 03 04 05 06 00 00 is wrong", 0x0B4A, UnitDay, 5, UnitSecond,
			IntervalDS{Seconds: 273906}, 7, "C6 00 00 03 04 05 06"},
		// Header (6+64) ^ 0x7F = 39; from the right 100−6 = 94 (5E), then
		// 99−5 = 5E, 99−4 = 5F, 99−3 = 60, 99−0 = 63 twice.
		{"DAY(5) TO SECOND -3 04:05:06/TYPES.md's 3B 60 5F 5E 5E 00 00 is wrong", 0x0B4A, UnitDay, 5, UnitSecond,
			IntervalDS{Seconds: -273906}, 7, "39 63 63 60 5F 5E 5E"},
		// 12345·86400 + 86399 = 1066694399 s.
		{"DAY(5) TO SECOND 12345 23:59:59/TYPES.md, computed, unconfirmed", 0x0B4A, UnitDay, 5, UnitSecond,
			IntervalDS{Seconds: 1066694399}, 7, "C6 01 17 2D 17 3B 3B"},
		// Zero keeps its exponent, as JDBC binds 0-00 (ca 00 …).
		{"DAY(5) TO SECOND 0 00:00:00/TYPES.md's 80 00 00 00 00 00 00 is wrong", 0x0B4A, UnitDay, 5, UnitSecond,
			IntervalDS{}, 7, "C6 00 00 00 00 00 00"},
		// 3·12 + 6 = 42 months; pairs 00 03 06 and DD HH MM SS implied:
		// exponent 3 + 4 = 7.
		{"YEAR(4) TO MONTH 3-06/TYPES.md's C2 03 06 00 is wrong", 0x0602, UnitYear, 4, UnitMonth,
			IntervalYM{Months: 42}, 4, "C7 00 03 06"},
		// Header (7+64) ^ 0x7F = 38; 100−6 = 5E, 99−3 = 60, 99−0 = 63.
		{"YEAR(4) TO MONTH -3-06/TYPES.md's 3D 60 5E 00 is wrong", 0x0602, UnitYear, 4, UnitMonth,
			IntervalYM{Months: -42}, 4, "38 63 60 5E"},
		// 2026·12 + 11 = 24323 months.
		{"YEAR(4) TO MONTH 2026-11/TYPES.md's C3 14 1A 0B is wrong", 0x0602, UnitYear, 4, UnitMonth,
			IntervalYM{Months: 24323}, 4, "C7 14 1A 0B"},
		// 3600 + 30·60 = 5400 s; HH MM and SS implied: exponent 3.
		{"HOUR(2) TO MINUTE 1:30/TYPES.md's C2 01 1E is wrong", 0x0468, UnitHour, 2, UnitMinute,
			IntervalDS{Seconds: 5400}, 3, "C3 01 1E"},
		// 123·60 + 45 = 7425 s and .6 s.
		{"MINUTE(3) TO FRACTION(1) 123:45.6/TYPES.md, computed, unconfirmed", 0x068B, UnitMinute, 3, UnitFraction1,
			IntervalDS{Seconds: 7425, Nanoseconds: 600000000}, 5, "C3 01 17 2D 3C"},
		// 86400 + 2·3600 + 3·60 + 4 = 93784 s and .5 s; "0000000001" is
		// five pairs, then 02 03 04: exponent 8.
		{"DAY(9) TO FRACTION(5) 1 02:03:04.5/TYPES.md's C4 01 02 03 04 32 00 … is wrong", 0x144F, UnitDay, 9, UnitFraction5,
			IntervalDS{Seconds: 93784, Nanoseconds: 500000000}, 12, "C8 00 00 00 00 01 02 03 04 32 00 00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if q := ivQual(t, tc.start, tc.p, tc.end); q != tc.q {
				t.Fatalf("IntervalQualifier = %#04x, TYPES.md says %#04x", uint16(q), uint16(tc.q))
			}
			b := dtHex(t, tc.hex)
			if len(b) != tc.width || PackedWidth(int32(tc.q)) != tc.width {
				t.Fatalf("width: vector %d, PackedWidth %d, table %d", len(b), PackedWidth(int32(tc.q)), tc.width)
			}
			v := ivWithQualifier(tc.v, tc.q)
			typ := dtCol(sqli.TypeInterval, tc.q)
			if got := dtRowTrip(t, c, typ, v, v); !bytes.Equal(got, b) {
				t.Fatalf("AppendRow(%v) = % x, want % x", v, got, b)
			}
			if got := dtBindTrip(t, c, v, v, tc.q); !bytes.Equal(got[2:], b) {
				t.Fatalf("AppendBind(%v) = % x, want % x", v, got[2:], b)
			}
		})
	}
}

// ivWithQualifier returns the IntervalYM or IntervalDS v with Qualifier q.
func ivWithQualifier(v any, q Qualifier) any {
	switch x := v.(type) {
	case IntervalYM:
		x.Qualifier = q
		return x
	case IntervalDS:
		x.Qualifier = q
		return x
	}
	return v
}

// TestIntervalJDBCBinds checks the INTERVAL binds of the types scenario
// (confirmed: IBM JDBC 15.0.0.1.1 bind bytes,
// conformance/testdata/jdbc/types.golden): JDBC binds each value with its
// column's qualifier (YEAR(9) TO MONTH 0b02, DAY(9) TO FRACTION(5) 144f,
// HOUR TO SECOND 066a, DAY(3) TO SECOND 094a), the decimal point after
// SECOND, leading zero pairs kept, zero with its exponent.
func TestIntervalJDBCBinds(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	cases := []struct {
		v   any
		hex string
	}{
		// 123456789·12 + 11 months.
		{IntervalYM{Months: 1481481479, Qualifier: 0x0B02}, "00 07 CA 01 17 2D 43 59 0B"},
		{IntervalYM{Months: -63, Qualifier: 0x0B02}, "00 07 35 63 63 63 63 5E 61"},
		{IntervalYM{Qualifier: 0x0B02}, "00 07 CA 00 00 00 00 00 00"},
		// 123456789·86400 + 86399 s and .12345.
		{IntervalDS{Seconds: 10666666655999, Nanoseconds: 123450000, Qualifier: 0x144F},
			"00 0C C8 01 17 2D 43 59 17 3B 3B 0C 22 32"},
		// −(86400 + 7384) s and −.00001.
		{IntervalDS{Seconds: -93784, Nanoseconds: -10000, Qualifier: 0x144F},
			"00 0C 37 63 63 63 63 62 61 60 5F 63 63 5A"},
		// −(12·3600 + 34·60 + 56) s.
		{IntervalDS{Seconds: -45296, Qualifier: 0x066A}, "00 04 3C 57 41 2C"},
		{IntervalDS{Seconds: 82801, Qualifier: 0x066A}, "00 04 C3 17 00 01"},
		// 999·86400 + 86399 s.
		{IntervalDS{Seconds: 86399999, Qualifier: 0x094A}, "00 06 C5 09 63 17 3B 3B"},
		{IntervalDS{Seconds: -1, Qualifier: 0x094A}, "00 06 3A 63 63 63 63 63"},
	}
	for _, tc := range cases {
		want := dtHex(t, tc.hex)
		prec, got, err := c.AppendBind(nil, tc.v, nil)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("AppendBind(%#v) = %#04x % x, %v; JDBC sent % x", tc.v, uint16(prec), got, err, want)
			continue
		}
		if v, err := c.DecodeBind(prec, want, nil); err != nil || v != tc.v {
			t.Errorf("DecodeBind(%#04x, % x) = %#v, %v; want %#v", uint16(prec), want, v, err, tc.v)
		}
	}
}

// TestIntervalBindExample checks the INTERVAL example of TYPES.md §4.1, a
// value without a Qualifier bound as DAY(9) TO FRACTION(5), from an
// IntervalDS and from a time.Duration. TYPES.md's bytes 00 0C C4 01 02 03
// 04 32 00 00 00 00 00 00 are wrong (point after the last field,
// normalized); corrected by hand as in TestIntervalVectors' DAY(9) TO
// FRACTION(5) row. The precision field is the qualifier (confirmed by
// JDBC's binds). Type, indicator and precision words are framed by hand,
// as sqli.Bind will.
func TestIntervalBindExample(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	want := dtHex(t, "00 0E 00 00 14 4F 00 0C C8 00 00 00 00 01 02 03 04 32 00 00")
	d := 26*time.Hour + 3*time.Minute + 4500*time.Millisecond // 1 02:03:04.5
	for _, v := range []any{IntervalDS{Seconds: 93784, Nanoseconds: 500000000}, d} {
		prec, data, err := c.AppendBind(nil, v, nil)
		if err != nil {
			t.Fatal(err)
		}
		msg := binary.BigEndian.AppendUint16([]byte{0x00, 0x0E, 0x00, 0x00}, uint16(prec))
		if msg = append(msg, data...); !bytes.Equal(msg, want) {
			t.Fatalf("bind %v = % x, want % x", v, msg, want)
		}
	}
}

// TestIntervalYMBind checks an IntervalYM without a Qualifier bound as
// YEAR(9) TO MONTH (0x0B02, 7 bytes). 3-06 by hand: whole digits 9 + 2 =
// 11, odd, so "0" + "000000003" + "06" = pairs 00 00 00 00 03 06, exponent
// 6 + 4 implied pairs (DD HH MM SS) = 10, header 0xCA, as JDBC's 0-00 and
// 123456789-11 binds show.
func TestIntervalYMBind(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	data := dtBindTrip(t, c, IntervalYM{Months: 42}, IntervalYM{Months: 42, Qualifier: 0x0B02}, 0x0B02)
	if want := dtHex(t, "00 07 CA 00 00 00 00 03 06"); !bytes.Equal(data, want) {
		t.Fatalf("bind data % x, want % x", data, want)
	}
}

// TestIntervalCut checks the documented rule that encoders cut what lies
// below the qualifier's last unit, toward zero. Bytes by hand, the point
// after SECOND (as TestIntervalVectors).
func TestIntervalCut(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	cases := []struct {
		name string
		q    Qualifier
		v    any
		want any
		hex  string
	}{
		// YEAR(4) TO YEAR (0x0400): 14 months is 1 year: pairs 00 01 and five
		// implied (MONTH … SECOND), exponent 7.
		{"14 months to YEAR", 0x0400, IntervalYM{Months: 14}, IntervalYM{Months: 12, Qualifier: 0x0400}, "C7 00 01"},
		// Toward zero: -14 months is -1 year; 100−1 = 99, 99−0 = 99, header 0x47^0x7F.
		{"-14 months to YEAR", 0x0400, IntervalYM{Months: -14}, IntervalYM{Months: -12, Qualifier: 0x0400}, "38 63 63"},
		// SECOND(2) TO FRACTION(5) (0x07AF): 1.123456789 s is 1.12345 s: pairs 01 | 12 34 50.
		{"ns to FRACTION(5)", 0x07AF, IntervalDS{Seconds: 1, Nanoseconds: 123456789},
			IntervalDS{Seconds: 1, Nanoseconds: 123450000, Qualifier: 0x07AF}, "C1 01 0C 22 32"},
		// HOUR(2) TO MINUTE (0x0468): 90 s is 1 minute, 00:01, exponent 3.
		{"90 s to MINUTE", 0x0468, 90 * time.Second, IntervalDS{Seconds: 60, Qualifier: 0x0468}, "C3 00 01"},
		{"-90 s to MINUTE", 0x0468, IntervalDS{Seconds: -90}, IntervalDS{Seconds: -60, Qualifier: 0x0468}, "3C 63 63"},
		// Less than the last unit is zero, and zero has no sign.
		{"-59 s to MINUTE", 0x0468, IntervalDS{Seconds: -59}, IntervalDS{Qualifier: 0x0468}, "C3 00 00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			typ := dtCol(sqli.TypeInterval, tc.q)
			b, err := c.AppendRow(nil, typ, tc.v, false, nil)
			if err != nil || !bytes.Equal(b, dtHex(t, tc.hex)) {
				t.Fatalf("AppendRow(%v) = % x, %v; want %s", tc.v, b, err, tc.hex)
			}
			if got, err := c.DecodeRow(typ, b, false, nil); err != nil || got != tc.want {
				t.Fatalf("DecodeRow = %#v, %v; want %#v", got, err, tc.want)
			}
		})
	}
	// A bind drops nanoseconds below 10µs: 1 ns binds as zero.
	prec, data, err := c.AppendBind(nil, time.Nanosecond, nil)
	if got, err2 := c.DecodeBind(prec, data, nil); err != nil || err2 != nil || got != (IntervalDS{Qualifier: qualDayToFraction5}) {
		t.Fatalf("bind of 1ns = % x → %v, %v, %v", data, got, err, err2)
	}
}

// TestIntervalNull checks the NULL form for every INTERVAL qualifier.
func TestIntervalNull(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	for _, q := range allIntervalQualifiers(t) {
		typ := dtCol(sqli.TypeInterval, q)
		b, err := c.AppendRow(nil, typ, nil, true, nil)
		if err != nil || len(b) != PackedWidth(int32(q)) || bytes.Count(b, []byte{0}) != len(b) {
			t.Fatalf("%s: AppendRow(nil) = % x, %v", typ.SQLName(), b, err)
		}
		if v, err := c.DecodeRow(typ, b, false, nil); v != nil || err != nil {
			t.Fatalf("%s: DecodeRow(NULL) = %v, %v", typ.SQLName(), v, err)
		}
	}
}

// TestIntervalMalformed checks that malformed INTERVAL columns and bind
// values are errors.
func TestIntervalMalformed(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	ds := int32(0x0B4A) // DAY(5) TO SECOND, 7 bytes
	ym := int32(0x0602) // YEAR(4) TO MONTH, 4 bytes
	cases := []struct {
		name   string
		length int32
		hex    string
	}{
		// YEAR(4) TO DAY mixes the classes.
		{"mixed classes", 0x0804, "C4 14 1A 05 04"},
		// HOUR(0) TO MINUTE: precision 0.
		{"precision 0", 0x0268, "C1 01"},
		// DAY(10) TO SECOND: precision 10.
		{"precision 10", 0x104A, "C6 01 17 2D 17 3B 3B 00 00"},
		// FRACTION TO FRACTION(3) with four digits: not precision 2.
		{"FRACTION start with 4 digits", 0x04CD, "C0 01 00"},
		// A DATETIME-only length: end FRACTION(1) with YEAR TO SECOND's digits.
		{"bad qualifier", 0x0E0B, "C7 14 1A 05 04 0C 22 38"},
		// 3-12: the month after the year is 12.
		{"month 12", ym, "C7 00 03 0C"},
		// 3 24:00:00: the hour after the day is 24.
		{"hour 24", ds, "C6 00 00 03 18 00 00"},
		// 3 04:60:06.
		{"minute 60", ds, "C6 00 00 03 04 3C 06"},
		// 100000 00:00:00: the half-empty first pair is 10, a sixth day digit.
		{"leading field over DAY(5)", ds, "C6 0A 00 00 00 00 00"},
		// Exponent 7 puts a digit left of the six whole pairs.
		{"exponent above the grid", ds, "C7 01 00 00 00 00 00"},
		// HOUR(2) TO MINUTE: exponent 2 puts 01 30 one pair too far right,
		// 30 in the seconds (TYPES.md's reading of 1:30).
		{"non-zero digit beyond the grid", 0x0468, "C2 01 1E"},
		// MINUTE(3) TO FRACTION(1): the pad digit after the fraction is 1.
		{"non-zero pad digit after FRACTION(1)", 0x068B, "C3 01 17 2D 3D"},
		{"digit byte 100", ym, "C7 00 03 64"},
		// A negative value whose complemented digit is 100.
		{"negative with digit byte 100", ym, "38 64 60 5E"},
		{"short", ds, "C6 00 00 03 04 05"},
		{"long", ds, "C6 00 00 03 04 05 06 00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			typ := Type{Code: sqli.TypeInterval, Length: tc.length}
			b := dtHex(t, tc.hex)
			for _, seq := range []bool{false, true} {
				if v, err := c.DecodeRow(typ, b, seq, nil); err == nil {
					t.Fatalf("DecodeRow(% x) = %v, want an error", b, v)
				}
			}
			if tc.name == "short" || tc.name == "long" {
				return // a bind value may leave out or add trailing zero pairs (packedBindBytes)
			}
			if v, err := c.DecodeBind(int16(tc.length), dtBindData(b), nil); err == nil {
				t.Fatalf("DecodeBind(% x) = %v, want an error", b, v)
			}
		})
	}
}

// TestIntervalSizeAndBindMalformed checks that RowSize refuses lengths that
// are no INTERVAL qualifier and that bind framing errors are errors.
func TestIntervalSizeAndBindMalformed(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	for _, length := range []int32{0, 0x0804, 0x104A, -1, 1 << 20} {
		if n, err := c.RowSize(Type{Code: sqli.TypeInterval, Length: length}, make([]byte, 20), true); err == nil {
			t.Errorf("RowSize(length %#x) = %d, want an error", length, n)
		}
	}
	// A 7-byte DAY(5) TO SECOND needs 7 bytes in a sequential row.
	if n, err := c.RowSize(dtCol(sqli.TypeInterval, 0x0B4A), make([]byte, 6), true); err == nil {
		t.Errorf("RowSize with 6 bytes left = %d, want an error", n)
	}
	// No prefix; no packed bytes; prefix 3 with 2 bytes; the NULL form; 13
	// bytes for the 12 of DAY(9) TO FRACTION(5), the 13th not zero; 18
	// bytes, over the 17 accepted.
	for _, data := range []string{"", "00", "00 03 C2 01", "00 04 00 00 00 00",
		"00 0D C8 00 00 00 00 01 02 03 04 32 00 00 07", "00 12 C8 00 00 00 00 01" + strings.Repeat(" 00", 12)} {
		if v, err := c.DecodeBind(int16(qualDayToFraction5), dtHex(t, data), nil); err == nil {
			t.Errorf("DecodeBind(%s) = %v, want an error", data, v)
		}
	}
}

// TestIntervalEncodeErrors checks the values the INTERVAL encoders refuse,
// and that each error names the qualifier and the limit.
func TestIntervalEncodeErrors(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	day2 := ivQual(t, UnitDay, 2, UnitSecond)
	year4 := ivQual(t, UnitYear, 4, UnitMonth)
	frac3 := ivQual(t, UnitFraction, 2, UnitFraction3)
	cases := []struct {
		name string
		q    Qualifier
		v    any
		want string
	}{
		{"100 days in DAY(2)", day2, IntervalDS{Seconds: 100 * 86400}, "INTERVAL DAY(2) TO SECOND cannot hold 100 00:00:00: at most 99 days"},
		{"-100 days in DAY(2)", day2, -100 * 24 * time.Hour, "at most 99 days"},
		{"10000 years in YEAR(4)", year4, IntervalYM{Months: 120000}, "at most 9999 years"},
		{"1 s in FRACTION TO FRACTION(3)", frac3, IntervalDS{Seconds: 1}, "less than one second"},
		{"IntervalYM in a day-time column", day2, IntervalYM{Months: 1}, "needs a year-month qualifier"},
		{"IntervalDS in a year-month column", year4, IntervalDS{Seconds: 1}, "needs a day-time qualifier"},
		{"Duration in a year-month column", year4, time.Second, "needs a day-time qualifier"},
		{"signs differ", day2, IntervalDS{Seconds: 1, Nanoseconds: -5}, "differ in sign"},
		{"string", day2, "1 00:00:00", "cannot encode string"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := c.AppendRow([]byte{1}, dtCol(sqli.TypeInterval, tc.q), tc.v, false, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !bytes.Equal(b, []byte{1}) {
				t.Fatalf("AppendRow(%v) = % x, %v; want an error containing %q", tc.v, b, err, tc.want)
			}
		})
	}
	binds := []struct {
		v    any
		want string
	}{
		{nil, "indicator -1"},
		{IntervalYM{Months: 1e9 * 12}, "YEAR(9) TO MONTH cannot hold"},
		{IntervalDS{Seconds: 1e9 * 86400}, "DAY(9) TO FRACTION(5) cannot hold"},
		{IntervalDS{Seconds: -1, Nanoseconds: 1}, "differ in sign"},
		{IntervalDS{Seconds: 100 * 86400, Qualifier: day2}, "DAY(2) TO SECOND cannot hold"},
		{IntervalDS{Seconds: 1, Qualifier: year4}, "needs a day-time qualifier"},
		{IntervalYM{Months: 1, Qualifier: day2}, "needs a year-month qualifier"},
		{IntervalYM{Months: 1, Qualifier: 0x0E0B}, "not an INTERVAL qualifier"},
		{1.5, "cannot encode float64"},
	}
	for _, tc := range binds {
		if _, b, err := c.AppendBind([]byte{1}, tc.v, nil); err == nil || !strings.Contains(err.Error(), tc.want) || !bytes.Equal(b, []byte{1}) {
			t.Errorf("AppendBind(%v) = % x, %v; want an error containing %q", tc.v, b, err, tc.want)
		}
	}
}

// TestIntervalWidthFitsGrid checks, for every INTERVAL qualifier, that
// PackedWidth (TYPES.md §2.2) is one header byte plus ⌈whole digits/2⌉ +
// ⌈fraction digits/2⌉ pairs, whole digits being the leading precision plus
// 2 per later whole unit, counted here by hand.
func TestIntervalWidthFitsGrid(t *testing.T) {
	for _, q := range allIntervalQualifiers(t) {
		whole := 0
		for u := q.Start(); u <= q.End() && u <= UnitSecond; u += 2 {
			if u == q.Start() {
				whole += q.LeadingPrecision()
			} else {
				whole += 2
			}
		}
		frac := 0
		if q.End() > UnitSecond {
			frac = int(q.End() - UnitSecond)
		}
		if want := 1 + (whole+1)/2 + (frac+1)/2; PackedWidth(int32(q)) != want {
			t.Errorf("%s: PackedWidth %d, fields need %d", q.IntervalString(), PackedWidth(int32(q)), want)
		}
	}
}

// ivUnitSeconds are the seconds of each day-time whole unit, by field
// index.
var ivUnitSeconds = [6]int64{0, 0, 86400, 3600, 60, 1}

// ivFieldMax is the largest value of a field that is not the leading one.
var ivFieldMax = [6]int64{0, 11, 0, 23, 59, 59}

// ivValue returns the value of q, with q as its Qualifier, whose whole
// fields are f (by field index), whose fraction is frac units of q's last
// fraction digit, and which is negated when neg.
func ivValue(q Qualifier, f [6]int64, frac int64, neg bool) any {
	if q.Start() <= UnitMonth {
		m := f[0]*12 + f[1]
		if neg {
			m = -m
		}
		return IntervalYM{Months: m, Qualifier: q}
	}
	var s int64
	for i := 2; i < 6; i++ {
		s += f[i] * ivUnitSeconds[i]
	}
	ns := frac
	for range 9 - q.FractionDigits() {
		ns *= 10
	}
	if neg {
		s, ns = -s, -ns
	}
	return IntervalDS{Seconds: s, Nanoseconds: int32(ns), Qualifier: q}
}

// ivFields returns the whole-field indexes of q, leading first.
func ivFields(q Qualifier) []int {
	var out []int
	for u := q.Start(); u <= q.End() && u <= UnitSecond; u += 2 {
		out = append(out, int(u)/2)
	}
	return out
}

// ivPow10 returns 10^n.
func ivPow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// ivSamples returns values of q: zero, the largest and smallest non-zero
// magnitudes with both signs, and n random ones.
func ivSamples(q Qualifier, r *rand.Rand, n int) []any {
	idx := ivFields(q)
	fracMax := ivPow10(q.FractionDigits()) - 1
	var maxF, oneF [6]int64
	for k, i := range idx {
		maxF[i] = ivFieldMax[i]
		if k == 0 {
			maxF[i] = ivPow10(q.LeadingPrecision()) - 1
		}
	}
	oneFrac := int64(0)
	if fracMax > 0 {
		oneFrac = 1
	} else {
		oneF[idx[len(idx)-1]] = 1
	}
	out := []any{ivValue(q, [6]int64{}, 0, false), ivValue(q, maxF, fracMax, false), ivValue(q, maxF, fracMax, true),
		ivValue(q, oneF, oneFrac, false), ivValue(q, oneF, oneFrac, true)}
	for range n {
		var f [6]int64
		for _, i := range idx {
			f[i] = r.Int64N(maxF[i] + 1)
		}
		out = append(out, ivValue(q, f, r.Int64N(fracMax+1), r.IntN(2) == 0))
	}
	return out
}

// TestIntervalRoundTripAllQualifiers checks that, for every INTERVAL
// qualifier (both classes, every leading precision 1 … 9), zero, the
// largest value, the smallest non-zero one, their negatives and random
// values survive AppendRow→DecodeRow in both layouts, AppendBind→
// DecodeBind with the value's qualifier, and the text form; and that the
// normalized form of each value (leading zero pairs dropped, exponent
// lowered) and, as a bind, its form with two more zero bytes decode to
// the same value.
func TestIntervalRoundTripAllQualifiers(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	r := rand.New(rand.NewPCG(3, 30))
	for _, q := range allIntervalQualifiers(t) {
		typ := dtCol(sqli.TypeInterval, q)
		for _, v := range ivSamples(q, r, 100) {
			b := dtRowTrip(t, c, typ, v, v)
			dtBindTrip(t, c, v, v, q)
			dtCheckOtherForms(t, c, typ, b, v)
			ivTextTrip(t, v)
		}
	}
}

// ivTextTrip requires v to survive MarshalText→UnmarshalText, but for its
// Qualifier, which the text does not carry.
func ivTextTrip(t *testing.T, v any) {
	t.Helper()
	var err error
	switch x := v.(type) {
	case IntervalYM:
		var back IntervalYM
		x.Qualifier = 0
		if err = back.UnmarshalText([]byte(x.String())); err == nil && back != x {
			t.Fatalf("%q read back as %v", x.String(), back)
		}
	case IntervalDS:
		var back IntervalDS
		x.Qualifier = 0
		if err = back.UnmarshalText([]byte(x.String())); err == nil && back != x {
			t.Fatalf("%q read back as %#v", x.String(), back)
		}
	}
	if err != nil {
		t.Fatalf("text of %#v: %v", v, err)
	}
}

// TestIntervalDecodeCanonical checks, as TestDateTimeDecodeCanonical does,
// that whatever the INTERVAL codec decodes from random bytes under random
// qualifiers re-encodes and decodes to an equal value.
func TestIntervalDecodeCanonical(t *testing.T) {
	c := dtCodec(t, sqli.TypeInterval)
	r := rand.New(rand.NewPCG(4, 40))
	quals := allIntervalQualifiers(t)
	decoded := 0
	for range 40000 {
		length := int32(quals[r.IntN(len(quals))])
		if r.IntN(10) == 0 {
			length = int32(r.Uint32())
		}
		b := dtRandomPacked(r, PackedWidth(length))
		if r.IntN(2) == 0 {
			b[0] ^= 0x7F | 0x80 // the header of the negated exponent
		}
		decoded += dtCheckCanonical(t, c, Type{Code: sqli.TypeInterval, Length: length}, b)
	}
	if decoded < 1000 {
		t.Fatalf("only %d of 40000 random inputs decoded", decoded)
	}
}
