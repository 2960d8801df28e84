package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestPathAndAround runs `path` and `--around` over a run's cables.jsonl
// and checks them against the run's edges.csv, read here on its own: the
// chain is as short as a breadth-first search over edges.csv finds, each
// hop is an edge; the ego network is the person, the neighbours within the
// depth and every edge among them, in every format; its meetings.jsonl
// holds only meetings of two of them. The shared corpus is used when it is
// there.
func TestPathAndAround(t *testing.T) {
	inputs := map[string][]string{"sample": nil}
	corpus, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cables.csv.gz"))
	if _, err := os.Stat(corpus); err == nil && !testing.Short() {
		inputs["corpus"] = []string{corpus}
	} else {
		t.Logf("%s not found (the shared corpus sits beside the project in CI) or -short: the sample only", corpus)
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			args := append([]string{"run", "--progress", "never", "-o", "res"}, in...)
			if code, _, stderr := cli(t, dir, nil, args...); code != exitOK {
				t.Fatalf("run: exit %d: %s", code, stderr)
			}
			adj := readEdges(t, filepath.Join(dir, "res", "edges.csv"))
			from, to, dist := farthest(adj)
			if dist < 2 {
				t.Fatalf("the graph has no chain of two meetings")
			}
			code, stdout, stderr := cli(t, "", nil, "path", from, to, "res/cables.jsonl")
			if code != exitOK {
				t.Fatalf("path %s %s: exit %d: %s", from, to, code, stderr)
			}
			hops := regexp.MustCompile(`(?m)^\d+\. .* \(([^()]+)\) met .* \(([^()]+)\): \d+ meetings?`).FindAllStringSubmatch(stdout, -1)
			if len(hops) != dist {
				t.Fatalf("path %s %s: %d hops, a breadth-first search finds %d:\n%s", from, to, len(hops), dist, stdout)
			}
			at := from
			for _, h := range hops {
				if h[1] != at || !adj[h[1]][h[2]] {
					t.Errorf("hop %s-%s is not a step from %s along an edge:\n%s", h[1], h[2], at, stdout)
				}
				at = h[2]
			}
			if at != to || !strings.Contains(stdout, "cables ") {
				t.Errorf("path ends at %s, want %s:\n%s", at, to, stdout)
			}

			// the ego network of the person with most neighbours, depth 1
			ego := from
			for id, ns := range adj {
				if len(ns) > len(adj[ego]) || len(ns) == len(adj[ego]) && id < ego {
					ego = id
				}
			}
			want := map[string]bool{ego: true}
			for n := range adj[ego] {
				want[n] = true
			}
			code, _, stderr = cli(t, "", nil, "graph", "--around", ego, "--depth", "1", "-o", "ego", "res/cables.jsonl")
			if code != exitOK {
				t.Fatalf("graph --around %s: exit %d: %s", ego, code, stderr)
			}
			got := readEdges(t, filepath.Join("ego", "edges.csv"))
			if len(got) != len(want) {
				t.Errorf("ego network of %s: %d people, want %d", ego, len(got), len(want))
			}
			edges := 0
			for a := range want {
				for b := range adj[a] {
					if want[b] && a < b {
						edges++
						if !got[a][b] {
							t.Errorf("ego network lacks %s-%s", a, b)
						}
					}
				}
			}
			for a, ns := range got {
				for b := range ns {
					if !want[a] || !want[b] {
						t.Errorf("ego network has %s-%s, beyond depth 1", a, b)
					}
				}
			}
			nodes := csvRows(t, filepath.Join("ego", "nodes.csv"))
			if len(nodes) != len(want) {
				t.Errorf("nodes.csv: %d people, want %d", len(nodes), len(want))
			}
			for _, f := range []string{"graph.graphml", "graph.gexf", "graph.dot"} {
				b, err := os.ReadFile(filepath.Join("ego", f))
				if err != nil {
					t.Fatal(err)
				}
				if n := strings.Count(string(b), ego); n == 0 {
					t.Errorf("%s does not name %s", f, ego)
				}
			}
			f, err := os.Open(filepath.Join("ego", "meetings.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<24)
			lines := 0
			met := map[[2]string]bool{}
			for sc.Scan() {
				var m struct{ Participants []string }
				if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
					t.Fatal(err)
				}
				in := 0
				for _, p := range m.Participants {
					if want[p] {
						in++
					}
				}
				if in < 2 {
					t.Errorf("meetings.jsonl has a meeting of %v: not two of the ego network", m.Participants)
				}
				for _, a := range m.Participants {
					for _, b := range m.Participants {
						met[[2]string{a, b}] = true
					}
				}
				lines++
			}
			for a := range want {
				for b := range adj[a] {
					if want[b] && !met[[2]string{a, b}] {
						t.Errorf("no meeting of %s and %s in the ego network's meetings.jsonl", a, b)
					}
				}
			}
			t.Logf("%s: path %s to %s, %d hops; ego network of %s: %d people, %d edges, %d meetings", name, from, to, dist, ego, len(want), edges, lines)
		})
	}
}

// csvRows reads a CSV file's rows after its header.
func csvRows(t *testing.T, path string) [][]string {
	t.Helper()
	return readCSV(t, path)[1:]
}

// readCSV reads a CSV file whole; a file without a row fails the test.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// readEdges reads edges.csv as a neighbour set.
func readEdges(t *testing.T, path string) map[string]map[string]bool {
	adj := map[string]map[string]bool{}
	for _, r := range csvRows(t, path) {
		for _, p := range [][2]string{{r[0], r[1]}, {r[1], r[0]}} {
			if adj[p[0]] == nil {
				adj[p[0]] = map[string]bool{}
			}
			adj[p[0]][p[1]] = true
		}
	}
	return adj
}

// farthest returns two people of the graph joined by the longest of the
// shortest chains from the first person by id (breadth-first search).
func farthest(adj map[string]map[string]bool) (string, string, int) {
	ids := make([]string, 0, len(adj))
	for id := range adj {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	best, bestTo, bestD := "", "", 0
	for _, from := range ids[:min(len(ids), 20)] {
		dist := map[string]int{from: 0}
		queue := []string{from}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for w := range adj[v] {
				if _, ok := dist[w]; !ok {
					dist[w] = dist[v] + 1
					queue = append(queue, w)
				}
			}
		}
		for _, to := range ids {
			if d, ok := dist[to]; ok && d > bestD {
				best, bestTo, bestD = from, to, d
			}
		}
	}
	return best, bestTo, bestD
}
