package sqli

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
)

// LoginResponse is the server's session-layer answer to a LoginRequest: SL
// type 2 (CONACC), 3 (CONREJ) or 13 (redirect), each carrying the ASC body
// of SQLI.md §3.3 as JDBC's DecodeAscBinary reads it ([J: S2; W: S1 capture
// prefix; D: S3; B: S4, S10]). Like LoginRequest it is a whole packet, not a
// tag-stream message. Encode writes what Decode reads, so a test server can
// produce exactly what the driver parses.
//
// Layout of the body: i16 100, i16 101, i32 protocol, format string, i16
// 108, 12-byte product, version string, two more strings, i32 Cap1–3, 2
// skipped bytes, two i16-length blocks, 24 skipped bytes, i16 result type,
// then by result type:
//   - 102 (ASCInitResp): 6 skipped bytes, i16 service error, i16 OS error,
//     i16 warnings, i16 message count, per message i16 (ignored) + CHAR;
//     then further blocks and a final i16 127 [J: S2; W: S2 live];
//   - 103 (ASCDBList): i16 (ignored), CHAR redirect detail [J: S2];
//   - 127 (ASCEOT): nothing.
//
// Skipped and ignored fields are read and discarded and encoded as zeros:
// JDBC does not read them and no source says what they hold (open question
// 12). The strings are u16 length and bytes; Decode drops one trailing NUL
// and, unlike in the request, does not require it (S2's decoder strips NULs
// rather than checking them); Encode always writes it.
//
// How a real server answers a wrong password is not published (open
// question 12): S2 reads JDBC as rejecting on SL type 3 without looking at
// the body, S3 reads the service error of an SQ_ASCINITRESP. Both are data
// here and Err reports either. A server should therefore answer a bad
// password with SL type 3 carrying result 102 and a non-zero service error
// (-951, IBM's code for an unknown user or a wrong password [S7; I]): a
// client following either reading refuses it.
type LoginResponse struct {
	// PacketLength is the total length from the session-layer header, header
	// included. Decode sets it; Encode ignores it and writes the computed one.
	PacketLength uint16
	SLType       uint8  // SLAccept, SLReject or SLRedirect
	SLProtocol   uint8  // 60 (SLProtocolSQLI)
	SLFlags      uint16 // 0x1000 on IDS 15's accept [W: S1 capture, S2]; meaning unknown

	ProtocolID  int32  // 61 [W: S1 capture]
	FloatFormat string // "IEEEI" from IDS 15 [W: S1 capture]
	Product     string // at most 12 bytes, NUL-padded on the wire; "srvinfx" [W: S1 capture]
	Version     string // e.g. "IBM Informix Dynamic Server Version 15.0…" [W: S1 capture]
	Serial      string // first further string; S4 reads it as a serial ("RDS") string
	ServerName  string // second further string; S4 reads it as the server name
	Cap1        int32  // capability words; meaning unknown (open question 12)
	Cap2        int32
	Cap3        int32
	// Block1 and Block2 are the two optional blocks (i16 length, bytes),
	// kept as they came: their content is unknown (open question 12). After
	// Decode they alias the packet body that Decode allocated, not the
	// Reader's buffer, and stay valid.
	Block1 []byte
	Block2 []byte
	// Result is ASCInitResp, ASCDBList or ASCEOT and selects which of the
	// fields below travel; Encode refuses a value that sets one that does
	// not.
	Result int16

	ServiceError int16    // ASCInitResp: non-zero means the login failed
	OSError      int16    // ASCInitResp: operating-system error code
	Warnings     int16    // ASCInitResp: warning bits
	Messages     []string // ASCInitResp: message texts, in wire order
	// Extra holds, for ASCInitResp, the bytes between the messages and the
	// final SQ_ASCEOT: the informational blocks live servers append, whose
	// layout is unknown [W: S2]. Like Block1 it aliases the decoded body.
	Extra []byte

	Redirect string // ASCDBList: the detail string, which JDBC splits on ':', '=' and '|'
}

// Encode appends the whole answer packet: the session-layer header with
// the computed total length and the ASC body. An SL type other than 2, 3 or
// 13, an unknown result type, or a field the result type does not carry
// fails the Encoder.
func (m *LoginResponse) Encode(e *Encoder) {
	body := NewEncoder(nil, e.Features)
	m.checkEncodable(body)
	m.encodeBody(body)
	writeLoginPacket(e, m.SLType, m.SLProtocol, m.SLFlags, body, "login answer")
}

// checkEncodable refuses values Decode could not give back.
func (m *LoginResponse) checkEncodable(e *Encoder) {
	initFields := m.ServiceError != 0 || m.OSError != 0 || m.Warnings != 0 ||
		len(m.Messages) > 0 || len(m.Extra) > 0
	switch {
	case m.SLType != SLAccept && m.SLType != SLReject && m.SLType != SLRedirect:
		e.Failf("login answer: session-layer type %d is not 2, 3 or 13", m.SLType)
	case m.Result != ASCInitResp && initFields:
		e.Failf("login answer: service error, OS error, warnings, messages and extra blocks travel only with result %d, not %d", ASCInitResp, m.Result)
	case m.Result != ASCDBList && m.Redirect != "":
		e.Failf("login answer: a redirect detail travels only with result %d, not %d", ASCDBList, m.Result)
	}
}

func (m *LoginResponse) encodeBody(e *Encoder) {
	e.Int16(ascAssoc)
	e.Int16(ascBinary)
	e.Int32(m.ProtocolID)
	e.ASCString(m.FloatFormat, "login answer format")
	e.Int16(ascProduct)
	fixedField(e, m.Product, productWidth, "login answer product name")
	e.ASCString(m.Version, "login answer server version")
	e.ASCString(m.Serial, "login answer serial")
	e.ASCString(m.ServerName, "login answer server name")
	e.Int32(m.Cap1)
	e.Int32(m.Cap2)
	e.Int32(m.Cap3)
	e.Zeros(2)
	encodeAnswerBlock(e, m.Block1, "login answer block 1")
	encodeAnswerBlock(e, m.Block2, "login answer block 2")
	e.Zeros(24)
	e.Int16(m.Result)
	switch m.Result {
	case ASCInitResp:
		m.encodeInitResp(e)
	case ASCDBList:
		e.Int16(0)
		e.Char(m.Redirect, "login answer redirect detail")
	case ASCEOT:
	default:
		e.Failf("login answer: unknown result type %d", m.Result)
	}
}

// encodeAnswerBlock appends an optional block: i16 length, then the bytes.
func encodeAnswerBlock(e *Encoder, b []byte, what string) {
	if len(b) > math.MaxInt16 {
		e.Failf("%s: %d bytes do not fit its int16 length", what, len(b))
		return
	}
	e.Int16(int16(len(b)))
	e.Raw(b)
}

func (m *LoginResponse) encodeInitResp(e *Encoder) {
	e.Zeros(6)
	e.Int16(m.ServiceError)
	e.Int16(m.OSError)
	e.Int16(m.Warnings)
	e.Count(len(m.Messages), "login answer messages")
	for _, s := range m.Messages {
		e.Int16(0)
		e.Char(s, "login answer message")
	}
	e.Raw(m.Extra)
	e.Int16(ASCEOT)
}

// Decode reads one answer packet: the header, then exactly the body length
// it announces. A total length under 6 or over Limits().MaxLoginPacket, an
// SL type other than 2, 3 or 13, a wrong marker, an unknown result type, an
// SQ_ASCINITRESP not ended by SQ_ASCEOT, or bytes left over is an error.
//
// Decode starts from the zero value and keeps every field it read before a
// failure, so a CONREJ whose body does not parse still reports its SL type
// through Err. If the stream ends before the body does, the bytes that
// arrived are parsed as far as they go (a string cut short keeps the bytes
// that arrived) and the error wraps io.ErrUnexpectedEOF.
func (m *LoginResponse) Decode(r *Reader) error {
	*m = LoginResponse{}
	h, err := readSLHeader(r, "login answer")
	m.PacketLength, m.SLType, m.SLProtocol, m.SLFlags = h.length, h.typ, h.protocol, h.flags
	if err != nil {
		return err
	}
	if h.typ != SLAccept && h.typ != SLReject && h.typ != SLRedirect {
		err := fmt.Errorf("sqli: decode login answer: session-layer type %d is not 2, 3 or 13", h.typ)
		r.Fail(err)
		return err
	}
	return decodeLoginBody(r, h, "login answer", m.decodeBody)
}

func (m *LoginResponse) decodeBody(r *Reader) {
	expectMarker(r, ascAssoc, "login answer")
	expectMarker(r, ascBinary, "login answer")
	m.ProtocolID = r.Int32()
	m.FloatFormat = answerString(r, r.Uint16(), "login answer format")
	expectMarker(r, ascProduct, "login answer product")
	var n uint16
	m.Product, n = readProduct(r, "login answer product name")
	m.Version = answerString(r, n, "login answer server version")
	m.Serial = answerString(r, r.Uint16(), "login answer serial")
	m.ServerName = answerString(r, r.Uint16(), "login answer server name")
	m.Cap1 = r.Int32()
	m.Cap2 = r.Int32()
	m.Cap3 = r.Int32()
	r.Skip(2)
	m.Block1 = r.Bytes(int64(r.Int16()), r.Limits().MaxChar, "login answer block 1")
	m.Block2 = r.Bytes(int64(r.Int16()), r.Limits().MaxChar, "login answer block 2")
	r.Skip(24)
	m.Result = r.Int16()
	if r.Err() != nil {
		return
	}
	switch m.Result {
	case ASCInitResp:
		m.decodeInitResp(r)
	case ASCDBList:
		r.Skip(2)
		m.Redirect = r.String("login answer redirect detail")
	case ASCEOT:
	default:
		r.Failf("login answer: unknown result type %d", m.Result)
	}
}

// decodeInitResp reads an SQ_ASCINITRESP through the final SQ_ASCEOT,
// which must be the last two bytes of the body. The message count is
// capped by the bytes left: each message takes at least 4.
func (m *LoginResponse) decodeInitResp(r *Reader) {
	r.Skip(6)
	m.ServiceError = r.Int16()
	m.OSError = r.Int16()
	m.Warnings = r.Int16()
	n := r.Count(r.Buffered()/4, "login answer message count")
	for i := 0; i < n; i++ {
		r.Skip(2)
		s := r.String("login answer message")
		if r.Err() != nil {
			return
		}
		m.Messages = append(m.Messages, s)
	}
	rest := r.Buffered()
	if r.Err() == nil && rest < 2 {
		r.Failf("login answer: SQ_ASCINITRESP not ended by SQ_ASCEOT")
		return
	}
	m.Extra = r.Bytes(int64(rest-2), rest, "login answer extra blocks")
	expectMarker(r, ASCEOT, "login answer end")
}

// answerString reads n bytes of a string of the login answer and drops one
// trailing NUL. It runs on the body's own Reader, where Buffered is all
// that is left: if the body ends inside the string, the bytes that arrived
// are kept and the Reader records io.ErrUnexpectedEOF.
func answerString(r *Reader, n uint16, what string) string {
	if !r.checkLen(int64(n), r.Limits().MaxChar, what) {
		return ""
	}
	got := min(int(n), r.Buffered())
	b := r.Bytes(int64(got), got, what)
	if got < int(n) {
		r.Fail(io.ErrUnexpectedEOF)
	}
	return string(bytes.TrimSuffix(b, []byte{0}))
}

// Err reports whether the answer admits the client. It returns nil for a
// CONACC whose result is not a redirect and whose service error is 0, and
// a *LoginError for a CONREJ, a redirect (SL type 13 or result 103), a
// non-zero service error, or any other SL type. It is meaningful after a
// failed Decode too, with the fields read so far.
func (m *LoginResponse) Err() error {
	if m.SLType == SLAccept && m.Result != ASCDBList && m.ServiceError == 0 {
		return nil
	}
	return &LoginError{
		SLType:       m.SLType,
		ServiceError: m.ServiceError,
		OSError:      m.OSError,
		Messages:     append([]string(nil), m.Messages...),
		Redirect:     m.Redirect,
	}
}

// LoginError is a login the server did not admit, as reported by
// LoginResponse.Err. The codes are Informix connection errors such as -951
// (unknown user or wrong password) or -956 (client host not trusted); which
// codes a real server sends is not published (SQLI.md §3.4, open question
// 12). It never carries the password.
type LoginError struct {
	SLType       uint8    // the answer's session-layer type
	ServiceError int16    // from an SQ_ASCINITRESP, 0 if none
	OSError      int16    // from an SQ_ASCINITRESP, 0 if none
	Messages     []string // server message texts, if any
	Redirect     string   // the redirect detail, for a redirect
}

// Error describes the refusal with its codes and the server's messages.
func (e *LoginError) Error() string {
	var b strings.Builder
	switch {
	case e.SLType == SLRedirect || e.Redirect != "":
		fmt.Fprintf(&b, "sqli: login redirected (detail %q)", e.Redirect)
	case e.SLType == SLReject:
		b.WriteString("sqli: login rejected (CONREJ)")
	case e.SLType == SLAccept:
		b.WriteString("sqli: login failed")
	default:
		fmt.Fprintf(&b, "sqli: login answer has session-layer type %d", e.SLType)
	}
	if e.ServiceError != 0 || e.OSError != 0 {
		fmt.Fprintf(&b, ": service error %d, OS error %d", e.ServiceError, e.OSError)
	}
	if len(e.Messages) > 0 {
		b.WriteString(": ")
		b.WriteString(strings.Join(e.Messages, "; "))
	}
	return b.String()
}
