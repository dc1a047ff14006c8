package ifxconn

import (
	"context"
	"sync"
	"testing"

	"github.com/go-informix/informix/ifxtest"
	"github.com/go-informix/informix/sqli"
)

// TestConcurrentCalls: calls from two goroutines on one Conn wait for each
// other behind the entry lock, so their bytes never interleave: every call
// succeeds and returns its own answer.
func TestConcurrentCalls(t *testing.T) {
	srv := startServer(t, ifxtest.Config{})
	c := connect(t, testConfig(srv, "testdb"))
	mustExec(t, c, "CREATE TABLE cc_t (g INTEGER, n INTEGER)")
	var wg sync.WaitGroup
	for g := range int32(2) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range int32(100) {
				args := []Param{{Type: sqli.TypeInteger, Value: g}, {Type: sqli.TypeInteger, Value: n}}
				if _, err := c.Exec(context.Background(), "INSERT INTO cc_t VALUES (?, ?)", args); err != nil {
					t.Errorf("goroutine %d insert %d: %v", g, n, err)
					return
				}
				if err := c.Ping(context.Background()); err != nil {
					t.Errorf("goroutine %d ping: %v", g, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n := queryInt(t, c, "SELECT COUNT(*) FROM cc_t"); n != 200 {
		t.Errorf("%d rows, want 200", n)
	}
}
