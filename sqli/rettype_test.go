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
// and BOOLEAN (45) do, BIGINT (52) does not (confirmed: IBM JDBC
// 15.0.0.1.1's SQ_RET_TYPE bytes, conformance/testdata/jdbc/types.golden,
// for 43 and 45; SQLI.md §6.7's rule for 52).
func TestRetTypeNames(t *testing.T) {
	cases := []struct {
		c   RetTypeColumn
		hex string
	}{
		{RetTypeColumn{Type: TypeLVarChar, Length: 2048}, "00 64 00 01 00 01 00 2b 00 00 00 00 00 00 08 00"},
		{RetTypeColumn{Type: TypeBoolean, Owner: "informix", TypeName: "boolean", Length: 1},
			"00 64 00 01 00 01 00 2d 00 08 69 6e 66 6f 72 6d 69 78 00 07 62 6f 6f 6c 65 61 6e 00 00 00 00 01"},
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

// TestRetTypeJDBC decodes and re-encodes the SQ_RET_TYPE IBM JDBC
// 15.0.0.1.1 sent before fetching SELECT id, v FROM tv_bool (confirmed:
// IBM JDBC 15.0.0.1.1, conformance/testdata/jdbc/types.golden): INTEGER
// length 4, then BOOLEAN 45 with the owner and type name of the column's
// description, "informix" and "boolean" (the second CHAR padded to even),
// length 1.
func TestRetTypeJDBC(t *testing.T) {
	wire := unhex(t, `00 64 00 01 00 02  00 02 00 00 00 04
		00 2d 00 08 69 6e 66 6f 72 6d 69 78 00 07 62 6f 6f 6c 65 61 6e 00 00 00 00 01`)
	want := &RetType{Columns: []RetTypeColumn{
		{Type: TypeInteger, Length: 4},
		{Type: TypeBoolean, Owner: "informix", TypeName: "boolean", Length: 1},
	}}
	if got := decodeAll(t, wire, &RetType{}, Features{}); !reflect.DeepEqual(got, want) {
		t.Fatalf("decoded %#v, want %#v", got, want)
	}
	if got := mustEncode(t, want, Features{}); !bytes.Equal(got, wire) {
		t.Fatalf("encoded % x, want % x", got, wire)
	}
}
