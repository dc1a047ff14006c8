package main

import (
	"math"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want float64
	}{
		{"one value", []float64{7}, 7},
		{"odd count, unsorted: 1 3 9, middle 3", []float64{9, 1, 3}, 3},
		{"even count: 1 2 4 10, mean of 2 and 4", []float64{10, 4, 1, 2}, 3},
		{"repeated values", []float64{5, 5, 1, 5}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := median(tt.in); got != tt.want {
				t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	if got := median(nil); !math.IsNaN(got) {
		t.Errorf("median(nil) = %v, want NaN", got)
	}
}

func TestPercentileNearestRank(t *testing.T) {
	// 1µs … 100µs: the p-th percentile by nearest rank is the value of
	// rank ceil(p/100 × 100) = p, i.e. p µs.
	hundred := make([]time.Duration, 100)
	for i := range hundred {
		hundred[i] = time.Duration(i+1) * time.Microsecond
	}
	// 10 values 10µs … 100µs: p50 is rank ceil(5) = 5 → 50µs; p99 is rank
	// ceil(9.9) = 10 → 100µs; p1 is rank ceil(0.1) = 1 → 10µs.
	ten := make([]time.Duration, 10)
	for i := range ten {
		ten[i] = time.Duration(10*(i+1)) * time.Microsecond
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"p50 of 1..100µs", hundred, 50, 50 * time.Microsecond},
		{"p99 of 1..100µs", hundred, 99, 99 * time.Microsecond},
		{"p100 of 1..100µs", hundred, 100, 100 * time.Microsecond},
		{"p50 of ten", ten, 50, 50 * time.Microsecond},
		{"p99 of ten", ten, 99, 100 * time.Microsecond},
		{"p1 of ten", ten, 1, 10 * time.Microsecond},
		{"p0 clamps to the first", ten, 0, 10 * time.Microsecond},
		{"one sample", []time.Duration{3}, 99, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.sorted, tt.p); got != tt.want {
				t.Errorf("percentile(p%v) = %v, want %v", tt.p, got, tt.want)
			}
		})
	}
}

func TestFigures(t *testing.T) {
	tests := []struct {
		name          string
		k             kind
		r             result
		main, p99     float64
		wantErrorText bool
	}{
		// 100 000 rows in 250 ms: 100 000 / 0.25 s = 400 000 rows/s.
		{"throughput", throughput, result{count: 100_000, elapsed: 250 * time.Millisecond}, 400_000, 0, false},
		// 100 connections in 150 ms: 150 000 µs / 100 = 1 500 µs each.
		{"per operation", perOp, result{count: 100, elapsed: 150 * time.Millisecond}, 1500, 0, false},
		// Samples 10, 20, …, 100 µs in reverse order: p50 is the 5th
		// smallest, 50 µs; p99 the 10th, 100 µs.
		{"latency", latency, result{count: 10, elapsed: time.Millisecond, samples: []time.Duration{
			100e3, 90e3, 80e3, 70e3, 60e3, 50e3, 40e3, 30e3, 20e3, 10e3}}, 50, 100, false},
		{"no operations", throughput, result{count: 0, elapsed: time.Second}, 0, 0, true},
		{"latency without samples", latency, result{count: 3, elapsed: time.Second}, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			main, p99, err := figures(tt.k, tt.r)
			if tt.wantErrorText {
				if err == nil {
					t.Fatalf("figures = %v, %v, want an error", main, p99)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if main != tt.main || p99 != tt.p99 {
				t.Errorf("figures = %v, %v; want %v, %v", main, p99, tt.main, tt.p99)
			}
		})
	}
}

func TestSummarizeThroughput(t *testing.T) {
	// Five repetitions of 1 000 rows taking 1, 2, 4, 5 and 10 ms: 1 000 000,
	// 500 000, 250 000, 200 000 and 100 000 rows/s; the median is 250 000,
	// the spread 100 000 – 1 000 000.
	var rs []result
	for _, ms := range []int{4, 1, 10, 2, 5} {
		rs = append(rs, result{count: 1000, elapsed: time.Duration(ms) * time.Millisecond})
	}
	s, err := summarize(throughput, rs)
	if err != nil {
		t.Fatal(err)
	}
	want := summary{reps: 5, median: 250_000, min: 100_000, max: 1_000_000}
	if s != want {
		t.Errorf("summarize = %+v, want %+v", s, want)
	}
}

func TestSummarizeLatency(t *testing.T) {
	// Three repetitions of two samples each. Nearest rank over two samples:
	// p50 is rank 1 (the smaller), p99 rank 2 (the larger).
	// p50s: 10, 30, 20 µs → median 20, spread 10–30.
	// p99s: 40, 90, 60 µs → median 60, spread 40–90.
	us := time.Microsecond
	rs := []result{
		{count: 2, elapsed: time.Millisecond, samples: []time.Duration{40 * us, 10 * us}},
		{count: 2, elapsed: time.Millisecond, samples: []time.Duration{30 * us, 90 * us}},
		{count: 2, elapsed: time.Millisecond, samples: []time.Duration{60 * us, 20 * us}},
	}
	s, err := summarize(latency, rs)
	if err != nil {
		t.Fatal(err)
	}
	want := summary{reps: 3, median: 20, min: 10, max: 30, p99: 60, p99Min: 40, p99Max: 90}
	if s != want {
		t.Errorf("summarize = %+v, want %+v", s, want)
	}
	if _, err := summarize(latency, nil); err == nil {
		t.Error("summarize of no repetitions: no error")
	}
}

func TestSpeedup(t *testing.T) {
	tests := []struct {
		name        string
		k           kind
		ours, other float64
		want        float64
	}{
		// Rates: ours ÷ other. 600 000 vs 200 000 rows/s: 3× faster.
		{"rate, ours faster", throughput, 600_000, 200_000, 3},
		// 250 000 vs 1 000 000 rows/s (the raw limit): a quarter of it.
		{"rate, share of the limit", throughput, 250_000, 1_000_000, 0.25},
		// Times: other ÷ ours. 100 µs vs 150 µs: 1.5× faster.
		{"latency, ours faster", latency, 100, 150, 1.5},
		// 110 µs vs a raw 100 µs: 100/110.
		{"latency, slower than raw", latency, 110, 100, 100.0 / 110},
		{"per operation", perOp, 2000, 1000, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := speedup(tt.k, summary{median: tt.ours}, summary{median: tt.other})
			if math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("speedup = %v, want %v", got, tt.want)
			}
		})
	}
}
