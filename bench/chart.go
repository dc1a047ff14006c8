package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// A chart is a column of panels, each a title over one horizontal bar per
// client: the client's name on the left, the bar (its median, scaled to
// the panel's largest value), a whisker over the bar from the
// repetitions' minimum to their maximum, and the value as text on the
// right. Text is basicfont's 7×13 bitmap face, which covers ASCII only.

// bar is one bar of a panel.
type bar struct {
	label  string
	value  float64
	lo, hi float64 // the spread; both equal to value for none
	text   string  // the value as printed right of the bar
	ours   bool    // drawn in the highlight colour
}

// panel is one titled group of bars with its own scale.
type panel struct {
	title string
	bars  []bar
}

// Layout of a chart, in pixels.
const (
	chartWidth  = 900
	chartMargin = 12
	labelWidth  = 220 // the client names' column
	valueWidth  = 130 // the values' column
	titleHeight = 22
	barHeight   = 18
	barGap      = 6
	panelGap    = 14
	plotWidth   = chartWidth - 2*chartMargin - labelWidth - valueWidth
)

// Colours of a chart.
var (
	colBackground = color.RGBA{0xff, 0xff, 0xff, 0xff}
	colText       = color.RGBA{0x20, 0x20, 0x20, 0xff}
	colBar        = color.RGBA{0x8c, 0xa6, 0xc8, 0xff}
	colOurs       = color.RGBA{0x1f, 0x5f, 0xb4, 0xff}
	colWhisker    = color.RGBA{0x30, 0x30, 0x30, 0xff}
)

// chartHeight returns the height of a chart of panels: the margins, and
// per panel its title and its bars, with a gap between panels.
func chartHeight(panels []panel) int {
	h := 2 * chartMargin
	for i, p := range panels {
		if i > 0 {
			h += panelGap
		}
		h += titleHeight + len(p.bars)*(barHeight+barGap)
	}
	return h
}

// renderChart draws panels.
func renderChart(panels []panel) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, chartWidth, chartHeight(panels)))
	draw.Draw(img, img.Bounds(), image.NewUniform(colBackground), image.Point{}, draw.Src)
	y := chartMargin
	for i, p := range panels {
		if i > 0 {
			y += panelGap
		}
		drawText(img, chartMargin, y+15, p.title)
		y += titleHeight
		scale := panelMax(p)
		for _, b := range p.bars {
			drawBar(img, y, b, scale)
			y += barHeight + barGap
		}
	}
	return img
}

// panelMax returns the largest value or spread end of p, the value a
// full-width bar stands for; 1 when every value is 0 or less.
func panelMax(p panel) float64 {
	m := 0.0
	for _, b := range p.bars {
		m = max(m, b.value, b.hi)
	}
	if m <= 0 {
		return 1
	}
	return m
}

// drawBar draws one bar with its top at y.
func drawBar(img *image.RGBA, y int, b bar, scale float64) {
	x0 := chartMargin + labelWidth
	drawText(img, chartMargin, y+13, b.label)
	fill := colBar
	if b.ours {
		fill = colOurs
	}
	w := barLength(b.value, scale)
	draw.Draw(img, image.Rect(x0, y, x0+w, y+barHeight), image.NewUniform(fill), image.Point{}, draw.Src)
	if b.lo < b.hi {
		lo, hi := x0+barLength(b.lo, scale), x0+barLength(b.hi, scale)
		mid := y + barHeight/2
		whisker := image.NewUniform(colWhisker)
		draw.Draw(img, image.Rect(lo, mid, hi+1, mid+1), whisker, image.Point{}, draw.Src)
		draw.Draw(img, image.Rect(lo, mid-4, lo+1, mid+5), whisker, image.Point{}, draw.Src)
		draw.Draw(img, image.Rect(hi, mid-4, hi+1, mid+5), whisker, image.Point{}, draw.Src)
	}
	drawText(img, x0+plotWidth+8, y+13, b.text)
}

// barLength returns the length in pixels of value on a plot where scale
// fills plotWidth, clamped to the plot.
func barLength(value, scale float64) int {
	return min(max(int(value/scale*plotWidth+0.5), 0), plotWidth)
}

// drawText writes s with its baseline at (x, y).
func drawText(img *image.RGBA, x, y int, s string) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(colText), Face: basicfont.Face7x13, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// writePNG renders panels into a PNG file at path.
func writePNG(path string, panels []panel) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	if err := png.Encode(f, renderChart(panels)); err != nil {
		f.Close()
		return fmt.Errorf("chart %s: %w", path, err)
	}
	return f.Close()
}
