package sqli

import (
	"bytes"
	"strings"
	"testing"
)

var _ = addClientSamples(
	&Command{SQL: "CREATE TABLE t (id INT, name VARCHAR(40))"},
	&Command{Reserved: 1, SQL: "set isolation to committed read\x00"},
)

func TestCommandRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &Command{SQL: "CREATE TABLE t (id INT, name VARCHAR(40))"}, f)
			roundTrip(t, &Command{SQL: "odd"}, f)
			roundTrip(t, &Command{Reserved: -3, SQL: "DROP TABLE t"}, f)
			roundTrip(t, &Command{}, f)
		})
	}
}

// TestCommandGroupVector checks the whole SQ_COMMAND group of SQLI.md §7.4
// (COMMAND, NDESCRIBE, EXECUTE, RELEASE, EOT; 41 bytes of text, feature 62)
// in both directions. Computed, unconfirmed: the document's authors built
// these bytes from the layout ("our construction"); nothing was captured.
func TestCommandGroupVector(t *testing.T) {
	want := unhex(t, `
		00 01 00 00 00 00 00 29 43 52 45 41 54 45 20 54 41 42 4c 45 20 74 20 28
		69 64 20 49 4e 54 2c 20 6e 61 6d 65 20 56 41 52 43 48 41 52 28 34 30 29
		29 00 00 16 00 07 00 0b 00 0c`)
	f := Features{LongSQL: true}
	group := []Message{
		&Command{SQL: "CREATE TABLE t (id INT, name VARCHAR(40))"},
		&NDescribe{}, &Execute{}, &Release{}, &EOT{},
	}
	if got := encodeGroup(t, f, group...); !bytes.Equal(got, want) {
		t.Fatalf("SQ_COMMAND group\n got % x\nwant % x", got, want)
	}
	r := NewBytesReader(want)
	r.Features = f
	requireMessages(t, clientNext(r), group)
}

// TestCommandTokenLength checks Oninit's snooper report (SQLI.md §6.1;
// [W: S6]): dbaccess sent CREATE DATABASE with 40 characters of text as a
// 48-byte SQ_COMMAND, which is 2 (tag) + 2 (i16 0) + 4 (i32 length) + 40.
func TestCommandTokenLength(t *testing.T) {
	sql := "CREATE DATABASE " + strings.Repeat("x", 24)
	if len(sql) != 40 {
		t.Fatalf("test text is %d bytes", len(sql))
	}
	if n := len(mustEncode(t, &Command{SQL: sql}, Features{LongSQL: true})); n != 48 {
		t.Fatalf("SQ_COMMAND with 40 bytes of text is %d bytes, want 48", n)
	}
}

// TestCommandTrailingNUL checks that S4's form, whose length counts a
// trailing NUL (SQLI.md §6.1; [B: S4]), decodes with the NUL kept: "abc\0"
// is i16 1, i16 0, u16 4, 61 62 63 00 (even, so no pad).
func TestCommandTrailingNUL(t *testing.T) {
	wire := unhex(t, "00 01 00 00 00 04 61 62 63 00")
	got := decodeAll(t, wire, &Command{}, Features{}).(*Command)
	if got.SQL != "abc\x00" || got.Reserved != 0 {
		t.Fatalf("decoded %#v", got)
	}
}

func TestCommandTextOverCap(t *testing.T) {
	wire := mustEncode(t, &Command{SQL: strings.Repeat("x", 100)}, Features{LongSQL: true})
	r := NewBytesReader(wire)
	r.Features = Features{LongSQL: true}
	r.SetLimits(Limits{MaxSQL: 99})
	if _, err := r.ReadTag(); err != nil {
		t.Fatal(err)
	}
	var le *LimitError
	if err := new(Command).Decode(r); !asLimit(err, &le) || le.Got != 100 || le.Limit != 99 {
		t.Fatalf("err = %v, want a LimitError for 100 over 99", err)
	}
}
