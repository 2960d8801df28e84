// Package normalize repairs what the cable dumps did to the text of a cable
// body and keeps a map from every normalized byte back to the text as read.
//
// It removes page-break lines ("BAGHDAD 00000323 001.4 OF 002", "SECTION 01
// OF 02", "PAGE 02 ...") even mid-sentence, classification banners,
// handling words (SIPDIS) and header fields (kept apart as Fields), strips
// paragraph markers ("- 12. (C)", "¶2.", "1.(C)") into Paragraphs, re-joins
// hard-wrapped lines into sentences, undoes layouts with a blank line after
// every line, and fixes "Q" duplication artifacts, "Q" and "," standing for
// apostrophes and curly quotes. Redactions stay as they are.
//
// In the pipeline it runs inside the parse stage (package cable); the
// extraction stages read Doc.Text and quote evidence from the original
// through Text.Span.
package normalize
