package graph

import (
	"encoding/csv"
	"io"
)

// WriteCSV writes the graph in Gephi's spreadsheet layout: a node table
// (Id, Label, ...) and an edge table (Source, Target, Type, Weight, ...).
func WriteCSV(nodes, edges io.Writer, g *Graph) error {
	nw := csv.NewWriter(nodes)
	head := []string{"Id", "Label"}
	for _, a := range nodeAttrs[1:] { // the label is Label
		head = append(head, a.name)
	}
	nw.Write(head)
	for _, n := range g.Nodes() {
		v := nodeValues(n)
		row := []string{n.ID}
		for _, a := range nodeAttrs {
			row = append(row, a.value(v))
		}
		nw.Write(row)
	}
	nw.Flush()
	if err := nw.Error(); err != nil {
		return err
	}
	ew := csv.NewWriter(edges)
	head = []string{"Source", "Target", "Type", "Weight"}
	for _, a := range edgeAttrs[1:] { // the weight is Weight
		head = append(head, a.name)
	}
	ew.Write(head)
	for _, e := range g.Edges() {
		v := edgeValues(e)
		row := []string{e.Source, e.Target, "Undirected", v.weight}
		for _, a := range edgeAttrs[1:] {
			row = append(row, a.value(v))
		}
		ew.Write(row)
	}
	ew.Flush()
	return ew.Error()
}
