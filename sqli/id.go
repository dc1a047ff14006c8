package sqli

// ID (SQ_ID) names the statement the next message in the group applies to
// (CURNAME, BIND, OPEN, EXECUTE, NFETCH, SFETCH, CLOSE, RELEASE, RET_TYPE,
// FETCHBLOB, SCROLL, HOLD, AUTOFREE, CIDESCRIBE). The server assigns the id
// in its SQ_DESCRIBE answer to SQ_PREPARE, starting at 0, and it stays taken
// until SQ_RELEASE completes (SQLI.md §5, §6.5; [W: S1, S2]).
//
// Layout: i16 tag, i16 statementId.
type ID struct {
	// StatementID is the server-assigned statement id.
	StatementID int16
}

// Tag implements Message: it returns the message's tag.
func (*ID) Tag() Tag       { return TagID }
func (*ID) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *ID) Encode(e *Encoder) {
	e.Tag(TagID)
	e.Int16(m.StatementID)
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *ID) Decode(r *Reader) error {
	m.StatementID = r.Int16()
	return r.Err()
}
