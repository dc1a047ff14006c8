// Package depcheck holds the test that keeps the driver's import graph to
// the standard library, golang.org/x/text and this module (DEVELOPERS.md,
// "Dependencies"). It has no code of its own.
package depcheck
