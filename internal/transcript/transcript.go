// Package transcript renders the wire log of one SQLI connection (the
// chunks ifxtest records) as a transcript: one line per message, in a form
// that golden files can hold and tests can compare byte for byte. The
// conformance harness renders the oracles' connections with it, and
// ifxconn's tests render the driver's own connections to compare them with
// the oracles' golden files.
package transcript

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// A transcript is a connection's wire log decoded into one line per message:
// "C" (client to server), "S" (server to client) or "C!" (an urgent byte),
// the message name, then the message's bytes in hex, tag included.
//
// The order does not depend on timing: SQLI answers each request group
// (messages up to the client's SQ_EOT) with one answer group (up to the
// server's SQ_EOT) in turn (SQLI.md §2), so the k-th client group is
// followed by the k-th server group even when a client sends several
// groups before reading (informix-driver's executemany does). The login
// packets count as the first group each way, and messages after the last
// SQ_EOT (SQ_EXIT) as the last. An urgent byte follows the client group
// whose bytes were last logged before it.
//
// Masked fields are those that legitimately differ between runs of the same
// scenario; each is replaced in the hex by {name}. They are, all in the
// client's login packet (SQLI.md §3.2 fields 27–28):
//   - {len}: the packet's total length, which follows from the fields below;
//   - {pid}: the client's process id;
//   - {thread}: the client's thread id (informix-driver sends
//     threading.get_ident(), a per-run address);
//   - {host}: the client's host name;
//   - {cwd}: the client's current directory;
//   - {misc}: the SQ_ASCMISC_60 length word and string (JDBC's thread and
//     jar path, informix-driver's "informix-db@pid…").
//
// Nothing the server sends is masked: no scenario reads the clock.
//
// Long repetitions are elided so that golden files stay small, with a hash
// of what was elided so that a change is still caught: a run of more than
// maxRun consecutive messages with the same direction and name keeps its
// first 3 and last 2 lines; a run of more than maxRun consecutive exchanges
// (a request group and its answer, ending with the server's SQ_EOT) of the
// same shape keeps its first 3 and last 2 exchanges.

// maxRun is the longest run of alike lines or exchanges kept in full.
const maxRun = 20

// line is one rendered transcript line.
type line struct {
	dir   string // "C", "S" or "C!"
	name  string // message name, e.g. "SQ_PREPARE"
	text  string // the whole line
	parts []line // for a block of lines joined by elideRuns, its lines
}

// wireMsg is one decoded message of one direction.
type wireMsg struct {
	dir   string
	name  string
	raw   []byte
	masks []mask
	chunk int // index of the wire-log chunk its first byte arrived in
}

// mask replaces raw[start:end] with {name} when rendered.
type mask struct {
	start, end int
	name       string
}

// stream is one direction's bytes, with the chunk each part came from.
type stream struct {
	data   []byte
	starts []int64 // stream offset of each chunk, ascending
	chunks []int   // wire-log chunk index of each entry of starts
}

// chunkAt returns the wire-log chunk index holding stream offset off.
func (s *stream) chunkAt(off int64) int {
	i := sort.Search(len(s.starts), func(i int) bool { return s.starts[i] > off }) - 1
	if i < 0 {
		return 0
	}
	return s.chunks[i]
}

// Render turns one connection's wire-log chunks into transcript lines,
// with masks applied and long repetitions elided (see the format described
// at the top of this file).
func Render(chunks []ifxtest.WireChunk) ([]string, error) {
	var client, server stream
	var urgent []wireMsg
	for i, c := range chunks {
		switch c.Dir {
		case ifxtest.FromClient:
			client.add(c, i)
		case ifxtest.ToClient:
			server.add(c, i)
		case ifxtest.UrgentFromClient:
			urgent = append(urgent, wireMsg{dir: "C!", name: "URGENT", raw: c.Data, chunk: i})
		default:
			return nil, fmt.Errorf("wire log chunk %d: unknown direction %v", i, c.Dir)
		}
	}
	serverMsgs, features := decodeServer(&server)
	var lines []line
	for _, m := range interleave(groups(decodeClient(&client, features)), groups(serverMsgs), urgent) {
		lines = append(lines, line{dir: m.dir, name: m.name,
			text: m.dir + " " + m.name + " " + maskedHex(m.raw, m.masks)})
	}
	return elideExchanges(elideRuns(lines)), nil
}

// groups splits one direction's messages after the login packet and after
// each SQ_EOT.
func groups(msgs []wireMsg) [][]wireMsg {
	var out [][]wireMsg
	start := 0
	for i, m := range msgs {
		if m.name == "SQ_EOT" || strings.HasPrefix(m.name, "LOGIN_") || i == len(msgs)-1 {
			out = append(out, msgs[start:i+1])
			start = i + 1
		}
	}
	return out
}

// interleave puts the k-th client group before the k-th server group, and
// each urgent byte after the client group logged last before it.
func interleave(client, server [][]wireMsg, urgent []wireMsg) []wireMsg {
	var out []wireMsg
	for k := 0; k < max(len(client), len(server)); k++ {
		if k < len(client) {
			out = append(out, client[k]...)
			next := int(^uint(0) >> 1)
			if k+1 < len(client) {
				next = client[k+1][0].chunk
			}
			for len(urgent) > 0 && urgent[0].chunk < next {
				out = append(out, urgent[0])
				urgent = urgent[1:]
			}
		}
		if k < len(server) {
			out = append(out, server[k]...)
		}
	}
	return append(out, urgent...)
}

func (s *stream) add(c ifxtest.WireChunk, index int) {
	s.starts = append(s.starts, int64(len(s.data)))
	s.chunks = append(s.chunks, index)
	s.data = append(s.data, c.Data...)
}

// decodeServer decodes the server's stream: the login answer packet, then
// SQLI messages. It returns the messages and the features of the server's
// SQ_PROTOCOLS answer, which decide the widths of later fields both ways.
func decodeServer(s *stream) ([]wireMsg, sqli.Features) {
	var f sqli.Features
	msgs, rest, ok := decodeLogin(s, "S", "LOGIN_RESPONSE", func(r *sqli.Reader) error {
		return new(sqli.LoginResponse).Decode(r)
	}, nil)
	if !ok {
		return msgs, f
	}
	r := sqli.NewBytesReader(s.data[rest:])
	d := sqli.NewServerDecoder(r)
	return decodeMessages(s, "S", rest, r, func() (sqli.Message, error) {
		m, err := d.Next()
		if p, ok := m.(*sqli.Protocols); ok && err == nil {
			f = p.Features()
			r.Features = f
		}
		return m, err
	}, msgs), f
}

// decodeClient decodes the client's stream; f applies from the client's
// own SQ_PROTOCOLS offer on, as the server's answer follows it.
func decodeClient(s *stream, f sqli.Features) []wireMsg {
	msgs, rest, ok := decodeLogin(s, "C", "LOGIN_REQUEST", func(r *sqli.Reader) error {
		return new(sqli.LoginRequest).Decode(r)
	}, loginMasks)
	if !ok {
		return msgs
	}
	r := sqli.NewBytesReader(s.data[rest:])
	d := sqli.NewClientDecoder(r)
	return decodeMessages(s, "C", rest, r, func() (sqli.Message, error) {
		m, err := d.Next()
		if _, ok := m.(*sqli.Protocols); ok && err == nil {
			r.Features = f
		}
		return m, err
	}, msgs)
}

// decodeLogin decodes the session-layer login packet at the start of s. It
// returns the packet as a message, the offset where the SQLI stream starts,
// and whether decoding can go on.
func decodeLogin(s *stream, dir, name string, decode func(*sqli.Reader) error,
	masks func([]byte, *sqli.LoginRequest) ([]mask, error)) ([]wireMsg, int64, bool) {
	if len(s.data) == 0 {
		return nil, 0, false
	}
	if len(s.data) < 2 {
		return []wireMsg{undecoded(s, dir, 0, io.ErrUnexpectedEOF)}, 0, false
	}
	n := int64(binary.BigEndian.Uint16(s.data))
	if n > int64(len(s.data)) {
		return []wireMsg{undecoded(s, dir, 0, fmt.Errorf("login packet of %d bytes, %d logged", n, len(s.data)))}, 0, false
	}
	raw := s.data[:n]
	if err := decode(sqli.NewBytesReader(raw)); err != nil {
		return []wireMsg{undecoded(s, dir, 0, err)}, 0, false
	}
	m := wireMsg{dir: dir, name: name, raw: raw, chunk: s.chunkAt(0)}
	if masks != nil {
		var req sqli.LoginRequest
		req.Decode(sqli.NewBytesReader(raw))
		ms, err := masks(raw, &req)
		if err != nil {
			return []wireMsg{undecoded(s, dir, 0, err)}, 0, false
		}
		m.masks = ms
	}
	return []wireMsg{m}, n, true
}

// decodeMessages reads SQLI messages from r (positioned at stream offset
// base) until the stream ends or a message cannot be decoded; the rest of
// the stream then becomes one UNDECODED line, since the position of the
// next message is lost (SQLI.md §2).
func decodeMessages(s *stream, dir string, base int64, r *sqli.Reader,
	next func() (sqli.Message, error), msgs []wireMsg) []wireMsg {
	total := int64(len(s.data)) - base
	for r.Buffered() > 0 {
		start := total - int64(r.Buffered())
		m, err := next()
		if err != nil {
			return append(msgs, undecoded(s, dir, base+start, err))
		}
		name := m.Tag().String()
		end := total - int64(r.Buffered())
		off := base + start
		msgs = append(msgs, wireMsg{dir: dir, name: name, raw: s.data[off : base+end], chunk: s.chunkAt(off)})
	}
	return msgs
}

// undecoded makes the rest of a stream from off into one message that
// names why it could not be decoded.
func undecoded(s *stream, dir string, off int64, err error) wireMsg {
	return wireMsg{dir: dir, name: "UNDECODED(" + strings.ReplaceAll(err.Error(), " ", "_") + ")",
		raw: s.data[off:], chunk: s.chunkAt(off)}
}

// loginMasks locates the run-dependent fields of a client's login packet
// (see the list at the top of this file): the SQ_ASCPINFO block, found by
// its marker 107 followed by a zero word and the decoded process id, and the
// SQ_ASCMISC_60 block after it (SQLI.md §3.2 fields 27–28).
func loginMasks(raw []byte, req *sqli.LoginRequest) ([]mask, error) {
	var pinfo [10]byte
	binary.BigEndian.PutUint16(pinfo[0:], 107)
	binary.BigEndian.PutUint32(pinfo[6:], uint32(req.PID))
	at := bytes.LastIndex(raw, pinfo[:])
	if at < 0 {
		return nil, errors.New("login request: SQ_ASCPINFO block not found")
	}
	ms := []mask{{0, 2, "len"}, {at + 6, at + 10, "pid"}, {at + 10, at + 14, "thread"}}
	pos := at + 14
	var err error
	if pos, err = ascMask(raw, pos, "host", &ms); err != nil {
		return nil, err
	}
	if pos, err = ascMask(raw, pos+2, "cwd", &ms); err != nil {
		return nil, err
	}
	// SQ_ASCMISC_60: i16 116, i16 length word, 8 bytes, ASC string, then i16 127.
	if pos+14 > len(raw) || binary.BigEndian.Uint16(raw[pos:]) != 116 {
		return nil, errors.New("login request: SQ_ASCMISC_60 block not where SQ_ASCPINFO ends")
	}
	ms = append(ms, mask{pos + 2, len(raw) - 2, "misc"})
	return ms, nil
}

// ascMask masks the ASC string (u16 length, bytes) at pos and returns the
// offset after it.
func ascMask(raw []byte, pos int, name string, ms *[]mask) (int, error) {
	if pos+2 > len(raw) {
		return 0, fmt.Errorf("login request: %s field past the packet's end", name)
	}
	end := pos + 2 + int(binary.BigEndian.Uint16(raw[pos:]))
	if end > len(raw) {
		return 0, fmt.Errorf("login request: %s field past the packet's end", name)
	}
	*ms = append(*ms, mask{pos, end, name})
	return end, nil
}

// maskedHex renders raw in hex with each mask's bytes replaced by {name}.
func maskedHex(raw []byte, masks []mask) string {
	var sb strings.Builder
	pos := 0
	for _, m := range masks {
		sb.WriteString(hex.EncodeToString(raw[pos:m.start]))
		sb.WriteString("{" + m.name + "}")
		pos = m.end
	}
	sb.WriteString(hex.EncodeToString(raw[pos:]))
	return sb.String()
}

// maxCycle is the longest repeating block of lines elideRuns looks for:
// JDBC's executeBatch repeats SQ_BIND, SQ_EXECUTE in one group, and an
// answer repeats SQ_DONE, SQ_COST.
const maxCycle = 4

// elideRuns shortens runs of more than maxRun repetitions of the same block
// of 1 to maxCycle lines (compared by direction and name).
func elideRuns(lines []line) []line {
	var out []line
	for i := 0; i < len(lines); {
		n, reps := cycleAt(lines, i)
		if reps <= maxRun {
			out = append(out, lines[i])
			i++
			continue
		}
		blocks := make([]line, reps)
		for r := range reps {
			blocks[r] = joinLines(lines[i+r*n : i+(r+1)*n])
		}
		head := blocks[0]
		for _, b := range elide(blocks, 3, 2, func(k int, sum string) line {
			return line{dir: head.dir, name: head.name + "…",
				text: fmt.Sprintf("%s … %d more of the %d-message block starting %s, sha256 %s", head.dir, k, n, head.name, sum)}
		}) {
			out = append(out, b.parts...)
			if b.parts == nil {
				out = append(out, b)
			}
		}
		i += n * reps
	}
	return out
}

// cycleAt returns the shortest block length n (1..maxCycle) repeated most
// often from lines[i] on, and how many times it repeats.
func cycleAt(lines []line, i int) (n, reps int) {
	n, reps = 1, 1
	for l := 1; l <= maxCycle && i+l <= len(lines); l++ {
		r := 1
		for i+(r+1)*l <= len(lines) && sameNames(lines[i:i+l], lines[i+r*l:i+(r+1)*l]) {
			r++
		}
		if r > maxRun {
			return l, r
		}
	}
	return n, reps
}

func sameNames(a, b []line) bool {
	for k := range a {
		if a[k].dir != b[k].dir || a[k].name != b[k].name {
			return false
		}
	}
	return true
}

// joinLines makes one line standing for a block, keeping its parts.
func joinLines(ls []line) line {
	texts := make([]string, len(ls))
	for k, l := range ls {
		texts[k] = l.text
	}
	return line{dir: ls[0].dir, name: ls[0].name, text: strings.Join(texts, "\n"), parts: ls}
}

// elide keeps run whole when it is at most maxRun long, else its first head
// and last tail entries around a summary line made by summary.
func elide(run []line, head, tail int, summary func(n int, sum string) line) []line {
	if len(run) <= maxRun {
		return run
	}
	mid := run[head : len(run)-tail]
	out := append([]line{}, run[:head]...)
	out = append(out, summary(len(mid), hashLines(mid)))
	return append(out, run[len(run)-tail:]...)
}

func hashLines(ls []line) string {
	h := sha256.New()
	for _, l := range ls {
		io.WriteString(h, l.text+"\n")
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// elideExchanges shortens runs of more than maxRun exchanges of the same
// shape. An exchange ends with the server's SQ_EOT; its shape is the
// sequence of its lines' directions and names.
func elideExchanges(lines []line) []string {
	var ex [][]line
	start := 0
	for i, l := range lines {
		if (l.dir == "S" && l.name == "SQ_EOT") || i == len(lines)-1 {
			ex = append(ex, lines[start:i+1])
			start = i + 1
		}
	}
	var out []string
	for i := 0; i < len(ex); {
		j := i
		for j < len(ex) && shape(ex[j]) == shape(ex[i]) {
			j++
		}
		run := ex[i:j]
		if len(run) > maxRun {
			keep := append(append([][]line{}, run[:3]...), run[len(run)-2:]...)
			var mid []line
			for _, e := range run[3 : len(run)-2] {
				mid = append(mid, e...)
			}
			for k, e := range keep {
				if k == 3 {
					out = append(out, fmt.Sprintf("… %d more exchanges of the same shape, sha256 %s", len(run)-5, hashLines(mid)))
				}
				out = appendTexts(out, e)
			}
		} else {
			for _, e := range run {
				out = appendTexts(out, e)
			}
		}
		i = j
	}
	return out
}

func shape(ex []line) string {
	var sb strings.Builder
	for _, l := range ex {
		sb.WriteString(l.dir + " " + l.name + "\n")
	}
	return sb.String()
}

func appendTexts(out []string, ls []line) []string {
	for _, l := range ls {
		out = append(out, l.text)
	}
	return out
}

// ParseLine splits a transcript line that shows one whole message,
// "DIR NAME HEX" with DIR "C" or "S", into its parts and the message's
// bytes. ok is false for any other line: a comment, a connection header,
// an urgent byte or an elision summary.
func ParseLine(l string) (dir, name string, raw []byte, ok bool) {
	f := strings.Fields(l)
	if len(f) != 3 || (f[0] != "C" && f[0] != "S") {
		return "", "", nil, false
	}
	raw, err := hex.DecodeString(f[2])
	return f[0], f[1], raw, err == nil
}
