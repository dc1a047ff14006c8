package sqli

// SGKDescribe (SQ_SGKDESCRIBE, tag 135, the name IBM JDBC 15.0.0.1.1's
// log gives it) describes the generated-key columns of a statement
// prepared after SQ_SGKPREPARE: the columns of the rows SQ_SGKTUPLE
// carries and JDBC's getGeneratedKeys returns. No public source has it;
// found against IBM JDBC 15.0.0.1.1 as a black box
// (conformance/testdata/jdbc/dml_counts.golden): sent in the PREPARE
// answer before the statement's SQ_DESCRIBE, JDBC reads it and describes
// the keys with its columns. S4's replay, whose PREPARE answer for an
// INSERT grows by 52 bytes with generated keys (SQLI.md §6.2), fits one
// such message of one column.
//
// Layout: i16 tag, then the payload of SQ_DESCRIBE (Describe), read and
// written the same way under the same features.
//
// Open question: JDBC logs the statement type and id of this message as 0
// and -1 whatever they are; what a real server puts there is not known.
// ifxtest sends the statement's own.
type SGKDescribe struct {
	Describe
}

// Tag implements Message: it returns the message's tag.
func (*SGKDescribe) Tag() Tag       { return TagSGKDescribe }
func (*SGKDescribe) serverMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *SGKDescribe) Encode(e *Encoder) {
	e.Tag(TagSGKDescribe)
	m.encodeBody(e)
}
