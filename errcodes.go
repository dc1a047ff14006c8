package informix

import (
	"strconv"
	"strings"
)

// sqlMessages describes the common SQLCODEs in our own words. The meanings
// follow IBM's published error catalogue as SQLI.md §8.2 summarises it; the
// texts are written for this package, since the server sends codes only
// (SQLI.md §8.1).
var sqlMessages = map[int]string{
	-201:   "syntax error",
	-202:   "illegal character in the statement",
	-206:   "table not in the database",
	-213:   "statement interrupted (cancelled)",
	-217:   "column not found in any table of the query",
	-236:   "the number of INSERT columns does not match the number of values",
	-239:   "duplicate value in a unique index",
	-240:   "could not delete a row from the table",
	-243:   "could not position within the table",
	-244:   "could not read the next row",
	-255:   "not in a transaction",
	-256:   "transactions are not available: the database has no transaction log",
	-268:   "unique constraint violated",
	-271:   "could not insert a new row into the table",
	-263:   "could not lock a row for update",
	-284:   "a subquery returned more than one row",
	-310:   "table already exists",
	-329:   "database not found, or no permission to open it",
	-346:   "could not update a row in the table",
	-387:   "no connect permission on the database",
	-391:   "NULL value into a NOT NULL column",
	-400:   "fetch from a cursor that is not open",
	-408:   "the server received a message it did not expect (protocol violation)",
	-535:   "already in a transaction",
	-674:   "routine cannot be resolved",
	-691:   "referential constraint: the parent key is missing",
	-692:   "referential constraint: the key is still referenced by child rows",
	-703:   "NULL value into a primary key column",
	-876:   "SET TRANSACTION after the transaction's first statement",
	-877:   "SET ISOLATION after SET TRANSACTION set the transaction's isolation",
	-878:   "write in a READ ONLY transaction",
	-908:   "connection to the database server failed",
	-937:   "error in a user-defined routine",
	-951:   "user unknown to the server, or login not allowed",
	-952:   "the password or user name was not accepted",
	-1204:  "invalid year in a date",
	-1205:  "invalid month in a date",
	-1206:  "invalid day in a date",
	-1213:  "a character value could not be converted to a number",
	-1214:  "value too large for a SMALLINT",
	-1215:  "value too large for an INTEGER",
	-1218:  "a character value could not be converted to a DATE",
	-1226:  "DECIMAL or MONEY value exceeds the column's precision",
	-1261:  "too many digits in the first field of a DATETIME or INTERVAL",
	-1262:  "a character value could not be converted to a DATETIME",
	-1263:  "a DATETIME or INTERVAL field is out of range",
	-1264:  "a character value could not be converted to an INTERVAL",
	-1279:  "value longer than the character column",
	-23101: "the server could not load the locale",
	-23197: "the database locale does not match DB_LOCALE",
}

// isamMessages describes the ISAM codes that qualify the SQLCODEs above
// (SQLI.md §8.2).
var isamMessages = map[int]string{
	-100: "duplicate value for a unique key",
	-107: "row is locked by another session",
	-111: "no record found",
	-113: "table is locked by another session",
	-143: "deadlock detected",
	-154: "lock wait timed out",
	-157: "interrupted",
}

// sqlStates maps common SQLCODEs to portable SQLSTATE classes. The mapping
// is this package's, not Informix's (which reports IX000): SQLI.md §8.3
// gives the pattern for -201, -206, -217, -239, -268, -391, -691, -692 and
// -255; the other entries use the SQL standard's classes (22018 invalid
// character value for cast, 22003 numeric value out of range, 22001
// string data right truncation, 25001 active transaction, 25006
// read-only SQL transaction, 28000 invalid
// authorization, 3D000 invalid catalog name, 57014 query cancelled).
var sqlStates = map[int]string{
	100:   "02000",
	-201:  "42601",
	-202:  "42601",
	-206:  "42P01",
	-213:  "57014",
	-217:  "42703",
	-239:  "23505",
	-255:  "25P01",
	-268:  "23505",
	-310:  "42P07",
	-329:  "3D000",
	-387:  "28000",
	-391:  "23502",
	-535:  "25001",
	-691:  "23503",
	-692:  "23503",
	-703:  "23502",
	-878:  "25006",
	-951:  "28000",
	-952:  "28000",
	-1213: "22018",
	-1262: "22018",
	-1214: "22003",
	-1215: "22003",
	-1226: "22003",
	-1264: "22018",
	-1279: "22001",
}

// describe returns Error.Message for the codes and sqlerrm: the catalog
// text with the object and the ISAM meaning appended, or
// "SQLCODE n (ISAM m): object" for an unknown code.
func describe(sqlCode, isamCode int, object string) string {
	text, ok := sqlMessages[sqlCode]
	if !ok {
		s := "SQLCODE " + strconv.Itoa(sqlCode) + " (ISAM " + strconv.Itoa(isamCode) + ")"
		if object != "" {
			s += ": " + object
		}
		return s
	}
	var b strings.Builder
	b.WriteString(text)
	if object != "" {
		b.WriteString(": ")
		b.WriteString(strconv.Quote(object))
	}
	if isam, ok := isamMessages[isamCode]; ok {
		b.WriteString(" (")
		b.WriteString(isam)
		b.WriteString(")")
	}
	return b.String()
}
