//go:build race

package e2e

// raceIterations is the number of rounds of TestCancelRace; the race
// detector makes each round several times slower.
const raceIterations = 2000
