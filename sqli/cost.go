package sqli

// Cost (SQ_COST) carries the optimizer's estimates for a statement; it
// follows SQ_DONE in the answers to SQ_PREPARE, SQ_COMMAND and SQ_DBOPEN
// (SQLI.md §6.9; [J: S2; D: S5; B: S4]).
//
// Layout: i16 tag, i32 estimatedRows, i32 estimatedCost.
//
// Open question (SQLI.md open question 7): S3 guesses that some servers send
// SQ_COST with no payload. Peeking cannot tell the forms apart (an estimate
// of 65 536 rows or more starts with a non-zero int16, as the next message's
// tag would), so only the 8-byte payload every other source shows is read.
type Cost struct {
	EstimatedRows int32 // estimated rows (ESQL sqlerrd[0])
	EstimatedCost int32 // estimated cost (ESQL sqlerrd[3])
}

// Tag implements Message: it returns the message's tag.
func (*Cost) Tag() Tag       { return TagCost }
func (*Cost) serverMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *Cost) Encode(e *Encoder) {
	e.Tag(TagCost)
	e.Int32(m.EstimatedRows)
	e.Int32(m.EstimatedCost)
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *Cost) Decode(r *Reader) error {
	m.EstimatedRows = r.Int32()
	m.EstimatedCost = r.Int32()
	return r.Err()
}
