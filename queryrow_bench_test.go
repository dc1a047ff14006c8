package informix

import (
	"context"
	"testing"

	"github.com/go-informix/informix/ifxtest"
)

// BenchmarkQueryRowOne runs the one-row SELECT of bench_one through a
// prepared *sql.Stmt against ifxtest's replay mode, the bench harness's
// select_one workload in process: with OPTOFC on (the default) one round
// trip per query.
func BenchmarkQueryRowOne(b *testing.B) {
	db := openReplay(b, "")
	ctx := context.Background()
	st, err := db.PrepareContext(ctx, "SELECT one FROM "+ifxtest.BenchOne)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var one int64
	b.ReportAllocs()
	for b.Loop() {
		if err := st.QueryRowContext(ctx).Scan(&one); err != nil || one != 1 {
			b.Fatal(one, err)
		}
	}
}
