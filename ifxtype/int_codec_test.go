package ifxtype

import (
	"math"
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// intTypes lists every integer type with its width and largest value.
var intTypes = []struct {
	code sqli.TypeCode
	max  int64
}{
	{sqli.TypeSmallInt, math.MaxInt16},
	{sqli.TypeInteger, math.MaxInt32},
	{sqli.TypeSerial, math.MaxInt32},
	{sqli.TypeInt8, math.MaxInt64},
	{sqli.TypeSerial8, math.MaxInt64},
	{sqli.TypeBigInt, math.MaxInt64},
	{sqli.TypeBigSerial, math.MaxInt64},
}

// TestIntRowVectors checks the examples of TYPES.md §5.1–§5.3 in both
// directions, in both row layouts.
func TestIntRowVectors(t *testing.T) {
	cases := []struct {
		name string
		code sqli.TypeCode
		hex  string
		want any
	}{
		{"SMALLINT 42 (computed, unconfirmed)", sqli.TypeSmallInt, "00 2A", int64(42)},
		{"SMALLINT -2 (computed, unconfirmed)", sqli.TypeSmallInt, "FF FE", int64(-2)},
		{"SMALLINT NULL ([W] S1-h)", sqli.TypeSmallInt, "80 00", nil},
		{"INTEGER 42 (computed, unconfirmed)", sqli.TypeInteger, "00 00 00 2A", int64(42)},
		{"INTEGER NULL ([W] S1-h)", sqli.TypeInteger, "80 00 00 00", nil},
		{"SERIAL NULL ([W] S1-h)", sqli.TypeSerial, "80 00 00 00", nil},
		{"BIGINT NULL ([W] S1-h)", sqli.TypeBigInt, "80 00 00 00 00 00 00 00", nil},
		{"BIGSERIAL NULL ([W] S1-h)", sqli.TypeBigSerial, "80 00 00 00 00 00 00 00", nil},
		// BIGINT 2^40 = 0x100_0000_0000, by hand.
		{"BIGINT 2^40 (computed, unconfirmed)", sqli.TypeBigInt, "00 00 01 00 00 00 00 00", int64(1) << 40},
		{"INT8 1 (computed, unconfirmed)", sqli.TypeInt8, "00 01 00 00 00 01 00 00 00 00", int64(1)},
		{"INT8 -1 (computed, unconfirmed)", sqli.TypeInt8, "FF FF 00 00 00 01 00 00 00 00", int64(-1)},
		{"INT8 4294967301 (computed, unconfirmed)", sqli.TypeInt8, "00 01 00 00 00 05 00 00 00 01", int64(4294967301)},
		{"INT8 2^63-1 (computed, unconfirmed)", sqli.TypeInt8, "00 01 FF FF FF FF 7F FF FF FF", int64(math.MaxInt64)},
		{"SERIAL8 NULL ([H] int8.h sign word 0)", sqli.TypeSerial8, "00 00 00 00 00 00 00 00 00 00", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, seq := range []bool{false, true} {
				checkRowVector(t, Type{Code: c.code}, seq, nil, c.hex, c.want)
			}
		})
	}
}

// TestIntNullIgnoresMagnitude checks that an INT8 with sign word 0 is NULL
// whatever its magnitude bytes hold (TYPES.md §5.2: "00 00 xx xx …").
func TestIntNullIgnoresMagnitude(t *testing.T) {
	c := scalarCodec(t, Type{Code: sqli.TypeInt8})
	v, err := c.DecodeRow(Type{Code: sqli.TypeInt8}, scalarHex(t, "00 00 12 34 56 78 9A BC DE F0"), false, nil)
	if err != nil || v != nil {
		t.Errorf("got %#v, %v; want NULL", v, err)
	}
}

// TestIntBindVectors checks the bind examples of TYPES.md §4.1 (shapes [D]
// S1; the INTEGER and BIGINT precision fields are S1's live values) and the
// precision fields chosen by analogy for the unpublished types.
func TestIntBindVectors(t *testing.T) {
	checkBindVector(t, sqli.TypeInteger, nil, "00 00 00 2A", 0x0A00, int64(42))                // computed, unconfirmed
	checkBindVector(t, sqli.TypeBigInt, nil, "00 00 01 00 00 00 00 00", 0x1300, int64(1)<<40)  // computed, unconfirmed
	checkBindVector(t, sqli.TypeSmallInt, nil, "00 2A", 0x0500, int64(42))                     // prec [I]
	checkBindVector(t, sqli.TypeInt8, nil, "00 01 00 00 00 2A 00 00 00 00", 0x1300, int64(42)) // prec [I]
}

// TestIntEncodeGoKinds checks that every Go integer kind encodes.
func TestIntEncodeGoKinds(t *testing.T) {
	type id uint16
	for _, v := range []any{int(5), int8(5), int16(5), int32(5), int64(5), uint(5), uint8(5), uint16(5), uint32(5), uint64(5), uintptr(5), id(5)} {
		checkRowRoundTrip(t, Type{Code: sqli.TypeSmallInt}, false, nil, v, int64(5))
		checkBindRoundTrip(t, sqli.TypeInt8, nil, v, int64(5))
	}
}

// TestIntRangeErrors checks that values outside a column's range, the NULL
// sentinels included, are refused with an error naming the value and the
// limits.
func TestIntRangeErrors(t *testing.T) {
	cases := []struct {
		code  sqli.TypeCode
		v     any
		parts []string
	}{
		{sqli.TypeSmallInt, 32768, []string{"32768", "-32767..32767", "NULL"}},
		{sqli.TypeSmallInt, -32768, []string{"-32768", "-32767..32767", "NULL"}},
		{sqli.TypeInteger, int64(2147483648), []string{"2147483648", "-2147483647..2147483647"}},
		{sqli.TypeSerial, int64(-2147483648), []string{"-2147483648", "NULL marker"}},
		{sqli.TypeBigInt, int64(math.MinInt64), []string{"-9223372036854775808", "-9223372036854775807..9223372036854775807"}},
		{sqli.TypeInt8, int64(math.MinInt64), []string{"-9223372036854775808", "-9223372036854775807..9223372036854775807"}},
		{sqli.TypeBigSerial, uint64(math.MaxUint64), []string{"18446744073709551615", "9223372036854775807"}},
		{sqli.TypeInteger, 1.5, []string{"float64", "1.5", "Go integer"}},
		{sqli.TypeInteger, "12", []string{"string", "12"}},
	}
	for _, c := range cases {
		codec := scalarCodec(t, Type{Code: c.code})
		_, err := codec.AppendRow(nil, Type{Code: c.code}, c.v, false, nil)
		requireErrorNaming(t, err, c.parts...)
		_, _, err = codec.AppendBind(nil, c.v, nil)
		requireErrorNaming(t, err, c.parts...)
	}
}

// TestIntMalformed checks inputs no server sends.
func TestIntMalformed(t *testing.T) {
	cases := []struct {
		name string
		code sqli.TypeCode
		hex  string
	}{
		{"SMALLINT one byte short", sqli.TypeSmallInt, "00"},
		{"INTEGER one byte over", sqli.TypeInteger, "00 00 00 00 00"},
		{"BIGINT empty", sqli.TypeBigInt, ""},
		{"INT8 sign word 2", sqli.TypeInt8, "00 02 00 00 00 01 00 00 00 00"},
		{"INT8 +2^63 does not fit", sqli.TypeInt8, "00 01 00 00 00 00 80 00 00 00"},
		{"INT8 -2^63 outside the type's range", sqli.TypeSerial8, "FF FF 00 00 00 00 80 00 00 00"},
		{"INT8 nine bytes", sqli.TypeInt8, "00 01 00 00 00 01 00 00 00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			codec := scalarCodec(t, Type{Code: c.code})
			b := scalarHex(t, c.hex)
			if v, err := codec.DecodeRow(Type{Code: c.code}, b, false, nil); err == nil {
				t.Errorf("DecodeRow(% x) = %#v, want an error", b, v)
			}
			if v, err := codec.DecodeBind(0, b, nil); err == nil {
				t.Errorf("DecodeBind(% x) = %#v, want an error", b, v)
			}
		})
	}
}

// TestIntBindRefusesNull checks that the NULL sentinels are not bind
// values: a NULL parameter is indicator -1 (SQLI.md §6.7), and nil has no
// value bytes.
func TestIntBindRefusesNull(t *testing.T) {
	for _, it := range intTypes {
		c := scalarCodec(t, Type{Code: it.code})
		null, err := c.AppendRow(nil, Type{Code: it.code}, nil, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.DecodeBind(0, null, nil)
		requireErrorNaming(t, err, "NULL marker", "indicator -1")
		_, _, err = c.AppendBind(nil, nil, nil)
		requireErrorNaming(t, err, "indicator -1")
	}
}

// TestIntRowSize checks that RowSize reports the width and never more bytes
// than are present.
func TestIntRowSize(t *testing.T) {
	want := map[sqli.TypeCode]int{sqli.TypeSmallInt: 2, sqli.TypeInteger: 4, sqli.TypeSerial: 4,
		sqli.TypeInt8: 10, sqli.TypeSerial8: 10, sqli.TypeBigInt: 8, sqli.TypeBigSerial: 8}
	for _, it := range intTypes {
		c := scalarCodec(t, Type{Code: it.code})
		w := want[it.code]
		// The encoded length is not consulted: a garbage one changes nothing.
		ty := Type{Code: it.code, Length: -7}
		if n, err := c.RowSize(ty, make([]byte, 12), true); n != w || err != nil {
			t.Errorf("%v RowSize = %d, %v; want %d", it.code, n, err, w)
		}
		if _, err := c.RowSize(ty, make([]byte, w-1), true); err == nil {
			t.Errorf("%v RowSize accepted %d bytes", it.code, w-1)
		}
	}
}

// TestIntRoundTripRandom encodes random values and every boundary (the
// limits, one past them is tested in TestIntRangeErrors, 0, ±1, and the
// limits of the narrower types) in rows of both layouts and in binds.
func TestIntRoundTripRandom(t *testing.T) {
	r := scalarRand(1)
	for _, it := range intTypes {
		vals := []int64{0, 1, -1, it.max, -it.max, it.max - 1, -it.max + 1}
		for _, m := range []int64{math.MaxInt8, math.MaxInt16, math.MaxInt32} {
			if m < it.max {
				vals = append(vals, m, m+1, -m-1)
			}
		}
		for range 300 {
			v := r.Int64()
			if it.max < math.MaxInt64 {
				v = r.Int64N(2*it.max+1) - it.max
			}
			if v != math.MinInt64 {
				vals = append(vals, v)
			}
		}
		ty := Type{Code: it.code}
		for _, v := range vals {
			checkRowRoundTrip(t, ty, false, nil, v, v)
			checkRowRoundTrip(t, ty, true, nil, v, v)
			checkBindRoundTrip(t, it.code, nil, v, v)
		}
		checkRowRoundTrip(t, ty, true, nil, nil, nil)
	}
}

// TestIntReencode checks the FuzzCodecs property for the integer codecs:
// whatever decodes encodes again to an equal value.
func TestIntReencode(t *testing.T) {
	r := scalarRand(2)
	for _, it := range intTypes {
		ty := Type{Code: it.code, Length: int32(r.Uint32())}
		c := scalarCodec(t, ty)
		var seeds [][]byte
		for _, v := range []any{nil, int64(0), it.max, -it.max} {
			b, _ := c.AppendRow(nil, ty, v, false, nil)
			seeds = append(seeds, b)
		}
		for _, b := range reencodeInputs(r, seeds) {
			checkReencode(t, ty, b, false, nil)
			checkReencode(t, ty, b, true, nil)
			checkBindReencode(t, it.code, b, nil)
		}
	}
}

// TestDecodeRowFixedAllocs checks that decoding a fixed-width number
// allocates nothing beyond boxing the result in an interface.
func TestDecodeRowFixedAllocs(t *testing.T) {
	cases := []struct {
		code sqli.TypeCode
		v    any
	}{
		{sqli.TypeSmallInt, int64(-30000)},
		{sqli.TypeInteger, int64(123456789)},
		{sqli.TypeInt8, int64(-1) << 40},
		{sqli.TypeBigInt, int64(1) << 50},
		{sqli.TypeSmallFloat, float32(1.5)},
		{sqli.TypeFloat, 0.1},
		{sqli.TypeDate, time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		ty := Type{Code: c.code}
		codec := scalarCodec(t, ty)
		b, err := codec.AppendRow(nil, ty, c.v, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := codec.DecodeRow(ty, b, false, nil); err != nil {
				t.Fatal(err)
			}
		})
		if allocs > 1 {
			t.Errorf("%v DecodeRow: %v allocations, want at most 1 (the boxing)", c.code, allocs)
		}
	}
}
