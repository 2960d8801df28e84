package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of the text being tagged.
type token struct {
	s, e int    // byte range in the text
	text string // the text as written
	key  string // lower case: how the gazetteers look it up
	// shape
	cap     bool // starts with a capital
	upper   bool // has letters and all of them are capitals
	lower   bool // starts with a lowercase letter
	word    bool // starts with a letter or digit
	initial bool // a single capital with a dot: "C."
	// position
	sentStart bool // first token of a sentence or paragraph
	parStart  bool // first token of a paragraph
}

// abbreviations that keep their dot.
var abbrevs = map[string]bool{
	"amb": true, "gen": true, "dr": true, "mr": true, "mrs": true, "ms": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "maj": true, "adm": true,
	"brig": true, "prof": true, "fr": true, "st": true, "jr": true, "sr": true, "no": true,
	"pres": true, "asst": true, "dir": true, "mme": true, "messrs": true, "sgt": true, "cmdr": true,
}

// tokenize splits text into tokens. It keeps together what names are made
// of: dotted abbreviations ("U.S.", "a.i."), initials ("C."), hyphens and
// apostrophes inside words ("al-Sadr", "O'Dowd"), and slashes in office
// abbreviations ("A/S", "M/C"); a possessive "'s" is a token of its own.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	sent, par := true, true
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			// a blank line starts a paragraph, and so does a single line
			// break: the normalized text keeps one only between the items
			// of a list, one per line, which no name runs across
			sent, par = true, true
			i += n
			continue
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			t := token{s: i, e: i + n, text: text[i : i+n], key: text[i : i+n], sentStart: sent, parStart: par}
			toks = append(toks, t)
			sent, par = false, false
			switch r {
			case '.', '!', '?', ';':
				sent = true
			case ':':
				// "Participants:" lists; "SUMMARY:" heads a sentence
				sent = true
			}
			i += n
			continue
		}
		e := wordEnd(text, i)
		t := token{s: i, e: e, text: text[i:e], sentStart: sent, parStart: par}
		t.key = toLower(t.text)
		shape(&t)
		toks = append(toks, t)
		sent, par = false, false
		i = e
	}
	return toks
}

// toLower is strings.ToLower, without allocating for words already in
// lower case.
func toLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// isAbbrev reports whether w, in any case, is one of abbrevs, without
// allocating (this runs for every word before a dot).
func isAbbrev(w string) bool {
	var buf [8]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbrevs[string(buf[:len(w)])]
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// wordEnd returns the end of the word starting at i.
func wordEnd(s string, i int) int {
	start := i
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		switch r {
		case '.':
			// "U.S.", "a.i.", "D.C.": single letters joined by dots
			if i-start == 1 || (i-start >= 2 && s[i-2] == '.') {
				if isLetterAt(s, i+1) && (i+2 >= len(s) || !isLetterAt(s, i+2)) {
					i++
					continue
				}
				if i-start >= 2 && s[i-2] == '.' || (i-start == 1 && isUpperByte(s[start])) {
					return i + 1 // the final dot of "U.S." or an initial "C."
				}
			}
			if isAbbrev(s[start:i]) {
				return i + 1
			}
			return i
		case '-':
			if isWordAt(s, i+1) && i > start {
				i++
				continue
			}
			return i
		case '\'', '’':
			// "O'Dowd" joins; "Crocker's" and "Ban's" leave "'s" apart
			if isLetterAt(s, i+n) && !((s[i+n] == 's' || s[i+n] == 'S') && !isLetterAt(s, i+n+1)) {
				i += n
				continue
			}
			return i
		case '/':
			// "A/S", "U/S", "M/C", "POL/ECON": capitals on both sides
			if i-start <= 5 && isUpperByte(s[start]) && i+1 < len(s) && isUpperByte(s[i+1]) && strings.ToUpper(s[start:i]) == s[start:i] {
				i++
				continue
			}
			return i
		}
		return i
	}
	return i
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

func shape(t *token) {
	r, _ := utf8.DecodeRuneInString(t.text)
	t.word = true
	t.cap = unicode.IsUpper(r)
	t.lower = unicode.IsLower(r)
	letters, uppers := 0, 0
	for _, c := range t.text {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				uppers++
			}
		}
	}
	t.upper = letters > 0 && letters == uppers
	t.initial = len(t.text) == 2 && t.text[1] == '.' && isUpperByte(t.text[0])
}
