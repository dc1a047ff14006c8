package engine

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Informix SQL error codes the engine returns. The meanings are those of
// IBM's message catalogue as shipped in JDBC 15.0.0.1.1
// (com/informix/msg/sql_en_US.properties, rds_en_US.properties,
// isam_en_US.properties); SQLI.md §8.2 lists the common ones.
const (
	errSyntax           = -201  // A syntax error has occurred.
	errIllegalChar      = -202  // An illegal character has been found in the statement.
	errNoTable          = -206  // The specified table (%s) is not in the database.
	errInterrupted      = -213  // Statement interrupted by user.
	errNoColumn         = -217  // Column (%s) not found in any table in the query.
	errInsertCount      = -236  // Number of columns in INSERT does not match number of VALUES.
	errDuplicateIndex   = -239  // Could not insert new row - duplicate value in a UNIQUE INDEX column (%s).
	errLockedRead       = -244  // Could not do a physical-order read to fetch next row.
	errNotInTx          = -255  // Not in transaction.
	errNoTx             = -256  // Transaction not available.
	errUniqueConstraint = -268  // Unique constraint (%s) violated.
	errSubqueryRows     = -284  // A subquery has returned not exactly one row.
	errTableExists      = -310  // Table (%s) already exists in database.
	errIndexExists      = -316  // Index (%s) already exists in database.
	errNoDatabase       = -329  // Database (%s) not found or no system permission.
	errDatabaseExists   = -330  // Cannot create or rename the database.
	errNoCurrentDB      = -349  // Database not selected yet.
	errIndexSameColumns = -350  // Index already exists on the column (or on the set of columns).
	errDropOpenDB       = -359  // Cannot drop or rename the current database or any open database.
	errTwoSerials       = -362  // Can have only one column of serial/(serial8 or bigserial) type.
	errNullNotAllowed   = -391  // Cannot insert a null into column (%s).
	errDatabaseInUse    = -425  // Database is currently opened by another user.
	errAmbiguousColumn  = -324  // Ambiguous column (%s).
	errNoIndex          = -319  // Index (%s) not found in database.
	errInTx             = -535  // Already in transaction.
	errNoRoutine        = -674  // Routine (%s) can not be resolved.
	errPrimaryNull      = -703  // Primary key on table (%s) has a field with a null key value.
	errDecOverflow      = -1200 // Number is too large for a DECIMAL data type
	errDivideByZero     = -1202 // An attempt was made to divide by zero.
	errBadYear          = -1204 // Invalid year in date
	errBadMonth         = -1205 // Invalid month in date
	errBadDay           = -1206 // Invalid day in date
	errCharToNumeric    = -1213 // A character to numeric conversion process failed
	errSmallintRange    = -1214 // Value exceeds limit of SMALLINT precision
	errIntegerRange     = -1215 // Value exceeds limit of INTEGER precision
	errStringToDate     = -1218 // String to date conversion error
	errSmallfloatRange  = -1222 // Value will not fit in a SMALLFLOAT.
	errDecPrecision     = -1226 // Decimal or money value exceeds maximum precision.
	errTypeConversion   = -1260 // It is not possible to convert between the specified types.
	errDTNonNumeric     = -1262 // Non-numeric character in datetime or interval.
	errDTField          = -1263 // A field in a datetime or interval value is incorrect …
	errDTExtra          = -1264 // Extra characters at the end of a datetime or interval.
	errDTIncompatible   = -1266 // Intervals or datetimes are incompatible for the operation.
	errDTRange          = -1267 // The result of a datetime computation is out of range.
	errBadQualifier     = -1268 // Invalid datetime or interval qualifier.
	errStringTooLong    = -1279 // Value exceeds string column length.
	errBigintRange      = -1284 // Value will not fit in a BIGINT or an INT8.
)

// ISAM codes (isam_en_US.properties; SQLI.md §8.2).
const (
	isamDuplicate   = -100 // duplicate value for a record with unique key
	isamLocked      = -107 // record is locked
	isamNoRecord    = -111 // no record found
	isamDeadlock    = -143 // deadlock detected
	isamLockTimeout = -154 // Lock Timeout Expired
	isamInterrupted = -157 // Interrupted ISAM call
)

// ifxErr returns an *Error with code and sqlerrm.
func ifxErr(code int, msg string) *Error { return &Error{SQLCode: code, Message: msg} }

// ifxErrISAM returns an *Error with an ISAM code.
func ifxErrISAM(code, isam int, msg string) *Error {
	return &Error{SQLCode: code, ISAMCode: isam, Message: msg}
}

// errInterrupt is what a cancelled statement returns (SQLI.md §7.9 [W: S3]).
func errInterrupt() *Error { return ifxErrISAM(errInterrupted, isamInterrupted, "") }

// syntaxAt returns -201 at byte offset off.
func syntaxAt(off int, token string) *Error {
	return &Error{SQLCode: errSyntax, Offset: off, Message: token}
}

// funcErrPrefix marks an Informix error raised inside a SQLite function:
// "ifxerr:code:isam:message" ended by funcErrEnd. SQLite hands the text
// back inside its own error, where decodeFuncError finds it again.
const (
	funcErrPrefix = "ifxerr:"
	funcErrEnd    = "\x1e"
)

// funcError encodes e for return from a SQLite function.
func funcError(e *Error) error {
	return errors.New(funcErrPrefix + strconv.Itoa(e.SQLCode) + ":" + strconv.Itoa(e.ISAMCode) + ":" + e.Message + funcErrEnd)
}

// decodeFuncError finds an error encoded by funcError in an error's text.
func decodeFuncError(err error) (*Error, bool) {
	s := err.Error()
	i := strings.Index(s, funcErrPrefix)
	if i < 0 {
		return nil, false
	}
	s = s[i+len(funcErrPrefix):]
	if j := strings.Index(s, funcErrEnd); j >= 0 {
		s = s[:j]
	}
	parts := strings.SplitN(s, ":", 3)
	if len(parts) != 3 {
		return nil, false
	}
	code, err1 := strconv.Atoi(parts[0])
	isam, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return nil, false
	}
	return &Error{SQLCode: code, ISAMCode: isam, Message: parts[2]}, true
}

// internalError wraps an error that no client input should cause; the
// server treats any error that is not an *Error as a bug in ifxtest.
func internalError(what string, err error) error {
	return fmt.Errorf("ifxtest engine: %s: %w", what, err)
}
