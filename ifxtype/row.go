package ifxtype

import (
	"fmt"

	"github.com/go-informix/informix/sqli"
)

// Column is one column of a result description: its name, type and start
// position inside a fixed-layout row (SQ_DESCRIBE, SQLI.md §6.4).
type Column struct {
	Name  string
	Type  Type
	Start int32
}

// Sequential reports whether rows of these columns use the sequential
// layout, where each column follows the previous one and variable-length
// columns carry their own length: that is the case as soon as one column
// has raw base code 13, 16, 40, 41, 43 or 46. BOOLEAN (45) alone does not
// switch it (SQLI.md §6.12, TYPES.md §3.3; [J+D] S3).
func Sequential(cols []Column) bool {
	for _, c := range cols {
		switch c.Type.Code.Base() {
		case sqli.TypeVarChar, sqli.TypeNVarChar, sqli.TypeUDTVar, sqli.TypeUDTFixed,
			sqli.TypeLVarChar, sqli.TypeImpExp:
			return true
		}
	}
	return false
}

// RowLayout splits and decodes the rows of one result.
type RowLayout struct {
	cols       []Column
	codecs     []Codec
	sequential bool
}

// NewRowLayout prepares the layout of rows with these columns, or fails if
// a column has a type without a codec.
func NewRowLayout(cols []Column) (*RowLayout, error) {
	l := &RowLayout{cols: cols, codecs: make([]Codec, len(cols)), sequential: Sequential(cols)}
	for i, c := range cols {
		codec, err := CodecFor(c.Type)
		if err != nil {
			return nil, fmt.Errorf("column %d (%s): %w", i+1, c.Name, err)
		}
		l.codecs[i] = codec
	}
	return l, nil
}

// Sequential reports whether the rows use the sequential layout.
func (l *RowLayout) Sequential() bool { return l.sequential }

// Columns returns the columns of the layout.
func (l *RowLayout) Columns() []Column { return l.cols }

// Codec returns the codec of column i.
func (l *RowLayout) Codec(i int) Codec { return l.codecs[i] }

// Split cuts a row payload into one byte slice per column, appended to out.
// In a fixed-layout row each column runs from its start position to the
// next column's (to the payload's end for the last), which is how JDBC
// sizes fixed rows and sidesteps the floating-DECIMAL width question
// (TYPES.md §2.2 [?]); in a sequential row each codec measures its value.
// The slices alias data.
func (l *RowLayout) Split(data []byte, out [][]byte) ([][]byte, error) {
	if l.sequential {
		return l.splitSequential(data, out)
	}
	for i, c := range l.cols {
		end := int64(len(data))
		if i+1 < len(l.cols) {
			end = int64(l.cols[i+1].Start)
		}
		start := int64(c.Start)
		if start < 0 || start > end || end > int64(len(data)) {
			return out, fmt.Errorf("ifxtype: column %d (%s) at bytes %d..%d of a %d-byte row", i+1, c.Name, start, end, len(data))
		}
		out = append(out, data[start:end:end])
	}
	return out, nil
}

func (l *RowLayout) splitSequential(data []byte, out [][]byte) ([][]byte, error) {
	off := 0
	for i, c := range l.cols {
		n, err := l.codecs[i].RowSize(c.Type, data[off:], true)
		if err != nil {
			return out, fmt.Errorf("ifxtype: column %d (%s): %w", i+1, c.Name, err)
		}
		if n < 0 || n > len(data)-off {
			return out, fmt.Errorf("ifxtype: column %d (%s) needs %d bytes, %d left in the row", i+1, c.Name, n, len(data)-off)
		}
		out = append(out, data[off:off+n:off+n])
		off += n
	}
	if off != len(data) {
		return out, fmt.Errorf("ifxtype: %d bytes left after the last column of the row", len(data)-off)
	}
	return out, nil
}

// Decode decodes a whole row payload into dst, one value per column.
func (l *RowLayout) Decode(data []byte, dst []any, cs CodeSet) error {
	if len(dst) != len(l.cols) {
		return fmt.Errorf("ifxtype: %d destinations for %d columns", len(dst), len(l.cols))
	}
	parts, err := l.Split(data, make([][]byte, 0, len(l.cols)))
	if err != nil {
		return err
	}
	for i, b := range parts {
		v, err := l.codecs[i].DecodeRow(l.cols[i].Type, b, l.sequential, cs)
		if err != nil {
			return fmt.Errorf("ifxtype: decode column %d (%s, %s): %w", i+1, l.cols[i].Name, l.cols[i].Type.SQLName(), err)
		}
		dst[i] = v
	}
	return nil
}

// AppendRow encodes one row of values for these columns (the server side of
// Decode), laying them out fixed or sequential as Sequential decides.
func (l *RowLayout) AppendRow(dst []byte, vals []any, cs CodeSet) ([]byte, error) {
	if len(vals) != len(l.cols) {
		return dst, fmt.Errorf("ifxtype: %d values for %d columns", len(vals), len(l.cols))
	}
	for i, v := range vals {
		var err error
		dst, err = l.codecs[i].AppendRow(dst, l.cols[i].Type, v, l.sequential, cs)
		if err != nil {
			return dst, fmt.Errorf("ifxtype: encode column %d (%s, %s): %w", i+1, l.cols[i].Name, l.cols[i].Type.SQLName(), err)
		}
	}
	return dst, nil
}
