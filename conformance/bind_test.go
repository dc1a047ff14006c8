package conformance

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/internal/transcript"
	"github.com/go-informix/informix/sqli"
)

// jdbcTypesGolden is the golden transcript of JDBC's types scenario: the
// SQ_BIND values IBM's JDBC driver sent for every value of
// testdata/types.tsv, and the rows ifxtest answered (and JDBC read back as
// equal to what it sent, or the scenario would have failed).
const jdbcTypesGolden = "testdata/jdbc/types.golden"

// Bind statuses of bindStatus.
const (
	confirmed   = "confirmed: JDBC's type code, precision field and bytes equal ifxtype's"
	unconfirmed = "not confirmed: "
)

// bindStatus marks, per column type of types.tsv, what comparing ifxtype
// with JDBC 15.0.0.1.1's SQ_BIND bytes in testdata/jdbc/types.golden shows
// (TestJDBCBinds holds it). Every type of types.tsv must be listed
// (TestBindStatusComplete).
var bindStatus = map[string]string{
	"SMALLINT": confirmed, "INTEGER": confirmed, "INT8": confirmed, "BIGINT": confirmed,
	"SERIAL": confirmed, "SERIAL8": confirmed, "BIGSERIAL": confirmed,
	"SMALLFLOAT": confirmed, "FLOAT": confirmed,
	"DECIMAL(1,0)": confirmed, "DECIMAL(5,2)": confirmed, "DECIMAL(16)": confirmed,
	"DECIMAL(31,2)": confirmed, "DECIMAL(32,0)": confirmed, "DECIMAL(32,32)": confirmed,
	"MONEY(16,2)": confirmed + " (precision field 0)",
	"DATE":        confirmed,
	"DATETIME YEAR TO DAY": confirmed + " but for the width: JDBC's setDate binds qualifier YEAR TO SECOND " +
		"with the 11 bytes of YEAR TO FRACTION(5), zero-padded; ifxtype sends YEAR TO SECOND's 8, the same bytes unpadded",
	"DATETIME YEAR TO MINUTE":        confirmed + " (JDBC binds YEAR TO FRACTION(5))",
	"DATETIME YEAR TO SECOND":        confirmed + " (JDBC binds YEAR TO FRACTION(5))",
	"DATETIME YEAR TO FRACTION(3)":   confirmed + " (JDBC binds YEAR TO FRACTION(5))",
	"DATETIME YEAR TO FRACTION(5)":   confirmed,
	"DATETIME MONTH TO DAY":          confirmed + " (JDBC binds the String as CHAR)",
	"DATETIME HOUR TO MINUTE":        confirmed + " (JDBC binds HOUR TO SECOND)",
	"DATETIME HOUR TO SECOND":        confirmed,
	"INTERVAL YEAR(9) TO MONTH":      confirmed,
	"INTERVAL DAY(9) TO FRACTION(5)": confirmed,
	"INTERVAL HOUR TO SECOND":        confirmed + " (bound with the column's qualifier)",
	"INTERVAL DAY(3) TO SECOND":      confirmed + " (bound with the column's qualifier)",
	"CHAR(10)":                       confirmed + " (as CHAR)", "VARCHAR(255)": confirmed + " (as CHAR)",
	"NCHAR(10)": confirmed + " (as CHAR)", "NVARCHAR(100)": confirmed + " (as CHAR)",
	"LVARCHAR(32000)": confirmed + " (43 with empty owner and type name, i32 length)",
	"CHAR(20)":        confirmed + " (as CHAR)",
	"BOOLEAN":         confirmed + " (45 with empty owner and type name, precision 1, i32 length 1)",
}

// TestBindStatusComplete requires a bind status for every column type of
// testdata/types.tsv.
func TestBindStatusComplete(t *testing.T) {
	cases, err := loadCases(typesFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if _, ok := bindStatus[c.SQLType]; !ok {
			t.Errorf("case %d: no bindStatus entry for %s", c.ID, c.SQLType)
		}
	}
}

// wireCase is what the JDBC transcript shows for one case.
type wireCase struct {
	bind   *sqli.BindValue // the value bound for column v; nil if not seen
	col    ifxtype.Column  // column v as ifxtest described it
	row    any             // column v decoded by ifxtype from ifxtest's row
	rowErr error           // why the row could not be decoded
	seen   bool            // a row with this id was seen
}

// TestJDBCBinds holds ifxtype to IBM JDBC's bytes: for every non-NULL value
// of the types scenario, the ifxtype codec of the type code JDBC sent must
// produce, from the same value, the precision field and value bytes JDBC
// sent; and every row ifxtest sent must decode, with ifxtype, to the value
// JDBC read back (the value it sent).
//
// JDBC picks the type code from the column's description, except that it
// sends every Java String as CHAR (0) and every Timestamp, Date and Time as
// DATETIME with a qualifier of its own; the test follows JDBC's choice, so
// that it compares encodings, not choices.
func TestJDBCBinds(t *testing.T) {
	cases, err := loadCases(typesFile)
	if err != nil {
		t.Fatal(err)
	}
	wire, err := readJDBCTypes(jdbcTypesGolden, cases)
	if err != nil {
		t.Fatalf("%v (record it with go test ./conformance -update once every scenario passes)", err)
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d %s", c.ID, c.SQLType), func(t *testing.T) {
			w := wire[c.ID]
			if w == nil {
				t.Fatalf("case %d: no bind and no row in %s", c.ID, jdbcTypesGolden)
			}
			if c.Value != "NULL" {
				checkBind(t, c, w.bind)
			}
			checkRow(t, c, w)
		})
	}
}

// readJDBCTypes walks the transcript: SQ_PROTOCOLS answers set the
// features, an SQ_BIND of (id, v) records v's bind, an SQ_DESCRIBE of
// columns (id, v) sets the row layout, and each SQ_TUPLE after it is
// decoded with it.
func readJDBCTypes(path string, cases []typeCase) (map[int]*wireCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	byID := map[int]typeCase{}
	for _, c := range cases {
		byID[c.ID] = c
	}
	out := map[int]*wireCase{}
	get := func(id int) *wireCase {
		if out[id] == nil {
			out[id] = &wireCase{}
		}
		return out[id]
	}
	var feat sqli.Features
	var layout *ifxtype.RowLayout
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		dir, name, raw, ok := transcript.ParseLine(sc.Text())
		if !ok {
			if strings.HasPrefix(sc.Text(), "== connection") {
				feat, layout = sqli.Features{}, nil
			}
			continue
		}
		switch {
		case dir == "S" && name == "SQ_PROTOCOLS":
			var p sqli.Protocols
			if err := decodeMsg(raw, feat, &p); err != nil {
				return nil, err
			}
			feat = p.Features()
		case dir == "C" && name == "SQ_BIND":
			id, v, err := caseBind(raw, feat)
			if err != nil {
				return nil, err
			}
			if id > 0 {
				get(id).bind = v
			}
		case dir == "S" && name == "SQ_DESCRIBE":
			if layout, err = caseLayout(raw, feat); err != nil {
				return nil, err
			}
		case dir == "S" && name == "SQ_TUPLE" && layout != nil:
			if err := caseRow(raw, feat, layout, byID, get); err != nil {
				return nil, err
			}
		}
	}
	return out, sc.Err()
}

// decodeMsg decodes one message line's bytes, tag included, into m.
func decodeMsg(raw []byte, f sqli.Features, m sqli.Message) error {
	r := sqli.NewBytesReader(raw)
	r.Features = f
	if tag, err := r.ReadTag(); err != nil || tag != m.Tag() {
		return fmt.Errorf("decode %v: tag %v, %v", m.Tag(), tag, err)
	}
	if err := m.Decode(r); err != nil {
		return fmt.Errorf("decode %v: %w", m.Tag(), err)
	}
	if !r.AtEnd() {
		return fmt.Errorf("decode %v: %d bytes left over", m.Tag(), r.Buffered())
	}
	return nil
}

// caseBind returns the case id and the bound v of an SQ_BIND of the types
// scenario's INSERT (two values: id INTEGER, then v); id is 0 for any other
// SQ_BIND.
func caseBind(raw []byte, f sqli.Features) (int, *sqli.BindValue, error) {
	var b sqli.Bind
	if err := decodeMsg(raw, f, &b); err != nil {
		return 0, nil, err
	}
	if len(b.Values) != 2 || b.Values[0].Type.Base() != sqli.TypeInteger || len(b.Values[0].Data) != 4 {
		return 0, nil, nil
	}
	v := b.Values[1]
	v.Data = bytes.Clone(v.Data)
	return int(int32(binary.BigEndian.Uint32(b.Values[0].Data))), &v, nil
}

// caseLayout returns the row layout of a SELECT id, v, or nil for any
// other description.
func caseLayout(raw []byte, f sqli.Features) (*ifxtype.RowLayout, error) {
	var d sqli.Describe
	if err := decodeMsg(raw, f, &d); err != nil {
		return nil, err
	}
	if len(d.Columns) != 2 || d.Columns[0].Name != "id" || d.Columns[1].Name != "v" {
		return nil, nil
	}
	return describedLayout(&d)
}

// describedLayout returns the row layout of d's columns.
func describedLayout(d *sqli.Describe) (*ifxtype.RowLayout, error) {
	cols := make([]ifxtype.Column, len(d.Columns))
	for i, c := range d.Columns {
		cols[i] = ifxtype.Column{Name: c.Name, Start: c.Start, Type: ifxtype.Type{
			Code: c.Type, XID: c.XID, Owner: c.Owner, Name: c.TypeName, Length: c.Length}}
	}
	return ifxtype.NewRowLayout(cols)
}

// caseRow decodes one row (id, v): the id first, then v in the code set of
// the case's database.
func caseRow(raw []byte, f sqli.Features, l *ifxtype.RowLayout, byID map[int]typeCase, get func(int) *wireCase) error {
	var tp sqli.Tuple
	if err := decodeMsg(raw, f, &tp); err != nil {
		return err
	}
	parts, err := l.Split(tp.Data, nil)
	if err != nil {
		return fmt.Errorf("split row % x: %w", tp.Data, err)
	}
	cols := l.Columns()
	idv, err := l.Codec(0).DecodeRow(cols[0].Type, parts[0], l.Sequential(), ifxtype.Latin1)
	id, ok := idv.(int64)
	if err != nil || !ok {
		return fmt.Errorf("row id % x: %v %v", parts[0], idv, err)
	}
	c, known := byID[int(id)]
	if !known {
		return fmt.Errorf("row with id %d, which types.tsv lacks", id)
	}
	w := get(int(id))
	w.seen, w.col = true, cols[1]
	w.row, w.rowErr = l.Codec(1).DecodeRow(cols[1].Type, parts[1], l.Sequential(), c.CodeSet())
	return nil
}

// checkBind compares JDBC's bind of a case with ifxtype's.
func checkBind(t *testing.T, c typeCase, got *sqli.BindValue) {
	t.Helper()
	if got == nil {
		t.Errorf("no SQ_BIND of case %d in %s", c.ID, jdbcTypesGolden)
		return
	}
	if got.Indicator != sqli.IndicatorValue {
		t.Errorf("JDBC sent indicator %d for %q", got.Indicator, c.Value)
		return
	}
	codec, err := ifxtype.CodecFor(ifxtype.Type{Code: got.Type})
	if err != nil {
		t.Fatalf("JDBC's type code %d: %v", uint16(got.Type), err)
	}
	v, err := bindValue(c, got.Type, got.Prec)
	if err != nil {
		t.Fatal(err)
	}
	prec, data, err := codec.AppendBind(nil, v, c.CodeSet())
	if err != nil {
		t.Errorf("ifxtype %v AppendBind(%v): %v; JDBC sent prec %#04x bytes %s",
			codec.Code(), v, err, uint16(got.Prec), clip(hex.EncodeToString(got.Data), 160))
		return
	}
	if want := unpadDateTime(got, len(data)); prec != got.Prec || !bytes.Equal(data, want) {
		t.Errorf("%v bind of %s: JDBC prec %#04x bytes %s; ifxtype prec %#04x bytes %s (%s)",
			got.Type, clip(c.Value, 60), uint16(got.Prec), clip(hex.EncodeToString(got.Data), 160),
			uint16(prec), clip(hex.EncodeToString(data), 160), bindStatus[c.SQLType])
	}
}

// unpadDateTime returns JDBC's bind bytes, except that a DATETIME value
// longer than n bytes whose extra bytes are all zero (JDBC's setDate pads
// YEAR TO SECOND to the width of YEAR TO FRACTION(5)) is cut to n bytes,
// its length prefix adjusted, so that the digits are compared.
func unpadDateTime(v *sqli.BindValue, n int) []byte {
	d := v.Data
	if v.Type.Base() != sqli.TypeDateTime || n < 2 || len(d) <= n || bytes.Count(d[n:], []byte{0}) != len(d)-n {
		return d
	}
	out := binary.BigEndian.AppendUint16(nil, uint16(n-2))
	return append(out, d[2:n]...)
}

// bindValue returns the Go value ifxtype binds for the case with JDBC's
// type code; a DATETIME takes the qualifier JDBC sent in its precision
// field (TYPES.md §4).
func bindValue(c typeCase, code sqli.TypeCode, prec int16) (any, error) {
	switch code.Base() {
	case sqli.TypeSmallInt, sqli.TypeInteger, sqli.TypeSerial, sqli.TypeInt8, sqli.TypeSerial8,
		sqli.TypeBigInt, sqli.TypeBigSerial:
		return strconv.ParseInt(c.Value, 10, 64)
	case sqli.TypeFloat:
		return strconv.ParseFloat(c.Value, 64)
	case sqli.TypeSmallFloat:
		f, err := strconv.ParseFloat(c.Value, 32)
		return float32(f), err
	case sqli.TypeDecimal, sqli.TypeMoney:
		return ifxtype.ParseDecimal(c.Value)
	case sqli.TypeDate:
		return time.Parse(time.DateOnly, c.Value)
	case sqli.TypeDateTime:
		return dateTimeAs(c, ifxtype.Qualifier(uint16(prec)))
	case sqli.TypeInterval:
		return intervalValue(c, c.Value)
	case sqli.TypeBoolean:
		return c.Value == "t", nil
	}
	return c.Value, nil
}

// dateTimeAs reads the case's value with its column's qualifier (a DATE
// column reads as YEAR TO DAY) and re-expresses it with qualifier q.
func dateTimeAs(c typeCase, q ifxtype.Qualifier) (any, error) {
	var colQ ifxtype.Qualifier
	var err error
	if c.code() == sqli.TypeDate {
		colQ, err = ifxtype.DateTimeQualifier(ifxtype.UnitYear, ifxtype.UnitDay)
	} else {
		colQ, err = c.qualifier()
	}
	if err != nil {
		return nil, err
	}
	d, err := ifxtype.ParseDateTime(c.Value, colQ)
	if err != nil {
		return nil, err
	}
	return ifxtype.NewDateTime(d.Time(time.UTC), q)
}

func intervalValue(c typeCase, s string) (any, error) {
	q, err := c.qualifier()
	if err != nil {
		return nil, err
	}
	if q.Start() <= ifxtype.UnitMonth {
		return ifxtype.ParseIntervalYM(s, q)
	}
	return ifxtype.ParseIntervalDS(s, q)
}

// checkRow requires the row ifxtest sent for a case to decode to the value
// JDBC read back.
func checkRow(t *testing.T, c typeCase, w *wireCase) {
	t.Helper()
	switch {
	case !w.seen:
		t.Errorf("no row with id %d in %s", c.ID, jdbcTypesGolden)
		return
	case w.rowErr != nil:
		t.Errorf("ifxtype cannot decode the %s value ifxtest sent: %v", w.col.Type.SQLName(), w.rowErr)
		return
	}
	want, err := rowValue(c, w.col)
	if err != nil {
		t.Fatal(err)
	}
	if !sameValue(want, w.row) {
		t.Errorf("row value: ifxtype decodes %#v (%T); JDBC read %q", w.row, w.row, clip(c.Expect, 60))
	}
}

// rowValue returns the Go value ifxtype should decode for the case from
// column col.
func rowValue(c typeCase, col ifxtype.Column) (any, error) {
	e := c.Expect
	if e == "NULL" {
		return nil, nil
	}
	switch col.Type.Base() {
	case sqli.TypeSmallInt, sqli.TypeInteger, sqli.TypeSerial, sqli.TypeInt8, sqli.TypeSerial8,
		sqli.TypeBigInt, sqli.TypeBigSerial:
		return strconv.ParseInt(e, 10, 64)
	case sqli.TypeFloat:
		return strconv.ParseFloat(e, 64)
	case sqli.TypeSmallFloat:
		f, err := strconv.ParseFloat(e, 32)
		return float32(f), err
	case sqli.TypeDecimal, sqli.TypeMoney:
		return ifxtype.ParseDecimal(e)
	case sqli.TypeDate:
		return time.Parse(time.DateOnly, e)
	case sqli.TypeDateTime:
		return ifxtype.ParseDateTime(e, col.Type.Qualifier())
	case sqli.TypeInterval:
		return intervalValue(c, e)
	case sqli.TypeBoolean:
		return e == "t", nil
	}
	return e, nil
}

// sameValue compares a decoded value with the expected one: decimals by
// value and, for a fixed-scale column, scale as JDBC's BigDecimal shows it;
// dates as instants; floats bit for bit; the rest with ==.
func sameValue(want, got any) bool {
	switch w := want.(type) {
	case ifxtype.Decimal:
		g, ok := got.(ifxtype.Decimal)
		return ok && w.Cmp(g) == 0
	case time.Time:
		g, ok := got.(time.Time)
		return ok && w.Equal(g)
	case float64:
		g, ok := got.(float64)
		return ok && math.Float64bits(w) == math.Float64bits(g)
	case float32:
		g, ok := got.(float32)
		return ok && math.Float32bits(w) == math.Float32bits(g)
	}
	return want == got
}

// clip shortens s to n bytes, saying how much was cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + fmt.Sprintf("…(%d more bytes)", len(s)-n)
}

// jdbcVarCharGolden is the golden transcript of JDBC's varchar_params
// scenario (jdbc/VarcharParams.java): JDBC's setters on parameters
// described as VARCHAR(30), NVARCHAR(30), NCHAR(30) and LVARCHAR(100), and
// the rows ifxtest answered.
const jdbcVarCharGolden = "testdata/jdbc/varchar_params.golden"

// varCharParam is one character parameter of the scenario's INSERT: its
// place among the SQ_BIND values, the column's SQL type, the type code
// ifxtest describes it with (SQ_IDESCRIBE), and the width a value is read
// back blank-padded to (NCHAR), 0 for none.
type varCharParam struct {
	pos     int
	sqlType string
	code    sqli.TypeCode
	pad     int
}

// varCharParams are the parameters TestJDBCVarCharParams holds ifxtype to;
// the LVARCHAR parameter (43, or DECIMAL for setBigDecimal) is left to
// sqli's TestBindJDBCVarChar.
var varCharParams = []varCharParam{
	{1, "VARCHAR(30)", sqli.TypeVarChar, 0},
	{2, "NVARCHAR(30)", sqli.TypeNVarChar, 0},
	{3, "NCHAR(30)", sqli.TypeNChar, 30},
}

// varCharDescribed is the maximum the parameters are described with.
const varCharDescribed = 30

// varCharRow is one row of the scenario: its id, the setter, and the text
// JDBC binds and reads back, written by hand. asChar marks setString, which
// JDBC binds as CHAR (0) whatever the parameter; null marks setNull.
type varCharRow struct {
	id     int
	setter string
	text   string
	asChar bool
	null   bool
}

// varCharRows are the rows of VarcharParams.ROWS. The numbers' texts are
// their literal forms; setDouble's and setTimestamp's are JDBC's own
// (Java's Double.toString and Timestamp.toString), where Informix's own
// conversion of a DATETIME YEAR TO FRACTION(5) would write
// "2024-02-29 13:45:30.00000".
var varCharRows = []varCharRow{
	{id: 1, setter: "setInt(100)", text: "100"},
	{id: 2, setter: "setLong(1234567890123)", text: "1234567890123"},
	{id: 3, setter: "setBigDecimal(-123.45)", text: "-123.45"},
	{id: 4, setter: "setDouble(1.5)", text: "1.5"},
	{id: 5, setter: "setTimestamp(2024-02-29 13:45:30)", text: "2024-02-29 13:45:30.0"},
	{id: 6, setter: `setString("text")`, text: "text", asChar: true},
	{id: 7, setter: "setNull(VARCHAR)", null: true},
}

// varCharWire is what the JDBC transcript of varchar_params shows: the
// INSERT's bind values and the row read back, per id, and the bind of the
// SELECT … WHERE v = ?.
type varCharWire struct {
	binds map[int][]sqli.BindValue
	rows  map[int][]any
	where []sqli.BindValue
}

// TestJDBCVarCharParams holds ifxtype to what IBM JDBC 15.0.0.1.1 bound for
// parameters described as VARCHAR, NVARCHAR and NCHAR (confirmed:
// testdata/jdbc/varchar_params.golden): every non-String value went as its
// text with the parameter's own type code, framed as CHAR (u16 length);
// the VARCHAR, NVARCHAR and NCHAR codecs decode JDBC's bytes to the text
// and encode the text to the same bytes; JDBC's precision field is the
// described maximum or 0 (ifxtype sends 0); and the row ifxtest sent back
// decodes to the text JDBC bound.
func TestJDBCVarCharParams(t *testing.T) {
	w, err := readVarCharWire(jdbcVarCharGolden)
	if err != nil {
		t.Fatalf("%v (record it with IFX_ORACLES=1 go test ./conformance -update)", err)
	}
	for _, r := range varCharRows {
		for _, p := range varCharParams {
			t.Run(fmt.Sprintf("%s on %s", r.setter, p.sqlType), func(t *testing.T) {
				vals := w.binds[r.id]
				if len(vals) != 5 {
					t.Fatalf("no five-value SQ_BIND with id %d in %s", r.id, jdbcVarCharGolden)
				}
				checkVarCharBind(t, r, p, &vals[p.pos])
				checkVarCharRow(t, r, p, w.rows[r.id])
			})
		}
	}
	t.Run("WHERE v = ? with setInt(100)", func(t *testing.T) {
		if len(w.where) != 1 {
			t.Fatalf("no one-value SQ_BIND in %s", jdbcVarCharGolden)
		}
		checkVarCharBind(t, varCharRows[0], varCharParams[0], &w.where[0])
	})
}

// checkVarCharBind compares JDBC's bind of one parameter with the row's
// expectation and with ifxtype's encoding of the row's text.
func checkVarCharBind(t *testing.T, r varCharRow, p varCharParam, v *sqli.BindValue) {
	t.Helper()
	code := p.code
	if r.asChar {
		code = sqli.TypeChar
	}
	switch {
	case v.Type != code:
		t.Fatalf("JDBC bound type %v, want %v", v.Type, code)
	case r.null:
		if v.Indicator != sqli.IndicatorNull {
			t.Errorf("JDBC bound indicator %d, want -1 (NULL)", v.Indicator)
		}
		return
	case v.Indicator != sqli.IndicatorValue:
		t.Fatalf("JDBC bound indicator %d, want 0", v.Indicator)
	case v.Prec != 0 && (r.asChar || v.Prec != varCharDescribed):
		t.Errorf("JDBC's precision field %d, want 0 or the described %d", v.Prec, varCharDescribed)
	}
	codec, err := ifxtype.CodecFor(ifxtype.Type{Code: v.Type})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := codec.DecodeBind(v.Prec, v.Data, ifxtype.Latin1); err != nil || got != r.text {
		t.Errorf("ifxtype decodes JDBC's % x as %#v, %v; want %q", v.Data, got, err, r.text)
	}
	prec, data, err := codec.AppendBind(nil, r.text, ifxtype.Latin1)
	if err != nil || prec != 0 || !bytes.Equal(data, v.Data) {
		t.Errorf("ifxtype encodes %q as prec %d % x, %v; JDBC sent % x", r.text, prec, data, err, v.Data)
	}
}

// checkVarCharRow requires the parameter's column, as ifxtest sent it back,
// to decode to the text JDBC bound (blank-padded for NCHAR).
func checkVarCharRow(t *testing.T, r varCharRow, p varCharParam, row []any) {
	t.Helper()
	if len(row) != 5 {
		t.Fatalf("no row (id, v, nv, nc, lv) with id %d in %s", r.id, jdbcVarCharGolden)
	}
	var want any
	if !r.null {
		want = r.text + strings.Repeat(" ", max(0, p.pad-len(r.text)))
	}
	if got := row[p.pos]; got != want {
		t.Errorf("row value %#v, want %#v", got, want)
	}
}

// readVarCharWire walks the varchar_params transcript: SQ_PROTOCOLS
// answers set the features, SQ_BINDs of five values (id first) and of one
// value are recorded, and each SQ_TUPLE after an SQ_DESCRIBE of
// (id, v, nv, nc, lv) is decoded with it.
func readVarCharWire(path string) (*varCharWire, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := &varCharWire{binds: map[int][]sqli.BindValue{}, rows: map[int][]any{}}
	var feat sqli.Features
	var layout *ifxtype.RowLayout
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		dir, name, raw, ok := transcript.ParseLine(sc.Text())
		if !ok {
			continue
		}
		switch {
		case dir == "S" && name == "SQ_PROTOCOLS":
			var p sqli.Protocols
			err = decodeMsg(raw, feat, &p)
			feat = p.Features()
		case dir == "C" && name == "SQ_BIND":
			err = w.addBind(raw, feat)
		case dir == "S" && name == "SQ_DESCRIBE":
			layout, err = varCharLayout(raw, feat)
		case dir == "S" && name == "SQ_TUPLE" && layout != nil:
			err = w.addRow(raw, feat, layout)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, name, err)
		}
	}
	return w, sc.Err()
}

// addBind records an SQ_BIND of the INSERT (five values, the INTEGER id
// first) by id, and one of a single value as the WHERE's.
func (w *varCharWire) addBind(raw []byte, f sqli.Features) error {
	var b sqli.Bind
	if err := decodeMsg(raw, f, &b); err != nil {
		return err
	}
	for i := range b.Values {
		b.Values[i].Data = bytes.Clone(b.Values[i].Data)
	}
	switch {
	case len(b.Values) == 1:
		w.where = b.Values
	case len(b.Values) == 5 && b.Values[0].Type == sqli.TypeInteger && len(b.Values[0].Data) == 4:
		w.binds[int(int32(binary.BigEndian.Uint32(b.Values[0].Data)))] = b.Values
	}
	return nil
}

// varCharLayout returns the row layout of SELECT id, v, nv, nc, lv, or nil
// for any other description.
func varCharLayout(raw []byte, f sqli.Features) (*ifxtype.RowLayout, error) {
	var d sqli.Describe
	if err := decodeMsg(raw, f, &d); err != nil {
		return nil, err
	}
	var names []string
	for _, c := range d.Columns {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "id,v,nv,nc,lv" {
		return nil, nil
	}
	return describedLayout(&d)
}

// addRow decodes one row (id, v, nv, nc, lv) in the Latin-1 code set of
// testdb and records it by id.
func (w *varCharWire) addRow(raw []byte, f sqli.Features, l *ifxtype.RowLayout) error {
	var tp sqli.Tuple
	if err := decodeMsg(raw, f, &tp); err != nil {
		return err
	}
	vals := make([]any, len(l.Columns()))
	if err := l.Decode(tp.Data, vals, ifxtype.Latin1); err != nil {
		return fmt.Errorf("row % x: %w", tp.Data, err)
	}
	id, ok := vals[0].(int64)
	if !ok {
		return fmt.Errorf("row id %#v", vals[0])
	}
	w.rows[int(id)] = vals
	return nil
}
