package sqli

import (
	"fmt"
	"io"
)

// Writer queues messages and writes them with one call per Flush, so a
// request group costs one write. An encoding error is kept and reported by
// Flush without writing anything, so a half-encoded group never leaves.
type Writer struct {
	dst io.Writer
	enc Encoder
}

// NewWriter returns a Writer that flushes to dst.
func NewWriter(dst io.Writer) *Writer {
	return &Writer{dst: dst, enc: Encoder{buf: make([]byte, 0, 1024)}}
}

// SetFeatures sets the negotiated features used to encode later messages.
func (w *Writer) SetFeatures(f Features) { w.enc.Features = f }

// Features returns the features used to encode messages.
func (w *Writer) Features() Features { return w.enc.Features }

// Send encodes m into the queue.
func (w *Writer) Send(m Message) { m.Encode(&w.enc) }

// SendRaw queues bytes that are already encoded.
func (w *Writer) SendRaw(b []byte) { w.enc.Raw(b) }

// Encoder exposes the queue for messages built field by field.
func (w *Writer) Encoder() *Encoder { return &w.enc }

// Buffered returns the number of bytes queued.
func (w *Writer) Buffered() int { return len(w.enc.buf) }

// Discard drops everything queued and any encoding error.
func (w *Writer) Discard() {
	w.enc.buf = w.enc.buf[:0]
	w.enc.err = nil
}

// Flush writes the queue in one call and empties it. On failure it returns
// a *WriteError telling how many bytes left; the queue is emptied either way.
func (w *Writer) Flush() error {
	defer w.reset()
	if err := w.enc.err; err != nil {
		return &WriteError{Err: err}
	}
	n, err := w.dst.Write(w.enc.buf)
	if err == nil && n < len(w.enc.buf) {
		err = io.ErrShortWrite
	}
	if err != nil {
		return &WriteError{Written: n, Err: err}
	}
	return nil
}

// keepBuffer is the largest queue a Writer keeps from one request to the
// next. It holds a batch group of ifxconn (which closes a group once it
// passes 64 KiB) without growing it again for every group, and a buffer
// that one larger request grew is replaced, so that it does not stay
// pinned for the life of the connection.
const keepBuffer = 128 << 10

// reset empties the queue, replacing a buffer grown over keepBuffer.
func (w *Writer) reset() {
	if cap(w.enc.buf) > keepBuffer {
		w.enc.buf = make([]byte, 0, 1024)
	}
	w.Discard()
}

// WriteError is a failed Flush. Written tells how many bytes reached the
// stream: zero means the peer saw nothing of the request, so it is safe to
// retry it on another connection.
type WriteError struct {
	Written int
	Err     error
}

// Error describes the failed write and whether any byte left.
func (e *WriteError) Error() string {
	if e.Written == 0 {
		return fmt.Sprintf("sqli: nothing sent: %v", e.Err)
	}
	return fmt.Sprintf("sqli: write failed after %d bytes: %v", e.Written, e.Err)
}

// Unwrap returns the write error of the socket.
func (e *WriteError) Unwrap() error { return e.Err }

// SafeToRetry reports whether no byte of the request left.
func (e *WriteError) SafeToRetry() bool { return e.Written == 0 }
