package record

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
)

func TestRemapIDs(t *testing.T) {
	tests := []struct {
		ids  []string
		to   map[string]string
		want []string
	}{
		{[]string{"b", "a"}, nil, []string{"a", "b"}},
		{[]string{"crocker", "ryan-crocker", "maliki"}, map[string]string{"crocker": "ryan-crocker"}, []string{"maliki", "ryan-crocker"}},
		{nil, map[string]string{"a": "b"}, []string{}},
	}
	for _, tt := range tests {
		if got := RemapIDs(tt.ids, tt.to); !slices.Equal(got, tt.want) {
			t.Errorf("RemapIDs(%q, %v) = %q, want %q", tt.ids, tt.to, got, tt.want)
		}
	}
}

// TestMarshalEntities: a record of a run without extraction has no
// people, places or organizations; one in which none were found has
// empty lists; both decode to the same (empty) entities.
func TestMarshalEntities(t *testing.T) {
	tests := []struct {
		name string
		c    Cable
		want string
	}{
		{"no extraction", Cable{Meta: cable.Meta{RefID: "09X1"}},
			`{"cable":"09X1","date":"","origin":"","classification":"","subject":"","tags":null,"classified_by":null,"signer":"","signers":null,"refs":null,"source":{"file":""},"format":"","all_caps":false}`},
		{"none found", Cable{Meta: cable.Meta{RefID: "09X2"}, Entities: &Entities{People: []Entity{}, Places: []Entity{}, Organizations: []Entity{}}, Meetings: []Meeting{}},
			`{"cable":"09X2","date":"","origin":"","classification":"","subject":"","tags":null,"classified_by":null,"signer":"","signers":null,"refs":null,"source":{"file":""},"format":"","all_caps":false,"people":[],"places":[],"organizations":[]}`},
		{"html in text", Cable{Meta: cable.Meta{RefID: "09X3"}, Text: "A & B <c>"},
			`{"cable":"09X3","date":"","origin":"","classification":"","subject":"","tags":null,"classified_by":null,"signer":"","signers":null,"refs":null,"source":{"file":""},"format":"","all_caps":false,"text":"A & B <c>"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.c.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSuffix(string(b), "\n"); got != tt.want || !bytes.HasSuffix(b, []byte("\n")) {
				t.Errorf("Marshal:\n got %s\nwant %s", b, tt.want)
			}
			back, err := Decode(b)
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Found().People) != 0 || back.RefID != tt.c.RefID || back.Text != tt.c.Text {
				t.Errorf("Decode gave %+v", back)
			}
			again, err := back.Marshal()
			if err != nil || !bytes.Equal(again, b) {
				t.Errorf("Marshal(Decode(b)) = %s, want %s (%v)", again, b, err)
			}
		})
	}
}

func TestRemapLine(t *testing.T) {
	date := "2009-01-02"
	c := Cable{Meta: cable.Meta{RefID: "09X1"},
		Entities: &Entities{People: []Entity{{ID: "crocker", Name: "Crocker"}, {ID: "maliki", Name: "Maliki"}}},
		Meetings: []Meeting{{Participants: []string{"crocker", "maliki"}, Kind: "meeting", Date: &date}},
	}
	line, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	same, err := RemapLine(line, map[string]string{"obama": "barack-obama"})
	if err != nil || &same[0] != &line[0] {
		t.Errorf("a line without the ids must come back as it is (%v)", err)
	}
	got, err := RemapLine(line, map[string]string{"crocker": "ryan-crocker", "maliki": "nouri-al-maliki"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Decode(got)
	if err != nil {
		t.Fatal(err)
	}
	if r.People[0].ID != "ryan-crocker" || r.People[1].ID != "nouri-al-maliki" || !slices.Equal(r.Meetings[0].Participants, []string{"nouri-al-maliki", "ryan-crocker"}) || *r.Meetings[0].Date != date {
		t.Errorf("remapped: %s", got)
	}
	if _, err := RemapLine([]byte(`{"id":"crocker",`), map[string]string{"crocker": "x"}); err == nil {
		t.Error("a broken line must fail")
	}
}

func TestEach(t *testing.T) {
	var ids []string
	err := Each(strings.NewReader("{\"cable\":\"A\"}\n{\"cable\":\"B\",\"people\":[{\"id\":\"x\"}]}\n"), "x.jsonl", func(c *Cable) error {
		ids = append(ids, c.RefID+":"+strings.Repeat("p", len(c.Found().People)))
		return nil
	})
	if err != nil || strings.Join(ids, " ") != "A: B:p" {
		t.Errorf("read %q, err %v", ids, err)
	}
	err = Each(strings.NewReader("{\"cable\":\"A\"}\n{bad\n"), "x.jsonl", func(*Cable) error { return nil })
	if err == nil || !strings.HasPrefix(err.Error(), "x.jsonl:2:") {
		t.Errorf("bad line: %v", err)
	}
	stop := errors.New("stop")
	err = Each(strings.NewReader("{\"cable\":\"A\"}\n"), "x.jsonl", func(*Cable) error { return stop })
	if !errors.Is(err, stop) || !strings.HasPrefix(err.Error(), "x.jsonl:1:") {
		t.Errorf("callback error: %v", err)
	}
}

func TestEachWithMeetings(t *testing.T) {
	date := "2009-01-02"
	var in bytes.Buffer
	for _, c := range []Cable{
		{Meta: cable.Meta{RefID: "A"}, Entities: &Entities{}},
		{Meta: cable.Meta{RefID: "B"}, Entities: &Entities{}, Meetings: []Meeting{{Participants: []string{"x", "y"}, Date: &date}}},
		{Meta: cable.Meta{RefID: "C", Subject: `"meetings":[{"participants"`}, Meetings: []Meeting{}},
	} {
		b, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		in.Write(b)
	}
	var got []string
	if err := EachWithMeetings(&in, "x.jsonl", func(c *Cable) error { got = append(got, c.RefID); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"B"}) {
		t.Errorf("cables with meetings: %v, want [B]", got)
	}
}
