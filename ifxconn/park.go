package ifxconn

import (
	"fmt"

	"github.com/go-informix/informix/sqli"
)

// heldRows holds the rows of a fetch answer that was read ahead, so that
// another call could use the connection: their data back to back in buf,
// ends[i] the end of row i, and next the first row not yet returned. It is
// reused from one answer to the next, so its memory is that of the largest
// answer read ahead, bounded by park.
type heldRows struct {
	buf  []byte
	ends []int
	next int
}

// pending reports whether rows remain to be returned.
func (h *heldRows) pending() bool { return h.next < len(h.ends) }

// add copies one row's data in.
func (h *heldRows) add(data []byte) {
	h.buf = append(h.buf, data...)
	h.ends = append(h.ends, len(h.buf))
}

// take returns the next held row's data, valid until the next add or
// reset, and false once every row was returned, after which the buffer is
// emptied for reuse.
func (h *heldRows) take() ([]byte, bool) {
	if !h.pending() {
		h.buf, h.ends, h.next = h.buf[:0], h.ends[:0], 0
		return nil, false
	}
	start := 0
	if h.next > 0 {
		start = h.ends[h.next-1]
	}
	h.next++
	return h.buf[start:h.ends[h.next-1]], true
}

// reset drops the held rows and their memory.
func (h *heldRows) reset() { *h = heldRows{} }

// park reads the rest of r's fetch answer, which a call of op o finds in
// the middle, so that o can send its own request (SQLI.md §2: one request
// group at a time; §7.2: the cursor stays open between fetches). The rows
// go into r.held, the end of the result and an SQ_ERR into r's state, for
// r's next Next.
//
// The answer is bounded: a server sends as many whole rows as fit in the
// SQ_NFETCH buffer, or one row when a single row is larger (SQLI.md §7.2,
// §6.10). More than that is a protocol violation, which poisons the
// connection, so memory stays within one fetch buffer (the size of one
// row being capped by sqli.Limits.MaxTuple).
//
// The answer is read under o's context. When it ends meanwhile, the
// interrupt stops the fetch (SQLI.md §7.9): a -213 in the answer keeps the
// connection, and is both r's error, after its held rows, and o's.
func (o *op) park(r *Rows) error {
	limit := int(o.c.cfg.fetchBufferSize())
	size := 0
	for r.inBatch {
		m, err := r.nextMessage(o)
		if err != nil {
			return err
		}
		row, err := o.handleFetchMessage(r, m)
		if err != nil {
			return err
		}
		if !row {
			continue
		}
		data := m.(*sqli.Tuple).Data
		size += len(data)
		if n := len(r.held.ends); n > 0 && (size > limit || n >= limit) {
			err := fmt.Errorf("%w: the rows of a fetch answer exceed its SQ_NFETCH buffer of %d bytes (%d bytes in %d rows)",
				errProtocol, limit, size, n+1)
			o.c.poison(err)
			return o.fail(err)
		}
		r.held.add(data)
	}
	if !o.wasInterrupted() {
		return nil
	}
	return o.settle(r.errPend)
}
