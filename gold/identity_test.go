package gold_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/gold"
	"github.com/cablegraph/cablegraph/record"
)

// tc is a cable for the identity tests: its gold people, and the tool's
// people for it.
type tc struct {
	cable string
	gold  []gold.Person
	tool  []record.Entity
}

func gp(name string, mentions ...string) gold.Person {
	return gold.Person{Name: name, Mentions: mentions}
}

func te(id, name string, aliases ...string) record.Entity {
	return record.Entity{ID: id, Name: name, Aliases: aliases}
}

func build(cables []tc) ([]gold.Annotated, map[string]*record.Cable) {
	var g []gold.Annotated
	out := map[string]*record.Cable{}
	for _, c := range cables {
		g = append(g, gold.Annotated{Cable: c.cable, People: c.gold})
		out[c.cable] = output(c.cable, &record.Entities{People: c.tool})
	}
	return g, out
}

func links(t *testing.T, text string) []gold.Link {
	t.Helper()
	l, err := gold.ReadLinks(strings.NewReader(text), "same-person.txt")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// wrongPairs and sharedIDs put an Identity in a form easy to compare.
func wrongPairs(id gold.Identity) []string {
	var out []string
	for _, p := range id.Wrong {
		out = append(out, p.A.String()+" = "+p.B.String()+": "+p.IDA+", "+p.IDB)
	}
	return out
}

func sharedIDs(id gold.Identity) []string {
	var out []string
	for _, s := range id.Shared {
		var groups []string
		for _, g := range s.People {
			var refs []string
			for _, r := range g {
				refs = append(refs, r.String())
			}
			groups = append(groups, strings.Join(refs, " = "))
		}
		out = append(out, s.ID+": "+strings.Join(groups, " vs "))
	}
	return out
}

func TestIdentityOnePersonOneID(t *testing.T) {
	tests := []struct {
		name         string
		cables       []tc
		links        string
		pairs, right int
		wrong        []string
	}{
		{
			name: "same gold name, same id",
			cables: []tc{
				{"X", []gold.Person{gp("Ryan C. Crocker", "Crocker")}, []record.Entity{te("ryan-crocker", "Ryan Crocker", "Crocker")}},
				{"Y", []gold.Person{gp("Ryan C. Crocker")}, []record.Entity{te("ryan-crocker", "Ryan C. Crocker")}},
			},
			pairs: 1, right: 1,
		},
		{
			name: "same gold name, two ids",
			cables: []tc{
				{"X", []gold.Person{gp("Crocker")}, []record.Entity{te("ryan-crocker", "Crocker")}},
				{"Y", []gold.Person{gp("Crocker")}, []record.Entity{te("crocker", "Crocker")}},
			},
			pairs: 1, right: 0,
			wrong: []string{"X:Crocker = Y:Crocker: ryan-crocker, crocker"},
		},
		{
			name: "names folded; one side not found",
			cables: []tc{
				{"X", []gold.Person{gp("Hugo Chávez")}, []record.Entity{te("hugo-chavez", "Hugo Chavez")}},
				{"Y", []gold.Person{gp("hugo chavez")}, []record.Entity{te("chavez", "Comandante")}},
			},
			pairs: 1, right: 0,
			wrong: []string{"X:Hugo Chávez = Y:hugo chavez: hugo-chavez, "},
		},
		{
			name: "a gold name in three cables is three pairs",
			cables: []tc{
				{"X", []gold.Person{gp("Bush")}, []record.Entity{te("george-bush", "Bush")}},
				{"Y", []gold.Person{gp("Bush")}, []record.Entity{te("george-bush", "Bush")}},
				{"Z", []gold.Person{gp("Bush")}, []record.Entity{te("bush", "Bush")}},
			},
			pairs: 3, right: 1,
			wrong: []string{"X:Bush = Z:Bush: george-bush, bush", "Y:Bush = Z:Bush: george-bush, bush"},
		},
		{
			name: "a link joins two names; one person unmatched in its cable",
			cables: []tc{
				{"X", []gold.Person{gp("Obama"), gp("Biden")}, []record.Entity{te("barack-obama", "Obama")}},
				{"Y", []gold.Person{gp("Barack Obama", "Obama")}, []record.Entity{te("barack-obama", "Barack Obama")}},
				{"Z", []gold.Person{gp("Obama")}, []record.Entity{te("obama", "Obama")}},
			},
			links: "# comment\n\nX:Obama = Y:Barack Obama\n",
			pairs: 2, right: 1, // X=Y by the link, X=Z by the name
			wrong: []string{"X:Obama = Z:Obama: barack-obama, obama"},
		},
		{
			name: "a link repeating a same-name pair counts once",
			cables: []tc{
				{"X", []gold.Person{gp("Erdogan")}, []record.Entity{te("erdogan", "Erdogan")}},
				{"Y", []gold.Person{gp("Erdogan")}, []record.Entity{te("erdogan", "Erdogan")}},
			},
			links: "Y:erdogan = X:Erdogan\n",
			pairs: 1, right: 1,
		},
		{
			name: "!= parts one gold name given to two people",
			cables: []tc{
				{"X", []gold.Person{gp("Rice", "Secretary Rice")}, []record.Entity{te("condoleezza-rice", "Rice")}},
				{"Y", []gold.Person{gp("Rice", "Ambassador Rice")}, []record.Entity{te("susan-rice", "Rice")}},
			},
			links: "X:Rice != Y:Rice\n",
			pairs: 0, right: 0,
		},
		{
			name: "a link to a cable outside the cables scored is left out",
			cables: []tc{
				{"X", []gold.Person{gp("Obama")}, []record.Entity{te("obama", "Obama")}},
			},
			links: "X:Obama = W:Barack Obama\n",
			pairs: 0, right: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, out := build(tt.cables)
			id := gold.Score(g, out).Identity(links(t, tt.links))
			if id.Pairs != tt.pairs || id.Right != tt.right {
				t.Errorf("%d of %d pairs right, want %d of %d", id.Right, id.Pairs, tt.right, tt.pairs)
			}
			if got := wrongPairs(id); !reflect.DeepEqual(got, tt.wrong) {
				t.Errorf("wrong pairs %q, want %q", got, tt.wrong)
			}
		})
	}
}

func TestIdentityTwoPeopleOneID(t *testing.T) {
	tests := []struct {
		name   string
		cables []tc
		links  string
		shared []string
	}{
		{
			name: "one id for two people in two cables",
			cables: []tc{
				{"X", []gold.Person{gp("Condoleezza Rice", "Secretary Rice")}, []record.Entity{te("rice", "Secretary Rice")}},
				{"Y", []gold.Person{gp("Susan E. Rice", "Ambassador Rice")}, []record.Entity{te("rice", "Ambassador Rice")}},
			},
			shared: []string{"rice: X:Condoleezza Rice vs Y:Susan E. Rice"},
		},
		{
			name: "one gold name, parted by !=, one id",
			cables: []tc{
				{"X", []gold.Person{gp("Rice")}, []record.Entity{te("rice", "Rice")}},
				{"Y", []gold.Person{gp("Rice")}, []record.Entity{te("rice", "Rice")}},
			},
			links:  "X:Rice != Y:Rice",
			shared: []string{"rice: X:Rice vs Y:Rice"},
		},
		{
			name: "one gold name, not parted: one person",
			cables: []tc{
				{"X", []gold.Person{gp("Rice")}, []record.Entity{te("rice", "Rice")}},
				{"Y", []gold.Person{gp("Rice")}, []record.Entity{te("rice", "Rice")}},
			},
		},
		{
			name: "linked names are one person; the same id over three cables",
			cables: []tc{
				{"X", []gold.Person{gp("Obama")}, []record.Entity{te("barack-obama", "Obama")}},
				{"Y", []gold.Person{gp("Barack Obama")}, []record.Entity{te("barack-obama", "Barack Obama")}},
				{"Z", []gold.Person{gp("Obama")}, []record.Entity{te("barack-obama", "Obama")}},
			},
			links: "X:Obama = Y:Barack Obama",
		},
		{
			name: "two names not linked are two people",
			cables: []tc{
				{"X", []gold.Person{gp("Obama")}, []record.Entity{te("barack-obama", "Obama")}},
				{"Y", []gold.Person{gp("Barack Obama")}, []record.Entity{te("barack-obama", "Barack Obama")}},
			},
			shared: []string{"barack-obama: X:Obama vs Y:Barack Obama"},
		},
		{
			name: "in one cable: two entities with one id, each matched",
			cables: []tc{
				{"X", []gold.Person{gp("Bill Clinton", "President Clinton"), gp("Hillary Clinton", "Secretary Clinton")},
					[]record.Entity{te("clinton", "President Clinton"), te("clinton", "Secretary Clinton")}},
			},
			shared: []string{"clinton: X:Bill Clinton vs X:Hillary Clinton"},
		},
		{
			// the matching gives the entity one of them only; its names
			// show it holds the other too
			name: "in one cable: one entity that answers to two people",
			cables: []tc{
				{"X", []gold.Person{gp("Fidel Castro", "Fidel", "Castro"), gp("Raul Castro", "Raul", "Castro")},
					[]record.Entity{te("castro", "Castro", "Fidel", "Raul")}},
			},
			shared: []string{"castro: X:Fidel Castro vs X:Raul Castro"},
		},
		{
			name: "in one cable: a name two people answer to says nothing",
			cables: []tc{
				{"X", []gold.Person{gp("Fidel Castro", "Fidel", "Castro"), gp("Raul Castro", "Raul", "Castro")},
					[]record.Entity{te("fidel-castro", "Fidel", "Castro"), te("raul-castro", "Raul Castro", "Castro")}},
			},
		},
		{
			name: "a second entity with the id refers by its name, matched or not",
			cables: []tc{
				{"X", []gold.Person{gp("Ban Ki Moon", "Ban"), gp("Ban Soon-taek", "Mrs. Ban")},
					[]record.Entity{te("ban-ki-moon", "Ban Ki Moon"), te("ban-ki-moon", "Mrs. Ban"), te("ban-soon-taek", "Ban Soon-taek")}},
			},
			shared: []string{"ban-ki-moon: X:Ban Ki Moon vs X:Ban Soon-taek"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, out := build(tt.cables)
			id := gold.Score(g, out).Identity(links(t, tt.links))
			if got := sharedIDs(id); !reflect.DeepEqual(got, tt.shared) {
				t.Errorf("ids for two people %q, want %q", got, tt.shared)
			}
		})
	}
}

func TestReadLinksErrors(t *testing.T) {
	text := "# comment\nX:Obama = Y:Barack Obama\nObama = Y:Barack Obama\n\nX:Rice != Y:Rice\nX:Obama\nX:A = Y:\n"
	l, err := gold.ReadLinks(strings.NewReader(text), "sp.txt")
	for _, want := range []string{"sp.txt:3: want CABLE:Gold name", "sp.txt:6: want", "sp.txt:7: want CABLE:Gold name"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want it to say %q", err, want)
		}
	}
	want := []gold.Link{
		{A: gold.Ref{Cable: "X", Name: "Obama"}, B: gold.Ref{Cable: "Y", Name: "Barack Obama"}, Same: true, Line: 2},
		{A: gold.Ref{Cable: "X", Name: "Rice"}, B: gold.Ref{Cable: "Y", Name: "Rice"}, Same: false, Line: 5},
	}
	if !reflect.DeepEqual(l, want) {
		t.Errorf("links %+v, want %+v", l, want)
	}
}

func TestCheckLinks(t *testing.T) {
	g, _ := build([]tc{
		{"X", []gold.Person{gp("Obama"), gp("Rice")}, nil},
		{"Y", []gold.Person{gp("Barack Obama"), gp("Rice")}, nil},
	})
	tests := []struct{ line, want string }{
		{"X:obama = Y:Barack Obama", ""},
		{"X:Rice != Y:Rice", ""},
		{"W:Obama = Y:Barack Obama", "sp.txt:1: no gold cable W"},
		{"X:Obama = Y:Barak Obama", `sp.txt:1: no gold person "Barak Obama" in Y`},
		{"X:Obama = X:obama", "sp.txt:1: X:Obama is linked to itself"},
		{"X:Obama != Y:Barack Obama", "different names"},
	}
	for _, tt := range tests {
		err := gold.CheckLinks(links(t, tt.line), "sp.txt", g)
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%q: error %v, want %q", tt.line, err, tt.want)
		}
	}
}
