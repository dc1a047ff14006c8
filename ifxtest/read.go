package ifxtest

import (
	"errors"
	"fmt"
	"io"

	"github.com/go-informix/informix/sqli"
)

// readMessage reads the next client message with sqli's ClientDecoder. A
// clean end of stream between messages is io.EOF.
func (c *conn) readMessage() (sqli.ClientMessage, error) {
	if _, err := c.r.PeekTag(); errors.Is(err, io.ErrUnexpectedEOF) && c.r.Buffered() == 0 {
		return nil, io.EOF
	}
	m, err := c.dec.Next()
	if err != nil {
		return nil, fmt.Errorf("read client message: %w", err)
	}
	return m, nil
}
