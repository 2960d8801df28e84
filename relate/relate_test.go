package relate

import (
	"sort"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/rules"
)

func meetings(t *testing.T, text string) string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, err := cable.Parse(cable.Raw{RefID: "09TEST1", Created: "2/8/2009 08:01", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	res := extract.New(set).Cable(c)
	var out []string
	for _, m := range New(set).Cable(c, &res) {
		s := strings.Join(m.Participants, "+") + " " + m.Kind + " " + deref(m.Date)
		if m.Place != nil {
			s += " @" + *m.Place
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func TestMeetings(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"met with, date, place", "1. (C) Amb Khalilzad met November 9 with UK national Andrew Gilmour in New York.",
			"andrew-gilmour+khalilzad meeting 2008-11-09 @New York"},
		{"in a meeting with", "1. (C) In a February 6 meeting with Ambassador Crocker, Prime Minister Maliki said so.",
			"crocker+maliki meeting 2009-02-06"},
		{"a list of calls", "1. (C) UN Secretary General Ban Ki Moon visited Baghdad February 6, meeting with President Talabani, Prime Minister Maliki and Vice Presidents Hashimi and Abdul Mehdi.",
			"abdul-mehdi+ban-ki-moon meeting 2009-02-06 @Baghdad; ban-ki-moon+hashimi meeting 2009-02-06 @Baghdad; ban-ki-moon+maliki meeting 2009-02-06 @Baghdad; ban-ki-moon+talabani meeting 2009-02-06 @Baghdad"},
		{"accompanied by and a pronoun", "1. (C) UN Secretary General Ban Ki Moon arrived on February 6. Accompanied by SRSG Staffan di Mistura, he met with General Odierno.",
			"ban-ki-moon+odierno+staffan-de-mistura meeting 2009-02-06"},
		{"a call, earlier, undated", "1. (C) UN Secretary General Ban Ki Moon arrived on February 6. Ban noted that President Obama had called him.",
			"ban-ki-moon+barack-obama call "},
		{"weekday", "1. (C) President Obama telephoned President Lee on Thursday.",
			"barack-obama+lee call 2009-02-05"},
		{"plans and refusals are no meetings", "1. (C) Prime Minister Maliki will meet President Talabani. General Odierno declined to meet Foreign Minister Zebari. Ambassador Crocker hopes to meet with President Barzani.",
			""},
		{"no one named after the phrase", "1. (C) Ambassador Crocker met with the press at Foreign Minister Zebari's house.",
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetings(t, tt.text); got != tt.want {
				t.Errorf("meetings of %q\n got  %s\n want %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	text := "Ambassador Ryan C. Crocker met the U.S. team. Then Amb. Smith left! Did he? Yes."
	var got []string
	for _, s := range sentences(text, 0, len(text)) {
		got = append(got, text[s[0]:s[1]])
	}
	want := "Ambassador Ryan C. Crocker met the U.S. team.|Then Amb. Smith left!|Did he?|Yes."
	if strings.Join(got, "|") != want {
		t.Errorf("sentences = %q", got)
	}
}
