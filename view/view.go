// Package view writes graph.html: the who-met-whom network as one
// self-contained page (sigma.js and graphology bundled inline, no network
// request), laid out and coloured by community before it opens, with every
// meeting behind an edge, its date, place, kind, evidence and cable. The
// data the page reads is described in DATA.md; the page itself is built
// from web/ into assets/ (see web/README.md).
package view

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/layout"
	"github.com/cablegraph/cablegraph/record"
)

var (
	//go:embed assets/page.html
	pageHTML string
	//go:embed assets/viewer.js
	viewerJS string
	//go:embed assets/viewer.css
	viewerCSS string
)

// MaxDrawn is how many people the page draws at most: past it, the
// people with most meetings are drawn and search finds the rest.
const MaxDrawn = 5000

// Data is what graph.html shows (DATA.md): the page gets it in two parts,
// what the first frame needs (Paint) and the rest (Details).
type Data struct {
	Version  int       `json:"version"`
	Title    string    `json:"title"`
	Note     string    `json:"note"`
	Total    Total     `json:"total"`
	Nodes    []Node    `json:"nodes"`
	Edges    []Edge    `json:"edges"`
	Meetings []Meeting `json:"meetings"`
	Cables   []Cable   `json:"cables"`
}

// Total is the size of the whole graph.
type Total struct {
	Nodes int `json:"nodes"`
	Edges int `json:"edges"`
}

// Node is a person.
type Node struct {
	ID        string   `json:"id"`
	Label     string   `json:"label"`
	X         float64  `json:"x"`
	Y         float64  `json:"y"`
	Size      float64  `json:"size"`
	Community int      `json:"community"`
	Aliases   []string `json:"aliases"`
	Offices   []string `json:"offices"`
	Cables    int      `json:"cables"`
	First     string   `json:"first"`
	Last      string   `json:"last"`
	Meetings  int      `json:"meetings"`
	Shown     bool     `json:"shown"`
}

// Edge is every meeting of a pair.
type Edge struct {
	Source   int    `json:"s"`
	Target   int    `json:"t"`
	Weight   int    `json:"w"`
	First    string `json:"first"`
	Last     string `json:"last"`
	Meetings []int  `json:"m"`
}

// Meeting is one meeting behind an edge.
type Meeting struct {
	Cable  int    `json:"cable"`
	Date   string `json:"date"`
	Kind   string `json:"kind"`
	Place  string `json:"place"`
	Quote  string `json:"quote"`
	People []int  `json:"people"`
}

// Cable is a cable with a meeting.
type Cable struct {
	ID      string   `json:"id"`
	Date    string   `json:"date"`
	Origin  string   `json:"origin"`
	Subject string   `json:"subject"`
	Tags    []string `json:"tags"`
}

// Builder gathers the page's data: the graph's people and edges, then,
// from the cables.jsonl records the graph was built from, the meetings
// behind the edges drawn and their cables.
type Builder struct {
	g      *graph.Graph
	opts   graph.Options
	data   Data
	index  map[string]int // person id -> node index
	edges  map[[2]int]int // node pair -> edge index
	cables map[string]int // refid -> cable index
}

// NewBuilder starts the data of g (built with opts), drawing at most
// maxDrawn people (the most met).
func NewBuilder(g *graph.Graph, opts graph.Options, title string, maxDrawn int) *Builder {
	b := &Builder{g: g, opts: opts, index: map[string]int{}, edges: map[[2]int]int{}, cables: map[string]int{}}
	nodes, edges := g.Nodes(), g.Edges()
	b.data = Data{Version: 2, Title: title, Total: Total{len(nodes), len(edges)}, Nodes: []Node{}, Edges: []Edge{}, Meetings: []Meeting{}, Cables: []Cable{}}
	met := map[string]int{}
	for _, e := range edges {
		met[e.Source] += e.Weight
		met[e.Target] += e.Weight
	}
	// the people drawn: the most met, then by id
	drawn := map[string]bool{}
	order := make([]*graph.Node, len(nodes))
	copy(order, nodes)
	sort.SliceStable(order, func(i, j int) bool { return met[order[i].ID] > met[order[j].ID] })
	for i, n := range order {
		drawn[n.ID] = i < maxDrawn
	}
	if len(nodes) > maxDrawn {
		b.data.Note = fmt.Sprintf("Showing the %d people with the most meetings of %d; search finds the others.", maxDrawn, len(nodes))
	}
	for i, n := range nodes {
		b.index[n.ID] = i
		b.data.Nodes = append(b.data.Nodes, Node{
			ID: n.ID, Label: n.Name, Aliases: n.Aliases(), Offices: n.OfficeList(),
			Cables: n.Cables, First: n.First, Last: n.Last, Meetings: met[n.ID], Shown: drawn[n.ID],
			Size: 2 + 1.5*math.Sqrt(float64(met[n.ID])),
		})
	}
	var lay []layout.Edge
	var drawnIdx []int // node index of each laid-out node
	pos := map[int]int{}
	for i, n := range b.data.Nodes {
		if n.Shown {
			pos[i] = len(drawnIdx)
			drawnIdx = append(drawnIdx, i)
		}
	}
	for _, e := range edges {
		s, t := b.index[e.Source], b.index[e.Target]
		if !drawn[e.Source] || !drawn[e.Target] {
			continue
		}
		b.edges[[2]int{s, t}] = len(b.data.Edges)
		b.data.Edges = append(b.data.Edges, Edge{Source: s, Target: t, Weight: e.Weight, First: e.First, Last: e.Last, Meetings: []int{}})
		lay = append(lay, layout.Edge{A: pos[s], B: pos[t], Weight: 1 + math.Log(float64(e.Weight))})
	}
	xy := layout.ForceAtlas2(len(drawnIdx), lay, layout.Options{})
	comm := layout.Communities(len(drawnIdx), lay)
	for k, i := range drawnIdx {
		n := &b.data.Nodes[i]
		n.X, n.Y = round(xy[k].X), round(-xy[k].Y) // sigma's y axis points up
		n.Community = comm[k]
	}
	return b
}

// Add takes the meetings of a cable that lie behind a drawn edge, and the
// cable itself when it has one.
func (b *Builder) Add(c *record.Cable) {
	if !b.opts.Keep(c) {
		return
	}
	if len(b.opts.IDs) > 0 {
		c.Remap(b.opts.IDs)
	}
	for _, m := range c.Meetings {
		var people []int
		for _, id := range m.Participants {
			if i, ok := b.index[id]; ok {
				people = append(people, i)
			}
		}
		var hits []int
		for x, p := range people {
			for _, q := range people[x+1:] {
				s, t := min(p, q), max(p, q)
				if e, ok := b.edges[[2]int{s, t}]; ok {
					hits = append(hits, e)
				}
			}
		}
		if len(hits) == 0 {
			continue
		}
		ci, ok := b.cables[c.RefID]
		if !ok {
			ci = len(b.data.Cables)
			b.cables[c.RefID] = ci
			b.data.Cables = append(b.data.Cables, Cable{ID: c.RefID, Date: c.Date, Origin: c.Origin, Subject: c.Subject, Tags: nonNil(c.Tags)})
		}
		mt := Meeting{Cable: ci, Kind: m.Kind, Quote: strings.Join(strings.Fields(m.Evidence.Text), " "), People: people}
		if m.Date != nil {
			mt.Date = *m.Date
		}
		if m.Place != nil {
			mt.Place = *m.Place
		}
		mi := len(b.data.Meetings)
		b.data.Meetings = append(b.data.Meetings, mt)
		for _, e := range hits {
			b.data.Edges[e].Meetings = append(b.data.Edges[e].Meetings, mi)
		}
	}
}

// Data returns the data gathered, cables sorted by refid and meetings by
// cable (in the order the cable tells them): the same bytes whatever order
// the cables came in (one run, or the merge of shards).
func (b *Builder) Data() *Data {
	d := &b.data
	corder := make([]int, len(d.Cables)) // new position -> old index
	for i := range corder {
		corder[i] = i
	}
	sort.SliceStable(corder, func(i, j int) bool { return d.Cables[corder[i]].ID < d.Cables[corder[j]].ID })
	cnew := make([]int, len(d.Cables)) // old index -> new
	cables := make([]Cable, len(d.Cables))
	for n, o := range corder {
		cnew[o] = n
		cables[n] = d.Cables[o]
	}
	morder := make([]int, len(d.Meetings))
	for i := range morder {
		morder[i] = i
	}
	// meetings of one cable were added together, in the cable's order
	sort.SliceStable(morder, func(i, j int) bool { return cnew[d.Meetings[morder[i]].Cable] < cnew[d.Meetings[morder[j]].Cable] })
	mnew := make([]int, len(d.Meetings))
	meetings := make([]Meeting, len(d.Meetings))
	for n, o := range morder {
		mnew[o] = n
		meetings[n] = d.Meetings[o]
		meetings[n].Cable = cnew[d.Meetings[o].Cable]
	}
	for i := range d.Edges {
		m := d.Edges[i].Meetings
		for k := range m {
			m[k] = mnew[m[k]]
		}
		sort.Ints(m)
	}
	d.Cables, d.Meetings = cables, meetings
	return d
}

// PaintData is the first part of the page's data (DATA.md): what the first
// frame needs, parsed before it is drawn.
type PaintData struct {
	Version int         `json:"version"`
	Title   string      `json:"title"`
	Note    string      `json:"note"`
	Total   Total       `json:"total"`
	Nodes   []PaintNode `json:"nodes"`
	Edges   [][3]int    `json:"edges"` // source, target (node indexes), weight
}

// PaintNode is a person as the first frame and the search need them.
type PaintNode struct {
	ID        string  `json:"id"`
	Label     string  `json:"label"`
	X         float64 `json:"x"`
	Y         float64 `json:"y"`
	Size      float64 `json:"size"`
	Community int     `json:"community"`
	Meetings  int     `json:"meetings"`
	Shown     bool    `json:"shown"`
}

// DetailsData is the second part (DATA.md): what the panels, the search
// by alias and the filters need, parsed when first needed.
type DetailsData struct {
	Nodes    []NodeDetails `json:"nodes"` // in the order of PaintData.Nodes
	Edges    []EdgeDetails `json:"edges"` // in the order of PaintData.Edges
	Meetings []Meeting     `json:"meetings"`
	Cables   []Cable       `json:"cables"`
}

// NodeDetails is the rest of a person.
type NodeDetails struct {
	Aliases []string `json:"aliases"`
	Offices []string `json:"offices"`
	Cables  int      `json:"cables"`
	First   string   `json:"first"`
	Last    string   `json:"last"`
}

// EdgeDetails is the rest of an edge: its dates and meetings.
type EdgeDetails struct {
	First    string `json:"first"`
	Last     string `json:"last"`
	Meetings []int  `json:"m"`
}

// Split cuts d into the page's two parts.
func (d *Data) Split() (*PaintData, *DetailsData) {
	p := &PaintData{Version: d.Version, Title: d.Title, Note: d.Note, Total: d.Total,
		Nodes: make([]PaintNode, len(d.Nodes)), Edges: make([][3]int, len(d.Edges))}
	x := &DetailsData{Nodes: make([]NodeDetails, len(d.Nodes)), Edges: make([]EdgeDetails, len(d.Edges)),
		Meetings: d.Meetings, Cables: d.Cables}
	for i, n := range d.Nodes {
		p.Nodes[i] = PaintNode{ID: n.ID, Label: n.Label, X: n.X, Y: n.Y, Size: n.Size, Community: n.Community, Meetings: n.Meetings, Shown: n.Shown}
		x.Nodes[i] = NodeDetails{Aliases: n.Aliases, Offices: n.Offices, Cables: n.Cables, First: n.First, Last: n.Last}
	}
	for i, e := range d.Edges {
		p.Edges[i] = [3]int{e.Source, e.Target, e.Weight}
		x.Edges[i] = EdgeDetails{First: e.First, Last: e.Last, Meetings: e.Meetings}
	}
	return p, x
}

// Write writes graph.html with the data: the page, its style, the
// bundled script and the data's two parts, all inline.
func Write(w io.Writer, d *Data) error {
	paint, details := d.Split()
	pj, err := scriptJSON(paint)
	if err != nil {
		return err
	}
	dj, err := scriptJSON(details)
	if err != nil {
		return err
	}
	title := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(d.Title)
	page, err := fill(pageHTML, map[string]string{
		"{{TITLE}}":   title,
		"/*{{CSS}}*/": viewerCSS,
		"{{DATA}}":    pj,
		"{{DETAILS}}": dj,
		"/*{{JS}}*/":  strings.ReplaceAll(viewerJS, "</script", `<\/script`),
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, page)
	return err
}

// scriptJSON encodes v for a script element: encoding/json escapes <, >
// and & (and U+2028/9), so the JSON cannot close its element.
func scriptJSON(v any) (string, error) {
	var b bytes.Buffer
	if err := json.NewEncoder(&b).Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSpace(b.String()), nil
}

// fill replaces each placeholder, which must stand in the page once.
func fill(page string, with map[string]string) (string, error) {
	keys := make([]string, 0, len(with))
	for k := range with {
		if n := strings.Count(page, k); n != 1 {
			return "", fmt.Errorf("view: the page template holds %s %d times, want once", k, n)
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// one pass, so that a value holding a placeholder's text is left alone
	var pairs []string
	for _, k := range keys {
		pairs = append(pairs, k, with[k])
	}
	return strings.NewReplacer(pairs...).Replace(page), nil
}

func round(f float64) float64 { return math.Round(f*100) / 100 }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
