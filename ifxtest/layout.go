package ifxtest

import (
	"fmt"
	"math"
	"slices"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/sqli"
)

// layOut fills in the statement's column start positions and tuple size,
// and prepares its row encoder.
//
// In a fixed-layout row each column takes its declared width and starts
// where the previous one ends; that is what start positions describe and
// how JDBC slices fixed rows (TYPES.md §2.2, §3.3). In a sequential row
// (any VARCHAR-like column, ifxtype.Sequential) values are compacted, and
// the start positions and the tuple size describe the longest possible
// row: each column at its maximum width [I: SQLI.md §6.4 calls the tuple
// size the "maximum row length"]. A column whose type has no codec is a
// bug in the engine, reported as an error.
func layOut(s *stmt) error {
	if len(s.st.Columns) == 0 {
		return nil
	}
	cols := slices.Clone(s.st.Columns)
	seq := ifxtype.Sequential(cols)
	var start int64
	for i := range cols {
		w, err := columnWidth(cols[i].Type, seq)
		if err != nil {
			return fmt.Errorf("describe column %d (%s, %s): %w", i+1, cols[i].Name, cols[i].Type.SQLName(), err)
		}
		cols[i].Start = int32(min(start, math.MaxInt32))
		start += int64(w)
	}
	layout, err := ifxtype.NewRowLayout(cols)
	if err != nil {
		return fmt.Errorf("describe: %w", err)
	}
	s.cols, s.layout, s.tuple = cols, layout, int32(min(start, math.MaxInt32))
	return nil
}

// columnWidth returns the most bytes a value of type t takes in a row of
// the given layout (TYPES.md §3.3): VARCHAR and NVARCHAR a length byte and
// their maximum; the "5 + length" family (40, 41, 43, 45, 46) a flag byte,
// an i32 length and their declared length; every other type its fixed
// width, which is the width of its NULL form.
func columnWidth(t ifxtype.Type, sequential bool) (int, error) {
	if sequential {
		switch t.Code.Base() {
		case sqli.TypeVarChar, sqli.TypeNVarChar:
			m, _ := t.VarCharMax()
			return 1 + m, nil
		case sqli.TypeUDTVar, sqli.TypeUDTFixed, sqli.TypeLVarChar, sqli.TypeBoolean, sqli.TypeImpExp:
			return 5 + int(max(t.Length, 0)), nil
		}
	}
	codec, err := ifxtype.CodecFor(t)
	if err != nil {
		return 0, err
	}
	b, err := codec.AppendRow(nil, t, nil, sequential, ifxtype.Latin1)
	if err != nil {
		return 0, err
	}
	return len(b), nil
}
