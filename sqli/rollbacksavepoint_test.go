package sqli

import (
	"bytes"
	"testing"
)

var _ = addClientSamples(&RollbackSavepoint{Name: "sp1"})

func TestRollbackSavepointRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &RollbackSavepoint{Name: "sp1"}, f)
			roundTrip(t, &RollbackSavepoint{Name: "sp12"}, f)
		})
	}
}

// TestRollbackSavepointVector checks the layout of SQLI.md §6.18 ([D: S3])
// worked by hand: tag 139 = 00 8b, CHAR "sp12" = 00 04 73 70 31 32, even,
// so no pad. Computed, unconfirmed.
func TestRollbackSavepointVector(t *testing.T) {
	want := unhex(t, "00 8b 00 04 73 70 31 32")
	if got := mustEncode(t, &RollbackSavepoint{Name: "sp12"}, Features{}); !bytes.Equal(got, want) {
		t.Fatalf("encoded % x, want % x", got, want)
	}
	if got := decodeAll(t, want, &RollbackSavepoint{}, Features{}).(*RollbackSavepoint); got.Name != "sp12" {
		t.Fatalf("decoded %q", got.Name)
	}
	if _, err := Encode(&RollbackSavepoint{}, Features{}); err == nil {
		t.Fatal("an empty savepoint name was encoded")
	}
}
