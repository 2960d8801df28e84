package relate

import "strings"

// word is a word of a sentence with its byte range in the normalized text.
type word struct {
	s, e int
	w    string // lower case
}

// words splits a phrase into lower-case words; "..." stands for a gap.
func words(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if f == "..." {
			out = append(out, f)
			continue
		}
		for _, w := range scan(f, 0) {
			out = append(out, w.w)
		}
	}
	return out
}

func scan(s string, base int) []word {
	var out []word
	for i := 0; i < len(s); {
		if !wordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (wordByte(s[j]) || s[j] == '\'' && j+1 < len(s) && wordByte(s[j+1])) {
			j++
		}
		out = append(out, word{base + i, base + j, strings.ToLower(s[i:j])})
		i = j
	}
	return out
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// sentences splits text[a:b] into sentences: they end at ".", "!" or "?"
// followed by a space and a capital, digit or quote, unless the word before
// is an initial or an abbreviation ("U.S.", "Amb.", "C.").
func sentences(text string, a, b int) [][2]int {
	var out [][2]int
	start := a
	for i := a; i < b; i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < b && (text[j] == '"' || text[j] == ')' || text[j] == '\'') {
			j++
		}
		if j < b && text[j] != ' ' {
			continue
		}
		k := j
		for k < b && text[k] == ' ' {
			k++
		}
		if k < b && !(isUpper(text[k]) || isDigit(text[k]) || text[k] == '"' || text[k] == '(') {
			continue
		}
		if c == '.' && abbreviation(text, start, i) {
			continue
		}
		out = append(out, [2]int{start, j})
		start = k
		i = k - 1
	}
	if start < b {
		out = append(out, [2]int{start, b})
	}
	return out
}

// abbreviation reports a dot ending an initial, a dotted acronym or a
// title abbreviation rather than a sentence.
func abbreviation(text string, start, dot int) bool {
	w := dot
	for w > start && text[w-1] != ' ' {
		w--
	}
	tok := text[w:dot]
	if len(tok) == 1 && isUpper(tok[0]) {
		return true // an initial
	}
	if strings.Contains(tok, ".") && len(tok) <= 6 {
		return true // U.S, a.i
	}
	switch strings.ToLower(tok) {
	case "amb", "gen", "dr", "mr", "mrs", "ms", "sen", "rep", "gov", "lt", "col", "capt", "maj",
		"adm", "brig", "prof", "fr", "st", "jr", "sr", "no", "pres", "asst", "dir", "mme", "sgt":
		return true
	}
	return false
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
