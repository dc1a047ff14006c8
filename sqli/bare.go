package sqli

// This file holds the messages that are a bare tag with no payload. They
// share one file because each is four one-line methods; the layout of each
// is "i16 tag" (SQLI.md §4, §6.3, §6.14, §6.15, §6.18, §7.8).

// EOT (SQ_EOT) ends a request or an answer group; both sides send it.
type EOT struct{}

// NDescribe (SQ_NDESCRIBE) asks for the result description, with names, of
// the statement just prepared.
type NDescribe struct{}

// WantDone (SQ_WANTDONE) asks for an SQ_DONE after a PREPARE.
type WantDone struct{}

// Open (SQ_OPEN) opens the cursor of the statement named by the preceding SQ_ID.
type Open struct{}

// Execute (SQ_EXECUTE) runs the statement named by the preceding SQ_ID.
type Execute struct{}

// Close (SQ_CLOSE) closes a cursor. The client sends it after SQ_ID; the
// server sends it inside a fetch answer when it closed the cursor itself.
type Close struct{}

// Release (SQ_RELEASE) frees the statement named by the preceding SQ_ID.
type Release struct{}

// Hold (SQ_HOLD) makes the cursor being opened a WITH HOLD cursor.
type Hold struct{}

// AutoFree (SQ_AUTOFREE) asks the server to free the statement when its
// cursor closes.
type AutoFree struct{}

// Scroll (SQ_SCROLL) makes the cursor being opened scrollable.
type Scroll struct{}

// CIDescribe (SQ_CIDESCRIBE) asks for the description of the statement's
// input parameters (answered by SQ_IDESCRIBE).
type CIDescribe struct{}

// Begin (SQ_BEGIN) starts a transaction.
type Begin struct{}

// CommitWork (SQ_CMMTWORK) commits the transaction.
type CommitWork struct{}

// DBClose (SQ_DBCLOSE) closes the current database.
type DBClose struct{}

// Exit (SQ_EXIT) ends the session. JDBC sends it alone, without SQ_EOT, and
// the server answers with the same bare tag (SQLI.md §7.8).
type Exit struct{}

// BatchStart (SQ_BATCHSTART) opens a batch of executions (SQLI.md §7.3; [D: S3]).
type BatchStart struct{}

// BatchEnd (SQ_BATCHEND) closes a batch of executions.
type BatchEnd struct{}

// Tag implements Message: it returns the message's tag.
func (*EOT) Tag() Tag { return TagEOT }

// Tag implements Message: it returns the message's tag.
func (*NDescribe) Tag() Tag { return TagNDescribe }

// Tag implements Message: it returns the message's tag.
func (*WantDone) Tag() Tag { return TagWantDone }

// Tag implements Message: it returns the message's tag.
func (*Open) Tag() Tag { return TagOpen }

// Tag implements Message: it returns the message's tag.
func (*Execute) Tag() Tag { return TagExecute }

// Tag implements Message: it returns the message's tag.
func (*Close) Tag() Tag { return TagClose }

// Tag implements Message: it returns the message's tag.
func (*Release) Tag() Tag { return TagRelease }

// Tag implements Message: it returns the message's tag.
func (*Hold) Tag() Tag { return TagHold }

// Tag implements Message: it returns the message's tag.
func (*AutoFree) Tag() Tag { return TagAutoFree }

// Tag implements Message: it returns the message's tag.
func (*Scroll) Tag() Tag { return TagScroll }

// Tag implements Message: it returns the message's tag.
func (*CIDescribe) Tag() Tag { return TagCIDescribe }

// Tag implements Message: it returns the message's tag.
func (*Begin) Tag() Tag { return TagBegin }

// Tag implements Message: it returns the message's tag.
func (*CommitWork) Tag() Tag { return TagCommitWork }

// Tag implements Message: it returns the message's tag.
func (*DBClose) Tag() Tag { return TagDBClose }

// Tag implements Message: it returns the message's tag.
func (*Exit) Tag() Tag { return TagExit }

// Tag implements Message: it returns the message's tag.
func (*BatchStart) Tag() Tag { return TagBatchStart }

// Tag implements Message: it returns the message's tag.
func (*BatchEnd) Tag() Tag { return TagBatchEnd }

// Encode implements Message: it appends the message, tag first, to e.
func (m *EOT) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *NDescribe) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *WantDone) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *Open) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *Execute) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *Close) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *Release) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *Hold) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *AutoFree) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *Scroll) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *CIDescribe) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *Begin) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *CommitWork) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *DBClose) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *Exit) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *BatchStart) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Encode implements Message: it appends the message, tag first, to e.
func (m *BatchEnd) Encode(e *Encoder) { e.Tag(m.Tag()) }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*EOT) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*NDescribe) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*WantDone) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*Open) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*Execute) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*Close) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*Release) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*Hold) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*AutoFree) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*Scroll) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*CIDescribe) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*Begin) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*CommitWork) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*DBClose) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*Exit) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*BatchStart) Decode(r *Reader) error { return r.Err() }

// Decode implements Message: it reads the payload that follows the tag from r.
func (*BatchEnd) Decode(r *Reader) error { return r.Err() }

func (*EOT) clientMessage()        {}
func (*EOT) serverMessage()        {}
func (*NDescribe) clientMessage()  {}
func (*WantDone) clientMessage()   {}
func (*Open) clientMessage()       {}
func (*Execute) clientMessage()    {}
func (*Close) clientMessage()      {}
func (*Close) serverMessage()      {}
func (*Release) clientMessage()    {}
func (*Hold) clientMessage()       {}
func (*AutoFree) clientMessage()   {}
func (*Scroll) clientMessage()     {}
func (*CIDescribe) clientMessage() {}
func (*Begin) clientMessage()      {}
func (*CommitWork) clientMessage() {}
func (*DBClose) clientMessage()    {}
func (*Exit) clientMessage()       {}
func (*Exit) serverMessage()       {}
func (*BatchStart) clientMessage() {}
func (*BatchEnd) clientMessage()   {}
