package sqli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// sampleDescribe is a SELECT of five columns covering odd and even name
// lengths, an empty name, flags, extended types with owner and type names,
// and a DATETIME qualifier.
var sampleDescribe = &Describe{
	StatementType: StmtSelect, StatementID: 3, EstimatedRows: 12, TupleSize: 4 + 51 + 11 + 5 + 7,
	Columns: []DescribeColumn{
		{Name: "id", Start: 0, Type: TypeSerial | FlagNotNull, Length: 4},
		{Name: "name", Start: 4, Type: TypeVarChar, Length: 0x0a32},
		{Name: "", Start: 55, Type: TypeDecimal, Length: 0x1002},
		{Name: "flag", Start: 66, Type: TypeUDTFixed, XID: 5, Owner: "informix", TypeName: "boolean", Length: 1},
		{Name: "ts", Start: 71, Type: TypeDateTime, Length: 0x0c08, Reference: 1, Alignment: 2, SourceType: 7},
	},
}

var _ = addServerSamples(sampleDescribe,
	&Describe{StatementType: StmtInsert, StatementID: 1, Columns: []DescribeColumn{
		{Name: "a", Type: TypeInteger, Length: 4},
		{Name: "doc", Start: 4, Type: TypeUDTVar, XID: 1, Owner: "informix", TypeName: "lvarchar", Length: 2048},
	}},
)

func TestDescribeRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &Describe{StatementType: StmtCreateTable, StatementID: 0, EstimatedRows: 0}, f)
			roundTrip(t, &Describe{StatementType: StmtSelect, StatementID: 7, TupleSize: 4,
				Columns: []DescribeColumn{{Name: "tabid", Type: TypeSerial, Length: 4}}}, f)
			roundTrip(t, sampleDescribe, f)
		})
	}
	roundTrip(t, &Describe{StatementType: StmtSelect, TupleSize: 100000,
		Columns: []DescribeColumn{{Name: "big", Type: TypeChar, Length: 100000}}}, Features{BigTuple: true})
}

// TestDescribe1000Columns round-trips a wide result under both feature sets
// and checks that every name resolves to its own column. The full prefix
// check of roundTrip is quadratic in the message size, so it samples
// prefixes instead: every one of the first 300 bytes, then every 97th.
func TestDescribe1000Columns(t *testing.T) {
	m := wideDescribe(1000)
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			b := mustEncode(t, m, f)
			got := decodeAll(t, b, m, f).(*Describe)
			if !reflect.DeepEqual(got, m) {
				t.Fatal("1000-column SQ_DESCRIBE changed across a round trip")
			}
			requireSplitReads(t, b, m, f)
			for i := 0; i < len(b); i++ {
				if i >= 300 && i%97 != 0 {
					continue
				}
				r := NewBytesReader(b[:i])
				r.Features = f
				if _, err := r.ReadTag(); err == nil && new(Describe).Decode(r) == nil {
					t.Fatalf("prefix of %d/%d bytes decoded without error", i, len(b))
				}
			}
		})
	}
}

// wideDescribe returns a SELECT of n INTEGER columns named c0001, c0002, ….
func wideDescribe(n int) *Describe {
	m := &Describe{StatementType: StmtSelect, TupleSize: int32(4 * n), Columns: make([]DescribeColumn, n)}
	for i := range m.Columns {
		m.Columns[i] = DescribeColumn{Name: fmt.Sprintf("c%04d", i+1), Start: int32(4 * i), Type: TypeInteger, Length: 4}
	}
	return m
}

// TestDescribeSizes checks the arithmetic of SQLI.md §6.4 and §6.1 (S4's
// black-box offsets): the header is 2+2+4+2+2+4 = 16 bytes with an i16
// tuple size (18 with feature 69), each long descriptor with empty owner
// and type names is 4+4+2+4+2+2+2+2+4+4 = 30 bytes, and k empty names take
// k NUL bytes plus a pad when k is odd. With the 2-byte tag:
//
//	k=0: 2+16          = 18 (the 16-byte body of §6.1)
//	k=1: 2+16+30+1+1   = 50
//	k=2: 2+16+60+2     = 80
//	k=3: 2+16+90+3+1   = 112
func TestDescribeSizes(t *testing.T) {
	for _, c := range []struct {
		k, want, wantBigTuple int
	}{
		{0, 18, 20}, {1, 50, 52}, {2, 80, 82}, {3, 112, 114},
	} {
		m := &Describe{StatementType: StmtSelect, Columns: make([]DescribeColumn, c.k)}
		if n := len(mustEncode(t, m, Features{})); n != c.want {
			t.Errorf("%d columns, i16 tuple size: %d bytes, want %d", c.k, n, c.want)
		}
		if n := len(mustEncode(t, m, Features{BigTuple: true})); n != c.wantBigTuple {
			t.Errorf("%d columns, i32 tuple size: %d bytes, want %d", c.k, n, c.wantBigTuple)
		}
	}
}

// TestDescribeTypesExample decodes the synthetic example of TYPES.md §2
// (INT column a, VARCHAR(50) column b; i16 tuple size, so no feature 69)
// and re-encodes it to the same bytes.
func TestDescribeTypesExample(t *testing.T) {
	t.Run("computed, unconfirmed (S9 proxy fixture)", func(t *testing.T) {
		wire := unhex(t, `
			00 08
			00 02 00 00 00 00 00 00
			00 37
			00 02
			00 00 00 04
			00 00 00 00  00 00 00 00  00 02  00 00 00 00  00 00  00 00  00 00  00 00  00 00 00 00  00 00 00 04
			00 00 00 02  00 00 00 04  00 0D  00 00 00 00  00 00  00 00  00 00  00 00  00 00 00 00  00 00 00 32
			61 00 62 00`)
		want := &Describe{StatementType: StmtSelect, TupleSize: 55, Columns: []DescribeColumn{
			{Name: "a", Start: 0, Type: TypeInteger, Length: 4},
			{Name: "b", Start: 4, Type: TypeVarChar, Length: 50},
		}}
		got := decodeAll(t, wire, &Describe{}, Features{})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("decoded\n %#v\nwant %#v", got, want)
		}
		if enc := mustEncode(t, want, Features{}); !bytes.Equal(enc, wire) {
			t.Fatalf("encoded\n % x\nwant % x", enc, wire)
		}
	})
}

// TestDescribeSharedName checks that two descriptors may point at the same
// name and that a name may start inside another one: the blob is addressed
// by offset, and nothing says the server writes one name per column.
func TestDescribeSharedName(t *testing.T) {
	wire := unhex(t, `
		00 08  00 02 00 00 00 00 00 00  00 08  00 02  00 00 00 05
		00 00 00 01  00 00 00 00  00 02  00 00 00 00  00 00  00 00  00 00  00 00  00 00 00 00  00 00 00 04
		00 00 00 00  00 00 00 04  00 02  00 00 00 00  00 00  00 00  00 00  00 00  00 00 00 00  00 00 00 04
		61 62 63 00 00  00`)
	got := decodeAll(t, wire, &Describe{}, Features{}).(*Describe)
	if got.Columns[0].Name != "bc" || got.Columns[1].Name != "abc" {
		t.Fatalf("names %q, %q; want \"bc\", \"abc\"", got.Columns[0].Name, got.Columns[1].Name)
	}
}

func TestDescribeMalformed(t *testing.T) {
	// One column "ab": tag 2 + header 16, the descriptor's name offset at
	// bytes 18–21, the blob "ab\0" and its pad in the last 4 bytes.
	good := mustEncode(t, &Describe{Columns: []DescribeColumn{{Name: "ab", Type: TypeInteger}}}, Features{})
	patch := func(off int, b ...byte) []byte {
		w := bytes.Clone(good)
		copy(w[off:], b)
		return w
	}
	cases := []struct {
		name, wantErr string
		wire          []byte
		limits        Limits
	}{
		{"offset past the blob", "name offset 3 outside the 3-byte name blob", patch(18, 0, 0, 0, 3), Limits{}},
		{"negative offset", "name offset -1 outside", patch(18, 0xff, 0xff, 0xff, 0xff), Limits{}},
		{"name without NUL", "no NUL before the end", patch(len(good)-2, 'c'), Limits{}},
		{"negative names length", "negative length -2", patch(14, 0xff, 0xff, 0xff, 0xfe), Limits{}},
		{"negative column count", "negative length -1", patch(12, 0xff, 0xff), Limits{}},
		{"names over cap", "SQ_DESCRIBE names length: length 3 over cap 2", good, Limits{MaxNames: 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := decodeDescribe(c.wire, c.limits)
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("err = %v, want one containing %q", err, c.wantErr)
			}
		})
	}
}

// decodeDescribe decodes wire as an SQ_DESCRIBE under limits.
func decodeDescribe(wire []byte, limits Limits) error {
	r := NewBytesReader(wire)
	r.SetLimits(limits)
	if _, err := r.ReadTag(); err != nil {
		return err
	}
	return new(Describe).Decode(r)
}

func TestDescribeColumnCap(t *testing.T) {
	wire := mustEncode(t, wideDescribe(3), Features{})
	err := decodeDescribe(wire, Limits{MaxColumns: 2})
	var le *LimitError
	if !errors.As(err, &le) || le.Got != 3 || le.Limit != 2 {
		t.Fatalf("err = %v, want a LimitError for 3 columns over 2", err)
	}
}

func TestDescribeTruncatedDescriptor(t *testing.T) {
	wire := mustEncode(t, wideDescribe(3), Features{})
	err := decodeDescribe(wire[:18+30+10], Limits{})
	if !errors.Is(err, io.ErrUnexpectedEOF) || !strings.Contains(err.Error(), "column 2 of 3") {
		t.Fatalf("err = %v, want io.ErrUnexpectedEOF naming column 2 of 3", err)
	}
}

func TestDescribeEncodeRefuses(t *testing.T) {
	cases := []struct {
		name string
		m    *Describe
		f    Features
	}{
		{"NUL in a name", &Describe{Columns: []DescribeColumn{{Name: "a\x00b"}}}, Features{}},
		{"tuple size over int16 without feature 69", &Describe{TupleSize: 40000}, Features{}},
		{"owner over 65535 bytes", &Describe{Columns: []DescribeColumn{{Owner: strings.Repeat("o", 70000)}}}, Features{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if b, err := Encode(c.m, c.f); err == nil {
				t.Fatalf("encoded % x", b[:min(len(b), 32)])
			}
		})
	}
}

func BenchmarkDescribeDecode1000Columns(b *testing.B) {
	wire := mustEncode(b, wideDescribe(1000), Features{BigTuple: true})
	b.SetBytes(int64(len(wire)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewBytesReader(wire)
		r.Features = Features{BigTuple: true}
		if _, err := r.ReadTag(); err != nil {
			b.Fatal(err)
		}
		var m Describe
		if err := m.Decode(r); err != nil {
			b.Fatal(err)
		}
	}
}
