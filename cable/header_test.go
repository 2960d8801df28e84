package cable

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestFindDTG(t *testing.T) {
	tests := []struct {
		in      string
		dtg     string
		when    string
		wantErr bool
	}{
		{"P 080801Z FEB 09", "080801Z FEB 09", "2009-02-08T08:01:00Z", false},
		{"O R 070914Z NOV 07\nFM AMEMBASSY TRIPOLI", "070914Z NOV 07", "2007-11-07T09:14:00Z", false},
		{"P R 281848Z DEC 66", "281848Z DEC 66", "1966-12-28T18:48:00Z", false},
		{"291359Z Nov 00", "291359Z NOV 00", "2000-11-29T13:59:00Z", false},
		{"R 171512Z JAN 1990", "171512Z JAN 1990", "1990-01-17T15:12:00Z", false},
		{"ZNY CCCCC ZZH\nO 162023Z NOV 07", "162023Z NOV 07", "2007-11-16T20:23:00Z", false},
		{"P 300801Z FEB 09", "", "", true},  // no February 30
		{"P 082501Z FEB 09", "", "", true},  // no hour 25
		{"P 080801Z FOO 09", "", "", false}, // no month: not a DTG
		{"1234567Z FEB 09", "", "", false},  // seven digits
		{"PAGE 02 HARARE 06677 01 OF 03 291400Z", "", "", false},
		{"no date here", "", "", false},
	}
	for _, tt := range tests {
		dtg, when, err := FindDTG(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("FindDTG(%q) err = %v, want error %v", tt.in, err, tt.wantErr)
		}
		if dtg != tt.dtg {
			t.Errorf("FindDTG(%q) = %q, want %q", tt.in, dtg, tt.dtg)
		}
		if tt.when != "" && when.Format(time.RFC3339) != tt.when {
			t.Errorf("FindDTG(%q) time = %v, want %s", tt.in, when, tt.when)
		}
	}
}

func TestParseCreated(t *testing.T) {
	for in, want := range map[string]string{
		"2/8/2009 08:01":   "2009-02-08T08:01:00Z",
		"12/28/1966 18:06": "1966-12-28T18:06:00Z",
		"2006-07-21 21:09": "2006-07-21T21:09:00Z",
	} {
		got, err := ParseCreated(in)
		if err != nil || got.Format(time.RFC3339) != want {
			t.Errorf("ParseCreated(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	if _, err := ParseCreated("yesterday"); err == nil {
		t.Error("ParseCreated(yesterday) did not fail")
	}
}

func TestHeaderEnd(t *testing.T) {
	seed := "VZCZCXRO0211\n\nPP RUEHBC RUEHDE\n\nDE RUEHGB #0323/01 0390801\n\nZNY CCCCC ZZH\n\nP 080801Z FEB 09\n\nFM AMEMBASSY BAGHDAD\n\nTO RUEHC/SECSTATE WASHDC PRIORITY 1602\n\nINFO RUCNRAQ/IRAQ COLLECTIVE\n\nRUEHGV/USMISSION GENEVA 0289\n\nC O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000323\n"
	tests := []struct {
		in   string
		want string // the text where the body starts
	}{
		{seed, "C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000323\n"},
		{"R 040908Z JUN 09\nFM AMEMBASSY SINGAPORE\nTO SECSTATE WASHDC 6790\nINFO ASEAN REGIONAL FORUM COLLECTIVE\nS E C R E T SINGAPORE 000529\n", "S E C R E T SINGAPORE 000529\n"},
		{"C O N F I D E N T I A L BAGHDAD 000323\nSIPDIS\n", "C O N F I D E N T I A L BAGHDAD 000323\nSIPDIS\n"},
		{"TO THE MINISTER\nFrom the desk\n", "TO THE MINISTER\nFrom the desk\n"}, // no FM or DTG: no header
	}
	for _, tt := range tests {
		if got := tt.in[HeaderEnd(tt.in):]; got != tt.want {
			t.Errorf("HeaderEnd(%q): body = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseTags(t *testing.T) {
	tests := map[string][]string{
		"PGOV PREL UN IZ": {"PGOV", "PREL", "UN", "IZ"},
		"PREL, GM, VT":    {"PREL", "GM", "VT"},
		"OVIP (STEINBERG, JAMES B.), PREL, MNUC, KN": {"OVIP (STEINBERG, JAMES B.)", "PREL", "MNUC", "KN"},
		"": {},
		"PGOV ECON PINR ELAB IT EUN ITPGOV EUN ITALIAN POLITICS": {"PGOV", "ECON", "PINR", "ELAB", "IT", "EUN", "ITALIAN POLITICS"},
		"PREL AF PK IN VT VTPREL":                                {"PREL", "AF", "PK", "IN", "VT"},
		"PHUM OPRC IT ITPHUM HUMAN RIGHTS":                       {"PHUM", "OPRC", "IT", "HUMAN RIGHTS"},
		"KIPR ETRD BR IPR Refs: A) 2003 Sao Paulo 2199":          {"KIPR", "ETRD", "BR", "IPR"},
		"PGOV, PREL; SOCI":                                       {"PGOV", "PREL", "SOCI"},
		"KFRDCVISCMGTCASCKOCIASECPHUMSMIGEG":                     {"KFRD", "CVIS", "CMGT", "CASC", "KOCI", "ASEC", "PHUM", "SMIG", "EG"},
	}
	for in, want := range tests {
		if got := ParseTags(in); !reflect.DeepEqual(got, want) {
			t.Errorf("ParseTags(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseRefs(t *testing.T) {
	tests := []struct {
		in   string
		want []Ref
	}{
		{"A. 05 BUENOS AIRES 00141 B. BUENOS AIRES 01610", []Ref{{"A. 05 BUENOS AIRES 00141", "05BUENOSAIRES141"}, {"B. BUENOS AIRES 01610", "09BUENOSAIRES1610"}}},
		{"A) STATE 135205; B) STATE 127608", []Ref{{"A) STATE 135205", "09STATE135205"}, {"B) STATE 127608", "09STATE127608"}}},
		{"(A) SAO PAULO 676; (B) BRASILIA 1194", []Ref{{"(A) SAO PAULO 676", "09SAOPAULO676"}, {"(B) BRASILIA 1194", "09BRASILIA1194"}}},
		{"STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966", []Ref{{"STATE 106206 CIRCULAR", "09STATE106206"}, {"STATE CA-3400 NOV 2, 1966", ""}}},
		{"A. 2008 SECSTATE 12345 B. YOUR 123 C. REFTEL", []Ref{{"A. 2008 SECSTATE 12345", "08STATE12345"}, {"B. YOUR 123", ""}, {"C. REFTEL", ""}}},
		{"STATE 99488 24 SEP 2008", []Ref{{"STATE 99488 24 SEP 2008", "08STATE99488"}}},
		{"Tel Aviv 2446 (NOTAL)", []Ref{{"Tel Aviv 2446 (NOTAL)", "08TELAVIV2446"}}},
		{"Tel Aviv 246", []Ref{{"Tel Aviv 246", "09TELAVIV246"}}},
		{"A.", nil},
		{"D. 09 THE HAGUE 759", []Ref{{"D. 09 THE HAGUE 759", "09THEHAGUE759"}}},
		{"A. 09BOGOTA1506 B. 08BOGOTA3359", []Ref{{"A. 09BOGOTA1506", "09BOGOTA1506"}, {"B. 08BOGOTA3359", "08BOGOTA3359"}}},
		{"Buenos Aires 230 Buenos Aires 164", []Ref{{"Buenos Aires 230", "09BUENOSAIRES230"}, {"Buenos Aires 164", "09BUENOSAIRES164"}}},
		{"SECSTATE 170928", []Ref{{"SECSTATE 170928", "09STATE170928"}}},
		{"THE 123", []Ref{{"THE 123", ""}}},
		{"B. BEIJING5237", []Ref{{"B. BEIJING5237", "09BEIJING5237"}}},
		{"BRASILIA 715 AND 660", []Ref{{"BRASILIA 715", "09BRASILIA715"}, {"and 660", "09BRASILIA660"}}},
		{"A. 09 KL 1016 B. HAGUE 264", []Ref{{"A. 09 KL 1016", "09KL1016"}, {"B. HAGUE 264", "09HAGUE264"}}},
		{"D. TLV 76 E. TELAVIVV 77 F. TAIPEI 78", []Ref{{"D. TLV 76", "09TELAVIV76"}, {"E. TELAVIVV 77", "09TELAVIV77"}, {"F. TAIPEI 78", "09TAIPEI78"}}},
	}
	for _, tt := range tests {
		if got := ParseRefs(tt.in, "09TELAVIV413", 2009, 60); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseRefs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// on January 2, a STATE number that high is of the year before
	if got := ParseRefs("SECSTATE 170928", "08RIYADH7", 2008, 2); len(got) != 1 || got[0].RefID != "07STATE170928" {
		t.Errorf("SECSTATE 170928 cited on 2 January 2008: %q", got)
	}
}

func TestClassifiedBy(t *testing.T) {
	tests := []struct {
		in, name, office string
	}{
		{"Ambassador Ryan C. Crocker for reasons 1.4 (b) and (d).", "Ryan C. Crocker", "Ambassador"},
		{"CDA, a.i., Hugo Llorens, Reasons 1.4(b) and (d)", "Hugo Llorens", "CDA, a.i."},
		{"J. Chris Stevens, DCM, U.S. Embassy Tripoli, Dept of State.", "J. Chris Stevens", "DCM, U.S. Embassy Tripoli, Dept of State"},
		{"Economic-Political Counselor Stephen O'Dowd for reason 1.4(d)", "Stephen O'Dowd", "Economic-Political Counselor"},
		{"Charge d'Affaires Daniel L. Shields. Reason 1.4 (b) and (d).", "Daniel L. Shields", "Charge d'Affaires"},
		{"AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).", "TOM MCDONALD", "AMBASSADOR"},
		{"Ambassador Zalmay Khalilzad for reasons 1.4 (b) and (d).", "Zalmay Khalilzad", "Ambassador"},
	}
	p := defaultParser(t)
	for _, tt := range tests {
		got := p.ClassifiedBy(tt.in)
		if got.Name != tt.name || got.Office != tt.office {
			t.Errorf("ClassifiedBy(%q) = name %q office %q, want %q, %q", tt.in, got.Name, got.Office, tt.name, tt.office)
		}
	}
}

func TestFindSigner(t *testing.T) {
	tests := map[string]string{
		"Ambassador Crocker remarked that it would be welcome. CROCKER": "CROCKER",
		"...played before.\n\nCROCKER\n":                                "CROCKER",
		"with the U.S. mission. Khalilzad":                              "Khalilzad",
		"¶3. (C) XXXXXXXXXXXX SCOBEY":                                   "SCOBEY",
		"End comment.\n\nVAN VOORST\n":                                  "VAN VOORST",
		"criticized the center-right. END COMMENT. \nBORG \n\"":         "BORG",
		"existing base.\nWOOD\n\n=======CABLE ENDS=======":              "WOOD",
		"End comment. STEVENS 0 11/20/2007":                             "STEVENS",
		"Please visit our website.\n\nGodec":                            "Godec",
		"and the talks ended.\n\nEND SUMMARY.":                          "",
		"the discussions were productive and will continue":             "",
	}
	for in, want := range tests {
		s, e := FindSigner(in, 0)
		if got := in[s:e]; got != want {
			t.Errorf("FindSigner(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOriginName(t *testing.T) {
	for in, want := range map[string]string{
		"AMEMBASSY BAGHDAD":       "Embassy Baghdad",
		"AMCONSUL SAO PAULO":      "Consulate Sao Paulo",
		"USMISSION USUN NEW YORK": "Mission USUN New York",
		"SECSTATE WASHDC":         "Secretary of State",
		"USEU BRUSSELS":           "USEU Brussels",
	} {
		if got := OriginName(in); got != want {
			t.Errorf("OriginName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBannerClassification(t *testing.T) {
	for in, want := range map[string]string{
		"C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000323": "CONFIDENTIAL",
		"UNCLAS SECTION 01 OF 04 SAO PAULO 000689":                "UNCLASSIFIED",
		"S E C R E T PANAMA 000639":                               "SECRET",
		"SECRET//NOFORN BAGHDAD 000123":                           "SECRET//NOFORN",
		"":                                                        "",
	} {
		if got := BannerClassification(in); got != want {
			t.Errorf("BannerClassification(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRefIDFromBanner(t *testing.T) {
	when := time.Date(2009, 2, 8, 0, 0, 0, 0, time.UTC)
	if got := RefIDFromBanner("BAGHDAD", "C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 000323", when); got != "09BAGHDAD323" {
		t.Errorf("RefIDFromBanner = %q, want 09BAGHDAD323", got)
	}
	if got := RefIDFromBanner("USUN NEW YORK", "C O N F I D E N T I A L USUN NEW YORK 001034", when.AddDate(-2, 0, 0)); got != "07USUNNEWYORK1034" {
		t.Errorf("RefIDFromBanner = %q, want 07USUNNEWYORK1034", got)
	}
	if got := RefIDFromBanner("", "SECRET", when); got != "" {
		t.Errorf("RefIDFromBanner without origin = %q, want empty", got)
	}
}

func FuzzFindDTG(f *testing.F) {
	for _, s := range []string{"P 080801Z FEB 09", "291359Z Nov 00", "R 171512Z JAN 1990", "P 300801Z FEB 09", "Z", "000000Z JAN 00"} {
		f.Add(s)
	}
	for _, s := range sampleTexts(f) {
		f.Add(s[:min(len(s), 400)]) // the routing header of a real cable
	}
	f.Fuzz(func(t *testing.T, s string) {
		dtg, when, err := FindDTG(s)
		if dtg != "" && (err != nil || when.IsZero()) {
			t.Fatalf("FindDTG(%q) = %q, %v, %v", s, dtg, when, err)
		}
		if dtg != "" && (when.Year() < 1900 || when.Year() > 9999) {
			t.Fatalf("FindDTG(%q) year %d", s, when.Year())
		}
	})
}

func FuzzHeader(f *testing.F) {
	f.Add("VZCZCXRO0211\n\nP 080801Z FEB 09\n\nFM AMEMBASSY BAGHDAD\nTO RUEHC/SECSTATE WASHDC\nC O N F I D E N T I A L BAGHDAD 000323\nSIPDIS\nSUBJECT: X\n\nText. CROCKER")
	f.Add("Classified By: Ambassador Ryan C. Crocker for reasons 1.4 (b) and (d).")
	for _, s := range sampleTexts(f) {
		f.Add(s)
	}
	p := defaultParser(f)
	f.Fuzz(func(t *testing.T, s string) {
		e := HeaderEnd(s)
		if e < 0 || e > len(s) {
			t.Fatalf("HeaderEnd out of range: %d", e)
		}
		a, b := FindSigner(s, e)
		if a < 0 || b < a || b > len(s) || (b > 0 && a < e) {
			t.Fatalf("FindSigner = [%d,%d) for body at %d of %d", a, b, e, len(s))
		}
		p.ClassifiedBy(s)
		for _, tag := range ParseTags(s) {
			if tag == "" || strings.TrimSpace(tag) != tag {
				t.Fatalf("ParseTags gives an empty or padded tag %q", tag)
			}
		}
		TagsInText(s)
		if v := ClassifiedByInText(s); len(v) > len(s) {
			t.Fatalf("ClassifiedByInText grew %q", s)
		}
		ParseRefs(SubjectRefs(s), "09X1", 2009, 100)
		if sub := CleanSubject(s); len(sub) > len(s) {
			t.Fatalf("CleanSubject grew %q", s)
		}
		for _, r := range ParseRefs(s, "09X1", 2009, 100) {
			if r.Text == "" || r.RefID != "" && (len(r.RefID) < 4 || !allDigits(r.RefID[:2])) {
				t.Fatalf("ParseRefs gives %+v", r)
			}
		}
		c, err := p.Parse(Raw{Text: s, RefID: "X"})
		if err == nil && c.RefID != "X" {
			t.Fatalf("refid lost")
		}
	})
}

// sampleTexts are the bundled sample's plain-text cables: real seeds for
// the fuzz targets.
func sampleTexts(f *testing.F) []string {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "sample", "text", "*.txt"))
	var texts []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

func TestCleanSubject(t *testing.T) {
	tests := map[string]string{
		"(C) PM'S ADVISOR ON RENEWED REPARATIONS CLAIMS":                                                         "PM'S ADVISOR ON RENEWED REPARATIONS CLAIMS",
		"(S/NF) NIGERIA: xxxxxxxxxxxx Ref: a. ABUJA 320":                                                         "NIGERIA: xxxxxxxxxxxx",
		"ARAB DIPLOMATS WEIGH BRAZIL'S READINESS TO HOST SUMMIT REF:":                                            "ARAB DIPLOMATS WEIGH BRAZIL'S READINESS TO HOST SUMMIT",
		"FBI DIRECTOR MUELLER'S VISIT TO EGYPTREF: CAIRO 493":                                                    "FBI DIRECTOR MUELLER'S VISIT TO EGYPT",
		"LABOR LEADERS DIFFER SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY. ------- SUMMARY -------":  "LABOR LEADERS DIFFER",
		"SCENESETTER FOR AMBASSADOR CROCKER'S VISIT TO CAIROClassified By: DEPUTY CHIEF OF MISSION STUART JONES": "SCENESETTER FOR AMBASSADOR CROCKER'S VISIT TO CAIRO",
		"RIO STATE SECURITY CHIEF OPTIMISTIC ABOUT COMBATING CRIME, DRUGS Summary -------":                       "RIO STATE SECURITY CHIEF OPTIMISTIC ABOUT COMBATING CRIME, DRUGS",
		"AFRO-BRAZILIAN LEADERS DEBUNK MYTH OF RACIAL DEMOCRACY IN BRAZIL Summary":                               "AFRO-BRAZILIAN LEADERS DEBUNK MYTH OF RACIAL DEMOCRACY IN BRAZIL",
		"FRAUD SUMMARY - ICELAND":                           "FRAUD SUMMARY - ICELAND",
		"PRODDING LIBYA TO ACTION ON TIME SENSITIVE ISSUES": "PRODDING LIBYA TO ACTION ON TIME SENSITIVE ISSUES",
		"REFORM OF THE PENAL CODE":                          "REFORM OF THE PENAL CODE",
	}
	for in, want := range tests {
		if got := CleanSubject(in); got != want {
			t.Errorf("CleanSubject(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMonth(t *testing.T) {
	tests := []struct {
		in   string
		want time.Month
		ok   bool
	}{
		{"FEB", time.February, true},
		{"Feb", time.February, true},
		{"february", time.February, true},
		{"May", time.May, true},
		{"Sept", time.September, true},
		{"SEP", time.September, true},
		{"DEC", time.December, true},
		{"Febr", 0, false},
		{"", 0, false},
		{"Monday", 0, false},
	}
	for _, tt := range tests {
		if got, ok := Month(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("Month(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
