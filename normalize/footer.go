package normalize

import (
	"regexp"
	"strings"
)

// releaseFooter is a row of the release's own index glued after some
// cables' signer: "STEVENS 0 03/17/2008 21436 PGOV,PREL,ECON,LY BACK TO THE
// FUTURE? ..." (a number, the date, a byte count, the tags, then the
// subject and summary again).
var releaseFooter = regexp.MustCompile(`^\s0 [01]\d/[0-3]\d/(?:19|20)\d\d \d+ [A-Z][A-Z0-9]{1,5}(?:,[A-Z][A-Z0-9]{1,5})*\s`)

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
	at := lastFooter(text, from)
	if at < 0 || moreCable.MatchString(text[at:]) {
		return len(text)
	}
	return at
}

// footerWindow bounds the text a footer's start is matched in: the
// number, date, byte count and tags.
const footerWindow = 400

// lastFooter returns where the last footer after from starts (the space
// before its "0"), or -1. It looks at each " 0 " only, not the whole text
// with the expression (which halved normalization's speed).
func lastFooter(text string, from int) int {
	last := -1
	for i := from; i < len(text); {
		j := strings.Index(text[i:], "0 ")
		if j < 0 {
			break
		}
		at := i + j - 1
		if at >= from && isSpaceByte(text[at]) && releaseFooter.MatchString(text[at:min(len(text), at+footerWindow)]) {
			last = at
		}
		i += j + 2
	}
	return last
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }
