package sqli

// SetSavepoint (SQ_SQLISETSVPT) sets a savepoint in the open transaction. It
// needs feature 56 (savepoints) in the server's SQ_PROTOCOLS answer (SQLI.md
// §3.6, §6.18; [D: S3]).
//
// Layout: i16 tag, CHAR name, i16 unique (0 or 1).
type SetSavepoint struct {
	// Name is the savepoint's name. Encode refuses an empty name, as S3 does:
	// the SQL statement SAVEPOINT needs one.
	Name string
	// Unique is the flag S3 sends as 1 or 0; it presumably stands for the
	// UNIQUE keyword of the SQL statement SAVEPOINT [I]. Decode refuses any
	// other value.
	Unique bool
}

// Tag implements Message: it returns the message's tag.
func (*SetSavepoint) Tag() Tag       { return TagSetSavepoint }
func (*SetSavepoint) clientMessage() {}

// Encode implements Message: it appends the message, tag first, to e.
func (m *SetSavepoint) Encode(e *Encoder) {
	encodeSavepointName(e, TagSetSavepoint, m.Name)
	if m.Unique {
		e.Int16(1)
	} else {
		e.Int16(0)
	}
}

// Decode implements Message: it reads the payload that follows the tag from r.
func (m *SetSavepoint) Decode(r *Reader) error {
	m.Name = r.String("SQ_SQLISETSVPT name")
	switch u := r.Int16(); u {
	case 0, 1:
		m.Unique = u == 1
	default:
		r.Failf("SQ_SQLISETSVPT unique flag is %d, want 0 or 1", u)
	}
	return r.Err()
}

// encodeSavepointName appends tag and the savepoint name of one of the three
// savepoint messages, refusing an empty name.
func encodeSavepointName(e *Encoder, tag Tag, name string) {
	if name == "" {
		e.Failf("%v: empty savepoint name", tag)
		return
	}
	e.Tag(tag)
	e.Char(name, tag.String()+" name")
}
