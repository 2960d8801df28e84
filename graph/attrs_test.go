package graph

import "testing"

// TestAttrs: each attribute of the exports reads its own value, in the
// order of the table.
func TestAttrs(t *testing.T) {
	n := &Node{ID: "ryan-crocker", Name: "Ryan C. Crocker", Names: map[string]bool{"Ryan C. Crocker": true, "Crocker": true},
		Offices: map[string]bool{"Ambassador": true, "Deputy Chief of Mission": true}, Cables: 3, First: "2008-01-02", Last: "2009-02-08"}
	e := &Edge{Source: "a", Target: "b", Weight: 2, Kinds: map[string]bool{"meeting": true, "call": true},
		Dates: []string{"2009-02-06", "2009-02-07"}, First: "2009-02-06", Last: "2009-02-07",
		Cables: []string{"09BAGHDAD1", "09BAGHDAD2"}, Evidence: []string{"A met B.", "A called B."}}
	c := &CitedCable{ID: "09BAGHDAD1", Date: "2009-02-08", Origin: "Embassy Baghdad", Subject: "X", InRun: true}
	cite := &Cite{From: "09BAGHDAD2", To: "09BAGHDAD1", Texts: []string{"A. BAGHDAD 1", "BAGHDAD 1"}}
	tests := []struct {
		what string
		got  []row
		want []row
	}{
		{"node", rows(nodeAttrs, nodeValues(n)), []row{
			{"label", "string", "Ryan C. Crocker"}, {"aliases", "string", "Crocker"},
			{"offices", "string", "Ambassador; Deputy Chief of Mission"}, {"cables", "int", "3"},
			{"first", "string", "2008-01-02"}, {"last", "string", "2009-02-08"}}},
		{"edge", rows(edgeAttrs, edgeValues(e)), []row{
			{"weight", "double", "2"}, {"kinds", "string", "call; meeting"}, {"first", "string", "2009-02-06"},
			{"last", "string", "2009-02-07"}, {"dates", "string", "2009-02-06; 2009-02-07"},
			{"cables", "string", "09BAGHDAD1; 09BAGHDAD2"}, {"evidence", "string", "A met B. | A called B."}}},
		{"cited cable", rows(citedAttrs, c), []row{
			{"label", "string", "09BAGHDAD1"}, {"date", "string", "2009-02-08"}, {"origin", "string", "Embassy Baghdad"},
			{"subject", "string", "X"}, {"in_run", "boolean", "true"}}},
		{"cite", rows(citeAttrs, cite), []row{{"refs", "string", "A. BAGHDAD 1; BAGHDAD 1"}}},
	}
	for _, tt := range tests {
		if len(tt.got) != len(tt.want) {
			t.Errorf("%s: %d attributes, want %d", tt.what, len(tt.got), len(tt.want))
			continue
		}
		for i := range tt.want {
			if tt.got[i] != tt.want[i] {
				t.Errorf("%s attribute %d = %+v, want %+v", tt.what, i, tt.got[i], tt.want[i])
			}
		}
	}
}

// row is an attribute as a test sees it.
type row struct{ name, typ, value string }

// rows reads every attribute of attrs from v.
func rows[V any](attrs []attr[V], v V) []row {
	var out []row
	for _, a := range attrs {
		out = append(out, row{a.name, a.typ, a.value(v)})
	}
	return out
}
