package normalize

import "strings"

// Marker is a paragraph marker at the start of a line: "12. (C)", "- 12. (C)",
// "¶2.", "1.(C)", "(S//NF)", "A.", "--".
type Marker struct {
	End    int    // bytes of the line the marker takes, with the spaces after it
	Number string // "12", "2", "A"; empty when the marker has none
	Class  string // the paragraph's classification: "C", "SBU", "S//NF"; may be empty
	// Strong markers (a pilcrow, a number with a classification, or a
	// classification alone) start a paragraph wherever they stand; weak ones
	// (a bare number or letter, a dash bullet) only after a sentence ends.
	Strong bool
}

// portion markings that may stand in parentheses at a paragraph start.
var classMarks = map[string]bool{
	"U": true, "C": true, "S": true, "TS": true, "SBU": true, "LOU": true, "FOUO": true,
	"U/FOUO": true, "U//FOUO": true, "S/NF": true, "S//NF": true, "C/NF": true, "C//NF": true,
	"S/REL": true, "C/REL": true, "SBU/NF": true, "U/SBU": true, "S NF": true, "S-NF": true,
	"TS/NF": true, "TS//NF": true, "S//NOFORN": true, "C//NOFORN": true, "S/NOFORN": true,
	"C/NOFORN": true, "U//SBU": true, "SBU//NF": true, "C/ NF": true, "S/ NF": true, "CONFIDENTIAL": true,
	"UNCLASSIFIED": true, "SECRET": true,
}

// ParseMarker recognizes a paragraph marker at the start of line (which has
// no leading white space). ok is false when the line starts with prose.
func ParseMarker(line string) (m Marker, ok bool) {
	i := 0
	bullet := false
	// "- 12. (C)" and "-- text": a dash bullet.
	if strings.HasPrefix(line, "-") {
		j := 0
		for j < len(line) && j < 3 && line[j] == '-' {
			j++
		}
		if j < len(line) && line[j] == ' ' {
			bullet = true
			i = skipSpaces(line, j)
		} else {
			return m, false
		}
	}
	pilcrow := false
	if strings.HasPrefix(line[i:], "¶") {
		pilcrow = true
		i = skipSpaces(line, i+len("¶"))
	}
	// a number "12." "12)" "(12)" "1A." or a letter "A." "(A)"
	num := ""
	if j, n := numberAt(line, i); j > i {
		num = n
		i = skipSpaces(line, j)
	}
	class := ""
	if i < len(line) && line[i] == '(' {
		if k := strings.IndexByte(line[i:], ')'); k > 1 && k <= 14 {
			c := strings.TrimSpace(line[i+1 : i+k])
			if classMarks[strings.ToUpper(c)] {
				class = c
				i = skipSpaces(line, i+k+1)
			}
		}
	}
	if !bullet && !pilcrow && num == "" && class == "" {
		return m, false
	}
	m = Marker{End: i, Number: num, Class: class}
	m.Strong = pilcrow || class != "" || (bullet && num != "")
	// a number alone must be followed by prose starting with a capital, a
	// quote or a parenthesis, so "5 percent" or "1.4 (b)" are not markers.
	if !m.Strong && num != "" {
		if i >= len(line) || !(isUpper(line[i]) || line[i] == '"' || line[i] == '(' || line[i] == '-') {
			return Marker{}, false
		}
	}
	if bullet && num == "" && class == "" && !pilcrow {
		// "-- text": a dash bullet starts a list item only.
		m.Strong = false
	}
	return m, true
}

// numberAt parses a paragraph number at line[i:]: "12." "12)" "(12)" "1A."
// "A." "(a)". It returns the end (after the dot or bracket) and the number.
func numberAt(line string, i int) (int, string) {
	open := i < len(line) && line[i] == '('
	j := i
	if open {
		j++
	}
	k := skipDigits(line, j)
	digits := k - j
	if digits > 2 {
		return i, ""
	}
	if digits == 0 {
		// a single letter "A." or "(a)"
		if k < len(line) && isLetter(line[k]) && (k+1 >= len(line) || !isLetter(line[k+1])) {
			k++
		} else {
			return i, ""
		}
	} else if k < len(line) && isLetter(line[k]) && k+1 < len(line) && (line[k+1] == '.' || line[k+1] == ')') {
		k++ // "1A."
	}
	if k >= len(line) {
		return i, ""
	}
	switch {
	case open && line[k] == ')':
	case !open && (line[k] == '.' || line[k] == ')'):
	default:
		return i, ""
	}
	n := line[j:k]
	k++
	// "1.4" and "U.S." are not markers: the dot must not be followed by a
	// digit or a letter.
	if k < len(line) && (isDigit(line[k]) || (isLetter(line[k]) && digits == 0)) {
		return i, ""
	}
	return k, n
}
