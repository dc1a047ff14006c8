package sqli

import (
	"bytes"
	"testing"
)

var _ = addClientSamples(&ID{StatementID: 5}, &ID{StatementID: -1})

func TestIDRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			for _, id := range []int16{0, 1, 300, 32767, -1} {
				roundTrip(t, &ID{StatementID: id}, f)
			}
		})
	}
}

// TestIDVector checks SQ_ID for statement 300 against the layout of SQLI.md
// §6.5, worked by hand: tag 4 = 00 04, 300 = 0x012c = 01 2c.
func TestIDVector(t *testing.T) {
	want := unhex(t, "00 04 01 2c")
	if got := mustEncode(t, &ID{StatementID: 300}, Features{}); !bytes.Equal(got, want) {
		t.Fatalf("SQ_ID 300 = % x, want % x", got, want)
	}
}
