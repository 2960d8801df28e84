package gold

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/cablegraph/cablegraph/fold"
)

// Ref names a gold person: a cable and the person's gold name there.
type Ref struct{ Cable, Name string }

func (r Ref) String() string { return r.Cable + ":" + r.Name }

// key is how a Ref is looked up: the cable and the folded name.
func (r Ref) key() Ref { return Ref{r.Cable, fold.Name(r.Name)} }

// Link is a line of a same-person file: A and B are one person although
// their cables name them differently ("A = B"), or two people although
// their gold names are the same ("A != B"). Line is its line in the file.
type Link struct {
	A, B Ref
	Same bool
	Line int
}

// ReadLinks reads a same-person file (named name in errors): lines
// "CABLE:Gold name = CABLE:Gold name" or "... != ...", blank lines and
// # comments. Every bad line is an error naming name:line.
func ReadLinks(r io.Reader, name string) ([]Link, error) {
	var links []Link
	err := eachLine(r, name, func(n int, line string) error {
		l, err := parseLink(line)
		if err != nil {
			return err
		}
		l.Line = n
		links = append(links, l)
		return nil
	})
	return links, err
}

// eachLine calls fn with every line of r (trimmed, numbered from 1) that
// is neither blank nor a # comment. It goes on past a bad line and returns
// every error, each named name:line.
func eachLine(r io.Reader, name string, fn func(n int, line string) error) error {
	var errs []error
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %v", name, n, err))
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	return errors.Join(errs...)
}

func parseLink(line string) (Link, error) {
	l := Link{Same: true}
	a, b, ok := strings.Cut(line, "!=")
	if ok {
		l.Same = false
	} else if a, b, ok = strings.Cut(line, "="); !ok {
		return l, fmt.Errorf("want \"CABLE:Gold name = CABLE:Gold name\" (or !=), got %q", line)
	}
	var err error
	if l.A, err = parseRef(a); err != nil {
		return l, err
	}
	if l.B, err = parseRef(b); err != nil {
		return l, err
	}
	return l, nil
}

func parseRef(s string) (Ref, error) {
	cable, name, ok := strings.Cut(strings.TrimSpace(s), ":")
	cable, name = strings.TrimSpace(cable), strings.TrimSpace(name)
	if !ok || cable == "" || name == "" || strings.ContainsAny(cable, " \t=") || strings.Contains(name, "=") {
		return Ref{}, fmt.Errorf("want CABLE:Gold name, got %q", strings.TrimSpace(s))
	}
	return Ref{cable, name}, nil
}

// CheckLinks checks that every link names gold people of gold cables (names
// folded), that its two sides are two people, and that a "!=" link is
// between equal gold names (different names are different people anyway).
// Errors name file:line.
func CheckLinks(links []Link, file string, gold []Annotated) error {
	people := map[Ref]bool{}
	cables := map[string]bool{}
	for _, c := range gold {
		cables[c.Cable] = true
		for _, p := range c.People {
			people[Ref{c.Cable, p.Name}.key()] = true
		}
	}
	var errs []error
	bad := func(l Link, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", file, l.Line, fmt.Sprintf(format, args...)))
	}
	for _, l := range links {
		for _, r := range []Ref{l.A, l.B} {
			switch {
			case !cables[r.Cable]:
				bad(l, "no gold cable %s", r.Cable)
			case !people[r.key()]:
				bad(l, "no gold person %q in %s", r.Name, r.Cable)
			}
		}
		if l.A.key() == l.B.key() {
			bad(l, "%s is linked to itself", l.A)
		}
		if !l.Same && l.A.key().Name != l.B.key().Name {
			bad(l, "%q and %q are different names: \"!=\" is for one name given to two people", l.A.Name, l.B.Name)
		}
	}
	return errors.Join(errs...)
}

// LoadLinks reads and checks a same-person file.
func LoadLinks(path string, gold []Annotated) ([]Link, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	links, err := ReadLinks(f, path)
	if err := errors.Join(err, CheckLinks(links, path, gold)); err != nil {
		return nil, err
	}
	return links, nil
}

// Identity is the identity measure of GUIDELINES over a report's cables:
// one person, one id across cables, and never one id for two people.
type Identity struct {
	// Pairs is how many pairs of gold people who are one person were
	// checked: every "=" link and every two cables giving a person the
	// same gold name (folded), less the "!=" links; Right is how many of
	// them are matched to tool entities with one id.
	Pairs, Right int
	// Wrong are the other pairs.
	Wrong []IDPair
	// Shared are the tool ids that refer to two people or more.
	Shared []SharedID
}

// IDPair is a pair of gold people who are one person, with the ids of the
// tool entities matched to them ("" when none is).
type IDPair struct {
	A, B     Ref
	IDA, IDB string
}

// SharedID is a tool id that refers (see refers) to gold people who are
// not one person: People holds them grouped by person.
type SharedID struct {
	ID     string
	People [][]Ref
}

// person is a gold person of the report, with the id matched to it.
type person struct {
	ref Ref
	id  string
}

// Identity measures the report's ids against the links. Links naming
// cables outside the report (a half of the gold) are left out.
func (r Report) Identity(links []Link) Identity {
	people, byName := r.gatherPeople()
	pairs := samePairs(people, byName, links)
	var res Identity
	for _, p := range pairs {
		a, b := people[p[0]], people[p[1]]
		res.Pairs++
		if a.id != "" && a.id == b.id {
			res.Right++
			continue
		}
		res.Wrong = append(res.Wrong, IDPair{A: a.ref, B: b.ref, IDA: a.id, IDB: b.id})
	}
	res.Shared = r.sharedIDs(people, components(pairs))
	return res
}

// gatherPeople indexes the report's gold people by key, and lists the keys
// of each folded name in cable order.
func (r Report) gatherPeople() (map[Ref]person, map[string][]Ref) {
	people := map[Ref]person{}
	byName := map[string][]Ref{}
	for _, cr := range r.PerCable {
		for _, p := range cr.People {
			ref := Ref{cr.Cable, p.Name}
			k := ref.key()
			if _, dup := people[k]; dup {
				continue
			}
			people[k] = person{ref, p.ID}
			byName[k.Name] = append(byName[k.Name], k)
		}
	}
	return people, byName
}

// samePairs lists the pairs (of keys) of gold people who are one person:
// equal folded names in two cables unless a "!=" link parts them, then
// the "=" links whose people are both in the report; each pair once.
func samePairs(people map[Ref]person, byName map[string][]Ref, links []Link) [][2]Ref {
	apart := map[[2]Ref]bool{}
	for _, l := range links {
		if !l.Same {
			apart[[2]Ref{l.A.key(), l.B.key()}] = true
			apart[[2]Ref{l.B.key(), l.A.key()}] = true
		}
	}
	seen := map[[2]Ref]bool{}
	var out [][2]Ref
	add := func(a, b Ref) {
		if seen[[2]Ref{a, b}] || seen[[2]Ref{b, a}] || apart[[2]Ref{a, b}] {
			return
		}
		seen[[2]Ref{a, b}] = true
		out = append(out, [2]Ref{a, b})
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		refs := byName[n]
		for i, a := range refs {
			for _, b := range refs[i+1:] {
				add(a, b)
			}
		}
	}
	for _, l := range links {
		_, okA := people[l.A.key()]
		_, okB := people[l.B.key()]
		if l.Same && okA && okB {
			add(l.A.key(), l.B.key())
		}
	}
	return out
}

// components joins the pairs' people into persons: each key to a
// representative key.
func components(pairs [][2]Ref) func(Ref) Ref {
	parent := map[Ref]Ref{}
	var find func(Ref) Ref
	find = func(k Ref) Ref {
		p, ok := parent[k]
		if !ok || p == k {
			return k
		}
		root := find(p)
		parent[k] = root
		return root
	}
	for _, p := range pairs {
		a, b := find(p[0]), find(p[1])
		if a != b {
			parent[a] = b
		}
	}
	return find
}

// sharedIDs lists the tool ids whose entities refer to gold people of two
// persons or more, in id order.
func (r Report) sharedIDs(people map[Ref]person, person func(Ref) Ref) []SharedID {
	refs := map[string]map[Ref]bool{} // tool id -> keys of gold people
	for _, cr := range r.PerCable {
		for id, names := range cr.Refers {
			if id == "" {
				continue
			}
			if refs[id] == nil {
				refs[id] = map[Ref]bool{}
			}
			for _, n := range names {
				refs[id][Ref{cr.Cable, n}.key()] = true
			}
		}
	}
	var out []SharedID
	for id, keys := range refs {
		groups := map[Ref][]Ref{}
		for k := range keys {
			rep := person(k)
			groups[rep] = append(groups[rep], people[k].ref)
		}
		if len(groups) < 2 {
			continue
		}
		s := SharedID{ID: id}
		for _, g := range groups {
			sortRefs(g)
			s.People = append(s.People, g)
		}
		sort.Slice(s.People, func(i, j int) bool { return refLess(s.People[i][0], s.People[j][0]) })
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func sortRefs(rs []Ref) { sort.Slice(rs, func(i, j int) bool { return refLess(rs[i], rs[j]) }) }

func refLess(a, b Ref) bool {
	if a.Cable != b.Cable {
		return a.Cable < b.Cable
	}
	return a.Name < b.Name
}

// PrintSummary writes the identity measure's two lines.
func (id Identity) PrintSummary(w io.Writer) {
	fmt.Fprintf(w, "one person, one id across cables: %d of %d pairs\n", id.Right, id.Pairs)
	fmt.Fprintf(w, "two people, one id: %d tool %s\n", len(id.Shared), plural(len(id.Shared), "id", "ids"))
}

// PrintLists writes the wrong pairs with the ids found, and the ids given
// to two people or more with their people.
func (id Identity) PrintLists(w io.Writer) {
	if len(id.Wrong) > 0 {
		fmt.Fprintf(w, "\n# one person, one id across cables: %d wrong %s (ids found)\n", len(id.Wrong), plural(len(id.Wrong), "pair", "pairs"))
	}
	for _, p := range id.Wrong {
		fmt.Fprintf(w, "  %s = %s: %s, %s\n", p.A, p.B, idOrNone(p.IDA), idOrNone(p.IDB))
	}
	if len(id.Shared) > 0 {
		fmt.Fprintf(w, "\n# two people, one id: %d tool %s (people apart by \" vs \")\n", len(id.Shared), plural(len(id.Shared), "id", "ids"))
	}
	for _, s := range id.Shared {
		groups := make([]string, len(s.People))
		for i, g := range s.People {
			names := make([]string, len(g))
			for j, r := range g {
				names[j] = r.String()
			}
			groups[i] = strings.Join(names, " = ")
		}
		fmt.Fprintf(w, "  %s: %s\n", s.ID, strings.Join(groups, " vs "))
	}
}

func idOrNone(id string) string {
	if id == "" {
		return "(not found)"
	}
	return id
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
