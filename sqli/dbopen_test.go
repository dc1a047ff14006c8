package sqli

import (
	"bytes"
	"testing"
)

var _ = addClientSamples(&DBOpen{Database: "stores_demo"}, &DBOpen{Database: "db", Flags: 1})

func TestDBOpenRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &DBOpen{Database: "stores_demo"}, f)
			roundTrip(t, &DBOpen{Database: "ab", Flags: -1}, f)
		})
	}
}

// TestDBOpenVector checks the SQ_DBOPEN + SQ_EOT example for stores_demo in
// SQLI.md §3.9 ([J: S2; D: S3, S5; B: S4]): an odd name gets a pad byte.
func TestDBOpenVector(t *testing.T) {
	want := unhex(t, "00 24 00 0b 73 74 6f 72 65 73 5f 64 65 6d 6f 00 00 00 00 0c")
	got := append(mustEncode(t, &DBOpen{Database: "stores_demo"}, Features{}), mustEncode(t, &EOT{}, Features{})...)
	if !bytes.Equal(got, want) {
		t.Fatalf("SQ_DBOPEN\n got % x\nwant % x", got, want)
	}
	m := decodeAll(t, want[:len(want)-2], &DBOpen{}, Features{}).(*DBOpen)
	if *m != (DBOpen{Database: "stores_demo"}) {
		t.Fatalf("decoded %+v", *m)
	}
}

func TestDBOpenEmptyName(t *testing.T) {
	if _, err := Encode(&DBOpen{}, Features{}); err == nil {
		t.Fatal("SQ_DBOPEN without a database name encoded")
	}
}
