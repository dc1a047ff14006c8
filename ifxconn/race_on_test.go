//go:build race

package ifxconn

// raceEnabled reports whether the race detector is on; the cancellation
// race test runs fewer iterations then, since every one is slower.
const raceEnabled = true
