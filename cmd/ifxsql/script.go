package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
)

// script runs the statements and backslash commands read from r, named
// name in messages ("-c", a file name, "stdin"), in order. A line that
// starts with '\' where a statement could start is a backslash command;
// the last statement needs no ';'. It stops at the first statement that
// fails, after writing "ifxsql: NAME:LINE: message" to the error output,
// and returns errReported; \q stops it with success.
func (s *session) script(ctx context.Context, r io.Reader, name string) error {
	sp := newSplitter()
	br := bufio.NewReader(r)
	for {
		line, rerr := br.ReadString('\n')
		if rerr != nil && rerr != io.EOF {
			return fmt.Errorf("read %s: %w", name, rerr)
		}
		if err := s.scriptLine(ctx, sp, line, name); err != nil {
			if errors.Is(err, errQuit) {
				return nil
			}
			return err
		}
		if rerr == io.EOF {
			break
		}
	}
	last, ok, err := sp.End()
	if err != nil {
		fmt.Fprintf(s.errOut, "ifxsql: %s: %v\n", name, err)
		return errReported
	}
	if ok {
		return s.scriptStatement(ctx, last, name)
	}
	return nil
}

// scriptLine runs one line of a script: a backslash command, or text for
// the splitter and the statements it completes.
func (s *session) scriptLine(ctx context.Context, sp *splitter, line, name string) error {
	if sp.AtStatementStart() && isMeta(line) {
		at := sp.line
		sp.Skip(line)
		err := s.meta(ctx, line)
		if err != nil && !errors.Is(err, errQuit) {
			fmt.Fprintf(s.errOut, "ifxsql: %s:%d: %v\n", name, at, describeError(err))
			return errReported
		}
		return err
	}
	for _, st := range sp.Feed(line) {
		if err := s.scriptStatement(ctx, st, name); err != nil {
			return err
		}
	}
	return nil
}

// scriptStatement runs one statement of a script and reports its error.
func (s *session) scriptStatement(ctx context.Context, st statement, name string) error {
	if err := s.run(ctx, st.text); err != nil {
		fmt.Fprintf(s.errOut, "ifxsql: %s:%d: %s\n", name, st.line, describeError(err))
		return errReported
	}
	return nil
}
