package informix

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"reflect"
	"time"

	"github.com/go-informix/informix/ifxconn"
	"github.com/go-informix/informix/sqli"
)

// CheckNamedValue implements driver.NamedValueChecker: it converts every
// argument into the bind value ifxconn sends (an ifxconn.Param, stored back
// into nv.Value), choosing the SQ_BIND type so that the bytes equal what IBM's
// JDBC driver sends for the matching setter (docs/protocol.md, "Bind value
// framing"):
//
//	int8, int16                      SMALLINT  (setShort)
//	int32                            INTEGER   (setInt)
//	int, int64, every uint kind      BIGINT    (setLong); a uint above MaxInt64 is an error
//	float32                          SMALLFLOAT (setFloat)
//	float64                          FLOAT     (setDouble)
//	bool                             BOOLEAN   (setBoolean)
//	string                           CHAR      (setString)
//	[]byte                           CHAR, its bytes sent unchanged: no code-set conversion, no validation
//	Decimal                          DECIMAL   (setBigDecimal)
//	time.Time                        DATETIME YEAR TO FRACTION(5) (setTimestamp; below 10µs is cut)
//	DateTime                         DATETIME of its own qualifier
//	Date                             DATE      (setDate)
//	IntervalYM, IntervalDS           INTERVAL of their qualifier
//	time.Duration                    INTERVAL DAY(9) TO FRACTION(5) (below 10µs is cut)
//	nil                              NULL, sent as a CHAR NULL
//
// Named types of those kinds convert as their kind; a pointer converts as
// what it points to, and a nil pointer is a NULL of the pointed-to type
// (without calling a Valuer on it); a driver.Valuer is called and its
// result converted; an ifxconn.Param passes unchanged, for a program that
// picks the bind type itself. A Batch passes unchanged too: its rows are
// converted as they are sent. sql.Named arguments are refused (Informix
// parameters are positional '?' markers), as are sql.Out and every other
// type.
func (c *conn) CheckNamedValue(nv *driver.NamedValue) error {
	if nv.Name != "" {
		return fmt.Errorf("informix: argument %d is named %q: Informix parameters are positional ('?'), pass it without sql.Named", nv.Ordinal, nv.Name)
	}
	if _, ok := nv.Value.(Batch); ok {
		return nil
	}
	p, err := toParam(nv.Value, 0)
	if err != nil {
		return fmt.Errorf("informix: argument %d: %w", nv.Ordinal, err)
	}
	nv.Value = p
	return nil
}

// maxValuerDepth bounds a chain of driver.Valuers returning Valuers.
const maxValuerDepth = 8

// toParam converts one argument; depth counts the Valuer calls so far.
// The common types keep v itself as the Param's Value, the interface the
// caller boxed (ifxtype's codecs take an int32 or an int for every integer
// type), so that converting them allocates nothing; they are matched
// before anything that needs reflect. None of them is a pointer, so
// matching them before the nil-pointer test of otherParam changes no
// result.
// No conversion needs the database's code set (a []byte binds as raw
// bytes, a string is converted by ifxconn).
func toParam(v any, depth int) (ifxconn.Param, error) {
	switch x := v.(type) {
	case nil:
		return ifxconn.Param{Type: sqli.TypeChar}, nil
	case ifxconn.Param:
		return x, nil
	case int64, int:
		return ifxconn.Param{Type: sqli.TypeBigInt, Value: v}, nil
	case int32:
		return ifxconn.Param{Type: sqli.TypeInteger, Value: v}, nil
	case float64:
		return ifxconn.Param{Type: sqli.TypeFloat, Value: v}, nil
	case string:
		return ifxconn.Param{Type: sqli.TypeChar, Value: v}, nil
	case time.Time, DateTime:
		return ifxconn.Param{Type: sqli.TypeDateTime, Value: v}, nil
	case time.Duration, IntervalYM, IntervalDS:
		return ifxconn.Param{Type: sqli.TypeInterval, Value: v}, nil
	case Decimal:
		return ifxconn.Param{Type: sqli.TypeDecimal, Value: v}, nil
	case Date:
		if err := x.Valid(); err != nil {
			return ifxconn.Param{}, err
		}
		return ifxconn.Param{Type: sqli.TypeDate, Value: x.Time(nil)}, nil
	case []byte:
		return bytesParam(x), nil
	}
	return otherParam(v, depth)
}

// otherParam converts the arguments toParam does not match: a nil pointer
// (a NULL of the pointed-to type, without calling a Valuer on it),
// sql.Out, a driver.Valuer, and the rest by reflect kind.
func otherParam(v any, depth int) (ifxconn.Param, error) {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return ifxconn.Param{Type: nullType(rv.Type().Elem())}, nil
	}
	switch x := v.(type) {
	case sql.Out, *sql.Out:
		return ifxconn.Param{}, errors.New("sql.Out is not supported: Informix has no output parameters for statements")
	case driver.Valuer:
		return valuerParam(x, depth)
	}
	return kindParam(reflect.ValueOf(v), depth)
}

// valuerParam calls a Valuer and converts its result.
func valuerParam(vr driver.Valuer, depth int) (ifxconn.Param, error) {
	if depth >= maxValuerDepth {
		return ifxconn.Param{}, fmt.Errorf("%T: more than %d driver.Valuer calls in a row", vr, maxValuerDepth)
	}
	v, err := vr.Value()
	if err != nil {
		return ifxconn.Param{}, fmt.Errorf("%T.Value: %w", vr, err)
	}
	return toParam(v, depth+1)
}

// bytesParam binds b as CHAR with its bytes unchanged: ifxtype's
// character codecs write a []byte as raw bytes, with no code-set
// conversion and no validation, so bytes in the database's code set (or
// any bytes the server is to judge) reach it as they are; the column's
// length limits still apply.
func bytesParam(b []byte) ifxconn.Param {
	return ifxconn.Param{Type: sqli.TypeChar, Value: b}
}

// kindParam converts by reflect kind: named types of the basic kinds,
// pointers and byte slices of named types.
func kindParam(rv reflect.Value, depth int) (ifxconn.Param, error) {
	switch rv.Kind() {
	case reflect.Pointer:
		return toParam(rv.Elem().Interface(), depth)
	case reflect.Int8, reflect.Int16:
		return ifxconn.Param{Type: sqli.TypeSmallInt, Value: rv.Int()}, nil
	case reflect.Int32:
		return ifxconn.Param{Type: sqli.TypeInteger, Value: rv.Int()}, nil
	case reflect.Int, reflect.Int64:
		return ifxconn.Param{Type: sqli.TypeBigInt, Value: rv.Int()}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > math.MaxInt64 {
			return ifxconn.Param{}, fmt.Errorf("%s value %d is above the BIGINT maximum %d", rv.Type(), u, int64(math.MaxInt64))
		}
		return ifxconn.Param{Type: sqli.TypeBigInt, Value: int64(u)}, nil
	case reflect.Float32:
		return ifxconn.Param{Type: sqli.TypeSmallFloat, Value: float32(rv.Float())}, nil
	case reflect.Float64:
		return ifxconn.Param{Type: sqli.TypeFloat, Value: rv.Float()}, nil
	case reflect.Bool:
		return ifxconn.Param{Type: sqli.TypeBoolean, Value: rv.Bool()}, nil
	case reflect.String:
		return ifxconn.Param{Type: sqli.TypeChar, Value: rv.String()}, nil
	case reflect.Slice:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			return bytesParam(rv.Bytes()), nil
		}
	}
	return ifxconn.Param{}, fmt.Errorf("unsupported type %s", rv.Type())
}

// nullType returns the bind type of a NULL given as a nil pointer to t.
func nullType(t reflect.Type) sqli.TypeCode {
	switch t {
	case reflect.TypeFor[time.Time](), reflect.TypeFor[DateTime]():
		return sqli.TypeDateTime
	case reflect.TypeFor[time.Duration](), reflect.TypeFor[IntervalYM](), reflect.TypeFor[IntervalDS]():
		return sqli.TypeInterval
	case reflect.TypeFor[Decimal]():
		return sqli.TypeDecimal
	case reflect.TypeFor[Date]():
		return sqli.TypeDate
	}
	switch t.Kind() {
	case reflect.Int8, reflect.Int16:
		return sqli.TypeSmallInt
	case reflect.Int32:
		return sqli.TypeInteger
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return sqli.TypeBigInt
	case reflect.Float32:
		return sqli.TypeSmallFloat
	case reflect.Float64:
		return sqli.TypeFloat
	case reflect.Bool:
		return sqli.TypeBoolean
	}
	return sqli.TypeChar
}
