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
	cells      []cellDecoder // the prepared decoders of the columns, nil where the codec has none
	widths     []int         // the width of each column in a sequential row, or -1 when its values carry their length
	sequential bool
}

// fixedWidther is implemented by the codecs whose values take the same
// number of bytes in every sequential row of a type: rowWidth returns it,
// or false when t is not a valid type of the codec (whose RowSize then
// reports the error).
type fixedWidther interface {
	rowWidth(t Type) (int, bool)
}

// cellDecoder decodes the cells of a column: decodeCell is DecodeRow (of
// either row layout) of type t, with the value boxed in a (by Go when a
// is nil). The codecs whose cells need nothing prepared implement it
// themselves.
type cellDecoder interface {
	decodeCell(t *Type, b []byte, cs CodeSet, a *Arena) (any, error)
}

// columnPreparer is implemented by the codecs that validate a column's
// type once, when a RowLayout is made, rather than at every cell:
// prepareColumn returns the decoder of the column's cells, or false when
// t is not a valid type of the codec (DecodeRow then reports the error at
// each cell, as for a codec without it).
type columnPreparer interface {
	prepareColumn(t Type) (cellDecoder, bool)
}

// NewRowLayout prepares the layout of rows with these columns, or fails if
// a column has a type without a codec.
func NewRowLayout(cols []Column) (*RowLayout, error) {
	l := &RowLayout{cols: cols, codecs: make([]Codec, len(cols)), cells: make([]cellDecoder, len(cols)),
		widths: make([]int, len(cols)), sequential: Sequential(cols)}
	for i, c := range cols {
		codec, err := CodecFor(c.Type)
		if err != nil {
			return nil, fmt.Errorf("column %d (%s): %w", i+1, c.Name, err)
		}
		l.codecs[i] = codec
		switch cd := codec.(type) {
		case columnPreparer:
			if prepared, ok := cd.prepareColumn(c.Type); ok {
				l.cells[i] = prepared
			}
		case cellDecoder:
			l.cells[i] = cd
		}
		l.widths[i] = -1
		if fw, ok := codec.(fixedWidther); ok {
			if w, ok := fw.rowWidth(c.Type); ok {
				l.widths[i] = w
			}
		}
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
	off := 0
	for i := range l.cols {
		b, next, err := l.column(data, i, off)
		if err != nil {
			return out, err
		}
		out = append(out, b)
		off = next
	}
	return out, l.checkEnd(data, off)
}

// column returns the bytes of column i of the row data, which starts at
// off in a sequential row, and the offset of the next column.
func (l *RowLayout) column(data []byte, i, off int) ([]byte, int, error) {
	c := &l.cols[i]
	if !l.sequential {
		end := int64(len(data))
		if i+1 < len(l.cols) {
			end = int64(l.cols[i+1].Start)
		}
		start := int64(c.Start)
		if start < 0 || start > end || end > int64(len(data)) {
			return nil, 0, fmt.Errorf("ifxtype: column %d (%s) at bytes %d..%d of a %d-byte row", i+1, c.Name, start, end, len(data))
		}
		return data[start:end:end], 0, nil
	}
	n := l.widths[i]
	if n < 0 {
		var err error
		if n, err = l.codecs[i].RowSize(c.Type, data[off:], true); err != nil {
			return nil, 0, fmt.Errorf("ifxtype: column %d (%s): %w", i+1, c.Name, err)
		}
	}
	if n < 0 || n > len(data)-off {
		return nil, 0, fmt.Errorf("ifxtype: column %d (%s) needs %d bytes, %d left in the row", i+1, c.Name, n, len(data)-off)
	}
	return data[off : off+n : off+n], off + n, nil
}

// checkEnd refuses bytes after the last column of a sequential row, which
// ends at off.
func (l *RowLayout) checkEnd(data []byte, off int) error {
	if l.sequential && off != len(data) {
		return fmt.Errorf("ifxtype: %d bytes left after the last column of the row", len(data)-off)
	}
	return nil
}

// Decode decodes a whole row payload into dst, one value per column, cut
// as Split cuts it.
func (l *RowLayout) Decode(data []byte, dst []any, cs CodeSet) error {
	return l.DecodeArena(data, dst, cs, nil)
}

// DecodeArena is Decode with the values boxed in a (see Arena), without
// an allocation per value for the types an Arena holds: the integer
// types, FLOAT, DATE, DECIMAL, MONEY, DATETIME and the character types;
// the others are boxed by Go. A nil a boxes every value by Go.
func (l *RowLayout) DecodeArena(data []byte, dst []any, cs CodeSet, a *Arena) error {
	if len(dst) != len(l.cols) {
		return fmt.Errorf("ifxtype: %d destinations for %d columns", len(dst), len(l.cols))
	}
	off := 0
	for i := range l.cols {
		b, next, err := l.column(data, i, off)
		if err != nil {
			return err
		}
		var v any
		if cd := l.cells[i]; cd != nil {
			v, err = cd.decodeCell(&l.cols[i].Type, b, cs, a)
		} else {
			v, err = l.codecs[i].DecodeRow(l.cols[i].Type, b, l.sequential, cs)
		}
		if err != nil {
			return fmt.Errorf("ifxtype: decode column %d (%s, %s): %w", i+1, l.cols[i].Name, l.cols[i].Type.SQLName(), err)
		}
		dst[i] = v
		off = next
	}
	return l.checkEnd(data, off)
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
