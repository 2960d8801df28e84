package graph

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// attr is an attribute of nodes or edges in the exports.
type attr struct {
	id, name, typ string // typ: string, int or double
}

var nodeAttrs = []attr{
	{"label", "label", "string"}, {"aliases", "aliases", "string"}, {"offices", "offices", "string"},
	{"cables", "cables", "int"}, {"first", "first", "string"}, {"last", "last", "string"},
}

var edgeAttrs = []attr{
	{"weight", "weight", "double"}, {"kinds", "kinds", "string"}, {"first", "first", "string"},
	{"last", "last", "string"}, {"dates", "dates", "string"}, {"cables", "cables", "string"},
	{"evidence", "evidence", "string"},
}

// nodeValues and edgeValues give the attributes' values, in the order of
// nodeAttrs and edgeAttrs. Lists are joined with "; ".
func nodeValues(n *Node) []string {
	return []string{n.Name, strings.Join(n.Aliases(), "; "), strings.Join(sorted(n.Offices), "; "),
		fmt.Sprint(n.Cables), n.First, n.Last}
}

func edgeValues(e *Edge) []string {
	return []string{fmt.Sprint(e.Weight), strings.Join(sorted(e.Kinds), "; "), e.First, e.Last,
		strings.Join(e.Dates, "; "), strings.Join(e.Cables, "; "), strings.Join(e.Evidence, " | ")}
}

// graphMLHead writes the start of a GraphML file up to its graph element:
// the XML declaration, the graphml element with its schema, a key for
// each node and edge attribute (ids "n_" and "e_" and the attribute's).
func graphMLHead(bw *bufio.Writer, id, edgedefault string, nodes, edges []attr) {
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, a := range nodes {
		fmt.Fprintf(bw, "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a.id, a.name, a.typ)
	}
	for _, a := range edges {
		fmt.Fprintf(bw, "  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a.id, a.name, a.typ)
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
		for i, v := range nodeValues(n) {
			fmt.Fprintf(bw, "      <data key=\"n_%s\">%s</data>\n", nodeAttrs[i].id, esc(v))
		}
		bw.WriteString("    </node>\n")
	}
	for i, e := range g.Edges() {
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", i, esc(e.Source), esc(e.Target))
		for k, v := range edgeValues(e) {
			fmt.Fprintf(bw, "      <data key=\"e_%s\">%s</data>\n", edgeAttrs[k].id, esc(v))
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}
