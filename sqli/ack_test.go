package sqli

import (
	"bytes"
	"testing"
)

func TestAckRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) { roundTrip(t, &Ack{}, f) })
	}
}

// TestAckGroup decodes the group IBM JDBC 15.0.0.1.1 sends after an
// SQ_PROTOCOLS answer granting feature 44 or 59: SQ_ACK, SQ_EOT. The bytes
// are worked by hand from SQLI.md §4's tag numbers, 128 = 00 80 and
// 12 = 00 0c (ifxtest saw the tag 128 from JDBC; no golden transcript
// holds it, as ifxtest grants neither feature).
func TestAckGroup(t *testing.T) {
	wire := unhex(t, "00 80 00 0c")
	if got := encodeGroup(t, Features{}, &Ack{}, &EOT{}); !bytes.Equal(got, wire) {
		t.Fatalf("encoded % x, want % x", got, wire)
	}
	requireMessages(t, clientNext(NewBytesReader(wire)), []Message{&Ack{}, &EOT{}})
}
