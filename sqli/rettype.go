package sqli

import "fmt"

// retTypeFetch is the direction word of SQ_RET_TYPE, the only value any
// source shows: 1, "fetch" (SQLI.md §6.8; [W: S1; J: S2; D: S3; B: S4]).
const retTypeFetch = 1

// RetType (SQ_RET_TYPE) tells the server the types the client wants the
// columns of a result returned as. JDBC sends it after SQ_ID and before the
// first SQ_NFETCH of a result with variable-width columns (SQLI.md §6.8,
// §7.2); S2 found fixed-width results work without it.
//
// Layout: i16 1 (direction: fetch), i16 count, then per column i16 type,
// CHAR owner and CHAR type name only when Type.HasTypeNames(), i32 length.
// A direction other than 1 is refused when decoding: no source shows one,
// so what would follow it is unknown.
//
// Which entries carry the owner and type-name CHARs follows HasTypeNames,
// the SQ_BIND rule (codes above 18 except 52 and 53): IBM JDBC 15.0.0.1.1
// asks for an LVARCHAR column as 43 with two empty CHARs and for a BOOLEAN
// column as 45 with the owner and type name of its description
// (conformance/testdata/jdbc/types.golden). Open question (SQLI.md §6.8,
// TYPES.md §5.15): S2's RET_TYPE encoder sends 23 (COLLECTION) without
// names, which no oracle has shown; the caller choosing the entries
// (ifxconn) should avoid 23.
type RetType struct {
	// Columns are the requested return types, one per result column, in
	// column order.
	Columns []RetTypeColumn
}

// RetTypeColumn is one entry of SQ_RET_TYPE.
type RetTypeColumn struct {
	Type     TypeCode // requested type code
	Owner    string   // owner of an extended type; only when Type.HasTypeNames()
	TypeName string   // extended type name; only when Type.HasTypeNames()
	Length   int32    // the column's encoded length (TYPES.md §2.1), e.g. 128 for VARCHAR(128)
}

// Tag implements Message: it returns the message's tag.
func (*RetType) Tag() Tag       { return TagRetType }
func (*RetType) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *RetType) Encode(e *Encoder) {
	e.Tag(TagRetType)
	e.Int16(retTypeFetch)
	e.Count(len(m.Columns), "SQ_RET_TYPE count")
	for i, c := range m.Columns {
		e.Uint16(uint16(c.Type))
		if c.Type.HasTypeNames() {
			e.Char(c.Owner, "SQ_RET_TYPE owner name")
			e.Char(c.TypeName, "SQ_RET_TYPE type name")
		} else if c.Owner != "" || c.TypeName != "" {
			e.Failf("SQ_RET_TYPE column %d of %d: type %v (code %d) carries no owner or type name on the wire, got %q.%q",
				i+1, len(m.Columns), c.Type, uint16(c.Type), c.Owner, c.TypeName)
			return
		}
		e.Int32(c.Length)
	}
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *RetType) Decode(r *Reader) error {
	if dir := r.Int16(); r.Err() == nil && dir != retTypeFetch {
		r.Failf("SQ_RET_TYPE direction %d: only 1 (fetch) is known (SQLI.md §6.8)", dir)
	}
	n := r.Count(r.limits.MaxBindValues, "SQ_RET_TYPE count")
	m.Columns = nil
	if n == 0 {
		return r.Err()
	}
	cols := make([]RetTypeColumn, 0, min(n, preallocCap))
	for i := range n {
		var c RetTypeColumn
		c.Type = TypeCode(r.Uint16())
		if c.Type.HasTypeNames() {
			c.Owner = r.String("SQ_RET_TYPE owner name")
			c.TypeName = r.String("SQ_RET_TYPE type name")
		}
		c.Length = r.Int32()
		if err := r.Err(); err != nil {
			return fmt.Errorf("sqli: SQ_RET_TYPE column %d of %d: %w", i+1, n, err)
		}
		cols = append(cols, c)
	}
	m.Columns = cols
	return nil
}
