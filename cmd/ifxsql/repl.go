package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"golang.org/x/term"
)

// The prompts: the first line of a statement, and the lines that continue
// it.
const (
	promptFirst    = "ifxsql> "
	promptContinue = "     -> "
)

// repl is the interactive loop on a terminal. The terminal is in raw mode
// while a line is read, so that golang.org/x/term's Terminal can edit it
// and walk the history, and back in its own (cooked) mode while a
// statement runs, so that Ctrl-C raises SIGINT, which cancels the
// statement's context: the driver then interrupts the statement on the
// server (doc.go, "Cancellation"; SQLI.md §7.9) and the session goes on.
type repl struct {
	s      *session
	fd     int
	cooked *term.State // the terminal's own mode
	t      *term.Terminal
	in     *ctrlCReader
	split  *splitter
	sigs   chan os.Signal
}

// runREPL runs the interactive loop with stdin, a terminal, for input and
// stdout for the prompt and the line being edited, until \q or Ctrl-D at
// an empty prompt.
func runREPL(ctx context.Context, s *session, stdin *os.File, stdout io.Writer, hist *history) error {
	fd := int(stdin.Fd())
	cooked, err := term.MakeRaw(fd)
	if err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	defer term.Restore(fd, cooked)
	in := &ctrlCReader{r: stdin}
	t := term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{in, stdout}, promptFirst)
	t.History = hist
	r := &repl{s: s, fd: fd, cooked: cooked, t: t, in: in, split: newSplitter(), sigs: make(chan os.Signal, 1)}
	signal.Notify(r.sigs, os.Interrupt)
	defer signal.Stop(r.sigs)
	return r.loop(ctx)
}

// loop reads lines and runs what they complete.
func (r *repl) loop(ctx context.Context) error {
	for {
		if w, h, err := term.GetSize(r.fd); err == nil && w > 0 && h > 0 {
			_ = r.t.SetSize(w, h) // cannot fail for a positive size
		}
		line, err := r.t.ReadLine()
		switch {
		case err == io.EOF:
			_, err := r.t.Write([]byte("\n")) // leave the shell's prompt a line of its own
			return err
		case err != nil && !errors.Is(err, term.ErrPasteIndicator):
			return fmt.Errorf("read the terminal: %w", err)
		}
		if r.in.takeInterrupt(line) {
			r.split.Discard()
		} else if quit := r.line(ctx, line); quit {
			return nil
		}
		prompt := promptFirst
		if r.split.Pending() {
			prompt = promptContinue
		}
		r.t.SetPrompt(prompt)
	}
}

// line handles one line of input: a backslash command at the start of a
// statement, or SQL text for the splitter, running each statement it
// completes. It returns true for \q. After a cancelled statement the rest
// of the line is dropped.
func (r *repl) line(ctx context.Context, line string) (quit bool) {
	if r.split.AtStatementStart() && isMeta(line) {
		err := r.whileCooked(ctx, func(ctx context.Context) error {
			return r.report(r.s.meta(ctx, line))
		})
		return errors.Is(err, errQuit)
	}
	for _, st := range r.split.Feed(line + "\n") {
		err := r.whileCooked(ctx, func(ctx context.Context) error {
			return r.report(r.s.run(ctx, st.text))
		})
		if errors.Is(err, context.Canceled) {
			return false
		}
	}
	return false
}

// report writes err, unless it is nil or errQuit, to the session's error
// output, and returns it. A cancellation starts on a new line: the
// terminal has just echoed ^C.
func (r *repl) report(err error) error {
	switch {
	case err == nil || errors.Is(err, errQuit):
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(r.s.errOut, "\n"+describeError(err))
	default:
		fmt.Fprintln(r.s.errOut, describeError(err))
	}
	return err
}

// whileCooked runs fn with the terminal in its own mode and a context
// that SIGINT (Ctrl-C) cancels, then puts the terminal back in raw mode.
// A signal left over from before is dropped first, so it cannot cancel
// fn.
func (r *repl) whileCooked(ctx context.Context, fn func(context.Context) error) error {
	if err := term.Restore(r.fd, r.cooked); err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	defer func() {
		if _, err := term.MakeRaw(r.fd); err != nil {
			fmt.Fprintln(r.s.errOut, "terminal:", err)
		}
	}()
	select {
	case <-r.sigs:
	default:
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-r.sigs:
			cancel()
		case <-done:
		}
	}()
	return fn(ctx)
}

// ctrlCReader reads the terminal's input for term.Terminal, turning each
// Ctrl-C (byte 3) into Ctrl-E Ctrl-U Enter: go to the end of the line,
// erase it, end it. term.Terminal.ReadLine returns io.EOF for Ctrl-C as
// for Ctrl-D, and keeps the input it had not used, Ctrl-C included, for
// its next call (golang.org/x/term v0.47.0, terminal.go readLine; the two
// keys cannot be told apart: golang/go#62385). With the translation,
// ReadLine returns an empty line instead, and interrupts counts the
// Ctrl-Cs whose empty line has not been taken yet.
type ctrlCReader struct {
	r          io.Reader
	rest       []byte
	err        error
	interrupts int
}

// Read implements io.Reader.
func (c *ctrlCReader) Read(p []byte) (int, error) {
	if len(c.rest) == 0 && c.err == nil {
		buf := make([]byte, max(len(p), 1))
		n, err := c.r.Read(buf)
		c.err = err
		for _, b := range buf[:n] {
			if b == 3 {
				c.interrupts++
				c.rest = append(c.rest, 5, 21, '\r')
				continue
			}
			c.rest = append(c.rest, b)
		}
	}
	if len(c.rest) == 0 {
		err := c.err
		c.err = nil
		return 0, err
	}
	n := copy(p, c.rest)
	c.rest = c.rest[n:]
	return n, nil
}

// takeInterrupt reports whether line, just returned by ReadLine, is the
// empty line of a Ctrl-C, and counts it as taken. An empty line the user
// entered just before a Ctrl-C may be taken for it; both clear the
// statement being typed either way, so the outcome is the same.
func (c *ctrlCReader) takeInterrupt(line string) bool {
	if c.interrupts == 0 || line != "" {
		return false
	}
	c.interrupts--
	return true
}
