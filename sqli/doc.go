// Package sqli encodes and decodes the messages of Informix's native SQLI wire
// protocol, in both directions, and nothing else: it imports no networking,
// context or database/sql package.
//
// # Framing
//
// A connection starts with one session-layer packet each way (LoginRequest,
// LoginResponse), each carrying its total length in a 6-byte header. After
// login the stream is not length-framed: it is a sequence of messages, each
// an int16 tag followed by a payload whose length is only known by parsing
// it. A request or an answer is a group of messages ended by SQ_EOT.
// Everything is big-endian. See ../shared/protocol/SQLI.md (§1–§2) for the
// evidence behind these rules.
//
// # Types
//
// Every message is one Go type in a file named after it. Messages the client
// sends implement ClientMessage, messages the server sends implement
// ServerMessage; the few that travel both ways implement both. Each type has
// Encode, which appends the tag and payload through an Encoder, and Decode,
// which reads the payload (the tag has already been read) through a Reader.
//
// # Bounds and ownership
//
// Decoders read only through Reader, which checks every read against the
// bytes available and every length taken from the wire against a cap in
// Limits before it allocates; the first failure sticks and is returned once.
// Byte slices in a decoded message (a Tuple's Data, a Bind value) alias the
// Reader's buffer and stay valid only until the Reader starts the next
// message; callers that keep them must copy.
package sqli
