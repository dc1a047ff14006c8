package ifxtest

import (
	"reflect"
	"testing"

	"github.com/go-informix/informix/sqli"
)

// TestGeneratedKeys runs the exchange IBM JDBC 15.0.0.1.1 has for an
// INSERT prepared with RETURN_GENERATED_KEYS: SQ_SGKPREPARE in the PREPARE
// group is answered by SQ_SGKDESCRIBE before SQ_DESCRIBE, describing the
// table's serial column (NOT NULL, as the engine describes a serial), and
// each execution by SQ_SGKTUPLE holding the value generated, before
// SQ_INSERTDONE and SQ_DONE.
func TestGeneratedKeys(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	cases := []struct {
		table string
		col   sqli.DescribeColumn
		key   []byte // the row of the second generated key, 2
		tags  []sqli.Tag
	}{
		{"k4 (id serial, note char(4))", sqli.DescribeColumn{Name: "id", Type: sqli.TypeSerial | sqli.FlagNotNull, Length: 4},
			[]byte{0, 0, 0, 2}, []sqli.Tag{sqli.TagSGKTuple, sqli.TagDone, sqli.TagCost}},
		// SERIAL8 travels in the INT8 form: sign word 1, low word, high word.
		{"k8 (note char(4), id serial8)", sqli.DescribeColumn{Name: "id", Type: sqli.TypeSerial8 | sqli.FlagNotNull, Length: 10},
			[]byte{0, 1, 0, 0, 0, 2, 0, 0, 0, 0}, []sqli.Tag{sqli.TagSGKTuple, sqli.TagInsertDone, sqli.TagDone, sqli.TagCost}},
		{"kb (id bigserial, note char(4))", sqli.DescribeColumn{Name: "id", Type: sqli.TypeBigSerial | sqli.FlagNotNull, Length: 8},
			[]byte{0, 0, 0, 0, 0, 0, 0, 2}, []sqli.Tag{sqli.TagSGKTuple, sqli.TagInsertDone, sqli.TagDone, sqli.TagCost}},
	}
	for _, tc := range cases {
		c.mustExec("create table " + tc.table)
		name := tc.table[:2]
		c.mustExec("insert into " + name + " (note) values ('a')")
		ans := c.expectOK(c.roundTrip(&sqli.Prepare{ParamCount: 1, SQL: "insert into " + name + " (note) values (?)"},
			&sqli.SGKPrepare{ReturnKeys: 1}, &sqli.NDescribe{}, &sqli.WantDone{}))
		if got, want := tags(ans), []sqli.Tag{sqli.TagSGKDescribe, sqli.TagDescribe, sqli.TagDone, sqli.TagCost}; !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: PREPARE answer %v, want %v", name, got, want)
		}
		kd := ans[0].(*sqli.SGKDescribe)
		if len(kd.Columns) != 1 || kd.Columns[0] != tc.col || kd.TupleSize != int32(len(tc.key)) {
			t.Errorf("%s: SQ_SGKDESCRIBE %#v, want the column %#v", name, kd.Describe, tc.col)
		}
		id := ans[1].(*sqli.Describe).StatementID
		ans = c.expectOK(c.roundTrip(&sqli.ID{StatementID: id}, bindOf(t, "b"), &sqli.Execute{}))
		if got := tags(ans); !reflect.DeepEqual(got, tc.tags) {
			t.Fatalf("%s: EXECUTE answer %v, want %v", name, got, tc.tags)
		}
		if got := ans[0].(*sqli.SGKTuple).Data; !reflect.DeepEqual(got, tc.key) {
			t.Errorf("%s: SQ_SGKTUPLE row % x, want % x", name, got, tc.key)
		}
		c.roundTrip(&sqli.ID{StatementID: id}, &sqli.Release{})
	}
}

// TestGeneratedKeysNone checks that SQ_SGKPREPARE gets no description for
// a statement with no generated key (an INSERT into a table without a
// serial column, an UPDATE), and that executing it sends no key row.
func TestGeneratedKeysNone(t *testing.T) {
	srv := startServer(t, Config{})
	c := connect(t, srv, DefaultDatabase)
	c.mustExec("create table t (n integer)")
	for _, sql := range []string{"insert into t values (1)", "update t set n = 2"} {
		ans := c.expectOK(c.roundTrip(&sqli.Prepare{SQL: sql}, &sqli.SGKPrepare{ReturnKeys: 1}, &sqli.NDescribe{}, &sqli.WantDone{}))
		if got, want := tags(ans), []sqli.Tag{sqli.TagDescribe, sqli.TagDone, sqli.TagCost}; !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: PREPARE answer %v, want %v", sql, got, want)
		}
		id := ans[0].(*sqli.Describe).StatementID
		ans = c.expectOK(c.roundTrip(&sqli.ID{StatementID: id}, &sqli.Execute{}))
		if got, want := tags(ans), []sqli.Tag{sqli.TagDone, sqli.TagCost}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: EXECUTE answer %v, want %v", sql, got, want)
		}
		c.roundTrip(&sqli.ID{StatementID: id}, &sqli.Release{})
	}
}
