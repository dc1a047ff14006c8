package ifxtype

import (
	"strconv"
	"strings"

	"github.com/go-informix/informix/sqli"
)

// Type is a column or parameter type as the server describes it in
// SQ_DESCRIBE or SQ_IDESCRIBE (TYPES.md §2).
type Type struct {
	Code   sqli.TypeCode // base code in the low byte, flags in the high byte
	XID    int32         // extended type id (TYPES.md §1.3)
	Owner  string        // owner of an extended type, usually empty
	Name   string        // extended type name, e.g. "lvarchar", "boolean"
	Length int32         // encoded length (TYPES.md §2.1)
}

// Extended type ids of the built-in opaque types used here (TYPES.md §1.3).
const (
	XIDLVarChar = 1
	XIDBoolean  = 5
	XIDBlob     = 10
	XIDClob     = 11
)

// Base returns the logical base type: the low byte of Code, with the
// catalog spellings of LVARCHAR (40 + xid 1 or name "lvarchar") and BOOLEAN
// (41 + xid 5 or name "boolean") resolved to 43 and 45 (TYPES.md §1.1; S3
// matches by owner and type name, so both are accepted).
func (t Type) Base() sqli.TypeCode {
	b := t.Code.Base()
	switch b {
	case sqli.TypeUDTVar:
		if t.XID == XIDLVarChar || strings.EqualFold(t.Name, "lvarchar") {
			return sqli.TypeLVarChar
		}
	case sqli.TypeUDTFixed:
		if t.XID == XIDBoolean || strings.EqualFold(t.Name, "boolean") {
			return sqli.TypeBoolean
		}
	}
	return b
}

// Nullable reports whether the NOT NULL flag is clear.
func (t Type) Nullable() bool { return !t.Code.NotNull() }

// Precision returns the declared precision of a DECIMAL or MONEY (the high
// byte of the encoded length).
func (t Type) Precision() int { return int(t.Length>>8) & 0xff }

// Scale returns the declared scale of a DECIMAL or MONEY, or -1 for a
// floating DECIMAL(p), whose encoded scale byte is 0xFF.
func (t Type) Scale() int {
	s := int(t.Length) & 0xff
	if s == 0xff {
		return -1
	}
	return s
}

// Qualifier returns the DATETIME/INTERVAL qualifier (the encoded length).
func (t Type) Qualifier() Qualifier { return Qualifier(uint16(t.Length)) }

// VarCharMax returns the maximum and reserved lengths of a VARCHAR or
// NVARCHAR, stored as reserved<<8 | max (TYPES.md §2.1).
func (t Type) VarCharMax() (max, reserved int) {
	l := int(uint16(t.Length))
	return l & 0xff, l >> 8
}

// SQLName returns the type as SQL text with its parameters, e.g.
// "DECIMAL(8,2)", "DATETIME YEAR TO SECOND", "VARCHAR(100,20)".
func (t Type) SQLName() string {
	b := t.Base()
	n := strconv.Itoa
	switch b {
	case sqli.TypeChar, sqli.TypeNChar, sqli.TypeLVarChar:
		return b.String() + "(" + n(int(t.Length)) + ")"
	case sqli.TypeVarChar, sqli.TypeNVarChar:
		m, r := t.VarCharMax()
		if r == 0 {
			return b.String() + "(" + n(m) + ")"
		}
		return b.String() + "(" + n(m) + "," + n(r) + ")"
	case sqli.TypeDecimal, sqli.TypeMoney:
		if t.Scale() < 0 {
			return b.String() + "(" + n(t.Precision()) + ")"
		}
		return b.String() + "(" + n(t.Precision()) + "," + n(t.Scale()) + ")"
	case sqli.TypeDateTime:
		return "DATETIME " + t.Qualifier().DateTimeString()
	case sqli.TypeInterval:
		return "INTERVAL " + t.Qualifier().IntervalString()
	case sqli.TypeUDTVar, sqli.TypeUDTFixed:
		if t.Name != "" {
			return strings.ToUpper(t.Name)
		}
	}
	return b.String()
}
