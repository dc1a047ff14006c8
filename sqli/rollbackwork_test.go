package sqli

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

var _ = addClientSamples(&RollbackWork{}, &RollbackWork{Bare: true})

// The two SQ_RBWORK forms of SQLI.md §6.18: tag 20 = 00 14 and i16 0
// (confirmed: IBM JDBC 15.0.0.1.1 sends it,
// conformance/testdata/jdbc/transactions.golden; S3 does too), and the
// bare tag (computed, unconfirmed: no client is known to send it).
const (
	rollbackJDBCHex = "00 14 00 00"
	rollbackBareHex = "00 14"
)

func TestRollbackWorkEncode(t *testing.T) {
	cases := []struct {
		m   RollbackWork
		hex string
	}{
		{RollbackWork{}, rollbackJDBCHex},
		{RollbackWork{Bare: true}, rollbackBareHex},
	}
	for _, c := range cases {
		if got := mustEncode(t, &c.m, Features{}); !bytes.Equal(got, unhex(t, c.hex)) {
			t.Errorf("%#v encodes to % x, want %s", c.m, got, c.hex)
		}
	}
}

// TestRollbackWorkDecodeForms decodes each form followed by SQ_EOT, as it
// travels in a real group, from whole slices and from one-byte reads; and
// each form alone from a complete slice.
func TestRollbackWorkDecodeForms(t *testing.T) {
	for _, bare := range []bool{false, true} {
		m := &RollbackWork{Bare: bare}
		group := encodeGroup(t, Features{}, m, &EOT{})
		requireMessages(t, clientNext(NewBytesReader(group)), []Message{m, &EOT{}})
		requireMessages(t, clientNext(oneByteReader(group, Features{})), []Message{m, &EOT{}})
		got := decodeAll(t, mustEncode(t, m, Features{}), &RollbackWork{}, Features{}).(*RollbackWork)
		if got.Bare != bare {
			t.Errorf("alone: Bare = %v, want %v", got.Bare, bare)
		}
	}
}

// TestRollbackWorkShortReads checks what cannot be decoded: the tag and one
// byte of the next message, and, on a stream, a tag with nothing after it
// (the decoder must see the next two bytes to tell the forms apart).
func TestRollbackWorkShortReads(t *testing.T) {
	r := NewBytesReader(unhex(t, "00 14 00"))
	if _, err := r.ReadTag(); err != nil {
		t.Fatal(err)
	}
	if err := new(RollbackWork).Decode(r); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("00 14 00: err = %v, want io.ErrUnexpectedEOF", err)
	}
	r = NewReader(iotest.OneByteReader(bytes.NewReader(unhex(t, rollbackBareHex))))
	if _, err := r.ReadTag(); err != nil {
		t.Fatal(err)
	}
	if err := new(RollbackWork).Decode(r); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("stream ending after the tag: err = %v, want io.ErrUnexpectedEOF", err)
	}
}
