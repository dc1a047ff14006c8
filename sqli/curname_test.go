package sqli

import (
	"bytes"
	"strings"
	"testing"
)

var _ = addClientSamples(&CurName{Name: "_ifxc0000000000001"}, &CurName{Name: "c1x"})

func TestCurNameRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &CurName{Name: "_ifxc0000000000001"}, f)
			roundTrip(t, &CurName{Name: "c1x"}, f)
			roundTrip(t, &CurName{}, f)
		})
	}
}

func TestCurNameVectors(t *testing.T) {
	cases := []struct {
		name, cursor, hex string
	}{
		// SQLI.md §6.6 ([W: S1, S2] for the layout); computed, unconfirmed:
		// the bytes were built from the layout, not captured.
		{"_ifxc0000000000001 (SQLI.md §6.6, computed, unconfirmed)", "_ifxc0000000000001",
			"00 03 00 12 5f 69 66 78 63 30 30 30 30 30 30 30 30 30 30 30 30 31"},
		// By hand: 3 bytes "c1x" = 63 31 78, odd, so one pad byte.
		{"odd length takes a pad byte", "c1x", "00 03 00 03 63 31 78 00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := unhex(t, c.hex)
			if got := mustEncode(t, &CurName{Name: c.cursor}, Features{}); !bytes.Equal(got, want) {
				t.Fatalf("encoded % x, want % x", got, want)
			}
			if got := decodeAll(t, want, &CurName{}, Features{}).(*CurName); got.Name != c.cursor {
				t.Fatalf("decoded %q, want %q", got.Name, c.cursor)
			}
		})
	}
}

func TestCurNameBounds(t *testing.T) {
	if _, err := Encode(&CurName{Name: strings.Repeat("c", 70000)}, Features{}); err == nil {
		t.Fatal("a 70 000-byte cursor name was encoded into a CHAR")
	}
	r := NewBytesReader(mustEncode(t, &CurName{Name: "_ifxc0000000000001"}, Features{}))
	r.SetLimits(Limits{MaxChar: 10})
	if _, err := r.ReadTag(); err != nil {
		t.Fatal(err)
	}
	var le *LimitError
	if err := new(CurName).Decode(r); !asLimit(err, &le) || le.Got != 18 || le.Limit != 10 {
		t.Fatalf("err = %v, want a LimitError for 18 over 10", err)
	}
}
