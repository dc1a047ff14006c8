package ifxconn

import (
	"context"
	"runtime"
	"testing"

	"github.com/go-informix/informix/ifxtest"
)

// heapInUse returns the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestMillionRowsFlatMemory streams a million rows (a cross join of six
// ten-row tables, which ifxtest's engine also streams) and requires the
// live heap after the last row to be within 8 MiB of the heap after the
// first 100 000: nothing materialises the result (SQLI.md §7.2).
func TestMillionRowsFlatMemory(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	cfg := testConfig(srv, "testdb")
	cfg.FetchBufferSize = 32 << 10
	c := connect(t, cfg)
	fillTable(t, c)
	rows, err := c.Query(context.Background(), "SELECT a.d * 100000 + b.d * 10000 + e.d * 1000 + f.d * 100 + g.d * 10 + h.d, 'row'"+
		" FROM d_t a, d_t b, d_t e, d_t f, d_t g, d_t h", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	dest := make([]any, 2)
	var sum int64
	var early uint64
	n := 0
	for ; rows.Next(dest) == nil; n++ {
		sum += dest[0].(int64)
		if n == 100000 {
			early = heapInUse()
		}
	}
	late := heapInUse()
	if n != 1000000 || sum != 999999*1000000/2 {
		t.Fatalf("%d rows summing to %d, want 1000000 rows summing to %d", n, sum, 999999*1000000/2)
	}
	if late > early+8<<20 {
		t.Errorf("live heap grew from %d to %d bytes over 900 000 rows", early, late)
	}
	t.Logf("live heap after 100 000 rows %d, after 1 000 000 %d", early, late)
}
