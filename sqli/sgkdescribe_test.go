package sqli

import (
	"bytes"
	"reflect"
	"testing"
)

var _ = addServerSamples(&SGKDescribe{Describe{StatementType: StmtInsert, StatementID: 1, TupleSize: 4,
	Columns: []DescribeColumn{{Name: "id", Type: TypeSerial, Length: 4}}}})

func TestSGKDescribeRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			roundTrip(t, &SGKDescribe{}, f)
			roundTrip(t, &SGKDescribe{Describe{StatementType: StmtInsert, StatementID: 3, TupleSize: 18, Columns: []DescribeColumn{
				{Name: "id", Type: TypeSerial8 | FlagNotNull, Length: 10},
				{Name: "big", Start: 10, Type: TypeBigSerial, Length: 8},
			}}}, f)
		})
	}
}

// TestSGKDescribeJDBC checks the SQ_SGKDESCRIBE ifxtest sent IBM JDBC
// 15.0.0.1.1 for INSERT INTO dml_rows (grp, note) VALUES (3, ?) prepared
// with RETURN_GENERATED_KEYS, after which JDBC's getGeneratedKeys returned
// the SERIAL (confirmed: conformance/testdata/jdbc/dml_counts.golden, with
// features 63 and 69 as JDBC negotiates them): tag 135, then the
// SQ_DESCRIBE payload, statement type 6 and id 0, estimated rows 0, i32
// tuple size 4, one column, i32 names length 3, the 30-byte descriptor
// (name offset 0, start 0, type 0x0106 SERIAL NOT NULL, no extended id,
// empty owner and type name, reference, alignment and source type 0,
// length 4), then "id\0" and a pad byte.
func TestSGKDescribeJDBC(t *testing.T) {
	wire := unhex(t, `00 87  00 06 00 00  00 00 00 00  00 00 00 04  00 01  00 00 00 03
		00 00 00 00  00 00 00 00  01 06  00 00 00 00  00 00  00 00  00 00  00 00  00 00 00 00  00 00 00 04
		69 64 00 00`)
	f := Features{ExtDescribe: true, BigTuple: true}
	want := &SGKDescribe{Describe{StatementType: StmtInsert, TupleSize: 4,
		Columns: []DescribeColumn{{Name: "id", Type: TypeSerial | FlagNotNull, Length: 4}}}}
	if got := decodeAll(t, wire, &SGKDescribe{}, f); !reflect.DeepEqual(got, want) {
		t.Fatalf("decoded %#v, want %#v", got, want)
	}
	if got := mustEncode(t, want, f); !bytes.Equal(got, wire) {
		t.Fatalf("encoded % x, want % x", got, wire)
	}
}
