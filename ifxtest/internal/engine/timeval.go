package engine

import (
	"strconv"
	"strings"
	"time"

	"github.com/go-informix/informix/ifxtype"
)

// DATETIME values are stored as the Informix literal text of their
// qualifier's fields, each at full width ("2026-05-04 12:34:56.12345",
// "12:34"), so that values of one qualifier compare as text. Year-month
// INTERVALs are stored as a count of months and day-time INTERVALs as a
// count of 10 µs units (FRACTION(5)), whatever their qualifier, so that all
// intervals of a class compare and add as integers; DAY(9) TO FRACTION(5)
// spans under 8.7·10¹⁸ units, inside an int64.

// Field indexes: YEAR … SECOND; a time unit code divided by two (TYPES.md
// §5.7).
const (
	fYear = iota
	fMonth
	fDay
	fHour
	fMinute
	fSecond
	nFields
)

// unitsPerField are the 10 µs units in one DAY, HOUR, MINUTE and SECOND,
// and the months in a YEAR and a MONTH.
var unitsPerField = [nFields]int64{12, 1, 86400e5, 3600e5, 60e5, 1e5}

// fieldMax are the largest values of fields that are not the first one.
var fieldMax = [nFields]int64{9999, 12, 31, 23, 59, 59}

// fieldSep is the separator written before each field in a literal.
var fieldSep = [nFields]byte{0, '-', '-', ' ', ':', ':'}

// tlayout is the field structure of a qualifier.
type tlayout struct {
	first, last int // whole fields first..last; first > last for FRACTION TO FRACTION(n)
	frac        int // fraction digits, 0 to 5
	lead        int // digits of the first field
}

func layoutOf(q ifxtype.Qualifier) tlayout {
	l := tlayout{first: int(q.Start()) / 2, last: fSecond, frac: q.FractionDigits(), lead: q.LeadingPrecision()}
	if e := q.End(); e <= ifxtype.UnitSecond {
		l.last = int(e) / 2
	}
	return l
}

func (l tlayout) has(i int) bool { return l.first <= i && i <= l.last }

// tvalue is a DATETIME or INTERVAL value field by field: whole fields by
// index, the fraction in nanoseconds (a multiple of 10 µs), and an
// INTERVAL's sign.
type tvalue struct {
	f   [nFields]int64
	ns  int64
	neg bool
}

// fracUnitNS is the nanoseconds of one unit of the n-th fraction digit.
var fracUnitNS = [...]int64{1e9, 1e8, 1e7, 1e6, 1e5, 1e4}

// formatTime writes v in the literal form of l: the first field padded to
// padLead digits (1 for none), later fields to two, the fraction to l.frac.
func formatTime(v tvalue, l tlayout, padLead int) string {
	var b []byte
	if v.neg {
		b = append(b, '-')
	}
	for i := l.first; i <= l.last; i++ {
		w := 2
		if i == l.first {
			w = padLead
		} else {
			b = append(b, fieldSep[i])
		}
		b = appendPadded(b, v.f[i], w)
	}
	if l.frac > 0 {
		if l.first <= l.last {
			b = append(b, '.')
		}
		b = appendPadded(b, v.ns/fracUnitNS[l.frac], l.frac)
	}
	return string(b)
}

func appendPadded(b []byte, v int64, w int) []byte {
	s := strconv.FormatInt(v, 10)
	for i := len(s); i < w; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// dtText returns the stored form of a DATETIME value of qualifier q.
func dtText(v tvalue, q ifxtype.Qualifier) string {
	l := layoutOf(q)
	return formatTime(v, l, l.lead)
}

// parseTime reads a DATETIME (interval false) or INTERVAL literal of
// layout l. Informix's codes: -1262 for a character that is not a digit
// where one belongs, -1261 for too many digits in the first field, -1263
// for a field out of range or missing, -1264 for text after the last field
// (rds_en_US.properties).
func parseTime(s string, l tlayout, interval bool) (tvalue, *Error) {
	var v tvalue
	s = strings.TrimSpace(s)
	if interval && strings.HasPrefix(s, "-") {
		v.neg, s = true, strings.TrimLeft(s[1:], " ")
	}
	for i := l.first; i <= l.last; i++ {
		if i > l.first {
			if s == "" {
				return v, ifxErr(errDTField, "")
			}
			if s[0] != fieldSep[i] {
				return v, ifxErr(errDTNonNumeric, "")
			}
			s = s[1:]
		}
		maxDigits := 2
		if i == l.first {
			maxDigits = l.lead
		}
		n, rest, err := readDigits(s, maxDigits)
		if err != nil {
			return v, err
		}
		v.f[i], s = n, rest
	}
	if l.frac > 0 && s != "" {
		if l.first <= l.last {
			if s[0] != '.' {
				return v, ifxErr(errDTExtra, "")
			}
			s = s[1:]
		}
		digits := 0
		for digits < len(s) && isDigitByte(s[digits]) {
			digits++
		}
		if digits == 0 || digits > l.frac {
			return v, ifxErr(errDTExtra, "")
		}
		f, _ := strconv.ParseInt(s[:digits], 10, 64)
		v.ns, s = f*fracUnitNS[digits], s[digits:]
	}
	if s != "" {
		if !isDigitByte(s[0]) && s[0] != ' ' && s[0] != '.' && s[0] != ':' && s[0] != '-' {
			return v, ifxErr(errDTNonNumeric, "")
		}
		return v, ifxErr(errDTExtra, "")
	}
	return v, checkFields(v, l, interval)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// readDigits reads 1 to max decimal digits.
func readDigits(s string, max int) (int64, string, *Error) {
	n := 0
	for n < len(s) && isDigitByte(s[n]) {
		n++
	}
	switch {
	case n == 0 && s == "":
		return 0, s, ifxErr(errDTField, "")
	case n == 0:
		return 0, s, ifxErr(errDTNonNumeric, "")
	case n > max:
		return 0, s, ifxErr(-1261, "")
	}
	v, _ := strconv.ParseInt(s[:n], 10, 64)
	return v, s[n:], nil
}

// checkFields validates v's fields: for a DATETIME the calendar ranges,
// for an INTERVAL the limits of every field after the first.
func checkFields(v tvalue, l tlayout, interval bool) *Error {
	for i := l.first; i <= l.last; i++ {
		if interval {
			if i > l.first && i != fDay && v.f[i] > intervalFieldMax(i) {
				return ifxErr(errDTField, "")
			}
			continue
		}
		lo := int64(0)
		if i == fYear || i == fMonth || i == fDay {
			lo = 1
		}
		hi := fieldMax[i]
		if i == fDay {
			hi = int64(monthDays(v.f[fYear], v.f[fMonth], l.has(fYear), l.has(fMonth)))
		}
		if v.f[i] < lo || v.f[i] > hi {
			return ifxErr(errDTField, "")
		}
	}
	return nil
}

func intervalFieldMax(i int) int64 {
	if i == fMonth {
		return 11
	}
	return fieldMax[i]
}

// monthDays returns the days of a month; without a month 31, without a
// year February has 29.
func monthDays(year, month int64, hasYear, hasMonth bool) int {
	switch {
	case !hasMonth:
		return 31
	case month == 2 && (!hasYear || year%4 == 0 && (year%100 != 0 || year%400 == 0)):
		return 29
	case month == 2:
		return 28
	case month == 4 || month == 6 || month == 9 || month == 11:
		return 30
	}
	return 31
}

// dtFromText reads a stored DATETIME.
func dtFromText(s string, q ifxtype.Qualifier) (tvalue, *Error) {
	return parseTime(s, layoutOf(q), false)
}

// dtToGo converts a stored DATETIME to the ifxtype value of qualifier q.
func dtToGo(s string, q ifxtype.Qualifier) (ifxtype.DateTime, *Error) {
	v, err := dtFromText(s, q)
	if err != nil {
		return ifxtype.DateTime{}, err
	}
	return ifxtype.DateTime{Year: int(v.f[fYear]), Month: int(v.f[fMonth]), Day: int(v.f[fDay]),
		Hour: int(v.f[fHour]), Minute: int(v.f[fMinute]), Second: int(v.f[fSecond]),
		Nanosecond: int(v.ns), Qualifier: q}, nil
}

// dtFromGo returns the fields of an ifxtype.DateTime.
func dtFromGo(d ifxtype.DateTime) tvalue {
	return tvalue{f: [nFields]int64{int64(d.Year), int64(d.Month), int64(d.Day), int64(d.Hour),
		int64(d.Minute), int64(d.Second)}, ns: int64(d.Nanosecond)}
}

// timeFields returns the fields of t (YEAR TO FRACTION(5)).
func timeFields(t time.Time) tvalue {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return tvalue{f: [nFields]int64{int64(y), int64(mo), int64(d), int64(h), int64(mi), int64(s)},
		ns: int64(t.Nanosecond()) / 1e4 * 1e4}
}

// extendTime converts DATETIME fields of qualifier from to qualifier to,
// as EXTEND does: fields to has before from's first are taken from now,
// fields after from's last are set to their lowest value, and fields and
// fraction digits to lacks are cut (IBM Guide to SQL: Syntax, EXTEND
// function). A day that the new month or year lacks is -1263.
func extendTime(v tvalue, from, to ifxtype.Qualifier, now tvalue) (tvalue, *Error) {
	lf, lt := layoutOf(from), layoutOf(to)
	var out tvalue
	for i := 0; i < nFields; i++ {
		switch {
		case !lt.has(i):
		case lf.has(i):
			out.f[i] = v.f[i]
		case i < lf.first:
			out.f[i] = now.f[i]
		case i == fMonth || i == fDay:
			out.f[i] = 1
		}
	}
	if lf.frac > 0 && lt.frac > 0 {
		out.ns = v.ns / fracUnitNS[lt.frac] * fracUnitNS[lt.frac]
	}
	return out, checkFields(out, lt, false)
}

// dtInstant returns a DATETIME's fields as a time.Time, taking missing
// leading fields from now and missing trailing ones as their lowest value.
func dtInstant(v tvalue, q ifxtype.Qualifier, now tvalue) (time.Time, *Error) {
	full, err := extendTime(v, q, qualYearToFraction5, now)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(int(full.f[fYear]), time.Month(full.f[fMonth]), int(full.f[fDay]), int(full.f[fHour]),
		int(full.f[fMinute]), int(full.f[fSecond]), int(full.ns), time.UTC), nil
}

// qualYearToFraction5 is DATETIME YEAR TO FRACTION(5) (TYPES.md §5.7).
const qualYearToFraction5 ifxtype.Qualifier = 0x130F

// Interval conversions between fields and stored counts.

// intervalCount returns the stored count of an INTERVAL value: months for
// the year-month class, 10 µs units for day-time.
func intervalCount(v tvalue, l tlayout) int64 {
	var n int64
	for i := l.first; i <= l.last; i++ {
		n += v.f[i] * unitsPerField[i]
	}
	n += v.ns / 1e4
	if v.neg {
		return -n
	}
	return n
}

// intervalFields splits a stored count into the fields of layout l; what
// lies below l's last unit is cut toward zero. It reports -1265 when the
// first field needs more digits than l.lead (rds_en_US.properties:
// "Overflow occurred on a datetime or interval operation").
func intervalFields(n int64, l tlayout) (tvalue, *Error) {
	var v tvalue
	if n < 0 {
		v.neg, n = true, -n
	}
	if l.first > l.last {
		v.ns = n * 1e4 / fracUnitNS[l.frac] * fracUnitNS[l.frac]
		if v.ns >= 1e9 {
			return v, ifxErr(-1265, "")
		}
		return v, nil
	}
	lead := n / unitsPerField[l.first]
	if lead >= pow10(l.lead) {
		return v, ifxErr(-1265, "")
	}
	v.f[l.first], n = lead, n%unitsPerField[l.first]
	for i := l.first + 1; i <= l.last; i++ {
		v.f[i], n = n/unitsPerField[i], n%unitsPerField[i]
	}
	if l.frac > 0 {
		v.ns = n * 1e4 / fracUnitNS[l.frac] * fracUnitNS[l.frac]
	}
	return v, nil
}

func pow10(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// fitInterval cuts a stored count to what an INTERVAL of qualifier q holds
// and checks its leading precision.
func fitInterval(n int64, q ifxtype.Qualifier) (int64, *Error) {
	l := layoutOf(q)
	v, err := intervalFields(n, l)
	if err != nil {
		return 0, err
	}
	return intervalCount(v, l), nil
}

// intervalText returns the literal form of a stored INTERVAL of qualifier q.
func intervalText(n int64, q ifxtype.Qualifier) (string, *Error) {
	l := layoutOf(q)
	v, err := intervalFields(n, l)
	if err != nil {
		return "", err
	}
	return formatTime(v, l, 1), nil
}

// intervalToGo converts a stored INTERVAL count to its ifxtype value.
func intervalToGo(n int64, ym bool) any {
	if ym {
		return ifxtype.IntervalYM{Months: n}
	}
	return ifxtype.IntervalDS{Seconds: n / 1e5, Nanoseconds: int32(n % 1e5 * 1e4)}
}

// Dates: days since 1899-12-31 (TYPES.md §5.6), within 0001-01-01 and
// 9999-12-31.

var dateEpoch = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)

const (
	minDateDays = -693594
	maxDateDays = 2958464
)

// dateDays returns the day number of a proleptic Gregorian date, counted
// with the civil-calendar formula (days since 0000-03-01 in 400-year eras)
// so that no time.Duration overflows for distant years.
func dateDays(y, m, d int) int64 {
	return civilDays(int64(y), int64(m), int64(d)) - civilDays(1899, 12, 31)
}

func civilDays(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

func dateFromDays(n int64) time.Time { return dateEpoch.AddDate(0, 0, int(n)) }

// daysOfTime returns the day number of t's calendar date in t's location.
func daysOfTime(t time.Time) int64 {
	y, m, d := t.Date()
	return dateDays(y, int(m), d)
}
