package engine

import (
	"strconv"

	"github.com/go-informix/informix/ifxtest/internal/sqlparse"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// Limits of the character types (TYPES.md §2.1, §5.9–§5.10; IBM: CHAR up
// to 32767 bytes, VARCHAR up to 255, LVARCHAR up to 32739, default 2048).
const (
	maxCharLen        = 32767
	maxVarCharLen     = 255
	maxLVarCharLen    = 32739
	defaultLVarChar   = 2048
	maxDecimalDigits  = 32
	defaultDecimalPrc = 16
)

// kind is the storage class of a value inside SQLite, derived from its
// Informix type: how the engine stores, compares and converts it.
type kind int

// Storage classes. Integers, DATE (days since 1899-12-31), BOOLEAN (0/1)
// and INTERVALs (months, or units of 10 µs) are SQLite INTEGERs; floats are
// REAL; DECIMAL/MONEY are BLOB sort keys (decimalKey); DATETIME is fixed-
// width TEXT of its qualifier's fields; character data is TEXT, CHAR stored
// without trailing blanks.
const (
	kNull kind = iota // a NULL literal or an untyped parameter
	kInt
	kFloat
	kDec
	kDate
	kDateTime
	kIntervalYM
	kIntervalDS
	kText
	kBool
)

// kindOf returns the storage class of t.
func kindOf(t ifxtype.Type) kind {
	switch t.Base() {
	case sqli.TypeSmallInt, sqli.TypeInteger, sqli.TypeSerial, sqli.TypeInt8, sqli.TypeSerial8,
		sqli.TypeBigInt, sqli.TypeBigSerial:
		return kInt
	case sqli.TypeSmallFloat, sqli.TypeFloat:
		return kFloat
	case sqli.TypeDecimal, sqli.TypeMoney:
		return kDec
	case sqli.TypeDate:
		return kDate
	case sqli.TypeDateTime:
		return kDateTime
	case sqli.TypeInterval:
		if t.Qualifier().Start() <= ifxtype.UnitMonth {
			return kIntervalYM
		}
		return kIntervalDS
	case sqli.TypeChar, sqli.TypeNChar, sqli.TypeVarChar, sqli.TypeNVarChar, sqli.TypeLVarChar:
		return kText
	case sqli.TypeBoolean:
		return kBool
	}
	return kNull
}

// Type constructors. Built-in types carry their encoded length (TYPES.md
// §2.1).
func tSimple(code sqli.TypeCode) ifxtype.Type {
	lengths := map[sqli.TypeCode]int32{
		sqli.TypeSmallInt: 2, sqli.TypeInteger: 4, sqli.TypeSerial: 4, sqli.TypeDate: 4,
		sqli.TypeSmallFloat: 4, sqli.TypeFloat: 8, sqli.TypeBigInt: 8, sqli.TypeBigSerial: 8,
		sqli.TypeInt8: 10, sqli.TypeSerial8: 10,
	}
	return ifxtype.Type{Code: code, Length: lengths[code]}
}

func tDecimal(code sqli.TypeCode, p, s int) ifxtype.Type {
	return ifxtype.Type{Code: code, Length: int32(p<<8 | s&0xff)}
}

func tFloatingDecimal(p int) ifxtype.Type { return tDecimal(sqli.TypeDecimal, p, 0xff) }

func tChar(code sqli.TypeCode, n int) ifxtype.Type {
	return ifxtype.Type{Code: code, Length: int32(n)}
}

func tVarChar(code sqli.TypeCode, m, r int) ifxtype.Type {
	return ifxtype.Type{Code: code, Length: int32(r<<8 | m)}
}

// tLVarChar describes LVARCHAR as the server's catalog spells it: the
// variable-length opaque type 40 with extended id 1, named lvarchar
// (TYPES.md §1.1, §5.10). [I] by analogy with BOOLEAN, which informix-driver
// saw described as 41 named "boolean" by Informix 15.
func tLVarChar(m int) ifxtype.Type {
	return ifxtype.Type{Code: sqli.TypeUDTVar, XID: ifxtype.XIDLVarChar, Owner: "informix", Name: "lvarchar", Length: int32(m)}
}

// tBoolean describes BOOLEAN as 41 with extended id 5, named boolean,
// encoded length 1: how Informix 15 describes it to informix-driver
// (its _resultset.py, "The server describes it as UDTFIXED (41) with
// extended_name='boolean' and encoded_length=1"; TYPES.md §1.1).
func tBoolean() ifxtype.Type {
	return ifxtype.Type{Code: sqli.TypeUDTFixed, XID: ifxtype.XIDBoolean, Owner: "informix", Name: "boolean", Length: 1}
}

func tDateTime(q ifxtype.Qualifier) ifxtype.Type {
	return ifxtype.Type{Code: sqli.TypeDateTime, Length: int32(q)}
}

func tInterval(q ifxtype.Qualifier) ifxtype.Type {
	return ifxtype.Type{Code: sqli.TypeInterval, Length: int32(q)}
}

// notNull returns t with the NOT NULL flag set or cleared.
func notNull(t ifxtype.Type, on bool) ifxtype.Type {
	if on {
		t.Code |= sqli.FlagNotNull
	} else {
		t.Code &^= sqli.FlagNotNull
	}
	return t
}

// isSerial reports whether t is SERIAL, SERIAL8 or BIGSERIAL.
func isSerial(t ifxtype.Type) bool {
	switch t.Base() {
	case sqli.TypeSerial, sqli.TypeSerial8, sqli.TypeBigSerial:
		return true
	}
	return false
}

// isFixedChar reports whether t is CHAR or NCHAR, whose values are stored
// without trailing blanks and padded on output.
func isFixedChar(t ifxtype.Type) bool {
	b := t.Base()
	return b == sqli.TypeChar || b == sqli.TypeNChar
}

// textLimit returns the most bytes a character type holds.
func textLimit(t ifxtype.Type) int {
	switch t.Base() {
	case sqli.TypeVarChar, sqli.TypeNVarChar:
		m, _ := t.VarCharMax()
		return m
	}
	return int(t.Length)
}

// intRange returns the range of an integer type: SMALLINT and INTEGER
// exclude their most negative value, which is the NULL form (TYPES.md
// §5.1); INT8/BIGINT range over ±(2⁶³−1) (TYPES.md §5.2–§5.3).
func intRange(t ifxtype.Type) (lo, hi int64, code int) {
	switch t.Base() {
	case sqli.TypeSmallInt:
		return -32767, 32767, errSmallintRange
	case sqli.TypeInteger, sqli.TypeSerial:
		return -2147483647, 2147483647, errIntegerRange
	}
	return -9223372036854775807, 9223372036854775807, errBigintRange
}

// typeFromName resolves a parsed data type. For a SERIAL type it also
// returns the start value written in parentheses (0 when absent).
func typeFromName(tn sqlparse.TypeName) (ifxtype.Type, int64, *Error) {
	bad := syntaxAt(tn.At, tn.Base)
	param := func(i int, def int64) int64 {
		if i < len(tn.Params) {
			return tn.Params[i]
		}
		return def
	}
	switch tn.Base {
	case "SMALLINT", "INTEGER", "INT8", "BIGINT", "SMALLFLOAT", "DATE":
		return tSimple(simpleCodes[tn.Base]), 0, nil
	case "SERIAL", "SERIAL8", "BIGSERIAL":
		return tSimple(simpleCodes[tn.Base]), param(0, 0), nil
	case "FLOAT":
		return tSimple(sqli.TypeFloat), 0, nil
	case "DECIMAL", "MONEY":
		return decimalType(tn, bad)
	case "CHAR", "NCHAR":
		n := param(0, 1)
		if n < 1 || n > maxCharLen {
			return ifxtype.Type{}, 0, bad
		}
		return tChar(charCodes[tn.Base], int(n)), 0, nil
	case "VARCHAR", "NVARCHAR":
		m, r := param(0, 1), param(1, 0)
		if !tn.HasParams || m < 1 || m > maxVarCharLen || r < 0 || r > m {
			return ifxtype.Type{}, 0, bad
		}
		return tVarChar(charCodes[tn.Base], int(m), int(r)), 0, nil
	case "LVARCHAR":
		m := param(0, defaultLVarChar)
		if m < 1 || m > maxLVarCharLen {
			return ifxtype.Type{}, 0, bad
		}
		return tLVarChar(int(m)), 0, nil
	case "BOOLEAN":
		return tBoolean(), 0, nil
	case "DATETIME", "INTERVAL":
		t, err := qualifiedType(tn)
		return t, 0, err
	}
	return ifxtype.Type{}, 0, bad
}

var simpleCodes = map[string]sqli.TypeCode{
	"SMALLINT": sqli.TypeSmallInt, "INTEGER": sqli.TypeInteger, "INT8": sqli.TypeInt8,
	"BIGINT": sqli.TypeBigInt, "SMALLFLOAT": sqli.TypeSmallFloat, "DATE": sqli.TypeDate,
	"SERIAL": sqli.TypeSerial, "SERIAL8": sqli.TypeSerial8, "BIGSERIAL": sqli.TypeBigSerial,
}

var charCodes = map[string]sqli.TypeCode{
	"CHAR": sqli.TypeChar, "NCHAR": sqli.TypeNChar, "VARCHAR": sqli.TypeVarChar, "NVARCHAR": sqli.TypeNVarChar,
}

// decimalType resolves DECIMAL[(p[,s])] and MONEY[(p[,s])]. DECIMAL alone is
// DECIMAL(16), a floating decimal; DECIMAL(p) is floating too; MONEY
// defaults to MONEY(16,2) and MONEY(p) to MONEY(p,2) (TYPES.md §2.1, §5.5;
// IBM Guide to SQL: Reference, DECIMAL and MONEY data types).
func decimalType(tn sqlparse.TypeName, bad *Error) (ifxtype.Type, int64, *Error) {
	code := sqli.TypeDecimal
	p, s := int64(defaultDecimalPrc), int64(0xff)
	if tn.Base == "MONEY" {
		code, s = sqli.TypeMoney, 2
	}
	if len(tn.Params) > 0 {
		p = tn.Params[0]
	}
	if len(tn.Params) > 1 {
		s = tn.Params[1]
		if s < 0 || s > p {
			return ifxtype.Type{}, 0, bad
		}
	}
	if p < 1 || p > maxDecimalDigits {
		return ifxtype.Type{}, 0, bad
	}
	return tDecimal(code, int(p), int(s)), 0, nil
}

var unitCodes = map[string]ifxtype.TimeUnit{
	"year": ifxtype.UnitYear, "month": ifxtype.UnitMonth, "day": ifxtype.UnitDay,
	"hour": ifxtype.UnitHour, "minute": ifxtype.UnitMinute, "second": ifxtype.UnitSecond,
}

// qualifierOf resolves a parsed DATETIME or INTERVAL qualifier. A bare
// FRACTION end is FRACTION(3) (TYPES.md §5.7); an INTERVAL start without a
// precision gets 2 digits (IBM: the default leading precision), except
// YEAR, which gets 4.
func qualifierOf(tn sqlparse.TypeName) (ifxtype.Qualifier, *Error) {
	bad := ifxErr(errBadQualifier, "")
	bad.Offset = tn.At
	start, ok := unitCodes[tn.Start]
	if tn.Start == "fraction" {
		start, ok = ifxtype.UnitFraction, true
	}
	end, ok2 := unitCodes[tn.End]
	if tn.End == "fraction" {
		frac := tn.EndFrac
		if frac == 0 {
			frac = 3
		}
		if frac > 5 {
			return 0, bad
		}
		end, ok2 = ifxtype.UnitSecond+ifxtype.TimeUnit(frac), true
	}
	if !ok || !ok2 {
		return 0, bad
	}
	var q ifxtype.Qualifier
	var err error
	if tn.Base == "INTERVAL" {
		prec := tn.Prec
		if prec == 0 {
			prec = 2
			if start == ifxtype.UnitYear {
				prec = 4
			}
		}
		q, err = ifxtype.IntervalQualifier(start, prec, end)
	} else {
		if tn.Prec != 0 {
			return 0, bad
		}
		q, err = ifxtype.DateTimeQualifier(start, end)
	}
	if err != nil {
		return 0, bad
	}
	return q, nil
}

func qualifiedType(tn sqlparse.TypeName) (ifxtype.Type, *Error) {
	q, err := qualifierOf(tn)
	if err != nil {
		return ifxtype.Type{}, err
	}
	if tn.Base == "INTERVAL" {
		return tInterval(q), nil
	}
	return tDateTime(q), nil
}

// typeSQL names t for messages.
func typeSQL(t ifxtype.Type) string {
	if t.Base() == sqli.TypeLVarChar {
		return "LVARCHAR(" + strconv.Itoa(int(t.Length)) + ")"
	}
	return t.SQLName()
}

// catalogColType returns syscolumns.coltype and collength for t: the base
// code plus 256 for NOT NULL, and the encoded length (IBM Guide to SQL:
// Reference, SYSCOLUMNS; TYPES.md §1.1–§2.1). LVARCHAR and BOOLEAN are 40
// and 41 there, with their extended ids in syscolumns.extended_id.
func catalogColType(t ifxtype.Type) (coltype, collength, xid int64) {
	coltype = int64(t.Code.Base())
	if t.Code.NotNull() {
		coltype += 256
	}
	return coltype, int64(uint16(t.Length)), int64(t.XID)
}
