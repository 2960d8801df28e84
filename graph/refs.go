package graph

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cablegraph/cablegraph/record"
)

// Citations is the cable-reference graph: which cable cites which (its
// REF field), so that a reader can follow a thread. Cited cables not in
// the run are nodes too, marked as such.
type Citations struct {
	cables map[string]*CitedCable
	cites  map[[2]string]*Cite
}

// CitedCable is a node of the reference graph.
type CitedCable struct {
	ID      string
	Date    string
	Origin  string
	Subject string
	InRun   bool // the run read it (else only cited)
}

// Cite is an edge: From cites To, with the references as written.
type Cite struct {
	From, To string
	Texts    []string
}

// NewCitations returns an empty reference graph.
func NewCitations() *Citations {
	return &Citations{cables: map[string]*CitedCable{}, cites: map[[2]string]*Cite{}}
}

// Add adds a cable and the cables its references name.
func (r *Citations) Add(c *record.Cable) {
	n := r.node(c.RefID)
	n.Date, n.Origin, n.Subject, n.InRun = c.Date, c.Origin, c.Subject, true
	for _, ref := range c.Refs {
		if ref.RefID == "" || ref.RefID == c.RefID {
			continue
		}
		r.node(ref.RefID)
		k := [2]string{c.RefID, ref.RefID}
		e := r.cites[k]
		if e == nil {
			e = &Cite{From: c.RefID, To: ref.RefID}
			r.cites[k] = e
		}
		if !slices.Contains(e.Texts, ref.Text) {
			e.Texts = append(e.Texts, ref.Text)
		}
	}
}

func (r *Citations) node(id string) *CitedCable {
	n := r.cables[id]
	if n == nil {
		n = &CitedCable{ID: id}
		r.cables[id] = n
	}
	return n
}

// Cables returns the nodes in id order.
func (r *Citations) Cables() []*CitedCable {
	out := make([]*CitedCable, 0, len(r.cables))
	for _, n := range r.cables {
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b *CitedCable) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Cites returns the edges in (from, to) order.
func (r *Citations) Cites() []*Cite {
	out := make([]*Cite, 0, len(r.cites))
	for _, e := range r.cites {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *Cite) int {
		if c := strings.Compare(a.From, b.From); c != 0 {
			return c
		}
		return strings.Compare(a.To, b.To)
	})
	return out
}

// citedAttrs and citeAttrs are the attributes of the reference graph's
// GraphML; a node's attribute without a value is left out.
var citedAttrs = []attr[*CitedCable]{
	{"label", "string", func(n *CitedCable) string { return n.ID }},
	{"date", "string", func(n *CitedCable) string { return n.Date }},
	{"origin", "string", func(n *CitedCable) string { return n.Origin }},
	{"subject", "string", func(n *CitedCable) string { return n.Subject }},
	{"in_run", "boolean", func(n *CitedCable) string { return fmt.Sprint(n.InRun) }},
}

var citeAttrs = []attr[*Cite]{
	{"refs", "string", func(e *Cite) string { return strings.Join(e.Texts, "; ") }},
}

// WriteCitationsGraphML writes the reference graph as directed GraphML:
// a node per cable (label, date, origin, subject, whether the run read
// it), an edge from each cable to each cable it cites, with the
// references as written.
func WriteCitationsGraphML(w io.Writer, r *Citations) error {
	bw := bufio.NewWriter(w)
	graphMLHead(bw, "citations", "directed", citedAttrs, citeAttrs)
	for _, n := range r.Cables() {
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", esc(n.ID))
		for _, a := range citedAttrs {
			if v := a.value(n); v != "" {
				fmt.Fprintf(bw, "      <data key=\"n_%s\">%s</data>\n", a.name, esc(v))
			}
		}
		bw.WriteString("    </node>\n")
	}
	for i, e := range r.Cites() {
		fmt.Fprintf(bw, "    <edge id=\"c%d\" source=\"%s\" target=\"%s\">\n", i, esc(e.From), esc(e.To))
		for _, a := range citeAttrs {
			fmt.Fprintf(bw, "      <data key=\"e_%s\">%s</data>\n", a.name, esc(a.value(e)))
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}

// WriteCitationsCSV writes the reference graph in Gephi's spreadsheet
// layout: the edges (Source, Target, Type, Weight: how many references,
// Refs) and the cables (Id, Label, Date, Origin, Subject, InRun).
func WriteCitationsCSV(nodes, edges io.Writer, r *Citations) error {
	nw := csv.NewWriter(nodes)
	nw.Write([]string{"Id", "Label", "Date", "Origin", "Subject", "InRun"})
	for _, n := range r.Cables() {
		nw.Write([]string{n.ID, n.ID, n.Date, n.Origin, n.Subject, fmt.Sprint(n.InRun)})
	}
	nw.Flush()
	if err := nw.Error(); err != nil {
		return err
	}
	ew := csv.NewWriter(edges)
	ew.Write([]string{"Source", "Target", "Type", "Weight", "Refs"})
	for _, e := range r.Cites() {
		ew.Write([]string{e.From, e.To, "Directed", fmt.Sprint(len(e.Texts)), strings.Join(e.Texts, "; ")})
	}
	ew.Flush()
	return ew.Error()
}
