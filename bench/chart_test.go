package main

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestChartHeight(t *testing.T) {
	one := []panel{{title: "a", bars: make([]bar, 3)}}
	// 2 margins of 12, a title of 22, 3 bars of 18 + 6: 24 + 22 + 72 = 118.
	if got := chartHeight(one); got != 118 {
		t.Errorf("one panel of 3 bars: height %d, want 118", got)
	}
	two := []panel{{bars: make([]bar, 2)}, {bars: make([]bar, 1)}}
	// 24 + (22 + 48) + a gap of 14 + (22 + 24) = 154.
	if got := chartHeight(two); got != 154 {
		t.Errorf("panels of 2 and 1 bars: height %d, want 154", got)
	}
}

// TestChartPNG writes a chart, decodes it, and checks its size and the
// bars' lengths. The plot is 900 − 2·12 − 220 − 130 = 526 pixels wide and
// starts at x = 12 + 220 = 232; the first bar's top is at y = 12 + 22 = 34
// and each next one 18 + 6 = 24 lower.
func TestChartPNG(t *testing.T) {
	panels := []panel{{title: "fetch_rows: rows/s", bars: []bar{
		{label: "ours", value: 100, lo: 100, hi: 100, text: "100 rows/s", ours: true},
		{label: "half", value: 50, lo: 50, hi: 50, text: "50 rows/s"},
		{label: "spread", value: 25, lo: 10, hi: 40, text: "25 rows/s"},
	}}}
	path := filepath.Join(t.TempDir(), "c.png")
	if err := writePNG(path, panels); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the chart is not a decodable PNG: %v", err)
	}
	if b := img.Bounds(); b != image.Rect(0, 0, 900, 118) {
		t.Fatalf("bounds %v, want 900×118", b)
	}
	tests := []struct {
		name string
		x, y int
		want color.RGBA
	}{
		// The largest value fills the plot: x 232 … 757.
		{"ours, start", 232, 43, colOurs},
		{"ours, end", 757, 43, colOurs},
		{"ours, past the end", 758, 43, colBackground},
		// 50 of 100: 263 pixels, x 232 … 494.
		{"half, end", 494, 67, colBar},
		{"half, past the end", 496, 67, colBackground},
		// 25 of 100: 131.5 rounds to 132, x 232 … 363; the whisker runs
		// at y = 82 + 9 = 91 from 10 (x 232 + 53) to 40 (x 232 + 210).
		{"spread, bar end", 363, 85, colBar},
		{"spread, whisker beyond the bar", 400, 91, colWhisker},
		{"spread, above the whisker", 400, 85, colBackground},
		{"spread, whisker's end tick", 442, 88, colWhisker},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, g, b, a := img.At(tt.x, tt.y).RGBA()
			got := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
			if got != tt.want {
				t.Errorf("pixel (%d, %d) = %v, want %v", tt.x, tt.y, got, tt.want)
			}
		})
	}
}

func TestBarLengthClamps(t *testing.T) {
	tests := []struct {
		value, scale float64
		want         int
	}{
		{0, 10, 0},
		{-5, 10, 0},
		{10, 10, plotWidth},
		{20, 10, plotWidth},
		{5, 10, 263}, // 526 / 2
	}
	for _, tt := range tests {
		if got := barLength(tt.value, tt.scale); got != tt.want {
			t.Errorf("barLength(%v, %v) = %d, want %d", tt.value, tt.scale, got, tt.want)
		}
	}
}
