package sqli

// Ack (SQ_ACK) is a bare tag a client sends after the SQ_PROTOCOLS answer
// of the login phase (SQLI.md §4; [J: S2; D: S3]). IBM JDBC 15.0.0.1.1
// sends SQ_ACK and SQ_EOT right after an SQ_PROTOCOLS answer that grants
// feature 44 (PAM) or 59 (private-server authentication), and carries on
// when the server answers with a bare SQ_EOT (ifxtest granting its offer
// with and without each bit). The server sends nothing else in answer.
//
// Layout: i16 tag.
type Ack struct{}

// Tag implements Message: it returns the message's tag.
func (*Ack) Tag() Tag       { return TagAck }
func (*Ack) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *Ack) Encode(e *Encoder) { e.Tag(TagAck) }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*Ack) Decode(r *Reader) error { return r.Err() }
