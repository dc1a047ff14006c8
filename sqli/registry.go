package sqli

import "slices"

// serverMessages lists every message type a server may send, by tag.
var serverMessages = map[Tag]func() ServerMessage{
	TagEOT:   func() ServerMessage { return new(EOT) },
	TagExit:  func() ServerMessage { return new(Exit) },
	TagClose: func() ServerMessage { return new(Close) },
	TagDone:  func() ServerMessage { return new(Done) },
	TagTuple: func() ServerMessage { return new(Tuple) },
	TagErr:   func() ServerMessage { return new(ErrorResponse) },
	// Statement, fetch and transaction answers.
	TagTupID:      func() ServerMessage { return new(TupID) },
	TagInsertDone: func() ServerMessage { return new(InsertDone) },
	TagCost:       func() ServerMessage { return new(Cost) },
	TagXactStat:   func() ServerMessage { return new(XactStat) },
	// Typed statement descriptions.
	TagDescribe:  func() ServerMessage { return new(Describe) },
	TagIDescribe: func() ServerMessage { return new(IDescribe) },
	// Generated keys.
	TagSGKDescribe: func() ServerMessage { return new(SGKDescribe) },
	TagSGKTuple:    func() ServerMessage { return new(SGKTuple) },
	// Login phase.
	TagProtocols: func() ServerMessage { return new(Protocols) },
}

// clientMessages lists every message type a client may send, by tag.
var clientMessages = map[Tag]func() ClientMessage{
	TagEOT:        func() ClientMessage { return new(EOT) },
	TagExit:       func() ClientMessage { return new(Exit) },
	TagPrepare:    func() ClientMessage { return new(Prepare) },
	TagNDescribe:  func() ClientMessage { return new(NDescribe) },
	TagWantDone:   func() ClientMessage { return new(WantDone) },
	TagOpen:       func() ClientMessage { return new(Open) },
	TagExecute:    func() ClientMessage { return new(Execute) },
	TagClose:      func() ClientMessage { return new(Close) },
	TagRelease:    func() ClientMessage { return new(Release) },
	TagHold:       func() ClientMessage { return new(Hold) },
	TagAutoFree:   func() ClientMessage { return new(AutoFree) },
	TagScroll:     func() ClientMessage { return new(Scroll) },
	TagCIDescribe: func() ClientMessage { return new(CIDescribe) },
	TagBegin:      func() ClientMessage { return new(Begin) },
	TagCommitWork: func() ClientMessage { return new(CommitWork) },
	TagDBClose:    func() ClientMessage { return new(DBClose) },
	TagBatchStart: func() ClientMessage { return new(BatchStart) },
	TagBatchEnd:   func() ClientMessage { return new(BatchEnd) },
	TagAck:        func() ClientMessage { return new(Ack) },
	// Statement, fetch and transaction requests.
	TagCommand:           func() ClientMessage { return new(Command) },
	TagID:                func() ClientMessage { return new(ID) },
	TagCurName:           func() ClientMessage { return new(CurName) },
	TagNFetch:            func() ClientMessage { return new(NFetch) },
	TagSFetch:            func() ClientMessage { return new(SFetch) },
	TagRollbackWork:      func() ClientMessage { return new(RollbackWork) },
	TagSetSavepoint:      func() ClientMessage { return new(SetSavepoint) },
	TagReleaseSavepoint:  func() ClientMessage { return new(ReleaseSavepoint) },
	TagRollbackSavepoint: func() ClientMessage { return new(RollbackSavepoint) },
	TagSGKPrepare:        func() ClientMessage { return new(SGKPrepare) },
	// Typed statement values.
	TagBind:    func() ClientMessage { return new(Bind) },
	TagRetType: func() ClientMessage { return new(RetType) },
	// Login phase.
	TagProtocols: func() ClientMessage { return new(Protocols) },
	TagInfo:      func() ClientMessage { return new(Info) },
	TagDBOpen:    func() ClientMessage { return new(DBOpen) },
}

// ClientTags returns the tags of every message type a client may send, in
// ascending order: the tags NewClientDecoder decodes.
func ClientTags() []Tag { return sortedTags(clientMessages) }

// ServerTags returns the tags of every message type a server may send, in
// ascending order: the tags NewServerDecoder decodes.
func ServerTags() []Tag { return sortedTags(serverMessages) }

func sortedTags[M any](m map[Tag]M) []Tag {
	tags := make([]Tag, 0, len(m))
	for t := range m {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	return tags
}
