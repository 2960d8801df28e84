package cable

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// tagsTxt is the release's TAGS codes as the corpus writes them, one per
// line (cable/gen/tags.py makes it from the shared corpus).
//
//go:embed tags.txt
var tagsTxt string

// tagCodes is the set of TAGS codes, read once.
var tagCodes = sync.OnceValue(func() map[string]bool {
	codes := make(map[string]bool, 512)
	for _, l := range strings.Split(tagsTxt, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			codes[l] = true
		}
	}
	return codes
})

// ParseTags reads a TAGS value as written: codes ("PGOV PREL UN IZ",
// "PREL, GM, VT"), a parenthesis kept with its tag ("OVIP (STEINBERG,
// JAMES B.)"), free-text tags kept whole ("ITALIAN POLITICS"), codes
// written together split ("ITPGOV" is IT and PGOV), each tag once, in
// order. A field written on after the tags ("... IPR Refs: A) ...") is
// not read.
func ParseTags(v string) []string {
	codes := tagCodes()
	tags := []string{}
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	var words []string // free-text words of one tag
	flush := func() {
		if len(words) > 0 {
			add(strings.Join(words, " "))
			words = words[:0]
		}
	}
	v = strings.ReplaceAll(v, "\u00a0", " ")
	for _, t := range tagTokens(cutAtField(v)) {
		switch {
		case strings.HasPrefix(t, "(") && len(tags) > 0 && len(words) == 0:
			// "OVIP (STEINBERG, JAMES B.)": the person the visit is of
			last := tags[len(tags)-1]
			delete(seen, last)
			tags[len(tags)-1] = last + " " + t
			seen[tags[len(tags)-1]] = true
		case codes[t]:
			flush()
			add(t)
		default:
			if parts := gluedCodes(t, codes); parts != nil {
				flush()
				for _, p := range parts {
					add(p)
				}
				continue
			}
			if freeWord(t) {
				words = append(words, t)
				continue
			}
			flush()
			add(t)
		}
	}
	flush()
	return tags
}

// tagTokens splits a TAGS value at spaces, commas and semicolons; a
// parenthesis is one token.
func tagTokens(v string) []string {
	var out []string
	depth := 0
	cur := strings.Builder{}
	flush := func() {
		if t := strings.TrimFunc(cur.String(), func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' || r == '.' }); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	for _, r := range v {
		switch {
		case r == '(':
			if depth == 0 {
				flush()
			}
			depth++
			cur.WriteRune(r)
		case r == ')':
			depth--
			cur.WriteRune(r)
			if depth <= 0 {
				depth = 0
				flush()
			}
		case (unicode.IsSpace(r) || r == ',' || r == ';') && depth == 0:
			flush()
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return out
}

// cutAtField returns v up to a header field written on the same line
// after the tags: "REF:", "REFS:", "SUBJECT:", "SUBJ:", "CLASSIFIED BY",
// "E.O.".
func cutAtField(v string) string {
	u := strings.ToUpper(v)
	end := len(v)
	for _, f := range []string{"REF:", "REFS:", "REFTEL:", "SUBJECT:", "SUBJ:", "CLASSIFIED BY", "E.O.", "E. O."} {
		for from := 0; from < end; {
			i := strings.Index(u[from:end], f)
			if i < 0 {
				break
			}
			i += from
			if i == 0 || u[i-1] == ' ' || u[i-1] == ',' || u[i-1] == ';' {
				end = i
				break
			}
			from = i + len(f)
		}
	}
	return v[:end]
}

// gluedCodes splits a word made of codes written together ("ITPGOV",
// "VTPREL", a whole line "KFRDCVISCMGTCASC...EG") into them, or returns
// nil: two or more codes, one of four letters or more, at most one of two
// letters; longer codes first.
func gluedCodes(w string, codes map[string]bool) []string {
	if len(w) < 5 || len(w) > 96 || strings.ToUpper(w) != w {
		return nil
	}
	type state struct {
		at, shorts int
		long       bool
	}
	failed := map[state]bool{} // states from which no split ends well
	var parts []string
	var split func(at, shorts int, long bool) bool
	split = func(at, shorts int, long bool) bool {
		if at == len(w) {
			return long && len(parts) >= 2
		}
		st := state{at, shorts, long}
		if failed[st] {
			return false
		}
		for k := min(len(w)-at, 6); k >= 2; k-- {
			p := w[at : at+k]
			if !codes[p] || k == 2 && shorts == 1 {
				continue
			}
			parts = append(parts, p)
			s := shorts
			if k == 2 {
				s++
			}
			if split(at+k, s, long || k >= 4) {
				return true
			}
			parts = parts[:len(parts)-1]
		}
		failed[st] = true
		return false
	}
	if !split(0, 0, false) {
		return nil
	}
	return parts
}

// freeWord reports a word of a free-text tag ("ITALIAN POLITICS", "HUMAN
// RIGHTS"): letters only, five or more, no code.
func freeWord(w string) bool {
	if len(w) < 5 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isAlpha(w[i]) && w[i] != '-' {
			return false
		}
	}
	return true
}

// tagsInText is a TAGS field standing where the normalizer does not see
// one: a field name cut or in the singular ("TAG KU, CVIS", "AGS: PGOV"),
// or inside a glued header line, followed by a code.
var tagsInText = regexp.MustCompile(`(?m)(?:^|[\s\d])(?:TAGS?|AGS)(?::\s*|\s+)([A-Z]{2,6}(?:[ ,;]|$).*)$`)

// TagsInText finds the TAGS of a cable whose header the normalizer could
// not split into fields, in its first lines; none if no line has them.
func TagsInText(s string) []string {
	m := tagsInText.FindStringSubmatch(strings.ReplaceAll(s, "\u00a0", " "))
	if m == nil {
		return []string{}
	}
	tags := ParseTags(m[1])
	codes := tagCodes()
	for _, t := range tags {
		if codes[strings.ToUpper(t)] {
			return tags
		}
	}
	return []string{} // no known code: prose that happens to say "tag"
}
