package cable

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/cablegraph/cablegraph/normalize"
)

// HeaderEnd returns where a routing header standing at the top of text ends
// ("VZCZC...", precedence, "DE", "ZNY", the date-time group, FM, TO, INFO
// and address lines), or 0 when text does not start with one.
func HeaderEnd(text string) int {
	routing := false // saw an FM line or a date-time group
	inAddr := false  // inside the TO/INFO address block
	for p := 0; p < len(text); {
		q := strings.IndexByte(text[p:], '\n')
		end, next := len(text), len(text)
		if q >= 0 {
			end, next = p+q, p+q+1
		}
		t := strings.TrimSpace(text[p:end])
		switch {
		case t == "":
		case strings.HasPrefix(t, "VZCZC"), strings.HasPrefix(t, "ZNY "), strings.HasPrefix(t, "ZNR "),
			strings.HasPrefix(t, "DE "), t == "BT", t == "NNNN", precedenceLine(t):
		case dtgLine(t):
			routing = true
		case strings.HasPrefix(t, "FM "):
			routing = true
		case strings.HasPrefix(t, "TO "), strings.HasPrefix(t, "INFO "):
			inAddr = true
		case inAddr && addressLine(t):
		default:
			if routing {
				return p
			}
			return 0
		}
		p = next
	}
	return 0
}

// precedenceLine: "PP RUEHBC RUEHDE", "OO RUEHWEB".
func precedenceLine(t string) bool {
	f := strings.Fields(t)
	if len(f) < 2 {
		return false
	}
	switch f[0] {
	case "PP", "OO", "RR", "ZZ", "YY", "P", "O", "R", "Z":
	default:
		return false
	}
	return strings.HasPrefix(f[1], "RU") || strings.HasPrefix(f[1], "RH")
}

func dtgLine(t string) bool {
	d, _, _ := FindDTG(t)
	return d != "" && len(t) < 40
}

// addressLine: "RUEHGV/USMISSION GENEVA 0289", "AMEMBASSY RIO DE JANEIRO":
// capitals, digits and punctuation, and no structure of a cable body.
func addressLine(t string) bool {
	if k := normalize.Classify(t); k != normalize.KindText && k != normalize.KindRouting {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= 'a' && c <= 'z' {
			return false
		}
	}
	return true
}

// monthNames are the months as cables write them, in lower case: in full,
// in three letters (a date-time group's "FEB") and "sept".
var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// Month returns the month a name gives, in any case: "February", "Feb",
// "FEB", "Sept".
func Month(name string) (time.Month, bool) {
	m, ok := monthNames[strings.ToLower(name)]
	return m, ok
}

// FindDTG finds the first date-time group in s ("080801Z FEB 09": day,
// hour, minute, Z for UTC, month, year) and returns it as written with
// single spaces, and as a time. A two-digit year is 19YY from 50 on, else
// 20YY. A group that looks right but holds an impossible date is reported
// as an error and skipped.
func FindDTG(s string) (string, time.Time, error) {
	var firstErr error
	for i := 0; i < len(s); i++ {
		j := strings.IndexByte(s[i:], 'Z')
		if j < 0 {
			break
		}
		z := i + j
		i = z
		if z < 6 || !allDigits(s[z-6:z]) || (z > 6 && isAlnum(s[z-7])) {
			continue
		}
		k := z + 1
		if k >= len(s) || s[k] != ' ' {
			continue
		}
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k+3 > len(s) {
			continue
		}
		mon, ok := Month(s[k : k+3])
		if !ok || k+3 >= len(s) || s[k+3] != ' ' {
			continue
		}
		y := k + 3
		for y < len(s) && s[y] == ' ' {
			y++
		}
		e := y
		for e < len(s) && s[e] >= '0' && s[e] <= '9' {
			e++
		}
		if n := e - y; n != 2 && n != 4 {
			continue
		}
		if e < len(s) && isAlnum(s[e]) {
			continue
		}
		dtg := s[z-6:z+1] + " " + strings.ToUpper(s[k:k+3]) + " " + s[y:e]
		t, err := dtgTime(s[z-6:z], mon, s[y:e])
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("date-time group %q: %v", dtg, err)
			}
			continue
		}
		return dtg, t, nil
	}
	return "", time.Time{}, firstErr
}

func dtgTime(ddhhmm string, mon time.Month, year string) (time.Time, error) {
	day, _ := strconv.Atoi(ddhhmm[0:2])
	hour, _ := strconv.Atoi(ddhhmm[2:4])
	minute, _ := strconv.Atoi(ddhhmm[4:6])
	y, _ := strconv.Atoi(year)
	if len(year) == 2 {
		if y >= 50 {
			y += 1900
		} else {
			y += 2000
		}
	}
	if y < 1900 || y > 2099 {
		return time.Time{}, fmt.Errorf("no year %d", y)
	}
	if hour > 23 || minute > 59 {
		return time.Time{}, fmt.Errorf("no time %02d:%02d", hour, minute)
	}
	t := time.Date(y, mon, day, hour, minute, 0, 0, time.UTC)
	if day < 1 || t.Day() != day {
		return time.Time{}, fmt.Errorf("no day %d in %s %d", day, mon, y)
	}
	return t, nil
}

// ParseCreated parses the release's creation date-time: "2/8/2009 08:01"
// in cables.csv, "2009-02-08 08:01" on the HTML pages.
func ParseCreated(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"1/2/2006 15:04", "1/2/2006 15:04:05", "2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02", "1/2/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot parse %q as a date-time", s)
}

// FMLine returns the sender of a routing header: "AMEMBASSY BAGHDAD".
func FMLine(header string) string {
	for _, l := range strings.Split(header, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "FM ") {
			return strings.TrimSpace(l[3:])
		}
	}
	return ""
}

// OriginName turns a routing sender into the release's style of origin:
// "AMEMBASSY BAGHDAD" becomes "Embassy Baghdad".
func OriginName(fm string) string {
	f := strings.Fields(fm)
	if len(f) == 0 {
		return ""
	}
	switch f[0] {
	case "AMEMBASSY":
		f[0] = "Embassy"
	case "AMCONSUL":
		f[0] = "Consulate"
	case "USMISSION":
		f[0] = "Mission"
	case "SECSTATE":
		return "Secretary of State"
	}
	for i := range f {
		if i == 0 && f[0] != strings.ToUpper(f[0]) {
			continue
		}
		w := f[i]
		if len(w) <= 2 || strings.HasPrefix(w, "US") || strings.HasPrefix(w, "UN") {
			continue
		}
		f[i] = w[:1] + strings.ToLower(w[1:])
	}
	return strings.Join(f, " ")
}

// BannerClassification reads the classification from a banner:
// "C O N F I D E N T I A L SECTION 01 OF 02 ..." gives "CONFIDENTIAL".
func BannerClassification(banner string) string {
	b := strings.TrimSpace(banner)
	var class string
	switch {
	case strings.HasPrefix(b, "U N C L A S"), strings.HasPrefix(b, "UNCLAS"):
		class = "UNCLASSIFIED"
	case strings.HasPrefix(b, "C O N F"), strings.HasPrefix(b, "CONFIDENTIAL"):
		class = "CONFIDENTIAL"
	case strings.HasPrefix(b, "TOP SECRET"):
		class = "TOP SECRET"
	case strings.HasPrefix(b, "S E C R E T"), strings.HasPrefix(b, "SECRET"):
		class = "SECRET"
	case strings.HasPrefix(b, "LIMITED OFFICIAL USE"):
		class = "LIMITED OFFICIAL USE"
	default:
		return ""
	}
	if i := strings.Index(b, "//"); i >= 0 {
		if f := strings.Fields(b[i+2:]); len(f) > 0 {
			class += "//" + f[0]
		}
	}
	return class
}

func refLabel(w string) bool {
	w = strings.TrimPrefix(w, "(")
	if len(w) != 2 {
		return false
	}
	return isAlpha(w[0]) && (w[1] == '.' || w[1] == ')' || w[1] == ':')
}

// reasonsAt is where the reasons of a Classified By line start: the
// sections of E.O. 12958 ("1.4 (b) and (d)", "1. 4 (B)", "1.5(B)(D)").
var reasonsAt = regexp.MustCompile(`1\s*[./]\s*[45]`)

// reasonsDot joins a section number a line break split: "1. 4".
var reasonsDot = regexp.MustCompile(`1\s*\.\s*([45])`)

// reasonsEnd is where the reasons end when more follows on their line: a
// sentence after them ("1.4 (b) and (d). SUMMARY: ...").
var reasonsEnd = regexp.MustCompile(`\.\s+[A-Za-z]{2}`)

// parenSpace is white space just inside a parenthesis: "(B )", "( D)".
var parenSpace = regexp.MustCompile(`\(\s+|\s+\)`)

// classifiedByAt finds a Classified By line where the normalizer does not
// see one: opening paragraph 1 ("1. (U) CLASSIFIED BY DCM ROBERT S.
// DEUTSCH; REASONS 1.5 (B) AND (D).") or inside a glued header line. It
// runs to the reasons' end: the end of the line or of the sentence after
// the section numbers.
var classifiedByAt = regexp.MustCompile(`(?m)(?:(?:^|[^A-Za-z])(?i:classified\s+by)|Classified\s+By)\s*:?\s*[^\n]{0,200}?(?:1\s*[./]\s*[45][^\n]*?(?:\(\s*[a-hA-H]\s*\)|[a-hA-H]\s*\))(?:[^\n.]*\))?|$)`)

// ClassifiedByInText returns the value of a Classified By line found in
// text (see classifiedByAt), or "".
func ClassifiedByInText(text string) string {
	// where the words may stand, found without the regular expression
	at := -1
	for _, w := range []string{"lassified by", "lassified By", "LASSIFIED BY", "LASSIFIED By", "lassified  by", "LASSIFIED  BY"} {
		if i := strings.Index(text, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return ""
	}
	text = text[max(0, at-2):]
	loc := classifiedByAt.FindStringIndex(text)
	if loc == nil {
		return ""
	}
	v := text[loc[0]:loc[1]]
	v = v[strings.Index(strings.ToLower(v), "classified")+len("classified"):]
	v = strings.TrimLeft(v, " \t\n")
	v = v[min(2, len(v)):] // "by"
	return strings.TrimLeft(v, " :")
}

// ClassifiedBy splits a Classified By value into the person's name and
// office: "Ambassador Ryan C. Crocker for reasons 1.4 (b) and (d)." gives
// name "Ryan C. Crocker", office "Ambassador".
func (p *Parser) ClassifiedBy(v string) ClassifiedBy {
	text := strings.TrimSpace(v)
	cb := ClassifiedBy{Text: text}
	body := text
	lower := asciiLower(body) // same length as body, so indexes agree
	for _, stop := range []string{" for reason", ", reason", ". reason", "; reason", " reason", " reasons", " e.o.", " eo 1", "(reason", " 1.4", " 1.5", " for the reason"} {
		if i := strings.Index(lower, stop); i >= 0 {
			body = body[:i]
			lower = lower[:i]
		}
	}
	if loc := reasonsAt.FindStringIndex(text); loc != nil {
		r := text[loc[0]:]
		if end := reasonsEnd.FindStringIndex(r[loc[1]-loc[0]:]); end != nil {
			r = r[:loc[1]-loc[0]+end[0]]
		}
		r = strings.TrimRight(strings.Join(strings.Fields(r), " "), " .")
		r = reasonsDot.ReplaceAllString(r, "1.$1")
		cb.Reasons = parenSpace.ReplaceAllStringFunc(r, func(m string) string { return strings.TrimSpace(m) })
	}
	body = strings.Trim(body, " ,.;:-")
	parts := strings.Split(body, ",")
	best, bestLen, bestStart := -1, 0, 0
	for i, part := range parts {
		f := strings.Fields(part)
		n := p.nameTail(f)
		if n > bestLen {
			best, bestLen, bestStart = i, n, len(f)-n
		}
	}
	if best < 0 {
		cb.Office = strings.TrimSpace(body)
		return cb
	}
	f := strings.Fields(parts[best])
	cb.Name = strings.Trim(strings.Join(f[bestStart:], " "), " .")
	if bestStart > 0 {
		cb.Office = strings.Join(f[:bestStart], " ")
	} else {
		var others []string
		for i, part := range parts {
			if i != best && strings.TrimSpace(part) != "" {
				others = append(others, strings.TrimSpace(part))
			}
		}
		cb.Office = strings.Join(others, ", ")
	}
	return cb
}

// nameTail returns how many words at the end of f form a person's name:
// capitalized words, initials and name particles, after the last office word.
func (p *Parser) nameTail(f []string) int {
	n := 0
	for i := len(f) - 1; i >= 0; i-- {
		w := f[i]
		lw := wordKey(w)
		if p.offices[lw] {
			break
		}
		if isInitial(w) || isCapWord(w) || (n > 0 && p.particles[lw]) {
			n++
			continue
		}
		break
	}
	return n
}

// asciiLower lowers ASCII letters only, keeping every byte offset.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// isInitial reports an initial or initials written together: "C.",
// "W.R.".
func isInitial(w string) bool {
	if len(w) < 2 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

func isCapWord(w string) bool {
	w = strings.TrimRight(w, ".")
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, r := range w[1:] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '\'' || r == '-' || r == '’' || r > 127) {
			return false
		}
	}
	return true
}

var signerStop = map[string]bool{"UNQUOTE": true, "QUOTE": true, "ENDQUOTE": true, "END": true, "COMMENT": true, "SUMMARY": true, "NOTE": true, "BT": true, "NNNN": true,
	"SIPDIS": true, "UNCLASSIFIED": true, "CONFIDENTIAL": true, "SECRET": true, "NOFORN": true, "UNCLAS": true}

// FindSigner locates the signer, the surname closing a cable ("CROCKER",
// "Rice", "... End comment. STEVENS"), in text after bodyStart. Trailing
// junk (quotes, "=== CABLE ENDS ===", a stray date) is skipped. It returns
// the signer's byte range, or 0, 0.
func FindSigner(text string, bodyStart int) (int, int) {
	end := normalize.FooterStart(text, bodyStart)
	if tail := max(bodyStart, len(text)-4000); strings.Contains(text[tail:], "NNNN") || strings.Contains(text[tail:], "Nnnn") {
		if loc := endMark.FindAllStringIndex(text[tail:], -1); loc != nil {
			// the end of the message: what follows is a copy of its routing
			end = min(end, tail+loc[len(loc)-1][0])
		}
	}
	var ls int
	for {
		for end > bodyStart && isSpaceByte(text[end-1]) {
			end--
		}
		if end <= bodyStart {
			return 0, 0
		}
		ls = strings.LastIndexByte(text[bodyStart:end], '\n') + 1 + bodyStart
		if loc := siteTrailer.FindStringIndex(text[ls:end]); loc != nil && hasLetter(text[ls+loc[1]:end]) {
			// "Visit London's Classified Website: http://... cfm TUTTLE"
			ls += loc[1]
			break
		}
		if line := text[ls:end]; hasLetter(line) && !trailer(line) {
			break
		}
		end = ls
	}
	type word struct{ s, e int }
	var words []word
	for i := ls; i < end; {
		for i < end && isSpaceByte(text[i]) {
			i++
		}
		j := i
		for j < end && !isSpaceByte(text[j]) {
			j++
		}
		if j > i {
			words = append(words, word{i, j})
		}
		i = j
	}
	// a quote or backslash the release left after the last word: `SPOGLI"`
	if n := len(words); n > 0 {
		for words[n-1].e > words[n-1].s+1 && strings.ContainsRune(`"'\`, rune(text[words[n-1].e-1])) {
			words[n-1].e--
		}
	}
	// drop trailing words without letters: ".", "0", "11/20/2007", `",`
	for len(words) > 0 && !hasLetter(text[words[len(words)-1].s:words[len(words)-1].e]) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return 0, 0
	}
	w := func(k int) string { return text[words[k].s:words[k].e] }
	last := w(len(words) - 1)
	if signerStop[strings.ToUpper(strings.Trim(last, ".,"))] || !isCapWord(last) || strings.HasSuffix(last, ".") {
		return 0, 0
	}
	if len(words) <= 3 {
		all := true
		for k := range words {
			all = all && isCapWord(w(k)) && !strings.HasSuffix(w(k), ".") && !signerStop[w(k)]
		}
		if all {
			return words[0].s, words[len(words)-1].e
		}
	}
	if len(words) < 2 {
		return 0, 0
	}
	prev := w(len(words) - 2)
	if strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, `."`) || strings.HasSuffix(prev, ")") || isRedaction(prev) {
		return words[len(words)-1].s, words[len(words)-1].e
	}
	return 0, 0
}

// SignatureAbove returns a second signature line right above the signer
// at signerStart (blank lines between): one word in capitals alone on its
// line ("HELLING" above "MCMULLEN"), or "".
func SignatureAbove(text string, bodyStart, signerStart int) string {
	ls := strings.LastIndexByte(text[:signerStart], '\n')
	if ls < bodyStart || strings.TrimSpace(text[ls:signerStart]) != "" {
		return "" // the signer is not alone on its line
	}
	for end := ls; end > bodyStart; {
		start := strings.LastIndexByte(text[:end], '\n') + 1
		if start <= bodyStart {
			return ""
		}
		line := strings.TrimSpace(text[start:end])
		switch {
		case line == "":
			end = start - 1
			continue
		case len(line) >= 3 && len(line) <= 20 && isCapWord(line) && strings.ToUpper(line) == line && !strings.HasSuffix(line, ".") && !isRedaction(line) && !signerStop[line] && !trailer(line):
			return line
		}
		return ""
	}
	return ""
}

// siteTrailer is the line some posts end their cables with, the
// signature often on it: "Visit London's Classified Website:
// http://www.state.sgov.gov/p/eur/london/index. cfm TUTTLE".
var siteTrailer = regexp.MustCompile(`(?:Visit [^:\n]*)?Classified Website:?\s*\S*(?:\s+cfm\b)?`)

// endMark is the end of a message, "NNNN", on a line of its own or after
// the signature ("... HOAGLAND NNNN").
var endMark = regexp.MustCompile(`[ \t\n](?:NNNN|Nnnn)[ \t]*(?:\n|$)`)

// releaseStamp is the line the release adds at the end of some cables:
// "2001VATICA05693 - Classification: CONFIDENTIAL".
var releaseStamp = regexp.MustCompile(`^\d{4}[A-Z]+\d+ - `)

// trailer reports a line that follows a cable's signature: a banner or a
// page line repeated at the end ("CONFIDENTIAL", "PAGE 04 VATICA 05693 02
// OF 02 021700Z"), the release's stamps ("Declassified/Released US
// Department of State EO Systematic Review 05 JUL 2006", "2001VATICA05693
// - Classification: CONFIDENTIAL"), end marks ("NNNN", "END OF MESSAGE",
// "=== CABLE ENDS ===").
func trailer(line string) bool {
	t := strings.TrimSpace(line)
	switch normalize.Classify(t) {
	case normalize.KindBanner, normalize.KindPageBreak, normalize.KindHandling, normalize.KindRouting, normalize.KindRule:
		return true
	}
	if releaseStamp.MatchString(t) {
		return true
	}
	for _, s := range []string{"CABLE ENDS", "END OF MESSAGE", "End Cable Text", "Declassified/Released", "Systematic Review", "- Classification:", "Classified Website", "NNNN"} {
		if strings.Contains(t, s) {
			return true
		}
	}
	switch strings.ToUpper(strings.Trim(t, " .>")) {
	case "CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "UNCLAS", "LIMITED OFFICIAL USE", "BT":
		return true
	}
	return false
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if isAlpha(s[i]) {
			return true
		}
	}
	return false
}

func isRedaction(w string) bool {
	return len(w) >= 4 && strings.Trim(w, "Xx") == ""
}

// RefIDFromBanner builds a reference id from a banner's origin and number
// and the cable's year: "BAGHDAD", "... BAGHDAD 000323", 2009 gives
// "09BAGHDAD323". It returns "" when any part is missing.
func RefIDFromBanner(origin, banner string, when time.Time) string {
	f := strings.Fields(banner)
	if origin == "" || len(f) == 0 || when.IsZero() {
		return ""
	}
	num := strings.TrimLeft(f[len(f)-1], "0")
	if num == "" || !allDigits(num) {
		return ""
	}
	return fmt.Sprintf("%02d%s%s", when.Year()%100, strings.ReplaceAll(origin, " ", ""), num)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

func isAlpha(c byte) bool     { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool     { return isAlpha(c) || c >= '0' && c <= '9' }
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// subjectMarker is a classification marker opening a subject: "(C)",
// "(SBU)", "(S/NF)", "(C//NF)".
var subjectMarker = regexp.MustCompile(`^(?i:\(\s*(?:U|C|S|SBU|TS|LOU|FOUO)(?:\s*/{1,2}\s*[A-Z]{1,6})*\s*\))\s*`)

// subjectEnd finds where a subject runs on into what follows it on its
// lines: a REF field ("... SUMMIT REF: A. BRASILIA 564", "... TO
// EGYPTREF: CAIRO 493"), the Classified By line, a handling line ("...
// SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY", "ENTIRE TEXT
// SENSITIVE ..."), a summary heading ("Summary -------").
var subjectEnd = regexp.MustCompile(`REFS?:|REFTEL:|\bRefs?:|(?i:classified by\s*:?)|(?i:\b(?:entire text )?(?:sens\w* )?but unclassified\b)|(?i:\bplease (?:protect|handle|treat) accordingly)|(?i:\bnot for internet distribution)|(?i:\s*-{3,}\s*summary\b)|(?i:\bsummary\s*-{3,})|\s(?:Summary|SUMMARY)\s*$`)

// subjectRef is a REF field written on in a subject's lines.
var subjectRef = regexp.MustCompile(`REFS?:|REFTEL:|\bRefs?:`)

// SubjectRefs returns the REF field written on in a subject's lines ("...
// VISIT TO BAHRAINREF: MANAMA 510Classified By: ..." gives "MANAMA 510"),
// or "".
func SubjectRefs(s string) string {
	loc := subjectRef.FindStringIndex(s)
	if loc == nil {
		return ""
	}
	rest := s[loc[1]:]
	if end := subjectEnd.FindStringIndex(rest); end != nil {
		rest = rest[:end[0]]
	}
	return rest
}

// CleanSubject returns a subject as the cable means it: without a
// classification marker before it, and ending where the subject ends.
func CleanSubject(s string) string {
	s = strings.TrimSpace(s)
	s = subjectMarker.ReplaceAllString(s, "")
	if loc := subjectEnd.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	return strings.TrimRight(s, " ,;:-")
}
