package source

import (
	"bufio"
	"io"
	"strings"

	"github.com/cablegraph/cablegraph/cable"
)

// RowWriter writes cables in the release's cables.csv layout, which the
// csv reader reads back field for field.
type RowWriter struct {
	w *bufio.Writer
}

// NewRowWriter writes rows to w; call Flush at the end.
func NewRowWriter(w io.Writer) *RowWriter {
	return &RowWriter{w: bufio.NewWriterSize(w, 1<<20)}
}

var escaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// Write writes one cable as a row: id, created, refid, origin,
// classification, references, header, text.
func (r *RowWriter) Write(raw cable.Raw) error {
	for i, f := range [Columns]string{raw.ID, raw.Created, raw.RefID, raw.Origin, raw.Classification, raw.References, raw.Header, raw.Text} {
		if i > 0 {
			r.w.WriteByte(',')
		}
		r.w.WriteByte('"')
		escaper.WriteString(r.w, f)
		r.w.WriteByte('"')
	}
	return r.w.WriteByte('\n')
}

// Flush writes what is buffered.
func (r *RowWriter) Flush() error { return r.w.Flush() }

// Buffered is the number of bytes written but not yet flushed.
func (r *RowWriter) Buffered() int { return r.w.Buffered() }
