package sqli

import "testing"

func TestDoneRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &Done{Warnings: DoneLogged | DoneANSI, Rows: 2, RowID: 267, Serial: 41}, f)
			roundTrip(t, &Done{Rows: -1, RowID: 1<<31 - 1, Serial: -7}, f)
		})
	}
	roundTrip(t, &Done{Rows: 1 << 40, RowID: 1 << 33}, Features{BigRowID: true})
}

func TestDoneWidths(t *testing.T) {
	// SQLI.md §6.9: S4's 14-byte body without feature 70; 2 + 8 + 8 + 4 with it.
	if n := len(mustEncode(t, &Done{}, Features{})); n != 2+14 {
		t.Fatalf("SQ_DONE without feature 70: %d bytes, want 16", n)
	}
	if n := len(mustEncode(t, &Done{}, Features{BigRowID: true})); n != 2+22 {
		t.Fatalf("SQ_DONE with feature 70: %d bytes, want 24", n)
	}
}

func TestDoneRowsNeedFeature70(t *testing.T) {
	if _, err := Encode(&Done{Rows: 1 << 40}, Features{}); err == nil {
		t.Fatal("a 2^40 row count was encoded into an int32")
	}
}
