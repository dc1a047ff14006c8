package sqli

// Command (SQ_COMMAND) runs a statement without a separate PREPARE. JDBC's
// Statement path sends it in the group SQ_COMMAND, SQ_NDESCRIBE, SQ_EXECUTE,
// SQ_RELEASE, SQ_EOT and the server answers SQ_DESCRIBE (no columns),
// SQ_DONE, SQ_COST, SQ_EOT (SQLI.md §6.1, §7.4; [J: S2; B: S4]). JDBC does
// not use it for a SELECT, and whether a SELECT works through it is untested.
//
// Layout: i16 tag, i16 reserved, SQLTEXT text.
type Command struct {
	// Reserved is the int16 between the tag and the text. Every source
	// sends 0 and none says what another value would mean, so Encode writes
	// the field as it is (0 unless set) and Decode keeps the value it read
	// instead of refusing it (SQLI.md §6.1; [J: S2; B: S4; D: S5]).
	Reserved int16
	// SQL is the statement text, in the database code set. S4's JDBC bytes
	// count a trailing NUL in the length and then send it, S2 sends the
	// plain text (SQLI.md §6.1); Encode sends SQL as given, and Decode keeps
	// such a NUL as the last byte of SQL.
	SQL string
}

// Tag implements Message: it returns the message's tag.
func (*Command) Tag() Tag       { return TagCommand }
func (*Command) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *Command) Encode(e *Encoder) {
	e.Tag(TagCommand)
	e.Int16(m.Reserved)
	e.SQLText(m.SQL, "SQ_COMMAND text")
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *Command) Decode(r *Reader) error {
	m.Reserved = r.Int16()
	m.SQL = r.SQLText("SQ_COMMAND text")
	return r.Err()
}
