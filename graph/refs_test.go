package graph

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/record"
)

func TestCitations(t *testing.T) {
	r := NewCitations()
	r.Add(&record.Cable{Meta: cable.Meta{RefID: "09CAIRO10", Date: "2009-01-05", Origin: "Embassy Cairo", Subject: "A & B", Refs: []cable.Ref{{Text: "A. 08 CAIRO 493", RefID: "08CAIRO493"}, {Text: "B. REFTEL"}, {Text: "C. CAIRO 493 (again)", RefID: "08CAIRO493"}, {Text: "D. STATE 1", RefID: "09STATE1"}}}})
	r.Add(&record.Cable{Meta: cable.Meta{RefID: "08CAIRO493", Date: "2008-03-01", Refs: []cable.Ref{{Text: "09 CAIRO 10", RefID: "09CAIRO10"}}}})
	var ids []string
	for _, n := range r.Cables() {
		ids = append(ids, n.ID+map[bool]string{true: "+", false: "-"}[n.InRun])
	}
	if got := strings.Join(ids, " "); got != "08CAIRO493+ 09CAIRO10+ 09STATE1-" {
		t.Errorf("cables %s", got)
	}
	var es []string
	for _, e := range r.Cites() {
		es = append(es, e.From+">"+e.To+"["+strings.Join(e.Texts, "|")+"]")
	}
	if got := strings.Join(es, " "); got != "08CAIRO493>09CAIRO10[09 CAIRO 10] 09CAIRO10>08CAIRO493[A. 08 CAIRO 493|C. CAIRO 493 (again)] 09CAIRO10>09STATE1[D. STATE 1]" {
		t.Errorf("cites %s", got)
	}
	var ml bytes.Buffer
	if err := WriteCitationsGraphML(&ml, r); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(ml.Bytes(), new(struct{})); err != nil {
		t.Errorf("GraphML not well formed: %v", err)
	}
	if !strings.Contains(ml.String(), `edgedefault="directed"`) || !strings.Contains(ml.String(), "A &amp; B") {
		t.Errorf("GraphML:\n%s", ml.String())
	}
	var nodes, edges bytes.Buffer
	if err := WriteCitationsCSV(&nodes, &edges, r); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(edges.String(), "\n"); got != 4 {
		t.Errorf("%d edge lines:\n%s", got, edges.String())
	}
	if !strings.HasPrefix(nodes.String(), "Id,Label,Date,Origin,Subject,InRun\n08CAIRO493,08CAIRO493,2008-03-01,,,true\n") {
		t.Errorf("nodes:\n%s", nodes.String())
	}
}
