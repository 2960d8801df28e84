package cable_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/source"
)

// variant is one row of testdata/headers/expected.json: the header fields
// of a real cable as a person reads them (testdata/headers/README.md).
type variant struct {
	RefID        string   `json:"refid"`
	Decade       string   `json:"decade"`
	Covers       []string `json:"covers"`
	Subject      string   `json:"subject"`
	Tags         []string `json:"tags"`
	Signers      []string `json:"signers"`
	ClassifiedBy *struct {
		Name, Office, Reasons string
	} `json:"classified_by"`
	Refs []struct {
		Text  string  `json:"text"`
		RefID *string `json:"refid"`
	} `json:"refs"`
}

// headerFloors are how many of the variants each field gets right today:
// the test fails when a change gets fewer right (raise them as the parser
// gets better; issue 13 wants all).
var headerFloors = map[string]int{"subject": 58, "tags": 57, "signer": 57, "refs": 59, "classified by": 59, "classified by reasons": 58}

// TestHeaderVariants reads the 60 header variants cut from the corpus
// (every decade, every failure class of issue 13) and compares the parsed
// subject, tags and signer with the hand-read ones.
func TestHeaderVariants(t *testing.T) {
	dir := filepath.Join("testdata", "headers")
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want []variant
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	var got []*cable.Cable
	p := cable.DefaultParser(t)
	err = source.Each([]source.Input{{Path: filepath.Join(dir, "variants.csv")}}, func(r cable.Raw) error {
		c, err := p.Parse(r)
		if err != nil {
			return err
		}
		got = append(got, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d cables read, %d expected", len(got), len(want))
	}
	right := map[string]int{}
	for i, w := range want {
		c := got[i]
		if c.RefID != w.RefID {
			t.Fatalf("row %d: cable %s, expected %s", i+1, c.RefID, w.RefID)
		}
		check := func(field string, ok bool, gotV, wantV any) {
			if ok {
				right[field]++
				return
			}
			t.Logf("%s %s: got %q, want %q", w.RefID, field, gotV, wantV)
		}
		check("subject", fold(c.Subject) == fold(w.Subject), c.Subject, w.Subject)
		check("tags", slices.Equal(upper(c.Tags), upper(w.Tags)), c.Tags, w.Tags)
		signers := len(w.Signers) == len(c.Signers)
		for i := range w.Signers {
			signers = signers && fold(w.Signers[i]) == fold(c.Signers[i])
		}
		check("signer", signers, c.Signers, w.Signers)
		var gotCB, wantCB [3]string
		if c.ClassifiedBy != nil {
			gotCB = [3]string{fold(c.ClassifiedBy.Name), fold(c.ClassifiedBy.Office), fold(c.ClassifiedBy.Reasons)}
		}
		if w.ClassifiedBy != nil {
			wantCB = [3]string{fold(w.ClassifiedBy.Name), fold(w.ClassifiedBy.Office), fold(w.ClassifiedBy.Reasons)}
		}
		check("classified by", gotCB[0] == wantCB[0], gotCB, wantCB)
		check("classified by reasons", gotCB[2] == wantCB[2], gotCB[2], wantCB[2])
		var gotIDs, wantIDs []string
		for _, r := range c.Refs {
			gotIDs = append(gotIDs, r.RefID)
		}
		for _, r := range w.Refs {
			id := ""
			if r.RefID != nil {
				id = *r.RefID
			}
			wantIDs = append(wantIDs, id)
		}
		check("refs", slices.Equal(gotIDs, wantIDs), gotIDs, wantIDs)
	}
	for _, f := range []string{"subject", "tags", "signer", "refs", "classified by", "classified by reasons"} {
		t.Logf("%s: %d of %d right", f, right[f], len(want))
		if right[f] < headerFloors[f] {
			t.Errorf("%s: %d of %d right, fewer than the %d of before", f, right[f], len(want), headerFloors[f])
		}
	}
}

// fold compares text as a reader does: case, curly quotes and runs of
// white space aside.
func fold(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
	return strings.ToUpper(strings.Join(strings.Fields(s), " "))
}

func upper(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToUpper(s)
	}
	return out
}
