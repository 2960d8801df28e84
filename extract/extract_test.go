package extract

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/rules"
)

func newTest(t *testing.T) *Extractor {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return New(set)
}

// defaultParser is a cable parser with the words of the default rules.
func defaultParser(tb testing.TB) *cable.Parser {
	tb.Helper()
	set, err := rules.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return cable.NewParser(set.ClassifiedByOffices, set.Particles)
}

func parse(t *testing.T, text string) *cable.Cable {
	t.Helper()
	c, err := defaultParser(t).Parse(cable.Raw{RefID: "09TEST1", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// summary renders people as "Name[Office]" and places and organizations as
// names, each list sorted, joined by "; ".
func summary(es []Entity) string {
	var out []string
	for _, e := range es {
		s := e.Name
		if len(e.Offices) > 0 {
			s += "[" + strings.Join(e.Offices, ",") + "]"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func TestTokenize(t *testing.T) {
	tests := map[string]string{
		"Ambassador Ryan C. Crocker met A/S Welch.":       "Ambassador|Ryan|C.|Crocker|met|A/S|Welch|.",
		"the U.S.-UN relationship, Crocker's view":        "the|U.S.|-|UN|relationship|,|Crocker|'|s|view",
		"Muqtadah al-Sadr and Stephen O'Dowd (CDA, a.i.)": "Muqtadah|al-Sadr|and|Stephen|O'Dowd|(|CDA|,|a.i.|)",
		"Amb. Khalilzad; Kim Sung-hwan; 1.4 (b)":          "Amb.|Khalilzad|;|Kim|Sung-hwan|;|1|.|4|(|b|)",
	}
	for in, want := range tests {
		var got []string
		for _, tk := range tokenize(in) {
			got = append(got, tk.text)
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("tokenize(%q)\n got  %s\n want %s", in, g, want)
		}
	}
}

func TestPeople(t *testing.T) {
	x := newTest(t)
	tests := []struct {
		name, text, people string
	}{
		{"title and name", "1. (C) Prime Minister Maliki met A/S Welch in Baghdad.", "Maliki[Prime Minister]; Welch[A/S]"},
		{"plural title", "1. (C) He met Vice Presidents Hashimi and Abdul Mehdi.", "Abdul Mehdi[Vice President]; Hashimi[Vice President]"},
		{"role word", "1. (C) Amb Khalilzad met November 9 with UK national Andrew Gilmour.", "Andrew Gilmour; Khalilzad[Amb]"},
		{"surname joins", "1. (C) UN Secretary General Ban Ki Moon arrived. Ban said he was pleased. The SYG left.", "Ban Ki Moon[UN Secretary General]"},
		{"particles", "1. (C) SRSG Staffan di Mistura said di Mistura would go.", "Staffan de Mistura[SRSG]"},
		{"office continued", "1. (C) Assistant Secretary for East Asian and Pacific Affairs Kurt Campbell spoke.", "Kurt Campbell[Assistant Secretary for East Asian and Pacific Affairs]"},
		{"office of the", "1. (C) They met Minister of the Presidency Jimmy Papadimitriu and Minister of Government and Justice Jose Raul Mulino.", "Jimmy Papadimitriu[Minister of the Presidency]; Jose Raul Mulino[Minister of Government and Justice]"},
		{"office goes on past its words", "1. (C) He met the Director of the Financial Services Authority and Minister of Emergency Situations Sergey Shoygu.", "Sergey Shoygu"},
		{"heading verbs", "1. (C) Ambassador Reassured\n\n2. (C) Charge Discusses Venezuela\n", ""},
		{"name in a heading", "1. (C) Participants\n\nMr. Falls\n", "Falls"},
		{"corpus titles", "1. (C) State Prosecutor Alejandro Garza met Deputy Head of Mission Pieter Smit and Magistrate Aggrey Muchelule.", "Aggrey Muchelule[Magistrate]; Alejandro Garza[State Prosecutor]; Pieter Smit[Deputy Head of Mission]"},
		{"an organization after a title is no name", "1. (C) The Foreign Ministry and the Prosecutor Office met.", ""},
		{"name without title", "1. (C) Gustavo Gallon said the process was not serious.", "Gustavo Gallon"},
		{"a given name that is also a common word", "1. (C) Senator John Kerry, accompanied by SFRC staff Frank Lowenstein, met him. Frank discussions followed.", "Frank Lowenstein; John Kerry[Senator]"},
		{"not names", "1. (C) The Quadrennial Defense Review and Turkish-sponsored Israeli-Syrian talks.", ""},
		{"honorific is no office", "1. (C) Mr. Smith met Dr. Jones.", "Jones; Smith"},
		{"words of an office the titles do not know", "1. (C) He met Regional Affairs Officer Caroline Croft, State Councilor Dai Bingguo and Project Manager Gulnara Abildaeva.", "Caroline Croft; Dai Bingguo; Gulnara Abildaeva"},
		{"a name after a title that looks like a demonym", "1. (C) Participants would include President Karzai, PM Gilani, and the UNSYG. Ambassador Francis J. Ricciardone left.", "Francis J. Ricciardone[Ambassador]; Gilani[PM]; Karzai[President]"},
		{"a known title among office words", "1. (C) He said DPRK Finance Chief Pak Nam-gi had been sacked.", "Pak Nam-gi[Finance Chief]"},
		{"capitals", "1. (C) ATTORNEY ESSA MOOSA SAID THAT NELSON MANDELA WILL MEET PRESIDENT FW DE KLERK IN CAPE TOWN AFTER THE ANNOUNCEMENT. MANDELA AGREED.", "Essa Moosa[Attorney]; Fw de Klerk[President]; Nelson Mandela"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := x.Cable(parse(t, tt.text))
			if got := summary(res.People); got != tt.people {
				t.Errorf("people of %q\n got  %s\n want %s", tt.text, got, tt.people)
			}
		})
	}
}

func TestPlacesOrganizations(t *testing.T) {
	x := newTest(t)
	res := x.Cable(parse(t, "1. (C) The GOI and UNAMI met in Kirkuk with the Colombian Commission of Jurists, the Iraqi Security Forces and the U.S. Embassy in Beirut, near the West Bank and Gaza."))
	if got, want := summary(res.Places), "Beirut; Gaza; Kirkuk; West Bank"; got != want {
		t.Errorf("places %s, want %s", got, want)
	}
	if got, want := summary(res.Organizations), "Colombian Commission of Jurists; Government of Iraq; Iraqi Security Forces; U.S. Embassy; UNAMI"; got != want {
		t.Errorf("organizations %s, want %s", got, want)
	}
}

// TestMentionOffsets checks that every mention's offsets select its text
// in the cable as read, across page breaks and re-joined lines.
func TestMentionOffsets(t *testing.T) {
	x := newTest(t)
	text := "1. (C) The Ambassador met Prime Minister\nMaliki in Baghdad.\n\nBAGHDAD 00000323 002.5 OF 002\n\nMaliki said Iraq's UNAMI ties mattered.\n"
	c := parse(t, text)
	res := x.Cable(c)
	n := 0
	for _, list := range [][]Entity{res.People, res.Places, res.Organizations} {
		for _, e := range list {
			for _, m := range e.Mentions {
				n++
				if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
					t.Errorf("%s: mention %+v does not match the text", e.Name, m)
				}
			}
		}
	}
	if n < 5 {
		t.Errorf("only %d mentions found", n)
	}
	if res.People[0].Mentions[0].Text != "Prime Minister\nMaliki" {
		t.Errorf("first mention %q, want the text as read", res.People[0].Mentions[0].Text)
	}
}

func TestUserRules(t *testing.T) {
	base, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	user, err := rules.Parse("mine.yaml", []byte("titles:\n  - {name: Chief Whip, aliases: [CW]}\npeople:\n  - {name: Alan Q. Smithers, aliases: [Smithers of Leeds]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "1. (C) Chief Whip Brown met Smithers of Leeds."
	before := summary(New(base).Cable(parse(t, text)).People)
	after := summary(New(rules.Merge(base, user)).Cable(parse(t, text)).People)
	if after != "Alan Q. Smithers; Brown[Chief Whip]" {
		t.Errorf("with the user's rules: %s (without: %s)", after, before)
	}
	if before == after {
		t.Error("the user's rules changed nothing")
	}
}

func TestNotPeople(t *testing.T) {
	base, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	user, err := rules.Parse("mine.yaml", []byte("notpeople:\n  - '^Brown$'\n  - '(?i)^smithers'\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "1. (C) Foreign Minister Brown met Ambassador Smithers and Minister Jones."
	got := summary(New(rules.Merge(base, user)).Cable(parse(t, text)).People)
	if got != "Jones[Minister]" {
		t.Errorf("with notpeople: %s, want only Jones", got)
	}
}

func TestID(t *testing.T) {
	for in, want := range map[string]string{
		"Ryan C. Crocker":    "ryan-crocker",
		"Ryan Crocker":       "ryan-crocker",
		"Staffan di Mistura": "staffan-di-mistura",
		"Kim Sung-hwan":      "kim-sung-hwan",
		"José Núñez":         "jose-nunez",
	} {
		if got := ID(in); got != want {
			t.Errorf("ID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPeopleMerge(t *testing.T) {
	x := newTest(t)
	p := x.NewPeople()
	p.Add("", []Entity{{ID: "ryan-crocker", Name: "Ryan C. Crocker", Offices: []string{"Ambassador"}}, {ID: "odierno", Name: "Odierno", Offices: []string{"General"}}})
	p.Add("", []Entity{{ID: "crocker", Name: "Crocker", Offices: []string{"Ambassador"}}, {ID: "steffan-de-mistura", Name: "Steffan de Mistura", Offices: []string{"SRSG"}}})
	p.Add("", []Entity{{ID: "staffan-di-mistura", Name: "Staffan di Mistura", Offices: []string{"SRSG"}}, {ID: "staffan-di-mistura", Name: "Staffan di Mistura", Offices: []string{"SRSG"}}})
	// two Kims with different offices, and a Kim who is neither
	p.Add("", []Entity{{ID: "kim-sung-hwan", Name: "Kim Sung-hwan", Offices: []string{"National Security Adviser"}}, {ID: "kim-jong-il", Name: "Kim Jong-il"}})
	p.Add("", []Entity{{ID: "kim", Name: "Kim", Offices: []string{"President"}}, {ID: "wood", Name: "Wood"}, {ID: "william-wood", Name: "William B. Wood", Offices: []string{"Ambassador"}}})
	// a surname alone with no office: the one person named in full with it,
	// in as many cables or more ("delawie"); not when the surname alone is
	// in more cables ("torrijos"), not a given name ("jose"), not a word
	// written in lower case ("wood" above), not two full names ("kim")
	p.Add("", []Entity{{ID: "greg-delawie", Name: "Greg Delawie"}, {ID: "vicente-torrijos", Name: "Vicente Torrijos"}, {ID: "emiliano-jose", Name: "Emiliano Jose"}})
	p.Add("", []Entity{{ID: "delawie", Name: "Delawie"}, {ID: "torrijos", Name: "Torrijos"}, {ID: "jose", Name: "Jose"}})
	p.Add("", []Entity{{ID: "torrijos", Name: "Torrijos"}, {ID: "greg-delawie", Name: "Greg Delawie"}})
	// one name with and without a middle name or initial, one office; a
	// surname with an office joins the full name named in three times as
	// many cables as another with it ("President Sarkozy's wife")
	p.Add("", []Entity{{ID: "gene-a-cretz", Name: "Gene A. Cretz", Offices: []string{"Ambassador"}}, {ID: "anthony-wayne", Name: "Anthony Wayne", Offices: []string{"Ambassador"}}, {ID: "yar-adua", Name: "Yar Adua", Offices: []string{"President"}}})
	p.Add("", []Entity{{ID: "gene-cretz", Name: "Gene Cretz", Offices: []string{"Ambassador"}}, {ID: "earl-anthony-wayne", Name: "Earl Anthony Wayne", Offices: []string{"Ambassador"}}, {ID: "lady-turai-yar-adua", Name: "Lady Turai Yar Adua", Offices: []string{"President"}}})
	for range 3 {
		p.Add("", []Entity{{ID: "nicolas-sarkozy", Name: "Nicolas Sarkozy", Offices: []string{"President"}}})
	}
	p.Add("", []Entity{{ID: "cecilia-sarkozy", Name: "Cecilia Sarkozy", Offices: []string{"President"}}, {ID: "sarkozy", Name: "Sarkozy", Offices: []string{"President"}}})
	// a word glued before or after a full name the run has: a region of a
	// title, a misspelt office, a heading's verb; not a given name
	// ("aisha-muammar-al-qadhafi" is his daughter), not after given names
	// only ("juan-carlos-sanchez" is no "juan-carlos")
	p.Add("", []Entity{{ID: "javier-sandomingo", Name: "Javier Sandomingo"}, {ID: "aboul-gheit", Name: "Aboul Gheit"}, {ID: "hu-jintao", Name: "Hu Jintao"}, {ID: "muammar-al-qadhafi", Name: "Muammar al-Qadhafi"}, {ID: "juan-carlos", Name: "Juan Carlos"}})
	p.Add("", []Entity{{ID: "iberoamerica-javier-sandomingo", Name: "Iberoamerica Javier Sandomingo"}, {ID: "minster-aboul-gheit", Name: "Minster Aboul Gheit"}, {ID: "hu-jintao-firmly", Name: "Hu Jintao Firmly"},
		{ID: "aisha-muammar-al-qadhafi", Name: "Aisha Muammar al-Qadhafi"}, {ID: "juan-carlos-sanchez", Name: "Juan Carlos Sanchez"}})
	got := p.Merge()
	want := map[string]string{"crocker": "ryan-crocker", "steffan-de-mistura": "staffan-di-mistura", "delawie": "greg-delawie",
		"gene-cretz": "gene-a-cretz", "anthony-wayne": "earl-anthony-wayne", "sarkozy": "nicolas-sarkozy",
		"iberoamerica-javier-sandomingo": "javier-sandomingo", "minster-aboul-gheit": "aboul-gheit", "hu-jintao-firmly": "hu-jintao"}
	if len(got) != len(want) {
		t.Errorf("Merge = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("Merge[%s] = %q, want %q", k, got[k], v)
		}
	}
}

func TestNLP(t *testing.T) {
	n, err := NewNLP()
	if err != nil {
		t.Fatal(err)
	}
	x := newTest(t).WithNLP(n)
	text := "Police said Kamal Zougam had sold the telephones. Mr. Smith and Petrobras agreed."
	toks := tokenize(text)
	// with no rule mention at all, prose is asked about the first sentence
	// (two unexplained capitalized words in a row), not the second
	ms := x.nlpPeople(text, toks, nil)
	if len(ms) != 1 || joinTokens(toks[ms[0].s:ms[0].e]) != "Kamal Zougam" || ms[0].source != "nlp" {
		t.Fatalf("nlp mentions %+v, want Kamal Zougam", ms)
	}
	// with the rules, the name is theirs and prose adds nothing twice
	res := x.Cable(parse(t, "1. (C) "+text))
	if got := summary(res.People); got != "Kamal Zougam; Smith" {
		t.Errorf("people %q", got)
	}
}

func TestIDIsXMLName(t *testing.T) {
	for _, name := range []string{"S/SECC Pershing", "E/POL", "O'Brien", "Zoë Ünal, Jr.", "Kim Sung-hwan"} {
		id := ID(name)
		for _, r := range id {
			if !(r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127) {
				t.Errorf("ID(%q) = %q has %q", name, id, r)
			}
		}
	}
}

// TestPeopleCounts gathers people in two parts, merges the parts' counts
// per id in reverse order (as a distributed run does) and adds them up: the
// ids merged must be those of one People over every cable.
func TestPeopleCounts(t *testing.T) {
	x := newTest(t)
	cables := []struct {
		origin string
		people []Entity
	}{
		{"Embassy Baghdad", []Entity{{ID: "ryan-crocker", Name: "Ryan Crocker", Offices: []string{"Ambassador"}}}},
		{"Embassy Baghdad", []Entity{{ID: "crocker", Name: "Crocker", Offices: []string{"Ambassador"}}, {ID: "ryan-crocker", Name: "Ryan C. Crocker"}}},
		{"Embassy Baghdad", []Entity{{ID: "steffan-de-mistura", Name: "Steffan de Mistura", Offices: []string{"SRSG"}}}},
		{"Embassy Baghdad", []Entity{{ID: "staffan-di-mistura", Name: "Staffan di Mistura", Offices: []string{"SRSG"}}}},
		{"Embassy Baghdad", []Entity{{ID: "staffan-di-mistura", Name: "Staffan di Mistura", Offices: []string{"SRSG"}}}},
		// a surname alone of a post joins the full name of that post's
		// cables ("sharif" of Islamabad and of Nairobi are two people); one
		// of a post naming nobody in full with it stays the post's own, and
		// so does a given name ("saleh")
		// (full names of three cables or more, or with a given name first)
		{"Embassy Islamabad", []Entity{{ID: "nawaz-sharif", Name: "Nawaz Sharif"}, {ID: "sharif-islamabad", Name: "Sharif"}}},
		{"Embassy Islamabad", []Entity{{ID: "nawaz-sharif", Name: "Nawaz Sharif"}}},
		{"Embassy London", []Entity{{ID: "nawaz-sharif", Name: "Nawaz Sharif"}}},
		{"Embassy Nairobi", []Entity{{ID: "sheikh-sharif-sharif", Name: "Sheikh Sharif Sharif"}}},
		{"Embassy Nairobi", []Entity{{ID: "sheikh-sharif-sharif", Name: "Sheikh Sharif Sharif"}}},
		{"Embassy Islamabad", []Entity{{ID: "sharif-islamabad", Name: "Sharif"}}},
		{"Embassy Nairobi", []Entity{{ID: "sharif-ahmed", Name: "Sharif Ahmed"}, {ID: "sheikh-sharif-sharif", Name: "Sheikh Sharif Sharif"}}},
		{"Embassy Nairobi", []Entity{{ID: "sharif-nairobi", Name: "Sharif"}}},
		{"Embassy Cairo", []Entity{{ID: "sharif-cairo", Name: "Sharif"}}},
		// nor one of two the post names in full, however more often
		{"Embassy Madrid", []Entity{{ID: "eduardo-aguirre", Name: "Eduardo Aguirre"}, {ID: "aguirre-madrid", Name: "Aguirre"}}},
		{"Embassy Madrid", []Entity{{ID: "eduardo-aguirre", Name: "Eduardo Aguirre"}}},
		{"Embassy Madrid", []Entity{{ID: "eduardo-aguirre", Name: "Eduardo Aguirre"}}},
		{"Embassy Madrid", []Entity{{ID: "eduardo-aguirre", Name: "Eduardo Aguirre"}}},
		{"Embassy Madrid", []Entity{{ID: "esperanza-aguirre", Name: "Esperanza Aguirre"}}},
		{"Embassy Madrid", []Entity{{ID: "esperanza-aguirre", Name: "Esperanza Aguirre"}}},
		{"Embassy Madrid", []Entity{{ID: "esperanza-aguirre", Name: "Esperanza Aguirre"}}},
		{"Embassy Sanaa", []Entity{{ID: "ali-abdullah-saleh", Name: "Ali Abdullah Saleh"}, {ID: "saleh-sanaa", Name: "Saleh"}}},
		{"Embassy Sanaa", []Entity{{ID: "ali-abdullah-saleh", Name: "Ali Abdullah Saleh"}}},
		{"Embassy Sanaa", []Entity{{ID: "ali-abdullah-saleh", Name: "Ali Abdullah Saleh"}}},
		{"Embassy Kabul", []Entity{{ID: "amrullah-saleh", Name: "Amrullah Saleh"}}},
		{"Embassy Kabul", []Entity{{ID: "amrullah-saleh", Name: "Amrullah Saleh"}}},
		{"Embassy Kabul", []Entity{{ID: "amrullah-saleh", Name: "Amrullah Saleh"}}},
		// one who is the only person of the run with that surname is one
		// id across posts
		{"Embassy Paris", []Entity{{ID: "rubin-paris", Name: "Rubin"}}},
		{"Embassy Moscow", []Entity{{ID: "rubin-moscow", Name: "Rubin"}}},
	}
	whole := x.NewPeople()
	for _, c := range cables {
		whole.Add(c.origin, c.people)
	}
	perID := map[string]PersonCount{}
	for i := len(cables) - 1; i >= 0; i-- {
		for _, e := range cables[i].people {
			c, ok := whole.Count(cables[i].origin, e)
			if !ok {
				continue
			}
			if have, ok := perID[e.ID]; ok {
				c = have.Merge(c)
			}
			perID[e.ID] = c
		}
	}
	parts := x.NewPeople()
	for _, c := range perID {
		parts.AddCount(c)
	}
	if a, b := fmt.Sprint(whole.Counts()), fmt.Sprint(parts.Counts()); a != b {
		t.Errorf("counts differ:\n%s\n%s", a, b)
	}
	if a, b := fmt.Sprint(whole.Merge()), fmt.Sprint(parts.Merge()); a != b {
		t.Errorf("merged ids differ: %s and %s", a, b)
	}
	want := map[string]string{"crocker": "ryan-crocker", "steffan-de-mistura": "staffan-di-mistura",
		"sharif-islamabad": "nawaz-sharif", "sharif-nairobi": "sheikh-sharif-sharif", "rubin-paris": "rubin", "rubin-moscow": "rubin"}
	if got := whole.Merge(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Merge = %v, want %v", got, want)
	}
}
