// Package typecases reads conformance/testdata/types.tsv, the values the
// oracles' types scenario binds and reads back, which the conformance
// harness, the ifxconn byte-equality tests and the end-to-end suite all
// use as their independent source of values.
package typecases

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/go-informix/informix/ifxtype"
)

// Case is one row of types.tsv: a value bound into column v of Table
// (id INTEGER, v SQLType) in database DB, and what reads back.
type Case struct {
	ID                 int
	DB, Table, SQLType string
	Value              string // expanded; "NULL" is SQL NULL
	Expect             string // the expanded read-back value
}

// Load reads a types.tsv file; its header describes the format. The
// markers are expanded: @empty is the empty string, @repeat(N,s) is s
// repeated N times, and @pad(N), as the read-back value, is the value
// blank-padded to N bytes in its database's code set.
func Load(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Case
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c, err := parse(strings.Split(l, "\t"))
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, n, err)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// parse reads the fields of one line.
func parse(f []string) (Case, error) {
	if len(f) < 5 || len(f) > 6 {
		return Case{}, fmt.Errorf("%d fields, want 5 or 6", len(f))
	}
	id, err := strconv.Atoi(f[0])
	if err != nil {
		return Case{}, fmt.Errorf("id: %w", err)
	}
	value, err := expand(f[4])
	if err != nil {
		return Case{}, err
	}
	c := Case{ID: id, DB: f[1], Table: f[2], SQLType: f[3], Value: value, Expect: value}
	if len(f) == 6 {
		if c.Expect, err = c.expandExpect(f[5]); err != nil {
			return Case{}, err
		}
	}
	return c, nil
}

// expand expands @empty and @repeat(N,s).
func expand(v string) (string, error) {
	switch {
	case v == "@empty":
		return "", nil
	case strings.HasPrefix(v, "@repeat(") && strings.HasSuffix(v, ")"):
		n, s, _ := strings.Cut(v[len("@repeat("):len(v)-1], ",")
		k, err := strconv.Atoi(n)
		if err != nil {
			return "", fmt.Errorf("%s: count: %w", v, err)
		}
		return strings.Repeat(s, k), nil
	}
	return v, nil
}

// expandExpect expands a read-back value, @pad(N) included.
func (c Case) expandExpect(e string) (string, error) {
	if !strings.HasPrefix(e, "@pad(") || !strings.HasSuffix(e, ")") {
		return expand(e)
	}
	n, err := strconv.Atoi(e[len("@pad(") : len(e)-1])
	if err != nil {
		return "", fmt.Errorf("%s: width: %w", e, err)
	}
	pad := n - len(c.Encoded())
	if pad < 0 {
		return "", fmt.Errorf("%s: the value is %d bytes", e, len(c.Encoded()))
	}
	return c.Value + strings.Repeat(" ", pad), nil
}

// CodeSet returns the code set of the case's database: UTF-8 in utf8db,
// ISO 8859-1 elsewhere (testdb).
func (c Case) CodeSet() ifxtype.CodeSet {
	if c.DB == "utf8db" {
		return ifxtype.UTF8
	}
	return ifxtype.Latin1
}

// Encoded returns the value's bytes in its database's code set, or its
// UTF-8 bytes when the code set cannot hold it.
func (c Case) Encoded() []byte {
	b, err := c.CodeSet().Append(nil, c.Value)
	if err != nil {
		return []byte(c.Value)
	}
	return b
}
