package sqli

import (
	"bytes"
	"math"
	"testing"
)

// TestInt8Vectors checks the INT8 examples of TYPES.md §5.2 (computed,
// unconfirmed: derived from int8.h, not captured).
func TestInt8Vectors(t *testing.T) {
	cases := []struct {
		v   int64
		hex string
	}{
		{1, "00 01 00 00 00 01 00 00 00 00"},
		{-1, "FF FF 00 00 00 01 00 00 00 00"},
		{4294967301, "00 01 00 00 00 05 00 00 00 01"},
		{math.MaxInt64, "00 01 FF FF FF FF 7F FF FF FF"},
	}
	for _, c := range cases {
		want := unhex(t, c.hex)
		if got := AppendInt8(nil, c.v); !bytes.Equal(got, want) {
			t.Errorf("AppendInt8(%d) = % x, want % x", c.v, got, want)
		}
		if v, null, err := ParseInt8(want); err != nil || null || v != c.v {
			t.Errorf("ParseInt8(% x) = %d, %v, %v", want, v, null, err)
		}
	}
}

func TestInt8Boundaries(t *testing.T) {
	for _, v := range []int64{0, 1, -1, math.MaxInt64, math.MinInt64, math.MaxInt32 + 1, math.MinInt32 - 1} {
		got, null, err := ParseInt8(AppendInt8(nil, v))
		if err != nil || null || got != v {
			t.Errorf("%d → %d, %v, %v", v, got, null, err)
		}
	}
	if _, null, err := ParseInt8(AppendInt8Null(nil)); !null || err != nil {
		t.Errorf("NULL: %v, %v", null, err)
	}
}

func TestInt8Malformed(t *testing.T) {
	for _, b := range [][]byte{
		unhex(t, "00 02 00 00 00 01 00 00 00 00"), // sign word 2
		unhex(t, "00 01 00 00 00 00 80 00 00 00"), // +2^63 does not fit
		unhex(t, "FF FF 00 00 00 01 80 00 00 00"), // -(2^63+1)
		{0, 1, 0},
	} {
		if _, _, err := ParseInt8(b); err == nil {
			t.Errorf("ParseInt8(% x) accepted", b)
		}
	}
}
