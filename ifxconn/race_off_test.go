//go:build !race

package ifxconn

// raceEnabled reports whether the race detector is on.
const raceEnabled = false
