package main

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
)

// sampleResult is a small result as the driver returns it: INTEGER as
// int64, DECIMAL as its text, DATE as a time.Time at midnight UTC, NULL as
// nil (doc.go, "Types").
func sampleResult() ([]column, [][]any) {
	cols := []column{
		{name: "customer_num", dbType: "INTEGER", numeric: true, layout: timeLayout("INTEGER")},
		{name: "name", dbType: "VARCHAR", layout: timeLayout("VARCHAR")},
		{name: "since", dbType: "DATE", layout: timeLayout("DATE")},
		{name: "total", dbType: "DECIMAL", numeric: true, layout: timeLayout("DECIMAL")},
		{name: "notes", dbType: "LVARCHAR", layout: timeLayout("LVARCHAR")},
	}
	rows := [][]any{
		{int64(1), "Müller", time.Date(2019, 3, 14, 0, 0, 0, 0, time.UTC), "88.80", "a\nb"},
		{int64(11), "山田 花子", nil, "1104.45", nil},
	}
	return cols, rows
}

// render writes cols and rows with the writer of format and returns the
// output.
func render(t *testing.T, format, null string, vertical bool, cols []column, rows [][]any) string {
	t.Helper()
	var b bytes.Buffer
	w, err := newResultWriter(format, &b, null, vertical)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.begin(cols); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.row(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.end(int64(len(rows))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The expected outputs below are written by hand. Table widths: the
// widest of header and values in terminal cells, "山田 花子" taking 9
// (four wide characters and a space); numbers aligned right; NULL is the
// -null text (empty here); "a\nb" is shown escaped.
func TestFormats(t *testing.T) {
	cols, rows := sampleResult()
	tests := []struct {
		name, format, null string
		vertical           bool
		want               string
	}{
		{"table", formatTable, "", false, "" +
			"customer_num | name      | since      |   total | notes\n" +
			"-------------+-----------+------------+---------+------\n" +
			"           1 | Müller    | 2019-03-14 |   88.80 | a\\nb\n" +
			"          11 | 山田 花子 |            | 1104.45 |\n" +
			"(2 rows)\n"},
		{"table with -null", formatTable, "NULL", false, "" +
			"customer_num | name      | since      |   total | notes\n" +
			"-------------+-----------+------------+---------+------\n" +
			"           1 | Müller    | 2019-03-14 |   88.80 | a\\nb\n" +
			"          11 | 山田 花子 | NULL       | 1104.45 | NULL\n" +
			"(2 rows)\n"},
		{"vertical", formatTable, "", true, "" +
			"-[ RECORD 1 ]\n" +
			"customer_num | 1\n" +
			"name         | Müller\n" +
			"since        | 2019-03-14\n" +
			"total        | 88.80\n" +
			"notes        | a\\nb\n" +
			"-[ RECORD 2 ]\n" +
			"customer_num | 11\n" +
			"name         | 山田 花子\n" +
			"since        |\n" +
			"total        | 1104.45\n" +
			"notes        |\n" +
			"(2 rows)\n"},
		{"csv", formatCSV, "", false, "" +
			"customer_num,name,since,total,notes\n" +
			"1,Müller,2019-03-14,88.80,\"a\nb\"\n" +
			"11,山田 花子,,1104.45,\n"},
		{"csv with -null", formatCSV, "NULL", false, "" +
			"customer_num,name,since,total,notes\n" +
			"1,Müller,2019-03-14,88.80,\"a\nb\"\n" +
			"11,山田 花子,NULL,1104.45,NULL\n"},
		{"json", formatJSON, "NULL", false, "" +
			"[\n" +
			`{"customer_num":1,"name":"Müller","since":"2019-03-14","total":"88.80","notes":"a\nb"},` + "\n" +
			`{"customer_num":11,"name":"山田 花子","since":null,"total":"1104.45","notes":null}` + "\n" +
			"]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.format, tt.null, tt.vertical, cols, rows); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestFormatsEmpty(t *testing.T) {
	cols := []column{{name: "a", dbType: "INTEGER", numeric: true}, {name: "bb", dbType: "CHAR"}}
	tests := []struct{ format, want string }{
		{formatTable, "a | bb\n--+---\n(0 rows)\n"},
		{formatCSV, "a,bb\n"},
		{formatJSON, "[]\n"},
	}
	for _, tt := range tests {
		if got := render(t, tt.format, "", false, cols, nil); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.format, got, tt.want)
		}
	}
}

func TestTableOneRow(t *testing.T) {
	cols := []column{{name: "n", dbType: "INTEGER", numeric: true}}
	got := render(t, formatTable, "", false, cols, [][]any{{int64(42)}})
	if want := " n\n--\n42\n(1 row)\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTableHold: the widths come from the rows held back; a later, wider
// value widens its own line only.
func TestTableHold(t *testing.T) {
	cols := []column{{name: "a", dbType: "VARCHAR"}, {name: "b", dbType: "VARCHAR"}}
	var b bytes.Buffer
	w := &tableWriter{w: &b, hold: 2}
	steps := []func() error{
		func() error { return w.begin(cols) },
		func() error { return w.row([]any{"x", "1"}) },
		func() error { return w.row([]any{"yy", "2"}) },
		func() error { return w.row([]any{"zzzz", "3"}) },
		func() error { return w.end(3) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	want := "a  | b\n---+--\nx  | 1\nyy | 2\nzzzz | 3\n(3 rows)\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestAbort: a result cut short keeps the rows written and gets no
// footer (table) or closing bracket (JSON).
func TestAbort(t *testing.T) {
	cols := []column{{name: "a", dbType: "INTEGER", numeric: true}}
	tests := []struct{ format, want string }{
		{formatTable, "a\n-\n1\n"},
		{formatCSV, "a\n1\n"},
		{formatJSON, "[\n{\"a\":1}\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		w, err := newResultWriter(tt.format, &b, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.begin(cols); err != nil {
			t.Fatal(err)
		}
		if err := w.row([]any{int64(1)}); err != nil {
			t.Fatal(err)
		}
		if err := w.abort(); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s: got %q, want %q", tt.format, b.String(), tt.want)
		}
	}
}

func TestJSONValues(t *testing.T) {
	cols := []column{
		{name: "f", dbType: "FLOAT"}, {name: "f", dbType: "FLOAT"}, {name: "f", dbType: "FLOAT"},
		{name: "b", dbType: "BOOLEAN"}, {name: "bytes", dbType: "BYTE"}, {name: "html", dbType: "VARCHAR"},
	}
	got := render(t, formatJSON, "", false, cols, [][]any{
		{1e21, math.NaN(), 0.5, true, []byte{0xde, 0xad}, "<a & b>"},
	})
	// 1e21 is the first float JSON writes with an exponent; NaN has no
	// JSON number, so it is a string; keys repeat as f, f_2, f_3.
	want := "[\n" + `{"f":1e+21,"f_2":"NaN","f_3":0.5,"b":true,"bytes":"dead","html":"<a & b>"}` + "\n]\n"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if !json.Valid([]byte(got)) {
		t.Errorf("not valid JSON: %s", got)
	}
}

func TestNewResultWriterUnknown(t *testing.T) {
	if _, err := newResultWriter("xml", &bytes.Buffer{}, "", false); err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("error %v, want one naming the format", err)
	}
}
