package ifxtest

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Direction tells which way a chunk of a connection's bytes travelled.
type Direction int

// Directions of a chunk.
const (
	// FromClient is a chunk the server read from the client's byte stream.
	FromClient Direction = iota + 1
	// ToClient is a chunk the server wrote to the client.
	ToClient
	// UrgentFromClient is a TCP urgent (out-of-band) byte the server read
	// from the client: the interrupt of SQLI.md §7.9. It is not part of
	// the FromClient stream and has no offset in it.
	UrgentFromClient
)

// dirLabels are the labels of the directions in a wire log file.
var dirLabels = map[Direction]string{FromClient: "C->S", ToClient: "S->C", UrgentFromClient: "C->S!"}

// String returns the direction's label in a wire log file.
func (d Direction) String() string {
	if s, ok := dirLabels[d]; ok {
		return s
	}
	return "Direction(" + strconv.Itoa(int(d)) + ")"
}

// WireLog receives the bytes of every connection the server accepts. The
// bytes are those of the SQLI stream itself: on a TLS listener, the
// decrypted bytes.
type WireLog interface {
	// Connection is called when connection id (1 for the first accepted,
	// then counting up) from remote is accepted, before any byte moves.
	// It returns the ConnLog that receives that connection's bytes, or nil
	// to log nothing for it.
	Connection(id uint64, remote string) ConnLog
}

// ConnLog receives the bytes of one connection, in the order the server
// read and wrote them. Its methods are called from one goroutine at a time.
type ConnLog interface {
	// Chunk reports b, read from or written to the client in one call.
	// offset is the position of b[0] in that direction's stream (0 for
	// UrgentFromClient). b is valid only during the call.
	Chunk(dir Direction, offset int64, b []byte)
	// Close is called once, when the connection has ended.
	Close() error
}

// WireChunk is one chunk of a wire log, as ParseWireLog returns it.
type WireChunk struct {
	Dir    Direction // which way the bytes went
	Offset int64     // position of Data[0] in that direction's stream (0 for UrgentFromClient)
	Data   []byte    // the bytes, as one read or write carried them
}

// DirWireLog returns a WireLog that writes one file per connection into
// dir, named conn-NNNNNN.log after the connection id. Each file starts
// with comment lines (#), then holds one block per chunk: a header line
// "C->S offset N (L bytes)" (S->C for what the server wrote, C->S! for an
// urgent byte), then a hex dump of 16 bytes a line, each line starting
// with its offset within the chunk. ParseWireLog reads such a file back.
//
// The directory must exist. A file that cannot be created or written
// stops that connection's log, and the error is reported to errf (if not
// nil); the connection itself goes on.
func DirWireLog(dir string, errf func(error)) WireLog {
	return &dirWireLog{dir: dir, errf: errf}
}

type dirWireLog struct {
	dir  string
	errf func(error)
}

// Connection creates the connection's log file and writes its header.
func (d *dirWireLog) Connection(id uint64, remote string) ConnLog {
	name := filepath.Join(d.dir, fmt.Sprintf("conn-%06d.log", id))
	f, err := os.Create(name)
	if err != nil {
		d.report(fmt.Errorf("ifxtest: wire log: %w", err))
		return nil
	}
	l := &fileConnLog{f: f, w: bufio.NewWriter(f), name: name, report: d.report}
	fmt.Fprintf(l.w, "# ifxtest wire log, connection %d from %s, opened %s\n",
		id, remote, time.Now().UTC().Format(time.RFC3339Nano))
	return l
}

func (d *dirWireLog) report(err error) {
	if d.errf != nil {
		d.errf(err)
	}
}

// fileConnLog writes one connection's annotated hex dump.
type fileConnLog struct {
	f      *os.File
	w      *bufio.Writer
	name   string
	failed bool
	report func(error)
}

// Chunk writes one chunk's header line and hex lines; after a write
// failure the log stops.
func (l *fileConnLog) Chunk(dir Direction, offset int64, b []byte) {
	if l.failed {
		return
	}
	fmt.Fprintf(l.w, "%s offset %d (%d bytes)\n", dir, offset, len(b))
	writeHexLines(l.w, b)
	if err := l.w.Flush(); err != nil {
		l.failed = true
		l.report(fmt.Errorf("ifxtest: wire log %s: %w", l.name, err))
	}
}

// Close flushes and closes the file.
func (l *fileConnLog) Close() error {
	err := l.w.Flush()
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("ifxtest: wire log %s: %w", l.name, err)
	}
	return nil
}

// writeHexLines writes b as lines of "  OOOOOOOO  xx xx … |ascii|".
func writeHexLines(w io.Writer, b []byte) {
	for off := 0; off < len(b); off += 16 {
		line := b[off:min(off+16, len(b))]
		var sb strings.Builder
		fmt.Fprintf(&sb, "  %08x ", off)
		for i := range 16 {
			if i == 8 {
				sb.WriteByte(' ')
			}
			if i < len(line) {
				fmt.Fprintf(&sb, " %02x", line[i])
			} else {
				sb.WriteString("   ")
			}
		}
		sb.WriteString("  |")
		for _, c := range line {
			if c >= 0x20 && c < 0x7f {
				sb.WriteByte(c)
			} else {
				sb.WriteByte('.')
			}
		}
		sb.WriteString("|\n")
		io.WriteString(w, sb.String())
	}
}

// maxWireChunk caps the length a chunk header of a parsed wire log may
// announce, so a damaged file cannot make ParseWireLog allocate much.
const maxWireChunk = 64 << 20

// ParseWireLog reads a file written by DirWireLog back into its chunks,
// in file order. It checks that each chunk's hex lines hold exactly the
// bytes its header announces.
func ParseWireLog(r io.Reader) ([]WireChunk, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	var chunks []WireChunk
	var cur *WireChunk
	want, lineNo := 0, 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "  "):
			if cur == nil {
				return nil, fmt.Errorf("ifxtest: wire log line %d: hex line before any chunk header", lineNo)
			}
			b, err := parseHexLine(line)
			if err != nil {
				return nil, fmt.Errorf("ifxtest: wire log line %d: %w", lineNo, err)
			}
			cur.Data = append(cur.Data, b...)
		default:
			if err := closeChunk(cur, want); err != nil {
				return nil, err
			}
			c, n, err := parseChunkHeader(line)
			if err != nil {
				return nil, fmt.Errorf("ifxtest: wire log line %d: %w", lineNo, err)
			}
			chunks = append(chunks, c)
			cur, want = &chunks[len(chunks)-1], n
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ifxtest: read wire log: %w", err)
	}
	if err := closeChunk(cur, want); err != nil {
		return nil, err
	}
	return chunks, nil
}

// closeChunk checks that c got the n bytes its header announced.
func closeChunk(c *WireChunk, n int) error {
	if c != nil && len(c.Data) != n {
		return fmt.Errorf("ifxtest: wire log chunk %s offset %d: header says %d bytes, hex lines hold %d",
			c.Dir, c.Offset, n, len(c.Data))
	}
	return nil
}

// parseChunkHeader reads "DIR offset N (L bytes)".
func parseChunkHeader(line string) (WireChunk, int, error) {
	var label string
	var off int64
	var n int
	if _, err := fmt.Sscanf(line, "%s offset %d (%d bytes)", &label, &off, &n); err != nil {
		return WireChunk{}, 0, fmt.Errorf("chunk header %q: %w", line, err)
	}
	if n < 0 || n > maxWireChunk {
		return WireChunk{}, 0, fmt.Errorf("chunk header %q: length outside 0..%d", line, maxWireChunk)
	}
	for d, s := range dirLabels {
		if s == label {
			return WireChunk{Dir: d, Offset: off}, n, nil
		}
	}
	return WireChunk{}, 0, fmt.Errorf("chunk header %q: unknown direction %q", line, label)
}

// parseHexLine returns the bytes of one hex line: the pairs between the
// offset field and the "|" that starts the ASCII column.
func parseHexLine(line string) ([]byte, error) {
	fields := strings.Fields(line)
	if len(fields) < 2 {
		return nil, fmt.Errorf("hex line %q has no bytes", line)
	}
	var out []byte
	for _, f := range fields[1:] {
		if strings.HasPrefix(f, "|") {
			break
		}
		b, err := hex.DecodeString(f)
		if err != nil || len(b) != 1 {
			return nil, fmt.Errorf("hex line %q: %q is not one hex byte", line, f)
		}
		out = append(out, b[0])
	}
	return out, nil
}

// loggedConn passes a connection's reads and writes to a ConnLog.
type loggedConn struct {
	net.Conn
	log          ConnLog
	mu           sync.Mutex
	read, wrote  int64
	closeLogOnce sync.Once
}

// Read reads from the connection and logs what arrived.
func (c *loggedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.mu.Lock()
		c.log.Chunk(FromClient, c.read, p[:n])
		c.read += int64(n)
		c.mu.Unlock()
	}
	return n, err
}

// Write writes to the connection and logs what left.
func (c *loggedConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	if n > 0 {
		c.mu.Lock()
		c.log.Chunk(ToClient, c.wrote, p[:n])
		c.wrote += int64(n)
		c.mu.Unlock()
	}
	return n, err
}

// urgent records an urgent byte read from the raw socket.
func (c *loggedConn) urgent(b byte) {
	c.mu.Lock()
	c.log.Chunk(UrgentFromClient, 0, []byte{b})
	c.mu.Unlock()
}

// closeLog closes the ConnLog once; the connection must be closed first,
// so that no Chunk call follows.
func (c *loggedConn) closeLog() error {
	var err error
	c.closeLogOnce.Do(func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		err = c.log.Close()
	})
	return err
}
