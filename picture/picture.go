package picture

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Picture is a drawing: lines, dots and labels on a white canvas, in
// pixels, the origin at the top left. Network and Ego make one; WriteSVG
// writes it.
type Picture struct {
	Width, Height float64
	Lines         []Line
	Dots          []Dot
	Labels        []Label
	// Description is the picture's text for screen readers (<desc>).
	Description string
	// Stats says what the picture shows.
	Stats Stats
}

// Line is an edge: a straight line, or a quadratic curve through the
// control point (CX, CY) when Curved.
type Line struct {
	X1, Y1, X2, Y2 float64
	Curved         bool
	CX, CY         float64
	Width          float64
	Color          string
	Opacity        float64
}

// Dot is a person.
type Dot struct {
	X, Y, R float64
	Fill    string
	// Title is the tooltip: the person's name and what the dot's size
	// stands for.
	Title string
}

// Anchor is where a label's point sits on its text.
type Anchor int

// The anchors of a label, as SVG's text-anchor.
const (
	Start Anchor = iota
	Middle
	End
)

func (a Anchor) String() string {
	return [...]string{"start", "middle", "end"}[a]
}

// Label is a line of text: its baseline starts, centres or ends (Anchor)
// at (X, Y) and is turned by Angle degrees (clockwise, as SVG) about that
// point.
type Label struct {
	Text   string
	X, Y   float64
	Size   float64 // font size, px
	Angle  float64
	Anchor Anchor
	Bold   bool
	Color  string
	// Swatch, when not "", draws a square of this colour before the
	// text (a legend entry), inside the label's box.
	Swatch string
}

// swatchWidth is the room a legend entry's swatch takes before its text.
func (l Label) swatchWidth() float64 {
	if l.Swatch == "" {
		return 0
	}
	return l.Size * 1.2
}

// Width is the label's text width (with its swatch), as measured.
func (l Label) Width() float64 {
	w := textWidth(l.Text, l.Size)
	if l.Bold {
		w *= 1.08 // Helvetica Bold is about 8% wider
	}
	return w + l.swatchWidth()
}

// Corners returns the four corners of the label's box (the text from the
// top of its capitals and ascenders to the bottom of its descenders, with
// a pixel to spare), clockwise from the top left before turning.
func (l Label) Corners() [4][2]float64 {
	w := l.Width()
	var x0 float64
	switch l.Anchor {
	case Middle:
		x0 = -w / 2
	case End:
		x0 = -w
	}
	const pad = 1
	x0, x1 := x0-pad, x0+w+pad
	y0, y1 := -0.8*l.Size-pad, 0.25*l.Size+pad
	sin, cos := math.Sincos(l.Angle * math.Pi / 180)
	var out [4][2]float64
	for i, p := range [4][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}} {
		out[i] = [2]float64{l.X + p[0]*cos - p[1]*sin, l.Y + p[0]*sin + p[1]*cos}
	}
	return out
}

// Bounds returns the smallest upright rectangle around the label's box.
func (l Label) Bounds() (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range l.Corners() {
		x0, x1 = math.Min(x0, c[0]), math.Max(x1, c[0])
		y0, y1 = math.Min(y0, c[1]), math.Max(y1, c[1])
	}
	return x0, y0, x1, y1
}

// Overlap reports whether the boxes of two labels share any area (boxes
// that only touch do not overlap), by the separating axis theorem: two
// convex shapes are apart exactly when, along the normal of one of their
// edges, their shadows are apart.
func Overlap(a, b Label) bool {
	return quadsOverlap(a.Corners(), b.Corners())
}

func quadsOverlap(p, q [4][2]float64) bool {
	// most boxes are far apart: their upright extents tell at once
	px0, px1 := shadow(p, 1, 0)
	qx0, qx1 := shadow(q, 1, 0)
	if px1 <= qx0 || qx1 <= px0 {
		return false
	}
	py0, py1 := shadow(p, 0, 1)
	qy0, qy1 := shadow(q, 0, 1)
	if py1 <= qy0 || qy1 <= py0 {
		return false
	}
	for _, shape := range [2][4][2]float64{p, q} {
		for i := range 2 { // a rectangle has two edge directions
			ex, ey := shape[i+1][0]-shape[i][0], shape[i+1][1]-shape[i][1]
			nx, ny := -ey, ex
			pmin, pmax := shadow(p, nx, ny)
			qmin, qmax := shadow(q, nx, ny)
			const eps = 1e-9
			if pmax <= qmin+eps*math.Hypot(nx, ny) || qmax <= pmin+eps*math.Hypot(nx, ny) {
				return false
			}
		}
	}
	return true
}

// shadow is the extent of a box along a direction (plain comparisons:
// math.Min and math.Max, which care for NaN, made the label placement
// twice as slow).
func shadow(p [4][2]float64, nx, ny float64) (lo, hi float64) {
	lo = p[0][0]*nx + p[0][1]*ny
	hi = lo
	for _, c := range p[1:] {
		d := c[0]*nx + c[1]*ny
		if d < lo {
			lo = d
		}
		if d > hi {
			hi = d
		}
	}
	return lo, hi
}

// circleBox is the upright square around a dot, as a box to keep labels
// off.
func circleBox(d Dot) [4][2]float64 {
	return [4][2]float64{{d.X - d.R, d.Y - d.R}, {d.X + d.R, d.Y - d.R}, {d.X + d.R, d.Y + d.R}, {d.X - d.R, d.Y + d.R}}
}

// Overlaps returns the pairs of labels (indexes into Labels) whose boxes
// overlap: none in a picture made by Network or Ego.
func (p *Picture) Overlaps() [][2]int {
	var out [][2]int
	for i := range p.Labels {
		for j := i + 1; j < len(p.Labels); j++ {
			if Overlap(p.Labels[i], p.Labels[j]) {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

// num writes a coordinate with one decimal, without a trailing ".0".
func num(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteSVG writes the picture as an SVG document, sized Width × Height
// pixels (and scaling with its viewBox).
func (p *Picture) WriteSVG(w io.Writer) error {
	b := bufio.NewWriter(w)
	W, H := num(p.Width), num(p.Height)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s">`+"\n", W, H, W, H, fontFamily)
	if p.Description != "" {
		fmt.Fprintf(b, "<desc>%s</desc>\n", esc(p.Description))
	}
	fmt.Fprintf(b, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", W, H)
	b.WriteString(`<g fill="none" stroke-linecap="round">` + "\n")
	for _, l := range p.Lines {
		if l.Curved {
			fmt.Fprintf(b, `<path d="M%s %sQ%s %s %s %s"`, num(l.X1), num(l.Y1), num(l.CX), num(l.CY), num(l.X2), num(l.Y2))
		} else {
			fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s"`, num(l.X1), num(l.Y1), num(l.X2), num(l.Y2))
		}
		fmt.Fprintf(b, ` stroke="%s" stroke-width="%s" stroke-opacity="%s"/>`+"\n", l.Color, num2(l.Width), num2(l.Opacity))
	}
	b.WriteString("</g>\n<g stroke=\"#ffffff\" stroke-width=\"0.8\">\n")
	for _, d := range p.Dots {
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%s" fill="%s">`, num(d.X), num(d.Y), num(d.R), d.Fill)
		if d.Title != "" {
			fmt.Fprintf(b, "<title>%s</title>", esc(d.Title))
		}
		b.WriteString("</circle>\n")
	}
	// a white halo under each label keeps it readable over the lines
	b.WriteString("</g>\n<g stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n")
	for _, l := range p.Labels {
		x := l.X
		if l.Swatch != "" {
			s := l.Size * 0.8
			fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="none"/>`+"\n", num(l.X), num(l.Y-s), num(s), num(s), l.Swatch)
			x += l.swatchWidth()
		}
		fmt.Fprintf(b, `<text x="%s" y="%s" font-size="%s"`, num(x), num(l.Y), num(l.Size))
		if l.Anchor != Start {
			fmt.Fprintf(b, ` text-anchor="%s"`, l.Anchor)
		}
		if l.Angle != 0 {
			fmt.Fprintf(b, ` transform="rotate(%s %s %s)"`, num(l.Angle), num(l.X), num(l.Y))
		}
		if l.Bold {
			b.WriteString(` font-weight="bold"`)
		}
		color := l.Color
		if color == "" {
			color = "#222222"
		}
		fmt.Fprintf(b, ` fill="%s">%s</text>`+"\n", color, esc(l.Text))
	}
	b.WriteString("</g>\n</svg>\n")
	return b.Flush()
}

// num2 writes a width or an opacity with two decimals at most.
func num2(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// communityColor is the colour of the i-th largest community drawn
// (Tableau 10 without its grey); past the ninth, other.
func communityColor(i int) string {
	colors := [...]string{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"}
	if i < 0 || i >= len(colors) {
		return other
	}
	return colors[i]
}

// colored is how many communities get a colour of their own.
const colored = 9

// other is the colour of the people of smaller communities.
const other = "#b8b8b8"
