package relate

import (
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
// "The same day" (0); "The next day", "The following morning" (1).
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
		}
	}
	return 0, false
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

// findDate finds the date a sentence gives: "February 6", "6 February",
// "February 6, 2009", a weekday or "yesterday"/"today" (relative to the
// cable's date-time group). A date without a year is in the year that
// puts it nearest the cable's date, later dates counting three times as
// far. Nil when the sentence gives none.
func findDate(ws []word, cableTime time.Time) *string {
	if cableTime.IsZero() {
		return nil
	}
	day := func(s string) int {
		n := 0
		for _, c := range strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "th"), "st"), "nd"), "rd") {
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
	for i, w := range ws {
		if m, ok := cable.Month(w.w); ok {
			d, y := 0, 0
			switch {
			case i+1 < len(ws) && day(ws[i+1].w) > 0:
				d, y = day(ws[i+1].w), year(i+2)
			case i > 0 && day(ws[i-1].w) > 0:
				d, y = day(ws[i-1].w), year(i+1)
			}
			if d == 0 {
				continue
			}
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
			s := t.Format("2006-01-02")
			return &s
		}
		if wd, ok := weekdayNames[w.w]; ok {
			t := cableTime
			for t.Weekday() != wd {
				t = t.AddDate(0, 0, -1)
			}
			s := t.Format("2006-01-02")
			return &s
		}
		switch w.w {
		case "yesterday":
			s := cableTime.AddDate(0, 0, -1).Format("2006-01-02")
			return &s
		case "today":
			s := cableTime.Format("2006-01-02")
			return &s
		}
	}
	return nil
}
