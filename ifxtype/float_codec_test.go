package ifxtype

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/go-informix/informix/sqli"
)

// TestFloatRowVectors checks the examples of TYPES.md §5.4 in both
// directions and layouts.
func TestFloatRowVectors(t *testing.T) {
	cases := []struct {
		name string
		code sqli.TypeCode
		hex  string
		want any
	}{
		{"SMALLFLOAT 1.5 (computed, unconfirmed)", sqli.TypeSmallFloat, "3F C0 00 00", float32(1.5)},
		{"SMALLFLOAT 0.1 (computed, unconfirmed)", sqli.TypeSmallFloat, "3D CC CC CD", float32(0.1)},
		{"FLOAT 1.5 (computed, unconfirmed)", sqli.TypeFloat, "3F F8 00 00 00 00 00 00", 1.5},
		{"FLOAT 0.1 (computed, unconfirmed)", sqli.TypeFloat, "3F B9 99 99 99 99 99 9A", 0.1},
		{"SMALLFLOAT NULL ([W] S1-h)", sqli.TypeSmallFloat, "FF FF FF FF", nil},
		{"FLOAT NULL ([W] S1-h)", sqli.TypeFloat, "FF FF FF FF FF FF FF FF", nil},
		// A NaN that is not all ones is a value (TYPES.md §5.4).
		{"SMALLFLOAT quiet NaN is a value", sqli.TypeSmallFloat, "7F C0 00 00", math.Float32frombits(0x7FC00000)},
		{"FLOAT NaN with sign is a value", sqli.TypeFloat, "FF F8 00 00 00 00 00 01", math.Float64frombits(0xFFF8000000000001)},
		{"FLOAT -Inf", sqli.TypeFloat, "FF F0 00 00 00 00 00 00", math.Inf(-1)},
		{"SMALLFLOAT -0", sqli.TypeSmallFloat, "80 00 00 00", float32(math.Copysign(0, -1))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, seq := range []bool{false, true} {
				checkRowVector(t, Type{Code: c.code}, seq, nil, c.hex, c.want)
			}
		})
	}
}

// TestFloatBindVectors checks the FLOAT bind example of TYPES.md §4.1
// (shape [D] S1, value computed, unconfirmed) and SMALLFLOAT's, whose
// precision field 0 is [I].
func TestFloatBindVectors(t *testing.T) {
	checkBindVector(t, sqli.TypeFloat, nil, "3F F8 00 00 00 00 00 00", 0, 1.5)
	checkBindVector(t, sqli.TypeSmallFloat, nil, "3F C0 00 00", 0, float32(1.5))
}

// TestFloatConversions checks the Go values the encoders accept and how.
func TestFloatConversions(t *testing.T) {
	type celsius float64
	sf, f := Type{Code: sqli.TypeSmallFloat}, Type{Code: sqli.TypeFloat}
	// SMALLFLOAT rounds a float64 to the nearest float32: 0.1 becomes
	// 3DCCCCCD (TYPES.md §5.4), i.e. float32(0.1).
	checkRowRoundTrip(t, sf, false, nil, 0.1, float32(0.1))
	// 1 + 2^-24 lies exactly between float32 1 and 1 + 2^-23: ties to even
	// gives 1.
	checkRowRoundTrip(t, sf, false, nil, 1+math.Pow(2, -24), float32(1))
	checkRowRoundTrip(t, sf, false, nil, math.MaxFloat32, float32(math.MaxFloat32))
	checkRowRoundTrip(t, sf, false, nil, math.Inf(1), float32(math.Inf(1)))
	checkRowRoundTrip(t, f, false, nil, float32(0.1), float64(float32(0.1)))
	checkRowRoundTrip(t, f, false, nil, celsius(-40), -40.0)
	checkRowRoundTrip(t, sf, false, nil, 1<<24, float32(1<<24))
	checkRowRoundTrip(t, sf, false, nil, int64(-3)<<40, float32(-3<<40))
	checkRowRoundTrip(t, f, false, nil, uint32(math.MaxUint32), float64(math.MaxUint32))
	checkRowRoundTrip(t, f, false, nil, int64(1)<<53, float64(1<<53))
	checkBindRoundTrip(t, sqli.TypeSmallFloat, nil, uint8(7), float32(7))
}

// TestFloatEncodeErrors checks the values the encoders refuse, with error
// texts naming the value and the limit.
func TestFloatEncodeErrors(t *testing.T) {
	cases := []struct {
		name  string
		code  sqli.TypeCode
		v     any
		parts []string
	}{
		{"float64 beyond float32", sqli.TypeSmallFloat, 1e39, []string{"1e+39", "3.4028234663852886e+38"}},
		{"negative float64 beyond float32", sqli.TypeSmallFloat, -math.MaxFloat64, []string{"-1.7976931348623157e+308"}},
		{"2^24+1 not exact in float32", sqli.TypeSmallFloat, 1<<24 + 1, []string{"16777217", "not exactly"}},
		{"2^53+1 not exact in float64", sqli.TypeFloat, int64(1)<<53 + 1, []string{"9007199254740993", "not exactly"}},
		{"MaxInt64 rounds to 2^63", sqli.TypeFloat, int64(math.MaxInt64), []string{"9223372036854775807"}},
		{"uint64 above MaxInt64", sqli.TypeFloat, uint64(math.MaxUint64), []string{"18446744073709551615"}},
		{"float32 NULL pattern", sqli.TypeSmallFloat, math.Float32frombits(0xFFFFFFFF), []string{"NULL marker"}},
		{"float64 NULL pattern", sqli.TypeFloat, math.Float64frombits(math.MaxUint64), []string{"NULL marker"}},
		{"float64 NULL pattern rounded to float32", sqli.TypeSmallFloat, math.Float64frombits(math.MaxUint64), []string{"NULL marker"}},
		{"string", sqli.TypeFloat, "1.5", []string{"string", "1.5", "float64"}},
		{"bool", sqli.TypeSmallFloat, true, []string{"bool", "true"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			codec := scalarCodec(t, Type{Code: c.code})
			_, err := codec.AppendRow(nil, Type{Code: c.code}, c.v, false, nil)
			requireErrorNaming(t, err, c.parts...)
			_, _, err = codec.AppendBind(nil, c.v, nil)
			requireErrorNaming(t, err, c.parts...)
		})
	}
}

// TestFloatMalformed checks wrong widths and the NULL pattern in a bind.
func TestFloatMalformed(t *testing.T) {
	cases := []struct {
		name string
		code sqli.TypeCode
		hex  string
		bind bool // the input is malformed only as a bind value
	}{
		{"SMALLFLOAT three bytes", sqli.TypeSmallFloat, "3F C0 00", false},
		{"FLOAT four bytes", sqli.TypeFloat, "3F F8 00 00", false},
		{"FLOAT nine bytes", sqli.TypeFloat, "3F F8 00 00 00 00 00 00 00", false},
		{"SMALLFLOAT NULL pattern as a bind value", sqli.TypeSmallFloat, "FF FF FF FF", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			codec := scalarCodec(t, Type{Code: c.code})
			b := scalarHex(t, c.hex)
			if v, err := codec.DecodeRow(Type{Code: c.code}, b, true, nil); !c.bind && err == nil {
				t.Errorf("DecodeRow(% x) = %#v, want an error", b, v)
			}
			if v, err := codec.DecodeBind(0, b, nil); err == nil {
				t.Errorf("DecodeBind(% x) = %#v, want an error", b, v)
			}
		})
	}
}

// TestFloatRoundTripRandom encodes random bit patterns (every one but the
// NULL pattern is a value) and boundaries in rows and binds.
func TestFloatRoundTripRandom(t *testing.T) {
	r := scalarRand(3)
	f32 := []float32{0, float32(math.Copysign(0, -1)), 1, -1, math.MaxFloat32, -math.MaxFloat32,
		math.SmallestNonzeroFloat32, float32(math.Inf(1)), float32(math.Inf(-1)), math.Float32frombits(0x7F800001)}
	f64 := []float64{0, math.Copysign(0, -1), 1, -1, math.MaxFloat64, -math.MaxFloat64,
		math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN(), math.Float64frombits(0xFFFFFFFFFFFFFFFE)}
	for range 500 {
		if b := r.Uint32(); b != math.MaxUint32 {
			f32 = append(f32, math.Float32frombits(b))
		}
		if b := r.Uint64(); b != math.MaxUint64 {
			f64 = append(f64, math.Float64frombits(b))
		}
	}
	for _, seq := range []bool{false, true} {
		for _, v := range f32 {
			checkRowRoundTrip(t, Type{Code: sqli.TypeSmallFloat}, seq, nil, v, v)
		}
		for _, v := range f64 {
			checkRowRoundTrip(t, Type{Code: sqli.TypeFloat}, seq, nil, v, v)
		}
	}
	for _, v := range f32 {
		checkBindRoundTrip(t, sqli.TypeSmallFloat, nil, v, v)
	}
	for _, v := range f64 {
		checkBindRoundTrip(t, sqli.TypeFloat, nil, v, v)
	}
}

// TestFloatKeepsSignallingNaN checks that a float32 signalling NaN keeps its
// bits, which a detour through float64 would change.
func TestFloatKeepsSignallingNaN(t *testing.T) {
	ty := Type{Code: sqli.TypeSmallFloat}
	b, err := scalarCodec(t, ty).AppendRow(nil, ty, math.Float32frombits(0x7F800001), false, nil)
	if err != nil || binary.BigEndian.Uint32(b) != 0x7F800001 {
		t.Errorf("got % x, %v; want 7f 80 00 01", b, err)
	}
}

// TestFloatReencode checks the FuzzCodecs property for the float codecs.
func TestFloatReencode(t *testing.T) {
	r := scalarRand(4)
	for _, code := range []sqli.TypeCode{sqli.TypeSmallFloat, sqli.TypeFloat} {
		ty := Type{Code: code, Length: int32(r.Uint32())}
		c := scalarCodec(t, ty)
		var seeds [][]byte
		for _, v := range []any{nil, 1.5, -0.25} {
			b, _ := c.AppendRow(nil, ty, v, false, nil)
			seeds = append(seeds, b)
		}
		for _, b := range reencodeInputs(r, seeds) {
			checkReencode(t, ty, b, false, nil)
			checkReencode(t, ty, b, true, nil)
			checkBindReencode(t, code, b, nil)
		}
	}
}
