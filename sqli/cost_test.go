package sqli

import (
	"bytes"
	"testing"
)

var _ = addServerSamples(&Cost{EstimatedRows: 70000, EstimatedCost: 12})

func TestCostRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &Cost{EstimatedRows: 70000, EstimatedCost: 12}, f)
			roundTrip(t, &Cost{EstimatedRows: -1, EstimatedCost: 1<<31 - 1}, f)
			roundTrip(t, &Cost{}, f)
		})
	}
}

// TestCostVector checks the layout of SQLI.md §6.9 worked by hand: tag 55 =
// 00 37, 70 000 rows = 0x00011170, cost 12 = 0x0000000c. The total of 10
// bytes is S4's arithmetic for SQ_COST ([B: S4]: "COST 10"). Computed,
// unconfirmed.
func TestCostVector(t *testing.T) {
	want := unhex(t, "00 37 00 01 11 70 00 00 00 0c")
	m := &Cost{EstimatedRows: 70000, EstimatedCost: 12}
	if got := mustEncode(t, m, Features{}); !bytes.Equal(got, want) {
		t.Fatalf("encoded % x, want % x", got, want)
	}
	if got := decodeAll(t, want, &Cost{}, Features{}).(*Cost); *got != *m {
		t.Fatalf("decoded %#v, want %#v", got, m)
	}
}
