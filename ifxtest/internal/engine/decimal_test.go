package engine

import (
	"bytes"
	"encoding/hex"
	"math/big"
	"math/rand"
	"sort"
	"testing"

	"github.com/go-informix/informix/ifxtype"
)

// TestDecimalKeyVectors checks the key of a few values against TYPES.md
// §5.5's packed bytes without their padding. Those vectors are computed
// there, not captured: computed, unconfirmed.
func TestDecimalKeyVectors(t *testing.T) {
	tests := []struct{ value, key string }{
		{"0", "80"},
		{"1", "c101"},
		{"-1", "3e63"},
		{"9.9", "c1095a"},
		{"-9.9", "3e5a0a"},
		{"1234.56", "c20c2238"},
		{"-1234.56", "3d57412c"},
		{"12345.6", "c301172d3c"},
		{"0.05", "c005"},
		{"0.001", "bf0a"},
		{"-0.5", "3f32"},
		{"-99.99", "3e0001"},
		{"99999999.99", "c46363636363"},
	}
	for _, tt := range tests {
		t.Run(tt.value+"/computed, unconfirmed", func(t *testing.T) {
			k, err := decKey(dec(t, tt.value))
			if err != nil {
				t.Fatal(err)
			}
			if hex.EncodeToString(k) != tt.key {
				t.Errorf("key %x, want %s", k, tt.key)
			}
			d, ok := decFromKey(k)
			if !ok || !d.Equal(dec(t, tt.value)) {
				t.Errorf("decoded %v, want %s", d, tt.value)
			}
		})
	}
}

// TestDecimalKeyOrder checks that byte order of keys is numeric order,
// against big.Rat comparison, over random values of varied magnitudes.
func TestDecimalKeyOrder(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var vals []ifxtype.Decimal
	for i := 0; i < 2000; i++ {
		coef := big.NewInt(r.Int63n(1_000_000_000) - 500_000_000)
		vals = append(vals, ifxtype.DecimalFromBigInt(coef, int32(r.Intn(40)-20)))
	}
	keys := make([][]byte, len(vals))
	for i, v := range vals {
		k, err := decKey(v)
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = k
	}
	idx := make([]int, len(vals))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return bytes.Compare(keys[idx[a]], keys[idx[b]]) < 0 })
	for i := 1; i < len(idx); i++ {
		a, b := vals[idx[i-1]].Rat(), vals[idx[i]].Rat()
		if a.Cmp(b) > 0 {
			t.Fatalf("key order puts %v before %v", vals[idx[i-1]], vals[idx[i]])
		}
		if (a.Cmp(b) == 0) != bytes.Equal(keys[idx[i-1]], keys[idx[i]]) {
			t.Fatalf("equal values %v and %v have different keys", vals[idx[i-1]], vals[idx[i]])
		}
	}
}

// TestDecimalArithmetic checks DECIMAL operators in SQL against results
// worked by hand.
func TestDecimalArithmetic(t *testing.T) {
	s := loggedSession(t)
	exec(t, s, "create table d (v decimal(10,3))")
	for _, v := range []string{"-2.5", "10", "0.125", "-100.001", "3"} {
		exec(t, s, "insert into d values (?)", v)
	}
	rows := queryRows(t, s, "select v from d order by v")
	want := []string{"-100.001", "-2.500", "0.125", "3.000", "10.000"}
	for i, w := range want {
		if rows[i][0].(ifxtype.Decimal).String() != w {
			t.Errorf("row %d = %v, want %s", i, rows[i][0], w)
		}
	}
	sum := one(t, s, "select sum(v) from d")
	if !sum.(ifxtype.Decimal).Equal(dec(t, "-89.376")) { // -2.5+10+0.125-100.001+3
		t.Errorf("sum = %v, want -89.376", sum)
	}
	avg := one(t, s, "select avg(v) from d")
	if !avg.(ifxtype.Decimal).Equal(dec(t, "-17.8752")) { // -89.376 / 5
		t.Errorf("avg = %v, want -17.8752", avg)
	}
	third := one(t, s, "select 1.0 / 3 from systables where tabid = 1")
	if third.(ifxtype.Decimal).String() != "0."+string(bytes.Repeat([]byte("3"), 31)) {
		t.Errorf("1/3 = %v, want the 31 significant digits of DECIMAL(31)", third)
	}
	if n := one(t, s, "select count(*) from d where v > -3 and v <= 3"); !sameValue(n, dec(t, "3")) {
		t.Errorf("count in (-3, 3] = %v, want 3", n)
	}
}
