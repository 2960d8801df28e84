package cable

import (
	"fmt"
	"io"
	"strings"
)

// Render writes a cable for people to read: its metadata, then its
// normalized text paragraph by paragraph, each labelled with its marker
// or kind. `cablegraph inspect` prints this, and the golden files hold it.
func Render(w io.Writer, c *Cable) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", c.RefID)
	fmt.Fprintf(&b, "source:         %s\n", c.Source)
	fmt.Fprintf(&b, "date:           %s (%s) %s\n", c.DateTime, c.DateSource, c.DTG)
	fmt.Fprintf(&b, "origin:         %s\n", c.Origin)
	fmt.Fprintf(&b, "classification: %s\n", c.Classification)
	fmt.Fprintf(&b, "subject:        %s\n", c.Subject)
	fmt.Fprintf(&b, "tags:           %s\n", strings.Join(c.Tags, " "))
	if c.ClassifiedBy != nil {
		fmt.Fprintf(&b, "classified by:  %s (office: %s)\n", c.ClassifiedBy.Name, c.ClassifiedBy.Office)
	}
	fmt.Fprintf(&b, "signer:         %s\n", c.Signer)
	refs := make([]string, len(c.Refs))
	for i, r := range c.Refs {
		refs[i] = r.Text
		if r.RefID != "" {
			refs[i] += " (" + r.RefID + ")"
		}
	}
	fmt.Fprintf(&b, "refs:           %s\n", strings.Join(refs, "; "))
	if len(c.Addressees) > 0 {
		fmt.Fprintf(&b, "addressees:     %s\n", strings.Join(c.Addressees, " | "))
	}
	fmt.Fprintf(&b, "all caps:       %v\n", c.AllCaps)
	for _, wn := range c.Warnings {
		fmt.Fprintf(&b, "warning:        %s\n", wn)
	}
	b.WriteString("\n")
	for _, p := range c.Doc.Paragraphs {
		label := string(p.Kind)
		if p.Marker != "" {
			label = p.Marker
		}
		fmt.Fprintf(&b, "[%s] %s\n\n", label, c.Doc.Text.S[p.Start:p.End])
	}
	_, err := io.WriteString(w, b.String())
	return err
}
