package ifxconn

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix/ifxtype"
	"github.com/go-informix/informix/internal/transcript"
	"github.com/go-informix/informix/internal/typecases"
	"github.com/go-informix/informix/sqli"
)

// bindCase is one row of conformance/testdata/types.tsv (its header
// describes the format): a value JDBC's types scenario bound into column v
// of table (id INTEGER, v sqlType).
type bindCase struct{ typecases.Case }

// loadBindCases reads types.tsv with its markers expanded.
func loadBindCases(t *testing.T) []bindCase {
	t.Helper()
	cs, err := typecases.Load("../conformance/testdata/types.tsv")
	if err != nil {
		t.Fatal(err)
	}
	out := make([]bindCase, len(cs))
	for i, c := range cs {
		out[i] = bindCase{c}
	}
	return out
}

// differentChoice lists the column types for which IBM JDBC binds a type
// code other than the one go-informix binds for the Go value of the same
// setter: JDBC takes the code from the described column, go-informix's
// root package from the Go type (int64 is BIGINT, Decimal is DECIMAL,
// string is CHAR, a date is DATE). The values are the two codes, JDBC's
// first; the test requires exactly these differences.
var differentChoice = map[string][2]sqli.TypeCode{
	"SERIAL":               {sqli.TypeSerial, sqli.TypeInteger},
	"INT8":                 {sqli.TypeInt8, sqli.TypeBigInt},
	"SERIAL8":              {sqli.TypeSerial8, sqli.TypeBigInt},
	"BIGSERIAL":            {sqli.TypeBigSerial, sqli.TypeBigInt},
	"MONEY(16,2)":          {sqli.TypeMoney, sqli.TypeDecimal},
	"DATETIME YEAR TO DAY": {sqli.TypeDateTime, sqli.TypeDate},
	"LVARCHAR(32000)":      {sqli.TypeLVarChar, sqli.TypeChar},
}

// TestJDBCBytesBinds binds every value of types.tsv through a prepared
// INSERT, with the Go value and type the root package uses for the JDBC
// setter of the case (the brief's table: setShort int16 SMALLINT, setInt
// int32 INTEGER, setLong int64 BIGINT, setFloat float32 SMALLFLOAT,
// setDouble float64 FLOAT, setBigDecimal Decimal DECIMAL, setDate a date
// as DATE, setTimestamp time.Time as DATETIME YEAR TO FRACTION(5), setTime
// a DateTime HOUR TO SECOND, setIntervalYM/DF an interval with the
// column's qualifier, setBoolean bool BOOLEAN, setString string CHAR,
// setNull nil), and requires each SQ_BIND value, NULLs included, to equal
// the one JDBC sent for the same case in jdbc/types.golden, except for the
// type choices of differentChoice.
func TestJDBCBytesBinds(t *testing.T) {
	srv, log := jdbcServer(t)
	cases := loadBindCases(t)
	tables := map[string][]bindCase{}
	var order []string
	for _, k := range cases {
		if tables[k.Table] == nil {
			order = append(order, k.Table)
		}
		tables[k.Table] = append(tables[k.Table], k)
	}
	for _, table := range order {
		runBindTable(t, srv.Addr(), tables[table])
	}
	srv.Close()
	ours := map[int]sqli.BindValue{}
	for id := uint64(1); id <= uint64(len(order)); id++ {
		if err := transcript.CollectCaseBinds(log.transcriptOf(t, id), ours); err != nil {
			t.Fatal(err)
		}
	}
	theirs := map[int]sqli.BindValue{}
	for _, conn := range goldenConnections(t, "jdbc/types.golden") {
		if err := transcript.CollectCaseBinds(conn, theirs); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range cases {
		checkCaseBind(t, k, theirs, ours)
	}
}

func checkCaseBind(t *testing.T, k bindCase, theirs, ours map[int]sqli.BindValue) {
	t.Helper()
	j, okJ := theirs[k.ID]
	o, okO := ours[k.ID]
	if !okJ || !okO {
		t.Errorf("case %d %s: bind seen in JDBC's transcript %v, in ours %v", k.ID, k.SQLType, okJ, okO)
		return
	}
	if d, listed := differentChoice[k.SQLType]; listed && k.Value != "NULL" {
		if j.Type != d[0] || o.Type != d[1] {
			t.Errorf("case %d %s: JDBC bound %v and we bound %v; differentChoice says %v and %v", k.ID, k.SQLType, j.Type, o.Type, d[0], d[1])
		}
		return
	}
	if !reflect.DeepEqual(j, o) {
		t.Errorf("case %d %s %q:\nJDBC %+v\nours %+v", k.ID, k.SQLType, clip(k.Value), j, o)
	}
}

// runBindTable runs one table's cases on a connection of its own, as the
// JDBC scenario does.
func runBindTable(t *testing.T, addr string, group []bindCase) {
	t.Helper()
	cfg := &Config{Addr: addr, User: "informix", Password: "in4mix", Server: "ifxtest", Database: group[0].DB}
	if cfg.Database == "utf8db" {
		cfg.DBLocale, cfg.ClientLocale = "en_US.utf8", "en_US.utf8"
	}
	c := connect(t, cfg)
	execute(t, c, "CREATE TABLE "+group[0].Table+" (id INTEGER, v "+group[0].SQLType+")")
	s, err := c.Prepare(t.Context(), "INSERT INTO "+group[0].Table+" VALUES (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range group {
		p, err := bindParam(k)
		if err != nil {
			t.Fatalf("case %d: %v", k.ID, err)
		}
		if _, err := s.Exec(t.Context(), []Param{{Type: sqli.TypeInteger, Value: int32(k.ID)}, p}); err != nil {
			t.Errorf("case %d %s: %v", k.ID, k.SQLType, err)
		}
	}
	if err := s.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	c.Close()
}

// bindParam returns the Param for case k: the Go value of JDBC's setter
// (Scenarios.java TypeScenario.kind) and the type code the root package
// chooses for it.
func bindParam(k bindCase) (Param, error) {
	ty := strings.ToUpper(k.SQLType)
	if k.Value == "NULL" {
		return Param{Type: sqli.TypeChar}, nil
	}
	v := k.Value
	switch {
	case ty == "DATETIME YEAR TO DAY" || ty == "DATE":
		d, err := time.Parse(time.DateOnly, v)
		return Param{Type: sqli.TypeDate, Value: d}, err
	case strings.HasPrefix(ty, "DATETIME YEAR"):
		d, err := time.Parse("2006-01-02 15:04:05.999999999", v+map[bool]string{true: ":00"}[len(v) == 16])
		return Param{Type: sqli.TypeDateTime, Value: d}, err
	case strings.HasPrefix(ty, "DATETIME HOUR"):
		q, _ := ifxtype.DateTimeQualifier(ifxtype.UnitHour, ifxtype.UnitSecond)
		d, err := ifxtype.ParseDateTime(v+map[bool]string{true: ":00"}[len(v) == 5], q)
		return Param{Type: sqli.TypeDateTime, Value: d}, err
	case strings.HasPrefix(ty, "INTERVAL"):
		return intervalParam(ty, v)
	case strings.HasPrefix(ty, "DECIMAL") || strings.HasPrefix(ty, "MONEY"):
		d, err := ifxtype.ParseDecimal(v)
		return Param{Type: sqli.TypeDecimal, Value: d}, err
	case strings.Contains(ty, "CHAR") || strings.HasPrefix(ty, "DATETIME"):
		return Param{Type: sqli.TypeChar, Value: v}, nil
	}
	return scalarParam(ty, v)
}

func scalarParam(ty, v string) (Param, error) {
	switch ty {
	case "SMALLINT":
		n, err := strconv.ParseInt(v, 10, 16)
		return Param{Type: sqli.TypeSmallInt, Value: int16(n)}, err
	case "INTEGER", "SERIAL":
		n, err := strconv.ParseInt(v, 10, 32)
		return Param{Type: sqli.TypeInteger, Value: int32(n)}, err
	case "INT8", "BIGINT", "SERIAL8", "BIGSERIAL":
		n, err := strconv.ParseInt(v, 10, 64)
		return Param{Type: sqli.TypeBigInt, Value: n}, err
	case "SMALLFLOAT":
		f, err := strconv.ParseFloat(v, 32)
		return Param{Type: sqli.TypeSmallFloat, Value: float32(f)}, err
	case "FLOAT":
		f, err := strconv.ParseFloat(v, 64)
		return Param{Type: sqli.TypeFloat, Value: f}, err
	case "BOOLEAN":
		return Param{Type: sqli.TypeBoolean, Value: v == "t"}, nil
	}
	return Param{}, fmt.Errorf("no Go value for %s", ty)
}

// intervalParam parses an interval with the column's qualifier.
func intervalParam(ty, v string) (Param, error) {
	units := map[string]ifxtype.TimeUnit{"YEAR": ifxtype.UnitYear, "MONTH": ifxtype.UnitMonth, "DAY": ifxtype.UnitDay,
		"HOUR": ifxtype.UnitHour, "MINUTE": ifxtype.UnitMinute, "SECOND": ifxtype.UnitSecond, "FRACTION(5)": ifxtype.UnitFraction5}
	from, to, _ := strings.Cut(strings.TrimPrefix(ty, "INTERVAL "), " TO ")
	prec := 2
	if name, p, ok := strings.Cut(from, "("); ok {
		prec, _ = strconv.Atoi(strings.TrimSuffix(p, ")"))
		from = name
	}
	q, err := ifxtype.IntervalQualifier(units[from], prec, units[to])
	if err != nil {
		return Param{}, err
	}
	if units[from] <= ifxtype.UnitMonth {
		iv, err := ifxtype.ParseIntervalYM(v, q)
		return Param{Type: sqli.TypeInterval, Value: iv}, err
	}
	iv, err := ifxtype.ParseIntervalDS(v, q)
	return Param{Type: sqli.TypeInterval, Value: iv}, err
}
