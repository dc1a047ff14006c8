package conformance

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// typeCase is one row of testdata/types.tsv: a value the types scenario
// inserts into table (columns id INTEGER, v sqlType) and reads back.
type typeCase struct {
	id      int
	db      string
	table   string
	sqlType string
	value   string // expanded; "NULL" for SQL NULL
	expect  string // expanded read-back value
}

var (
	repeatRe = regexp.MustCompile(`^@repeat\((\d+),(.*)\)$`)
	padRe    = regexp.MustCompile(`^@pad\((\d+)\)$`)
)

// loadCases reads testdata/types.tsv; the format is described in its
// header.
func loadCases(path string) ([]typeCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []typeCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c, err := parseCase(strings.Split(l, "\t"))
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, n, err)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

func parseCase(f []string) (typeCase, error) {
	if len(f) < 5 || len(f) > 6 {
		return typeCase{}, fmt.Errorf("%d fields, want 5 or 6", len(f))
	}
	id, err := strconv.Atoi(f[0])
	if err != nil {
		return typeCase{}, fmt.Errorf("id: %w", err)
	}
	c := typeCase{id: id, db: f[1], table: f[2], sqlType: f[3], value: expand(f[4])}
	c.expect = c.value
	if len(f) == 6 {
		c.expect = expand(f[5])
		if m := padRe.FindStringSubmatch(f[5]); m != nil {
			n, _ := strconv.Atoi(m[1])
			c.expect = c.value + strings.Repeat(" ", n-len(c.encoded()))
		}
	}
	return c, nil
}

func expand(v string) string {
	if v == "@empty" {
		return ""
	}
	if m := repeatRe.FindStringSubmatch(v); m != nil {
		n, _ := strconv.Atoi(m[1])
		return strings.Repeat(m[2], n)
	}
	return v
}

// codeSet returns the code set of the case's database.
func (c typeCase) codeSet() ifxtype.CodeSet {
	if c.db == "utf8db" {
		return ifxtype.UTF8
	}
	return ifxtype.Latin1
}

// encoded returns the value's bytes in its database's code set.
func (c typeCase) encoded() []byte {
	b, err := c.codeSet().Append(nil, c.value)
	if err != nil {
		return []byte(c.value)
	}
	return b
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
	w, _, _ := strings.Cut(c.sqlType, "(")
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
	kind, rest, _ := strings.Cut(c.sqlType, " ")
	from, to, ok := strings.Cut(rest, " TO ")
	if !ok {
		return 0, fmt.Errorf("%s: no qualifier", c.sqlType)
	}
	prec := 2
	if name, p, ok := strings.Cut(from, "("); ok {
		prec, _ = strconv.Atoi(strings.TrimSuffix(p, ")"))
		from = name
	}
	start, okS := unitNames[from]
	end, okE := unitNames[to]
	if !okS || !okE {
		return 0, fmt.Errorf("%s: unknown time unit", c.sqlType)
	}
	if kind == "DATETIME" {
		return ifxtype.DateTimeQualifier(start, end)
	}
	return ifxtype.IntervalQualifier(start, prec, end)
}
