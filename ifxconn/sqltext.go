package ifxconn

import (
	"fmt"
	"unicode/utf8"
)

// wireSQL returns statement text in the database's code set, the form
// SQ_PREPARE and SQ_COMMAND carry (sqli.Prepare.SQL; TYPES.md §7): a
// literal such as 'Åsa' must reach an ISO 8859-1 database as three bytes,
// not as UTF-8's four. Text that is all ASCII, the common case, is
// returned unchanged without a copy, since every code set the driver
// supports (ifxtype.LookupCodeSet) writes ASCII as ASCII. A character the
// code set cannot hold is an error naming it, before anything is sent.
func (c *Conn) wireSQL(sql string) (string, error) {
	if isASCII(sql) {
		return sql, nil
	}
	b, err := c.db.CodeSet.Append(nil, sql)
	if err != nil {
		return "", fmt.Errorf("statement text in code set %s: %w", c.db.CodeSet.Name(), err)
	}
	return string(b), nil
}

// isASCII reports whether s holds only 7-bit characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
