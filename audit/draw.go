package audit

import (
	"cmp"
	"container/heap"
	"crypto/sha256"
	"encoding/binary"
	"slices"

	"github.com/cablegraph/cablegraph/record"
)

// Item is one drawn meeting with what the worksheet shows of its cable.
type Item struct {
	Number  int    // 1-based, in draw order
	Cable   string // reference id
	Index   int    // which of the cable's meetings, 1-based
	Date    string // the cable's date
	Subject string
	Source  string // where the run read the cable: file:line (row N)
	Meeting record.Meeting
	// Participants are the meeting's people as the cable's people list
	// gives them, in the meeting's order; an id the list lacks has only
	// its ID.
	Participants []record.Entity
	// Text is the cable as read when cables.jsonl holds it, else empty.
	Text string
	// Context is the evidence's paragraph (see Attach); Problem says what
	// could not be checked or found.
	Context []Paragraph
	Problem string
	key     [2]uint64 // the draw's priority: smallest first
}

// Draw picks a uniform random sample of n meetings out of all the
// meetings offered to it, without replacement. Every meeting gets a
// priority from a hash of the seed, its cable's reference id and its
// position among the cable's meetings, and the n smallest are kept
// (bottom-k sampling): the sample depends on the seed and the meetings,
// not on the order they come in, and memory holds n meetings whatever the
// size of the run. The sample comes out in priority order, so any first k
// of it are themselves a uniform sample of k.
type Draw struct {
	n        int
	seed     int64
	kept     itemHeap
	seen     map[string]bool // cables offered
	Cables   int             // cables offered (each reference id once)
	Meetings int             // their meetings
	Repeated []string        // reference ids offered again (ignored)
}

// NewDraw starts a draw of n meetings with the given seed.
func NewDraw(n int, seed int64) *Draw {
	return &Draw{n: n, seed: seed, seen: map[string]bool{}}
}

// Add offers every meeting of a cable. A reference id offered before is
// noted in Repeated and its meetings are not offered again.
func (d *Draw) Add(rec *record.Cable) {
	if d.seen[rec.RefID] {
		d.Repeated = append(d.Repeated, rec.RefID)
		return
	}
	d.seen[rec.RefID] = true
	d.Cables++
	d.Meetings += len(rec.Meetings)
	for i := range rec.Meetings {
		key := priority(d.seed, rec.RefID, i+1)
		if d.n <= 0 || (len(d.kept) == d.n && compare(key, rec.RefID, i+1, d.kept[0]) >= 0) {
			continue
		}
		heap.Push(&d.kept, newItem(rec, i, key))
		if len(d.kept) > d.n {
			heap.Pop(&d.kept)
		}
	}
}

// Items returns the sample in draw order, numbered from 1.
func (d *Draw) Items() []*Item {
	items := slices.Clone(d.kept)
	slices.SortFunc(items, func(a, b *Item) int { return compare(a.key, a.Cable, a.Index, b) })
	for i, it := range items {
		it.Number = i + 1
	}
	return items
}

// newItem copies what the worksheet needs of a cable's i-th meeting (0-based).
func newItem(rec *record.Cable, i int, key [2]uint64) *Item {
	m := rec.Meetings[i]
	it := &Item{
		Cable: rec.RefID, Index: i + 1, Date: rec.Date, Subject: rec.Subject,
		Source: rec.Source.String(), Meeting: m, Text: rec.Text, key: key,
	}
	for _, id := range m.Participants {
		it.Participants = append(it.Participants, person(rec.Found().People, id))
	}
	return it
}

// person finds id among people; an unknown id comes back alone.
func person(people []record.Entity, id string) record.Entity {
	for _, p := range people {
		if p.ID == id {
			return p
		}
	}
	return record.Entity{ID: id}
}

// priority hashes the seed, the cable and the meeting's position into 128
// bits, uniform for any input.
func priority(seed int64, refid string, index int) [2]uint64 {
	h := sha256.New()
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], uint64(seed))
	h.Write(buf[:])
	h.Write([]byte(refid))
	h.Write([]byte{0})
	binary.BigEndian.PutUint64(buf[:], uint64(index))
	h.Write(buf[:])
	sum := h.Sum(nil)
	return [2]uint64{binary.BigEndian.Uint64(sum), binary.BigEndian.Uint64(sum[8:])}
}

// compare orders a meeting (key, refid, index) against it: by priority,
// then (a tie never seen in practice) by cable and position.
func compare(key [2]uint64, refid string, index int, it *Item) int {
	return cmp.Or(cmp.Compare(key[0], it.key[0]), cmp.Compare(key[1], it.key[1]),
		cmp.Compare(refid, it.Cable), cmp.Compare(index, it.Index))
}

// itemHeap is a max-heap of items by priority: the root is the one to
// drop first.
type itemHeap []*Item

func (h itemHeap) Len() int           { return len(h) }
func (h itemHeap) Less(i, j int) bool { return compare(h[j].key, h[j].Cable, h[j].Index, h[i]) < 0 }
func (h itemHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *itemHeap) Push(x any)        { *h = append(*h, x.(*Item)) }
func (h *itemHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}
