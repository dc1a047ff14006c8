package sqli

import "strconv"

// Tag identifies a post-login SQLI message (SQLI.md §4). Tags 100–127 also
// appear as markers inside the login packets, where they mean something else.
type Tag int16

// Message tags. Each constant's comment gives the Informix name.
const (
	TagCommand           Tag = 1   // SQ_COMMAND
	TagPrepare           Tag = 2   // SQ_PREPARE
	TagCurName           Tag = 3   // SQ_CURNAME
	TagID                Tag = 4   // SQ_ID
	TagBind              Tag = 5   // SQ_BIND
	TagOpen              Tag = 6   // SQ_OPEN
	TagExecute           Tag = 7   // SQ_EXECUTE
	TagDescribe          Tag = 8   // SQ_DESCRIBE
	TagNFetch            Tag = 9   // SQ_NFETCH
	TagClose             Tag = 10  // SQ_CLOSE
	TagRelease           Tag = 11  // SQ_RELEASE
	TagEOT               Tag = 12  // SQ_EOT
	TagErr               Tag = 13  // SQ_ERR
	TagTuple             Tag = 14  // SQ_TUPLE
	TagDone              Tag = 15  // SQ_DONE
	TagCommitWork        Tag = 19  // SQ_CMMTWORK
	TagRollbackWork      Tag = 20  // SQ_RBWORK
	TagSavepoint         Tag = 21  // SQ_SVPOINT
	TagNDescribe         Tag = 22  // SQ_NDESCRIBE
	TagSFetch            Tag = 23  // SQ_SFETCH
	TagScroll            Tag = 24  // SQ_SCROLL
	TagTupID             Tag = 25  // SQ_TUPID
	TagDBList            Tag = 26  // SQ_DBLIST
	TagBegin             Tag = 35  // SQ_BEGIN
	TagDBOpen            Tag = 36  // SQ_DBOPEN
	TagDBClose           Tag = 37  // SQ_DBCLOSE
	TagFetchBlob         Tag = 38  // SQ_FETCHBLOB
	TagBlob              Tag = 39  // SQ_BLOB
	TagBBind             Tag = 41  // SQ_BBIND
	TagHold              Tag = 43  // SQ_HOLD
	TagIsoLevel          Tag = 47  // SQ_ISOLEVEL
	TagLockWait          Tag = 48  // SQ_LOCKWAIT
	TagWantDone          Tag = 49  // SQ_WANTDONE
	TagVersion           Tag = 53  // SQ_VERSION
	TagCost              Tag = 55  // SQ_COST
	TagExit              Tag = 56  // SQ_EXIT
	TagInfo              Tag = 81  // SQ_INFO
	TagInsertDone        Tag = 94  // SQ_INSERTDONE
	TagLOData            Tag = 97  // SQ_LODATA
	TagFile              Tag = 98  // SQ_FILE
	TagXactStat          Tag = 99  // SQ_XACTSTAT
	TagRetType           Tag = 100 // SQ_RET_TYPE
	TagGetRoutine        Tag = 101 // SQ_GETROUTINE
	TagExFPRoutine       Tag = 102 // SQ_EXFPROUTINE
	TagFPRoutine         Tag = 103 // SQ_FPROUTINE
	TagFParam            Tag = 104 // SQ_FPARAM
	TagFileRead          Tag = 106 // SQ_FILE_READ
	TagFileWrite         Tag = 107 // SQ_FILE_WRITE
	TagAutoFree          Tag = 108 // SQ_AUTOFREE
	TagCIDescribe        Tag = 124 // SQ_CIDESCRIBE
	TagIDescribe         Tag = 125 // SQ_IDESCRIBE
	TagProtocols         Tag = 126 // SQ_PROTOCOLS
	TagAccept            Tag = 127 // SQ_ACCEPT
	TagAck               Tag = 128 // SQ_ACK
	TagChallenge         Tag = 129 // SQ_CHALLENGE
	TagResponse          Tag = 130 // SQ_RESPONSE
	TagVPut              Tag = 133 // SQ_VPUT
	TagSGKPrepare        Tag = 134 // SQ_SGKPREPARE, as IBM JDBC 15.0.0.1.1's log names it
	TagSGKDescribe       Tag = 135 // SQ_SGKDESCRIBE, as IBM JDBC 15.0.0.1.1's log names it
	TagSGKTuple          Tag = 136 // SQ_SGKTUPLE (JDBC 15.0.0.1.1 reads it in receiveSGKTuple)
	TagSetSavepoint      Tag = 137 // SQ_SQLISETSVPT
	TagReleaseSavepoint  Tag = 138 // SQ_SQLIRELSVPT
	TagRollbackSavepoint Tag = 139 // SQ_SQLIRBACKSVPT
	TagBatchStart        Tag = 141 // SQ_BATCHSTART
	TagBatchEnd          Tag = 142 // SQ_BATCHEND
)

var tagNames = map[Tag]string{
	TagCommand: "SQ_COMMAND", TagPrepare: "SQ_PREPARE", TagCurName: "SQ_CURNAME",
	TagID: "SQ_ID", TagBind: "SQ_BIND", TagOpen: "SQ_OPEN", TagExecute: "SQ_EXECUTE",
	TagDescribe: "SQ_DESCRIBE", TagNFetch: "SQ_NFETCH", TagClose: "SQ_CLOSE",
	TagRelease: "SQ_RELEASE", TagEOT: "SQ_EOT", TagErr: "SQ_ERR", TagTuple: "SQ_TUPLE",
	TagDone: "SQ_DONE", TagCommitWork: "SQ_CMMTWORK", TagRollbackWork: "SQ_RBWORK",
	TagSavepoint: "SQ_SVPOINT", TagNDescribe: "SQ_NDESCRIBE", TagSFetch: "SQ_SFETCH",
	TagScroll: "SQ_SCROLL", TagTupID: "SQ_TUPID", TagDBList: "SQ_DBLIST",
	TagBegin: "SQ_BEGIN", TagDBOpen: "SQ_DBOPEN", TagDBClose: "SQ_DBCLOSE",
	TagFetchBlob: "SQ_FETCHBLOB", TagBlob: "SQ_BLOB", TagBBind: "SQ_BBIND",
	TagHold: "SQ_HOLD", TagIsoLevel: "SQ_ISOLEVEL", TagLockWait: "SQ_LOCKWAIT",
	TagWantDone: "SQ_WANTDONE", TagVersion: "SQ_VERSION", TagCost: "SQ_COST",
	TagExit: "SQ_EXIT", TagInfo: "SQ_INFO", TagInsertDone: "SQ_INSERTDONE",
	TagLOData: "SQ_LODATA", TagFile: "SQ_FILE", TagXactStat: "SQ_XACTSTAT",
	TagRetType: "SQ_RET_TYPE", TagGetRoutine: "SQ_GETROUTINE",
	TagExFPRoutine: "SQ_EXFPROUTINE", TagFPRoutine: "SQ_FPROUTINE",
	TagFParam: "SQ_FPARAM", TagFileRead: "SQ_FILE_READ", TagFileWrite: "SQ_FILE_WRITE",
	TagAutoFree: "SQ_AUTOFREE", TagCIDescribe: "SQ_CIDESCRIBE",
	TagIDescribe: "SQ_IDESCRIBE", TagProtocols: "SQ_PROTOCOLS", TagAccept: "SQ_ACCEPT",
	TagAck: "SQ_ACK", TagChallenge: "SQ_CHALLENGE", TagResponse: "SQ_RESPONSE",
	TagVPut: "SQ_VPUT", TagSGKPrepare: "SQ_SGKPREPARE", TagSGKDescribe: "SQ_SGKDESCRIBE", TagSGKTuple: "SQ_SGKTUPLE",
	TagSetSavepoint: "SQ_SQLISETSVPT", TagReleaseSavepoint: "SQ_SQLIRELSVPT",
	TagRollbackSavepoint: "SQ_SQLIRBACKSVPT", TagBatchStart: "SQ_BATCHSTART",
	TagBatchEnd: "SQ_BATCHEND",
}

// String returns the Informix name of the tag, or "SQ_?(n)" for an unknown one.
func (t Tag) String() string {
	if s, ok := tagNames[t]; ok {
		return s
	}
	return "SQ_?(" + strconv.Itoa(int(t)) + ")"
}
