package sqli

import "fmt"

// Limits caps every length a decoder takes from the wire. A length over its
// cap is refused with a *LimitError before anything is allocated for it.
// The zero value of a field means "use the default"; see DefaultLimits.
type Limits struct {
	MaxChar        int // one CHAR field (names, messages, cursor names)
	MaxSQL         int // one statement text (SQLTEXT)
	MaxTuple       int // one SQ_TUPLE payload
	MaxColumns     int // columns in one SQ_DESCRIBE
	MaxNames       int // the name blob of one SQ_DESCRIBE
	MaxBindValues  int // values in one SQ_BIND or SQ_RET_TYPE
	MaxBindValue   int // one bind value
	MaxLoginPacket int // one session-layer login packet, header included
	MaxBitmap      int // the SQ_PROTOCOLS feature bitmap
	MaxEnv         int // entries in an SQ_INFO or login environment block
	MaxChunk       int // one SQ_BLOB / SQ_LODATA / SQ_FILE chunk
}

// DefaultLimits are the caps used for fields left zero. They are far above
// anything a real server sends (an Informix row is at most 32 767 bytes plus
// LVARCHAR data of up to 32 739 bytes per column) and low enough that a
// hostile peer cannot make a decoder allocate more than a few MiB per field.
var DefaultLimits = Limits{
	MaxChar:        65535,
	MaxSQL:         16 << 20,
	MaxTuple:       16 << 20,
	MaxColumns:     32767,
	MaxNames:       8 << 20,
	MaxBindValues:  32767,
	MaxBindValue:   16 << 20,
	MaxLoginPacket: 65535,
	MaxBitmap:      256,
	MaxEnv:         1024,
	MaxChunk:       1 << 20,
}

// withDefaults returns l with every zero field replaced by its default.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	pick := func(v, def int) int {
		if v > 0 {
			return v
		}
		return def
	}
	return Limits{
		MaxChar:        pick(l.MaxChar, d.MaxChar),
		MaxSQL:         pick(l.MaxSQL, d.MaxSQL),
		MaxTuple:       pick(l.MaxTuple, d.MaxTuple),
		MaxColumns:     pick(l.MaxColumns, d.MaxColumns),
		MaxNames:       pick(l.MaxNames, d.MaxNames),
		MaxBindValues:  pick(l.MaxBindValues, d.MaxBindValues),
		MaxBindValue:   pick(l.MaxBindValue, d.MaxBindValue),
		MaxLoginPacket: pick(l.MaxLoginPacket, d.MaxLoginPacket),
		MaxBitmap:      pick(l.MaxBitmap, d.MaxBitmap),
		MaxEnv:         pick(l.MaxEnv, d.MaxEnv),
		MaxChunk:       pick(l.MaxChunk, d.MaxChunk),
	}
}

// LimitError reports a length from the wire that is negative or over its cap.
type LimitError struct {
	What  string // the field, e.g. "SQ_TUPLE length"
	Limit int    // the cap in force
	Got   int64  // the length read from the wire
}

// Error names the length, its cap and what it measured.
func (e *LimitError) Error() string {
	if e.Got < 0 {
		return fmt.Sprintf("sqli: %s: negative length %d", e.What, e.Got)
	}
	return fmt.Sprintf("sqli: %s: length %d over cap %d", e.What, e.Got, e.Limit)
}
