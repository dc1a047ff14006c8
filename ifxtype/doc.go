// Package ifxtype encodes and decodes Informix values: the bytes of a column
// inside an SQ_TUPLE row and of a parameter inside an SQ_BIND, for every
// scalar type, with NULL handling, and the Go types Go lacks (Decimal,
// DateTime, IntervalYM, IntervalDS). Character data goes through a CodeSet.
//
// The byte layouts follow ../shared/protocol/TYPES.md. Where that document
// marks a layout as uncertain, the code implements the best-evidenced reading
// and names the open question in a comment; docs/protocol.md records what
// the oracles later confirmed.
//
// Every codec is listed in a registry (Codecs, CodecFor), which the fuzz
// tests enumerate, so a new type is fuzzed as soon as it is registered.
package ifxtype
