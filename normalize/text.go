package normalize

import (
	"fmt"
	"sort"
	"unsafe"
)

// Text is a string derived from an original text, with a map from every byte
// of it back to a byte range of the original. Spans of a Text map to spans of
// the original with Span, so evidence found in normalized text can be quoted
// from the text exactly as read.
type Text struct {
	S    string
	segs []segment
	// origLen is the length of the original text; every mapped span lies in
	// [0, origLen].
	origLen int
}

// A segment maps S[norm:norm+nlen] to original[orig:orig+olen]. When nlen ==
// olen the bytes map one to one (a copy); otherwise the whole normalized
// range stands for the whole original range (a replacement).
type segment struct {
	norm, nlen, orig, olen int32
}

func (s segment) copied() bool { return s.nlen == s.olen }

// Identity returns s as a Text that maps onto itself.
func Identity(s string) Text {
	t := Text{S: s, origLen: len(s)}
	if len(s) > 0 {
		t.segs = []segment{{0, int32(len(s)), 0, int32(len(s))}}
	}
	return t
}

// OrigLen is the length of the original text this Text maps into.
func (t Text) OrigLen() int { return t.origLen }

// Span maps the byte range [start, end) of t.S to a byte range of the
// original text. A replaced piece maps to the whole original piece it
// replaced; an empty range maps to an empty range at the corresponding
// position. It panics if the range is outside t.S, like slicing would.
func (t Text) Span(start, end int) (int, int) {
	if start < 0 || end < start || end > len(t.S) {
		panic(fmt.Sprintf("normalize: span [%d,%d) out of range [0,%d]", start, end, len(t.S)))
	}
	if len(t.segs) == 0 {
		return 0, 0
	}
	os := t.pos(start, false)
	if end == start {
		return os, os
	}
	oe := t.pos(end, true)
	if oe < os {
		oe = os
	}
	return os, oe
}

// pos maps a boundary position of t.S to the original. For an end position
// it looks at the byte before the boundary, for a start at the byte after.
func (t Text) pos(p int, isEnd bool) int {
	b := p
	if isEnd {
		b = p - 1
	}
	if b >= len(t.S) { // the end of the text maps to the end of the last segment
		last := t.segs[len(t.segs)-1]
		return int(last.orig + last.olen)
	}
	if b < 0 {
		return int(t.segs[0].orig)
	}
	i := sort.Search(len(t.segs), func(i int) bool { return int(t.segs[i].norm+t.segs[i].nlen) > b })
	s := t.segs[i]
	if s.copied() {
		off := int32(p) - s.norm
		return int(s.orig + off)
	}
	if isEnd {
		return int(s.orig + s.olen)
	}
	return int(s.orig)
}

// Builder assembles a Text piece by piece from a source Text. Every piece is
// either copied from the source (and keeps the source's mapping) or replaces
// a source range with other bytes.
type Builder struct {
	src  Text
	buf  []byte
	segs []segment
}

// NewBuilder returns a Builder reading from src.
func NewBuilder(src Text) *Builder {
	return &Builder{src: src, buf: make([]byte, 0, len(src.S))}
}

// Len is the number of bytes written so far.
func (b *Builder) Len() int { return len(b.buf) }

// Bytes returns the bytes written so far; the caller must not modify them.
func (b *Builder) Bytes() []byte { return b.buf }

// Copy appends src.S[start:end] keeping its mapping.
func (b *Builder) Copy(start, end int) {
	if end <= start {
		return
	}
	b.buf = append(b.buf, b.src.S[start:end]...)
	segs := b.src.segs
	i := sort.Search(len(segs), func(i int) bool { return int(segs[i].norm+segs[i].nlen) > start })
	for ; i < len(segs) && int(segs[i].norm) < end; i++ {
		s := segs[i]
		lo, hi := max(start, int(s.norm)), min(end, int(s.norm+s.nlen))
		out := int32(len(b.buf) - (end - lo))
		if s.copied() {
			d := int32(lo) - s.norm
			b.add(segment{out, int32(hi - lo), s.orig + d, int32(hi - lo)})
		} else {
			b.add(segment{out, int32(hi - lo), s.orig, s.olen})
		}
	}
}

// Replace appends repl in place of src.S[start:end]; all of repl maps to the
// original range that src.S[start:end] maps to. With start == end it inserts
// repl at that position.
func (b *Builder) Replace(start, end int, repl string) {
	if repl == "" {
		return
	}
	os, oe := b.src.Span(start, end)
	out := int32(len(b.buf))
	b.buf = append(b.buf, repl...)
	if oe-os == len(repl) {
		// Same length: keep it a byte-for-byte copy so spans inside stay exact.
		b.add(segment{out, int32(len(repl)), int32(os), int32(len(repl))})
		return
	}
	b.add(segment{out, int32(len(repl)), int32(os), int32(oe - os)})
}

func (b *Builder) add(s segment) {
	if n := len(b.segs); n > 0 {
		p := &b.segs[n-1]
		if p.copied() && s.copied() && p.norm+p.nlen == s.norm && p.orig+p.olen == s.orig {
			p.nlen += s.nlen
			p.olen += s.olen
			return
		}
	}
	b.segs = append(b.segs, s)
}

// Text returns the Text built. It ends the Builder: the Text shares the
// Builder's memory (as strings.Builder does), so nothing may be added after.
func (b *Builder) Text() Text {
	var s string
	if len(b.buf) > 0 {
		s = unsafe.String(&b.buf[0], len(b.buf))
	}
	b.buf = nil
	return Text{S: s, segs: b.segs, origLen: b.src.origLen}
}
