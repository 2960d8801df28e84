package normalize

import (
	"strings"
)

// Kind says what a line of a cable body is.
type Kind int

// Line kinds. Only KindText lines carry prose; the others are structure the
// normalizer drops or turns into a paragraph of their own.
const (
	KindText         Kind = iota
	KindBlank             // empty or white space only
	KindBanner            // classification banner: "C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000323"
	KindPageBreak         // "BAGHDAD 00000323 001.4 OF 002", "SECTION 02 OF 03", "PAGE 02 ..."
	KindHandling          // SIPDIS, NOFORN, SENSITIVE, "SENSITIVE BUT UNCLASSIFIED"
	KindEO                // "E.O. 12958: DECL: 02/07/2019"
	KindTags              // "TAGS: PGOV PREL UN IZ"
	KindSubject           // "SUBJECT: UNSYG BAN KI MOON IN BAGHDAD"
	KindRef               // "REF: A. BAGHDAD 123"
	KindClassifiedBy      // "Classified By: Ambassador Ryan C. Crocker for reasons 1.4 (b) and (d)."
	KindRule              // separator lines: "-----", "- - - -", "====="
	KindRouting           // routing header lines: "FM AMEMBASSY BAGHDAD", "P 080801Z FEB 09", ...
	KindAddressee         // before the header fields: "DEPT FOR NEA/ARP", "LONDON FOR KOLKER"
)

var kindNames = [...]string{"text", "blank", "banner", "pagebreak", "handling", "eo", "tags", "subject", "ref", "classifiedby", "rule", "routing", "addressee"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Classify says what kind of line s is. s must not contain a newline.
func Classify(s string) Kind {
	t := strings.TrimSpace(s)
	if t == "" || t == `\` {
		return KindBlank
	}
	if c := t[0]; c >= 'a' && c <= 'z' && c != 'c' {
		// prose: every structure line starts with a capital, a digit or a
		// sign, but for "classified by"
		return KindText
	}
	switch {
	case isRule(t):
		return KindRule
	case hasFieldPrefix(t, "SUBJECT") || hasFieldPrefix(t, "SUBJ"):
		return KindSubject
	case hasFieldPrefix(t, "TAGS"):
		return KindTags
	case isEO(t):
		return KindEO
	case hasFieldPrefix(t, "REF") || hasFieldPrefix(t, "REFS") || hasFieldPrefix(t, "REFTEL") || strings.HasPrefix(t, "REF. "):
		return KindRef
	case hasFoldPrefix(t, "classified by") || hasFoldPrefix(t, "classified by:"):
		return KindClassifiedBy
	case isHandling(t), isDateline(t):
		return KindHandling
	case isRouting(t):
		return KindRouting
	}
	if n := PageBreakAt(t, 0); n == len(t) {
		return KindPageBreak
	}
	if n := BannerAt(t, 0); n == len(t) {
		return KindBanner
	}
	return KindText
}

// hasFieldPrefix reports whether t starts with the field name followed by a
// colon, or by white space (older cables drop the colon: "TAGS PGOV").
func hasFieldPrefix(t, name string) bool {
	if len(t) <= len(name) || !strings.EqualFold(t[:len(name)], name) {
		return false
	}
	// The field names are written in capitals ("SUBJECT", "TAGS"), or
	// capitalized before a colon ("Subject:", "Tags:" in some cables);
	// so "Ref" in prose is not a field.
	c := t[len(name)]
	if t[:len(name)] != strings.ToUpper(name) && !strings.HasSuffix(name, ".") {
		return c == ':' && t[0] == name[0] && t[1:len(name)] == strings.ToLower(name[1:])
	}
	return c == ':' || c == ' ' || c == '\t'
}

func hasFoldPrefix(t, p string) bool {
	return len(t) >= len(p) && strings.EqualFold(t[:len(p)], p)
}

// isRouting reports routing-header lines standing inside a body (some
// release rows repeat the header there): "FM AMEMBASSY CAIRO", "TO
// RUEHC/SECSTATE WASHDC PRIORITY 1234", "RUEHBUL/AMEMBASSY KABUL 0076".
func isRouting(t string) bool {
	if dtgOnly(t) {
		return true
	}
	sp := strings.IndexByte(t, ' ')
	if sp <= 0 {
		return false
	}
	w0, rest := t[:sp], strings.TrimLeft(t[sp:], " ")
	w1 := rest
	if i := strings.IndexByte(rest, ' '); i >= 0 {
		w1 = rest[:i]
	}
	switch w0 {
	case "FM":
		if !(strings.HasPrefix(w1, "AM") || strings.HasPrefix(w1, "US") || w1 == "SECSTATE" || strings.HasSuffix(t, "WASHDC")) {
			return false
		}
	case "TO", "INFO":
		if !(isAddress(w1) || w1 == "SECSTATE") {
			return false
		}
	default:
		if !isAddress(w0) {
			return false
		}
	}
	for i := 0; i < len(t); i++ {
		if isLower(t[i]) {
			return false
		}
	}
	return true
}

// dtgOnly reports a precedence and date-time group alone on a line:
// "R 171512Z JAN 90", "O 162023Z NOV 07".
func dtgOnly(t string) bool {
	f := strings.Fields(t)
	k := 0
	for k < len(f) && k < 2 && len(f[k]) <= 2 && strings.Trim(f[k], "OPRZ") == "" {
		k++
	}
	if k == 0 || len(f) != k+3 {
		return false
	}
	d := f[k]
	return len(d) == 7 && d[6] == 'Z' && skipDigits(d, 0) == 6 && len(f[k+1]) == 3 && skipDigits(f[k+2], 0) == len(f[k+2])
}

// isAddress: a routing indicator with its addressee, "RUEHC/SECSTATE".
func isAddress(w string) bool {
	i := strings.IndexByte(w, '/')
	if i < 4 || i > 8 || w[0] != 'R' {
		return false
	}
	for j := 0; j < i; j++ {
		if !isUpper(w[j]) {
			return false
		}
	}
	return true
}

// isEO reports the Executive Order line: "E.O. 12958: DECL: 02/07/2019",
// "EO 12958 DECL", "E.0. 12958" (a zero for the O).
func isEO(t string) bool {
	for _, p := range []string{"E.O.", "E. O.", "E.0.", "E.O 1", "EO 1", "EO: 1"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

var weekdays = []string{"Monday, ", "Tuesday, ", "Wednesday, ", "Thursday, ", "Friday, ", "Saturday, ", "Sunday, "}

// isDateline reports the release's date line standing over some cables:
// "Wednesday, 29 November 2000, 13:59".
func isDateline(t string) bool {
	for _, w := range weekdays {
		if strings.HasPrefix(t, w) && len(t) <= len(w)+26 && strings.Count(t, ":") == 1 {
			return true
		}
	}
	return false
}

// isRule reports lines made only of separator characters.
func isRule(t string) bool {
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '-', '=', '_', '*', '~':
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3 || (n > 0 && strings.Trim(t, "-") == "")
}

var handlingWords = map[string]bool{
	"SIPDIS": true, "NOFORN": true, "SENSITIVE": true, "SENSITIVE SIPDIS": true,
	"SENSITIVE BUT UNCLASSIFIED": true, "NOFORN SIPDIS": true, "SIPDIS SENSITIVE": true,
	"LIMDIS": true, "EXDIS": true, "NODIS": true, "STADIS": true, "CXBAGHDAD": true,
	"FOR OFFICIAL USE ONLY": true, "NOT FOR INTERNET DISTRIBUTION": true,
}

func isHandling(t string) bool {
	t = strings.TrimRight(t, " .")
	if handlingWords[t] {
		return true
	}
	// "SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY" and variants.
	return strings.HasPrefix(t, "SENSITIVE BUT UNCLASSIFIED") && strings.ToUpper(t) == t
}

// classification words as they appear in banners, spaced or not. Longest first.
var bannerClasses = []string{
	"U N C L A S S I F I E D", "C O N F I D E N T I A L", "S E C R E T", "UNCLASSIFIED",
	"CONFIDENTIAL", "LIMITED OFFICIAL USE", "TOP SECRET", "SECRET", "UNCLAS", "UNCLASS",
}

// BannerAt returns the end of a classification banner starting at t[i:]
// ("C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000323",
// "UNCLAS SAN JOSE 000123"), or -1. A banner needs the classification and
// either a SECTION part or an origin followed by a cable number, so the word
// "SECRET" in prose is not a banner.
func BannerAt(t string, i int) int {
	j := -1
	for _, c := range bannerClasses {
		if strings.HasPrefix(t[i:], c) {
			j = i + len(c)
			break
		}
	}
	if j < 0 || (j < len(t) && isLetter(t[j])) {
		return -1
	}
	k := skipSpaces(t, j)
	// optional "//NOFORN" or similar
	if strings.HasPrefix(t[k:], "//") {
		k = skipUpper(t, k+2)
		k = skipSpaces(t, k)
	}
	sec := false
	if e := sectionAt(t, k); e >= 0 {
		sec = true
		k = skipSpaces(t, e)
	}
	// origin words then a cable number
	m := k
	words := 0
	for words < 4 {
		e := skipUpper(t, m)
		if e == m {
			break
		}
		words++
		m = skipSpaces(t, e)
	}
	if words > 0 {
		if e := skipDigits(t, m); e-m >= 2 && (e == len(t) || !isLetter(t[e])) {
			return e
		}
	}
	if sec {
		return k
	}
	if j == len(strings.TrimRight(t, " ")) { // a banner line holding only the classification
		return len(t)
	}
	return -1
}

// sectionAt returns the end of "SECTION 01 OF 02" at t[i:], or -1.
func sectionAt(t string, i int) int {
	if !strings.HasPrefix(t[i:], "SECTION ") {
		return -1
	}
	k := skipSpaces(t, i+len("SECTION "))
	e := skipDigits(t, k)
	if e == k {
		return -1
	}
	k = skipSpaces(t, e)
	if !strings.HasPrefix(t[k:], "OF ") {
		return -1
	}
	k = skipSpaces(t, k+3)
	e = skipDigits(t, k)
	if e == k {
		return -1
	}
	return e
}

// PageBreakAt returns the end of a page-break marker starting at t[i:], or
// -1. Page breaks are "BAGHDAD 00000323 001.4 OF 002" (origin, cable number,
// page, OF, pages), "SECTION 02 OF 03" and "PAGE 02 RUEHBO 01234 123456Z".
func PageBreakAt(t string, i int) int {
	if e := sectionAt(t, i); e >= 0 {
		return e
	}
	if e := PageHeaderAt(t, i); e > 0 {
		if i == 0 && strings.Contains(t[:e], " OF ") {
			// "PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER": the
			// words after the group repeat the subject; the line goes whole.
			return len(t)
		}
		return e
	}
	// "001.2 OF 003" alone: the rest of a page break cut by a line end
	if p := skipDigits(t, i); p-i == 3 {
		if p < len(t) && t[p] == '.' {
			p = skipDigits(t, p+1)
		}
		if k := skipSpaces(t, p); strings.HasPrefix(t[k:], "OF ") {
			k = skipSpaces(t, k+3)
			if e := skipDigits(t, k); e-k == 3 && i == 0 && strings.TrimSpace(t[e:]) == "" {
				return e
			}
		}
	}
	// origin words (capitals) then digits
	m := i
	words := 0
	for words < 4 {
		e := skipUpper(t, m)
		if e == m || e-m > 20 {
			break
		}
		words++
		m = skipSpaces(t, e)
	}
	if words == 0 {
		return -1
	}
	e := skipDigits(t, m)
	if e-m < 4 {
		return -1
	}
	k := skipSpaces(t, e)
	p := skipDigits(t, k)
	if p-k != 3 {
		return -1
	}
	if p < len(t) && t[p] == '.' {
		p = skipDigits(t, p+1)
	}
	k = skipSpaces(t, p)
	if !strings.HasPrefix(t[k:], "OF ") {
		return -1
	}
	k = skipSpaces(t, k+3)
	e = skipDigits(t, k)
	if e-k != 3 {
		return -1
	}
	return e
}

// PageHeaderAt returns the end of an old-style page header at t[i:], or -1:
// "PAGE 02        CAPE T  00097  01 OF 03  182017Z" (ending at the
// date-time group) or "PAGE 02 RUEHFRA0170 S E C R E T" (ending after the
// classification).
func PageHeaderAt(t string, i int) int {
	if !strings.HasPrefix(t[i:], "PAGE ") {
		return -1
	}
	k := skipSpaces(t, i+5)
	e := skipDigits(t, k)
	if e-k < 1 || e-k > 3 || e >= len(t) || t[e] != ' ' {
		return -1
	}
	k = skipSpaces(t, e)
	for tok := 0; tok < 10 && k < len(t); tok++ {
		end := k
		for end < len(t) && t[end] != ' ' {
			end++
		}
		w := t[k:end]
		if len(w) == 7 && w[6] == 'Z' && skipDigits(w, 0) == 6 {
			return end
		}
		if tok == 0 && strings.HasPrefix(w, "RU") {
			n := skipSpaces(t, end)
			for _, c := range bannerClasses {
				if strings.HasPrefix(t[n:], c) {
					return n + len(c)
				}
			}
		}
		k = skipSpaces(t, end)
	}
	return -1
}

func skipSpaces(t string, i int) int {
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	return i
}

func skipDigits(t string, i int) int {
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i
}

// skipUpper skips one word of capital letters (with inner dots or
// hyphens, as in "U.S." or "ADDIS-ABABA").
func skipUpper(t string, i int) int {
	j := i
	for j < len(t) && ((t[j] >= 'A' && t[j] <= 'Z') || (j > i && (t[j] == '.' || t[j] == '-'))) {
		j++
	}
	return j
}

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isLower(c byte) bool  { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
