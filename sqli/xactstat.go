package sqli

// XactStat (SQ_XACTSTAT) reports a change of transaction state, for example
// in the answers to SQ_BEGIN and SQ_CMMTWORK (each `99`, 6 bytes, `12` in
// S4's JDBC bytes) and around statements in a logged database (SQLI.md
// §6.16; [J: S2; D: S5; B: S4]). S3's dispatcher reads it as a
// length-prefixed block, which its own disconnect code (skipping 6 bytes)
// contradicts; the fixed 6-byte payload is used here.
//
// Layout: i16 tag, i16 event, i16 newLevel, i16 oldLevel.
//
// Open question (SQLI.md open question 4): the event codes and exactly when
// the server emits the message are not published, so the fields are exposed
// as plain numbers.
type XactStat struct {
	Event    int16 // what happened; codes not published
	NewLevel int16 // transaction level after the event
	OldLevel int16 // transaction level before the event
}

// Tag implements Message: it returns the message's tag.
func (*XactStat) Tag() Tag       { return TagXactStat }
func (*XactStat) serverMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *XactStat) Encode(e *Encoder) {
	e.Tag(TagXactStat)
	e.Int16(m.Event)
	e.Int16(m.NewLevel)
	e.Int16(m.OldLevel)
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *XactStat) Decode(r *Reader) error {
	m.Event = r.Int16()
	m.NewLevel = r.Int16()
	m.OldLevel = r.Int16()
	return r.Err()
}
