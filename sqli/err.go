package sqli

// ErrorResponse (SQ_ERR) reports a failed statement (SQLI.md §6.13; [J: S2;
// D: S5]). It does not end the answer: the server still sends SQ_EOT.
//
// Layout: i16 sqlcode, i16 isamcode, offset (i16, or i32 with feature 62),
// CHAR sqlerrm, except that sqlcode -368 carries no sqlerrm.
//
// Open question (SQLI.md open question 6): S3 reads other layouts for -619
// (4 or 6 extra bytes) and for 0, -937 and 100 (a 5-byte SQLSTATE, no
// offset). Only JDBC's reading (S2) is implemented; an impossible CHAR length
// then shows up as a LimitError or a short read, which poisons the stream.
type ErrorResponse struct {
	SQLCode  int16  // negative error code, or 100 for "no more rows"
	ISAMCode int16  // secondary ISAM/RSAM code, 0 if none
	Offset   int32  // position in the statement text where the error was found
	Message  string // the parameter of the catalog message (sqlerrm): a table, column or token
}

// sqlcodeNoMessage is the one code whose SQ_ERR has no sqlerrm field [J: S2].
const sqlcodeNoMessage = -368

// Tag implements Message: it returns the message's tag.
func (*ErrorResponse) Tag() Tag       { return TagErr }
func (*ErrorResponse) serverMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *ErrorResponse) Encode(e *Encoder) {
	e.Tag(TagErr)
	e.Int16(m.SQLCode)
	e.Int16(m.ISAMCode)
	if e.Features.LongSQL {
		e.Int32(m.Offset)
	} else {
		e.Int16(int16(narrow16(e, m.Offset, "SQ_ERR offset")))
	}
	if m.SQLCode != sqlcodeNoMessage {
		e.Char(m.Message, "SQ_ERR sqlerrm")
	}
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *ErrorResponse) Decode(r *Reader) error {
	m.SQLCode = r.Int16()
	m.ISAMCode = r.Int16()
	if r.Features.LongSQL {
		m.Offset = r.Int32()
	} else {
		m.Offset = int32(r.Int16())
	}
	m.Message = ""
	if m.SQLCode != sqlcodeNoMessage {
		m.Message = r.String("SQ_ERR sqlerrm")
	}
	return r.Err()
}

// narrow16 returns v if it fits in an int16 and fails the encoder otherwise.
func narrow16(e *Encoder, v int32, what string) int32 {
	if v < -1<<15 || v > 1<<15-1 {
		e.Failf("%s: %d does not fit in an int16 without feature 62", what, v)
	}
	return v
}
