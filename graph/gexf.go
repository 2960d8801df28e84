package graph

import (
	"bufio"
	"fmt"
	"io"
)

// WriteGEXF writes the graph as GEXF 1.3. Dynamic, it is mode="dynamic"
// with timeformat="date": nodes live from their first to their last cable,
// and each edge has a spell for each meeting date, so Gephi's timeline can
// play the network.
func WriteGEXF(w io.Writer, g *Graph, dynamic bool) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	bw.WriteString(`<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n")
	bw.WriteString("  <meta><creator>cablegraph</creator><description>who met whom in diplomatic cables</description></meta>\n")
	if dynamic {
		bw.WriteString("  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\">\n")
	} else {
		bw.WriteString("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n")
	}
	gexfType := map[string]string{"string": "string", "int": "integer", "double": "double"}
	bw.WriteString("    <attributes class=\"node\" mode=\"static\">\n")
	for _, a := range nodeAttrs[1:] { // the label is the node's label
		fmt.Fprintf(bw, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a.name, a.name, gexfType[a.typ])
	}
	bw.WriteString("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n")
	for _, a := range edgeAttrs[1:] { // the weight is the edge's weight
		fmt.Fprintf(bw, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a.name, a.name, gexfType[a.typ])
	}
	bw.WriteString("    </attributes>\n    <nodes>\n")
	for _, n := range g.Nodes() {
		fmt.Fprintf(bw, "      <node id=\"%s\" label=\"%s\"", esc(n.ID), esc(n.Name))
		if dynamic && n.First != "" {
			fmt.Fprintf(bw, " start=\"%s\" end=\"%s\"", n.First, n.Last)
		}
		bw.WriteString("><attvalues>")
		v := nodeValues(n)
		for _, a := range nodeAttrs[1:] {
			fmt.Fprintf(bw, "<attvalue for=\"%s\" value=\"%s\"/>", a.name, esc(a.value(v)))
		}
		bw.WriteString("</attvalues></node>\n")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	for i, e := range g.Edges() {
		fmt.Fprintf(bw, "      <edge id=\"e%d\" source=\"%s\" target=\"%s\" weight=\"%d\"><attvalues>", i, esc(e.Source), esc(e.Target), e.Weight)
		v := edgeValues(e)
		for _, a := range edgeAttrs[1:] {
			fmt.Fprintf(bw, "<attvalue for=\"%s\" value=\"%s\"/>", a.name, esc(a.value(v)))
		}
		bw.WriteString("</attvalues>")
		if dynamic && len(e.Dates) > 0 {
			bw.WriteString("<spells>")
			for _, d := range e.Dates {
				fmt.Fprintf(bw, "<spell start=\"%s\" end=\"%s\"/>", d, d)
			}
			bw.WriteString("</spells>")
		}
		bw.WriteString("</edge>\n")
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}
