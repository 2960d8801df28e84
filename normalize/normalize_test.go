package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseMarker(t *testing.T) {
	tests := []struct {
		line   string
		ok     bool
		num    string
		class  string
		strong bool
		rest   string
	}{
		{"12. (C) UN Secretary General", true, "12", "C", true, "UN Secretary General"},
		{"- 12. (C) UN Secretary", true, "12", "C", true, "UN Secretary"},
		{"¶2. (C) Turning to", true, "2", "C", true, "Turning to"},
		{"¶2. Turning to", true, "2", "", true, "Turning to"},
		{"1.(C) Text", true, "1", "C", true, "Text"},
		{"(S//NF) President Martinelli", true, "", "S//NF", true, "President Martinelli"},
		{"1.Key Points:", true, "1", "", false, "Key Points:"},
		{"A. The first", true, "A", "", false, "The first"},
		{"-- The unbanning", true, "", "", false, "The unbanning"},
		{"5 percent of voters", false, "", "", false, ""},
		{"1.4 (b) and (d)", false, "", "", false, ""},
		{"U.S. officials said", false, "", "", false, ""},
		{"2009. The year", false, "", "", false, ""},
		{"Summary: text", false, "", "", false, ""},
		{"(b) and (d)", false, "", "", false, ""},
		{"-", false, "", "", false, ""},
	}
	for _, tt := range tests {
		m, ok := ParseMarker(tt.line)
		if ok != tt.ok {
			t.Errorf("ParseMarker(%q) ok = %v, want %v", tt.line, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if m.Number != tt.num || m.Class != tt.class || m.Strong != tt.strong || tt.line[m.End:] != tt.rest {
			t.Errorf("ParseMarker(%q) = %+v rest %q, want num %q class %q strong %v rest %q", tt.line, m, tt.line[m.End:], tt.num, tt.class, tt.strong, tt.rest)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		line string
		want Kind
	}{
		{"BAGHDAD 00000323 001.4 OF 002", KindPageBreak},
		{"NEW DELHI 00009127 003.2 OF 006 ", KindPageBreak},
		{"SECTION 02 OF 03", KindPageBreak},
		{"PAGE 02        CAPE T  00097  01 OF 03  182017Z", KindPageBreak},
		{"PAGE 04 RUEHFRA0170 S E C R E T", KindPageBreak},
		{"001.2 OF 003", KindPageBreak},
		{"C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000323", KindBanner},
		{"UNCLAS SECTION 01 OF 04 SAO PAULO 000689", KindBanner},
		{"S E C R E T PANAMA 000639", KindBanner},
		{"CONFIDENTIAL", KindBanner},
		{"SIPDIS", KindHandling},
		{"NOFORN", KindHandling},
		{"SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY", KindHandling},
		{"Wednesday, 29 November 2000, 13:59", KindHandling},
		{"E.O. 12958: DECL: 02/07/2019", KindEO},
		{"EO 12958 DECL: 06/04/2029", KindEO},
		{"E.0. 12958: DECL: 03/05/11", KindEO},
		{"TAGS: PGOV PREL UN IZ", KindTags},
		{"TAGS PGOV, PINS, ZI", KindTags},
		{"SUBJECT: UNSYG BAN KI MOON IN BAGHDAD", KindSubject},
		{"SUBJ:  ESSA MOOSA TALKS", KindSubject},
		{"REF: STATE 106206", KindRef},
		{"Classified By: Ambassador Ryan C. Crocker for reasons 1.4 (b) and (d).", KindClassifiedBy},
		{"CLASSIFIED BY: J. Chris Stevens, DCM", KindClassifiedBy},
		{"-------------", KindRule},
		{"- - - - - -", KindRule},
		{"-", KindRule},
		{"FM AMEMBASSY BAGHDAD", KindRouting},
		{"RUEHBUL/AMEMBASSY KABUL PRIORITY 0076", KindRouting},
		{"   ", KindBlank},
		{"The secret talks took place in section 2.", KindText},
		{"Subject to approval, the Ambassador agreed.", KindText},
		{"SECRET TALKS BEGAN IN MARCH", KindText},
		{"TO THE MINISTER, THIS WAS NEW", KindText},
	}
	for _, tt := range tests {
		if got := Classify(tt.line); got != tt.want {
			t.Errorf("Classify(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestBody(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // paragraphs joined with "|"
	}{
		{
			name: "page break mid-sentence",
			in:   "1. (C) The Ambassador noted that the UN\n\nBAGHDAD 00000323 002.5 OF 002\n\nteam's expertise was good.\n",
			want: "The Ambassador noted that the UN team's expertise was good.",
		},
		{
			name: "inline page break keeps the words around it",
			in:   "SUBJECT: AMBASSADOR MEETS EU POLICY PLANNING CHIEF BRUSSELS 00001257 001.2 OF 002\n",
			want: "AMBASSADOR MEETS EU POLICY PLANNING CHIEF",
		},
		{
			name: "hard-wrapped lines joined, paragraphs by marker",
			in:   "1. (C) Charge met November 1 with MFA Secretary for the\nAmericas Dr. Ahmed Fituri.\n2. (C) The CDA also requested\naccess.\n",
			want: "Charge met November 1 with MFA Secretary for the Americas Dr. Ahmed Fituri.|The CDA also requested access.",
		},
		{
			name: "blank line between every line",
			in:   "Summary\n\n1. (C) The DCM paid a farewell call on \n\nPresident Kirchner's closest advisor. \n\n \n\n2. (C) Zannini began \n\nthe discussion.\n",
			want: "Summary|The DCM paid a farewell call on President Kirchner's closest advisor.|Zannini began the discussion.",
		},
		{
			name: "header fields become metadata, subject a paragraph",
			in:   "C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000323\n\nSIPDIS\n\nE.O. 12958: DECL: 02/07/2019\n\nTAGS: PGOV PREL UN IZ\n\nSUBJECT: UNSYG BAN KI MOON IN BAGHDAD\n\nClassified By: Ambassador Ryan C. Crocker for reasons 1.4 (b) and (d).\n\n- Summary: Ban met Crocker.\n",
			want: "UNSYG BAN KI MOON IN BAGHDAD|Ambassador Ryan C. Crocker for reasons 1.4 (b) and (d).|Summary: Ban met Crocker.",
		},
		{
			name: "Q duplication artifact",
			in:   "He said that he had advised Prime Minister Maliki earlier in the day that Iraq's relations with QMinister Maliki earlier in the day that Iraq's relations with the U.S. should improve.\n",
			want: "He said that he had advised Prime Minister Maliki earlier in the day that Iraq's relations with the U.S. should improve.",
		},
		{
			name: "stray Q, Q and comma apostrophes, curly quotes",
			in:   "UNAMI’s work has been praised Q all of Iraq's communities. ChavezQs threats and Lebanon,s independence were “noted”.\n",
			want: "UNAMI's work has been praised all of Iraq's communities. Chavez's threats and Lebanon's independence were \"noted\".",
		},
		{
			name: "repair in a later paragraph keeps paragraph bounds",
			in:   "1. (C) First paragraph here.\n2. (C) The Minister’s “view”.\n3. (C) Third.\n",
			want: "First paragraph here.|The Minister's \"view\".|Third.",
		},
		{
			name: "real Q words stay",
			in:   "Qadhafi met the Emir of Qatar in Qom. Q: What next?\n",
			want: "Qadhafi met the Emir of Qatar in Qom. Q: What next?",
		},
		{
			name: "old page header between banners",
			in:   "2. THE SAG WILL ANNOUNCE THE\nCONFIDENTIAL\n \nCONFIDENTIAL\n \nPAGE 02        CAPE T  00097  01 OF 03  182017Z\n \nRELEASE OF MANDELA.\n",
			want: "THE SAG WILL ANNOUNCE THE RELEASE OF MANDELA.",
		},
		{
			name: "redactions kept",
			in:   "3. (C) XXXXXXXXXXXX told PolOff that xxxxxxxxxxxx had left.\n",
			want: "XXXXXXXXXXXX told PolOff that xxxxxxxxxxxx had left.",
		},
		{
			name: "line separators U+2028",
			in:   "1. (SBU) Mexico kept the peso and \u2028investor confidence stable.\u2028\u2028\u2028MEXICO 00002220 002 OF 008 \u2028\u2028\u2028\n",
			want: "Mexico kept the peso and investor confidence stable.",
		},
		{
			name: "headings stay apart, comma-ended heading lines join",
			in:   "Improved Security, Reduced U.S. Footprint,\nBut Continued Support\n\n16. (C) General Odierno spoke.\n",
			want: "Improved Security, Reduced U.S. Footprint, But Continued Support|General Odierno spoke.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Body(tt.in, 0)
			var got []string
			for _, p := range d.Paragraphs {
				got = append(got, d.Text.S[p.Start:p.End])
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("Body(%q)\n got  %q\n want %q", tt.in, g, tt.want)
			}
			checkMap(t, tt.in, d)
		})
	}
}

func TestFields(t *testing.T) {
	in := "UNCLAS SAN JOSE 000123\nTAGS: PGOV PINR ECON BR\nSUBJECT: DEPUTY SECRETARY STEINBERG'S MAY 30, 2009\nCONVERSATION WITH MINISTER MENTOR LEE\nREF: (A) SAO PAULO 676;\n(B) BRASILIA 1194\n\n1. (U) Text.\n"
	d := Body(in, 0)
	want := map[Kind]string{
		KindTags:    "PGOV PINR ECON BR",
		KindSubject: "DEPUTY SECRETARY STEINBERG'S MAY 30, 2009 CONVERSATION WITH MINISTER MENTOR LEE",
		KindRef:     "(A) SAO PAULO 676; (B) BRASILIA 1194",
	}
	for _, f := range d.Fields {
		if w, ok := want[f.Kind]; ok {
			if f.Value != w {
				t.Errorf("field %v = %q, want %q", f.Kind, f.Value, w)
			}
			delete(want, f.Kind)
		}
	}
	if len(want) > 0 {
		t.Errorf("fields not found: %v", want)
	}
	if d.BannerOrigin != "SAN JOSE" {
		t.Errorf("banner origin = %q, want SAN JOSE", d.BannerOrigin)
	}
}

func TestAllCaps(t *testing.T) {
	caps := strings.Repeat("THE MINISTER MET THE AMBASSADOR IN BAGHDAD ON TUESDAY. ", 5)
	if !Body("1. "+caps, 0).AllCaps {
		t.Error("capitals cable not flagged")
	}
	if Body("1. The Minister met the Ambassador. "+caps[:60], 0).AllCaps {
		t.Error("mixed-case cable flagged as capitals")
	}
}

// checkMap verifies the offset map of d against the original text: every
// paragraph maps inside the original, and every word of letters and digits
// maps to the same word there (white space aside, for words re-joined at a
// line-end hyphen).
func checkMap(t testing.TB, orig string, d Doc) {
	t.Helper()
	if d.Text.OrigLen() != len(orig) {
		t.Fatalf("map says original has %d bytes, it has %d", d.Text.OrigLen(), len(orig))
	}
	for _, p := range d.Paragraphs {
		if p.Start < 0 || p.End < p.Start || p.End > len(d.Text.S) {
			t.Fatalf("paragraph [%d,%d) outside text of %d bytes", p.Start, p.End, len(d.Text.S))
		}
		s, e := d.Text.Span(p.Start, p.End)
		if s < 0 || e < s || e > len(orig) {
			t.Fatalf("paragraph maps to [%d,%d), outside original of %d bytes", s, e, len(orig))
		}
	}
	text := d.Text.S
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && (isWordByte(text[j]) || text[j] == '-') {
			j++
		}
		w := text[i:j]
		s, e := d.Text.Span(i, j)
		if s < 0 || e < s || e > len(orig) {
			t.Fatalf("word %q at [%d,%d) maps to [%d,%d), outside original", w, i, j, s, e)
		}
		if got := strings.Join(strings.Fields(orig[s:e]), ""); got != w && !strings.Contains(w, "-") {
			t.Fatalf("word %q at [%d,%d) maps to %q", w, i, j, orig[s:e])
		}
		i = j
	}
}

func isWordByte(c byte) bool { return isLetter(c) || isDigit(c) }

func FuzzBody(f *testing.F) {
	for _, s := range []string{
		"1. (C) The Ambassador noted that the UN\n\nBAGHDAD 00000323 002.5 OF 002\n\nteam's expertise.\n",
		"SUBJECT: AMBASSADOR MEETS CHIEF BRUSSELS 00001257 001.2 OF 002\nREF: A. X 1\n(B) Y 2\n",
		"with QMinister Maliki earlier with QMinister Maliki earlier with the U.S.\n",
		"PAGE 02        CAPE T  00097  01 OF 03  182017Z\n¶3. (S//NF) Text\u2028more “quoted” ChavezQs Lebanon,s\n",
		"C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 005399 SIPDIS SIPDIS DEPT FOR EUR E.O. 12958: DECL: 11/02/2017 TAGS: EPET 1. (C) Summary: text",
	} {
		f.Add(s)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "sample", "text", "*.txt"))
	for _, p := range paths { // real cables
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Body(s, 0)
		if d.Text.OrigLen() != len(s) {
			t.Fatalf("OrigLen %d, want %d", d.Text.OrigLen(), len(s))
		}
		prev := 0
		for _, p := range d.Paragraphs {
			if p.Start < prev || p.End < p.Start || p.End > len(d.Text.S) {
				t.Fatalf("paragraph [%d,%d) out of order or outside %d bytes", p.Start, p.End, len(d.Text.S))
			}
			prev = p.End
		}
		for i := 0; i <= len(d.Text.S); i++ {
			for _, j := range []int{i, min(i+1, len(d.Text.S)), min(i+7, len(d.Text.S)), len(d.Text.S)} {
				a, b := d.Text.Span(i, j)
				if a < 0 || b < a || b > len(s) {
					t.Fatalf("Span(%d,%d) = [%d,%d) outside original of %d bytes", i, j, a, b, len(s))
				}
			}
		}
		for _, fl := range d.Fields {
			if fl.Start < 0 || fl.End < fl.Start || fl.End > len(s) {
				t.Fatalf("field %v at [%d,%d) outside original", fl.Kind, fl.Start, fl.End)
			}
		}
	})
}
