package sqli

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
)

// Session-layer packet types: the byte at offset 2 of a login packet
// (SQLI.md §3.1; [W: S1 capture, S2 live; D: S3]).
const (
	SLConnect  uint8 = 1  // CONREQ: the client's login request
	SLAccept   uint8 = 2  // CONACC: the server accepts the login
	SLReject   uint8 = 3  // CONREJ: the server refuses the login
	SLRedirect uint8 = 13 // the server sends the client to another server
)

// SLProtocolSQLI is the protocol byte of both login packets, 60 for SQLI
// 6.00 (SQLI.md §3.1; [W: S1 capture, S2 live]).
const SLProtocolSQLI uint8 = 60

// slHeaderSize is the length of the session-layer header; the packet's
// total length counts it.
const slHeaderSize = 6

// Markers inside the ASC login bodies (SQLI.md §3.2, §3.3). They reuse the
// numbers of post-login tags but are not tags.
const (
	ascAssoc   int16 = 100 // SQ_ASSOC
	ascBinary  int16 = 101 // SQ_ASCBINARY
	ascOptions int16 = 104 // starts the options fields
	ascEnv     int16 = 106 // SQ_ASCENV
	ascPInfo   int16 = 107 // SQ_ASCPINFO
	ascProduct int16 = 108 // precedes the fixed product-name field
	ascMisc    int16 = 116 // SQ_ASCMISC_60
)

// Result types of the server's login answer, and the end marker of both
// login bodies (SQLI.md §3.2 field 29, §3.3; [J: S2; D: S3]).
const (
	ASCInitResp int16 = 102 // SQ_ASCINITRESP: service error, OS error, warnings, messages
	ASCDBList   int16 = 103 // SQ_ASCDBLIST: a redirect detail string
	ASCEOT      int16 = 127 // SQ_ASCEOT: plain success; also ends the request body
)

// Bits of LoginRequest.Options (SQLI.md §3.2 field 22; [J: S2]).
const (
	LoginOptionsPlain          int32 = 3          // the value JDBC sends for a plain user/password login
	LoginOptionGroupPreference int32 = 0x02000000 // JDBC ORs this in when a group preference is set
	LoginOptionTrustedContext  int32 = 0x04000000 // JDBC ORs this in for a trusted context
)

// Widths of the fixed-size fields of the login bodies (SQLI.md §3.2).
const (
	productWidth  = 12 // field 6; [X], see readProduct
	netFieldWidth = 8  // fields 16 (protocol family) and 18 (transport)
)

// redacted replaces the password when a LoginRequest is formatted.
const redacted = "<redacted>"

// EnvVar is one environment variable sent at login or in SQ_INFO. The wire
// keeps the order of the entries, so they travel as a slice. Name is never
// empty on the wire.
type EnvVar struct {
	Name  string
	Value string
}

// LoginRequest is the client's session-layer CONREQ packet (SL type 1)
// carrying the ASC login body, fields 1–29 of SQLI.md §3.2 ([W: S1 capture
// prefix and S1's byte-for-byte regression test; J+W: S2 live structural
// match; D: S3; B: S4, S10]). It is not a tag-stream message: Encode writes
// the whole packet, header included, and Decode reads one.
//
// Strings are ASC strings (u16 length counting a trailing NUL, the bytes,
// the NUL, never padded) unless a field says otherwise; none may hold a NUL.
// Formatting a LoginRequest with any fmt verb never shows the password.
type LoginRequest struct {
	// PacketLength is the total length from the session-layer header, header
	// included. Decode sets it; Encode ignores it and writes the computed one.
	PacketLength uint16
	SLProtocol   uint8  // header byte 3; 60 (SLProtocolSQLI)
	SLFlags      uint16 // header bytes 4–5; 0 from every known client

	ProtocolID  int32  // field 3, the PF protocol id; JDBC sends 61
	FloatFormat string // field 4, float/byte-order format; "IEEEM" from a client
	Product     string // field 6, at most 12 bytes, sent NUL-padded to 12; "sqlexec"
	Version     string // field 7, client version; JDBC sends "9.280"
	Serial      string // field 8, client serial; "RDS#R000000"
	Application string // field 9, application id; "sqli"
	Cap1        int32  // field 10; JDBC sends 316. Meaning unknown (open question 12)
	Cap2        int32  // field 11; 0
	Cap3        int32  // field 12; 0
	UserType    int16  // field 13; 1
	User        string // field 14
	// Password is field 15, in clear text (use TLS). An empty password is
	// sent as a bare u16 0, as JDBC does when there is none.
	Password       string
	ProtocolFamily string // field 16, at most 8 bytes, NUL-padded; "ol"
	NetProtocolID  int32  // field 17, the protocol id again; 61
	Transport      string // field 18, at most 8 bytes, NUL-padded; "tlitcp" ("ipcstr" for Unix sockets)
	NetLevel       int32  // field 19, network level; 1
	OptionsType    int16  // field 21; 11
	Options        int32  // field 22; LoginOptionsPlain, optionally ORed with the LoginOption bits
	// ServerName is field 23, the INFORMIXSERVER name; it may be empty.
	ServerName string
	// Database is field 24. Clients must leave it empty and open the
	// database with SQ_DBOPEN: S2 found that a name here makes the server
	// fail the login with -408 (SQLI.md §3.2, §8.4; [W: S2]). Encode refuses
	// a non-empty one; Decode accepts and keeps it so that a server can
	// refuse the login.
	Database string
	Env      []EnvVar // field 26, the SQ_ASCENV block, in wire order
	PID      int32    // field 27, SQ_ASCPINFO: client process id
	ThreadID int32    // field 27: client thread id
	Hostname string   // field 27: client host name
	Cwd      string   // field 27: client current directory
	// Misc is the string of field 28 (SQ_ASCMISC_60). JDBC puts a thread
	// description here; the document reports that any short string works.
	Misc string
}

// NewLoginRequest returns a request for user, password and server filled
// with the constants IBM JDBC sends (SQLI.md §3.2; [W: S1; J+W: S2]). Env,
// the process information and Misc are left for the caller; the database
// slot stays empty.
func NewLoginRequest(user, password, server string) *LoginRequest {
	return &LoginRequest{
		SLProtocol:     SLProtocolSQLI,
		ProtocolID:     61,
		FloatFormat:    "IEEEM",
		Product:        "sqlexec",
		Version:        "9.280",
		Serial:         "RDS#R000000",
		Application:    "sqli",
		Cap1:           316,
		UserType:       1,
		User:           user,
		Password:       password,
		ProtocolFamily: "ol",
		NetProtocolID:  61,
		Transport:      "tlitcp",
		NetLevel:       1,
		OptionsType:    11,
		Options:        LoginOptionsPlain,
		ServerName:     server,
	}
}

// Encode appends the whole CONREQ packet: the 6-byte session-layer header
// with the computed total length, then the body. A value that cannot be
// sent (a string with a NUL, a product name over 12 bytes, a database name,
// a packet over 65 535 bytes) fails the Encoder; the error never contains
// the password.
func (m *LoginRequest) Encode(e *Encoder) {
	body := NewEncoder(nil, e.Features)
	m.encodeBody(body)
	writeLoginPacket(e, SLConnect, m.SLProtocol, m.SLFlags, body, "login request")
}

func (m *LoginRequest) encodeBody(e *Encoder) {
	e.Int16(ascAssoc)
	e.Int16(ascBinary)
	e.Int32(m.ProtocolID)
	e.ASCString(m.FloatFormat, "login format")
	e.Int16(ascProduct)
	fixedField(e, m.Product, productWidth, "login product name")
	e.ASCString(m.Version, "login client version")
	e.ASCString(m.Serial, "login serial")
	e.ASCString(m.Application, "login application id")
	e.Int32(m.Cap1)
	e.Int32(m.Cap2)
	e.Int32(m.Cap3)
	e.Int16(m.UserType)
	e.ASCString(m.User, "login user name")
	if m.Password == "" {
		e.Uint16(0)
	} else {
		e.ASCString(m.Password, "login password")
	}
	fixedField(e, m.ProtocolFamily, netFieldWidth, "login protocol family")
	e.Int32(m.NetProtocolID)
	fixedField(e, m.Transport, netFieldWidth, "login transport")
	e.Int32(m.NetLevel)
	e.Int16(ascOptions)
	e.Int16(m.OptionsType)
	e.Int32(m.Options)
	e.ASCString(m.ServerName, "login server name")
	if m.Database != "" {
		e.Failf("login database slot: %q must be opened with SQ_DBOPEN; a name in the login fails it with -408", m.Database)
	}
	e.Uint16(0)
	e.Zeros(8) // field 25: four reserved int16 zeros
	encodeLoginEnv(e, m.Env)
	m.encodeProcess(e)
	encodeLoginMisc(e, m.Misc)
	e.Int16(ASCEOT)
}

// encodeLoginEnv appends the SQ_ASCENV block: marker, count, then each
// name and value as ASC strings (SQLI.md §3.2 field 26).
func encodeLoginEnv(e *Encoder, env []EnvVar) {
	e.Int16(ascEnv)
	e.Count(len(env), "login environment")
	for i, v := range env {
		if v.Name == "" {
			e.Failf("login environment entry %d: empty name", i)
			return
		}
		e.ASCString(v.Name, "login environment name")
		e.ASCString(v.Value, "login environment value of "+v.Name)
	}
}

// encodeProcess appends the SQ_ASCPINFO block (SQLI.md §3.2 field 27). The
// two words the document gives as 0 are written as 0.
func (m *LoginRequest) encodeProcess(e *Encoder) {
	e.Int16(ascPInfo)
	e.Int32(0)
	e.Int32(m.PID)
	e.Int32(m.ThreadID)
	e.ASCString(m.Hostname, "login host name")
	e.Int16(0)
	e.ASCString(m.Cwd, "login current directory")
}

// encodeLoginMisc appends the SQ_ASCMISC_60 block: marker, i16 block length
// (10 + m), two zero int32 words, then the string as an ASC string of m
// bytes (SQLI.md §3.2 field 28; S2 encodes the same).
func encodeLoginMisc(e *Encoder, s string) {
	e.Int16(ascMisc)
	if n := 10 + len(s) + 1; n > math.MaxInt16 {
		e.Failf("login misc string: %d bytes, at most %d fit its block", len(s), math.MaxInt16-11)
		return
	}
	e.Int16(int16(10 + len(s) + 1))
	e.Int32(0)
	e.Int32(0)
	e.ASCString(s, "login misc string")
}

// Decode reads one CONREQ packet: the header, then exactly the body length
// it announces. A total length under 6 or over Limits().MaxLoginPacket, an
// SL type other than 1, a wrong marker, bytes left after SQ_ASCEOT, or a
// malformed field is an error.
//
// Decode starts from the zero value and keeps every field it read before a
// failure. If the stream ends before the body does, the bytes that arrived
// are parsed as far as they go and the error wraps io.ErrUnexpectedEOF.
func (m *LoginRequest) Decode(r *Reader) error {
	*m = LoginRequest{}
	h, err := readSLHeader(r, "login request")
	m.PacketLength, m.SLProtocol, m.SLFlags = h.length, h.protocol, h.flags
	if err != nil {
		return err
	}
	if h.typ != SLConnect {
		err := fmt.Errorf("sqli: decode login request: session-layer type %d, want %d (CONREQ)", h.typ, SLConnect)
		r.Fail(err)
		return err
	}
	return decodeLoginBody(r, h, "login request", m.decodeBody)
}

func (m *LoginRequest) decodeBody(r *Reader) {
	expectMarker(r, ascAssoc, "login request")
	expectMarker(r, ascBinary, "login request")
	m.ProtocolID = r.Int32()
	m.FloatFormat = r.ASCString("login format")
	expectMarker(r, ascProduct, "login request product")
	var n uint16
	m.Product, n = readProduct(r, "login product name")
	m.Version = ascBody(r, n, "login client version")
	m.Serial = r.ASCString("login serial")
	m.Application = r.ASCString("login application id")
	m.Cap1 = r.Int32()
	m.Cap2 = r.Int32()
	m.Cap3 = r.Int32()
	m.UserType = r.Int16()
	m.User = r.ASCString("login user name")
	m.Password = r.ASCString("login password")
	m.ProtocolFamily = cString(r.Bytes(netFieldWidth, netFieldWidth, "login protocol family"))
	m.NetProtocolID = r.Int32()
	m.Transport = cString(r.Bytes(netFieldWidth, netFieldWidth, "login transport"))
	m.NetLevel = r.Int32()
	expectMarker(r, ascOptions, "login request options")
	m.OptionsType = r.Int16()
	m.Options = r.Int32()
	m.ServerName = r.ASCString("login server name")
	m.Database = r.ASCString("login database slot")
	r.Skip(8)
	m.Env = decodeLoginEnv(r)
	m.decodeProcess(r)
	m.Misc = decodeLoginMisc(r)
	expectMarker(r, ASCEOT, "login request end")
}

// decodeLoginEnv reads the SQ_ASCENV block, capping its count with
// Limits().MaxEnv. Entries read before a failure are kept.
func decodeLoginEnv(r *Reader) []EnvVar {
	expectMarker(r, ascEnv, "login environment")
	n := r.Count(r.Limits().MaxEnv, "login environment count")
	var env []EnvVar
	for i := 0; i < n; i++ {
		name := r.ASCString("login environment name")
		value := r.ASCString("login environment value")
		if r.Err() != nil {
			break
		}
		if name == "" {
			r.Failf("login environment entry %d: empty name", i)
			break
		}
		env = append(env, EnvVar{Name: name, Value: value})
	}
	return env
}

// decodeProcess reads the SQ_ASCPINFO block. The two words the document
// gives as 0 are read and not checked: no source says what else they hold.
func (m *LoginRequest) decodeProcess(r *Reader) {
	expectMarker(r, ascPInfo, "login process information")
	r.Skip(4)
	m.PID = r.Int32()
	m.ThreadID = r.Int32()
	m.Hostname = r.ASCString("login host name")
	r.Skip(2)
	m.Cwd = r.ASCString("login current directory")
}

// decodeLoginMisc reads the SQ_ASCMISC_60 block and requires its length
// word to equal 10 plus the string's length field.
func decodeLoginMisc(r *Reader) string {
	expectMarker(r, ascMisc, "login misc block")
	size := r.Int16()
	r.Skip(8)
	n := r.Uint16()
	s := ascBody(r, n, "login misc string")
	if r.Err() == nil && int(size) != 10+int(n) {
		r.Failf("login misc block: length word %d, but its string needs %d", size, 10+int(n))
	}
	return s
}

// Format writes the request with the password replaced by "<redacted>",
// whatever the verb and flags, so that no %v, %+v, %#v, %s, %q or %x of a
// LoginRequest shows the password. It has a value receiver so that values
// and pointers are both covered.
func (m LoginRequest) Format(f fmt.State, verb rune) {
	type loginRequest LoginRequest // same fields, no methods: no recursion
	c := loginRequest(m)
	if c.Password != "" {
		c.Password = redacted
	}
	s := fmt.Sprintf(fmt.FormatString(f, verb), c)
	if rest, ok := strings.CutPrefix(s, "sqli.loginRequest{"); ok && verb == 'v' && f.Flag('#') {
		s = "sqli.LoginRequest{" + rest
	}
	io.WriteString(f, s)
}

// slHeader is the 6-byte session-layer header (SQLI.md §3.1).
type slHeader struct {
	length   uint16 // total length, header included
	typ      uint8
	protocol uint8
	flags    uint16
}

// writeLoginPacket appends a session-layer header for body and then body,
// failing e if body failed or the packet does not fit the 16-bit length.
func writeLoginPacket(e *Encoder, typ, protocol uint8, flags uint16, body *Encoder, what string) {
	if err := body.Err(); err != nil {
		e.Fail(fmt.Errorf("sqli: encode %s: %w", what, err))
		return
	}
	total := slHeaderSize + body.Len()
	if total > math.MaxUint16 {
		e.Failf("encode %s: %d bytes do not fit the 16-bit session-layer length", what, total)
		return
	}
	e.Uint16(uint16(total))
	e.Uint8(typ)
	e.Uint8(protocol)
	e.Uint16(flags)
	e.Raw(body.Bytes())
}

// readSLHeader reads a session-layer header and checks its total length:
// at least the header itself and at most Limits().MaxLoginPacket.
func readSLHeader(r *Reader, what string) (slHeader, error) {
	var h slHeader
	h.length = r.Uint16()
	h.typ = r.Uint8()
	h.protocol = r.Uint8()
	h.flags = r.Uint16()
	if r.Err() == nil {
		limit := r.Limits().MaxLoginPacket
		switch {
		case h.length < slHeaderSize:
			r.Failf("%s: session-layer length %d is shorter than its own %d-byte header", what, h.length, slHeaderSize)
		case int(h.length) > limit:
			r.Fail(&LimitError{What: what + " length", Limit: limit, Got: int64(h.length)})
		}
	}
	if err := r.Err(); err != nil {
		return h, fmt.Errorf("sqli: decode %s header: %w", what, err)
	}
	return h, nil
}

// decodeLoginBody reads the body h announces and parses it with parse,
// which must consume it exactly. The body is read into a new slice, so
// byte fields that parse keeps alias it and not the Reader's buffer. If the
// stream ends early, the bytes that arrived are still parsed, and the
// returned error wraps the stream's (io.ErrUnexpectedEOF at end of stream).
// Any error is also recorded in r.
func decodeLoginBody(r *Reader, h slHeader, what string, parse func(*Reader)) error {
	want := int(h.length) - slHeaderSize
	body, cut := readSLBody(r, want)
	p := NewBytesReader(body)
	p.SetLimits(r.Limits())
	parse(p)
	var err error
	switch {
	case cut != nil:
		err = fmt.Errorf("sqli: decode %s: body ends after %d of %d bytes: %w", what, len(body), want, cut)
	case p.Err() != nil:
		err = fmt.Errorf("sqli: decode %s: %w", what, p.Err())
	case p.Buffered() != 0:
		err = fmt.Errorf("sqli: decode %s: %d bytes left after SQ_ASCEOT", what, p.Buffered())
	default:
		return nil
	}
	r.Fail(err)
	return err
}

// readSLBody reads n bytes into a new slice (n was checked against
// MaxLoginPacket). If the stream ends first it returns the bytes that
// arrived and the Reader's error.
func readSLBody(r *Reader, n int) ([]byte, error) {
	body := make([]byte, 0, n)
	for len(body) < n {
		if r.Buffered() == 0 {
			b := r.Uint8()
			if err := r.Err(); err != nil {
				return body, err
			}
			body = append(body, b)
			continue
		}
		k := min(r.Buffered(), n-len(body))
		body = append(body, r.Bytes(int64(k), k, "login body")...)
	}
	return body, nil
}

// expectMarker reads an int16 and requires it to be want.
func expectMarker(r *Reader, want int16, what string) {
	if got := r.Int16(); r.Err() == nil && got != want {
		r.Failf("%s: marker %d where %d belongs", what, got, want)
	}
}

// readProduct reads the fixed product-name field after marker 108, then the
// u16 length of the version string that follows it.
//
// Open question (SQLI.md open question 20, §3.2 [X]): S2, S3, S4 and S10
// use 12 bytes ("sqlexec"/"srvinfx" + 5 NUL), and S2, S4 and S10 parse live
// answers that way; the published capture excerpt shows 13 bytes in both
// directions. As the document resolves it, 12 bytes are read, and if the
// u16 after them is 0 the field was the 13-byte form: that u16 was its last
// NUL plus the high byte (0) of the version length, so one more byte
// completes the length. This assumes a peer never sends a zero version
// length (Encode never does) and, in the 13-byte form, a version under 256
// bytes.
func readProduct(r *Reader, what string) (string, uint16) {
	name := cString(r.Bytes(productWidth, productWidth, what))
	n := r.Uint16()
	if n == 0 {
		n = uint16(r.Uint8())
	}
	return name, n
}

// ascBody reads the n bytes of an ASC string whose length was already read,
// requiring the trailing NUL as Reader.ASCString does.
func ascBody(r *Reader, n uint16, what string) string {
	b := r.Bytes(int64(n), r.Limits().MaxChar, what)
	if len(b) == 0 {
		return ""
	}
	if b[len(b)-1] != 0 {
		r.Failf("%s: login string not NUL-terminated", what)
		return ""
	}
	return string(b[:len(b)-1])
}

// fixedField appends s NUL-padded to width bytes, refusing a longer s or one
// holding a NUL (it would end the field early when read back).
func fixedField(e *Encoder, s string, width int, what string) {
	if len(s) > width {
		e.Failf("%s: %q is %d bytes, the field holds %d", what, s, len(s), width)
		return
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		e.Failf("%s: NUL byte at offset %d", what, i)
		return
	}
	e.RawString(s)
	e.Zeros(width - len(s))
}

// cString returns the bytes of a NUL-padded fixed field up to its first NUL.
func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}
