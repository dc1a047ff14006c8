package sqli

import (
	"bytes"
	"testing"
)

func TestTupleRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &Tuple{Data: []byte{0, 0, 0, 42}}, f)
			roundTrip(t, &Tuple{Warnings: 1, Data: []byte{0, 0, 0, 42, 2, 'a', 'b'}}, f)
			roundTrip(t, &Tuple{}, f)
		})
	}
}

// TestTupleVectors checks the SQ_TUPLE envelopes of TYPES.md §3.4. The
// framing is [W: S1 (pad byte observed)]; the values are computed, unconfirmed.
func TestTupleVectors(t *testing.T) {
	cases := []struct {
		name string
		hex  string
		data []byte
	}{
		{"SELECT 42, 'abc'::VARCHAR(10), DATE('2026-05-04')",
			"00 0E 00 00 00 00 00 0C 00 00 00 2A 03 61 62 63 00 00 B4 41",
			[]byte{0, 0, 0, 0x2a, 3, 'a', 'b', 'c', 0, 0, 0xb4, 0x41}},
		{"SELECT 42, 'ab'::VARCHAR(10) (odd payload, one pad byte)",
			"00 0E 00 00 00 00 00 07 00 00 00 2A 02 61 62 00",
			[]byte{0, 0, 0, 0x2a, 2, 'a', 'b'}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wire := unhex(t, c.hex)
			got := decodeAll(t, wire, &Tuple{}, Features{}).(*Tuple)
			if !bytes.Equal(got.Data, c.data) {
				t.Fatalf("payload % x, want % x", got.Data, c.data)
			}
			if enc := mustEncode(t, &Tuple{Data: c.data}, Features{}); !bytes.Equal(enc, wire) {
				t.Fatalf("encoded % x, want % x", enc, wire)
			}
		})
	}
}

func TestTupleOverCap(t *testing.T) {
	wire := mustEncode(t, &Tuple{Data: make([]byte, 100)}, Features{})
	r := NewBytesReader(wire)
	r.SetLimits(Limits{MaxTuple: 99})
	if _, err := r.ReadTag(); err != nil {
		t.Fatal(err)
	}
	err := new(Tuple).Decode(r)
	var le *LimitError
	if !asLimit(err, &le) || le.Got != 100 || le.Limit != 99 {
		t.Fatalf("err = %v, want a LimitError for 100 over 99", err)
	}
}
