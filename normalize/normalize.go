package normalize

import (
	"sort"
	"strings"
)

// ParagraphKind says where a paragraph of the normalized text came from.
type ParagraphKind string

// Paragraph kinds.
const (
	ParaText         ParagraphKind = "text"
	ParaSubject      ParagraphKind = "subject"
	ParaClassifiedBy ParagraphKind = "classified_by"
)

// Paragraph is one paragraph of the normalized text, Text.S[Start:End].
type Paragraph struct {
	Start, End int
	Kind       ParagraphKind
	Marker     string // the marker as written, "12. (C)"; empty if none
	Number     string // "12"
	Class      string // "C"
}

// Field is a header field of the body (SUBJECT, TAGS, REF, E.O., Classified
// By) with its value, continuation lines joined by single spaces. Start and
// End locate the whole field in the original text.
type Field struct {
	Kind       Kind
	Value      string
	Start, End int
}

// Doc is a normalized cable body.
type Doc struct {
	Text       Text // normalized text; Text.Span maps back to the original
	Paragraphs []Paragraph
	Fields     []Field
	// Banner is the first classification banner, "C O N F I D E N T I A L
	// SECTION 01 OF 02 BAGHDAD 000323"; BannerOrigin its origin, "BAGHDAD".
	Banner, BannerOrigin string
	AllCaps              bool // the prose is written entirely in capitals
}

// vline is a line, or a piece of a line, of the original text.
type vline struct {
	s, e   int // trimmed bounds in the original
	kind   Kind
	blanks int  // blank lines before it (after undoubling)
	cut    bool // split from the line before it: always a new piece
	// listEnd: the break after this line was meant (a list, one item per
	// line): joining keeps it as a line break
	listEnd bool
}

// Body normalizes the cable text original starting at byte offset start
// (where the routing header ends). The returned Doc's Text maps every byte
// back into original.
func Body(original string, start int) Doc {
	src := Identity(original)
	lines, unwrapped := splitLines(original, start)
	n := &normalizer{src: src, b: NewBuilder(src), unwrapped: unwrapped, lastRef: -1}
	n.run(lines)
	t1 := n.b.Text()
	doc := Doc{
		Paragraphs:   n.paras,
		Fields:       n.fields,
		Banner:       n.banner,
		BannerOrigin: n.origin,
	}
	doc.Text, doc.Paragraphs = repair(t1, doc.Paragraphs)
	doc.AllCaps = allCaps(doc.Text.S)
	return doc
}

// splitLines cuts original[start:] into lines, undoes layouts with a blank
// line between every line, and splits lines that hold several header fields.
func splitLines(original string, start int) ([]vline, bool) {
	phys := make([]vline, 0, strings.Count(original[start:], "\n")+1)
	blanks := 0
	long, nonblank := 0, 0
	stop := FooterStart(original, start)
	for p := start; p < stop; {
		end, next := lineEnd(original[:stop], p)
		s, e := trim(original, p, end)
		if s == e || (e-s == 1 && original[s] == '\\') {
			blanks++
		} else {
			phys = append(phys, vline{s: s, e: e, blanks: blanks})
			blanks = 0
			nonblank++
			if e-s > 120 {
				long++
			}
		}
		p = next
	}
	// A layout with a blank line after every line: most gaps between lines
	// hold at least one blank line. Take one away from each gap.
	gaps, adjacent := 0, 0
	for i := 1; i < len(phys); i++ {
		if phys[i].blanks > 0 {
			gaps++
		} else {
			adjacent++
		}
	}
	if gaps >= 3 && adjacent*4 <= gaps {
		for i := range phys {
			if phys[i].blanks > 0 {
				phys[i].blanks--
			}
		}
	}
	unwrapped := long > 0 && long*10 >= nonblank
	out := make([]vline, 0, len(phys)+len(phys)/8)
	for _, l := range phys {
		out = splitFields(original, l, out)
	}
	if !unwrapped {
		markListBreaks(original, out)
	}
	return out, unwrapped
}

// markListBreaks marks the lines of a hard-wrapped text whose line break
// was meant rather than made by wrapping, in blocks that are lists, one item
// per line ("Participants:" blocks: "The Secretary", "Deputy Secretary
// Lew", "Ms. Abedin, Deputy Chief of Staff"), which joining would run
// together. A block is a run of text lines with no blank line between
// them; a break is early when the next line's first word would have fitted
// on the line, within the cable's wrapping width (the 95th percentile of its
// line lengths). A block is a list when at least two of its breaks, and at
// least half, are early (one suffices after a line ending in a colon), and
// about half are early even for the width of the block's own longest line:
// prose wrapped narrower than the rest of the cable (a quote) is early only
// for the cable's width. A list's breaks are kept, except before a line
// starting in lower case and after a word broken at a hyphen (an item
// wrapped over two lines). Texts of fewer than ten lines are left alone.
func markListBreaks(original string, lines []vline) {
	var lens []int
	for _, l := range lines {
		if l.kind == KindText {
			lens = append(lens, l.e-l.s)
		}
	}
	if len(lens) < 10 {
		return
	}
	sort.Ints(lens)
	global := lens[len(lens)*19/20]
	for a := 0; a < len(lines); {
		b := a + 1
		for b < len(lines) && lines[a].kind == KindText && lines[b].kind == KindText && lines[b].blanks == 0 && !lines[b].cut {
			b++
		}
		markList(original, lines[a:b], global)
		a = b
	}
}

// markList marks the breaks of one block of lines if it is a list.
func markList(original string, block []vline, global int) {
	if len(block) < 2 {
		return
	}
	longest := 0
	for _, l := range block {
		longest = max(longest, l.e-l.s)
	}
	early, local := 0, 0 // breaks early for the cable's width, for the block's
	for i, l := range block[:len(block)-1] {
		next := original[block[i+1].s:block[i+1].e]
		w := strings.IndexByte(next, ' ')
		if w < 0 {
			w = len(next)
		}
		if isLower(next[0]) {
			continue
		}
		if l.e-l.s+1+w <= global {
			early++
		}
		if l.e-l.s+1+w <= longest {
			local++
		}
	}
	need := 2
	if strings.HasSuffix(original[block[0].s:block[0].e], ":") {
		need = 1
	}
	breaks := len(block) - 1
	if early < need || early*2 < breaks || local*2 < breaks-1 {
		return
	}
	for i, l := range block[:len(block)-1] {
		t := original[l.s:l.e]
		broken := len(t) > 1 && t[len(t)-1] == '-' && isLetter(t[len(t)-2]) // "DiPaula-" + "Coyle"
		if !isLower(original[block[i+1].s]) && !broken {
			block[i].listEnd = true
		}
	}
}

// lineEnd finds the end of the line starting at p and the start of the
// next. Lines end at "\n" and at U+2028 and U+2029 (line and paragraph
// separators), which some cables use instead.
func lineEnd(s string, p int) (int, int) {
	for i := p; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return i, i + 1
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				return i, i + 3
			}
		}
	}
	return len(s), len(s)
}

func trim(s string, a, b int) (int, int) {
	for a < b && isSpace(s[a]) {
		a++
	}
	for b > a && isSpace(s[b-1]) {
		b--
	}
	return a, b
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// inlineFields returns the header fields that may start with byte c, which
// some cables run together on one line, each after a space.
func inlineFields(c byte) []string {
	switch c {
	case 'S':
		return []string{"SIPDIS", "SUBJECT: "}
	case 'E':
		// the orders of classification (12958, 13526, 12356, 12065,
		// 11652), not one a subject names ("E.O. 13382 ENTITIES")
		return []string{"E.O. 12", "E.O. 13526", "E.O. 11652", "EO 12", "EO 13526"}
	case 'T':
		return []string{"TAGS: ", "TAGS "}
	case 'R':
		return []string{"REF: ", "REFS: "}
	case 'C':
		return []string{"Classified By: ", "CLASSIFIED BY: ", "Classified by: "}
	}
	return nil
}

// splitFields appends l to out, cut into pieces where a line runs a banner,
// handling words, header fields or strong paragraph markers together.
func splitFields(original string, l vline, out []vline) []vline {
	first, prevTransparent := true, false
	for l.s < l.e {
		t := original[l.s:l.e]
		piece := l
		cut := false
		if e := BannerAt(t, 0); e > 0 {
			piece.e = l.s + e
			piece.kind = KindBanner
		} else if w := handlingPrefix(t); w > 0 {
			piece.e = l.s + w
			piece.kind = KindHandling
		} else {
			piece.kind = Classify(t)
			if piece.kind != KindPageBreak && piece.kind != KindBanner {
				if c := nextCut(t); c > 0 {
					piece.e = l.s + c
					cut = true
				}
			}
		}
		piece.s, piece.e = trim(original, piece.s, piece.e)
		if !first {
			// a piece after a banner or handling word continues the line as
			// if they were not there; after anything else it stands apart
			piece.blanks = 0
			piece.cut = !prevTransparent
		}
		if piece.s < piece.e {
			if cut {
				piece.kind = Classify(original[piece.s:piece.e])
			}
			out = append(out, piece)
			first = false
			prevTransparent = piece.kind == KindBanner || piece.kind == KindHandling || piece.kind == KindPageBreak
		}
		l.s, _ = trim(original, piece.e, l.e)
		if piece.e <= piece.s && l.s == piece.s {
			break
		}
	}
	return out
}

// handlingPrefix returns the length of a handling word ("SIPDIS") that
// starts t and is followed by more text, or 0.
func handlingPrefix(t string) int {
	for _, w := range []string{"SIPDIS", "NOFORN", "SENSITIVE"} {
		if strings.HasPrefix(t, w) && len(t) > len(w) && t[len(w)] == ' ' {
			return len(w)
		}
	}
	return 0
}

// nextCut returns where the next inline header field or strong paragraph
// marker ("¶3.", "3. (C)") starts in t, after its first byte, or 0.
func nextCut(t string) int {
	for i := 1; i < len(t); i++ {
		switch c := t[i]; c {
		case 'S', 'E', 'T', 'R', 'C':
			if t[i-1] != ' ' {
				continue
			}
			for _, f := range inlineFields(c) {
				if strings.HasPrefix(t[i:], f) {
					return i
				}
			}
		case '(':
			// back up over "12. " before the parenthesis
			j := i
			for j > 0 && t[j-1] == ' ' {
				j--
			}
			if j > 0 && t[j-1] == '.' {
				d := j - 1
				for d > 0 && isDigit(t[d-1]) {
					d--
				}
				if d < j-1 && d > 0 && t[d-1] == ' ' && strings.TrimLeft(t[:d], "-¶ ") != "" {
					if m, ok := ParseMarker(t[d:]); ok && m.Strong && m.Class != "" {
						return d
					}
				}
			}
		case 0xC2: // ¶ is C2 B6
			if i+1 < len(t) && t[i+1] == 0xB6 && t[i-1] == ' ' && strings.TrimLeft(t[:i], "-¶ ") != "" {
				if m, ok := ParseMarker(t[i:]); ok && m.Strong {
					return i
				}
			}
		}
	}
	return 0
}

type normalizer struct {
	src       Text
	b         *Builder
	unwrapped bool
	paras     []Paragraph
	fields    []Field
	banner    string
	origin    string

	// the last text line written, and what kind of paragraph is open
	open     bool
	last     vline
	openKind ParagraphKind
	brk      bool // a separator or field forces a paragraph break before the next line
	field    int  // index+1 of a field still taking continuation lines, or 0
	lastRef  int  // index of a REF field taking lettered items, or -1
	// seenField: a header field (E.O., TAGS, SUBJECT...) or a paragraph
	// has been seen; addressee lines come before them
	seenField bool
	width     int // longest line, to tell short lines
}

func (n *normalizer) run(lines []vline) {
	for _, l := range lines {
		if l.kind == KindText && l.e-l.s > n.width {
			n.width = l.e - l.s
		}
	}
	orig := n.src.S
	// Page breaks and banners are transparent: they may fall mid-sentence,
	// and the blank lines around them say nothing about paragraphs. A line
	// after them counts the blank lines before the first of them.
	transparent, blanksBefore := false, 0
	for _, l := range lines {
		switch l.kind {
		case KindBanner, KindPageBreak, KindHandling:
			if l.kind == KindBanner && n.banner == "" {
				n.banner = orig[l.s:l.e]
				n.origin = bannerOrigin(n.banner)
			}
			if !transparent {
				transparent, blanksBefore = true, l.blanks
			}
			continue
		}
		if transparent {
			l.blanks = blanksBefore
			transparent = false
		}
		if l.blanks > 0 {
			n.field = 0
		}
		switch l.kind {
		case KindRule, KindRouting:
			n.brk = true
			n.field = 0
			continue
		case KindEO, KindTags, KindRef, KindSubject, KindClassifiedBy:
			n.seenField = true
			n.fields = append(n.fields, Field{Kind: l.kind, Start: l.s, End: l.e, Value: fieldValue(orig[l.s:l.e])})
			n.field = len(n.fields)
			n.lastRef = -1
			if l.kind == KindRef {
				n.lastRef = len(n.fields) - 1
			}
			n.brk = true
			if l.kind == KindSubject || l.kind == KindClassifiedBy {
				n.startPara(l, fieldValueStart(orig, l), ParagraphKind(map[Kind]string{KindSubject: "subject", KindClassifiedBy: "classified_by"}[l.kind]), Marker{})
				n.brk = false
			}
			continue
		}
		m, hasMarker := ParseMarker(orig[l.s:l.e])
		if !n.seenField && !hasMarker && addressee(orig[l.s:l.e]) {
			// routing addressees before the header fields are no prose
			n.fields = append(n.fields, Field{Kind: KindAddressee, Start: l.s, End: l.e, Value: strings.Join(strings.Fields(orig[l.s:l.e]), " ")})
			n.brk = true
			continue
		}
		if n.lastRef >= 0 && refItem(orig[l.s:l.e], m, hasMarker) {
			// "(B) BRASILIA 1194" under a REF field, even after a blank line
			f := &n.fields[n.lastRef]
			f.End = l.e
			f.Value += " " + strings.Join(strings.Fields(orig[l.s:l.e]), " ")
			continue
		}
		n.lastRef = -1
		if n.field > 0 && !hasMarker && l.blanks == 0 && !l.cut {
			// a continuation line of a header field
			f := &n.fields[n.field-1]
			f.End = l.e
			f.Value += " " + strings.Join(strings.Fields(orig[l.s:l.e]), " ")
			if f.Kind == KindSubject || f.Kind == KindClassifiedBy {
				n.join(l, l.s)
			}
			continue
		}
		n.field = 0
		if hasMarker && (m.Strong || n.afterSentence(l)) {
			n.seenField = true
			n.startPara(l, l.s+m.End, ParaText, m)
			continue
		}
		if n.open && !n.brk && n.openKind == ParaText && n.continues(l) {
			n.join(l, l.s)
			continue
		}
		if !n.open || n.brk || l.blanks > 0 || n.unwrapped || l.cut || n.openKind != ParaText || n.shortEnd() {
			n.startPara(l, l.s, ParaText, m)
			continue
		}
		n.join(l, l.s)
	}
	n.closePara()
}

// addressee reports a routing addressee line in capitals: "DEPT FOR
// NEA/ARP", "STATE PASS USTR", "LONDON FOR KOLKER, PARIS FOR FENDRICK".
func addressee(t string) bool {
	if strings.ToUpper(t) != t || len(t) > 200 {
		return false
	}
	return strings.Contains(t, " FOR ") || strings.HasPrefix(t, "FOR ") || strings.Contains(t, " PASS ") || strings.HasPrefix(t, "PASS ")
}

// refItem reports a lettered reference under a REF field: "(B) BRASILIA
// 1194", "B. 08 MADRID 518": a letter label, then a short line with a number.
func refItem(t string, m Marker, hasMarker bool) bool {
	if !hasMarker || m.Class != "" || len(m.Number) != 1 || !isLetter(m.Number[0]) || len(t) > 100 {
		return false
	}
	rest := strings.TrimSpace(t[m.End:])
	return strings.ContainsAny(rest, "0123456789") && !hasFoldPrefix(rest, "classified by")
}

// afterSentence reports whether a weak marker on l can start a paragraph:
// after a blank line, a separator, or a line that ends a sentence.
func (n *normalizer) afterSentence(l vline) bool {
	if !n.open || n.brk || l.blanks > 0 || l.cut || n.openKind != ParaText {
		return true
	}
	return endsSentence(n.src.S[n.last.s:n.last.e])
}

// shortEnd reports whether the last line ends a sentence well short of the
// text's width: the end of a paragraph in a hard-wrapped cable.
func (n *normalizer) shortEnd() bool {
	t := n.src.S[n.last.s:n.last.e]
	return len(t)*10 < n.width*6 && endsSentence(t)
}

// continues reports whether l carries on the sentence of the last line
// across a blank line, a page break or a line-per-paragraph layout.
func (n *normalizer) continues(l vline) bool {
	p := n.src.S[n.last.s:n.last.e]
	if p == "" || endsSentence(p) || strings.HasSuffix(p, ":") {
		return false
	}
	if l.blanks == 0 {
		// the next line of a sentence, whatever the layout
		return true
	}
	nx := n.src.S[l.s:l.e]
	if isLower(nx[0]) {
		return true
	}
	last := p[len(p)-1]
	if last == ',' || (last == '-' && len(p) > 1 && isLetter(p[len(p)-2])) {
		return true
	}
	w := p[strings.LastIndexByte(p, ' ')+1:]
	return functionWords[strings.ToLower(w)]
}

var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "or": true, "to": true, "in": true,
	"on": true, "for": true, "with": true, "by": true, "at": true, "from": true, "that": true,
	"his": true, "her": true, "their": true, "its": true, "as": true, "into": true, "but": true,
	"is": true, "was": true, "are": true, "were": true, "be": true, "has": true, "have": true,
	"had": true, "not": true, "this": true, "these": true, "which": true, "who": true, "our": true,
	"would": true, "will": true, "said": true, "than": true, "about": true, "between": true,
}

func endsSentence(t string) bool {
	t = strings.TrimRight(t, `"')]’”`)
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case '.', '!', '?', ';':
		return true
	}
	return false
}

func (n *normalizer) closePara() {
	if n.open {
		n.paras[len(n.paras)-1].End = n.b.Len()
		n.open = false
	}
}

// startPara starts a new paragraph with the line l, whose prose starts at
// from (after its marker or field name).
func (n *normalizer) startPara(l vline, from int, kind ParagraphKind, m Marker) {
	from, _ = trim(n.src.S, from, l.e)
	if from >= l.e {
		// a marker with nothing after it: the paragraph starts on the next line
		n.closePara()
		n.paras = append(n.paras, Paragraph{Start: n.b.Len(), Kind: kind, Marker: markerText(n.src.S, l, m), Number: m.Number, Class: m.Class})
		if n.b.Len() > 0 {
			n.b.Replace(l.s, l.s, "\n\n")
			n.paras[len(n.paras)-1].Start = n.b.Len()
		}
		n.open = true
		n.openKind = kind
		n.last = vline{s: l.s, e: l.s}
		n.brk = false
		return
	}
	if n.open && n.b.Len() == n.paras[len(n.paras)-1].Start {
		// the open paragraph is still empty (a marker alone on its line)
		n.emit(from, l.e)
		n.openKind = kind
		n.paras[len(n.paras)-1].Kind = kind
		n.last = l
		n.brk = false
		return
	}
	n.closePara()
	if n.b.Len() > 0 {
		n.b.Replace(n.last.e, l.s, "\n\n")
	}
	n.paras = append(n.paras, Paragraph{Start: n.b.Len(), Kind: kind, Marker: markerText(n.src.S, l, m), Number: m.Number, Class: m.Class})
	n.emit(from, l.e)
	n.open = true
	n.openKind = kind
	n.last = l
	n.brk = false
}

func markerText(s string, l vline, m Marker) string {
	if m.End == 0 {
		return ""
	}
	return strings.TrimSpace(s[l.s : l.s+m.End])
}

// join continues the open paragraph with line l from byte from.
func (n *normalizer) join(l vline, from int) {
	if !n.open {
		n.startPara(l, from, ParaText, Marker{})
		return
	}
	p := n.src.S[n.last.s:n.last.e]
	if n.b.Len() > n.paras[len(n.paras)-1].Start {
		switch {
		case n.last.listEnd:
			n.b.Replace(n.last.e, from, "\n")
		case len(p) > 1 && p[len(p)-1] == '-' && isLetter(p[len(p)-2]) && isLetter(n.src.S[from]):
			// a word broken at its hyphen: "JURIS-" + "DICTION"; keep the hyphen, drop the break
		default:
			n.b.Replace(n.last.e, from, " ")
		}
	}
	n.emit(from, l.e)
	n.last = l
}

// emit copies original[s:e] collapsing runs of white space to one space and
// dropping page-break markers and banners that stand inside the line. Runs
// of words with single spaces between them are copied in one piece.
func (n *normalizer) emit(s, e int) {
	t := n.src.S
	skips := inlineJunk(t[s:e], n.origin)
	k := 0
	nextJunk := e
	if len(skips) > 0 {
		nextJunk = s + skips[0][0]
	}
	run, prev := -1, -1 // the pending run to copy, and the end of its last word
	for i := s; i < e; {
		if i == nextJunk {
			i = s + skips[k][1]
			k++
			nextJunk = e
			if k < len(skips) {
				nextJunk = s + skips[k][0]
			}
			continue
		}
		if c := t[i]; c <= ' ' && isSpace(c) {
			i++
			continue
		}
		a := i
		for i < e && i < nextJunk && !(t[i] <= ' ' && isSpace(t[i])) {
			i++
		}
		switch {
		case prev < 0:
			run = a
		case a-prev == 1 && t[prev] == ' ':
			// one plain space: the run goes on
		default:
			n.b.Copy(run, prev)
			n.b.Replace(prev, a, " ")
			run = a
		}
		prev = i
	}
	if prev >= 0 {
		n.b.Copy(run, prev)
	}
}

// inlineJunk finds page-break markers and banners inside a line of prose.
func inlineJunk(t, origin string) [][2]int {
	var out [][2]int
	for from := 0; ; {
		i := strings.Index(t[from:], "PAGE ")
		if i < 0 {
			break
		}
		i += from
		if e := PageHeaderAt(t, i); e > 0 && (i == 0 || !isLetter(t[i-1])) {
			out = append(out, [2]int{i, e})
			from = e
			continue
		}
		from = i + 5
	}
	for from := 0; ; {
		i := strings.Index(t[from:], " OF ")
		if i < 0 {
			break
		}
		i += from
		if s, e := pageBreakAround(t, i, origin); s >= 0 {
			out = append(out, [2]int{s, e})
			from = e
			continue
		}
		if s, e := sectionBannerAround(t, i); s >= 0 {
			out = append(out, [2]int{s, e})
			from = e
			continue
		}
		from = i + 4
	}
	// "... B) TRIPOLI 227 TRIPOLI 00000402" at a line end: the first half of
	// a page break whose page number went to the next line.
	if origin != "" {
		t2 := strings.TrimRight(t, " ")
		if len(t2) > 9 && skipDigits(t2, len(t2)-8) == len(t2) && t2[len(t2)-9] == ' ' && strings.HasSuffix(t2[:len(t2)-9], origin) {
			s := len(t2) - 9 - len(origin)
			if s == 0 || t2[s-1] == ' ' {
				out = append(out, [2]int{s, len(t2)})
			}
		}
	}
	if len(out) < 2 {
		return out
	}
	// the two scans may find the same marker: sort and merge
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	merged := out[:1]
	for _, r := range out[1:] {
		last := &merged[len(merged)-1]
		if r[0] <= last[1] {
			last[1] = max(last[1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// pageBreakAround checks for "ORIGIN 00001257 001.2 OF 002" around the " OF "
// at t[i:]. With the origin of the cable known it takes exactly those
// words; otherwise the one capitalized word before the number.
func pageBreakAround(t string, i int, origin string) (int, int) {
	e := skipSpaces(t, i+1)
	e += 3
	e2 := skipDigits(t, e)
	if e2-e != 3 || (e2 < len(t) && isLetter(t[e2])) {
		return -1, -1
	}
	// back over the page "001" or "001.2"
	p := i
	for p > 0 && (isDigit(t[p-1]) || t[p-1] == '.') {
		p--
	}
	if i-p < 3 || !isDigit(t[p]) || p == 0 || t[p-1] != ' ' {
		return -1, -1
	}
	q := p
	for q > 0 && t[q-1] == ' ' {
		q--
	}
	d := q
	for d > 0 && isDigit(t[d-1]) {
		d--
	}
	if q-d < 4 || d == 0 || t[d-1] != ' ' {
		return -1, -1
	}
	w := d - 1
	for w > 0 && t[w-1] == ' ' {
		w--
	}
	if origin != "" && strings.HasSuffix(t[:w], origin) {
		s := w - len(origin)
		if s == 0 || !isLetter(t[s-1]) {
			return s, e2
		}
	}
	s := w
	for s > 0 && (isUpper(t[s-1]) || t[s-1] == '.') {
		s--
	}
	if s == w || (s > 0 && t[s-1] != ' ') {
		return -1, -1
	}
	return s, e2
}

// sectionBannerAround checks for a banner with "SECTION 02 OF 03" around the
// " OF " at t[i:].
func sectionBannerAround(t string, i int) (int, int) {
	j := strings.LastIndex(t[:i], "SECTION ")
	if j < 0 || i-j > 12 {
		return -1, -1
	}
	for _, c := range bannerClasses {
		k := j - 1 - len(c)
		if k >= 0 && t[k:j-1] == c && (k == 0 || !isLetter(t[k-1])) {
			if e := BannerAt(t, k); e > 0 {
				return k, e
			}
		}
	}
	if e := sectionAt(t, j); e > 0 && (j == 0 || t[j-1] == ' ') {
		return j, e
	}
	return -1, -1
}

// bannerOrigin returns the origin words of a banner: "BAGHDAD" from
// "C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000323".
func bannerOrigin(b string) string {
	f := strings.Fields(b)
	if len(f) < 2 || !isDigit(f[len(f)-1][0]) {
		return ""
	}
	end := len(f) - 1
	start := end
	for start > 0 {
		w := f[start-1]
		if w == "OF" || isDigit(w[0]) || len(w) == 1 || w == "UNCLAS" || w == "CONFIDENTIAL" || w == "SECRET" || w == "UNCLASSIFIED" || strings.Contains(w, "//") {
			break
		}
		start--
	}
	return strings.Join(f[start:end], " ")
}

// fieldValue returns the value of a "NAME: value" field line, spaces collapsed.
func fieldValue(line string) string {
	return strings.Join(strings.Fields(line[fieldNameLen(line):]), " ")
}

func fieldValueStart(orig string, l vline) int {
	return l.s + fieldNameLen(orig[l.s:l.e])
}

// fieldNameLen returns the length of the "SUBJECT:" or "Classified By:" part.
func fieldNameLen(line string) int {
	if hasFoldPrefix(line, "classified by") {
		i := len("classified by")
		if i < len(line) && line[i] == ':' {
			i++
		}
		return i
	}
	i := strings.IndexAny(line, ": ")
	if i < 0 {
		return len(line)
	}
	if line[i] == ' ' {
		// "E.O. 12958: DECL" and "TAGS PGOV": the name ends at the first space
		// unless a colon follows the next word.
		if c := strings.IndexByte(line, ':'); c > 0 && c < i+8 {
			return c + 1
		}
		return i
	}
	return i + 1
}

// allCaps reports prose written in capitals: at least 100 capitals and
// fewer than one lowercase letter for 50 of them.
func allCaps(s string) bool {
	upper, lower := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			lower++
			if lower*50 >= len(s) { // too many lowercase letters whatever follows
				return false
			}
		} else if c >= 'A' && c <= 'Z' {
			upper++
		}
	}
	return upper >= 100 && lower*50 < upper
}
