package view

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/record"
)

func date(s string) *string { return &s }

// cables: a meeting of three, a call of two, a cable without meetings,
// and evidence that would close a script element.
func cables() []*record.Cable {
	people := func(ids ...string) *record.Entities {
		var es []record.Entity
		for _, id := range ids {
			es = append(es, record.Entity{ID: id, Name: strings.ToUpper(id[:1]) + id[1:], Aliases: []string{"Mr. " + id}})
		}
		return &record.Entities{People: es}
	}
	return []*record.Cable{
		{Meta: cable.Meta{RefID: "09ROME1", Date: "2009-01-02", Origin: "Embassy Rome", Subject: "A <B> & C", Tags: []string{"PREL"}},
			Entities: people("anna", "bruno", "carla"),
			Meetings: []record.Meeting{{Participants: []string{"anna", "bruno", "carla"}, Kind: "meeting", Date: date("2009-01-01"), Place: date("Rome"), Evidence: record.Span{Text: "Anna met\nBruno and Carla </script><script>alert(1)</script>."}}}},
		{Meta: cable.Meta{RefID: "09ROME2", Date: "2009-02-03", Origin: "Embassy Rome"},
			Entities: people("anna", "bruno"),
			Meetings: []record.Meeting{{Participants: []string{"anna", "bruno"}, Kind: "call", Evidence: record.Span{Text: "Anna called Bruno."}}}},
		{Meta: cable.Meta{RefID: "09ROME3", Date: "2009-03-04"}, Entities: people("dario")},
	}
}

func build(t *testing.T, opts graph.Options, maxDrawn int) *Data {
	t.Helper()
	return buildFrom(t, opts, maxDrawn, cables())
}

func buildFrom(t *testing.T, opts graph.Options, maxDrawn int, cs []*record.Cable) *Data {
	t.Helper()
	g := graph.New(opts)
	for _, c := range cs {
		if err := g.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	b := NewBuilder(g, opts, "who <met> whom", maxDrawn)
	for _, c := range cs {
		b.Add(c)
	}
	return b.Data()
}

func TestBuilder(t *testing.T) {
	d := build(t, graph.Options{}, MaxDrawn)
	if d.Total != (Total{3, 3}) || len(d.Nodes) != 3 || len(d.Edges) != 3 || len(d.Meetings) != 2 || len(d.Cables) != 2 || d.Note != "" {
		t.Fatalf("data: %+v", d)
	}
	for _, e := range d.Edges {
		if len(e.Meetings) != e.Weight {
			t.Errorf("edge %s-%s: %d meetings listed for weight %d", d.Nodes[e.Source].ID, d.Nodes[e.Target].ID, len(e.Meetings), e.Weight)
		}
	}
	ab := d.Edges[0] // anna-bruno: the meeting and the call
	if d.Nodes[ab.Source].ID != "anna" || d.Nodes[ab.Target].ID != "bruno" || ab.Weight != 2 {
		t.Fatalf("first edge %+v", ab)
	}
	m := d.Meetings[ab.Meetings[0]]
	if m.Date != "2009-01-01" || m.Place != "Rome" || m.Kind != "meeting" || !strings.HasPrefix(m.Quote, "Anna met Bruno and Carla") || d.Cables[m.Cable].Subject != "A <B> & C" || len(m.People) != 3 {
		t.Errorf("meeting %+v", m)
	}
	if call := d.Meetings[ab.Meetings[1]]; call.Date != "" || call.Kind != "call" || d.Cables[call.Cable].ID != "09ROME2" {
		t.Errorf("call %+v", call)
	}
	if n := d.Nodes[0]; n.Meetings != 3 || n.Cables != 2 || !n.Shown || n.Size <= 2 || len(n.Aliases) != 1 {
		t.Errorf("anna %+v", n)
	}
	// the same data on every build, whatever order the cables come in
	cs := cables()
	slices.Reverse(cs)
	again := buildFrom(t, graph.Options{}, MaxDrawn, cs)
	a, _ := json.Marshal(d)
	b, _ := json.Marshal(again)
	if !bytes.Equal(a, b) {
		t.Error("two builds differ")
	}
	// past maxDrawn: the most met drawn, the rest searchable
	d = build(t, graph.Options{}, 2)
	if !d.Nodes[0].Shown || !d.Nodes[1].Shown || d.Nodes[2].Shown || len(d.Edges) != 1 || !strings.Contains(d.Note, "2 people with the most meetings of 3") {
		t.Errorf("top 2: %+v", d)
	}
	// min weight and the time filter reach the meetings
	d = build(t, graph.Options{MinWeight: 2}, MaxDrawn)
	if len(d.Edges) != 1 || len(d.Meetings) != 2 {
		t.Errorf("min weight 2: %d edges, %d meetings", len(d.Edges), len(d.Meetings))
	}
	d = build(t, graph.Options{Since: "2009-02-01"}, MaxDrawn)
	if len(d.Edges) != 1 || len(d.Meetings) != 1 || len(d.Cables) != 1 {
		t.Errorf("since February: %d edges, %d meetings, %d cables", len(d.Edges), len(d.Meetings), len(d.Cables))
	}
}

func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, build(t, graph.Options{}, MaxDrawn)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	part := func(id string, v any) {
		t.Helper()
		m := regexp.MustCompile(`(?s)<script type="application/json" id="` + id + `">(.*?)</script>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no %s element", id)
		}
		if err := json.Unmarshal([]byte(m[1]), v); err != nil {
			t.Fatalf("%s does not parse: %v", id, err)
		}
	}
	var p PaintData
	var d DetailsData
	part("cablegraph-data", &p)
	part("cablegraph-details", &d)
	if p.Version != 2 || len(p.Nodes) != 3 || len(p.Edges) != 3 || len(d.Nodes) != 3 || len(d.Edges) != 3 || p.Edges[0] != [3]int{0, 1, 2} || p.Nodes[0].ID != "anna" || p.Nodes[0].Meetings != 3 {
		t.Errorf("the paint part: %+v", p)
	}
	if len(d.Meetings) != 2 || !strings.Contains(d.Meetings[0].Quote, "</script><script>alert(1)</script>") || len(d.Edges[0].Meetings) != 2 || d.Nodes[0].Cables != 2 {
		t.Errorf("the evidence did not survive: %+v", d)
	}
	// the details follow the script: the first frame does not wait for them
	if a, b := strings.Index(page, `id="cablegraph-data"`), strings.Index(page, `id="cablegraph-details"`); a < 0 || b < a || !strings.Contains(page[a:b], "<script>") {
		t.Error("the page's order is not: paint data, script, details")
	}
	if strings.Contains(page, "alert(1)</script>") || strings.Contains(page, "<met>") {
		t.Error("text of the data or title escaped its element")
	}
	for _, p := range []string{"{{TITLE}}", "{{DATA}}", "{{DETAILS}}", "/*{{CSS}}*/", "/*{{JS}}*/"} {
		if strings.Contains(page, p) {
			t.Errorf("placeholder %s left in the page", p)
		}
	}
	if _, err := fill("{{A}} {{A}}", map[string]string{"{{A}}": "x"}); err == nil {
		t.Error("a placeholder twice must fail")
	}
}

// TestNoNetwork scans a written page for anything that would reach the
// network: an address with a scheme, a protocol-relative one, a request
// API, a CSS url() or @import that is not data:. (The browser test also
// blocks and counts every request.)
func TestNoNetwork(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, build(t, graph.Options{}, MaxDrawn)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	bad := []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b(https?|wss?|ftp)://`),
		regexp.MustCompile(`(?i)(src|href|action)\s*=\s*["']?//`),
		regexp.MustCompile(`\b(fetch|XMLHttpRequest|WebSocket|EventSource|importScripts|sendBeacon)\b`),
		regexp.MustCompile(`(?i)url\(\s*["']?[^d"'\s)]`),
		regexp.MustCompile(`(?i)@import`),
		regexp.MustCompile(`(?i)<(link|img|iframe|embed|object|audio|video|source)\b[^>]*\b(src|href)\s*=\s*["']?[^d"'#]`),
	}
	for _, re := range bad {
		if loc := re.FindStringIndex(page); loc != nil {
			t.Errorf("graph.html holds %q (at byte %d): a request to the network", page[loc[0]:min(loc[1]+40, len(page))], loc[0])
		}
	}
	if !strings.Contains(page, "default-src 'none'") {
		t.Error("graph.html has no Content-Security-Policy that forbids requests")
	}
}
