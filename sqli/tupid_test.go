package sqli

import (
	"bytes"
	"testing"
)

var _ = addServerSamples(&TupID{Position: 7}, &TupID{Position: 1 << 20})

func TestTupIDRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			for _, p := range []int32{1, 7, 65536, 1<<31 - 1, 0} {
				roundTrip(t, &TupID{Position: p}, f)
			}
		})
	}
}

// TestTupIDVector checks position 65 537 with the assumed i32 width
// (SQLI.md open question 11), worked by hand: tag 25 = 00 19, 65 537 =
// 0x00010001. Computed, unconfirmed.
func TestTupIDVector(t *testing.T) {
	want := unhex(t, "00 19 00 01 00 01")
	if got := mustEncode(t, &TupID{Position: 65537}, Features{}); !bytes.Equal(got, want) {
		t.Fatalf("encoded % x, want % x", got, want)
	}
	if got := decodeAll(t, want, &TupID{}, Features{}).(*TupID); got.Position != 65537 {
		t.Fatalf("decoded %d", got.Position)
	}
}
