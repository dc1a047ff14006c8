package ifxtest

import (
	"context"

	"github.com/go-informix/informix/ifxtest/internal/engine"
	"github.com/go-informix/informix/sqli"
)

// scrollFetch runs SQ_SFETCH: it moves the cursor to the row the scroll
// type names and answers SQ_TUPID with its 1-based position and the
// SQ_TUPLE, or, when no such row exists, SQ_DONE alone and the cursor
// stays before the first or after the last row (SQLI.md §6.11; informix-
// driver reads an answer without a tuple as "past the end").
//
// The rows of a scroll cursor are kept, encoded, as they are read, so that
// the cursor can move back; LAST reads them all. Scroll types 2, 3, 5 and
// 7 are SQLI.md's inferred numbering (open question 11).
func (c *conn) scrollFetch(s *stmt, m *sqli.SFetch) error {
	cu := s.cursor
	if !cu.isOpen() {
		return c.sendError(&engine.Error{SQLCode: codeFetchUnopened, Message: s.curName})
	}
	want, ok := scrollTarget(cu, m)
	if !ok {
		return c.sendError(&engine.Error{SQLCode: codeScrollType, Message: "scroll type"})
	}
	err := c.interruptible(func(ctx context.Context) error {
		for !cu.done && (m.Type == sqli.ScrollLast || len(cu.scrolled) < want) {
			row, err := c.nextRow(ctx, s, cu)
			if err != nil {
				return err
			}
			if row != nil {
				cu.scrolled = append(cu.scrolled, row)
			}
		}
		return nil
	})
	if err != nil {
		return c.sendError(err)
	}
	if m.Type == sqli.ScrollLast {
		want = len(cu.scrolled)
	}
	switch {
	case want < 1:
		cu.pos = 0
	case want > len(cu.scrolled):
		cu.pos = len(cu.scrolled) + 1
	default:
		cu.pos = want
		c.w.Send(&sqli.TupID{Position: int32(want)})
		c.w.Send(&sqli.Tuple{Data: cu.scrolled[want-1]})
		return nil
	}
	c.w.Send(&sqli.Done{})
	return nil
}

// codeScrollType is the error for a scroll type outside 1..7: -201, the
// syntax error an unknown FETCH form would be [I].
const codeScrollType = -201

// scrollTarget returns the 1-based row position m asks for, relative to
// the cursor's current position. LAST is resolved once all rows are read.
func scrollTarget(cu *cursor, m *sqli.SFetch) (int, bool) {
	switch m.Type {
	case sqli.ScrollNext:
		return cu.pos + 1, true
	case sqli.ScrollPrior:
		return cu.pos - 1, true
	case sqli.ScrollFirst:
		return 1, true
	case sqli.ScrollLast:
		return 0, true
	case sqli.ScrollCurrent:
		return cu.pos, true
	case sqli.ScrollAbsolute:
		return int(m.Target), true
	case sqli.ScrollRelative:
		return cu.pos + int(m.Target), true
	}
	return 0, false
}
