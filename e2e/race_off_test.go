//go:build !race

package e2e

// raceIterations is the number of rounds of TestCancelRace.
const raceIterations = 5000
