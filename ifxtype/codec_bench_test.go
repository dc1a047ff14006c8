package ifxtype

import (
	"testing"
	"time"

	"github.com/go-informix/informix/sqli"
)

// benchCase is one column type of the codec benchmarks, with a typical
// value of it. Its row bytes are made by the codec's own AppendRow at set
// up: the benchmarks measure speed and allocations, and assert nothing
// about the bytes, which the codec tests check against independent
// vectors.
type benchCase struct {
	name       string
	typ        Type
	value      any
	sequential bool // a sequential row (VARCHAR, LVARCHAR present)
}

// benchQualifier returns the qualifier of start TO end, failing b if it is
// not one.
func benchQualifier(b *testing.B, interval bool, start TimeUnit, prec int, end TimeUnit) Qualifier {
	b.Helper()
	var (
		q   Qualifier
		err error
	)
	if interval {
		q, err = IntervalQualifier(start, prec, end)
	} else {
		q, err = DateTimeQualifier(start, end)
	}
	if err != nil {
		b.Fatal(err)
	}
	return q
}

// benchCases returns one case per scalar type of the benchmark set:
// SMALLINT, INTEGER, INT8, BIGINT, SMALLFLOAT, FLOAT, DECIMAL, MONEY, DATE,
// DATETIME, INTERVAL, CHAR, VARCHAR, LVARCHAR and BOOLEAN.
func benchCases(b *testing.B) []benchCase {
	b.Helper()
	dt := benchQualifier(b, false, UnitYear, 0, UnitSecond)
	iv := benchQualifier(b, true, UnitDay, 3, UnitSecond)
	price, err := ParseDecimal("12345.67")
	if err != nil {
		b.Fatal(err)
	}
	stamp, err := NewDateTime(time.Date(2026, 5, 4, 12, 34, 56, 0, time.UTC), dt)
	if err != nil {
		b.Fatal(err)
	}
	span, err := NewIntervalDS(12, 3, 4, 5, 0)
	if err != nil {
		b.Fatal(err)
	}
	span.Qualifier = iv
	return []benchCase{
		{name: "SMALLINT", typ: Type{Code: sqli.TypeSmallInt, Length: 2}, value: int64(1234)},
		{name: "INTEGER", typ: Type{Code: sqli.TypeInteger, Length: 4}, value: int64(123456)},
		{name: "INT8", typ: Type{Code: sqli.TypeInt8, Length: 10}, value: int64(123456789012)},
		{name: "BIGINT", typ: Type{Code: sqli.TypeBigInt, Length: 8}, value: int64(123456789012)},
		{name: "SMALLFLOAT", typ: Type{Code: sqli.TypeSmallFloat, Length: 4}, value: float32(1234.5)},
		{name: "FLOAT", typ: Type{Code: sqli.TypeFloat, Length: 8}, value: 1234.5678},
		{name: "DECIMAL", typ: Type{Code: sqli.TypeDecimal, Length: 12<<8 | 2}, value: price},
		{name: "MONEY", typ: Type{Code: sqli.TypeMoney, Length: 16<<8 | 2}, value: price},
		{name: "DATE", typ: Type{Code: sqli.TypeDate, Length: 4}, value: time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)},
		{name: "DATETIME", typ: Type{Code: sqli.TypeDateTime, Length: int32(dt)}, value: stamp},
		{name: "INTERVAL", typ: Type{Code: sqli.TypeInterval, Length: int32(iv)}, value: span},
		{name: "CHAR", typ: Type{Code: sqli.TypeChar, Length: 32}, value: "customer name 123456"},
		{name: "VARCHAR", typ: Type{Code: sqli.TypeVarChar, Length: 32}, value: "customer name 123456", sequential: true},
		{name: "LVARCHAR", typ: Type{Code: sqli.TypeLVarChar, Length: 100}, value: "customer name 123456", sequential: true},
		{name: "BOOLEAN", typ: Type{Code: sqli.TypeBoolean, Length: 1}, value: true},
	}
}

// BenchmarkDecodeRow decodes one column of each type from its row bytes.
func BenchmarkDecodeRow(b *testing.B) {
	for _, bc := range benchCases(b) {
		c, err := CodecFor(bc.typ)
		if err != nil {
			b.Fatal(err)
		}
		data, err := c.AppendRow(nil, bc.typ, bc.value, bc.sequential, UTF8)
		if err != nil {
			b.Fatalf("%s: %v", bc.name, err)
		}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.DecodeRow(bc.typ, data, bc.sequential, UTF8); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAppendBind encodes one bind value of each type into a reused
// buffer, as a batch encodes its rows.
func BenchmarkAppendBind(b *testing.B) {
	for _, bc := range benchCases(b) {
		c, err := CodecFor(bc.typ)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			buf := make([]byte, 0, 256)
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if _, buf, err = c.AppendBind(buf[:0], bc.value, UTF8); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchRowsColumns are the columns of the project's reference fetch, the
// bench_rows table: (INTEGER, VARCHAR(32), DECIMAL(12,2), DATETIME YEAR TO
// SECOND, FLOAT), laid out sequentially because of the VARCHAR.
func benchRowsColumns(b *testing.B) []Column {
	b.Helper()
	dt := benchQualifier(b, false, UnitYear, 0, UnitSecond)
	return []Column{
		{Name: "id", Type: Type{Code: sqli.TypeInteger, Length: 4}},
		{Name: "name", Type: Type{Code: sqli.TypeVarChar, Length: 32}},
		{Name: "amount", Type: Type{Code: sqli.TypeDecimal, Length: 12<<8 | 2}},
		{Name: "created", Type: Type{Code: sqli.TypeDateTime, Length: int32(dt)}},
		{Name: "score", Type: Type{Code: sqli.TypeFloat, Length: 8}},
	}
}

// BenchmarkRowLayoutDecode decodes a whole bench_rows tuple into values,
// boxed by Go (Decode) and by an Arena (DecodeArena).
func BenchmarkRowLayoutDecode(b *testing.B) {
	cols := benchRowsColumns(b)
	l, err := NewRowLayout(cols)
	if err != nil {
		b.Fatal(err)
	}
	amount, err := ParseDecimal("1234.50")
	if err != nil {
		b.Fatal(err)
	}
	stamp, err := NewDateTime(time.Date(2026, 5, 4, 12, 34, 56, 0, time.UTC), cols[3].Type.Qualifier())
	if err != nil {
		b.Fatal(err)
	}
	data, err := l.AppendRow(nil, []any{int64(123456), "customer 123456", amount, stamp, 3.25}, UTF8)
	if err != nil {
		b.Fatal(err)
	}
	for _, arena := range []bool{false, true} {
		b.Run(map[bool]string{false: "arena=none", true: "arena=on"}[arena], func(b *testing.B) {
			var a *Arena
			if arena {
				a = new(Arena)
			}
			dst := make([]any, len(cols))
			b.ReportAllocs()
			for b.Loop() {
				if err := l.DecodeArena(data, dst, UTF8, a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
