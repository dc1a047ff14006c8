package sqli

import (
	"bytes"
	"testing"
)

var _ = addServerSamples(&SGKTuple{Tuple{Data: []byte{0, 0, 0, 42}}})

func TestSGKTupleRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &SGKTuple{}, f)
			roundTrip(t, &SGKTuple{Tuple{Data: []byte{0, 0, 0, 42}}}, f)
			roundTrip(t, &SGKTuple{Tuple{Warnings: 1, Data: []byte{0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 7}}}, f)
		})
	}
}

// TestSGKTupleJDBC checks the SQ_SGKTUPLE rows after which IBM JDBC
// 15.0.0.1.1's getGeneratedKeys returned the keys (confirmed:
// conformance/testdata/jdbc/dml_counts.golden): tag 136, warnings 0, i32
// length, then the key in its row form: the SERIAL 102, the SERIAL8 3 in
// the INT8 form, the BIGSERIAL 43. An odd payload is padded like
// SQ_TUPLE's (computed, unconfirmed: no key row JDBC read was odd).
func TestSGKTupleJDBC(t *testing.T) {
	cases := []struct {
		data []byte
		hex  string
	}{
		{[]byte{0, 0, 0, 0x66}, "00 88 00 00 00 00 00 04 00 00 00 66"},
		{[]byte{0, 1, 0, 0, 0, 3, 0, 0, 0, 0}, "00 88 00 00 00 00 00 0a 00 01 00 00 00 03 00 00 00 00"},
		{[]byte{0, 0, 0, 0, 0, 0, 0, 0x2b}, "00 88 00 00 00 00 00 08 00 00 00 00 00 00 00 2b"},
		{[]byte{7, 8, 9}, "00 88 00 00 00 00 00 03 07 08 09 00"},
	}
	for _, c := range cases {
		wire := unhex(t, c.hex)
		m := &SGKTuple{Tuple{Data: c.data}}
		if got := mustEncode(t, m, Features{}); !bytes.Equal(got, wire) {
			t.Errorf("encoded % x, want % x", got, wire)
		}
		if got := decodeAll(t, wire, &SGKTuple{}, Features{}).(*SGKTuple); !bytes.Equal(got.Data, c.data) {
			t.Errorf("decoded % x, want % x", got.Data, c.data)
		}
	}
}
