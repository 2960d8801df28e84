package picture

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/cablegraph/cablegraph/layout"
)

// canvas lays a picture out from the top down: a title, a caption, the
// plot, a legend; it keeps every label placed so far.
type canvas struct {
	w      float64
	y      float64 // the height used so far
	labels []Label
	plotY0 float64 // the plot's top and bottom
	plotY1 float64
}

// margin is the room at the canvas's sides.
const margin = 12

func newCanvas(w float64) *canvas { return &canvas{w: w, y: 6} }

func (c *canvas) title(s string) {
	const size = 15
	for _, line := range wrap(s, size*1.08, c.w-2*margin) { // bold: 8% wider
		c.y += 18
		c.labels = append(c.labels, Label{Text: line, X: margin, Y: c.y, Size: size, Bold: true, Color: "#111111"})
	}
	c.y += 6
}

// caption writes s in lines that fit the width.
func (c *canvas) caption(s string) {
	const size = 11
	for _, line := range wrap(s, size, c.w-2*margin) {
		c.y += 14
		c.labels = append(c.labels, Label{Text: line, X: margin, Y: c.y, Size: size, Color: "#444444"})
	}
	c.y += 4
}

// insertCaption writes s as a caption between what is above the plot and
// the plot, which moves down (with what is under it) by the caption's
// height: the height returned, by which the caller moves what it drew in
// the plot.
func (c *canvas) insertCaption(s string) float64 {
	y0, n := c.y, len(c.labels)
	c.y = c.plotY0
	c.caption(s)
	dy := c.y - c.plotY0
	for i := range c.labels[:n] {
		if c.labels[i].Y > c.plotY0 {
			c.labels[i].Y += dy
		}
	}
	c.plotY0 += dy
	c.plotY1 += dy
	c.y = y0 + dy
	return dy
}

// wrap cuts s into lines no wider than width at size px, at spaces.
func wrap(s string, size, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if line != "" && textWidth(next, size) > width {
			lines = append(lines, line)
			next = word
		}
		line = next
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// plot scales points into a plot under what is there, as wide as the
// canvas and between minAspect and maxAspect times as high, keeping their
// proportions, and returns them in pixels. The first fit points fill the
// plot; the others may fall outside it (see inPlot).
func (c *canvas) plot(pts []layout.Point, fit int, minAspect, maxAspect float64) []layout.Point {
	const pad = 16
	pw := c.w - 2*pad
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts[:fit] {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	bw, bh := math.Max(maxX-minX, 1e-9), math.Max(maxY-minY, 1e-9)
	s := pw / bw
	ph := math.Min(math.Max(bh*s, minAspect*pw), maxAspect*pw)
	s = math.Min(s, ph/bh)
	c.plotY0 = c.y
	out := make([]layout.Point, len(pts))
	for i, p := range pts {
		out[i] = layout.Point{
			X: pad + (pw-bw*s)/2 + (p.X-minX)*s,
			Y: c.y + pad + (ph-bh*s)/2 + (p.Y-minY)*s,
		}
	}
	c.y += ph + 2*pad
	c.plotY1 = c.y
	return out
}

// inPlot reports whether a box lies inside the plot (the canvas's width
// less a few pixels).
func (c *canvas) inPlot(q [4][2]float64) bool {
	for _, p := range q {
		if p[0] < 3 || p[0] > c.w-3 || p[1] < c.plotY0 || p[1] > c.plotY1 {
			return false
		}
	}
	return true
}

// candidates are the places of a dot's label, in order of preference:
// right, left, above, below, then the four corners.
func candidates(d Dot, base Label) []Label {
	const gap = 2
	s := base.Size
	diag := d.R * 0.7
	at := func(x, y float64, a Anchor) Label {
		l := base
		l.X, l.Y, l.Anchor = x, y, a
		return l
	}
	return []Label{
		at(d.X+d.R+gap, d.Y+0.3*s, Start),
		at(d.X-d.R-gap, d.Y+0.3*s, End),
		at(d.X, d.Y-d.R-gap-0.25*s, Middle),
		at(d.X, d.Y+d.R+gap+0.8*s, Middle),
		at(d.X+diag+gap, d.Y-diag-gap-0.25*s, Start),
		at(d.X+diag+gap, d.Y+diag+gap+0.8*s, Start),
		at(d.X-diag-gap, d.Y-diag-gap-0.25*s, End),
		at(d.X-diag-gap, d.Y+diag+gap+0.8*s, End),
	}
}

// placeLabels names the dots, in order: each label goes to the first of
// its candidate places that is inside the plot and covers no label placed
// before it and no other of the dots; when there is none, the dot moves
// to the nearest point (on a spiral out from it) where one is free. The
// labels are appended to out.
func (c *canvas) placeLabels(dots []Dot, label func(i int) Label, out *[]Label) error {
	var placed [][4][2]float64 // the boxes of the labels placed, kept
	boxes := make([][4][2]float64, len(dots))
	for i, d := range dots {
		boxes[i] = circleBox(d)
	}
	fits := func(l Label, i int) bool {
		q := l.Corners()
		if !c.inPlot(q) {
			return false
		}
		for _, p := range placed {
			if quadsOverlap(q, p) {
				return false
			}
		}
		for j, b := range boxes {
			if j != i && quadsOverlap(q, b) {
				return false
			}
		}
		return true
	}
	free := func(d Dot, i int) bool { // a place for the dot itself
		box := circleBox(d)
		if !c.inPlot(box) {
			return false
		}
		for _, p := range placed {
			if quadsOverlap(box, p) {
				return false
			}
		}
		for j, o := range dots {
			if j != i && math.Hypot(o.X-d.X, o.Y-d.Y) < o.R+d.R+1 {
				return false
			}
		}
		return true
	}
	put := func(i int, d Dot, l Label) {
		dots[i], boxes[i] = d, circleBox(d)
		placed = append(placed, l.Corners())
		*out = append(*out, l)
	}
	for i := range dots {
		base := label(i)
		done := false
		for _, l := range candidates(dots[i], base) {
			if fits(l, i) {
				put(i, dots[i], l)
				done = true
				break
			}
		}
		const step = 3.0
		reach := math.Hypot(c.w, c.plotY1-c.plotY0) // the whole plot
		for ring := 1; !done && float64(ring)*step < reach; ring++ {
			// points about a step apart on each ring, 16 at least
			turns := max(16, int(2*math.Pi*float64(ring)))
			for k := range turns {
				a := 2 * math.Pi * float64(k) / float64(turns)
				d := dots[i]
				d.X += float64(ring) * step * math.Cos(a)
				d.Y += float64(ring) * step * math.Sin(a)
				if !free(d, i) {
					continue
				}
				for _, l := range candidates(d, base) {
					if fits(l, i) {
						put(i, d, l)
						done = true
						break
					}
				}
				if done {
					break
				}
			}
		}
		if !done {
			return fmt.Errorf("picture: %w to name %q in %.0f pixels: name fewer people (--top) or draw wider (--width)", errNoRoom, base.Text, c.w)
		}
	}
	return nil
}

// errNoRoom says a label found no free place.
var errNoRoom = errors.New("no room")

// legend lays legend entries out in rows under the plot.
func (c *canvas) legend(items []Label) {
	x, y := float64(margin), c.y+10
	for _, it := range items {
		it.Text = fit(it.Text, it.Size, c.w-2*margin-it.swatchWidth())
		w := it.Width()
		if x > margin && x+w > c.w-margin {
			x, y = margin, y+16
		}
		it.X, it.Y = x, y
		c.labels = append(c.labels, it)
		x += w + 16
	}
	c.y = y + 8
}

// picture returns the canvas's picture: its size and labels.
func (c *canvas) picture() *Picture {
	return &Picture{Width: c.w, Height: math.Ceil(c.y + 4), Labels: append([]Label(nil), c.labels...)}
}
