package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// resultWriter writes the results of statements in one output format. A
// result is written as begin, row for each row, then end, or abort when
// fetching the rows failed part way (what was held back is written, and
// nothing that would make the output look complete). A writer is used for
// one result at a time.
type resultWriter interface {
	begin(cols []column) error
	row(vals []any) error
	end(rows int64) error
	abort() error
}

// The output formats of -o.
const (
	formatTable = "table"
	formatCSV   = "csv"
	formatJSON  = "json"
)

// newResultWriter returns the writer of format, writing to w; null is the
// text of NULL in table and CSV output, vertical selects the one-line-per-
// column form of table output.
func newResultWriter(format string, w io.Writer, null string, vertical bool) (resultWriter, error) {
	switch format {
	case formatTable:
		if vertical {
			return &verticalWriter{w: w, null: null}, nil
		}
		return &tableWriter{w: w, null: null, hold: tableHold}, nil
	case formatCSV:
		return &csvWriter{w: w, null: null}, nil
	case formatJSON:
		return &jsonWriter{w: w}, nil
	}
	return nil, fmt.Errorf("unknown output format %q (want table, csv or json)", format)
}

// rowCount returns "(1 row)" or "(N rows)", the footer of table output.
func rowCount(n int64) string {
	if n == 1 {
		return "(1 row)"
	}
	return "(" + strconv.FormatInt(n, 10) + " rows)"
}

// tableHold is how many rows table output holds back to size its columns.
const tableHold = 1000

// tableWriter writes a result as aligned columns under a header, with
// " | " between columns and a "(N rows)" footer, as psql does. Numbers are
// aligned right, everything else left; control characters in text are
// escaped (see visible). To keep memory bounded, the column widths are
// set by the header and the first hold rows; a later, wider value widens
// its own line only.
type tableWriter struct {
	w      io.Writer
	null   string
	hold   int
	cols   []column
	held   [][]string
	widths []int // nil until the header is written
}

// begin starts a result; nothing is written until the widths are known.
func (t *tableWriter) begin(cols []column) error {
	t.cols, t.held, t.widths = cols, t.held[:0], nil
	return nil
}

// row holds the row back while the widths are being set, else writes it.
func (t *tableWriter) row(vals []any) error {
	cells := make([]string, len(vals))
	for i, v := range vals {
		s, null := t.cols[i].text(v)
		if null {
			s = t.null
		}
		cells[i] = visible(s)
	}
	if t.widths != nil {
		return t.line(cells)
	}
	t.held = append(t.held, cells)
	if len(t.held) < t.hold {
		return nil
	}
	return t.flushHeld()
}

// flushHeld sizes the columns from the header and the held rows, and
// writes them.
func (t *tableWriter) flushHeld() error {
	t.widths = make([]int, len(t.cols))
	names := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i] = visible(c.name)
		t.widths[i] = displayWidth(names[i])
	}
	for _, cells := range t.held {
		for i, s := range cells {
			t.widths[i] = max(t.widths[i], displayWidth(s))
		}
	}
	if err := t.line(names); err != nil {
		return err
	}
	rule := make([]string, len(t.widths))
	for i, w := range t.widths {
		rule[i] = strings.Repeat("-", w)
	}
	if _, err := io.WriteString(t.w, strings.Join(rule, "-+-")+"\n"); err != nil {
		return err
	}
	for _, cells := range t.held {
		if err := t.line(cells); err != nil {
			return err
		}
	}
	t.held = t.held[:0]
	return nil
}

// line writes one row of cells padded to the column widths; the last
// column, when aligned left, is not padded, and when it is empty the
// separator before it loses its blank, so that no line ends in blanks
// that are not data.
func (t *tableWriter) line(cells []string) error {
	var b strings.Builder
	for i, s := range cells {
		if i > 0 {
			b.WriteString(" | ")
		}
		pad := strings.Repeat(" ", max(0, t.widths[i]-displayWidth(s)))
		switch {
		case t.cols[i].numeric:
			b.WriteString(pad + s)
		case i == len(cells)-1 && s == "":
			trimmed := strings.TrimSuffix(b.String(), " ")
			b.Reset()
			b.WriteString(trimmed)
		case i == len(cells)-1:
			b.WriteString(s)
		default:
			b.WriteString(s + pad)
		}
	}
	b.WriteByte('\n')
	_, err := io.WriteString(t.w, b.String())
	return err
}

// end writes what is held back, then the "(N rows)" footer.
func (t *tableWriter) end(rows int64) error {
	if t.widths == nil {
		if err := t.flushHeld(); err != nil {
			return err
		}
	}
	_, err := io.WriteString(t.w, rowCount(rows)+"\n")
	return err
}

// abort writes the rows held back, without a footer.
func (t *tableWriter) abort() error {
	if t.widths == nil && len(t.held) > 0 {
		return t.flushHeld()
	}
	return nil
}

// verticalWriter writes each row as one "name | value" line per column
// under a "-[ RECORD n ]" line, as psql's expanded mode (\x) does, and a
// "(N rows)" footer.
type verticalWriter struct {
	w     io.Writer
	null  string
	cols  []column
	names []string // padded to the widest name
	n     int64
}

// begin pads the column names to the widest.
func (v *verticalWriter) begin(cols []column) error {
	v.cols, v.n = cols, 0
	v.names = make([]string, len(cols))
	w := 0
	for _, c := range cols {
		w = max(w, displayWidth(visible(c.name)))
	}
	for i, c := range cols {
		name := visible(c.name)
		v.names[i] = name + strings.Repeat(" ", w-displayWidth(name))
	}
	return nil
}

// row writes one record: its heading, then a line per column.
func (v *verticalWriter) row(vals []any) error {
	v.n++
	var b strings.Builder
	fmt.Fprintf(&b, "-[ RECORD %d ]\n", v.n)
	for i, val := range vals {
		s, null := v.cols[i].text(val)
		if null {
			s = v.null
		}
		b.WriteString(v.names[i] + " |")
		if s != "" {
			b.WriteString(" " + visible(s))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(v.w, b.String())
	return err
}

// end writes the "(N rows)" footer.
func (v *verticalWriter) end(rows int64) error {
	_, err := io.WriteString(v.w, rowCount(rows)+"\n")
	return err
}

// abort writes nothing: every row is out already.
func (v *verticalWriter) abort() error { return nil }

// csvWriter writes a result as CSV (RFC 4180, through encoding/csv): a
// header record of the column names, then one record per row, NULL as
// the -null text (empty by default). Records end in "\n", encoding/csv's
// default, rather than RFC 4180's "\r\n": with UseCRLF encoding/csv would
// also turn each "\n" inside a value into "\r\n", changing the data.
type csvWriter struct {
	w    io.Writer
	null string
	cw   *csv.Writer
	cols []column
}

// begin writes the header record.
func (c *csvWriter) begin(cols []column) error {
	c.cw, c.cols = csv.NewWriter(c.w), cols
	names := make([]string, len(cols))
	for i, col := range cols {
		names[i] = col.name
	}
	return c.cw.Write(names)
}

// row writes one record.
func (c *csvWriter) row(vals []any) error {
	rec := make([]string, len(vals))
	for i, v := range vals {
		s, null := c.cols[i].text(v)
		if null {
			s = c.null
		}
		rec[i] = s
	}
	return c.cw.Write(rec)
}

// end flushes the records; CSV has no footer.
func (c *csvWriter) end(int64) error { return c.abort() }

// abort flushes the records written so far.
func (c *csvWriter) abort() error {
	c.cw.Flush()
	return c.cw.Error()
}

// jsonWriter writes a result as one JSON array of objects, one object per
// row on a line of its own, keys in column order. A name that repeats an
// earlier column's (two "(count)" expressions) gets "_2", "_3", … so that
// every key of an object is distinct. An aborted result is left without
// its closing ']', so that it does not parse as a complete one.
type jsonWriter struct {
	w    io.Writer
	cols []column
	keys [][]byte
	n    int64
}

// begin works out the keys and opens the array.
func (j *jsonWriter) begin(cols []column) error {
	j.cols, j.n = cols, 0
	j.keys = make([][]byte, len(cols))
	seen := make(map[string]bool, len(cols))
	for i, c := range cols {
		key := c.name
		for k := 2; seen[key]; k++ {
			key = c.name + "_" + strconv.Itoa(k)
		}
		seen[key] = true
		j.keys[i] = jsonString(key)
	}
	_, err := io.WriteString(j.w, "[")
	return err
}

// row writes one object, after a comma for every row but the first.
func (j *jsonWriter) row(vals []any) error {
	b := []byte(",\n{")
	if j.n == 0 {
		b = b[1:]
	}
	j.n++
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(append(b, j.keys[i]...), ':'), j.cols[i].jsonValue(v)...)
	}
	_, err := j.w.Write(append(b, '}'))
	return err
}

// end closes the array.
func (j *jsonWriter) end(int64) error {
	tail := "\n]\n"
	if j.n == 0 {
		tail = "]\n"
	}
	_, err := io.WriteString(j.w, tail)
	return err
}

// abort ends the line, leaving the array open.
func (j *jsonWriter) abort() error {
	_, err := io.WriteString(j.w, "\n")
	return err
}
