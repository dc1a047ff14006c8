package sqli

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

var _ = addClientSamples(&RetType{Columns: []RetTypeColumn{
	{Type: TypeVarChar, Length: 128},
	{Type: TypeLVarChar, Length: 2048},
	{Type: TypeBoolean, Length: 1},
	{Type: TypeDecimal, Length: 0x1002},
	{Type: TypeUDTVar, Owner: "informix", TypeName: "json", Length: 4096},
}})

func TestRetTypeRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &RetType{}, f)
			roundTrip(t, &RetType{Columns: []RetTypeColumn{{Type: TypeVarChar, Length: 128}}}, f)
			roundTrip(t, &RetType{Columns: []RetTypeColumn{
				{Type: TypeInteger, Length: 4},
				{Type: TypeLVarChar, Length: 2048},
				{Type: TypeUDTFixed, Owner: "informix", TypeName: "boolean", Length: 1},
				{Type: TypeDateTime, Length: 0x0c08},
				{Type: TypeBigInt, Length: 8},
			}}, f)
		})
	}
}

// TestRetTypeS4Bytes checks S4's SQ_RET_TYPE for one VARCHAR(128) column,
// bytes replayed from IBM JDBC traffic (SQLI.md §6.8; [B: S4]).
func TestRetTypeS4Bytes(t *testing.T) {
	want := unhex(t, "00 64 00 01 00 01 00 0d 00 00 00 80")
	m := &RetType{Columns: []RetTypeColumn{{Type: TypeVarChar, Length: 128}}}
	if got := mustEncode(t, m, Features{}); !bytes.Equal(got, want) {
		t.Fatalf("encoded % x, want % x", got, want)
	}
	if got := decodeAll(t, want, m, Features{}); !reflect.DeepEqual(got, m) {
		t.Fatalf("decoded %#v, want %#v", got, m)
	}
}

// TestRetTypeFetchExample checks the fetch group of SQLI.md §7.2 ("our
// construction"): SQ_ID 0, SQ_RET_TYPE for one VARCHAR(128), SQ_NFETCH of
// 4096 bytes, SQ_EOT.
func TestRetTypeFetchExample(t *testing.T) {
	t.Run("computed, unconfirmed", func(t *testing.T) {
		want := unhex(t, "00 04 00 00 00 64 00 01 00 01 00 0d 00 00 00 80 00 09 00 00 10 00 00 00 00 0c")
		msgs := []Message{
			&ID{StatementID: 0},
			&RetType{Columns: []RetTypeColumn{{Type: TypeVarChar, Length: 128}}},
			&NFetch{BufferSize: 4096},
			&EOT{},
		}
		var got []byte
		for _, m := range msgs {
			got = append(got, mustEncode(t, m, Features{})...)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("group\n got % x\nwant % x", got, want)
		}
	})
}

// TestRetTypeNames checks which entries carry the two CHARs: LVARCHAR (43)
// does, as two empty CHARs (S2's encoder, SQLI.md §6.8); BOOLEAN (45) and
// BIGINT (52) do not.
func TestRetTypeNames(t *testing.T) {
	cases := []struct {
		c   RetTypeColumn
		hex string
	}{
		{RetTypeColumn{Type: TypeLVarChar, Length: 2048}, "00 64 00 01 00 01 00 2b 00 00 00 00 00 00 08 00"},
		{RetTypeColumn{Type: TypeBoolean, Length: 1}, "00 64 00 01 00 01 00 2d 00 00 00 01"},
		{RetTypeColumn{Type: TypeBigInt, Length: 8}, "00 64 00 01 00 01 00 34 00 00 00 08"},
	}
	for _, c := range cases {
		want := unhex(t, c.hex)
		if got := mustEncode(t, &RetType{Columns: []RetTypeColumn{c.c}}, Features{}); !bytes.Equal(got, want) {
			t.Errorf("%v: % x, want % x", c.c.Type, got, want)
		}
	}
}

func TestRetTypeRefuses(t *testing.T) {
	if _, err := Encode(&RetType{Columns: []RetTypeColumn{{Type: TypeVarChar, Owner: "informix"}}}, Features{}); err == nil ||
		!strings.Contains(err.Error(), "carries no owner or type name") {
		t.Errorf("names on VARCHAR: err = %v", err)
	}
	cases := []struct {
		name, wantErr, hex string
		limits             Limits
	}{
		{"direction 2", "direction 2: only 1 (fetch) is known", "00 64 00 02 00 00", Limits{}},
		{"count over cap", "SQ_RET_TYPE count: length 2 over cap 1",
			"00 64 00 01 00 02 00 02 00 00 00 04 00 02 00 00 00 04", Limits{MaxBindValues: 1}},
		{"truncated second entry", "column 2 of 2", "00 64 00 01 00 02 00 02 00 00 00 04 00 02 00 00", Limits{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewBytesReader(unhex(t, c.hex))
			r.SetLimits(c.limits)
			if _, err := r.ReadTag(); err != nil {
				t.Fatal(err)
			}
			if err := new(RetType).Decode(r); err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("err = %v, want one containing %q", err, c.wantErr)
			}
		})
	}
}
