package extract

import (
	"strings"
	"testing"
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
		{"title in lower case", "1. (C) Labor minister Francisco Morales also labeled the demand unacceptable.", "Francisco Morales[minister]"},
		// 06SANJOSE331
		{"candidate", "1. (C) The showing for presidential candidate Otton Solis nullifies the vote.", "Otton Solis[presidential candidate]"},
		// 09PARTO41305 style participant line from the corpus (05BRASILIA2675 lists "Deputy Secretary Robert Zoellick")
		{"deputy and a title", "1. (C) Mr. Smith, Deputy Chief of Staff, took notes.", "Smith[Deputy Chief of Staff]"},
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
	c, ok := p.Count(Entity{ID: "ryan-crocker", Name: "Ryan Crocker", Offices: []string{"Amb", "Ambassador", "A/S"}})
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
		// 09BUENOSAIRES153, 09LONDON348: Secretary and President of one surname
		{"two people, one surname", "1. (C) Secretary Clinton will attend, since the initiative began under former President Clinton's administration.", "President Clinton[President]; Secretary Clinton[Secretary]"},
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
		// 90CAPETOWN97-like capitals from the corpus's South African cables
		{"capitals", "1. (C) HE REGARDS HIM AS STILL THE LEADER OF THE NATIONAL PARTY AND NOT MORE THAN THAT.", "National Party"},
	}
	for _, tt := range tests {
		res := x.Cable(parse(t, tt.text))
		if got := summary(res.Organizations); got != tt.orgs {
			t.Errorf("%s: organizations %q, want %q", tt.name, got, tt.orgs)
		}
	}
}
