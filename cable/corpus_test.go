package cable_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/source"
)

// corpus is the shared corpus beside the project (../shared in CI).
var corpus = filepath.Join("..", "..", "shared", "corpus", "cables.csv.gz")

var (
	// a Classified By line anywhere in a cable ("DECLASSIFIED BY" is not)
	classifiedByLine = regexp.MustCompile(`(?:^|[^A-Za-z])(?i:classified\s+by)\s*:?\s*[A-Za-z]`)
	// a subject field at the start of a line
	subjectLine = regexp.MustCompile(`(?m)^[\s¶]*(?:SUBJECT|SUBJ|Subject|Subj)\s*:\s*\S`)
	// what a subject must not hold
	subjectRunOn = regexp.MustCompile(`\bREFS?:|\bRef:|(?i:classified by)|(?i:but unclassified)|(?i:protect accordingly)|^\(\s*(?i:u|c|s|sbu)\s*\)`)
	// a signature alone on the last line: one or two words in capitals
	signatureLine = regexp.MustCompile(`^[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?$`)
)

// TestCorpusHeaders reads the header of every cable of the shared corpus
// and counts what issue 13 says must not happen, naming the cables left:
// a Classified By line not read, a subject line not read, a subject that
// runs on into REF, Classified By or a handling line, repeated or glued
// tags, a signature line not read.
func TestCorpusHeaders(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("skipping: %s not found (the shared corpus sits beside the project in CI)", corpus)
	}
	misses := map[string][]string{}
	miss := func(what, refid string) { misses[what] = append(misses[what], refid) }
	n := 0
	p := cable.DefaultParser(t)
	err := source.Each([]source.Input{{Path: corpus}}, func(r cable.Raw) error {
		c, err := p.Parse(r)
		if err != nil {
			return err
		}
		n++
		if c.ClassifiedBy == nil && classifiedByLine.MatchString(c.Text) {
			miss("classified by not read", c.RefID)
		}
		if c.Subject == "" && subjectLine.MatchString(c.Text) {
			miss("subject not read", c.RefID)
		}
		if subjectRunOn.MatchString(c.Subject) {
			miss("subject runs on", c.RefID)
		}
		seen := map[string]bool{}
		for _, tag := range c.Tags {
			if seen[tag] {
				miss("tag repeated", c.RefID)
			}
			seen[tag] = true
			if len(cable.ParseTags(tag)) > 1 && !strings.Contains(tag, " ") {
				miss("tags glued", c.RefID)
			}
		}
		if c.Signer == "" && signatureLine.MatchString(lastLine(c.Text)) {
			miss("signature not read", c.RefID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 6712 {
		t.Fatalf("%d cables read, want 6712", n)
	}
	kinds := make([]string, 0, len(misses))
	for k := range misses {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		t.Logf("%s: %d: %s", k, len(misses[k]), strings.Join(misses[k][:min(len(misses[k]), 20)], " "))
	}
	for _, what := range []string{"classified by not read", "subject not read", "subject runs on", "tag repeated", "tags glued", "signature not read"} {
		if len(misses[what]) > 0 {
			t.Errorf("%s: %d cables: %s", what, len(misses[what]), strings.Join(misses[what], " "))
		}
	}
}

// lastLine is the last line of text with a letter in it, trimmed.
func lastLine(text string) string {
	lines := strings.Split(text, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.Trim(lines[i], " \t\r\""); strings.IndexFunc(l, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) >= 0 {
			return l
		}
	}
	return ""
}
