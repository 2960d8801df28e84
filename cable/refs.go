package cable

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Ref is one reference of a cable's REF field: the text as written ("A.
// 08 CAIRO 493") and the reference id of the cable it names ("08CAIRO493"),
// "" when it names none (a letter, an e-mail, "REFTEL", an airgram).
type Ref struct {
	Text  string `json:"text"`
	RefID string `json:"refid,omitempty"`
}

// ParseRefs splits a REF value into its references, each with its label
// ("A.", "(B)", "C)"): "A. 05 BUENOS AIRES 00141 B. BUENOS AIRES 01610"
// gives "A. 05 BUENOS AIRES 00141" (05BUENOSAIRES141) and "B. BUENOS AIRES
// 01610" (BUENOSAIRES1610 in the cable's year). self is the citing
// cable's reference id, year its year (four digits, 0 if unknown) and day
// its day of the year, for references that do not give theirs.
func ParseRefs(v, self string, year, day int) []Ref {
	if loc := classifiedByAt.FindStringIndex(v); loc != nil {
		v = v[:loc[0]] // "LA PAZ 1280 Classified by ...": the next field
	}
	var out []Ref
	var cur []string
	flush := func() {
		joined := strings.Join(cur, " ")
		if t := strings.Trim(joined, " ;,."); t != "" && (len(cur) > 1 || !refLabel(cur[0])) {
			r := Ref{Text: t, RefID: RefID(strings.TrimRight(joined, " ;,"), self, year, day)}
			// not prose that a line opening with "REF" made a field
			if r.RefID != "" || len(cur) <= 12 {
				out = append(out, r)
			}
		}
		cur = cur[:0]
	}
	ws := strings.Fields(strings.ReplaceAll(v, ";", "; "))
	skip := -1 // a word already read
	for k, w := range ws {
		if k == skip {
			continue
		}
		w = strings.TrimPrefix(w, "¶")
		if w == "" {
			continue
		}
		if len(cur) > 0 && allDigits(strings.TrimRight(cur[len(cur)-1], ".,")) && !refLabel(w) && RefID(strings.Join(cur, " "), "", 2000, 0) != "" && RefID(strings.Join(ws[k:min(k+6, len(ws))], " "), "", 2000, 0) != "" {
			// "Buenos Aires 230 Buenos Aires 164": one per line, no labels
			flush()
		}
		if (strings.EqualFold(w, "and") || w == "&") && k+1 < len(ws) && allDigits(strings.TrimRight(ws[k+1], ".,;")) && len(cur) > 0 && allDigits(strings.TrimRight(cur[len(cur)-1], ".,")) {
			// "BRASILIA 715 AND 660": a second number of the same post
			if id := RefID(strings.Join(cur, " "), self, year, day); id != "" {
				post, _ := splitRefID(id)
				n, _ := strconv.Atoi(strings.TrimRight(ws[k+1], ".,;"))
				flush()
				if n > 0 {
					out = append(out, Ref{Text: "and " + ws[k+1], RefID: id[:2] + post + strconv.Itoa(n)})
				}
				skip = k + 1
				continue
			}
		}
		if refLabel(w) {
			flush()
			cur = append(cur, w)
			continue
		}
		if strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":") && allDigits(strings.TrimSuffix(w, ":")) {
			// "A) STATE 135205; B) ...", "TEHRAN 1091: TEHRAN 263"
			cur = append(cur, strings.TrimRight(w, ";:"))
			flush()
			continue
		}
		cur = append(cur, w)
	}
	flush()
	return AppendRefs(nil, out...)
}

// AppendRefs appends to refs the references not in it yet: a reference
// read twice (a repeated page header, a REF field and the same in the
// subject) is one.
func AppendRefs(refs []Ref, more ...Ref) []Ref {
	for _, r := range more {
		if !slices.ContainsFunc(refs, func(o Ref) bool { return o == r || r.RefID != "" && o.RefID == r.RefID }) {
			refs = append(refs, r)
		}
	}
	return refs
}

// refPosts are the posts that references write otherwise than the
// release's reference ids do.
var refPosts = map[string]string{"SECSTATE": "STATE", "DEPT": "STATE", "DEPARTMENT": "STATE", "USUN": "USUNNEWYORK", "USUN NEW YORK": "USUNNEWYORK", "USUN NY": "USUNNEWYORK"}

// notPosts are words that stand where a post would and name none: "YOUR
// 123", "EMAIL OF 5 MAY".
var notPosts = map[string]bool{"YOUR": true, "OUR": true, "MY": true, "AND": true, "OF": true, "EMAIL": true, "E-MAIL": true, "LETTER": true, "TELCON": true, "MEMCON": true, "FAX": true, "NOTE": true, "REFTEL": true, "REFTELS": true, "PREVIOUS": true, "IIR": true, "AIRGRAM": true, "CIRCULAR": true, "ALDAC": true, "OURTEL": true, "YOURTEL": true, "EMBTEL": true, "DEPTEL": true, "PARA": true, "PARAS": true, "PAGE": true}

// RefID returns the reference id a reference names ("08 CAIRO 493" →
// "08CAIRO493"; "STATE 12345" in a cable of 2009 → "09STATE12345"; "SAO
// PAULO 0280" → "SAOPAULO280"), or "". A label before it is skipped. The
// year is the reference's own (two or four digits before the post, or a
// date after the number), else year; or the year before when the citing
// cable self is of the same post and a lower number ("TEL AVIV 2446" cited
// by 10TELAVIV413 was sent in 2009), or a STATE number higher than the
// Department sends by day, the citing cable's day of the year (0 if
// unknown): "SECSTATE 170928" cited on January 2 was sent the year before.
func RefID(text, self string, year, day int) string {
	ws := strings.Fields(strings.NewReplacer("(", " ", ")", " ", ",", " ", ";", " ").Replace(text))
	if len(ws) > 0 && refLabel(ws[0]) {
		ws = ws[1:]
	}
	if len(ws) > 0 && len(ws[0]) == 1 && isAlpha(ws[0][0]) {
		ws = ws[1:] // "A) ..." split by the parenthesis
	}
	if len(ws) > 0 {
		// already written as an id: "09BOGOTA1506", "BEIJING5237"
		if m := compactID.FindStringSubmatch(strings.ToUpper(strings.TrimRight(ws[0], ".:"))); m != nil {
			n, _ := strconv.Atoi(m[3])
			switch {
			case n == 0:
				return ""
			case m[1] != "":
				return m[1] + m[2] + strconv.Itoa(n)
			case year > 0:
				return twoDigits(year%100) + m[2] + strconv.Itoa(n)
			}
			return ""
		}
	}
	i, yy := 0, -1
	if i < len(ws) && allDigits(ws[i]) && (len(ws[i]) == 2 || len(ws[i]) == 4 && (ws[i][:2] == "19" || ws[i][:2] == "20")) {
		n, _ := strconv.Atoi(ws[i])
		yy = n % 100
		i++
	}
	var post []string
	for ; i < len(ws) && len(post) < 4; i++ {
		w := strings.ToUpper(strings.TrimRight(ws[i], ".:"))
		if !isWordOfPost(w) {
			break
		}
		post = append(post, w)
	}
	if len(post) == 0 || i >= len(ws) {
		return ""
	}
	num := strings.TrimRight(ws[i], ":.")
	if strings.HasSuffix(ws[i], "..") {
		return "" // cut short: "DUSHANBE 16..."
	}
	if !allDigits(num) || len(num) > 7 {
		return "" // not a number, or cut short ("DUSHANBE 16...")
	}
	name := strings.Join(post, " ")
	for k, w := range post {
		if notPosts[w] || w == "THE" && (k > 0 || len(post) == 1) {
			return "" // "THE HAGUE" is a post; "THE 123" none
		}
	}
	if p, ok := refPosts[name]; ok {
		name = p
	} else {
		name = strings.ReplaceAll(name, " ", "")
	}
	if own, _ := splitRefID(self); ownPost(name, own) {
		name = own // "UNVIE 076" in 09UNVIEVIENNA322, "TGG 1818" in 08TEGUCIGALPA86
	}
	n, err := strconv.Atoi(num)
	if err != nil || n == 0 {
		return ""
	}
	if yy < 0 {
		// "DOHA 152 (08)"; "STATE 99488 24 SEP 2009": the date the
		// reference was sent
		if i+1 < len(ws) && allDigits(ws[i+1]) && (len(ws[i+1]) == 2 && parenAfter(text, num) || len(ws[i+1]) == 4 && (ws[i+1][:2] == "19" || ws[i+1][:2] == "20")) {
			y, _ := strconv.Atoi(ws[i+1])
			yy = y % 100
		} else if i+3 < len(ws) && allDigits(ws[i+3]) && len(ws[i+3]) == 4 && monthWord(ws[i+2]) {
			y, _ := strconv.Atoi(ws[i+3])
			yy = y % 100
		} else if year > 0 {
			yy = year % 100
			if post, no := splitRefID(self); post == name && n > no && no > 0 || name == "STATE" && n > stateNumbersBy(day) {
				yy = (year - 1) % 100
			}
		} else {
			return ""
		}
	}
	return twoDigits(yy) + name + strconv.Itoa(n)
}

// isWordOfPost reports a word that may be part of a post's name: letters
// (and a hyphen), "STATE", "SAO", "USUN".
func isWordOfPost(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !(w[i] >= 'A' && w[i] <= 'Z') && w[i] != '-' {
			return false
		}
	}
	return !monthWord(w)
}

func monthWord(w string) bool {
	switch strings.ToUpper(w) {
	case "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
		"JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER":
		return true
	}
	return false
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// parenAfter reports "(" right after the number num in text: "DOHA 152
// (08)" gives the year in brackets.
func parenAfter(text, num string) bool {
	i := strings.Index(text, num)
	return i >= 0 && strings.HasPrefix(strings.TrimLeft(text[i+len(num):], " "), "(")
}

// splitRefID returns the post and number of a reference id: "10TELAVIV413"
// gives TELAVIV, 413; "", 0 if it has no such shape.
func splitRefID(id string) (string, int) {
	if len(id) < 4 || !allDigits(id[:2]) {
		return "", 0
	}
	i := len(id)
	for i > 2 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	n, err := strconv.Atoi(id[i:])
	if err != nil {
		return "", 0
	}
	return id[2:i], n
}

// compactID is a reference written as a reference id: "09BOGOTA1506",
// or its post and number without the year: "BEIJING5237".
var compactID = regexp.MustCompile(`^(\d{2})?([A-Z]{4,})(\d{1,7})$`)

// stateNumbersBy is more than the Department's cables numbered by day d
// of the year, in its first weeks (at most some 1,100 a day in the
// busiest years, so 2,000 a day and 5,000 more); no bound later in the
// year or when d is unknown.
func stateNumbersBy(d int) int {
	if d <= 0 || d > 45 {
		return 1 << 30
	}
	return 5000 + d*2000
}

// ownPost reports a post written as a short or misspelt form of the
// citing cable's own post: its start ("UNVIE" of UNVIEVIENNA) or end
// ("HAGUE" of THEHAGUE), its letters in order ("TGG" of TEGUCIGALPA, "KL"
// of KUALALUMPUR), or one letter more ("TRIPOLII").
func ownPost(name, own string) bool {
	if own == "" || name == own || len(name) < 2 || strings.ContainsAny(own, "0123456789") {
		return false // (a reference id the release garbled: "08ECTION01OF02MANAMA492")
	}
	if len(name) >= 4 && strings.HasSuffix(own, name) {
		return true // "HAGUE" of THEHAGUE
	}
	if name[0] != own[0] {
		return false
	}
	if len(name) >= 3 && strings.HasPrefix(own, name) || len(name) == len(own)+1 && strings.HasPrefix(name, own) {
		return true
	}
	if len(name) <= 4 {
		k := 0
		for i := 0; i < len(own) && k < len(name); i++ {
			if own[i] == name[k] {
				k++
			}
		}
		return k == len(name)
	}
	return false
}
