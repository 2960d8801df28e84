// Package synth makes large cable dumps out of small ones, for measuring
// the pipeline at the size of the full release: the input cables are
// written again and again, each copy under a refid of its own.
package synth

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"sync/atomic"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/source"
)

// Stats says what was written.
type Stats struct {
	Cables int   // rows written
	Bytes  int64 // bytes written
	Passes int   // times the inputs were read through (the last one partly)
}

// Write writes cables.csv rows made from the cables of ins to w until at
// least size bytes are written. The first pass writes the cables as they
// are; pass k > 0 writes them again with refid "REFID-k" and new row ids,
// so no refid repeats. Inputs are read again on each pass: memory does
// not depend on size. Records the reader rejects are skipped. written,
// when not nil, counts the bytes written as it goes.
func Write(ctx context.Context, ins []source.Input, w io.Writer, size int64, written *atomic.Int64) (Stats, error) {
	var st Stats
	if written == nil {
		written = new(atomic.Int64)
	}
	cw := &countWriter{w: w, n: written}
	rw := source.NewRowWriter(cw)
	// a refid and a date are all it reads of a cable: no rule words needed
	p := cable.NewParser(nil, nil)
	id := 0
	for st.Bytes < size {
		n := 0
		err := source.Each(ins, func(raw cable.Raw) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if raw.RefID == "" || raw.Created == "" {
				// a text file: the refid and date are in the cable
				c, err := p.Parse(raw)
				if err != nil || c.Time.IsZero() {
					return nil
				}
				raw.RefID = c.RefID
				raw.Created = c.Time.Format("1/2/2006 15:04")
			}
			id++
			raw.ID = strconv.Itoa(id)
			if st.Passes > 0 {
				raw.RefID += "-" + strconv.Itoa(st.Passes)
			}
			if err := rw.Write(raw); err != nil {
				return err
			}
			st.Cables++
			n++
			if st.Bytes = cw.total + int64(rw.Buffered()); st.Bytes >= size {
				return source.Stop
			}
			return nil
		})
		if err != nil {
			return st, err
		}
		st.Passes++
		if n == 0 {
			return st, fmt.Errorf("no cables in the inputs")
		}
	}
	if err := rw.Flush(); err != nil {
		return st, err
	}
	st.Bytes = cw.total
	return st, nil
}

type countWriter struct {
	w     io.Writer
	n     *atomic.Int64
	total int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.total += int64(n)
	c.n.Add(int64(n))
	return n, err
}
