package sqli

import (
	"bytes"
	"testing"
)

func TestPrepareRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &Prepare{ParamCount: 2, SQL: "SELECT a FROM t WHERE b = ? AND c = ?"}, f)
			roundTrip(t, &Prepare{SQL: "odd"}, f)
			roundTrip(t, &Prepare{}, f)
		})
	}
}

// TestPrepareVector checks the PREPARE group built in SQLI.md §6.2 from the
// layout (45 bytes of text, feature 62). Computed, unconfirmed: the bytes
// were constructed by the document's authors, not captured.
func TestPrepareVector(t *testing.T) {
	want := unhex(t, `
		00 02 00 01 00 00 00 2d 53 45 4c 45 43 54 20 74 61 62 6e 61 6d 65 20 46
		52 4f 4d 20 73 79 73 74 61 62 6c 65 73 20 57 48 45 52 45 20 74 61 62 69
		64 20 3e 20 3f 00 00 16 00 31 00 0c`)
	f := Features{LongSQL: true}
	var got []byte
	for _, m := range []Message{
		&Prepare{ParamCount: 1, SQL: "SELECT tabname FROM systables WHERE tabid > ?"},
		&NDescribe{}, &WantDone{}, &EOT{},
	} {
		got = append(got, mustEncode(t, m, f)...)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("PREPARE group\n got % x\nwant % x", got, want)
	}
}

func TestPrepareTextTooLongWithoutFeature62(t *testing.T) {
	long := string(make([]byte, 70000))
	if _, err := Encode(&Prepare{SQL: long}, Features{}); err == nil {
		t.Fatal("70 000 bytes of text encoded with a uint16 length")
	}
	if _, err := Encode(&Prepare{SQL: long}, Features{LongSQL: true}); err != nil {
		t.Fatalf("feature 62: %v", err)
	}
}
