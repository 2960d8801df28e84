package cable

import (
	"fmt"
	"strings"
	"time"

	"github.com/cablegraph/cablegraph/normalize"
)

// Position says where a cable was found: a file, the line its record starts
// on, and for the release's cables.csv its row (1-based).
type Position struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Row  int    `json:"row,omitempty"`
}

func (p Position) String() string {
	switch {
	case p.Row > 0:
		return fmt.Sprintf("%s:%d (row %d)", p.File, p.Line, p.Row)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// Format names the kind of file a cable came from.
type Format string

// Formats of cable dumps.
const (
	FormatCSV  Format = "csv"  // the release's cables.csv
	FormatHTML Format = "html" // the release's per-cable HTML pages
	FormatText Format = "text" // one plain-text cable per file
)

// Raw is a cable as a reader found it, before any parsing. Fields the
// format does not have are empty.
type Raw struct {
	Pos    Position
	Format Format
	// Release metadata: the row id, the creation date-time as written
	// ("2/8/2009 08:01" or "2009-02-08 08:01"), reference id, origin
	// ("Embassy Baghdad"), classification and references.
	ID, Created, RefID, Origin, Classification, References string
	// Header is the routing header when the format keeps it apart from the
	// text (cables.csv, HTML pages).
	Header string
	// Text is the cable exactly as read (valid UTF-8). Every offset the
	// tool reports is a byte offset into it.
	Text string
	// Size is the number of input bytes the record took.
	Size int64
	// Warnings are repairs the reader made (invalid UTF-8, NUL bytes).
	Warnings []string
}

// ClassifiedBy is the "Classified By:" line: who classified the cable.
type ClassifiedBy struct {
	Name    string `json:"name"`
	Office  string `json:"office,omitempty"`
	Reasons string `json:"reasons,omitempty"` // "1.4 (b) and (d)"
	Text    string `json:"text"`
}

// Meta is what the pipeline writes about every cable.
type Meta struct {
	// RefID is the cable's reference id ("09BAGHDAD323"), as Raw.RefID
	// when the release gives it, else read from the cable; "cable" in
	// cables.jsonl.
	RefID string `json:"cable"`
	// Date is the cable's date, YYYY-MM-DD, from its date-time group, else
	// from the release's metadata; empty when neither is known.
	Date       string `json:"date"`
	DateTime   string `json:"datetime,omitempty"`    // RFC 3339, UTC
	DateSource string `json:"date_source,omitempty"` // "dtg" or "release"
	DTG        string `json:"dtg,omitempty"`         // "080801Z FEB 09"
	Origin     string `json:"origin"`
	// Classification as the release gives it, else from the banner.
	Classification string        `json:"classification"`
	Subject        string        `json:"subject"`
	Tags           []string      `json:"tags"`
	ClassifiedBy   *ClassifiedBy `json:"classified_by"`
	Signer         string        `json:"signer"`
	// Signers are the signature lines, the signer last ("HELLING",
	// "MCMULLEN": a drafter above the signer); empty when no signer.
	Signers []string `json:"signers"`
	Refs    []Ref    `json:"refs"`
	// Addressees are the routing lines before the header fields ("DEPT
	// FOR NEA/ARP"): who the cable is for, not prose.
	Addressees []string `json:"addressees,omitempty"`
	Source     Position `json:"source"`
	Format     Format   `json:"format"`
	AllCaps    bool     `json:"all_caps"`
	Warnings   []string `json:"warnings,omitempty"`
}

// Cable is a parsed cable: metadata, the text as read and its normalized body.
type Cable struct {
	Meta
	Text   string // as read; all offsets point into it
	Header string // routing header
	// BodyStart is where the body starts in Text (after a routing header
	// that stands in the text, as in plain-text cables); 0 otherwise.
	BodyStart int
	Doc       normalize.Doc
	// SignerStart and SignerEnd locate the signer in Text; both 0 if none.
	SignerStart, SignerEnd int
	Time                   time.Time // the date-time as a time; zero when unknown
}

// Parser parses cables with the words of a rule set that a Classified By
// line is split by. It keeps nothing between cables: one Parser serves any
// number of goroutines.
type Parser struct {
	offices, particles map[string]bool
}

// NewParser returns a parser that splits a Classified By line with the
// words of a rule set (rules.Set's ClassifiedByOffices and Particles; case
// does not matter). offices are the words of the office ("Acting",
// "PolCouns", "for"): the classifier's name is the capitalized words,
// initials and particles after the last of them. particles are the
// lowercase words inside a name ("di", "bin"). Without words, every
// capitalized word at the end of the line is the name.
func NewParser(offices, particles []string) *Parser {
	return &Parser{offices: wordSet(offices), particles: wordSet(particles)}
}

// wordSet is the set of the words' keys (see wordKey).
func wordSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[wordKey(w)] = true
	}
	return set
}

// wordKey is what a word of a Classified By line is looked up by: lower
// case, without the periods, commas, semicolons and colons around it.
func wordKey(w string) string { return strings.ToLower(strings.Trim(w, ".,;:")) }

// Parse parses a raw cable: it splits off a routing header standing in the
// text, normalizes the body and reads the metadata. It fails only when the
// record holds no cable at all (no text and no reference id).
func (p *Parser) Parse(r Raw) (*Cable, error) {
	if strings.TrimSpace(r.Text) == "" && strings.TrimSpace(r.Header) == "" {
		return nil, fmt.Errorf("empty cable")
	}
	c := &Cable{Text: r.Text, Header: r.Header}
	c.Source = r.Pos
	c.Format = r.Format
	c.Warnings = append(c.Warnings, r.Warnings...)
	if c.Header == "" {
		c.BodyStart = HeaderEnd(r.Text)
		c.Header = r.Text[:c.BodyStart]
	} else if end := HeaderEnd(r.Text); end > 0 {
		// some release rows repeat routing lines at the top of the content
		c.BodyStart = end
	}
	c.Doc = normalize.Body(r.Text, c.BodyStart)
	c.AllCaps = c.Doc.AllCaps
	if !c.hasBody() {
		c.warn("empty body")
	}
	c.metadata(r, p)
	if c.RefID == "" {
		return nil, fmt.Errorf("no reference id: not in the release metadata, and no banner with origin and number")
	}
	return c, nil
}

func (c *Cable) hasBody() bool {
	for _, p := range c.Doc.Paragraphs {
		if p.Kind == normalize.ParaText && p.End > p.Start {
			return true
		}
	}
	return false
}

func (c *Cable) warn(format string, args ...any) {
	c.Warnings = append(c.Warnings, fmt.Sprintf(format, args...))
}

// metadata fills Meta from the release's columns, the routing header and the
// body's header fields; p splits the Classified By line.
func (c *Cable) metadata(r Raw, p *Parser) {
	dtg, when, dtgErr := FindDTG(c.Header)
	if dtg == "" {
		// some cables carry their DTG in the text only
		dtg, when, dtgErr = FindDTG(head(c.Text, 3000))
	}
	if dtgErr != nil {
		c.warn("%v", dtgErr)
	}
	switch {
	case dtg != "":
		c.DTG = dtg
		c.Time = when
		c.DateSource = "dtg"
	case r.Created != "":
		t, err := ParseCreated(r.Created)
		if err != nil {
			c.warn("release date: %v", err)
		} else {
			c.Time = t
			c.DateSource = "release"
		}
	default:
		c.warn("no date-time group")
	}
	if !c.Time.IsZero() {
		c.Date = c.Time.Format("2006-01-02")
		c.DateTime = c.Time.Format(time.RFC3339)
	}

	c.Origin = r.Origin
	if c.Origin == "" {
		c.Origin = OriginName(FMLine(c.Header))
	}
	c.Classification = r.Classification
	if c.Classification == "" {
		c.Classification = BannerClassification(c.Doc.Banner)
	}
	c.Tags = []string{}
	c.Refs = []Ref{}
	for _, f := range c.Doc.Fields {
		switch f.Kind {
		case normalize.KindTags:
			if len(c.Tags) == 0 {
				c.Tags = ParseTags(f.Value)
			}
		case normalize.KindRef:
			c.Refs = AppendRefs(c.Refs, c.parseRefs(f.Value, r.RefID)...)
		case normalize.KindAddressee:
			c.Addressees = append(c.Addressees, f.Value)
		}
	}
	if len(c.Tags) == 0 {
		// "TAG PTER, PGOV", "AGS: PGOV, PREL", or TAGS in a glued header
		// line ("E.O. 12958: DECL: 03/20/2019 TAG PTER, PGOV, ASEC")
		c.Tags = TagsInText(head(c.Text, 4000))
	}
	// The subject and the Classified By line as normalized: page breaks and
	// banners that fell inside them are gone.
	for _, para := range c.Doc.Paragraphs {
		text := c.Doc.Text.S[para.Start:para.End]
		switch {
		case para.Kind == normalize.ParaSubject && c.Subject == "":
			c.Subject = CleanSubject(text)
			if len(c.Refs) == 0 {
				c.Refs = AppendRefs(c.Refs, c.parseRefs(SubjectRefs(text), r.RefID)...)
			}
		case para.Kind == normalize.ParaClassifiedBy && c.ClassifiedBy == nil:
			cb := p.ClassifiedBy(text)
			c.ClassifiedBy = &cb
		}
	}
	if c.Subject == "" {
		c.subjectBelow(r.RefID)
	}
	if c.ClassifiedBy == nil {
		// in paragraph 1 ("1. (U) CLASSIFIED BY DCM ROBERT S. DEUTSCH;
		// REASONS 1.5 (B) AND (D).") or in a header glued into one line
		v := ClassifiedByInText(head(c.Doc.Text.S, 8000))
		if v == "" {
			// in a header field's line ("REF: LA PAZ 1280 Classified by ...")
			v = ClassifiedByInText(head(c.Text, 8000))
		}
		if v != "" {
			cb := p.ClassifiedBy(v)
			c.ClassifiedBy = &cb
		}
	}
	c.SignerStart, c.SignerEnd = FindSigner(c.Text, c.BodyStart)
	c.Signer = c.Text[c.SignerStart:c.SignerEnd]
	c.Signers = []string{}
	if c.Signer != "" {
		if s := SignatureAbove(c.Text, c.BodyStart, c.SignerStart); s != "" && !strings.EqualFold(s, c.Signer) {
			c.Signers = append(c.Signers, s)
		}
		c.Signers = append(c.Signers, c.Signer)
	}

	c.RefID = r.RefID
	if c.RefID == "" {
		c.RefID = RefIDFromBanner(c.Doc.BannerOrigin, c.Doc.Banner, c.Time)
	}
}

// subjectBelow reads a subject written on the line after its field name
// and a blank line ("SUBJECT:\n\nFRAUD TOOLS AND TECHNIQUES ..."): the
// short unnumbered paragraph right after an empty SUBJECT field.
func (c *Cable) subjectBelow(self string) {
	for _, f := range c.Doc.Fields {
		if f.Kind != normalize.KindSubject || strings.TrimSpace(f.Value) != "" {
			continue
		}
		for _, p := range c.Doc.Paragraphs {
			if os, _ := c.Doc.Text.Span(p.Start, p.End); p.Kind != normalize.ParaText || os < f.End {
				continue
			}
			text := c.Doc.Text.S[p.Start:p.End]
			if p.Marker == "" && len(text) <= 400 {
				c.Subject = CleanSubject(text)
				c.Refs = AppendRefs(c.Refs, c.parseRefs(SubjectRefs(text), self)...)
			}
			return
		}
	}
}

// parseRefs reads a REF value of this cable (self its reference id): the
// years of references that give none are told from the cable's date.
func (c *Cable) parseRefs(v, self string) []Ref {
	if c.Time.IsZero() {
		return ParseRefs(v, self, 0, 0)
	}
	return ParseRefs(v, self, c.Time.Year(), c.Time.YearDay())
}

func head(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
