package sqli

// TupID (SQ_TUPID) precedes the tuple in an answer to SQ_SFETCH and gives
// its 1-based position in the result; S1 treats it as the authoritative
// cursor position (SQLI.md §6.11; [W: S1]).
//
// Layout: i16 tag, i32 position.
//
// Open question (SQLI.md open question 11): no source publishes the width
// of the position; an i32 is assumed, matching the i32 target of SQ_SFETCH.
type TupID struct {
	// Position is the 1-based row number of the tuple that follows.
	Position int32
}

// Tag implements Message: it returns the message's tag.
func (*TupID) Tag() Tag       { return TagTupID }
func (*TupID) serverMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *TupID) Encode(e *Encoder) {
	e.Tag(TagTupID)
	e.Int32(m.Position)
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *TupID) Decode(r *Reader) error {
	m.Position = r.Int32()
	return r.Err()
}
