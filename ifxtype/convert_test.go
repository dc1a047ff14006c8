package ifxtype

import (
	"bytes"
	"encoding/hex"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/go-informix/informix/sqli"
)

// This file holds the helpers the tests of the scalar codecs share, and the
// tests of convert.go.

// scalarSeed is the fixed seed of every random test of the scalar codecs,
// so that a failure reproduces.
const scalarSeed = 0x1f0c0de

// scalarRand returns a generator with the fixed seed, offset by salt so that
// tests draw different values.
func scalarRand(salt uint64) *rand.Rand { return rand.New(rand.NewPCG(scalarSeed, salt)) }

// scalarHex parses hex bytes written with or without spaces, "00 2A".
func scalarHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

// scalarEqual compares decoded values like reflect.DeepEqual, except that
// floats compare by their bits, so that a NaN equals the same NaN.
func scalarEqual(a, b any) bool {
	switch x := a.(type) {
	case float32:
		y, ok := b.(float32)
		return ok && math.Float32bits(x) == math.Float32bits(y)
	case float64:
		y, ok := b.(float64)
		return ok && math.Float64bits(x) == math.Float64bits(y)
	}
	return reflect.DeepEqual(a, b)
}

// scalarCodec returns the codec of ty or fails the test.
func scalarCodec(t testing.TB, ty Type) Codec {
	t.Helper()
	c, err := CodecFor(ty)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkRowVector requires that the row bytes wantHex decode to want in the
// given layout, and that want (nil for NULL) encodes to exactly those bytes.
func checkRowVector(t *testing.T, ty Type, sequential bool, cs CodeSet, wantHex string, want any) {
	t.Helper()
	c := scalarCodec(t, ty)
	b := scalarHex(t, wantHex)
	if n, err := c.RowSize(ty, append(b, 0xEE), sequential); err != nil || n != len(b) {
		t.Errorf("%s RowSize(% x + trailing byte) = %d, %v; want %d", ty.SQLName(), b, n, err, len(b))
	}
	got, err := c.DecodeRow(ty, b, sequential, cs)
	if err != nil || !scalarEqual(got, want) {
		t.Errorf("%s DecodeRow(% x) = %#v, %v; want %#v", ty.SQLName(), b, got, err, want)
	}
	enc, err := c.AppendRow([]byte{0xAA}, ty, want, sequential, cs)
	if err != nil || !bytes.Equal(enc, append([]byte{0xAA}, b...)) {
		t.Errorf("%s AppendRow(%#v) = % x, %v; want aa % x", ty.SQLName(), want, enc, err, b)
	}
}

// checkBindVector requires that the bind value bytes wantHex decode to want
// and that want encodes to exactly those bytes with precision field prec.
func checkBindVector(t *testing.T, code sqli.TypeCode, cs CodeSet, wantHex string, prec int16, want any) {
	t.Helper()
	c := scalarCodec(t, Type{Code: code})
	b := scalarHex(t, wantHex)
	got, err := c.DecodeBind(prec, b, cs)
	if err != nil || !scalarEqual(got, want) {
		t.Errorf("%v DecodeBind(% x) = %#v, %v; want %#v", code, b, got, err, want)
	}
	p, enc, err := c.AppendBind([]byte{0xAA}, want, cs)
	if err != nil || p != prec || !bytes.Equal(enc, append([]byte{0xAA}, b...)) {
		t.Errorf("%v AppendBind(%#v) = %#04x, % x, %v; want %#04x, aa % x", code, want, p, enc, err, prec, b)
	}
}

// checkRowRoundTrip encodes v (nil for NULL) in a row, appended after
// existing bytes, and requires that RowSize measures it and DecodeRow gives
// back want.
func checkRowRoundTrip(t *testing.T, ty Type, sequential bool, cs CodeSet, v, want any) {
	t.Helper()
	c := scalarCodec(t, ty)
	enc, err := c.AppendRow([]byte{0xAA}, ty, v, sequential, cs)
	if err != nil {
		t.Fatalf("%s AppendRow(%#v): %v", ty.SQLName(), v, err)
	}
	b := enc[1:]
	if n, err := c.RowSize(ty, append(b, 0xEE, 0xEE), sequential); err != nil || n != len(b) {
		t.Fatalf("%s RowSize of the encoding of %#v = %d, %v; want %d", ty.SQLName(), v, n, err, len(b))
	}
	got, err := c.DecodeRow(ty, b, sequential, cs)
	if err != nil || !scalarEqual(got, want) {
		t.Fatalf("%s round trip of %#v: got %#v, %v; want %#v", ty.SQLName(), v, got, err, want)
	}
}

// checkBindRoundTrip encodes v as a bind value and requires that DecodeBind
// gives back want.
func checkBindRoundTrip(t *testing.T, code sqli.TypeCode, cs CodeSet, v, want any) {
	t.Helper()
	c := scalarCodec(t, Type{Code: code})
	prec, b, err := c.AppendBind(nil, v, cs)
	if err != nil {
		t.Fatalf("%v AppendBind(%#v): %v", code, v, err)
	}
	got, err := c.DecodeBind(prec, b, cs)
	if err != nil || !scalarEqual(got, want) {
		t.Fatalf("%v bind round trip of %#v: got %#v, %v; want %#v", code, v, got, err, want)
	}
}

// requireErrorNaming requires an error whose text contains every part.
func requireErrorNaming(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want one naming %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not name %q", err, p)
		}
	}
}

// checkReencode is the property FuzzCodecs checks, for one input: if b
// decodes as a row value of ty (measured by RowSize first in a sequential
// row), the value must encode again and decode to an equal value; RowSize
// must never claim more than len(b).
func checkReencode(t *testing.T, ty Type, b []byte, sequential bool, cs CodeSet) {
	t.Helper()
	c, err := CodecFor(ty)
	if err != nil {
		return
	}
	if sequential {
		n, err := c.RowSize(ty, b, true)
		if err != nil {
			return
		}
		if n < 0 || n > len(b) {
			t.Fatalf("%v (length %d) RowSize(% x) = %d, outside 0..%d", ty.Base(), ty.Length, b, n, len(b))
		}
		b = b[:n]
	}
	v, err := c.DecodeRow(ty, b, sequential, cs)
	if err != nil {
		return
	}
	enc, err := c.AppendRow(nil, ty, v, sequential, cs)
	if err != nil {
		t.Fatalf("%v (length %d) decoded %#v from % x, but AppendRow fails: %v", ty.Base(), ty.Length, v, b, err)
	}
	v2, err := c.DecodeRow(ty, enc, sequential, cs)
	if err != nil || !scalarEqual(v, v2) {
		t.Fatalf("%v (length %d) % x → %#v → % x → %#v, %v", ty.Base(), ty.Length, b, v, enc, v2, err)
	}
}

// checkBindReencode is checkReencode for bind values.
func checkBindReencode(t *testing.T, code sqli.TypeCode, b []byte, cs CodeSet) {
	t.Helper()
	c := scalarCodec(t, Type{Code: code})
	v, err := c.DecodeBind(0, b, cs)
	if err != nil {
		return
	}
	_, enc, err := c.AppendBind(nil, v, cs)
	if err != nil {
		t.Fatalf("%v bind decoded %#v from % x, but AppendBind fails: %v", code, v, b, err)
	}
	v2, err := c.DecodeBind(0, enc, cs)
	if err != nil || !scalarEqual(v, v2) {
		t.Fatalf("%v bind % x → %#v → % x → %#v, %v", code, b, v, enc, v2, err)
	}
}

// reencodeInputs returns inputs for the re-encode property: random bytes of
// every length up to 12, and each seed encoding with one byte changed, cut
// short and extended.
func reencodeInputs(r *rand.Rand, seeds [][]byte) [][]byte {
	var out [][]byte
	for range 400 {
		b := make([]byte, r.IntN(13))
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		out = append(out, b)
	}
	for _, s := range seeds {
		out = append(out, s, append(bytes.Clone(s), byte(r.Uint32())))
		if len(s) > 0 {
			out = append(out, s[:r.IntN(len(s))])
			for range 8 {
				m := bytes.Clone(s)
				m[r.IntN(len(m))] = byte(r.Uint32())
				out = append(out, m)
			}
		}
	}
	return out
}

// TestInt64Of checks which Go values the integer encoders accept.
func TestInt64Of(t *testing.T) {
	type myInt int16
	type myUint uint64
	cases := []struct {
		v        any
		n        int64
		ok, fits bool
	}{
		{int64(-5), -5, true, true},
		{int(7), 7, true, true},
		{int8(-128), -128, true, true},
		{int16(300), 300, true, true},
		{int32(-70000), -70000, true, true},
		{uint(9), 9, true, true},
		{uint8(255), 255, true, true},
		{uint16(65535), 65535, true, true},
		{uint32(4294967295), 4294967295, true, true},
		{uint64(math.MaxInt64), math.MaxInt64, true, true},
		{uint64(math.MaxInt64 + 1), 0, true, false},
		{uintptr(3), 3, true, true},
		{myInt(-2), -2, true, true},
		{myUint(1 << 63), 0, true, false},
		{1.0, 0, false, false},
		{"1", 0, false, false},
		{nil, 0, false, false},
	}
	for _, c := range cases {
		n, ok, fits := int64Of(c.v)
		if ok != c.ok || fits != c.fits || (fits && n != c.n) {
			t.Errorf("int64Of(%T %v) = %d, %v, %v; want %d, %v, %v", c.v, c.v, n, ok, fits, c.n, c.ok, c.fits)
		}
	}
}

// TestIntToFloat checks exactness at the edges of float32 and float64
// precision: 2^24+1 and 2^53+1 are the first integers they cannot hold.
func TestIntToFloat(t *testing.T) {
	cases := []struct {
		n      int64
		single bool
		exact  bool
	}{
		{1 << 24, true, true},
		{1<<24 + 1, true, false},
		{-(1 << 24), true, true},
		{1<<24 + 2, true, true},
		{1 << 53, false, true},
		{1<<53 + 1, false, false},
		{math.MaxInt64, false, false}, // rounds to 2^63
		{math.MaxInt64, true, false},
		{math.MinInt64, false, true}, // -2^63 is a power of two
		{0, true, true},
	}
	for _, c := range cases {
		if _, exact := intToFloat(c.n, c.single); exact != c.exact {
			t.Errorf("intToFloat(%d, single %v) exact = %v, want %v", c.n, c.single, exact, c.exact)
		}
	}
}

// TestTextOf checks the Go types the character encoders accept.
func TestTextOf(t *testing.T) {
	if s, ok := textOf("héllo"); !ok || s != "héllo" {
		t.Errorf("string: %q, %v", s, ok)
	}
	if s, ok := textOf([]byte("abc")); !ok || s != "abc" {
		t.Errorf("[]byte: %q, %v", s, ok)
	}
	if _, ok := textOf(42); ok {
		t.Error("int accepted as text")
	}
}

// TestShortValue checks that long values are cut in error messages.
func TestShortValue(t *testing.T) {
	if got := shortValue(strings.Repeat("x", 100)); got != strings.Repeat("x", 40)+"…" {
		t.Errorf("shortValue = %q", got)
	}
	if got := shortValue(12); got != "12" {
		t.Errorf("shortValue(12) = %q", got)
	}
}
