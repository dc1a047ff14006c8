package sqli

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"testing"
	"testing/iotest"
)

// encodeGroup encodes ms back to back with features f, as a Writer would
// queue a request group.
func encodeGroup(t testing.TB, f Features, ms ...Message) []byte {
	t.Helper()
	var b []byte
	for _, m := range ms {
		b = append(b, mustEncode(t, m, f)...)
	}
	return b
}

// requireMessages reads len(want) messages with next, compares each with
// want as soon as it arrives (decoded values are reused and alias the read
// buffer), and then requires a clean end of stream.
func requireMessages(t *testing.T, next func() (Message, error), want []Message) {
	t.Helper()
	for i, w := range want {
		got, err := next()
		if err != nil {
			t.Fatalf("message %d (%v): %v", i, w.Tag(), err)
		}
		if !reflect.DeepEqual(normalize(got), normalize(w)) {
			t.Fatalf("message %d:\n got %#v\nwant %#v", i, got, w)
		}
	}
	if got, err := next(); !errors.Is(err, io.EOF) {
		t.Fatalf("after the group: %#v, %v; want io.EOF", got, err)
	}
}

// oneByteReader returns a Reader over b that receives one byte per read.
func oneByteReader(b []byte, f Features) *Reader {
	r := NewReader(iotest.OneByteReader(bytes.NewReader(b)))
	r.Features = f
	return r
}

// clientNext and serverNext adapt the two decoders to requireMessages.
func clientNext(r *Reader) func() (Message, error) {
	d := NewClientDecoder(r)
	return func() (Message, error) {
		m, err := d.Next()
		if err != nil {
			return nil, err
		}
		return m, nil
	}
}

func serverNext(r *Reader) func() (Message, error) {
	d := NewServerDecoder(r)
	return func() (Message, error) {
		m, err := d.Next()
		if err != nil {
			return nil, err
		}
		return m, nil
	}
}

// TestServerFetchGroups decodes realistic server answers from a stream
// that delivers one byte per read: a forward fetch that exhausts the cursor
// (SQLI.md §7.2), an INSERT into a SERIAL8/BIGSERIAL table (§7.3) and a
// scroll fetch (§6.11).
func TestServerFetchGroups(t *testing.T) {
	answers := []Message{
		// NFETCH answer: rows (INTEGER 1..3 and a VARCHAR), then the end of the cursor.
		&Tuple{Data: []byte{0, 0, 0, 1, 3, 'o', 'n', 'e'}},
		&Tuple{Data: []byte{0, 0, 0, 2, 3, 't', 'w', 'o'}},
		&Tuple{Data: []byte{0, 0, 0, 3, 5, 't', 'h', 'r', 'e', 'e'}},
		&Done{Rows: 3, RowID: 0, Serial: 0},
		&Cost{EstimatedRows: 3, EstimatedCost: 2},
		&XactStat{Event: 1, NewLevel: 1, OldLevel: 0},
		&EOT{},
		// EXECUTE of an INSERT into a table with SERIAL8 and BIGSERIAL columns.
		&InsertDone{Serial8: 4294967301, BigSerial: 1 << 40},
		&Done{Rows: 1, RowID: 257, Serial: 0},
		&Cost{EstimatedRows: 1, EstimatedCost: 1},
		&EOT{},
		// SFETCH ABSOLUTE 7 answer.
		&TupID{Position: 7},
		&Tuple{Data: []byte{0, 0, 0, 7}},
		&EOT{},
	}
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			wire := encodeGroup(t, f, answers...)
			requireMessages(t, serverNext(oneByteReader(wire, f)), answers)
		})
	}
}

// TestClientRequestGroups decodes the client side of a session from a
// one-byte-per-read stream: a DDL through SQ_COMMAND (§7.4), open and first
// fetch (§7.2), a scroll fetch (§6.11), both SQ_RBWORK forms (§6.18) and
// the savepoint messages.
func TestClientRequestGroups(t *testing.T) {
	requests := []Message{
		&Command{SQL: "CREATE TABLE t (id INT)"}, &NDescribe{}, &Execute{}, &Release{}, &EOT{},
		&ID{StatementID: 2}, &CurName{Name: "_ifxc0000000000003"}, &Open{},
		&ID{StatementID: 2}, &NFetch{BufferSize: 4096}, &EOT{},
		&ID{StatementID: 2}, &NFetch{BufferSize: 4096}, &EOT{},
		&ID{StatementID: 2}, &Close{}, &EOT{},
		&ID{StatementID: 3}, &SFetch{Type: ScrollAbsolute, Target: 7, BufferSize: 4096}, &EOT{},
		&Begin{}, &EOT{},
		&SetSavepoint{Name: "sp1", Unique: true}, &EOT{},
		&RollbackSavepoint{Name: "sp1"}, &EOT{},
		&ReleaseSavepoint{Name: "sp1"}, &EOT{},
		&RollbackWork{}, &EOT{},
		&Begin{}, &EOT{},
		&RollbackWork{Bare: true}, &EOT{},
	}
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			wire := encodeGroup(t, f, requests...)
			requireMessages(t, clientNext(oneByteReader(wire, f)), requests)
		})
	}
}
