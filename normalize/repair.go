package normalize

import (
	"sort"
	"strings"
)

// repair fixes what the release did to characters: curly quotes, dashes and
// non-breaking spaces, "Q" duplication artifacts ("QMinister Maliki" and
// the doubled fragment after a Q), "Q" and "," standing for apostrophes.
// It returns the repaired text and the paragraphs moved to its offsets; a
// text with nothing to repair comes back as it was, without a copy.
func repair(t Text, paras []Paragraph) (Text, []Paragraph) {
	s := t.S
	first := -1
	for i := 0; i < len(s); i++ {
		if _, _, ok := fixAt(s, i); ok {
			first = i
			break
		}
	}
	if first < 0 {
		return t, paras
	}
	b := NewBuilder(t)
	bounds := make([]int, 0, 2*len(paras))
	for _, p := range paras {
		bounds = append(bounds, p.Start, p.End)
	}
	sort.Ints(bounds)
	moved := make(map[int]int, len(bounds))
	bi := 0
	run := 0 // start of the bytes not yet copied
	// mark moves the paragraph boundaries up to i: one in the bytes not yet
	// copied (which copy one to one) keeps its distance from them; one
	// inside a replaced piece moves to the end of the replacement.
	mark := func(i int) {
		for bi < len(bounds) && bounds[bi] <= i {
			if p := bounds[bi]; p >= run {
				moved[p] = b.Len() + p - run
			} else {
				moved[p] = b.Len()
			}
			bi++
		}
	}
	for i := first; i < len(s); {
		mark(i)
		end, repl, ok := fixAt(s, i)
		if !ok {
			i++
			continue
		}
		b.Copy(run, i)
		b.Replace(i, end, repl)
		if repl == "" && b.Len() > 0 && b.Bytes()[b.Len()-1] == ' ' && end < len(s) && s[end] == ' ' {
			end++ // " Q " dropped: keep one space
		}
		i, run = end, end
	}
	b.Copy(run, len(s))
	run = len(s)
	mark(len(s))
	out := make([]Paragraph, len(paras))
	for k, p := range paras {
		p.Start, p.End = moved[p.Start], moved[p.End]
		out[k] = p
	}
	return b.Text(), out
}

// fixAt says whether s[i:] starts something to repair, and if so where it
// ends and what replaces it ("" to drop it).
func fixAt(s string, i int) (int, string, bool) {
	switch c := s[i]; {
	case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80:
		switch s[i+2] {
		case 0x98, 0x99: // ‘ ’
			return i + 3, "'", true
		case 0x9C, 0x9D: // “ ”
			return i + 3, `"`, true
		case 0x93: // en dash
			return i + 3, "-", true
		case 0x94: // em dash
			return i + 3, "--", true
		}
	case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // no-break space
		return i + 2, " ", true
	case c == 'Q':
		return qArtifact(s, i)
	case c == ',':
		if i > 0 && isLower(s[i-1]) && apostropheSuffix(s, i+1) {
			return i + 1, "'", true
		}
	}
	return 0, "", false
}

// qArtifact looks at the Q at s[i]. It returns the end of what to replace
// and the replacement: "" to drop a Q with its doubled fragment, "'" for a
// Q standing for an apostrophe.
func qArtifact(s string, i int) (int, string, bool) {
	atWord := i == 0 || s[i-1] == ' '
	if atWord && i+1 < len(s) && isLetter(s[i+1]) {
		// "with QMinister Maliki earlier in the day ... with": the text after
		// the Q repeats the text before it.
		if l := doubled(s, i); l > 0 {
			return i + 1 + l, "", true
		}
		// "QMinister": Q glued to a capitalized word
		if i+2 < len(s) && isUpper(s[i+1]) && isLower(s[i+2]) {
			return i + 1, "", true
		}
		return 0, "", false
	}
	if atWord && i > 1 && i+2 < len(s) && s[i+1] == ' ' && isLower(s[i-2]) && isLower(s[i+2]) {
		// "praised Q all": a stray Q between lowercase words
		return i + 1, "", true
	}
	if i > 0 && isLetter(s[i-1]) && apostropheSuffix(s, i+1) {
		return i + 1, "'", true
	}
	return 0, "", false
}

// doubled returns the length of the longest fragment (at least 12 bytes,
// starting at a word) that ends just before the Q at s[i] and is repeated
// right after it, or 0.
func doubled(s string, i int) int {
	const minLen, maxLen = 12, 400
	hi := min(maxLen, i, len(s)-i-1)
	for l := hi; l >= minLen; l-- {
		a := i - l
		if a > 0 && s[a-1] != ' ' {
			continue
		}
		if s[a:i] == s[i+1:i+1+l] {
			return l
		}
	}
	return 0
}

// apostropheSuffix reports whether s[j:] starts with an English contraction
// or possessive ending ("s", "t", "ll", "re", "ve", "d", "m") then a word end.
func apostropheSuffix(s string, j int) bool {
	for _, suf := range []string{"s", "t", "ll", "re", "ve", "d", "m"} {
		if strings.HasPrefix(s[j:], suf) {
			e := j + len(suf)
			if e == len(s) || !isLetter(s[e]) {
				return true
			}
		}
	}
	return false
}
