package main

import (
	"bytes"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// column is what the output writers know of a result column: its name,
// its Informix type name as the driver reports it
// (Rows.ColumnTypes().DatabaseTypeName: "INTEGER", "DECIMAL",
// "DATETIME YEAR TO SECOND"), whether its values are numbers (aligned
// right in table output) and the Go time layout its time.Time values are
// written in.
type column struct {
	name    string
	dbType  string
	numeric bool
	layout  string
}

// numericTypes are the Informix types whose values table output aligns
// right. DECIMAL and MONEY arrive as text from the driver (doc.go,
// "Types") and are numbers all the same.
var numericTypes = map[string]bool{
	"SMALLINT": true, "INTEGER": true, "INT8": true, "BIGINT": true, "SERIAL": true,
	"SERIAL8": true, "BIGSERIAL": true, "SMALLFLOAT": true, "FLOAT": true,
	"DECIMAL": true, "MONEY": true,
}

// columnsOf describes the columns of a result.
func columnsOf(types []*sql.ColumnType) []column {
	cols := make([]column, len(types))
	for i, t := range types {
		name := t.DatabaseTypeName()
		cols[i] = column{name: t.Name(), dbType: name, numeric: numericTypes[name], layout: timeLayout(name)}
	}
	return cols
}

// dateTimeEnds maps the last unit of a DATETIME YEAR TO … qualifier to the
// Go layout of the digits that qualifier has: YEAR TO SECOND is written
// "2006-01-02 15:04:05", as Informix writes DATETIME literals (IBM Guide
// to SQL: Syntax, "Literal DATETIME").
var dateTimeEnds = map[string]string{
	"YEAR":   "2006",
	"MONTH":  "2006-01",
	"DAY":    "2006-01-02",
	"HOUR":   "2006-01-02 15",
	"MINUTE": "2006-01-02 15:04",
	"SECOND": "2006-01-02 15:04:05",
}

// timeLayout returns the layout of a time.Time value of a column of type
// dbType: a DATE as 2006-01-02, a DATETIME YEAR TO … with the fields of
// its qualifier, FRACTION(n) as n digits after the seconds. The driver
// returns a DATETIME that does not start at YEAR as a DateTime, not a
// time.Time (doc.go, "Types"); other columns get a layout that loses
// nothing.
func timeLayout(dbType string) string {
	if dbType == "DATE" {
		return time.DateOnly
	}
	end, ok := strings.CutPrefix(dbType, "DATETIME YEAR TO ")
	if !ok {
		return "2006-01-02 15:04:05.999999999"
	}
	if l, ok := dateTimeEnds[end]; ok {
		return l
	}
	var n int
	if _, err := fmt.Sscanf(end, "FRACTION(%d)", &n); err == nil && n >= 1 && n <= 5 {
		return "2006-01-02 15:04:05." + strings.Repeat("0", n)
	}
	return "2006-01-02 15:04:05.999999999"
}

// text returns v, a value of column c as database/sql scans it into an
// any, as text, and whether it is NULL. Integers and DECIMAL/MONEY text
// are written as they are, floats as JSON writes them (no exponent from
// 1e-6 to 1e21), BOOLEAN as t or f (as Informix writes it), time.Time in
// the column's layout, []byte (BYTE) in hexadecimal, and values with a
// String method (a DATETIME without YEAR, an INTERVAL) through it.
func (c column) text(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", true
	case string:
		return x, false
	case int64:
		return strconv.FormatInt(x, 10), false
	case float64:
		return floatText(x), false
	case bool:
		if x {
			return "t", false
		}
		return "f", false
	case time.Time:
		return x.Format(c.layout), false
	case []byte:
		return hex.EncodeToString(x), false
	case fmt.Stringer:
		return x.String(), false
	}
	return fmt.Sprint(v), false
}

// floatText writes f as encoding/json does, or as strconv does for the
// NaN and infinities JSON has no form for.
func floatText(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	b, _ := json.Marshal(f) // cannot fail for a finite float
	return string(b)
}

// jsonValue returns v, a value of column c, as JSON: integers and finite
// floats as numbers, BOOLEAN as true or false, NULL as null, and
// everything else as a string of its text form, DECIMAL and MONEY
// included so that no digit is lost to a reader's float64. Text that is
// not valid UTF-8 has each bad byte replaced by U+FFFD, as encoding/json
// does.
func (c column) jsonValue(v any) []byte {
	switch x := v.(type) {
	case nil:
		return []byte("null")
	case int64:
		return strconv.AppendInt(nil, x, 10)
	case float64:
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			return []byte(floatText(x))
		}
	case bool:
		return strconv.AppendBool(nil, x)
	}
	s, _ := c.text(v)
	return jsonString(s)
}

// jsonString returns s as a JSON string, without the HTML escaping
// encoding/json applies by default, which a terminal or file needs not.
func jsonString(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// visible returns s with its control characters written as escapes (\n,
// \r, \t, \xNN), so that a row of table output stays on one line; CSV and
// JSON output carry text unchanged.
func visible(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case unicode.IsControl(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// displayWidth returns the number of terminal cells s takes: two for East
// Asian wide and full-width characters, none for combining marks, one for
// the rest (Unicode Standard Annex #11, through golang.org/x/text/width).
func displayWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch k := width.LookupRune(r).Kind(); {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		case k == width.EastAsianWide || k == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
