package sqli

import (
	"bytes"
	"errors"
	"math"
	"testing"
)

var _ = addServerSamples(
	&InsertDone{Serial8: 4294967301, BigSerial: 1 << 40},
	&InsertDone{Serial8Null: true, BigSerial: 12},
	&InsertDone{Serial8: -1},
)

func TestInsertDoneRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &InsertDone{Serial8: 4294967301, BigSerial: 1 << 40}, f)
			roundTrip(t, &InsertDone{Serial8Null: true, BigSerial: 9}, f)
			roundTrip(t, &InsertDone{Serial8: math.MaxInt64, BigSerial: math.MinInt64}, f)
			roundTrip(t, &InsertDone{Serial8: math.MinInt64}, f)
			roundTrip(t, &InsertDone{}, f)
		})
	}
}

// TestInsertDoneVectors frames the INT8 examples of TYPES.md §5.2 (computed,
// unconfirmed: derived from int8.h, not captured) in SQ_INSERTDONE: tag 94 =
// 00 5e, then the 10-byte INT8, then the i64 bigserial. The 18-byte payload
// is S4's arithmetic (SQLI.md §6.9: 44 = 18 + 16 + 10).
func TestInsertDoneVectors(t *testing.T) {
	cases := []struct {
		name string
		m    InsertDone
		hex  string
	}{
		{"serial8 4294967301, bigserial 0 (computed, unconfirmed)", InsertDone{Serial8: 4294967301},
			"00 5e 00 01 00 00 00 05 00 00 00 01 00 00 00 00 00 00 00 00"},
		{"serial8 -1, bigserial 258 (computed, unconfirmed)", InsertDone{Serial8: -1, BigSerial: 258},
			"00 5e ff ff 00 00 00 01 00 00 00 00 00 00 00 00 00 00 01 02"},
		{"serial8 NULL (computed, unconfirmed)", InsertDone{Serial8Null: true, BigSerial: 1},
			"00 5e 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := unhex(t, c.hex)
			if got := mustEncode(t, &c.m, Features{}); !bytes.Equal(got, want) {
				t.Fatalf("encoded % x, want % x", got, want)
			}
			if got := decodeAll(t, want, &InsertDone{}, Features{}).(*InsertDone); *got != c.m {
				t.Fatalf("decoded %#v, want %#v", got, c.m)
			}
		})
	}
}

// TestInsertDoneNullMagnitudeIgnored checks TYPES.md §5.2's NULL row: sign
// word 00 00 with any magnitude bytes is NULL.
func TestInsertDoneNullMagnitudeIgnored(t *testing.T) {
	wire := unhex(t, "00 5e 00 00 12 34 56 78 9a bc de f0 00 00 00 00 00 00 00 05")
	got := decodeAll(t, wire, &InsertDone{}, Features{}).(*InsertDone)
	if !got.Serial8Null || got.Serial8 != 0 || got.BigSerial != 5 {
		t.Fatalf("decoded %#v", got)
	}
}

func TestInsertDoneMalformed(t *testing.T) {
	// Sign word 2 is neither 1, -1 nor 0 (TYPES.md §5.2: reject other sign words).
	wire := unhex(t, "00 5e 00 02 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00")
	r := NewBytesReader(wire)
	if _, err := r.ReadTag(); err != nil {
		t.Fatal(err)
	}
	if err := new(InsertDone).Decode(r); !errors.Is(err, ErrBadInt8) {
		t.Fatalf("err = %v, want ErrBadInt8", err)
	}
	if _, err := Encode(&InsertDone{Serial8: 5, Serial8Null: true}, Features{}); err == nil {
		t.Fatal("a NULL serial8 with value 5 was encoded")
	}
}
