package ifxconn

import (
	"fmt"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// Param is one bind value. Type is the SQ_BIND type code to send
// (sqli.TypeInteger, …), which the root package chooses from the Go type;
// Value is the value in a Go type that ifxtype's codec for Type accepts,
// or nil for NULL. A NULL is sent with the parameter's type as the server
// described it (SQ_IDESCRIBE), as IBM JDBC sends setNull
// (conformance/testdata/jdbc/types.golden), and with Type when no
// description is known.
type Param struct {
	Type  sqli.TypeCode
	Value any
}

// countParams returns the number of '?' markers in sql outside string
// literals, quoted identifiers and comments (-- to the end of the line,
// { … } and /* … */), the count JDBC puts in SQ_PREPARE (SQLI.md §6.2).
// A quote inside a literal is written doubled (”), which this reading
// handles as leaving and re-entering the literal.
func countParams(sql string) int {
	n := 0
	for i := 0; i < len(sql); i++ {
		switch ch := sql[i]; {
		case ch == '?':
			n++
		case ch == '\'' || ch == '"':
			i = skipPast(sql, i+1, string(ch))
		case ch == '-' && i+1 < len(sql) && sql[i+1] == '-':
			i = skipPast(sql, i+2, "\n")
		case ch == '/' && i+1 < len(sql) && sql[i+1] == '*':
			i = skipPast(sql, i+2, "*/")
		case ch == '{':
			i = skipPast(sql, i+1, "}")
		}
	}
	return n
}

// skipPast returns the index of the last byte of the first end at or
// after from, or len(s) when there is none.
func skipPast(s string, from int, end string) int {
	for j := from; j+len(end) <= len(s); j++ {
		if s[j:j+len(end)] == end {
			return j + len(end) - 1
		}
	}
	return len(s)
}

// bindEncoder encodes the values of one SQ_BIND into memory it reuses from
// one row to the next. The values it returns never carry an Owner or a
// TypeName, so each row overwrites only the other fields of vals.
type bindEncoder struct {
	vals []sqli.BindValue
	data []byte
	ends []int
}

// encode encodes args in the code set cs. A NULL gets the type nullTypes
// gives its parameter, when known, else its Param's. A value the codec of
// its type refuses fails with an error naming the parameter. The result
// is valid until the next call.
func (e *bindEncoder) encode(args []Param, nullTypes []sqli.TypeCode, cs ifxtype.CodeSet) ([]sqli.BindValue, error) {
	if cap(e.vals) < len(args) {
		e.vals, e.ends = make([]sqli.BindValue, len(args)), make([]int, len(args))
		e.data = make([]byte, 0, 16*len(args))
	}
	vals, ends, data := e.vals[:len(args)], e.ends[:len(args)], e.data[:0]
	for i := range args {
		p, v := &args[i], &vals[i]
		if p.Value == nil {
			v.Type, v.Indicator, v.Prec = p.Type.Base(), sqli.IndicatorNull, 0
			if i < len(nullTypes) {
				v.Type = nullTypes[i]
			}
			ends[i] = len(data)
			continue
		}
		codec, err := ifxtype.CodecFor(ifxtype.Type{Code: p.Type})
		if err != nil {
			return nil, fmt.Errorf("bind parameter %d: %w", i+1, err)
		}
		if v.Prec, data, err = codec.AppendBind(data, p.Value, cs); err != nil {
			e.data = data[:0]
			return nil, fmt.Errorf("bind parameter %d as %v: %w", i+1, p.Type, err)
		}
		v.Type, v.Indicator = p.Type, sqli.IndicatorValue
		ends[i] = len(data)
	}
	start := 0
	for i := range vals {
		var d []byte
		if vals[i].Indicator == sqli.IndicatorValue {
			d = data[start:ends[i]:ends[i]]
		}
		vals[i].Data = d
		start = ends[i]
	}
	e.data = data
	return vals, nil
}

// paramTypes returns the type each parameter of an SQ_IDESCRIBE is bound
// as when NULL: its logical base type, the catalog spellings of LVARCHAR
// and BOOLEAN resolved to 43 and 45, flags dropped (JDBC's NULL binds are
// 002b and 002d for those columns: types.golden cases 543 and 553).
func paramTypes(ps []sqli.IDescribeParam) []sqli.TypeCode {
	out := make([]sqli.TypeCode, len(ps))
	for i, p := range ps {
		out[i] = ifxtype.Type{Code: p.Type, XID: p.XID}.Base()
	}
	return out
}
