package main

import (
	"fmt"
	"strings"
)

// lexState says what the SQL text being read is in at a given byte: code,
// a string, or a comment. Informix SQL has '…' and "…" strings (a doubled
// quote inside one is the quote itself), "--" comments to the end of the
// line, and "{ … }" and "/* … */" comments that may span lines (IBM Guide
// to SQL: Syntax, "How to enter SQL comments").
type lexState uint8

// The states of lexState.
const (
	inCode lexState = iota
	inSingle
	inDouble
	inLineComment
	inBrace
	inBlock
)

// describe names a state for error messages.
func (st lexState) describe() string {
	switch st {
	case inSingle:
		return "a '…' string"
	case inDouble:
		return `a "…" string`
	case inBrace:
		return "a { … } comment"
	case inBlock:
		return "a /* … */ comment"
	}
	return "code"
}

// step reads the byte (or two-byte comment delimiter) of text at i in state
// st and returns the state after it and the number of bytes read. A
// doubled quote inside a string reads as the string ending and a new one
// starting at once, which splits text at the same places as reading the
// pair as one quote character.
func (st lexState) step(text string, i int) (lexState, int) {
	c := text[i]
	two := i+1 < len(text)
	switch st {
	case inCode:
		switch {
		case c == '\'':
			return inSingle, 1
		case c == '"':
			return inDouble, 1
		case c == '{':
			return inBrace, 1
		case c == '-' && two && text[i+1] == '-':
			return inLineComment, 2
		case c == '/' && two && text[i+1] == '*':
			return inBlock, 2
		}
	case inSingle:
		if c == '\'' {
			return inCode, 1
		}
	case inDouble:
		if c == '"' {
			return inCode, 1
		}
	case inLineComment:
		if c == '\n' {
			return inCode, 1
		}
	case inBrace:
		if c == '}' {
			return inCode, 1
		}
	case inBlock:
		if c == '*' && two && text[i+1] == '/' {
			return inCode, 2
		}
	}
	return st, 1
}

// statement is one SQL statement cut from the input, with the line of the
// input it starts on (1-based) for messages.
type statement struct {
	text string
	line int
}

// splitter cuts SQL text, fed to it a piece at a time, into statements at
// each ';' that is outside strings and comments. Invariants: buf holds the
// text of the statement being read, without leading blanks and comments;
// state is the lexState at the end of buf; hasCode is set once buf holds
// code (anything but blanks and comments); line is the number of the line
// the next byte fed belongs to.
type splitter struct {
	buf     strings.Builder
	state   lexState
	hasCode bool
	start   int
	line    int
}

// newSplitter returns a splitter whose first line is line 1.
func newSplitter() *splitter { return &splitter{line: 1} }

// Feed reads text, which continues what was fed before, and returns the
// statements it completes, trimmed, without their ';'. Statements that
// hold only blanks and comments are dropped.
func (s *splitter) Feed(text string) []statement {
	var out []statement
	for i := 0; i < len(text); {
		c := text[i]
		if s.state == inCode && c == ';' {
			if st, ok := s.current(); ok {
				out = append(out, st)
			}
			s.reset()
			i++
			continue
		}
		next, n := s.state.step(text, i)
		s.keep(text[i:i+n], next)
		s.state = next
		s.line += strings.Count(text[i:i+n], "\n")
		i += n
	}
	return out
}

// keep adds piece, read in the current state and leading to state next, to
// the statement, unless it is a blank or a comment before the statement's
// first code.
func (s *splitter) keep(piece string, next lexState) {
	code := s.state == inCode && next != inLineComment && next != inBrace && next != inBlock &&
		strings.TrimSpace(piece) != ""
	if !s.hasCode && !code {
		return
	}
	if !s.hasCode {
		s.hasCode, s.start = true, s.line
	}
	s.buf.WriteString(piece)
}

// reset forgets the statement being read; the line count goes on.
func (s *splitter) reset() {
	s.buf.Reset()
	s.state, s.hasCode, s.start = inCode, false, 0
}

// Skip counts the lines of text, read by someone else (a backslash
// command), so that later statements get their right line numbers.
func (s *splitter) Skip(text string) { s.line += strings.Count(text, "\n") }

// Discard drops the statement being read, as Ctrl-C at the prompt does.
func (s *splitter) Discard() { s.reset() }

// Pending reports whether a statement has begun and not ended, or a string
// or comment is open: more input is needed before the next statement.
func (s *splitter) Pending() bool {
	return s.hasCode || (s.state != inCode && s.state != inLineComment)
}

// AtStatementStart reports whether nothing of a statement has been read
// and no string or comment is open, so that a line fed now starts afresh
// (the place where a backslash command may stand).
func (s *splitter) AtStatementStart() bool { return !s.Pending() }

// End is called at the end of the input. It returns the last statement
// when it lacks its ';' (as "-c 'SELECT 1'" does), or an error when the
// input ends inside a string or a block comment.
func (s *splitter) End() (statement, bool, error) {
	defer s.reset()
	switch s.state {
	case inSingle, inDouble, inBrace, inBlock:
		return statement{}, false, fmt.Errorf("the input ends inside %s begun in the statement at line %d",
			s.state.describe(), s.startOrLine())
	}
	st, ok := s.current()
	return st, ok, nil
}

// current returns the statement read so far, trimmed, and whether it has
// any text: a statement of Unicode blanks (U+00A0), which keep takes for
// code byte by byte, has none.
func (s *splitter) current() (statement, bool) {
	text := strings.TrimSpace(s.buf.String())
	return statement{text: text, line: s.start}, s.hasCode && text != ""
}

// startOrLine returns the line the open statement began on, or the
// current line when only a comment is open.
func (s *splitter) startOrLine() int {
	if s.hasCode {
		return s.start
	}
	return s.line
}

// words returns the words (runs of letters, digits, '_' and '$') of sql
// that are outside strings and comments, upper-cased, at most max of them
// (all when max is 0).
func words(sql string, max int) []string {
	var out []string
	st := inCode
	for i := 0; i < len(sql); {
		if st == inCode && isWordByte(sql[i]) {
			j := i
			for j < len(sql) && isWordByte(sql[j]) {
				j++
			}
			out = append(out, strings.ToUpper(sql[i:j]))
			if len(out) == max {
				return out
			}
			i = j
			continue
		}
		var n int
		st, n = st.step(sql, i)
		i += n
	}
	return out
}

// isWordByte reports whether c may be part of an SQL word. Bytes of
// non-ASCII letters count, so a word is never cut inside a UTF-8 sequence.
func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
