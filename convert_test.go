package informix

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxconn"
	"github.com/go-informix/informix/sqli"
)

type myInt16 int16
type myString string
type myBytes []byte

// valuer returns its value from Value, for the driver.Valuer cases.
type valuer struct{ v any }

func (v valuer) Value() (driver.Value, error) { return v.v, nil }

type failingValuer struct{}

func (failingValuer) Value() (driver.Value, error) { return nil, errors.New("no value today") }

// loopValuer returns itself, a chain that never ends.
type loopValuer struct{}

func (l loopValuer) Value() (driver.Value, error) { return l, nil }

// TestToParam is the database/sql contract table for arguments: what each
// Go value binds as (the types follow JDBC's setters, docs/protocol.md) or
// why it is refused.
func TestToParam(t *testing.T) {
	dec := NewDecimal(12345, -2)
	hm, err := ParseDateTime("12:34", mustQual(t, UnitHour, UnitMinute))
	if err != nil {
		t.Fatal(err)
	}
	ym := IntervalYM{Months: 14}
	ds := IntervalDS{Seconds: 90}
	ts := time.Date(2026, 5, 4, 12, 34, 56, 0, time.UTC)
	i32, s := int32(7), "x"
	var nilInt32 *int32
	var nilDec *Decimal
	var nilTime *time.Time
	tests := []struct {
		name string
		in   any
		want ifxconn.Param
	}{
		{"nil", nil, ifxconn.Param{Type: sqli.TypeChar}},
		{"int8", int8(-8), ifxconn.Param{Type: sqli.TypeSmallInt, Value: int64(-8)}},
		{"int16", int16(300), ifxconn.Param{Type: sqli.TypeSmallInt, Value: int64(300)}},
		{"named int16", myInt16(5), ifxconn.Param{Type: sqli.TypeSmallInt, Value: int64(5)}},
		{"int32", int32(-70000), ifxconn.Param{Type: sqli.TypeInteger, Value: int32(-70000)}},
		{"int", 42, ifxconn.Param{Type: sqli.TypeBigInt, Value: 42}},
		{"int64", int64(math.MinInt64 + 1), ifxconn.Param{Type: sqli.TypeBigInt, Value: int64(math.MinInt64 + 1)}},
		{"uint8", uint8(255), ifxconn.Param{Type: sqli.TypeBigInt, Value: int64(255)}},
		{"uint16", uint16(65535), ifxconn.Param{Type: sqli.TypeBigInt, Value: int64(65535)}},
		{"uint32", uint32(4294967295), ifxconn.Param{Type: sqli.TypeBigInt, Value: int64(4294967295)}},
		{"uint", uint(9), ifxconn.Param{Type: sqli.TypeBigInt, Value: int64(9)}},
		{"uint64 max int64", uint64(math.MaxInt64), ifxconn.Param{Type: sqli.TypeBigInt, Value: int64(math.MaxInt64)}},
		{"float32", float32(1.5), ifxconn.Param{Type: sqli.TypeSmallFloat, Value: float32(1.5)}},
		{"float64", 2.25, ifxconn.Param{Type: sqli.TypeFloat, Value: 2.25}},
		{"bool", true, ifxconn.Param{Type: sqli.TypeBoolean, Value: true}},
		{"string", "héllo", ifxconn.Param{Type: sqli.TypeChar, Value: "héllo"}},
		{"named string", myString("n"), ifxconn.Param{Type: sqli.TypeChar, Value: "n"}},
		// Latin-1 byte E9 is é: the bytes go out unchanged.
		{"[]byte", []byte{'h', 0xe9}, ifxconn.Param{Type: sqli.TypeChar, Value: []byte{'h', 0xe9}}},
		{"named []byte", myBytes("ab"), ifxconn.Param{Type: sqli.TypeChar, Value: []byte("ab")}},
		{"Decimal", dec, ifxconn.Param{Type: sqli.TypeDecimal, Value: dec}},
		{"time.Time", ts, ifxconn.Param{Type: sqli.TypeDateTime, Value: ts}},
		{"DateTime", hm, ifxconn.Param{Type: sqli.TypeDateTime, Value: hm}},
		{"Date", Date{2026, time.February, 28}, ifxconn.Param{Type: sqli.TypeDate, Value: time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)}},
		{"IntervalYM", ym, ifxconn.Param{Type: sqli.TypeInterval, Value: ym}},
		{"IntervalDS", ds, ifxconn.Param{Type: sqli.TypeInterval, Value: ds}},
		{"time.Duration", 3 * time.Second, ifxconn.Param{Type: sqli.TypeInterval, Value: 3 * time.Second}},
		{"*int32", &i32, ifxconn.Param{Type: sqli.TypeInteger, Value: int32(7)}},
		{"*string", &s, ifxconn.Param{Type: sqli.TypeChar, Value: "x"}},
		{"nil *int32", nilInt32, ifxconn.Param{Type: sqli.TypeInteger}},
		{"nil *Decimal", nilDec, ifxconn.Param{Type: sqli.TypeDecimal}},
		{"nil *time.Time", nilTime, ifxconn.Param{Type: sqli.TypeDateTime}},
		{"Valuer int64", valuer{int64(3)}, ifxconn.Param{Type: sqli.TypeBigInt, Value: int64(3)}},
		{"Valuer nil", valuer{nil}, ifxconn.Param{Type: sqli.TypeChar}},
		{"Valuer of Valuer", valuer{valuer{"s"}}, ifxconn.Param{Type: sqli.TypeChar, Value: "s"}},
		{"sql.NullInt32 valid", sql.NullInt32{Int32: 4, Valid: true}, ifxconn.Param{Type: sqli.TypeBigInt, Value: int64(4)}},
		{"sql.NullString null", sql.NullString{}, ifxconn.Param{Type: sqli.TypeChar}},
		{"ifxconn.Param", ifxconn.Param{Type: sqli.TypeLVarChar, Value: "l"}, ifxconn.Param{Type: sqli.TypeLVarChar, Value: "l"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := toParam(tt.in, 0)
			if err != nil {
				t.Fatalf("toParam: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func mustQual(t *testing.T, start, end TimeUnit) Qualifier {
	t.Helper()
	q, err := DateTimeQualifier(start, end)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestToParamRejects(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"uint64 over MaxInt64", uint64(math.MaxInt64) + 1, "9223372036854775808 is above the BIGINT maximum"},
		{"sql.Out", sql.Out{Dest: new(int)}, "sql.Out is not supported"},
		{"struct", struct{ A int }{1}, "unsupported type struct"},
		{"slice", []int{1}, "unsupported type []int"},
		{"map", map[string]int{}, "unsupported type map"},
		{"invalid Date", Date{2026, time.February, 30}, "2026-02-30 does not exist"},
		{"zero Date", Date{}, "year outside 1..9999"},
		{"failing Valuer", failingValuer{}, "no value today"},
		{"endless Valuer", loopValuer{}, "driver.Valuer calls in a row"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := toParam(tt.in, 0)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v; want one containing %q", err, tt.want)
			}
		})
	}
}

// TestCheckNamedValue drives the checker through database/sql against
// ifxtest: converted values reach the server, and named and output
// arguments are refused with the argument named.
func TestCheckNamedValue(t *testing.T) {
	db := openDB(t, "testdb")
	var n int64
	if err := db.QueryRow("SELECT COUNT(*) FROM systables WHERE tabid > ?", int16(0)).Scan(&n); err != nil {
		t.Fatalf("query with an int16 argument: %v", err)
	}
	if n == 0 {
		t.Error("systables has no rows with tabid > 0")
	}
	_, err := db.Exec("SELECT 1 FROM systables WHERE tabid = ?", sql.Named("id", 1))
	if err == nil || !strings.Contains(err.Error(), `named "id"`) || !strings.Contains(err.Error(), "positional") {
		t.Errorf("sql.Named: error %v; want it refused as positional-only", err)
	}
	_, err = db.Exec("SELECT 1 FROM systables WHERE tabid = ?", sql.Out{Dest: new(int)})
	if err == nil || !strings.Contains(err.Error(), "sql.Out is not supported") {
		t.Errorf("sql.Out: error %v; want it refused", err)
	}
	_, err = db.Exec("SELECT 1 FROM systables WHERE tabid = ?", uint64(math.MaxUint64))
	if err == nil || !strings.Contains(err.Error(), "argument 1") || !strings.Contains(err.Error(), "18446744073709551615") {
		t.Errorf("uint64 max: error %v; want it refused naming argument 1 and the value", err)
	}
}
