package conformance

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/internal/typecases"
	"github.com/go-informix/informix/sqli"
)

// typeCase is one row of testdata/types.tsv: a value the types scenario
// inserts into table (columns id INTEGER, v sqlType) and reads back.
type typeCase struct{ typecases.Case }

// loadCases reads testdata/types.tsv; the format is described in its
// header.
func loadCases(path string) ([]typeCase, error) {
	cs, err := typecases.Load(path)
	out := make([]typeCase, len(cs))
	for i, c := range cs {
		out[i] = typeCase{c}
	}
	return out, err
}

// baseTypes maps the first word of a case's SQL type to its type code
// (TYPES.md §1.1).
var baseTypes = map[string]sqli.TypeCode{
	"CHAR": sqli.TypeChar, "SMALLINT": sqli.TypeSmallInt, "INTEGER": sqli.TypeInteger,
	"FLOAT": sqli.TypeFloat, "SMALLFLOAT": sqli.TypeSmallFloat, "DECIMAL": sqli.TypeDecimal,
	"SERIAL": sqli.TypeSerial, "DATE": sqli.TypeDate, "MONEY": sqli.TypeMoney,
	"DATETIME": sqli.TypeDateTime, "VARCHAR": sqli.TypeVarChar, "INTERVAL": sqli.TypeInterval,
	"NCHAR": sqli.TypeNChar, "NVARCHAR": sqli.TypeNVarChar, "INT8": sqli.TypeInt8,
	"SERIAL8": sqli.TypeSerial8, "LVARCHAR": sqli.TypeLVarChar, "BOOLEAN": sqli.TypeBoolean,
	"BIGINT": sqli.TypeBigInt, "BIGSERIAL": sqli.TypeBigSerial,
}

// code returns the type code of the case's column.
func (c typeCase) code() sqli.TypeCode {
	w, _, _ := strings.Cut(c.SQLType, "(")
	w, _, _ = strings.Cut(w, " ")
	return baseTypes[w]
}

var unitNames = map[string]ifxtype.TimeUnit{
	"YEAR": ifxtype.UnitYear, "MONTH": ifxtype.UnitMonth, "DAY": ifxtype.UnitDay,
	"HOUR": ifxtype.UnitHour, "MINUTE": ifxtype.UnitMinute, "SECOND": ifxtype.UnitSecond,
	"FRACTION(1)": ifxtype.UnitFraction1, "FRACTION(2)": ifxtype.UnitFraction2,
	"FRACTION(3)": ifxtype.UnitFraction3, "FRACTION(4)": ifxtype.UnitFraction4,
	"FRACTION(5)": ifxtype.UnitFraction5,
}

// qualifier returns the qualifier of a DATETIME or INTERVAL case's column.
func (c typeCase) qualifier() (ifxtype.Qualifier, error) {
	kind, rest, _ := strings.Cut(c.SQLType, " ")
	from, to, ok := strings.Cut(rest, " TO ")
	if !ok {
		return 0, fmt.Errorf("%s: no qualifier", c.SQLType)
	}
	prec := 2
	if name, p, ok := strings.Cut(from, "("); ok {
		prec, _ = strconv.Atoi(strings.TrimSuffix(p, ")"))
		from = name
	}
	start, okS := unitNames[from]
	end, okE := unitNames[to]
	if !okS || !okE {
		return 0, fmt.Errorf("%s: unknown time unit", c.SQLType)
	}
	if kind == "DATETIME" {
		return ifxtype.DateTimeQualifier(start, end)
	}
	return ifxtype.IntervalQualifier(start, prec, end)
}
