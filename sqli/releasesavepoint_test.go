package sqli

import (
	"bytes"
	"testing"
)

var _ = addClientSamples(&ReleaseSavepoint{Name: "sp1"})

func TestReleaseSavepointRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &ReleaseSavepoint{Name: "sp1"}, f)
			roundTrip(t, &ReleaseSavepoint{Name: "sp12"}, f)
		})
	}
}

// TestReleaseSavepointVector checks the layout of SQLI.md §6.18 ([D: S3])
// worked by hand: tag 138 = 00 8a, CHAR "sp1" = 00 03 73 70 31 + pad 00.
// Computed, unconfirmed.
func TestReleaseSavepointVector(t *testing.T) {
	want := unhex(t, "00 8a 00 03 73 70 31 00")
	if got := mustEncode(t, &ReleaseSavepoint{Name: "sp1"}, Features{}); !bytes.Equal(got, want) {
		t.Fatalf("encoded % x, want % x", got, want)
	}
	if got := decodeAll(t, want, &ReleaseSavepoint{}, Features{}).(*ReleaseSavepoint); got.Name != "sp1" {
		t.Fatalf("decoded %q", got.Name)
	}
	if _, err := Encode(&ReleaseSavepoint{}, Features{}); err == nil {
		t.Fatal("an empty savepoint name was encoded")
	}
}
