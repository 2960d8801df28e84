package picture

import "unicode/utf8"

// helvetica (read only) holds the advance widths of ASCII 32..126 in Helvetica (and
// Arial, Liberation Sans and Nimbus Sans, which share its metrics), in
// thousandths of the font size, from Adobe's Helvetica AFM file.
var helvetica = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
	278, 278, 584, 584, 584, 556, 1015, // : to @
	667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // A to Z
	278, 278, 278, 469, 556, 333, // [ to `
	556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // a to z
	334, 260, 334, 584, // { to ~
}

// fontFamily is the SVG's font: fonts with Helvetica's widths first, so
// that textWidth measures what the reader sees.
const fontFamily = "Helvetica, Arial, 'Liberation Sans', 'Nimbus Sans', sans-serif"

// slack widens every measured text a little: a reader without any of
// fontFamily's fonts gets a wider sans-serif (DejaVu Sans is about 8%
// wider), which must still not make labels touch.
const slack = 1.1

// textWidth is the width of s set at size px.
func textWidth(s string, size float64) float64 {
	var w float64
	for _, r := range s {
		switch {
		case r >= 32 && r <= 126:
			w += float64(helvetica[r-32])
		case r == '…':
			w += 1000
		default: // accented letters and the rest: a lower-case letter's width
			w += 556
		}
	}
	return w / 1000 * size * slack
}

// shorten cuts s to at most n characters, with an ellipsis when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// fit shortens s until it is at most width wide at size px.
func fit(s string, size, width float64) string {
	for n := utf8.RuneCountInString(s); n > 2 && textWidth(s, size) > width; n-- {
		s = shorten(s, n)
	}
	return s
}
