package source

import (
	"bytes"
	"errors"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page is what a release HTML page holds.
type page struct {
	refID, created, released, classification, origin string
	header, content                                  string
}

// parseHTML reads a release page (cable/YYYY/MM/REFID.html): the metadata
// table (class "cable": reference id, created, released, classification,
// origin) and the two <pre> blocks (routing header, then content). Links
// inside the text are dropped and their text kept; entities are decoded.
func parseHTML(data []byte) (page, error) {
	var p page
	z := html.NewTokenizer(bytes.NewReader(data))
	var (
		inTable, inCell, inPre bool
		tableDepth             int
		cells                  []string
		cell, pre              strings.Builder
		pres                   []string
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if len(cells) < 5 && len(pres) == 0 {
				return p, errors.New("HTML page without the cable table or text: not a release cable page")
			}
			if len(cells) >= 5 {
				p.refID, p.created, p.released, p.classification, p.origin = cells[0], cells[1], cells[2], cells[3], cells[4]
			}
			switch len(pres) {
			case 0:
				return p, errors.New("HTML page without the cable text (<pre> blocks)")
			case 1:
				p.content = pres[0]
			default:
				p.header, p.content = pres[0], pres[1]
			}
			return p, nil
		case html.StartTagToken, html.EndTagToken:
			tn, hasAttr := z.TagName()
			a := atom.Lookup(tn)
			start := tt == html.StartTagToken
			switch a {
			case atom.Table:
				if start {
					if inTable {
						tableDepth++
					} else if hasAttr && hasClass(z, "cable") {
						inTable = true
					}
				} else if inTable {
					if tableDepth > 0 {
						tableDepth--
					} else {
						inTable = false
					}
				}
			case atom.Td:
				if inTable && len(cells) < 5 {
					if start {
						inCell = true
						cell.Reset()
					} else if inCell {
						inCell = false
						cells = append(cells, strings.TrimSpace(cell.String()))
					}
				}
			case atom.Pre:
				if start {
					inPre = true
					pre.Reset()
				} else if inPre {
					inPre = false
					pres = append(pres, pre.String())
				}
			}
		case html.TextToken:
			switch {
			case inPre:
				pre.Write(z.Text())
			case inCell:
				cell.Write(z.Text())
			}
		}
	}
}

func hasClass(z *html.Tokenizer, class string) bool {
	for {
		k, v, more := z.TagAttr()
		if string(k) == "class" {
			for _, c := range strings.Fields(string(v)) {
				if c == class {
					return true
				}
			}
		}
		if !more {
			return false
		}
	}
}
