package graph

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// quote writes s as a DOT quoted string: backslashes and quotes escaped,
// line ends as \n; other characters (non-ASCII included) as UTF-8.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}

// WriteDOT writes the graph for Graphviz: nodes and edges in id order,
// every id, label and value quoted, weights as numbers, and the number of
// meetings as the edge's label.
func WriteDOT(w io.Writer, g *Graph) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("graph \"cablegraph\" {\n  charset=\"UTF-8\";\n  node [shape=ellipse, fontsize=10];\n")
	for _, n := range g.Nodes() {
		v := nodeValues(n)
		fmt.Fprintf(bw, "  %s [label=%s, offices=%s, cables=%s, first=%s, last=%s];\n",
			quote(n.ID), quote(v.label), quote(v.offices), v.cables, quote(v.first), quote(v.last))
	}
	for _, e := range g.Edges() {
		v := edgeValues(e)
		fmt.Fprintf(bw, "  %s -- %s [weight=%d, label=%s, kinds=%s, first=%s, last=%s];\n",
			quote(e.Source), quote(e.Target), e.Weight, quote(v.weight), quote(v.kinds), quote(v.first), quote(v.last))
	}
	bw.WriteString("}\n")
	return bw.Flush()
}
