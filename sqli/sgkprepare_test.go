package sqli

import (
	"bytes"
	"encoding/hex"
	"testing"
)

var _ = addClientSamples(&SGKPrepare{ReturnKeys: 1})

func TestSGKPrepareRoundTrip(t *testing.T) {
	for name, f := range featureSets {
		t.Run(name, func(t *testing.T) {
			for _, flag := range []int16{0, 1, -1} {
				roundTrip(t, &SGKPrepare{ReturnKeys: flag}, f)
			}
		})
	}
}

// TestSGKPrepareJDBCGroup decodes the PREPARE group IBM JDBC
// 15.0.0.1.1 sent for INSERT INTO dml_rows (grp, note) VALUES (?, ?)
// prepared with RETURN_GENERATED_KEYS (confirmed: IBM JDBC 15.0.0.1.1,
// conformance/testdata/jdbc/dml_counts.golden): SQ_PREPARE, SQ_SGKPREPARE
// (tag 134) with i16 1, SQ_NDESCRIBE, SQ_WANTDONE, SQ_EOT.
func TestSGKPrepareJDBCGroup(t *testing.T) {
	const sql = "INSERT INTO dml_rows (grp, note) VALUES (?, ?)"
	f := Features{LongSQL: true}
	wire := unhex(t, "00 02 00 02 00 00 00 2e"+hex.EncodeToString([]byte(sql))+" 00 86 00 01 00 16 00 31 00 0c")
	msgs := []Message{&Prepare{ParamCount: 2, SQL: sql}, &SGKPrepare{ReturnKeys: 1}, &NDescribe{}, &WantDone{}, &EOT{}}
	if got := encodeGroup(t, f, msgs...); !bytes.Equal(got, wire) {
		t.Fatalf("encoded % x, want % x", got, wire)
	}
	r := NewBytesReader(wire)
	r.Features = f
	requireMessages(t, clientNext(r), msgs)
}
