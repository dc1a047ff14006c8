package sqli

// Prepare (SQ_PREPARE) prepares a statement. JDBC follows it in the same
// group with SQ_NDESCRIBE, SQ_WANTDONE and SQ_EOT, and the server answers
// with SQ_DESCRIBE, SQ_DONE, SQ_COST (SQLI.md §6.2; [W: S1, S2]).
//
// Layout: i16 tag, i16 paramCount, SQLTEXT text.
type Prepare struct {
	// ParamCount is the number of '?' markers in SQL (JDBC counts them; 0 is allowed).
	ParamCount int16
	// SQL is the statement text, in the database code set.
	SQL string
}

// Tag implements Message: it returns the message's tag.
func (*Prepare) Tag() Tag       { return TagPrepare }
func (*Prepare) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *Prepare) Encode(e *Encoder) {
	e.Tag(TagPrepare)
	e.Int16(m.ParamCount)
	e.SQLText(m.SQL, "SQ_PREPARE text")
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *Prepare) Decode(r *Reader) error {
	m.ParamCount = r.Int16()
	m.SQL = r.SQLText("SQ_PREPARE text")
	return r.Err()
}
