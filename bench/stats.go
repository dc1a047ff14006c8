package main

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// summary is what the report shows of one client's repetitions of one
// workload: the median of the per-repetition figure and its spread
// (minimum and maximum), and for the latency workload the same of the
// per-repetition p99. The figure is rows/s (throughput), µs per operation
// (perOp) or the p50 in µs (latency).
type summary struct {
	reps                int
	median, min, max    float64
	p99, p99Min, p99Max float64 // latency only
}

// figures returns the per-repetition figures of r for workload kind k:
// the main one and, for latency, the p99.
func figures(k kind, r result) (main, p99 float64, err error) {
	if r.count <= 0 || r.elapsed <= 0 {
		return 0, 0, fmt.Errorf("a repetition with %d operations in %v has no rate", r.count, r.elapsed)
	}
	switch k {
	case throughput:
		return float64(r.count) / r.elapsed.Seconds(), 0, nil
	case perOp:
		return micros(r.elapsed) / float64(r.count), 0, nil
	}
	if len(r.samples) == 0 {
		return 0, 0, fmt.Errorf("a latency repetition of %d operations has no samples", r.count)
	}
	sorted := slices.Clone(r.samples)
	slices.Sort(sorted)
	return micros(percentile(sorted, 50)), micros(percentile(sorted, 99)), nil
}

// summarize returns the summary of the repetitions rs of a workload of
// kind k. It needs at least one repetition.
func summarize(k kind, rs []result) (summary, error) {
	if len(rs) == 0 {
		return summary{}, fmt.Errorf("no repetitions")
	}
	mains := make([]float64, len(rs))
	p99s := make([]float64, len(rs))
	for i, r := range rs {
		var err error
		if mains[i], p99s[i], err = figures(k, r); err != nil {
			return summary{}, fmt.Errorf("repetition %d: %w", i+1, err)
		}
	}
	s := summary{reps: len(rs), median: median(mains), min: slices.Min(mains), max: slices.Max(mains)}
	if k == latency {
		s.p99, s.p99Min, s.p99Max = median(p99s), slices.Min(p99s), slices.Max(p99s)
	}
	return s, nil
}

// median returns the middle value of xs, or the mean of the two middle
// values for an even count; NaN for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// percentile returns the nearest-rank p-th percentile of sorted, which
// must be in ascending order and not empty: the smallest value with at
// least p % of the values at or below it.
func percentile(sorted []time.Duration, p float64) time.Duration {
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// micros returns d in microseconds.
func micros(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

// speedup returns how many times faster ours is than other on a workload
// of kind k: ours ÷ other for a rate, other ÷ ours for a time (latency
// p50, µs per operation). Above 1, ours is faster; below 1, slower. For
// the raw client it is the share of the physical limit ours reaches.
func speedup(k kind, ours, other summary) float64 {
	if k == throughput {
		return ours.median / other.median
	}
	return other.median / ours.median
}
