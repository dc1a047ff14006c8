package main

import (
	"context"
	"database/sql"
	"testing"

	"github.com/go-informix/informix"
)

// TestSampleDatabase checks the sample through the driver: the row counts
// (12 customers, 16 orders, and 27 items: 2+1+2+2+1+2+2+2+2+2+1+2+1+2+1+2
// counted from sampleOrders by hand), the one NULL city, and that every
// order's total is the sum of its items' quantity × unit_price.
func TestSampleDatabase(t *testing.T) {
	srv, dsn, err := startSample(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	db, err := sql.Open(informix.DriverName, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	counts := []struct {
		query string
		want  int
	}{
		{"SELECT COUNT(*) FROM customers", 12},
		{"SELECT COUNT(*) FROM orders", 16},
		{"SELECT COUNT(*) FROM items", 27},
		{"SELECT COUNT(*) FROM customers WHERE city IS NULL", 1},
		{`SELECT COUNT(*) FROM orders o WHERE o.total <>
			(SELECT SUM(i.quantity * i.unit_price) FROM items i WHERE i.order_num = o.order_num)`, 0},
	}
	for _, c := range counts {
		var n int
		if err := db.QueryRow(c.query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if n != c.want {
			t.Errorf("%s: %d, want %d", c.query, n, c.want)
		}
	}
}
