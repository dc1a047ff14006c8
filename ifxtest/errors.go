package ifxtest

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/go-informix/informix/ifxtest/internal/engine"
	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// Informix error codes the server itself raises, outside the engine
// (SQLI.md §8.2; IBM's error catalogue, whose texts IBM JDBC prints for
// them).
const (
	codeFetchUnopened    = -400  // Fetch attempted on unopen cursor.
	codeNotAvailable     = -404  // The cursor or statement is not available.
	codeIllegalCharacter = -202  // An illegal character has been found in the statement.
	codeBadPassword      = -951  // Incorrect password or user is not known on the database server.
	codeConversion       = -1213 // Character to numeric conversion error.
)

// maxErrText caps the sqlerrm parameter of an SQ_ERR, in bytes: ESQL/C's
// sqlca.sqlerrm holds 72 characters (sqlca.h), and a real server's
// parameter is a name or a token that fits.
const maxErrText = 72

// errNoStatement is the error for an SQ_ID naming no prepared statement,
// or a statement message with no statement to act on (id -1).
func errNoStatement(id int16) *engine.Error {
	msg := ""
	if id >= 0 {
		msg = fmt.Sprintf("%d", id)
	}
	return &engine.Error{SQLCode: codeNotAvailable, Message: msg}
}

// sendError queues an SQ_ERR for err and marks the answer group failed.
// err must be an *engine.Error: every error a client can cause has an
// Informix code. Any other error is a failed write to the client or a bug
// in ifxtest; sendError returns it so that the connection is dropped and
// the reason logged.
func (c *conn) sendError(err error) error {
	var e *engine.Error
	if !errors.As(err, &e) {
		return err
	}
	offset := int32(e.Offset)
	if !c.features.LongSQL {
		// Without feature 62 the offset is an i16 (SQLI.md §6.13).
		offset = int32(clampInt16(e.Offset))
	}
	c.w.Send(&sqli.ErrorResponse{
		SQLCode:  clampInt16(e.SQLCode),
		ISAMCode: clampInt16(e.ISAMCode),
		Offset:   offset,
		Message:  c.wireText(e.Message, maxErrText),
	})
	c.failed = true
	return nil
}

// wireText returns s in the connection's code set, cut to at most limit
// bytes (at a character boundary) so that it fits sqlerrm, whose
// catalogue parameter is short. Characters the code set lacks are
// replaced with '?'.
func (c *conn) wireText(s string, limit int) string { return wireTextIn(c.codeSet(), s, limit) }

// wireTextIn returns s in code set cs as wireText does.
func wireTextIn(cs ifxtype.CodeSet, s string, limit int) string {
	var out []byte
	for _, r := range s {
		before := len(out)
		b, err := cs.Append(out, string(r))
		if err != nil || r == utf8.RuneError {
			b = append(out, '?')
		}
		if len(b) > limit {
			out = out[:before]
			break
		}
		out = b
	}
	return string(out)
}

// clampInt16 returns v as an int16, saturating outside the range. Informix
// error codes all fit; the clamp only guards against a bug.
func clampInt16(v int) int16 {
	switch {
	case v > 1<<15-1:
		return 1<<15 - 1
	case v < -1<<15:
		return -1 << 15
	}
	return int16(v)
}
