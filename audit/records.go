package audit

import (
	"context"
	"fmt"
	"io"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/record"
	"github.com/cablegraph/cablegraph/source"
)

// ReadCables offers every cable of a cables.jsonl (named name in errors)
// to the draw.
func ReadCables(r io.Reader, name string, d *Draw) error {
	return record.Each(r, name, func(rec *record.Cable) error {
		d.Add(rec)
		return nil
	})
}

// FindCables reads the inputs with the project's readers and parses the
// cables whose reference ids are in want, as `cablegraph inspect --cable`
// does. It stops as soon as all are found; the ones not found are simply
// missing from the map. A wanted cable that does not parse is an error
// naming where it is.
func FindCables(ctx context.Context, ins []source.Input, want map[string]bool) (map[string]*cable.Cable, error) {
	found := map[string]*cable.Cable{}
	if len(want) == 0 {
		return found, nil
	}
	p := cable.NewParser(nil, nil) // the paragraphs are what an audit reads: no rule words needed
	err := source.Each(ins, func(raw cable.Raw) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if raw.RefID != "" && !want[raw.RefID] {
			return nil // the release names it: no need to parse
		}
		c, err := p.Parse(raw)
		if err != nil {
			if raw.RefID != "" {
				return fmt.Errorf("%s: %s: %w", raw.Pos, raw.RefID, err)
			}
			return nil // not a cable anyone asked for
		}
		if want[c.RefID] && found[c.RefID] == nil {
			found[c.RefID] = c
		}
		if len(found) == len(want) {
			return source.Stop
		}
		return nil
	})
	return found, err
}

// parseText parses a cable from its text as read (a --with-text run), so
// that its paragraphs are the ones the run saw.
func parseText(refid, text string) (*cable.Cable, error) {
	c, err := cable.NewParser(nil, nil).Parse(cable.Raw{RefID: refid, Text: text}) // the paragraphs: no rule words needed
	if err != nil {
		return nil, fmt.Errorf("%s: %w", refid, err)
	}
	return c, nil
}
