package relate

import (
	"strconv"
	"strings"
	"time"

	"github.com/cablegraph/cablegraph/cable"
)

// future reports a date after the cable was sent, by its date-time group
// (release dates are at times earlier than the cable's own).
func future(d *string, c *cable.Cable) bool {
	if d == nil || c.DateSource != "dtg" || c.Time.IsZero() {
		return false
	}
	return *d > c.Time.AddDate(0, 0, 1).Format("2006-01-02")
}

// relativeDay reports a sentence that opens with a day told from the one
// before it, and how many days after it: "Later that day", "That evening",
// "The same day" (0); "The next day", "The following morning" (1); "The
// previous day" (-1).
func relativeDay(ws []word) (int, bool) {
	for i := 0; i+1 < len(ws) && i < 3; i++ {
		a, b, c := ws[i].w, ws[i+1].w, wordAt(ws, i+2)
		switch {
		case a == "later" && (b == "that" && partOfDay(c) || b == "in" && c == "the" && partOfDay(wordAt(ws, i+3))):
			return 0, true
		case a == "that" && partOfDay(b) && b != "day":
			return 0, true
		case a == "same" && partOfDay(b):
			return 0, true
		case (a == "next" || a == "following") && (b == "day" || b == "morning"):
			return 1, true
		case (a == "previous" || a == "preceding") && (b == "day" || b == "evening" || b == "night"):
			return -1, true
		}
	}
	return 0, false
}

// slashDate reads a date written month/day or month/day/year at word i
// after "on", "an", "a", "the" or a possessive ("on 8/20", "an 11/9
// meeting", "on 1/20/2009", "Aguirre's 2/13/07 meeting"; not "9/11", an
// event).
func slashDate(text string, ws []word, i int) (time.Month, int, int, bool) {
	if i == 0 || i+1 >= len(ws) || len(ws[i].w) > 2 || ws[i+1].s != ws[i].e+1 || text[ws[i].e] != '/' {
		return 0, 0, 0, false
	}
	switch prev := ws[i-1].w; {
	case prev == "on" || prev == "an" || prev == "a" || prev == "the":
	case strings.HasSuffix(prev, "'s"): // "Ambassador Aguirre's 2/13/07 meeting"
	default:
		return 0, 0, 0, false
	}
	m, d := dayOfMonth(ws[i].w), dayOfMonth(ws[i+1].w)
	if m < 1 || m > 12 || d == 0 || len(ws[i+1].w) > 2 || m == 9 && d == 11 {
		return 0, 0, 0, false
	}
	y := 0
	if k := i + 2; k < len(ws) && ws[k].s == ws[i+1].e+1 && text[ws[i+1].e] == '/' {
		n, err := strconv.Atoi(ws[k].w)
		switch len(ws[k].w) {
		case 4:
			y = n
		case 2:
			y = 2000 + n // "1/20/09"
		}
		if err != nil || y < 1900 || y > 2100 {
			return 0, 0, 0, false
		}
	}
	return time.Month(m), d, y, true
}

// dayOfMonth reads a day of the month ("6", "6th", "21st"), 0 when w is
// none.
func dayOfMonth(w string) int {
	n := 0
	for _, c := range strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd"), "rd") {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	if n < 1 || n > 31 {
		return 0
	}
	return n
}

func partOfDay(w string) bool {
	switch w {
	case "day", "morning", "afternoon", "evening", "night":
		return true
	}
	return false
}

func wordAt(ws []word, i int) string {
	if i < len(ws) {
		return ws[i].w
	}
	return ""
}

// addDays returns the date d (YYYY-MM-DD) n days on.
func addDays(d string, n int) *string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return nil
	}
	s := t.AddDate(0, 0, n).Format("2006-01-02")
	return &s
}

var weekdayNames = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// findDate finds the date a sentence of text gives: "February 6", "6
// February", "February 6, 2009", "on 8/20", "an 11/9 meeting", "on
// 1/20/2009", a weekday or "yesterday"/"today" (relative to the cable's
// date-time group). A date without a year is in the year that puts it
// nearest the cable's date, later dates counting three times as far. Nil
// when the sentence gives none.
func findDate(text string, ws []word, cableTime time.Time) *string {
	if cableTime.IsZero() {
		return nil
	}
	year := func(k int) int {
		if k < len(ws) && len(ws[k].w) == 4 {
			y := 0
			for _, c := range ws[k].w {
				if c < '0' || c > '9' {
					return 0
				}
				y = y*10 + int(c-'0')
			}
			if y >= 1900 && y <= 2100 {
				return y
			}
		}
		return 0
	}
	var first *string // the first date, when every date is another event's
	for i, w := range ws {
		m, ok := cable.Month(w.w)
		d, y := 0, 0
		from, to := i, i+1 // the date's words
		if ok {
			switch {
			case i+1 < len(ws) && dayOfMonth(ws[i+1].w) > 0:
				d, y = dayOfMonth(ws[i+1].w), year(i+2)
				to = i + 2
			case i > 0 && dayOfMonth(ws[i-1].w) > 0:
				d, y = dayOfMonth(ws[i-1].w), year(i+1)
				from = i - 1
			}
			if y != 0 {
				to++
			}
		} else if mm, dd, yy, ok := slashDate(text, ws, i); ok {
			m, d, y = mm, dd, yy
			to = i + 2
			if y != 0 {
				to++
			}
		}
		var s string
		if d != 0 {
			if y == 0 {
				// the year that puts the date nearest the cable's, days
				// after it counting three times (cables report what has
				// happened): "December 28" in a January cable is last
				// year's, "March 5" in a cable dated March 2 (a release
				// date, at times early) this year's
				y = cableTime.Year()
				this := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				if after := this.Sub(cableTime); after > 0 && 3*after > cableTime.Sub(this.AddDate(-1, 0, 0)) {
					y--
				}
			}
			t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
			if t.Day() != d {
				continue
			}
			s = t.Format("2006-01-02")
		} else if wd, ok := weekdayNames[w.w]; ok && !deadline(ws, i) {
			t := cableTime
			for t.Weekday() != wd {
				t = t.AddDate(0, 0, -1)
			}
			s = t.Format("2006-01-02")
		} else {
			switch w.w {
			case "yesterday":
				s = cableTime.AddDate(0, 0, -1).Format("2006-01-02")
			case "today":
				s = cableTime.Format("2006-01-02")
			default:
				continue
			}
		}
		if !otherEvent(ws, from, to) {
			return &s
		}
		if first == nil {
			first = &s
		}
	}
	return first
}

// deadline reports a weekday told as a time to come ("by Monday", "until
// Friday", "next Tuesday"), not the day something happened.
func deadline(ws []word, i int) bool {
	if i == 0 {
		return false
	}
	switch ws[i-1].w {
	case "by", "until", "till", "before", "next", "coming":
		return true
	}
	return false
}

// otherEvent reports a date that names an event other than a meeting, the
// words [from, to) being the date: an attribute of a noun after "the", "a"
// or a possessive ("the March 2 police assault", "a December 23, 2009
// diplomatic note", "Feltman's March 31 remarks"), not of a meeting ("In a
// February 15 meeting with", "an 11/9 phone call", "an October 13 visit").
func otherEvent(ws []word, from, to int) bool {
	if from == 0 || to >= len(ws) {
		return false
	}
	switch prev := ws[from-1].w; {
	case prev == "the" || prev == "a" || prev == "an" || strings.HasSuffix(prev, "'s"):
	default:
		return false
	}
	for k := to; k < len(ws) && k < to+3; k++ {
		if meetingNoun[ws[k].w] {
			return false
		}
	}
	switch ws[to].w {
	case "and", "or", "to", "in", "at", "on", "with", "for", "of", "by":
		return false // "the March 2 and 3 talks" aside, a date alone
	}
	return true
}

// meetingNoun are the nouns of an occasion whose date is a meeting's.
var meetingNoun = map[string]bool{"meeting": true, "meetings": true, "conversation": true, "call": true, "calls": true,
	"phone": true, "telephone": true, "telcon": true, "discussion": true, "discussions": true, "talks": true,
	"lunch": true, "luncheon": true, "dinner": true, "breakfast": true, "session": true, "visit": true,
	"audience": true, "demarche": true, "bilateral": true, "meet": true, "encounter": true, "exchange": true,
	"consultations": true, "videoconference": true, "dvc": true, "vtc": true, "roundtable": true, "courtesy": true}
