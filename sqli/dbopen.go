package sqli

// DBOpen (SQ_DBOPEN) opens a database after login; the server answers
// SQ_DONE (whose warnings word carries the database's properties, see
// DoneLogged), SQ_COST and SQ_EOT, or SQ_ERR and SQ_EOT (SQLI.md §3.9; [J:
// S2; D: S3, S5; B: S4]).
//
// Layout: i16 tag, CHAR database (padded), i16 flags.
type DBOpen struct {
	// Database is the database name; Encode refuses an empty one.
	Database string
	// Flags is 0 in every source. Open question (SQLI.md open question 13):
	// what other values mean (an exclusive open is a guess). Encode writes
	// the field as it is and Decode keeps what it read.
	Flags int16
}

// Tag returns TagDBOpen.
func (*DBOpen) Tag() Tag       { return TagDBOpen }
func (*DBOpen) clientMessage() {}

// Encode appends the tag, the database name and the flags.
func (m *DBOpen) Encode(e *Encoder) {
	if m.Database == "" {
		e.Failf("SQ_DBOPEN: empty database name")
		return
	}
	e.Tag(TagDBOpen)
	e.Char(m.Database, "SQ_DBOPEN database")
	e.Int16(m.Flags)
}

// Decode reads the database name and the flags.
func (m *DBOpen) Decode(r *Reader) error {
	m.Database = r.String("SQ_DBOPEN database")
	m.Flags = r.Int16()
	return r.Err()
}
