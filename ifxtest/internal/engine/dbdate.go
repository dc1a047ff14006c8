package engine

import (
	"strconv"
	"strings"
)

// dbdateFormat is a parsed DBDATE setting: the order of month, day and
// year, whether the year has four digits, and the separator (0 for none).
// IBM documents DBDATE as M, D and Y2 or Y4 in some order followed by a
// separator, one of - . / or 0 for none, with MDY4/ the default (IBM
// Informix Guide to SQL: Reference, DBDATE environment variable); JDBC sends
// DBDATE=Y4MD- in its login (jdbc-notes.md).
type dbdateFormat struct {
	order [3]byte // 'M', 'D', 'Y'
	year4 bool
	sep   byte
}

var defaultDBDate = dbdateFormat{order: [3]byte{'M', 'D', 'Y'}, year4: true, sep: '/'}

// parseDBDate reads a DBDATE value; an empty or malformed one means the
// default.
func parseDBDate(s string) dbdateFormat {
	s = strings.ToUpper(strings.TrimSpace(s))
	f := dbdateFormat{year4: true}
	n := 0
	for len(s) > 0 && n < 3 {
		switch {
		case strings.HasPrefix(s, "Y4"), strings.HasPrefix(s, "Y2"):
			f.order[n], f.year4, s = 'Y', s[1] == '4', s[2:]
		case s[0] == 'M' || s[0] == 'D':
			f.order[n], s = s[0], s[1:]
		default:
			return defaultDBDate
		}
		n++
	}
	if n != 3 || f.order[0] == f.order[1] || f.order[1] == f.order[2] || f.order[0] == f.order[2] {
		return defaultDBDate
	}
	switch s {
	case "", "/":
		f.sep = '/'
	case "-", ".":
		f.sep = s[0]
	case "0":
		f.sep = 0
	default:
		return defaultDBDate
	}
	return f
}

// format writes the date of day number n.
func (f dbdateFormat) format(n int64) string {
	t := dateFromDays(n)
	y, m, d := t.Date()
	var b []byte
	for i, c := range f.order {
		if i > 0 && f.sep != 0 {
			b = append(b, f.sep)
		}
		switch c {
		case 'M':
			b = appendPadded(b, int64(m), 2)
		case 'D':
			b = appendPadded(b, int64(d), 2)
		default:
			if f.year4 {
				b = appendPadded(b, int64(y), 4)
			} else {
				b = appendPadded(b, int64(y%100), 2)
			}
		}
	}
	return string(b)
}

// parse reads a date written in this format. Informix's codes
// (rds_en_US.properties): -1204 invalid year, -1205 invalid month, -1206
// invalid day, -1218 a string that is not a date at all.
func (f dbdateFormat) parse(s string) (int64, *Error) {
	parts, widths, err := splitDate(strings.TrimSpace(s), f)
	if err != nil {
		return 0, err
	}
	var y, m, d int64
	for i, c := range f.order {
		switch c {
		case 'M':
			m = parts[i]
		case 'D':
			d = parts[i]
		default:
			// A two-digit year is in the present century, DBCENTURY's
			// default R (IBM Guide to SQL: Reference, DBCENTURY).
			y = parts[i]
			if widths[i] <= 2 {
				y += 2000
			}
		}
	}
	switch {
	case y < 1 || y > 9999:
		return 0, ifxErr(errBadYear, "")
	case m < 1 || m > 12:
		return 0, ifxErr(errBadMonth, "")
	case d < 1 || d > int64(monthDays(y, m, true, true)):
		return 0, ifxErr(errBadDay, "")
	}
	return dateDays(int(y), int(m), int(d)), nil
}

// splitDate cuts a date string into its three numbers and their digit
// counts: by any non-digit separators, or, for a string of digits only, by
// the widths the format implies (6 or 8 digits; -1209 otherwise).
func splitDate(s string, f dbdateFormat) ([3]int64, [3]int, *Error) {
	var out [3]int64
	var widths [3]int
	fields := strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if len(fields) == 1 && fields[0] == s {
		return splitDigits(s, f)
	}
	if len(fields) != 3 || !separatorsOnly(s) {
		return out, widths, ifxErr(errStringToDate, "")
	}
	for i, p := range fields {
		if len(p) > 4 {
			return out, widths, ifxErr(errStringToDate, "")
		}
		out[i], _ = strconv.ParseInt(p, 10, 64)
		widths[i] = len(p)
	}
	return out, widths, nil
}

// separatorsOnly reports whether the non-digits of s are date separators.
func separatorsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigitByte(c) && c != '/' && c != '-' && c != '.' && c != ' ' {
			return false
		}
	}
	return true
}

func splitDigits(s string, f dbdateFormat) ([3]int64, [3]int, *Error) {
	var out [3]int64
	var widths [3]int
	yw := 2
	switch len(s) {
	case 8:
		yw = 4
	case 6:
	default:
		return out, widths, ifxErr(-1209, "")
	}
	pos := 0
	for i, c := range f.order {
		w := 2
		if c == 'Y' {
			w = yw
		}
		out[i], _ = strconv.ParseInt(s[pos:pos+w], 10, 64)
		widths[i] = w
		pos += w
	}
	return out, widths, nil
}
