package normalize

import "regexp"

// releaseFooter is a row of the release's own index glued after some
// cables' signer: "STEVENS 0 03/17/2008 21436 PGOV,PREL,ECON,LY BACK TO THE
// FUTURE? ..." (a number, the date, a byte count, the tags, then the
// subject and summary again).
var releaseFooter = regexp.MustCompile(`\s0 [01]\d/[0-3]\d/(?:19|20)\d\d \d+ [A-Z][A-Z0-9]{1,5}(?:,[A-Z][A-Z0-9]{1,5})*\s`)

// moreCable is what a footer is not followed by: a numbered paragraph, a
// routing header or a subject line (another cable glued after it).
var moreCable = regexp.MustCompile(`(?m)^\s*(?:\d{1,2}\.\s*\(|VZCZC|SUBJECT:)`)

// FooterStart returns where a release footer starts in text after from
// (the body's start), or len(text) when there is none: the cable ends
// there, and what follows repeats its subject and summary.
func FooterStart(text string, from int) int {
	if from < 0 || from > len(text) {
		return len(text)
	}
	loc := releaseFooter.FindAllStringIndex(text[from:], -1)
	if loc == nil {
		return len(text)
	}
	at := from + loc[len(loc)-1][0]
	if moreCable.MatchString(text[at:]) {
		return len(text)
	}
	return at
}
