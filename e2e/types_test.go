package e2e

import (
	"database/sql"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-informix/informix"
	"github.com/go-informix/informix/internal/typecases"
)

// typeCase is one row of conformance/testdata/types.tsv (its header
// describes the format): a value IBM JDBC's and informix-driver's types
// scenarios bind into column v of a table (id INTEGER, v sqlType) and read
// back. The file is the independent source of the values and of what
// reads back.
type typeCase struct{ typecases.Case }

// loadTypeCases reads types.tsv with its markers expanded.
func loadTypeCases(t testing.TB) []typeCase {
	t.Helper()
	cs, err := typecases.Load("../conformance/testdata/types.tsv")
	if err != nil {
		t.Fatal(err)
	}
	out := make([]typeCase, len(cs))
	for i, c := range cs {
		out[i] = typeCase{c}
	}
	return out
}

// roleOf maps the database of a types.tsv row to the suite's role.
func roleOf(db string) string {
	if db == "utf8db" {
		return utf8
	}
	return logged
}

// goKind is how the suite binds and reads one SQL type: the Go value of
// a literal (what is bound, and what must read back), and the sql.Null[T]
// destination it scans into.
type goKind struct {
	value func(lit string, q informix.Qualifier) (any, error)
	dest  func() any
}

func nullOf[T any]() func() any { return func() any { return new(sql.Null[T]) } }

var (
	kindSmallInt = goKind{func(s string, _ informix.Qualifier) (any, error) {
		n, err := strconv.ParseInt(s, 10, 16)
		return int16(n), err
	}, nullOf[int16]()}
	kindInteger = goKind{func(s string, _ informix.Qualifier) (any, error) {
		n, err := strconv.ParseInt(s, 10, 32)
		return int32(n), err
	}, nullOf[int32]()}
	kindBigInt = goKind{func(s string, _ informix.Qualifier) (any, error) {
		return strconv.ParseInt(s, 10, 64)
	}, nullOf[int64]()}
	kindSmallFloat = goKind{func(s string, _ informix.Qualifier) (any, error) {
		f, err := strconv.ParseFloat(s, 32)
		return float32(f), err
	}, nullOf[float32]()}
	kindFloat = goKind{func(s string, _ informix.Qualifier) (any, error) {
		return strconv.ParseFloat(s, 64)
	}, nullOf[float64]()}
	kindDecimal = goKind{func(s string, _ informix.Qualifier) (any, error) {
		return informix.ParseDecimal(s)
	}, nullOf[informix.Decimal]()}
	kindDate = goKind{func(s string, _ informix.Qualifier) (any, error) {
		var d informix.Date
		return d, d.Scan(s)
	}, nullOf[informix.Date]()}
	kindTimestamp = goKind{func(s string, _ informix.Qualifier) (any, error) {
		layout := "2006-01-02 15:04:05.999999999"
		switch len(s) {
		case len(time.DateOnly):
			layout = time.DateOnly
		case len("2006-01-02 15:04"):
			layout = "2006-01-02 15:04"
		}
		return time.Parse(layout, s)
	}, nullOf[time.Time]()}
	kindDateTime = goKind{func(s string, q informix.Qualifier) (any, error) {
		return informix.ParseDateTime(s, q)
	}, nullOf[informix.DateTime]()}
	kindIntervalYM = goKind{func(s string, q informix.Qualifier) (any, error) {
		return informix.ParseIntervalYM(s, q)
	}, nullOf[informix.IntervalYM]()}
	kindIntervalDS = goKind{func(s string, q informix.Qualifier) (any, error) {
		return informix.ParseIntervalDS(s, q)
	}, nullOf[informix.IntervalDS]()}
	kindString = goKind{func(s string, _ informix.Qualifier) (any, error) { return s, nil }, nullOf[string]()}
	kindBool   = goKind{func(s string, _ informix.Qualifier) (any, error) { return s == "t", nil }, nullOf[bool]()}
)

// kindOf returns the Go kind of an SQL type of types.tsv: the natural Go
// type of each column (doc.go's tables), and for DATETIME and INTERVAL the
// qualifier the type names.
func kindOf(t testing.TB, sqlType string) (goKind, informix.Qualifier) {
	t.Helper()
	u := strings.ToUpper(sqlType)
	switch {
	case u == "SMALLINT":
		return kindSmallInt, 0
	case u == "INTEGER" || u == "SERIAL":
		return kindInteger, 0
	case u == "INT8" || u == "BIGINT" || u == "SERIAL8" || u == "BIGSERIAL":
		return kindBigInt, 0
	case u == "SMALLFLOAT":
		return kindSmallFloat, 0
	case u == "FLOAT":
		return kindFloat, 0
	case strings.HasPrefix(u, "DECIMAL") || strings.HasPrefix(u, "MONEY"):
		return kindDecimal, 0
	case u == "DATE":
		return kindDate, 0
	case u == "BOOLEAN":
		return kindBool, 0
	case strings.Contains(u, "CHAR"):
		return kindString, 0
	case strings.HasPrefix(u, "DATETIME YEAR"):
		return kindTimestamp, qualifierOf(t, u)
	case strings.HasPrefix(u, "DATETIME"):
		return kindDateTime, qualifierOf(t, u)
	case strings.HasPrefix(u, "INTERVAL YEAR") || strings.HasPrefix(u, "INTERVAL MONTH"):
		return kindIntervalYM, qualifierOf(t, u)
	case strings.HasPrefix(u, "INTERVAL"):
		return kindIntervalDS, qualifierOf(t, u)
	}
	t.Fatalf("no Go kind for %s", sqlType)
	return goKind{}, 0
}

var units = map[string]informix.TimeUnit{"YEAR": informix.UnitYear, "MONTH": informix.UnitMonth,
	"DAY": informix.UnitDay, "HOUR": informix.UnitHour, "MINUTE": informix.UnitMinute,
	"SECOND": informix.UnitSecond, "FRACTION": informix.UnitFraction3, "FRACTION(1)": informix.UnitFraction1,
	"FRACTION(2)": informix.UnitFraction2, "FRACTION(3)": informix.UnitFraction3,
	"FRACTION(4)": informix.UnitFraction4, "FRACTION(5)": informix.UnitFraction5}

// qualifierOf reads the qualifier of "DATETIME start TO end" or
// "INTERVAL start[(p)] TO end"; an INTERVAL's leading precision defaults
// to 2 (IBM Guide to SQL: Reference, INTERVAL data type).
func qualifierOf(t testing.TB, u string) informix.Qualifier {
	t.Helper()
	kind, rest, _ := strings.Cut(u, " ")
	from, to, _ := strings.Cut(rest, " TO ")
	var q informix.Qualifier
	var err error
	if kind == "DATETIME" {
		q, err = informix.DateTimeQualifier(units[from], units[to])
	} else {
		prec := 2
		if name, p, ok := strings.Cut(from, "("); ok {
			prec, _ = strconv.Atoi(strings.TrimSuffix(p, ")"))
			from = name
		}
		q, err = informix.IntervalQualifier(units[from], prec, units[to])
	}
	if err != nil {
		t.Fatalf("qualifier of %s: %v", u, err)
	}
	return q
}

// TestTypesRoundTrip binds every value of types.tsv (NULLs, boundaries,
// every DECIMAL class, every DATETIME and INTERVAL qualifier class, a
// 30 000-byte LVARCHAR, non-ASCII text in 8859-1 and UTF-8) as its natural
// Go type through a prepared INSERT, selects the table back and scans each
// value into sql.Null[T] of that type: it must equal the file's expected
// value, and NULL must come back as NULL.
func TestTypesRoundTrip(t *testing.T) {
	cases := loadTypeCases(t)
	var order []string
	groups := map[string][]typeCase{}
	for _, k := range cases {
		if groups[k.Table] == nil {
			order = append(order, k.Table)
		}
		groups[k.Table] = append(groups[k.Table], k)
	}
	for _, name := range order {
		group := groups[name]
		t.Run(name+" "+group[0].SQLType, func(t *testing.T) { roundTrip(t, group) })
	}
}

func roundTrip(t *testing.T, group []typeCase) {
	role := roleOf(group[0].DB)
	kind, q := kindOf(t, group[0].SQLType)
	name := table(t, role, group[0].Table, "id INTEGER, v "+group[0].SQLType)
	db := open(t, role)
	ins, err := db.Prepare("INSERT INTO " + name + " VALUES (?, ?)")
	if err != nil {
		t.Fatal(err)
	}
	defer ins.Close()
	for _, k := range group {
		var v any
		if k.Value != "NULL" {
			if v, err = kind.value(k.Value, q); err != nil {
				t.Fatalf("case %d: %v", k.ID, err)
			}
		}
		if _, err := ins.Exec(int32(k.ID), v); err != nil {
			t.Errorf("case %d %s %q: insert: %v", k.ID, k.SQLType, clip(k.Value), err)
		}
	}
	rows, err := db.Query("SELECT id, v FROM " + name + " ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	read := 0
	for ; rows.Next(); read++ {
		var id int
		dest := kind.dest()
		if err := rows.Scan(&id, dest); err != nil {
			t.Errorf("row %d: scan: %v", read, err)
			continue
		}
		checkCase(t, caseByID(group, id), kind, q, dest)
	}
	if err := rows.Err(); err != nil || read != len(group) {
		t.Errorf("read %d rows, %v; want %d", read, err, len(group))
	}
}

func caseByID(group []typeCase, id int) typeCase {
	for _, k := range group {
		if k.ID == id {
			return k
		}
	}
	return typeCase{typecases.Case{ID: id, Expect: "(no such case)"}}
}

// checkCase compares a scanned sql.Null[T] with case k's expected value.
func checkCase(t *testing.T, k typeCase, kind goKind, q informix.Qualifier, dest any) {
	t.Helper()
	rv := reflect.ValueOf(dest).Elem()
	valid, got := rv.FieldByName("Valid").Bool(), rv.FieldByName("V").Interface()
	if k.Expect == "NULL" {
		if valid {
			t.Errorf("case %d %s: read %v, want NULL", k.ID, k.SQLType, got)
		}
		return
	}
	want, err := kind.value(k.Expect, q)
	if err != nil {
		t.Fatalf("case %d: expected value: %v", k.ID, err)
	}
	if !valid || !sameValue(got, want) {
		t.Errorf("case %d %s: read %s (valid %v), want %s", k.ID, k.SQLType, clip(fmt.Sprint(got)), valid, clip(fmt.Sprint(want)))
	}
}

// sameValue compares two values of one Go kind: decimals by value, times
// as instants, intervals by their span (the text a column is read from
// carries no qualifier), everything else exactly.
func sameValue(got, want any) bool {
	switch w := want.(type) {
	case informix.Decimal:
		return w.Equal(got.(informix.Decimal))
	case time.Time:
		return w.Equal(got.(time.Time))
	case informix.IntervalYM:
		return w.Months == got.(informix.IntervalYM).Months
	case informix.IntervalDS:
		g := got.(informix.IntervalDS)
		return w.Seconds == g.Seconds && w.Nanoseconds == g.Nanoseconds
	}
	return reflect.DeepEqual(got, want)
}
