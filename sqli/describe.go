package sqli

import (
	"fmt"
	"strings"
)

// StmtType is the statement type an SQ_DESCRIBE reports: the ESQL/C
// sqlstype.h number, except that a plain SELECT travels as 2 (SQLI.md §5;
// [D: S3, S5; B: S4]). Values not listed below exist (BEGIN WORK, EXECUTE
// PROCEDURE, …) but are not in any public copy of the table; they decode
// unchanged.
type StmtType int16

// Statement types of SQLI.md §5 (IBM's sqlstype.h table, plus the wire value
// of SELECT). Use the statement type, not the column count, to choose
// between the cursor and the execute path: an INSERT with parameters also
// describes columns (SQLI.md §5; [W: S1]).
const (
	StmtDatabase         StmtType = 1  // DATABASE
	StmtSelect           StmtType = 2  // SELECT (ESQL/C reports 0 to the application; the wire carries 2)
	StmtSelectIntoTemp   StmtType = 3  // SELECT … INTO TEMP
	StmtUpdate           StmtType = 4  // UPDATE
	StmtDelete           StmtType = 5  // DELETE
	StmtInsert           StmtType = 6  // INSERT
	StmtUpdateCurrent    StmtType = 7  // UPDATE … WHERE CURRENT OF
	StmtDeleteCurrent    StmtType = 8  // DELETE … WHERE CURRENT OF
	StmtLockTable        StmtType = 10 // LOCK TABLE
	StmtUnlockTable      StmtType = 11 // UNLOCK TABLE
	StmtCreateDatabase   StmtType = 12 // CREATE DATABASE
	StmtDropDatabase     StmtType = 13 // DROP DATABASE
	StmtCreateTable      StmtType = 14 // CREATE TABLE
	StmtDropTable        StmtType = 15 // DROP TABLE
	StmtCreateIndex      StmtType = 16 // CREATE INDEX
	StmtDropIndex        StmtType = 17 // DROP INDEX
	StmtGrant            StmtType = 18 // GRANT
	StmtRevoke           StmtType = 19 // REVOKE
	StmtRenameTable      StmtType = 20 // RENAME TABLE
	StmtRenameColumn     StmtType = 21 // RENAME COLUMN
	StmtAlterTable       StmtType = 29 // ALTER TABLE
	StmtUpdateStatistics StmtType = 30 // UPDATE STATISTICS
	StmtCloseDatabase    StmtType = 31 // CLOSE DATABASE
	StmtStartDatabase    StmtType = 38 // START DATABASE (S2)

	// The values below come from IBM's ESQL/C header sqlstype.h (Client SDK
	// 12.10, "Defined symbols for SQL statement types"; public copies are
	// embedded in preprocessed ESQL/C sources); the SQL each one names is
	// the header's comment. informix-driver reads 34–36 and 56 off the
	// describe the same way (its cursors.py).
	StmtDeleteAll           StmtType = 32  // SQ_DELALL: DELETE without WHERE
	StmtUpdateAll           StmtType = 33  // SQ_UPDALL: UPDATE without WHERE
	StmtBeginWork           StmtType = 34  // SQ_BEGWORK: BEGIN WORK
	StmtCommitWork          StmtType = 35  // SQ_COMMIT: COMMIT WORK
	StmtRollbackWork        StmtType = 36  // SQ_ROLLBACK: ROLLBACK WORK
	StmtCreateTempTable     StmtType = 45  // SQ_CTEMP: CREATE TEMP TABLE
	StmtSetLockMode         StmtType = 46  // SQ_WAITFOR: SET LOCK MODE
	StmtSetIsolation        StmtType = 48  // SQ_ISOLATE: SET ISOLATION
	StmtSetExplain          StmtType = 50  // SQ_EXPLAIN: SET EXPLAIN
	StmtExecuteProcedure    StmtType = 56  // SQ_EXECPROC: EXECUTE PROCEDURE (and EXECUTE FUNCTION)
	StmtSetPDQPriority      StmtType = 74  // SQ_PDQPRIORITY: SET PDQPRIORITY
	StmtSetEnvironment      StmtType = 110 // SQ_SETENV: SET ENVIRONMENT
	StmtTruncate            StmtType = 122 // SQ_TRUNCATE: TRUNCATE TABLE
	StmtSavepoint           StmtType = 159 // SQ_SETSVPT: SAVEPOINT
	StmtReleaseSavepoint    StmtType = 160 // SQ_RELSVPT: RELEASE SAVEPOINT
	StmtRollbackToSavepoint StmtType = 161 // SQ_RBACKSVPT: ROLLBACK TO SAVEPOINT
)

// preallocCap bounds the slice capacity a decoder reserves from a count
// read off the wire; larger counts grow the slice as elements actually
// arrive, so a peer that declares the cap and sends nothing costs little.
const preallocCap = 1024

// Describe (SQ_DESCRIBE) describes a prepared statement and its result
// columns; the server sends it in answer to SQ_PREPARE+SQ_NDESCRIBE and to
// SQ_COMMAND (SQLI.md §6.4; [W: S1, S2 live; J: S2; D: S3, S5; B: S4]).
//
// Layout: i16 statement type, i16 statement id, i32 estimated rows, tuple
// size (i16, or i32 with feature 69), i16 column count, i32 names length,
// then one long descriptor per column (30 bytes when its owner and type name
// are empty; see DescribeColumn), then the name blob: the NUL-terminated
// column names, names length bytes in all, and a pad byte when that length
// is odd.
//
// Open question (SQLI.md open question 2, §6.4 [X]): without feature 63, S3
// reads a short descriptor (i32 offset, i32 start, i16 type, i16 length) and
// an i16 names length, while S10 (IDS 11.50) reads 28-byte descriptors. Both
// are unconfirmed; this type always reads and writes the long descriptor and
// an i32 names length, which is what JDBC, offering feature 63, receives.
// [X] S3 also reads the tuple size as i16 even with feature 69; this follows
// S2 (JDBC) and reads an i32.
//
// After Decode the message holds no reference to the Reader's buffer: names,
// owners and type names are copied into strings.
type Describe struct {
	StatementType StmtType // §5; StmtSelect for a cursor
	StatementID   int16    // server-assigned; prefix later operations with SQ_ID of it
	EstimatedRows int32    // optimizer estimate (S3 calls it cost)
	// TupleSize is the maximum row length in bytes. Without feature 69 it
	// travels as an i16, and encoding a value outside the int16 range fails.
	TupleSize int32
	// Columns describes the result columns in order; nil or empty for most
	// statements other than SELECT.
	Columns []DescribeColumn
}

// DescribeColumn is one long column descriptor of SQ_DESCRIBE (SQLI.md §6.4,
// TYPES.md §2). On the wire: i32 name offset (into the name blob), i32 start,
// i16 type, i32 extended id, CHAR owner, CHAR type name, i16 reference,
// i16 alignment, i32 source type, i32 encoded length; 30 bytes when owner
// and type name are empty (S4's arithmetic). The name offset is not kept:
// the encoder derives it from the names, the decoder resolves it to Name.
type DescribeColumn struct {
	// Name is the column name; it never holds a NUL byte (the blob uses NUL
	// as its terminator), and may be empty (an unnamed expression).
	Name       string
	Start      int32    // byte offset of the column in a fixed-layout row
	Type       TypeCode // base type in the low byte, flags in the high byte
	XID        int32    // extended type id (TYPES.md §1.3), 0 for built-in types
	Owner      string   // owner of an extended type, usually empty
	TypeName   string   // extended type name, e.g. "lvarchar", "boolean"
	Reference  int16    // meaning not published (SQLI.md open question 2)
	Alignment  int16    // meaning not published (SQLI.md open question 2)
	SourceType int32    // source type of a distinct type (TYPES.md §5.15)
	// Length is the encoded length (TYPES.md §2.1): bytes for CHAR,
	// (min<<8)|max for VARCHAR, (precision<<8)|scale for DECIMAL, the
	// qualifier for DATETIME and INTERVAL.
	Length int32
}

// Tag implements Message: it returns the message's tag.
func (*Describe) Tag() Tag       { return TagDescribe }
func (*Describe) serverMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *Describe) Encode(e *Encoder) {
	e.Tag(TagDescribe)
	m.encodeBody(e)
}

// encodeBody writes the payload after the tag; SGKDescribe shares it.
func (m *Describe) encodeBody(e *Encoder) {
	e.Int16(int16(m.StatementType))
	e.Int16(m.StatementID)
	e.Int32(m.EstimatedRows)
	m.encodeTupleSize(e)
	e.Count(len(m.Columns), "SQ_DESCRIBE column count")
	names := 0
	for i, c := range m.Columns {
		if strings.IndexByte(c.Name, 0) >= 0 {
			e.Failf("SQ_DESCRIBE column %d: name %q holds a NUL byte, which ends a name in the name blob", i+1, c.Name)
			return
		}
		names += len(c.Name) + 1
	}
	e.Length32(names, "SQ_DESCRIBE names length")
	offset := 0
	for i := range m.Columns {
		m.Columns[i].encode(e, offset)
		offset += len(m.Columns[i].Name) + 1
	}
	for _, c := range m.Columns {
		e.RawString(c.Name)
		e.Uint8(0)
	}
	e.Pad(names)
}

// encodeTupleSize writes TupleSize in the width feature 69 selects.
func (m *Describe) encodeTupleSize(e *Encoder) {
	if e.Features.BigTuple {
		e.Int32(m.TupleSize)
		return
	}
	if m.TupleSize < -1<<15 || m.TupleSize > 1<<15-1 {
		e.Failf("SQ_DESCRIBE tuple size: %d does not fit in an int16 without feature 69", m.TupleSize)
		return
	}
	e.Int16(int16(m.TupleSize))
}

// encode writes the long descriptor of c with its name at offset in the blob.
func (c *DescribeColumn) encode(e *Encoder, offset int) {
	e.Int32(int32(offset))
	e.Int32(c.Start)
	e.Uint16(uint16(c.Type))
	e.Int32(c.XID)
	e.Char(c.Owner, "SQ_DESCRIBE owner name")
	e.Char(c.TypeName, "SQ_DESCRIBE type name")
	e.Int16(c.Reference)
	e.Int16(c.Alignment)
	e.Int32(c.SourceType)
	e.Int32(c.Length)
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *Describe) Decode(r *Reader) error {
	m.StatementType = StmtType(r.Int16())
	m.StatementID = r.Int16()
	m.EstimatedRows = r.Int32()
	if r.Features.BigTuple {
		m.TupleSize = r.Int32()
	} else {
		m.TupleSize = int32(r.Int16())
	}
	n := r.Count(r.limits.MaxColumns, "SQ_DESCRIBE column count")
	namesLen := int64(r.Int32())
	if !r.checkLen(namesLen, r.limits.MaxNames, "SQ_DESCRIBE names length") {
		return r.Err()
	}
	m.Columns = nil
	if n == 0 {
		r.PaddedBytes(namesLen, r.limits.MaxNames, "SQ_DESCRIBE name blob")
		return r.Err()
	}
	cols := make([]DescribeColumn, 0, min(n, preallocCap))
	offsets := make([]int32, 0, min(n, preallocCap))
	for i := range n {
		var c DescribeColumn
		offsets = append(offsets, c.decode(r))
		if err := r.Err(); err != nil {
			return fmt.Errorf("sqli: SQ_DESCRIBE column %d of %d: %w", i+1, n, err)
		}
		cols = append(cols, c)
	}
	blob := string(r.PaddedBytes(namesLen, r.limits.MaxNames, "SQ_DESCRIBE name blob"))
	if err := r.Err(); err != nil {
		return err
	}
	for i := range cols {
		name, err := nameAt(blob, offsets[i])
		if err != nil {
			r.Failf("SQ_DESCRIBE column %d of %d: %w", i+1, n, err)
			return r.Err()
		}
		cols[i].Name = name
	}
	m.Columns = cols
	return nil
}

// decode reads one long descriptor into c and returns its name offset.
func (c *DescribeColumn) decode(r *Reader) (nameOffset int32) {
	nameOffset = r.Int32()
	c.Start = r.Int32()
	c.Type = TypeCode(r.Uint16())
	c.XID = r.Int32()
	c.Owner = r.String("SQ_DESCRIBE owner name")
	c.TypeName = r.String("SQ_DESCRIBE type name")
	c.Reference = r.Int16()
	c.Alignment = r.Int16()
	c.SourceType = r.Int32()
	c.Length = r.Int32()
	return nameOffset
}

// nameAt returns the NUL-terminated name that starts at offset in blob. The
// names share blob's memory, so a whole description costs one string.
func nameAt(blob string, offset int32) (string, error) {
	if offset < 0 || int64(offset) >= int64(len(blob)) {
		return "", fmt.Errorf("name offset %d outside the %d-byte name blob", offset, len(blob))
	}
	end := strings.IndexByte(blob[offset:], 0)
	if end < 0 {
		return "", fmt.Errorf("name at offset %d has no NUL before the end of the %d-byte name blob", offset, len(blob))
	}
	return blob[offset : int(offset)+end], nil
}
