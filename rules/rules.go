package rules

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Title kinds.
const (
	KindOffice    = "office"    // an office of the person it stands before
	KindHonorific = "honorific" // a form of address (Mr., Dr.): not an office
	KindRole      = "role"      // marks a person ("UK national X") but is no office
)

// Title is an office or title that stands before a person's name.
type Title struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases,omitempty"`
	Kind    string   `yaml:"kind,omitempty"`
	Line    int      `yaml:"-"`
}

// Entry is a gazetteer entry: a person, place or organization, its fullest
// name and other spellings. Kind is free text (places: country, region,
// city); Offices lists a known person's offices.
type Entry struct {
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind,omitempty"`
	Aliases []string `yaml:"aliases,omitempty"`
	Offices []string `yaml:"offices,omitempty"`
	Line    int      `yaml:"-"`
}

// Meeting is a phrase that reports a meeting or a call: "met with",
// "called on", "telephoned".
type Meeting struct {
	Phrase string `yaml:"phrase"`
	Kind   string `yaml:"kind,omitempty"` // meeting (default) or call
	// Join: the people after the phrase join those before it
	// ("accompanied by") rather than meet them.
	Join bool `yaml:"join,omitempty"`
	// Direct: the phrase counts only with a person (or him, her) right
	// after it ("called him"; not "called for").
	Direct bool `yaml:"direct,omitempty"`
	Line   int  `yaml:"-"`
}

// UnmarshalYAML records the line of each meeting phrase.
func (m *Meeting) UnmarshalYAML(n *yaml.Node) error {
	type plain Meeting
	if err := decodeStrict(n, (*plain)(m), "phrase", "kind", "join", "direct"); err != nil {
		return err
	}
	m.Line = n.Line
	return nil
}

// Set is a rule set.
type Set struct {
	Titles        []Title  `yaml:"titles,omitempty"`
	People        []Entry  `yaml:"people,omitempty"`
	Places        []Entry  `yaml:"places,omitempty"`
	Organizations []Entry  `yaml:"organizations,omitempty"`
	OrgHeads      []string `yaml:"orgheads,omitempty"`
	OfficeWords   []string `yaml:"officewords,omitempty"`
	NonNames      []string `yaml:"nonnames,omitempty"`
	Particles     []string `yaml:"particles,omitempty"`
	// ClassifiedByOffices are the words of the office in a Classified By
	// line ("Acting", "PolCouns", "for"): the classifier's name is the
	// capitalized words, initials and particles after the last of them.
	ClassifiedByOffices []string  `yaml:"classifiedbyoffices,omitempty"`
	Meetings            []Meeting `yaml:"meetings,omitempty"`
	// NotMeetings are words that, just before a meeting phrase, make it a
	// plan, a wish, a refusal or a negation ("will meet", "declined to meet").
	NotMeetings []string `yaml:"notmeetings,omitempty"`
	// ListHeads are the words that head a list of a meeting's
	// participants ("Participants:", "U.S. participants", "Attendees"):
	// everyone the list names took part in the meeting the cable reports.
	ListHeads []string `yaml:"listheads,omitempty"`
	// SpeechVerbs are the verbs of a speaker ("said", "noted", "responded"):
	// in a cable that reports a meeting, the people who open a sentence with
	// one in the paragraphs after it took part in that meeting.
	SpeechVerbs []string `yaml:"speechverbs,omitempty"`
	// NotPeople are regular expressions (Go's RE2 syntax) for names that
	// are never people: a person found whose whole name matches one is
	// dropped ("^Task Force \\d+$", "(?i)^operation ").
	NotPeople []Pattern `yaml:"notpeople,omitempty"`
}

// Pattern is a regular expression of a rule file, checked when read.
type Pattern struct {
	Expr string
	Line int
}

// UnmarshalYAML checks the expression; a bad one is an error at its line.
func (p *Pattern) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &lineError{n.Line, "a pattern must be a string"}
	}
	if _, err := regexp.Compile(n.Value); err != nil {
		msg := err.Error()
		var se *syntax.Error
		if errors.As(err, &se) {
			msg = se.Code.String()
			if se.Expr != n.Value {
				msg += " at `" + se.Expr + "`"
			}
		}
		return &lineError{n.Line, fmt.Sprintf("bad regular expression %q: %s", n.Value, msg)}
	}
	*p = Pattern{Expr: n.Value, Line: n.Line}
	return nil
}

// MarshalYAML writes the expression back as written.
func (p Pattern) MarshalYAML() (any, error) { return p.Expr, nil }

// UnmarshalYAML records the line of each title, for error messages.
func (t *Title) UnmarshalYAML(n *yaml.Node) error {
	type plain Title
	if err := decodeStrict(n, (*plain)(t), "name", "aliases", "kind"); err != nil {
		return err
	}
	t.Line = n.Line
	return nil
}

// UnmarshalYAML records the line of each entry, for error messages.
func (e *Entry) UnmarshalYAML(n *yaml.Node) error {
	type plain Entry
	if err := decodeStrict(n, (*plain)(e), "name", "aliases", "kind", "offices"); err != nil {
		return err
	}
	e.Line = n.Line
	return nil
}

// decodeStrict decodes a mapping node, rejecting keys other than known
// (the decoder's KnownFields does not reach into custom unmarshalers).
func decodeStrict(n *yaml.Node, v any, known ...string) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !slices.Contains(known, k.Value) {
				return &lineError{k.Line, fmt.Sprintf("unknown key %q (known: %s)", k.Value, strings.Join(known, ", "))}
			}
		}
	}
	return n.Decode(v)
}

// lineError is a problem at a line of a rule file.
type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// Error is a problem in a rule file, at a line when it is known.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errors is every problem found in one rule file.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

//go:embed default.yaml
var defaultYAML []byte

//go:embed places.yaml
var placesYAML []byte

// Default returns the embedded default rule set.
func Default() (*Set, error) {
	base, err := Parse("default.yaml", defaultYAML)
	if err != nil {
		return nil, err
	}
	places, err := Parse("places.yaml", placesYAML)
	if err != nil {
		return nil, err
	}
	// the hand-written entries win over the generated ones
	return Merge(places, base), nil
}

// DefaultYAML returns the embedded default rule files as written.
func DefaultYAML() []byte {
	return append(append(append([]byte(nil), defaultYAML...), '\n'), placesYAML...)
}

// LoadFile reads and checks a rule file (YAML or JSON).
func LoadFile(path string) (*Set, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json", "":
	default:
		return nil, &Error{File: path, Msg: "unsupported rule file type: use .yaml, .yml or .json"}
	}
	return Parse(path, data)
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// Parse reads a rule set from data; name is used in errors. Unknown keys,
// values of the wrong type, entries without a name, unknown kinds and
// entries listed twice are errors with their line.
func Parse(name string, data []byte) (*Set, error) {
	var s Set
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil && !errors.Is(err, io.EOF) { // an empty file is an empty set
		return nil, yamlErrors(name, err)
	}
	if errs := s.check(name); len(errs) > 0 {
		return nil, errs
	}
	return &s, nil
}

// yamlErrors turns the YAML decoder's errors into file:line errors.
func yamlErrors(name string, err error) error {
	var le *lineError
	if errors.As(err, &le) {
		return Errors{{File: name, Line: le.line, Msg: le.msg}}
	}
	var out Errors
	for _, part := range strings.Split(err.Error(), "\n") {
		part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "yaml:"))
		if part == "" || part == "unmarshal errors:" {
			continue
		}
		if m := yamlLine.FindStringSubmatch(part); m != nil {
			line, _ := strconv.Atoi(m[1])
			msg := strings.Replace(m[2], "in type rules.Set", "(known: titles, people, places, organizations, orgheads, officewords, nonnames, particles, classifiedbyoffices, meetings, notmeetings, listheads, speechverbs, notpeople)", 1)
			out = append(out, &Error{File: name, Line: line, Msg: msg})
			continue
		}
		out = append(out, &Error{File: name, Msg: part})
	}
	if len(out) == 0 {
		out = Errors{{File: name, Msg: err.Error()}}
	}
	return out
}

// check validates a parsed set.
func (s *Set) check(name string) Errors {
	var errs Errors
	add := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	seen := map[string]int{}
	for _, t := range s.Titles {
		switch t.Kind {
		case "", KindOffice, KindHonorific, KindRole:
		default:
			add(t.Line, "title %q: unknown kind %q (want office, honorific or role)", t.Name, t.Kind)
		}
		checkNames(add, "title", t.Line, t.Name, t.Aliases, seen)
	}
	for _, list := range []struct {
		what    string
		entries []Entry
	}{{"person", s.People}, {"place", s.Places}, {"organization", s.Organizations}} {
		seen := map[string]int{}
		for _, e := range list.entries {
			checkNames(add, list.what, e.Line, e.Name, e.Aliases, seen)
			for _, o := range e.Offices {
				if strings.TrimSpace(o) == "" {
					add(e.Line, "%s %q: empty office", list.what, e.Name)
				}
			}
		}
	}
	seenPhrase := map[string]int{}
	for _, m := range s.Meetings {
		switch {
		case strings.TrimSpace(m.Phrase) == "":
			add(m.Line, "meeting phrase without a phrase")
		case m.Kind != "" && m.Kind != "meeting" && m.Kind != "call":
			add(m.Line, "meeting phrase %q: unknown kind %q (want meeting or call)", m.Phrase, m.Kind)
		}
		if first, ok := seenPhrase[entryKey(m.Phrase)]; ok {
			add(m.Line, "meeting phrase %q listed twice (first at line %d)", m.Phrase, first)
		}
		seenPhrase[entryKey(m.Phrase)] = m.Line
	}
	for _, w := range slices.Concat(s.NonNames, s.Particles, s.ClassifiedByOffices, s.OrgHeads, s.OfficeWords, s.NotMeetings, s.ListHeads, s.SpeechVerbs) {
		if strings.TrimSpace(w) == "" {
			add(0, "empty word in nonnames, particles, classifiedbyoffices, orgheads, officewords, notmeetings, listheads or speechverbs")
		}
	}
	return errs
}

func checkNames(add func(int, string, ...any), what string, line int, name string, aliases []string, seen map[string]int) {
	if strings.TrimSpace(name) == "" {
		add(line, "%s without a name", what)
		return
	}
	key := entryKey(name)
	if first, ok := seen[key]; ok {
		add(line, "%s %q listed twice (first at line %d)", what, name, first)
	}
	seen[key] = line
	for _, a := range aliases {
		if strings.TrimSpace(a) == "" {
			add(line, "%s %q: empty alias", what, name)
		}
	}
}

// entryKey is the key entries are compared by, to find one listed twice
// or one a user's file replaces: lower case, white space collapsed.
// Spellings stay apart ("Al-Maliki", "Al Maliki"): names found in a text
// are compared by extract.Fold, which also folds accents and punctuation.
func entryKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Merge returns base extended by over: an entry of over replaces the entry
// of base with the same folded name; other entries are added; word lists
// are joined.
func Merge(base, over *Set) *Set {
	out := &Set{
		Titles:              mergeByName(base.Titles, over.Titles, func(t Title) string { return t.Name }),
		People:              mergeByName(base.People, over.People, entryName),
		Places:              mergeByName(base.Places, over.Places, entryName),
		Organizations:       mergeByName(base.Organizations, over.Organizations, entryName),
		OrgHeads:            union(base.OrgHeads, over.OrgHeads),
		OfficeWords:         union(base.OfficeWords, over.OfficeWords),
		NonNames:            union(base.NonNames, over.NonNames),
		Particles:           union(base.Particles, over.Particles),
		ClassifiedByOffices: union(base.ClassifiedByOffices, over.ClassifiedByOffices),
		Meetings:            mergeByName(base.Meetings, over.Meetings, func(m Meeting) string { return m.Phrase }),
		NotMeetings:         union(base.NotMeetings, over.NotMeetings),
		ListHeads:           union(base.ListHeads, over.ListHeads),
		SpeechVerbs:         union(base.SpeechVerbs, over.SpeechVerbs),
		NotPeople:           mergeByName(base.NotPeople, over.NotPeople, func(p Pattern) string { return p.Expr }),
	}
	return out
}

// mergeByName returns base with the items of over replacing those of the
// same folded name, and the others added, in order.
func mergeByName[T any](base, over []T, name func(T) string) []T {
	idx := map[string]int{}
	out := append([]T(nil), base...)
	for i, t := range out {
		idx[entryKey(name(t))] = i
	}
	for _, t := range over {
		if i, ok := idx[entryKey(name(t))]; ok {
			out[i] = t
			continue
		}
		idx[entryKey(name(t))] = len(out)
		out = append(out, t)
	}
	return out
}

func entryName(e Entry) string { return e.Name }

func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range [][]string{a, b} {
		for _, w := range l {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// Load returns the default rule set extended by each file in turn.
func Load(files ...string) (*Set, error) {
	s, err := Default()
	if err != nil {
		return nil, fmt.Errorf("default rules: %w", err)
	}
	for _, f := range files {
		u, err := LoadFile(f)
		if err != nil {
			return nil, err
		}
		s = Merge(s, u)
	}
	return s, nil
}
