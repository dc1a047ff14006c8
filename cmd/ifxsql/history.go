package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// historyMax is how many lines the history keeps.
const historyMax = 1000

// history is the line history of the interactive prompt, as
// golang.org/x/term's Terminal uses it (term.History): the lines entered,
// most recent first for At. It drops blank lines and a line equal to the
// one before it, keeps at most max lines in memory, and appends each line
// it keeps to file when there is one.
type history struct {
	lines []string // oldest first
	max   int
	file  io.WriteCloser
}

// Add records a line entered at the prompt.
func (h *history) Add(line string) {
	if strings.TrimSpace(line) == "" || (len(h.lines) > 0 && h.lines[len(h.lines)-1] == line) {
		return
	}
	h.lines = append(h.lines, line)
	if len(h.lines) > h.max {
		h.lines = append(h.lines[:0], h.lines[len(h.lines)-h.max:]...)
	}
	if h.file != nil {
		if _, err := io.WriteString(h.file, line+"\n"); err != nil {
			h.file = nil // keep going in memory; the error would interrupt the prompt
		}
	}
}

// Len returns the number of lines held.
func (h *history) Len() int { return len(h.lines) }

// At returns the line i places back from the most recent (0).
func (h *history) At(i int) string { return h.lines[len(h.lines)-1-i] }

// close closes the history file, if any.
func (h *history) close() error {
	if h.file == nil {
		return nil
	}
	return h.file.Close()
}

// openHistory returns a history that starts with the last historyMax
// lines of path and appends to it (created with mode 0600: statements may
// hold private data). An empty path keeps the history in memory only. If
// the file cannot be read or written, the history is kept in memory and
// the error says why.
func openHistory(path string) (*history, error) {
	h := &history{max: historyMax}
	if path == "" {
		return h, nil
	}
	if err := h.load(path); err != nil {
		return h, fmt.Errorf("history %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return h, fmt.Errorf("history %s: %w", path, err)
	}
	h.file = f
	return h, nil
}

// load reads the lines of path into h, the last h.max of them; a missing
// file is an empty history.
func (h *history) load(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		h.Add(sc.Text())
	}
	return sc.Err()
}
