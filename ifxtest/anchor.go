package ifxtest

import (
	"fmt"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// unitSecond is the SECOND time unit (TYPES.md §5.7).
const unitSecond = 10

// anchorFix is a DATETIME or INTERVAL column whose packed exponent the
// server moves by shift base-100 pairs (see secondAnchors).
type anchorFix struct {
	col   int
	shift byte
}

// secondAnchors returns the columns of cols whose values need their
// decimal point moved to after SECOND.
//
// Temporary workaround for ifxtype's DATETIME and INTERVAL codecs, which
// put the decimal point of the packed value after the qualifier's last
// field (TYPES.md §5.7, whose vectors for such qualifiers are computed,
// [I]). IBM JDBC 15.0.0.1.1 reads a DATETIME HOUR TO MINUTE sent as
// c2 0d 2d (13:45 with the point after MINUTE) as 00:13, and both JDBC and
// informix-driver read an INTERVAL YEAR(4) TO MONTH sent as c2 02 03 00
// (2-03) as 0-00. informix-driver's INTERVAL decoder, which ports JDBC's
// and is tested against real servers, expects the exponent of a full
// value to be (digits + 10 − end + 1) / 2 pairs: the point after SECOND
// whatever the qualifier's end, so HOUR TO MINUTE 13:45 is c3 0d 2d. For
// a qualifier ending at SECOND or in FRACTION both readings agree. The fix
// in ifxtype: raise the exponent by (10 − end)/2 for end < SECOND when
// encoding (rows and binds) and lower it when decoding.
func secondAnchors(cols []ifxtype.Column) []anchorFix {
	var fixes []anchorFix
	for i, c := range cols {
		switch c.Type.Code.Base() {
		case sqli.TypeDateTime, sqli.TypeInterval:
			if end := c.Type.Qualifier().End(); end < unitSecond {
				fixes = append(fixes, anchorFix{col: i, shift: byte(unitSecond-end) / 2})
			}
		}
	}
	return fixes
}

// anchorAtSecond applies fixes to an encoded row of layout: it moves the
// exponent of each non-NULL, non-zero value up by the fix's shift. The
// header byte of a positive value holds the excess-64 exponent; that of a
// negative one its complement (TYPES.md §5.5, §5.8).
func anchorAtSecond(layout *ifxtype.RowLayout, fixes []anchorFix, row []byte) error {
	parts, err := layout.Split(row, make([][]byte, 0, len(layout.Columns())))
	if err != nil {
		return fmt.Errorf("split row to anchor DATETIME/INTERVAL values: %w", err)
	}
	for _, f := range fixes {
		b := parts[f.col]
		if len(b) < 2 || ifxtype.IsNullPacked(b) || allZero(b[1:]) {
			continue
		}
		if b[0]&0x80 != 0 {
			b[0] += f.shift
		} else {
			b[0] -= f.shift
		}
	}
	return nil
}

// allZero reports whether every byte of b is zero: the digits of a zero
// value, whose exponent means nothing.
func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}
