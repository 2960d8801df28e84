// Package audit measures the precision of a run's meetings by hand. It
// draws a random sample of the meetings in a cables.jsonl (Draw), renders
// them as a Markdown worksheet with each meeting's cable, participants,
// evidence and the paragraph around it (Render), reads a filled-in
// worksheet back (Parse) and counts the verdicts (Tally).
//
// A worksheet has one section per meeting, headed
//
//	## 3. 09BAGHDAD323, meeting 2
//
// (the draw's number, the cable and which of its meetings), and in each
// section one verdict line and one note:
//
//	verdict: meeting=? people=? ids=? date=?
//	note:
//
// A person replaces each ? with y (right), n (wrong) or - (cannot be
// judged: people, ids or date of something that is not a meeting). Every
// other line is for the reader and is ignored when the worksheet is read:
// text from cables is always quoted ("> ") or listed ("- "), so it never
// looks like a heading, a verdict or a note.
package audit
