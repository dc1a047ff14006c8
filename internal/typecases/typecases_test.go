package typecases

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestLoad reads a small file in types.tsv's format. The expected values
// are written by hand: "é" is 1 byte in 8859-1 (testdb) and 2 in UTF-8
// (utf8db), so @pad(4) adds 3 and 2 blanks.
func TestLoad(t *testing.T) {
	text := "# header\n" +
		"1\ttestdb\tt_int\tINTEGER\t42\n" +
		"2\ttestdb\tt_vc\tVARCHAR(10)\t@empty\n" +
		"3\ttestdb\tt_lv\tLVARCHAR(100)\t@repeat(3,ab)\n" +
		"4\ttestdb\tt_ch\tCHAR(4)\té\t@pad(4)\n" +
		"5\tutf8db\tt_ch\tCHAR(4)\té\t@pad(4)\n" +
		"6\ttestdb\tt_dec\tDECIMAL(5,2)\t1.5\t1.50\n"
	path := filepath.Join(t.TempDir(), "types.tsv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []Case{
		{1, "testdb", "t_int", "INTEGER", "42", "42"},
		{2, "testdb", "t_vc", "VARCHAR(10)", "", ""},
		{3, "testdb", "t_lv", "LVARCHAR(100)", "ababab", "ababab"},
		{4, "testdb", "t_ch", "CHAR(4)", "é", "é   "},
		{5, "utf8db", "t_ch", "CHAR(4)", "é", "é  "},
		{6, "testdb", "t_dec", "DECIMAL(5,2)", "1.5", "1.50"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load:\ngot  %+v\nwant %+v", got, want)
	}
}

// TestLoadErrors: a malformed line is an error naming its line.
func TestLoadErrors(t *testing.T) {
	for _, line := range []string{
		"x\ttestdb\tt\tINTEGER\t1",
		"1\ttestdb\tt\tINTEGER",
		"1\ttestdb\tt\tLVARCHAR\t@repeat(x,a)",
		"1\ttestdb\tt\tCHAR(1)\tabc\t@pad(1)",
	} {
		path := filepath.Join(t.TempDir(), "types.tsv")
		if err := os.WriteFile(path, []byte("# h\n"+line+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(path); err == nil {
			t.Errorf("Load of %q succeeded", line)
		}
	}
}
