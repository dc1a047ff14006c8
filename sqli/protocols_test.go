package sqli

import (
	"bytes"
	"testing"
)

var _ = addClientSamples(&Protocols{Bitmap: JDBCFeatureOffer()}, &Protocols{Bitmap: []byte{0xff, 0xfc}})
var _ = addServerSamples(&Protocols{Bitmap: JDBCFeatureOffer()}, &Protocols{Bitmap: []byte{0x80}})

func TestProtocolsRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &Protocols{Bitmap: JDBCFeatureOffer()}, f)
			roundTrip(t, &Protocols{Bitmap: []byte{0xff, 0xfc, 0x7f, 0xfc, 0x3c, 0x8c, 0xaa, 0x97}}, f)
			roundTrip(t, &Protocols{Bitmap: []byte{1}}, f)
			roundTrip(t, &Protocols{}, f)
		})
	}
}

// TestProtocolsJDBCOffer checks the 16-byte request JDBC 15.0.1.3 writes
// after login (SQLI.md §3.5; [W: S2 live single write; D: S3 identical]).
func TestProtocolsJDBCOffer(t *testing.T) {
	want := unhex(t, "00 7e 00 09 ff fc 7f fc 3c 8c aa 97 06 00 00 0c")
	got := append(mustEncode(t, &Protocols{Bitmap: JDBCFeatureOffer()}, Features{}), mustEncode(t, &EOT{}, Features{})...)
	if !bytes.Equal(got, want) {
		t.Fatalf("JDBC offer\n got % x\nwant % x", got, want)
	}
	m := decodeAll(t, want[:14], &Protocols{}, Features{}).(*Protocols)
	if !bytes.Equal(m.Bitmap, JDBCFeatureOffer()) {
		t.Fatalf("decoded bitmap % x", m.Bitmap)
	}
}

// TestJDBCFeatureOfferBits rebuilds the offer from the feature list SQLI.md
// §3.6 decodes from it (computed, unconfirmed: the document's own [I]
// decoding) and checks the features that change layouts.
func TestJDBCFeatureOfferBits(t *testing.T) {
	var b []byte
	for _, r := range [][2]int{{0, 13}, {17, 29}, {34, 37}, {40, 40}, {44, 45}, {48, 48}, {50, 50},
		{52, 52}, {54, 54}, {56, 56}, {59, 59}, {61, 63}, {69, 70}} {
		for f := r[0]; f <= r[1]; f++ {
			b = SetFeature(b, f)
		}
	}
	if !bytes.Equal(b, JDBCFeatureOffer()) {
		t.Fatalf("features of SQLI.md §3.6 give % x, offer is % x", b, JDBCFeatureOffer())
	}
	want := Features{LongSQL: true, ExtDescribe: true, BigTuple: true, BigRowID: true}
	if got := (&Protocols{Bitmap: JDBCFeatureOffer()}).Features(); got != want {
		t.Fatalf("Features() = %+v, want %+v", got, want)
	}
	old := &Protocols{Bitmap: []byte{0xff, 0xfc, 0x7f, 0xfc, 0x3c, 0x8c, 0x8a}} // S10's 2010 offer: nothing from 56 up
	if got := old.Features(); got != (Features{}) {
		t.Fatalf("S10 offer Features() = %+v, want none", got)
	}
}

func TestProtocolsLengthCap(t *testing.T) {
	for _, c := range []struct {
		hex string
		got int64
	}{
		{"00 7e 00 05 01 02 03 04 05 00", 5},
		{"00 7e ff ff", -1},
	} {
		r := NewBytesReader(unhex(t, c.hex))
		r.SetLimits(Limits{MaxBitmap: 4})
		if _, err := r.ReadTag(); err != nil {
			t.Fatal(err)
		}
		var le *LimitError
		if err := new(Protocols).Decode(r); !asLimit(err, &le) || le.Got != c.got {
			t.Fatalf("%s: err = %v, want a LimitError for %d", c.hex, err, c.got)
		}
	}
}
