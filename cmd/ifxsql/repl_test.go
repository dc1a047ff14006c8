package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/term"
)

func TestCtrlCReader(t *testing.T) {
	c := &ctrlCReader{r: strings.NewReader("ab\x03cd\r")}
	// One byte at a time, so that the three bytes of a Ctrl-C leave in
	// separate reads.
	got, err := io.ReadAll(iotest.OneByteReader(c))
	if err != nil {
		t.Fatal(err)
	}
	if want := "ab\x05\x15\rcd\r"; string(got) != want {
		t.Errorf("read %q, want %q (Ctrl-C as Ctrl-E Ctrl-U Enter)", got, want)
	}
	if c.interrupts != 1 {
		t.Errorf("interrupts = %d, want 1", c.interrupts)
	}
}

// TestCtrlCAtPrompt runs term.Terminal over the reader: a Ctrl-C in the
// middle of a line ends ReadLine with an empty line taken as an
// interrupt, the characters typed before it are gone, and the next line
// reads normally. Ctrl-D on an empty line is io.EOF.
func TestCtrlCAtPrompt(t *testing.T) {
	c := &ctrlCReader{r: strings.NewReader("SELECT foo\x03SELECT 1;\r\x04")}
	tm := term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{c, &bytes.Buffer{}}, promptFirst)
	tm.History = &history{max: 10}
	steps := []struct {
		line      string
		interrupt bool
		err       error
	}{
		{"", true, nil},
		{"SELECT 1;", false, nil},
		{"", false, io.EOF},
	}
	for i, want := range steps {
		line, err := tm.ReadLine()
		if line != want.line || err != want.err {
			t.Fatalf("ReadLine %d: %q, %v; want %q, %v", i, line, err, want.line, want.err)
		}
		if got := c.takeInterrupt(line); got != want.interrupt {
			t.Errorf("ReadLine %d: takeInterrupt %v, want %v", i, got, want.interrupt)
		}
	}
	if got := lines(tm.History.(*history)); len(got) != 1 || got[0] != "SELECT 1;" {
		t.Errorf("history %q, want only the line entered", got)
	}
}
