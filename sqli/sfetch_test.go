package sqli

import (
	"bytes"
	"testing"
)

var _ = addClientSamples(
	&SFetch{Type: ScrollAbsolute, Target: 5, BufferSize: 4096},
	&SFetch{Type: ScrollRelative, Target: -2, BufferSize: 32767},
	&SFetch{Type: ScrollLast, BufferSize: 4096},
)

func TestSFetchRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			for st := ScrollNext; st <= ScrollRelative; st++ {
				roundTrip(t, &SFetch{Type: st, Target: int32(st) * 10, BufferSize: 4096}, f)
			}
			roundTrip(t, &SFetch{Type: ScrollRelative, Target: -3, BufferSize: 1 << 20}, f)
		})
	}
}

// TestSFetchVector checks SFETCH ABSOLUTE 5 with a 4096-byte buffer against
// the layout of SQLI.md §6.11, worked by hand: tag 23 = 00 17, type 6 =
// 00 06, i32 5 = 00 00 00 05, i32 4096 = 00 00 10 00. Computed, unconfirmed
// (the layout is [W: S1], no captured bytes are published).
func TestSFetchVector(t *testing.T) {
	want := unhex(t, "00 17 00 06 00 00 00 05 00 00 10 00")
	m := &SFetch{Type: ScrollAbsolute, Target: 5, BufferSize: 4096}
	if got := mustEncode(t, m, Features{}); !bytes.Equal(got, want) {
		t.Fatalf("encoded % x, want % x", got, want)
	}
	if got := decodeAll(t, want, &SFetch{}, Features{}).(*SFetch); *got != *m {
		t.Fatalf("decoded %#v, want %#v", got, m)
	}
}

// TestSFetchScrollTypeValues pins the constants to the numbers in SQLI.md §6.11.
func TestSFetchScrollTypeValues(t *testing.T) {
	want := map[ScrollType]int16{
		ScrollNext: 1, ScrollPrior: 2, ScrollFirst: 3, ScrollLast: 4,
		ScrollCurrent: 5, ScrollAbsolute: 6, ScrollRelative: 7,
	}
	for st, v := range want {
		if int16(st) != v {
			t.Errorf("scroll type %d, want %d", st, v)
		}
	}
}

func TestSFetchBadScrollType(t *testing.T) {
	for _, st := range []ScrollType{0, 8, -1} {
		if _, err := Encode(&SFetch{Type: st, BufferSize: 4096}, Features{}); err == nil {
			t.Errorf("scroll type %d encoded", st)
		}
	}
	// Decode keeps an unknown type for the server to refuse: 00 17, type 9, 0, 4096.
	got := decodeAll(t, unhex(t, "00 17 00 09 00 00 00 00 00 00 10 00"), &SFetch{}, Features{}).(*SFetch)
	if got.Type != 9 || got.BufferSize != 4096 {
		t.Fatalf("decoded %#v", got)
	}
}
