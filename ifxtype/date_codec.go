package ifxtype

import (
	"encoding/binary"
	"fmt"
	"math"
	"time"

	"github.com/go-informix/informix/sqli"
)

// Day numbers of DATE: a signed 4-byte count of days since 1899-12-31
// (TYPES.md §5.6; [D] S1, [J] S4).
const (
	// dateUnixOffset is the day number of 1970-01-01 (TYPES.md §5.6 table).
	dateUnixOffset = 25568
	// dateMinDay is the day number of 0001-01-01: JDBC counts 693594 days
	// from 0001-01-01 to day 0 (TYPES.md §5.6; [J] S4).
	dateMinDay = -693594
	// dateMaxDay is the day number of 9999-12-31 (TYPES.md §5.6 table).
	dateMaxDay = 2958464
	// dateNull is the NULL sentinel, 80 00 00 00 ([W] S1-h).
	dateNull = math.MinInt32
	// dateSecondsPerDay converts day numbers to Unix seconds.
	dateSecondsPerDay = 24 * 60 * 60
)

// dateCodec is the codec of DATE (7): 4 bytes, big-endian, the number of
// days since 1899-12-31, negative before it, with 80 00 00 00 as NULL
// (TYPES.md §5.6, §6). A bind carries the same 4 bytes with no length
// prefix ([W] S1-c) and precision field 0 (TYPES.md §4.1, [D] libsqli).
// Type.Length is not consulted.
//
// Values decode to a time.Time at midnight UTC. The encoders accept a
// time.Time and store its calendar date in the time's own location; a time
// with a non-zero time of day is an error, since the column would drop it,
// and so is a date outside 0001-01-01 … 9999-12-31, the years Informix
// dates span. Decoders refuse day numbers outside that span as well, so
// every decoded value can be encoded again.
type dateCodec struct{}

func init() { register(dateCodec{}) }

// Code returns sqli.TypeDate.
func (dateCodec) Code() sqli.TypeCode { return sqli.TypeDate }

// RowSize returns 4.
func (dateCodec) RowSize(_ Type, b []byte, _ bool) (int, error) {
	return fixedRowSize(sqli.TypeDate, 4, b)
}

// rowWidth returns 4.
func (dateCodec) rowWidth(Type) (int, bool) { return 4, true }

// DecodeRow decodes exactly 4 bytes to a time.Time, or nil for NULL.
func (dateCodec) DecodeRow(_ Type, b []byte, _ bool, _ CodeSet) (any, error) {
	days, err := parseDate(b)
	if err != nil || days == dateNull {
		return nil, err
	}
	return dateFromDays(days), nil
}

// decodeCell is DecodeRow boxing into a.
func (dateCodec) decodeCell(_ *Type, b []byte, _ CodeSet, a *Arena) (any, error) {
	days, err := parseDate(b)
	if err != nil || days == dateNull {
		return nil, err
	}
	return a.Time(dateFromDays(days)), nil
}

// AppendRow appends v, or 80 00 00 00 for nil.
func (dateCodec) AppendRow(dst []byte, _ Type, v any, _ bool, _ CodeSet) ([]byte, error) {
	if v == nil {
		return binary.BigEndian.AppendUint32(dst, 1<<31), nil
	}
	days, err := dateDays(v)
	if err != nil {
		return dst, err
	}
	return binary.BigEndian.AppendUint32(dst, uint32(days)), nil
}

// DecodeBind decodes the 4 bytes of a bind value; the NULL sentinel is
// refused, since a NULL parameter travels as indicator -1.
func (dateCodec) DecodeBind(_ int16, data []byte, _ CodeSet) (any, error) {
	days, err := parseDate(data)
	if err != nil {
		return nil, err
	}
	if days == dateNull {
		return nil, fmt.Errorf("ifxtype: DATE bind value % x is the NULL marker; a NULL parameter is sent with indicator -1", data)
	}
	return dateFromDays(days), nil
}

// AppendBind appends v as 4 bytes with precision field 0.
func (dateCodec) AppendBind(dst []byte, v any, _ CodeSet) (int16, []byte, error) {
	if v == nil {
		return 0, dst, errNilBind(sqli.TypeDate)
	}
	days, err := dateDays(v)
	if err != nil {
		return 0, dst, err
	}
	return 0, binary.BigEndian.AppendUint32(dst, uint32(days)), nil
}

// parseDate reads a day number, which is dateNull or within the span of
// years 1 to 9999.
func parseDate(b []byte) (int32, error) {
	if len(b) != 4 {
		return 0, errWidth(sqli.TypeDate, 4, len(b))
	}
	days := int32(binary.BigEndian.Uint32(b))
	if days != dateNull && (days < dateMinDay || days > dateMaxDay) {
		return 0, fmt.Errorf("ifxtype: DATE day number %d is outside %d..%d (0001-01-01 to 9999-12-31)", days, dateMinDay, dateMaxDay)
	}
	return days, nil
}

// dateFromDays returns midnight UTC of a day number.
func dateFromDays(days int32) time.Time {
	return time.Unix((int64(days)-dateUnixOffset)*dateSecondsPerDay, 0).UTC()
}

// dateDays converts an encoder's argument to a day number.
func dateDays(v any) (int32, error) {
	t, ok := v.(time.Time)
	if !ok {
		return 0, errGoType("DATE", v, "a time.Time")
	}
	if h, m, s := t.Clock(); h != 0 || m != 0 || s != 0 || t.Nanosecond() != 0 {
		return 0, fmt.Errorf("ifxtype: DATE: %s has a time of day; a DATE column keeps only the date and would drop it",
			t.Format(time.RFC3339Nano))
	}
	y, mo, d := t.Date()
	if y < 1 || y > 9999 {
		return 0, fmt.Errorf("ifxtype: DATE: year %d of %s is outside 1..9999", y, t.Format(time.RFC3339Nano))
	}
	unixDays := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Unix() / dateSecondsPerDay
	return int32(unixDays + dateUnixOffset), nil
}
