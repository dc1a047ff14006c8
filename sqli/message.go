package sqli

import (
	"fmt"
	"slices"
)

// Message is one SQLI message after login.
type Message interface {
	// Tag returns the message's tag.
	Tag() Tag
	// Encode appends the tag and the payload.
	Encode(e *Encoder)
	// Decode reads the payload; the tag has already been read. It returns
	// r.Err() after the last field, and leaves the message's earlier
	// contents unusable when it fails.
	Decode(r *Reader) error
}

// ClientMessage is a message the client sends to the server.
type ClientMessage interface {
	Message
	clientMessage()
}

// ServerMessage is a message the server sends to the client.
type ServerMessage interface {
	Message
	serverMessage()
}

// UnknownTagError reports a tag a decoder has no message type for. After it
// the position in the stream is lost (messages are not length-framed), so the
// connection must be closed.
type UnknownTagError struct {
	Tag       Tag
	Direction string // "client" or "server": who sent it
}

// Error names the unknown tag.
func (e *UnknownTagError) Error() string {
	return fmt.Sprintf("sqli: unknown %s message tag %d (%v)", e.Direction, int16(e.Tag), e.Tag)
}

// ServerDecoder reads the messages a server sends. It keeps one value of
// each message type and reuses it (the pgproto3 "flyweight" pattern): the
// message returned by Next is valid only until the next call.
type ServerDecoder struct {
	r    *Reader
	msgs []ServerMessage // indexed by tag; nil for a tag without a message type
}

// NewServerDecoder returns a decoder of server messages read from r.
func NewServerDecoder(r *Reader) *ServerDecoder {
	return &ServerDecoder{r: r, msgs: flyweights(serverMessages)}
}

// flyweights returns one message of each type in reg, indexed by tag, so
// that a decoder finds a message by indexing rather than hashing.
func flyweights[M Message](reg map[Tag]func() M) []M {
	out := make([]M, slices.Max(sortedTags(reg))+1)
	for tag, mk := range reg {
		out[tag] = mk()
	}
	return out
}

// lookup returns the message of tag in msgs, or false for a tag without
// one.
func lookup[M Message](msgs []M, tag Tag) (M, bool) {
	var zero M
	if tag < 0 || int(tag) >= len(msgs) || Message(msgs[tag]) == nil {
		return zero, false
	}
	return msgs[tag], true
}

// Reader returns the underlying Reader.
func (d *ServerDecoder) Reader() *Reader { return d.r }

// Next reads the next server message.
func (d *ServerDecoder) Next() (ServerMessage, error) {
	tag, err := d.r.ReadTag()
	if err != nil {
		return nil, err
	}
	m, ok := lookup(d.msgs, tag)
	if !ok {
		return nil, &UnknownTagError{Tag: tag, Direction: "server"}
	}
	if err := m.Decode(d.r); err != nil {
		return nil, fmt.Errorf("sqli: decode %v: %w", tag, err)
	}
	return m, nil
}

// ClientDecoder reads the messages a client sends; it is the server half of
// ServerDecoder, with the same reuse rule.
type ClientDecoder struct {
	r    *Reader
	msgs []ClientMessage // indexed by tag; nil for a tag without a message type
}

// NewClientDecoder returns a decoder of client messages read from r.
func NewClientDecoder(r *Reader) *ClientDecoder {
	return &ClientDecoder{r: r, msgs: flyweights(clientMessages)}
}

// Reader returns the underlying Reader.
func (d *ClientDecoder) Reader() *Reader { return d.r }

// Next reads the next client message.
func (d *ClientDecoder) Next() (ClientMessage, error) {
	tag, err := d.r.ReadTag()
	if err != nil {
		return nil, err
	}
	m, ok := lookup(d.msgs, tag)
	if !ok {
		return nil, &UnknownTagError{Tag: tag, Direction: "client"}
	}
	if err := m.Decode(d.r); err != nil {
		return nil, fmt.Errorf("sqli: decode %v: %w", tag, err)
	}
	return m, nil
}
