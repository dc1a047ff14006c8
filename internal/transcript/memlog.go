package transcript

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/go-informix/informix/ifxtest"
)

// MemLog is an ifxtest.WireLog that keeps every connection's bytes in
// memory, so that a test can render what a client sent and received. The
// zero MemLog is ready to use and safe for concurrent use.
type MemLog struct {
	mu    sync.Mutex
	conns map[uint64]*memConn
}

// memConn is the log of one connection.
type memConn struct {
	mu     sync.Mutex
	chunks []ifxtest.WireChunk
}

// Connection implements ifxtest.WireLog.
func (l *MemLog) Connection(id uint64, _ string) ifxtest.ConnLog {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conns == nil {
		l.conns = map[uint64]*memConn{}
	}
	c := &memConn{}
	l.conns[id] = c
	return c
}

// Chunk implements ifxtest.ConnLog, keeping a copy of b.
func (c *memConn) Chunk(dir ifxtest.Direction, offset int64, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.chunks = append(c.chunks, ifxtest.WireChunk{Dir: dir, Offset: offset, Data: bytes.Clone(b)})
}

// Close implements ifxtest.ConnLog.
func (c *memConn) Close() error { return nil }

// Render renders connection id's bytes so far (1 for the first accepted)
// as Render does, or fails when there is no such connection.
func (l *MemLog) Render(id uint64) ([]string, error) {
	l.mu.Lock()
	c := l.conns[id]
	l.mu.Unlock()
	if c == nil {
		return nil, fmt.Errorf("transcript: no wire log of connection %d", id)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return Render(c.chunks)
}

// ReadGolden reads a golden transcript file (conformance/testdata) into
// the lines of each of its connections, without its comment lines.
func ReadGolden(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var conns [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		switch l := sc.Text(); {
		case strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "== connection"):
			conns = append(conns, nil)
		case len(conns) > 0:
			conns[len(conns)-1] = append(conns[len(conns)-1], l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("transcript: read %s: %w", path, err)
	}
	return conns, nil
}

// Diff compares two transcripts line by line and returns a description of
// each of the first max differing lines, labelled with the names of the
// two sides, and the number of lines that differ.
func Diff(wantName string, want []string, gotName string, got []string, max int) (diffs []string, n int) {
	for i := range len(want) + len(got) {
		if i >= len(want) && i >= len(got) {
			break
		}
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w == g {
			continue
		}
		if n++; n <= max {
			diffs = append(diffs, fmt.Sprintf("line %d:\n%s: %s\n%s: %s", i+1, wantName, clip(w), gotName, clip(g)))
		}
	}
	return diffs, n
}

// clip shortens a transcript line for an error message.
func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
