package extract

import (
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
)

// TestOffices checks the office rules on sentences from the corpus:
// apposition after and before a name, modifier titles, titles in lower
// case before a name, and offices as the cable writes them.
func TestOffices(t *testing.T) {
	x := newTest(t)
	tests := []struct {
		name, text, people string
	}{
		// 08BOGOTA1127
		{"apposition after the name", "1. (C) Beatriz Duque, Director of Coal at the Ministry of Mines and Energy, told us imports would rise.", "Beatriz Duque[Director]"},
		// 09TELAVIV2502 (a participant list, one per line)
		{"apposition in a list", "1. (C) Participants:\n\nPrem Kumar, Director for Israeli Affairs\n\nBeth McCormick, Deputy Director, DSCA", "Beth McCormick[Deputy Director]; Prem Kumar[Director for Israeli Affairs]"},
		// 06MOSCOW5645
		{"apposition before the name", "1. (C) The Prime Minister, Sergey Abramov, was tasked with interfacing between Kadyrov and Moscow.", "Sergey Abramov[Prime Minister]"},
		// 09CAIRO1436
		{"apposition with an of phrase", "1. (C) But the Director of Plant Quarantine, Ali Soliman, contradicted the ministry.", "Ali Soliman[Director]"},
		// 06SAOPAULO1069
		{"the post's officers are listed", "1. (C) In a friendly discussion with the Ambassador, Joao Carlos Meirelles, a long-term advisor, spoke freely.", "Joao Carlos Meirelles"},
		// 08USNATO276
		{"abbreviation in parentheses", "1. (C) The Charge learned from Deputy Secretary General (D/SYG) Claudio Bisogniero that the meeting was off.", "Claudio Bisogniero[Deputy Secretary General]"},
		// 08TELAVIV2760
		{"modifier kept", "1. (C) Officials identified Reza Raei, Vice Governor of the CBI, as a key figure.", "Reza Raei[Vice Governor]"},
		// 09TRIPOLI48-like verb after the office: no apposition
		{"office before a verb", "1. (C) We met Dr. Ahmed Fituri, P/E Chief commented on the books.", "Ahmed Fituri"},
		// 06SANJOSE2312
		{"title in lower case", "1. (C) Labor minister Francisco Morales also labeled the demand unacceptable.", "Francisco Morales[Labor minister]"},
		// 06SANJOSE331
		{"candidate", "1. (C) The showing for presidential candidate Otton Solis nullifies the vote.", "Otton Solis[presidential candidate]"},
		// 09ABUDHABI744 (a delegation list, one per line)
		{"deputy and a title", "1. (C) UAE delegation:\n\nStaff Major General Ali Hamad Subaih al-Kaabi, Deputy Chief of Staff\n\nOthers attended.", "Ali Hamad Subaih al-Kaabi[Major General,Deputy Chief of Staff]"},
		{"as written", "1. (C) NATO SYG De Hoop Scheffer spoke with FM Verhagen.", "De Hoop Scheffer[SYG]; Verhagen[FM]"},
	}
	for _, tt := range tests {
		res := x.Cable(parse(t, tt.text))
		if got := summary(res.People); got != tt.people {
			t.Errorf("%s: people %q, want %q", tt.name, got, tt.people)
		}
	}
}

// TestOrganizationRules checks organizations introduced with an acronym
// in parentheses and names with two head nouns (corpus sentences).
func TestOrganizationRules(t *testing.T) {
	x := newTest(t)
	tests := []struct {
		name, text, orgs string
	}{
		// 05NEWDELHI9127
		{"acronym defined", "1. (C) The Muslim Security Council of Assam (MSCA) was banned. Later MSCA changed its name.", "Muslim Security Council of Assam"},
		// 08LONDON2451
		{"two heads", "1. (C) A dozen MPs asked the Labour Party National Executive Committee to issue ballots.", "Labour Party National Executive Committee"},
		// 08LONDON2651
		{"acronym in the gazetteer", "1. (C) HMG does not believe the Alliance will agree.", "Her Majesty's Government"},
		// 09BRASILIA1472, 06MOSCOW12751
		{"a body of a place", "1. (C) The Rio de Janeiro Military Police raided it.", "Rio de Janeiro Military Police"},
		{"a place then another name", "1. (C) He called the Moscow British Embassy today.", "British Embassy"},
	}
	for _, tt := range tests {
		res := x.Cable(parse(t, tt.text))
		if got := summary(res.Organizations); got != tt.orgs {
			t.Errorf("%s: organizations %q, want %q", tt.name, got, tt.orgs)
		}
		if tt.name == "acronym defined" {
			n := 0
			if len(res.Organizations) == 0 {
				continue
			}
			for _, m := range res.Organizations[0].Mentions {
				if strings.TrimSpace(m.Text) == "MSCA" {
					n++
				}
			}
			if n != 2 {
				t.Errorf("acronym defined: %d mentions of MSCA, want 2", n)
			}
		}
	}
}

// TestCountCanonicalOffices: offices as written ("Amb") compare by their
// canonical office across cables.
func TestCountCanonicalOffices(t *testing.T) {
	p := newTest(t).NewPeople()
	c, ok := p.Count("", Entity{ID: "ryan-crocker", Name: "Ryan Crocker", Offices: []string{"Amb", "Ambassador", "A/S"}})
	if !ok || strings.Join(c.Offices, ",") != "Ambassador,Assistant Secretary" {
		t.Errorf("offices %v, want Ambassador, Assistant Secretary", c.Offices)
	}
}

// TestPeopleRules checks the people rules on corpus sentences.
func TestPeopleRules(t *testing.T) {
	x := newTest(t)
	tests := []struct {
		name, text, people string
	}{
		// 08ISLAMABAD2051
		{"surname like a nationality", "1. (C) Prime Minister Yousuf Raza Gilani began by thanking Senator Carl Levin.", "Carl Levin[Senator]; Yousuf Raza Gilani[Prime Minister]"},
		// 09TALLINN373
		{"given name that is a place", "1. (C) We delivered the points to Paul Teesalu, Director of the MFA's Security Policy Division.", "Paul Teesalu[Director]"},
		// 04BRASILIA2890: a heading
		{"heading words", "1. (C) The two are almost allies.\n\nLula Asks Where's the Beef\n\n2. (C) Putin agreed.", ""},
		// 04COLOMBO11
		{"short title as a surname", "1. (C) Ambassador also spoke Jan 2 to Indian High Commissioner Sen, who has been working this issue.", "Sen[High Commissioner]"},
		// 05ANKARA1935
		{"abbreviation written capitalized", "1. (C) Polcouns John Kunstadter met the minister.", "John Kunstadter[Polcouns]"},
		// 07THEHAGUE2082
		{"particle after a title", "1. (C) FM Verhagen had a letter from NATO SYG de Hoop Scheffer on the troops.", "Verhagen[FM]; de Hoop Scheffer[SYG]"},
		// 08BEIJING332, 06PARIS8047, 08LONDON2525: offices the rules had
		// glued to names ("exchequer-alistair-darling", "poldir-gerard-araud")
		{"offices before names", "1. (C) PolDir Gerard Araud met Chancellor of the Exchequer Alistair Darling and Chief Whip Geoff Hoon.", "Alistair Darling[Chancellor of the Exchequer]; Geoff Hoon[Chief Whip]; Gerard Araud[PolDir]"},
		// 07MANAMA1067, 09BRASILIA1264: a headline's verbs in capitals are no
		// names ("clashes", "uribe-allays-lula")
		{"headline verbs in capitals", "1. (C) The minister spoke.\n\nFM KHALID CLASHES WITH MPS; PRESIDENT URIBE ALLAYS LULA'S FEARS\n\n2. (C) Uribe said so.", "Khalid[FM]; Uribe[President]"},
		// 09ROME1072: a heading's verb in -ed after a title, in a heading too
		// long for a heading's rule
		{"heading verb after a title", "1. (C) The minister spoke.\n\nAmbassador Reassured in Meetings with Defense Minister La Russa, Berlusconi\n\n2. (C) Berlusconi said so.", "La Russa[Defense Minister]"},
		// 09WARSAW1139, 08MEXICO: names that end in an office word or a
		// body's head are bodies ("Eurasian Affairs", "Customs Enforcement")
		{"bodies are no people", "1. (C) DAS Pamela Quanrud, Bureau of European and Eurasian Affairs, met the Director of Customs Enforcement and the Accounting Office.", "Pamela Quanrud[DAS]"},
		// 09BUENOSAIRES153, 09LONDON348: Secretary and President of one surname
		{"two people, one surname", "1. (C) Secretary Clinton will attend, since the initiative began under former President Clinton's administration.", "Bill Clinton[President]; Hillary Rodham Clinton[Secretary]"},
	}
	for _, tt := range tests {
		res := x.Cable(parse(t, tt.text))
		if got := summary(res.People); got != tt.people {
			t.Errorf("%s: people %q, want %q", tt.name, got, tt.people)
		}
	}
}

// TestPlaceRules: places that name events or routing addresses are not
// places (corpus sentences).
func TestPlaceRules(t *testing.T) {
	x := newTest(t)
	tests := []struct {
		name, text, places string
	}{
		// 09BRASILIA1411, 08REYKJAVIK91
		{"event names", "1. (C) Brazil's role in the Doha Round and the NATO Bucharest Summit grew.", "Brazil"},
		// 09ANKARA1725
		{"footer", "1. (C) A/S Cohen has cleared on this report.\n\n\"Visit Ankara's Classified Web Site at http://www.intelink.sgov.gov\"", ""},
	}
	for _, tt := range tests {
		res := x.Cable(parse(t, tt.text))
		if got := summary(res.Places); got != tt.places {
			t.Errorf("%s: places %q, want %q", tt.name, got, tt.places)
		}
	}
}

// TestMediaAndCapitals: newspapers named after a media noun, and rule
// names recased from capitals (corpus sentences).
func TestMediaAndCapitals(t *testing.T) {
	x := newTest(t)
	tests := []struct {
		name, text, orgs string
	}{
		// 09CAIRO2011, 09BOGOTA383
		{"media names", "1. (C) In an interview with the private daily El Shorouk, he confirmed it. The Colombian daily \"El Espectador\" suggested so.", "El Espectador; El Shorouk"},
		// adjectives are not media nouns
		{"daily as an adjective", "1. (C) He reported daily Israeli raids and the weekly Monday meeting.", ""},
		// 07CAIRO1417 (a cable in capitals)
		{"capitals", "1. (C) THE NEW PRESIDENT MAY POSSIBLY EXTEND AN OLIVE BRANCH TO THE MUSLIM BROTHERHOOD, AS DID PREVIOUS EGYPTIAN PRESIDENTS.", "Muslim Brotherhood"},
	}
	for _, tt := range tests {
		res := x.Cable(parse(t, tt.text))
		if got := summary(res.Organizations); got != tt.orgs {
			t.Errorf("%s: organizations %q, want %q", tt.name, got, tt.orgs)
		}
	}
}

// TestListsAndPrefixes: a title shared by a list of members of Congress,
// modifiers between Deputy and a title, and a name that starts a longer
// one (corpus sentences).
func TestListsAndPrefixes(t *testing.T) {
	x := newTest(t)
	tests := []struct {
		name, text, people string
	}{
		// 08BUENOSAIRES225
		{"party tags", "1. (C) U.S. participants included Representatives Jerry Weller (R-IL), Maurice Hinchey (D-NY), and Virginia Foxx (R-NC).", "Jerry Weller[Representative]; Maurice Hinchey[Representative]; Virginia Foxx[Representative]"},
		// a singular title shares only with party tags
		{"no party tags", "1. (C) He met Representative Mel Watt, Tom Lantos and others.", "Mel Watt[Representative]; Tom Lantos"},
		// 09CAIRO1094
		{"deputy, modifier, title", "1. (C) Deputy Assistant Minister Wael Aboulmagd spoke.", "Wael Aboulmagd[Deputy Assistant Minister]"},
		// 08BOGOTA4028
		{"name prefix", "1. (C) General Freddy Padilla de Leon arrived. Later Freddy Padilla said so.", "Freddy Padilla de Leon[General]"},
	}
	for _, tt := range tests {
		res := x.Cable(parse(t, tt.text))
		if got := summary(res.People); got != tt.people {
			t.Errorf("%s: people %q, want %q", tt.name, got, tt.people)
		}
	}
}

// TestSecondRound: rules from the second tuning round (corpus sentences).
func TestSecondRound(t *testing.T) {
	x := newTest(t)
	// 08PARIS137
	res := x.Cable(parse(t, "1. (C) Political Minister Counselor Josiah Rosenblatt delivered reftel demarche. State Secretary Arzo Nicolai signed for the Dutch."))
	if got, want := summary(res.People), "Arzo Nicolai[State Secretary]; Josiah Rosenblatt[Political Minister Counselor]"; got != want {
		t.Errorf("people %q, want %q", got, want)
	}
	// 09CAIRO1220, 09SANTIAGO282: treaties and agreements are no organizations
	res = x.Cable(parse(t, "1. (C) She described the Nonproliferation Treaty (NPT) regime as important. Our Free Trade Agreement (FTA) went into effect."))
	if got := summary(res.Organizations); got != "" {
		t.Errorf("organizations %q, want none", got)
	}
	// 07NEWDELHI2621, 10KABUL467: a place and its geographic head
	res = x.Cable(parse(t, "1. (C) Violence in the Kashmir Valley fell, as in Kandahar Province."))
	var mentions []string
	for _, p := range res.Places {
		for _, m := range p.Mentions {
			mentions = append(mentions, m.Text)
		}
	}
	if got, want := strings.Join(mentions, "; "), "Kashmir Valley; Kandahar Province"; got != want {
		t.Errorf("place mentions %q, want %q", got, want)
	}
	// 09BELGRADE1222: a plural (or a verb) ending two capitalized words is no name
	res = x.Cable(parse(t, "1. (C) Under provisions of the judicial reform package, the Appeals Courts would hear war crimes appeals."))
	if got := summary(res.People); got != "" {
		t.Errorf("people %q, want none", got)
	}
}

// A place ending the text has no organization after it (a panic once).
func TestPlaceAtTextEnd(t *testing.T) {
	x := newTest(t)
	c, err := defaultParser(t).Parse(cable.Raw{RefID: "09TEST1", Created: "2/8/2009 08:01", Text: "1. (C) The Ambassador traveled to Cairo"})
	if err != nil {
		t.Fatal(err)
	}
	if res := x.Cable(c); len(res.Places) == 0 {
		t.Errorf("no place found in %q", c.Text)
	}
}

// TestInitials: initials given in parentheses name the person later in
// the cable (07DUBAI59 "MbR"); not initials the rules know as something
// else ("(FM)").
func TestInitials(t *testing.T) {
	x := newTest(t)
	res := x.Cable(parse(t, "1. (C) Under Secretary Burns met with Dubai Ruler Sheikh Mohammed bin Rashid al Maktoum (MbR) on January 12. Later, MbR told Burns that Iran was a threat. Foreign Minister Abdullah Zayed (FM) agreed; the FM said so."))
	var got []string
	for _, p := range res.People {
		for _, m := range p.Mentions {
			got = append(got, p.ID+":"+m.Text)
		}
	}
	want := "burns:Under Secretary Burns|burns:Burns|mohammed-bin-rashid-al-maktoum:Dubai Ruler Sheikh Mohammed bin Rashid al Maktoum|mohammed-bin-rashid-al-maktoum:MbR|abdullah-zayed:Foreign Minister Abdullah Zayed|abdullah-zayed:FM|abdullah-zayed:the FM"
	if strings.Join(got, "|") != want {
		t.Errorf("mentions\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}
