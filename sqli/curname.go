package sqli

// CurName (SQ_CURNAME) names the cursor of the statement given by the
// preceding SQ_ID; it comes before SQ_OPEN in the same group. JDBC names its
// cursors "_ifxc" followed by a 13-digit counter, 18 bytes in all
// (SQLI.md §5, §6.6; [W: S1, S2; B: S4]).
//
// Layout: i16 tag, CHAR name (uint16 length, bytes, a pad byte when the
// length is odd).
type CurName struct {
	// Name is the cursor name. The client chooses it; it must be unique
	// among the session's open cursors.
	Name string
}

// Tag implements Message: it returns the message's tag.
func (*CurName) Tag() Tag       { return TagCurName }
func (*CurName) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *CurName) Encode(e *Encoder) {
	e.Tag(TagCurName)
	e.Char(m.Name, "SQ_CURNAME name")
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *CurName) Decode(r *Reader) error {
	m.Name = r.String("SQ_CURNAME name")
	return r.Err()
}
