package sqli

import (
	"bytes"
	"testing"
)

var _ = addClientSamples(&NFetch{BufferSize: 4096}, &NFetch{BufferSize: 1 << 20, ArraySize: 3})

func TestNFetchRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &NFetch{BufferSize: 4096}, f)
			roundTrip(t, &NFetch{BufferSize: 2<<30 - 1, ArraySize: 1}, f)
			roundTrip(t, &NFetch{}, f)
		})
	}
}

// TestNFetchOpenGroupVector checks the fixed-width open + first fetch of
// statement 0 from SQLI.md §7.2, built from ID, CurName, Open, ID, NFetch
// and EOT. Computed, unconfirmed: the hex is the document's own
// construction. Its length is independent evidence: S2's live trace of JDBC
// showed a 42-byte group, and S1 uses a 42-byte reference ([W: S1, S2]).
func TestNFetchOpenGroupVector(t *testing.T) {
	want := unhex(t, `
		00 04 00 00 00 03 00 12 5f 69 66 78 63 30 30 30 30 30 30 30 30 30 30 30 30
		31 00 06 00 04 00 00 00 09 00 00 10 00 00 00 00 0c`)
	group := []Message{
		&ID{StatementID: 0}, &CurName{Name: "_ifxc0000000000001"}, &Open{},
		&ID{StatementID: 0}, &NFetch{BufferSize: 4096}, &EOT{},
	}
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			got := encodeGroup(t, f, group...)
			if len(got) != 42 {
				t.Fatalf("open + fetch group is %d bytes, want 42", len(got))
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("open + fetch group\n got % x\nwant % x", got, want)
			}
			r := NewBytesReader(want)
			r.Features = f
			requireMessages(t, clientNext(r), group)
		})
	}
}
