package sqli

import (
	"bytes"
	"strings"
	"testing"
)

var _ = addClientSamples(&SetSavepoint{Name: "sp1", Unique: true}, &SetSavepoint{Name: "before_load"})

func TestSetSavepointRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &SetSavepoint{Name: "sp1", Unique: true}, f)
			roundTrip(t, &SetSavepoint{Name: "before_load"}, f)
			roundTrip(t, &SetSavepoint{Name: "ab"}, f)
		})
	}
}

// TestSetSavepointVectors checks the layout of SQLI.md §6.18 ([D: S3])
// worked by hand: tag 137 = 00 89, CHAR "sp1" = 00 03 73 70 31 + pad 00,
// then the unique flag. Computed, unconfirmed.
func TestSetSavepointVectors(t *testing.T) {
	cases := []struct {
		m   SetSavepoint
		hex string
	}{
		{SetSavepoint{Name: "sp1", Unique: true}, "00 89 00 03 73 70 31 00 00 01"},
		{SetSavepoint{Name: "sp12"}, "00 89 00 04 73 70 31 32 00 00"},
	}
	for _, c := range cases {
		want := unhex(t, c.hex)
		if got := mustEncode(t, &c.m, Features{}); !bytes.Equal(got, want) {
			t.Errorf("%#v encodes to % x, want % x", c.m, got, want)
		}
		if got := decodeAll(t, want, &SetSavepoint{}, Features{}).(*SetSavepoint); *got != c.m {
			t.Errorf("decoded %#v, want %#v", got, c.m)
		}
	}
}

func TestSetSavepointRejects(t *testing.T) {
	if _, err := Encode(&SetSavepoint{}, Features{}); err == nil || !strings.Contains(err.Error(), "empty savepoint name") {
		t.Fatalf("empty name: err = %v", err)
	}
	r := NewBytesReader(unhex(t, "00 89 00 03 73 70 31 00 00 02"))
	if _, err := r.ReadTag(); err != nil {
		t.Fatal(err)
	}
	if err := new(SetSavepoint).Decode(r); err == nil || !strings.Contains(err.Error(), "unique flag is 2") {
		t.Fatalf("unique flag 2: err = %v", err)
	}
}
