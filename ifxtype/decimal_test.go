package ifxtype

import (
	"database/sql"
	"encoding/json"
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// decParse parses s or fails the test.
func decParse(t testing.TB, s string) Decimal {
	t.Helper()
	d, err := ParseDecimal(s)
	if err != nil {
		t.Fatalf("ParseDecimal(%q): %v", s, err)
	}
	return d
}

// decCheck fails unless d prints as want with exponent exp.
func decCheck(t *testing.T, what string, d Decimal, want string, exp int32) {
	t.Helper()
	if got := d.String(); got != want || d.Exponent() != exp {
		t.Errorf("%s = %s (exponent %d), want %s (exponent %d)", what, got, d.Exponent(), want, exp)
	}
}

func TestParseDecimal(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		exp  int32
	}{
		{"123", "123", 0},
		{"-123.4500", "-123.4500", -4},
		{".5", "0.5", -1},
		{"5.", "5", 0},
		{"+7", "7", 0},
		{"1e-5", "0.00001", -5},
		{"1.5E+3", "1500", 2}, // 15 × 10^2
		{"1.5e3", "1500", 2},
		{"-1e2", "-100", 2},
		{"1.50", "1.50", -2},
		{"00012.3400", "12.3400", -4},
		{"0.000", "0.000", -3},
		{"-0", "0", 0},
		{"-0.00", "0.00", -2},
		{"0e5", "0", 5},
		{"12.5e-3", "0.0125", -4},
		{"99999999999999999999999999999999999999", "99999999999999999999999999999999999999", 0},   // 38 digits, 128-bit path
		{"340282366920938463463374607431768211456", "340282366920938463463374607431768211456", 0}, // 2^128: big.Int path
		{"-1234567890123456789012345678901234567890.0123456789", "-1234567890123456789012345678901234567890.0123456789", -10},
		{"1e100000", "1" + strings.Repeat("0", 100000), 100000},
	} {
		decCheck(t, "ParseDecimal("+tc.in+")", decParse(t, tc.in), tc.want, tc.exp)
	}
}

func TestParseDecimalErrors(t *testing.T) {
	for _, in := range []string{
		"",          // empty
		"NaN",       // not finite
		"-Inf",      // not finite
		"infinity",  // not finite
		"abc",       // no digits
		"1.2.3",     // two points
		" 1",        // leading space
		"1 ",        // trailing space
		"1e",        // exponent without digits
		"1e+",       // exponent sign without digits
		"e5",        // exponent without mantissa
		".",         // point alone
		"-",         // sign alone
		"--1",       // two signs
		"1_000",     // underscore
		"0x10",      // hex
		"1e100001",  // exponent over the parse bound
		"1e-100001", // exponent under the parse bound
		"1,5",       // comma as decimal separator
	} {
		_, err := ParseDecimal(in)
		if err == nil {
			t.Errorf("ParseDecimal(%q) succeeded", in)
			continue
		}
		if !strings.Contains(err.Error(), strconv.Quote(in)) {
			t.Errorf("ParseDecimal(%q) error %q does not quote the input", in, err)
		}
	}
}

func TestDecimalString(t *testing.T) {
	two130, _ := new(big.Int).SetString("1361129467683753853853498429727072845824", 10) // 2^130
	for _, tc := range []struct {
		d    Decimal
		want string
	}{
		{NewDecimal(123456, -2), "1234.56"},
		{NewDecimal(-1, -3), "-0.001"},
		{NewDecimal(12, 2), "1200"},
		{NewDecimal(0, -2), "0.00"},
		{NewDecimal(0, 3), "0"},
		{NewDecimal(5, -1), "0.5"},
		{NewDecimal(-5, -1), "-0.5"},
		{NewDecimal(math.MinInt64, 0), "-9223372036854775808"},
		{NewDecimal(math.MaxInt64, -19), "0.9223372036854775807"},
		{DecimalFromInt64(-42), "-42"},
		{DecimalFromBigInt(two130, -5), "13611294676837538538534984297270728.45824"},
		{DecimalFromBigInt(new(big.Int).Neg(two130), 1), "-13611294676837538538534984297270728458240"},
		{DecimalFromBigInt(nil, 0), "0"},
		{Decimal{}, "0"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

// decRandom returns a random Decimal of up to maxDigits digits (with
// leading zeros sometimes, so shorter coefficients are common) and an
// exponent in [minExp, maxExp].
func decRandom(r *rand.Rand, maxDigits int, minExp, maxExp int32) Decimal {
	n := 1 + r.IntN(maxDigits)
	digits := make([]byte, n)
	for i := range digits {
		digits[i] = byte('0' + r.IntN(10))
	}
	coef, _ := new(big.Int).SetString(string(digits), 10)
	if r.IntN(2) == 0 {
		coef.Neg(coef)
	}
	return DecimalFromBigInt(coef, minExp+r.Int32N(maxExp-minExp+1))
}

func TestDecimalStringParseRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		d := decRandom(r, 60, -80, 0)
		got := decParse(t, d.String())
		if !reflect.DeepEqual(got, d) {
			t.Fatalf("ParseDecimal(%q) = %#v, want %#v", d.String(), got, d)
		}
	}
}

func TestDecimalRepresentationIsCanonical(t *testing.T) {
	// A coefficient that fits in 128 bits never sits in a big.Int, so equal
	// coefficients give identical Decimals whatever the constructor.
	small := DecimalFromBigInt(big.NewInt(-12345), -2)
	if !reflect.DeepEqual(small, NewDecimal(-12345, -2)) {
		t.Errorf("DecimalFromBigInt(-12345) = %#v, want the 128-bit form", small)
	}
	max128, _ := new(big.Int).SetString("340282366920938463463374607431768211455", 10) // 2^128 − 1
	if d := DecimalFromBigInt(max128, 0); d.big != nil {
		t.Errorf("2^128 − 1 went to big.Int")
	}
	if d := decParse(t, "340282366920938463463374607431768211456"); d.big == nil {
		t.Errorf("2^128 did not go to big.Int")
	}
	// Rounding 2^128 + 5 (a big.Int) to tens gives a value that fits again.
	d := decParse(t, "34028236692093846346337460743176821146.1").Round(0)
	if d.big != nil || d.String() != "34028236692093846346337460743176821146" {
		t.Errorf("Round(0) = %s (big %v)", d, d.big != nil)
	}
}

func TestDecimalNoNegativeZero(t *testing.T) {
	for _, d := range []Decimal{
		decParse(t, "-0"),
		decParse(t, "-0.00"),
		NewDecimal(0, -2).Neg(),
		decParse(t, "-0.001").Round(2),
		decParse(t, "-0.004").Round(2),
		decParse(t, "-12").Round(-3),
		DecimalFromBigInt(new(big.Int), -2),
	} {
		if d.Sign() != 0 || d.neg || strings.HasPrefix(d.String(), "-") {
			t.Errorf("%#v is a negative zero (%s)", d, d)
		}
	}
}

func TestDecimalAccessors(t *testing.T) {
	for _, tc := range []struct {
		in               string
		scale            int32
		prec, sign       int
		coefficient      string
		zero             bool
		exponentExpected int32
	}{
		{"1.50", 2, 3, 1, "150", false, -2},
		{"0.001", 3, 1, 1, "1", false, -3},
		{"-1200", 0, 4, -1, "-1200", false, 0},
		{"-12e2", 0, 2, -1, "-12", false, 2},
		{"0.00", 2, 1, 0, "0", true, -2},
		{"123456789012345678901234567890123456789012", 0, 42, 1, "123456789012345678901234567890123456789012", false, 0},
	} {
		d := decParse(t, tc.in)
		if d.Scale() != tc.scale || d.Precision() != tc.prec || d.Sign() != tc.sign ||
			d.Coefficient().String() != tc.coefficient || d.IsZero() != tc.zero || d.Exponent() != tc.exponentExpected {
			t.Errorf("%s: scale %d precision %d sign %d coefficient %s zero %v exponent %d; want %d %d %d %s %v %d",
				tc.in, d.Scale(), d.Precision(), d.Sign(), d.Coefficient(), d.IsZero(), d.Exponent(),
				tc.scale, tc.prec, tc.sign, tc.coefficient, tc.zero, tc.exponentExpected)
		}
	}
	if s := NewDecimal(1, math.MinInt32).Scale(); s != math.MaxInt32 {
		t.Errorf("Scale of exponent math.MinInt32 = %d, want math.MaxInt32", s)
	}
	if d := NewDecimal(7, 0).Round(math.MinInt32); !d.IsZero() || d.Exponent() != math.MaxInt32 {
		t.Errorf("Round(math.MinInt32) = %#v, want zero with exponent math.MaxInt32", d)
	}
	// Coefficient returns a copy: changing it leaves the Decimal alone.
	d := decParse(t, "123456789012345678901234567890123456789012")
	d.Coefficient().SetInt64(1)
	if d.String() != "123456789012345678901234567890123456789012" {
		t.Errorf("modifying Coefficient() changed the Decimal to %s", d)
	}
}

func TestDecimalCmp(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"1.5", "1.50", 0},
		{"12e2", "1200", 0},
		{"0", "0.000", 0},
		{"-0", "0", 0},
		{"1", "2", -1},
		{"-1", "-2", 1},
		{"-1", "1", -1},
		{"0", "-0.0001", 1},
		{"0.0001", "0", 1},
		{"1.01", "1.1", -1},
		{"99.99", "100", -1},
		{"1e30", "999999999999999999999999999999", 1},
		{"1e-30", "0.000000000000000000000000000001", 0},
		{"340282366920938463463374607431768211456", "340282366920938463463374607431768211455", 1}, // 2^128 vs 2^128 − 1
		{"340282366920938463463374607431768211456", "3.40282366920938463463374607431768211456e38", 0},
		{"3.40282366920938463463374607431768211457e38", "340282366920938463463374607431768211456", 1},
		{"1e-100000", "1e100000", -1},
	} {
		a, b := decParse(t, tc.a), decParse(t, tc.b)
		if got := a.Cmp(b); got != tc.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := b.Cmp(a); got != -tc.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tc.b, tc.a, got, -tc.want)
		}
		if a.Equal(b) != (tc.want == 0) {
			t.Errorf("Equal(%s, %s) = %v", tc.a, tc.b, a.Equal(b))
		}
	}
}

func TestDecimalRound(t *testing.T) {
	for _, tc := range []struct {
		in    string
		scale int32
		want  string
	}{
		// Half away from zero, as decround() (ESQL/C documentation table).
		{"1.4", 0, "1"},
		{"1.5", 0, "2"},
		{"1.684", 2, "1.68"},
		{"1.685", 2, "1.69"},
		{"1.685", 1, "1.7"},
		{"1.685", 0, "2"},
		{"-1.685", 2, "-1.69"},
		{"-1.684", 2, "-1.68"},
		{"1.235", 2, "1.24"},
		{"-1.235", 2, "-1.24"},
		{"1.2349", 2, "1.23"},
		{"0.005", 2, "0.01"},
		{"0.0049", 2, "0.00"},
		{"0.5", 0, "1"},
		{"0.05", 0, "0"},
		{"999.995", 2, "1000.00"},
		{"1.5", 2, "1.5"},    // already within scale: unchanged
		{"12e2", 0, "1200"},  // exponent above −scale: unchanged
		{"1250", -2, "1300"}, // negative scale rounds to hundreds
		{"-1249", -2, "-1200"},
		{"0.000", 1, "0.0"},
		{"340282366920938463463374607431768211456.5", 0, "340282366920938463463374607431768211457"},
		{"34028236692093846346337460743176821145.65", 1, "34028236692093846346337460743176821145.7"},
		{"1e-100000", 5, "0.00000"},
	} {
		got := decParse(t, tc.in).Round(tc.scale)
		if got.String() != tc.want {
			t.Errorf("Round(%s, %d) = %s, want %s", tc.in, tc.scale, got, tc.want)
		}
	}
}

func TestDecimalRescale(t *testing.T) {
	for _, tc := range []struct {
		in    string
		scale int32
		want  string // "" for an error
	}{
		{"1.5", 2, "1.50"},
		{"1.50", 1, "1.5"},
		{"1.25", 1, ""},
		{"12e2", 0, "1200"},
		{"1200", -2, "1200"},
		{"1250", -2, ""},
		{"0", 3, "0.000"},
		{"0.000", 0, "0"},
		{"-7", 3, "-7.000"},
		{"1", 40, "1." + strings.Repeat("0", 40)},      // overflows 128 bits: big.Int
		{"1." + strings.Repeat("0", 40), 0, "1"},       // and back
		{"1." + strings.Repeat("0", 39) + "1", 39, ""}, // big.Int with a non-zero digit to drop
		{"340282366920938463463374607431768211456", 1, "340282366920938463463374607431768211456.0"},
	} {
		got, err := decParse(t, tc.in).Rescale(tc.scale)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("Rescale(%s, %d) = %s, want an error", tc.in, tc.scale, got)
		case tc.want != "" && err != nil:
			t.Errorf("Rescale(%s, %d): %v", tc.in, tc.scale, err)
		case tc.want != "" && (got.String() != tc.want || got.Scale() != max(tc.scale, 0)):
			t.Errorf("Rescale(%s, %d) = %s (scale %d), want %s", tc.in, tc.scale, got, got.Scale(), tc.want)
		}
	}
}

func TestDecimalInt64(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"42", 42, true},
		{"-42.000", -42, true},
		{"12e2", 1200, true},
		{"9223372036854775807", math.MaxInt64, true},
		{"-9223372036854775808", math.MinInt64, true},
		{"9223372036854775808", 0, false},
		{"-9223372036854775809", 0, false},
		{"1.5", 0, false},
		{"1e19", 0, false},
		{"1e2000", 0, false},
		{"0.0", 0, true},
	} {
		got, err := decParse(t, tc.in).Int64()
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("Int64(%s) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	if _, err := NewDecimal(1, math.MaxInt32).Int64(); err == nil {
		t.Error("Int64 of 1e2147483647 succeeded")
	}
}

func TestDecimalFloat64(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  float64
		exact bool
	}{
		{"0.5", 0.5, true},
		{"-1.25", -1.25, true},
		{"0.1", 0.1, false},
		{"1200", 1200, true},
		{"0", 0, true},
		{"1e400", math.Inf(1), false},
		{"-1e400", math.Inf(-1), false},
		{"1e-400", 0, false},
		{"9007199254740993", 9007199254740992, false}, // 2^53 + 1 rounds to even
	} {
		got, exact := decParse(t, tc.in).Float64()
		if got != tc.want || exact != tc.exact {
			t.Errorf("Float64(%s) = %v, %v; want %v, %v", tc.in, got, exact, tc.want, tc.exact)
		}
	}
	if f, exact := NewDecimal(-1, math.MinInt32).Float64(); f != 0 || !math.Signbit(f) || exact {
		t.Errorf("Float64(-1e-2147483648) = %v, %v; want -0, false", f, exact)
	}
}

func TestDecimalRat(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1.50", "3/2"},
		{"-0.375", "-3/8"},
		{"12e2", "1200"},
		{"0.00", "0"},
	} {
		if got := decParse(t, tc.in).Rat().RatString(); got != tc.want {
			t.Errorf("Rat(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestDecimalFromRat(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"3/8", "0.375"},
		{"-1/1024", "-0.0009765625"},
		{"5", "5"},
		{"1/5", "0.2"},
		{"7/50", "0.14"},
		{"0", "0"},
		{"1/3", ""},
		{"-5/6", ""},
	} {
		r, _ := new(big.Rat).SetString(tc.in)
		got, err := DecimalFromRat(r)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("DecimalFromRat(%s) = %s, want an error", tc.in, got)
		case tc.want != "" && (err != nil || got.String() != tc.want):
			t.Errorf("DecimalFromRat(%s) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	if _, err := DecimalFromRat(nil); err == nil {
		t.Error("DecimalFromRat(nil) succeeded")
	}
}

func TestDecimalFromFloat64(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0.1, "0.1"},
		{1.5, "1.5"},
		{-123.456, "-123.456"},
		{1e21, "1000000000000000000000"},
		{math.Copysign(0, -1), "0"},
		{5e-324, "0." + strings.Repeat("0", 323) + "5"},
		{math.MaxFloat64, "17976931348623157" + strings.Repeat("0", 292)},
	} {
		got, err := DecimalFromFloat64(tc.in)
		if err != nil || got.String() != tc.want {
			t.Errorf("DecimalFromFloat64(%v) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := DecimalFromFloat64(f); err == nil {
			t.Errorf("DecimalFromFloat64(%v) succeeded", f)
		}
	}
}

func TestDecimalScan(t *testing.T) {
	for _, tc := range []struct {
		src  any
		want string
	}{
		{NewDecimal(150, -2), "1.50"},
		{"-12.30", "-12.30"},
		{[]byte("0.5"), "0.5"},
		{int64(-7), "-7"},
		{float64(2.25), "2.25"},
	} {
		var d Decimal
		if err := d.Scan(tc.src); err != nil || d.String() != tc.want {
			t.Errorf("Scan(%#v) = %s, %v; want %s", tc.src, d, err, tc.want)
		}
	}
	var d Decimal
	if err := d.Scan(nil); err == nil || !strings.Contains(err.Error(), "sql.Null") {
		t.Errorf("Scan(nil) error %v does not point to sql.Null", err)
	}
	for _, src := range []any{"1.2.3", true, math.NaN(), int32(1)} {
		if err := d.Scan(src); err == nil {
			t.Errorf("Scan(%#v) succeeded", src)
		}
	}
	var n sql.Null[Decimal]
	if err := n.Scan(nil); err != nil || n.Valid {
		t.Errorf("sql.Null[Decimal].Scan(nil) = %v, valid %v", err, n.Valid)
	}
	if err := n.Scan("3.0"); err != nil || !n.Valid || n.V.String() != "3.0" {
		t.Errorf("sql.Null[Decimal].Scan(3.0) = %v, %v %s", err, n.Valid, n.V)
	}
}

func TestDecimalValue(t *testing.T) {
	v, err := decParse(t, "-1234.50").Value()
	if err != nil || v != "-1234.50" {
		t.Errorf("Value() = %#v, %v; want \"-1234.50\"", v, err)
	}
}

func TestDecimalText(t *testing.T) {
	type row struct{ Price Decimal }
	b, err := json.Marshal(row{decParse(t, "19.90")})
	if err != nil || string(b) != `{"Price":"19.90"}` {
		t.Errorf("json.Marshal = %s, %v", b, err)
	}
	var r row
	if err := json.Unmarshal([]byte(`{"Price":"-0.050"}`), &r); err != nil || r.Price.String() != "-0.050" {
		t.Errorf("json.Unmarshal = %s, %v", r.Price, err)
	}
	if err := json.Unmarshal([]byte(`{"Price":"x"}`), &r); err == nil {
		t.Error("json.Unmarshal of \"x\" succeeded")
	}
	if got, err := decParse(t, "7.5").AppendText([]byte("v=")); err != nil || string(got) != "v=7.5" {
		t.Errorf("AppendText = %s, %v", got, err)
	}
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"123", "-123.4500", ".5", "5.", "1e-5", "1.5E+3", "-0", "NaN", "1e99999",
		"340282366920938463463374607431768211456", "-0.000000000000000000000000000000000000000012"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			return
		}
		back, err := ParseDecimal(d.String())
		if err != nil {
			t.Fatalf("ParseDecimal(%q) = %s, which does not parse: %v", s, d.brief(), err)
		}
		if d.Exponent() > 0 { // String writes the zeros out: exponent 0
			if d, err = d.Rescale(0); err != nil {
				t.Fatal(err)
			}
		}
		if !reflect.DeepEqual(back, d) {
			t.Fatalf("ParseDecimal(%q) = %#v, its String parses to %#v", s, d, back)
		}
	})
}
