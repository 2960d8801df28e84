package graph

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// attr is an attribute of nodes or edges in the exports: its name (also
// its key's id), its type (string, int, double or boolean) and its value
// among V, the values of one node or edge.
type attr[V any] struct {
	name, typ string
	value     func(V) string
}

// nodeFields and edgeFields are the values of a node's or an edge's
// attributes as the exports write them, lists joined with "; ".
type nodeFields struct {
	label, aliases, offices, cables, first, last string
}

type edgeFields struct {
	weight, kinds, first, last, dates, cables, evidence string
}

func nodeValues(n *Node) nodeFields {
	return nodeFields{label: n.Name, aliases: strings.Join(n.Aliases(), "; "), offices: strings.Join(n.OfficeList(), "; "),
		cables: fmt.Sprint(n.Cables), first: n.First, last: n.Last}
}

func edgeValues(e *Edge) edgeFields {
	return edgeFields{weight: fmt.Sprint(e.Weight), kinds: strings.Join(sorted(e.Kinds), "; "), first: e.First, last: e.Last,
		dates: strings.Join(e.Dates, "; "), cables: strings.Join(e.Cables, "; "), evidence: strings.Join(e.Evidence, " | ")}
}

// nodeAttrs and edgeAttrs are the attributes of the network's exports, in
// the order they write them; the first is the node's label and the edge's
// weight, which GEXF and CSV write apart.
var nodeAttrs = []attr[nodeFields]{
	{"label", "string", func(v nodeFields) string { return v.label }},
	{"aliases", "string", func(v nodeFields) string { return v.aliases }},
	{"offices", "string", func(v nodeFields) string { return v.offices }},
	{"cables", "int", func(v nodeFields) string { return v.cables }},
	{"first", "string", func(v nodeFields) string { return v.first }},
	{"last", "string", func(v nodeFields) string { return v.last }},
}

var edgeAttrs = []attr[edgeFields]{
	{"weight", "double", func(v edgeFields) string { return v.weight }},
	{"kinds", "string", func(v edgeFields) string { return v.kinds }},
	{"first", "string", func(v edgeFields) string { return v.first }},
	{"last", "string", func(v edgeFields) string { return v.last }},
	{"dates", "string", func(v edgeFields) string { return v.dates }},
	{"cables", "string", func(v edgeFields) string { return v.cables }},
	{"evidence", "string", func(v edgeFields) string { return v.evidence }},
}

// graphMLHead writes the start of a GraphML file up to its graph element:
// the XML declaration, the graphml element with its schema, a key for
// each node and edge attribute (ids "n_" and "e_" and the attribute's).
func graphMLHead[N, E any](bw *bufio.Writer, id, edgedefault string, nodes []attr[N], edges []attr[E]) {
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, a := range nodes {
		fmt.Fprintf(bw, "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a.name, a.name, a.typ)
	}
	for _, a := range edges {
		fmt.Fprintf(bw, "  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a.name, a.name, a.typ)
	}
	fmt.Fprintf(bw, "  <graph id=\"%s\" edgedefault=\"%s\">\n", id, edgedefault)
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&quot;")
}

// WriteGraphML writes the graph as GraphML: every key declared with
// attr.name and attr.type for nodes or edges, the name in a "label" key as
// Gephi reads it, one edge per pair with a numeric weight.
func WriteGraphML(w io.Writer, g *Graph) error {
	bw := bufio.NewWriter(w)
	graphMLHead(bw, "cablegraph", "undirected", nodeAttrs, edgeAttrs)
	for _, n := range g.Nodes() {
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", esc(n.ID))
		v := nodeValues(n)
		for _, a := range nodeAttrs {
			fmt.Fprintf(bw, "      <data key=\"n_%s\">%s</data>\n", a.name, esc(a.value(v)))
		}
		bw.WriteString("    </node>\n")
	}
	for i, e := range g.Edges() {
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", i, esc(e.Source), esc(e.Target))
		v := edgeValues(e)
		for _, a := range edgeAttrs {
			fmt.Fprintf(bw, "      <data key=\"e_%s\">%s</data>\n", a.name, esc(a.value(v)))
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}
