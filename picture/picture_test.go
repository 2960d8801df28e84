package picture

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/record"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs under testdata/")

// sampleFile is the cables.jsonl of a run over the bundled sample
// (testdata/sample of the module), without the mentions, which the graph
// does not read. To make it again after extraction changes:
//
//	bin/cablegraph run -o /tmp/s && jq -c 'walk(if type == "object" then del(.mentions) else . end)' /tmp/s/cables.jsonl > picture/testdata/sample.jsonl
//
// then go test ./picture -update and read the pictures.
const sampleFile = "testdata/sample.jsonl"

// load builds the graph of cables.jsonl records.
func load(t testing.TB, path string) *graph.Graph {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := graph.Build(graph.Options{}, nil, func(int) string { return path }, f)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// mostMet is the person who met the most people (then the first by id):
// the ego pictures' person, found, not named by the tests.
func mostMet(g *graph.Graph) string {
	n := map[string]int{}
	for _, e := range g.Edges() {
		n[e.Source]++
		n[e.Target]++
	}
	best := ""
	for id, k := range n {
		if best == "" || k > n[best] || k == n[best] && id < best {
			best = id
		}
	}
	return best
}

func svg(t testing.TB, p *Picture) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := p.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkPicture checks what every picture must be: no label over another,
// every label inside the picture, an SVG document with a text element per
// label.
func checkPicture(t *testing.T, what string, p *Picture) {
	t.Helper()
	for _, o := range p.Overlaps() {
		a, b := p.Labels[o[0]], p.Labels[o[1]]
		t.Errorf("%s: label %q at (%.1f, %.1f) overlaps %q at (%.1f, %.1f)", what, a.Text, a.X, a.Y, b.Text, b.X, b.Y)
	}
	for _, l := range p.Labels {
		if x0, y0, x1, y1 := l.Bounds(); x0 < 0 || y0 < 0 || x1 > p.Width || y1 > p.Height {
			t.Errorf("%s: label %q (%.0f,%.0f)-(%.0f,%.0f) is outside the picture's %.0f x %.0f", what, l.Text, x0, y0, x1, y1, p.Width, p.Height)
		}
	}
	texts := 0
	dec := xml.NewDecoder(bytes.NewReader(svg(t, p)))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: the SVG is not well-formed XML: %v", what, err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "text" {
			texts++
		}
	}
	if texts != len(p.Labels) {
		t.Errorf("%s: %d text elements for %d labels", what, texts, len(p.Labels))
	}
}

func TestOverlap(t *testing.T) {
	word := func(x, y, angle float64, a Anchor) Label {
		return Label{Text: "Condoleezza Rice", X: x, Y: y, Size: 10, Angle: angle, Anchor: a}
	}
	w := word(0, 0, 0, Start).Width()
	tests := []struct {
		name string
		a, b Label
		want bool
	}{
		{"same place", word(0, 0, 0, Start), word(0, 0, 0, Start), true},
		{"far apart", word(0, 0, 0, Start), word(500, 500, 0, Start), false},
		{"side by side, apart", word(0, 0, 0, Start), word(w+3, 0, 0, Start), false},
		{"side by side, a pixel in", word(0, 0, 0, Start), word(w+1, 0, 0, Start), true},
		{"one line under the other", word(0, 0, 0, Start), word(0, 13, 0, Start), false},
		{"half a line under", word(0, 0, 0, Start), word(0, 6, 0, Start), true},
		{"end and start anchors meet at a point", word(-2, 0, 0, End), word(2, 0, 0, Start), false},
		{"middle anchor over a start", word(0, 0, 0, Middle), word(0, 0, 0, Start), true},
		{"crossed at right angles", word(0, 0, 45, Middle), word(0, 0, -45, Middle), true},
		{"spokes of a wheel, 20 degrees apart, far out", word(0, 0, 0, Start), word(0, 0, 20, Start), true},
		// upright boxes around them overlap, the turned boxes do not
		{"turned, upright boxes overlap only", word(0, 0, 45, Start), word(40, 0, 45, Start), false},
	}
	for _, tt := range tests {
		if got := Overlap(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: Overlap = %v, want %v", tt.name, got, tt.want)
		}
		if got := Overlap(tt.b, tt.a); got != tt.want {
			t.Errorf("%s, swapped: Overlap = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTextWidth(t *testing.T) {
	tests := []struct {
		s    string
		size float64
		want float64 // before slack
	}{
		{"", 12, 0},
		{"i", 10, 2.22},
		{"W", 10, 9.44},
		{"Lula", 10, 5.56 + 5.56 + 2.22 + 5.56},
		{"Lula", 20, 2 * (5.56 + 5.56 + 2.22 + 5.56)},
		{"Zoë", 10, 6.11 + 5.56 + 5.56},
	}
	for _, tt := range tests {
		if got := textWidth(tt.s, tt.size); math.Abs(got-tt.want*slack) > 1e-9 {
			t.Errorf("textWidth(%q, %v) = %v, want %v", tt.s, tt.size, got, tt.want*slack)
		}
	}
}

func TestWrapShortenCount(t *testing.T) {
	wraps := []struct {
		s     string
		width float64
		want  []string
	}{
		{"", 100, nil},
		{"one", 1, []string{"one"}},
		{"one two three", 1000, []string{"one two three"}},
		{"one two three", textWidth("one two", 10), []string{"one two", "three"}},
		{"one  two\nthree", textWidth("one", 10), []string{"one", "two", "three"}},
	}
	for _, tt := range wraps {
		if got := wrap(tt.s, 10, tt.width); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("wrap(%q, %v) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
	shorts := []struct {
		s    string
		n    int
		want string
	}{
		{"Lula", 4, "Lula"},
		{"Lula da Silva", 5, "Lula…"},
		{"Zoë Ünal", 4, "Zoë…"},
	}
	for _, tt := range shorts {
		if got := shorten(tt.s, tt.n); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
	counts := []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {3140, "3,140"}, {1234567, "1,234,567"}, {-1234, "-1,234"}}
	for _, tt := range counts {
		if got := count(tt.n); got != tt.want {
			t.Errorf("count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestGolden draws the bundled sample's network and ego network and
// compares them with the SVGs under testdata (go test ./picture -update
// rewrites them: open them and look before committing).
func TestGolden(t *testing.T) {
	g := load(t, sampleFile)
	net, err := Network(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ego, err := Ego(g, mostMet(g), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]*Picture{"network.golden.svg": net, "ego.golden.svg": ego} {
		checkPicture(t, name, p)
		got := svg(t, p)
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./picture -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; run go test ./picture -update and look at the pictures", name, path)
		}
	}
}

// star is a synthetic graph that crowds the labels: hubs with long names,
// each met by many people, in one cable each, and the hubs met each other.
func star(hubs, spokes int) []*record.Cable {
	var cs []*record.Cable
	for h := range hubs {
		hub := fmt.Sprintf("hub-%02d", h)
		var people []record.Entity
		people = append(people, record.Entity{ID: hub, Name: fmt.Sprintf("Very Long Name Of The Hub Number %02d", h)})
		for s := range spokes {
			id := fmt.Sprintf("p-%02d-%02d", h, s)
			people = append(people, record.Entity{ID: id, Name: fmt.Sprintf("Wilhelmina Abernathy-Smythe %02d-%02d", h, s)})
			cs = append(cs, &record.Cable{Meta: cable.Meta{RefID: fmt.Sprintf("09HUB%02d%02d", h, s), Date: fmt.Sprintf("2009-%02d-%02d", 1+s%12, 1+h%28)},
				Entities: &record.Entities{People: people[:1:1]},
				Meetings: []record.Meeting{{Participants: []string{hub, id}, Kind: "meeting", Evidence: record.Span{Text: "They met."}}}})
			cs[len(cs)-1].Entities.People = append(cs[len(cs)-1].Entities.People, people[len(people)-1])
		}
		if h > 0 {
			prev := fmt.Sprintf("hub-%02d", h-1)
			cs = append(cs, &record.Cable{Meta: cable.Meta{RefID: fmt.Sprintf("09HUBS%02d", h), Date: "2009-06-01"},
				Meetings: []record.Meeting{{Participants: []string{prev, hub}, Kind: "call", Evidence: record.Span{Text: "They spoke."}}}})
		}
	}
	return cs
}

func build(t testing.TB, cs []*record.Cable) *graph.Graph {
	t.Helper()
	g := graph.New(graph.Options{})
	for _, c := range cs {
		if err := g.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

// TestNoOverlap draws pictures of many sizes, of the sample and of crowded
// synthetic graphs: no label may cover another, none may leave the picture,
// and as many people as asked are named.
func TestNoOverlap(t *testing.T) {
	graphs := map[string]*graph.Graph{
		"sample":      load(t, sampleFile),
		"one star":    build(t, star(1, 60)),
		"five stars":  build(t, star(5, 40)),
		"a pair only": build(t, star(1, 1)),
	}
	tests := []Options{
		{},
		{Width: 500, Top: 10},
		{Width: 500, Top: 40, Nodes: 100},
		{Width: 860, Top: 60, Nodes: 60},
		{Width: 1600, Top: 100, Nodes: 1000},
		{Width: 860, Top: 1, Nodes: 1},
	}
	for name, g := range graphs {
		comp := g.Components()[0]
		for _, o := range tests {
			what := fmt.Sprintf("%s %+v", name, o)
			t.Run(what, func(t *testing.T) {
				net, err := Network(g, o)
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				checkPicture(t, what+" network", net)
				want := min(o.withDefaults().Top, comp)
				if net.Stats.Named != want || net.Stats.Shown != comp {
					t.Errorf("%s: named %d of a component of %d, want %d of %d", what, net.Stats.Named, net.Stats.Shown, want, comp)
				}
				ego, err := Ego(g, mostMet(g), o)
				if err != nil {
					t.Fatalf("%s: ego: %v", what, err)
				}
				checkPicture(t, what+" ego", ego)
				if ego.Stats.Drawn < 2 {
					t.Errorf("%s: ego draws %d people", what, ego.Stats.Drawn)
				}
			})
		}
	}
}

// TestDeterministic: the same graph gives the same bytes, whatever order
// its cables were added in.
func TestDeterministic(t *testing.T) {
	draw := func(cs []*record.Cable) ([]byte, []byte) {
		g := build(t, cs)
		net, err := Network(g, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ego, err := Ego(g, "hub-02", Options{})
		if err != nil {
			t.Fatal(err)
		}
		return svg(t, net), svg(t, ego)
	}
	cs := star(5, 20)
	n1, e1 := draw(cs)
	n2, e2 := draw(star(5, 20))
	rev := make([]*record.Cable, len(cs))
	for i, c := range star(5, 20) {
		rev[len(cs)-1-i] = c
	}
	n3, e3 := draw(rev)
	if !bytes.Equal(n1, n2) || !bytes.Equal(e1, e2) {
		t.Error("two drawings of one graph differ")
	}
	if !bytes.Equal(n1, n3) || !bytes.Equal(e1, e3) {
		t.Error("the drawing depends on the order the cables came in")
	}
}

func TestErrors(t *testing.T) {
	// too narrow for a date and a cable on a spoke: an error, not a
	// picture with labels over each other
	if _, err := Ego(build(t, star(1, 1)), "hub-00", Options{Width: 300}); err == nil || !strings.Contains(err.Error(), "no room") {
		t.Errorf("Ego 300 pixels wide: %v", err)
	}
	empty := build(t, nil)
	if _, err := Network(empty, Options{}); err == nil || !strings.Contains(err.Error(), "no meetings") {
		t.Errorf("Network of an empty graph: %v", err)
	}
	g := build(t, star(1, 3))
	if _, err := Ego(g, "nobody at all", Options{}); err == nil || !strings.Contains(err.Error(), "names no one") {
		t.Errorf("Ego of no one: %v", err)
	}
}
