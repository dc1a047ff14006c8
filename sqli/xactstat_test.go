package sqli

import (
	"bytes"
	"testing"
)

var _ = addServerSamples(&XactStat{Event: 1, NewLevel: 1}, &XactStat{Event: 3, NewLevel: 0, OldLevel: 1})

func TestXactStatRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &XactStat{Event: 1, NewLevel: 1, OldLevel: 0}, f)
			roundTrip(t, &XactStat{Event: -1, NewLevel: 32767, OldLevel: -32768}, f)
			roundTrip(t, &XactStat{}, f)
		})
	}
}

// TestXactStatVector checks the answer to SQ_BEGIN as S4 sizes it ("99", 6
// bytes, "12"; SQLI.md §6.16, §6.18 [B: S4]). The field values are ours,
// since the event codes are not published (open question 4); the bytes are
// worked by hand: 00 63, 00 01, 00 01, 00 00, then SQ_EOT 00 0c. Computed,
// unconfirmed.
func TestXactStatVector(t *testing.T) {
	want := unhex(t, "00 63 00 01 00 01 00 00 00 0c")
	group := []Message{&XactStat{Event: 1, NewLevel: 1}, &EOT{}}
	if got := encodeGroup(t, Features{}, group...); !bytes.Equal(got, want) {
		t.Fatalf("encoded % x, want % x", got, want)
	}
	requireMessages(t, serverNext(NewBytesReader(want)), group)
}
