package view_test

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/cablegraph/cablegraph"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/pipeline"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

// chrome finds a Chromium to drive: $CABLEGRAPH_CHROME, else Debian's.
func chrome() string {
	if p := os.Getenv("CABLEGRAPH_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// page runs the pipeline over the shared corpus (the sample without it)
// and returns the path of its graph.html.
func page(t *testing.T) (string, string) {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	corpus, _ := filepath.Abs(filepath.Join("..", "..", "shared", "corpus", "cables.csv.gz"))
	var ins []source.Input
	name := "corpus"
	if _, err := os.Stat(corpus); err == nil {
		ins = []source.Input{{Path: corpus}}
	} else {
		t.Logf("%s not found (the shared corpus sits beside the project in CI): the sample's graph.html", corpus)
		name = "sample"
		if ins, err = source.ExpandFS(cablegraph.Sample, cablegraph.SampleRoot); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	_, err = pipeline.Run(context.Background(), pipeline.Config{Inputs: ins, OutDir: dir, Jobs: 2,
		Extractor: extract.New(set), Relations: relate.New(set), Formats: []string{"html"}})
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "graph.html"), name
}

// TestBrowser opens graph.html in headless Chromium with every network
// request blocked and checks what a reader does: it draws without console
// errors, first paint in under 2 s; search selects a person; an edge
// shows its meetings' evidence; a time range changes the edges shown; the
// view's state is in the URL.
func TestBrowser(t *testing.T) {
	exe := chrome()
	if exe == "" {
		t.Skip("Chromium not found (Debian package chromium; .ci/run installs it; or set CABLEGRAPH_CHROME): the browser test is skipped")
	}
	if testing.Short() {
		t.Skip("-short: the browser test is skipped")
	}
	path, name := page(t)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), browserOptions(exe)...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()

	var mu sync.Mutex
	var problems, requests []string
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, a.Description+fmt.Sprint(a.Value))
				}
				problems = append(problems, "console error: "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			problems = append(problems, fmt.Sprintf("exception at %d:%d: %s", d.LineNumber+1, d.ColumnNumber+1, msg))
		case *network.EventRequestWillBeSent:
			if !strings.HasPrefix(ev.Request.URL, "file://") && !strings.HasPrefix(ev.Request.URL, "data:") {
				requests = append(requests, ev.Request.URL)
			}
		}
	})
	if err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	var block []*network.BlockPattern
	for _, scheme := range []string{"http", "https", "ws", "wss", "ftp"} {
		block = append(block, &network.BlockPattern{URLPattern: scheme + "://*:*/*", Block: true})
	}
	if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: block}); err != nil {
		t.Fatal(err)
	}
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := chromedp.Do(sctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(expr string, v any) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		r, err := chromedp.Run(sctx, chromedp.Evaluate[json.RawMessage](expr))
		if err == nil {
			err = json.Unmarshal(r, v)
		}
		if err != nil {
			t.Fatalf("%s: %v", short(expr), err)
		}
	}
	waitReady := func() {
		t.Helper()
		// a poll started while the page is still being replaced can lose
		// its execution context ("Cannot find context with specified id"):
		// poll again until the deadline
		deadline := time.Now().Add(45 * time.Second)
		for {
			sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
			_, err := chromedp.Run(sctx, chromedp.Poll[bool](`!!(window.cablegraph && window.cablegraph.ready === true)`, chromedp.WithPollingTimeout(10*time.Second)))
			cancel()
			if err == nil {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the page never said it was ready: %v", err)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	text := func(sel string) string {
		t.Helper()
		var s string
		eval(fmt.Sprintf(`document.querySelector(%q).textContent`, sel), &s)
		return s
	}
	url := "file://" + path
	// first paint (window.cablegraph.firstPaintMs: from the navigation's
	// start to the frame after the first one drawn, so the first frame's
	// WebGL pixels are on the screen) in a fresh browser, as a reader who
	// opens the file sees it: Chromium starts its software WebGL there.
	// The median of three fresh browsers (the machine is shared) is held
	// to 2 s, and so is the median of three warm loads.
	var colds []float64
	for range 3 {
		colds = append(colds, coldPaint(t, exe, url))
	}
	cold := median(colds)
	do(chromedp.Navigate(url))
	waitReady()
	// warm: the median of three loads again, as for the fresh browser (one
	// load beside make test's other packages took 3.4 s at load 4, its
	// frame drawn at 0.39 s)
	var warms []float64
	var timings map[string]float64
	for range 3 {
		do(chromedp.Navigate("about:blank"), chromedp.Navigate(url))
		waitReady()
		var ms float64
		eval(`window.cablegraph.firstPaintMs`, &ms)
		eval(`window.cablegraph.timings`, &timings)
		warms = append(warms, ms)
	}
	warm := median(warms)
	t.Logf("%s: first paint %.0f ms in a fresh browser (median of %.0f), %.0f ms in a warm one (median of %.0f); last warm milestones %s; load %s", name, cold, colds, warm, warms, milestones(timings), loadavg())
	if cold <= 0 || cold > 2000 {
		t.Errorf("first paint %.0f ms in a fresh browser (median of %.0f), want under 2,000", cold, colds)
	}
	if warm <= 0 || warm > 2000 {
		t.Errorf("first paint %.0f ms in a warm browser (median of %.0f), want under 2,000", warm, warms)
	}

	// the data says who to look for: the most met person
	var probe struct {
		ID, Label string
	}
	eval(`(() => {
		const d = JSON.parse(document.getElementById('cablegraph-data').textContent);
		let best = 0;
		d.nodes.forEach((n, i) => { if (n.shown && n.meetings > d.nodes[best].meetings) best = i; });
		return {ID: d.nodes[best].id, Label: d.nodes[best].label};
	})()`, &probe)

	// search: type the label, choose it
	var hash string
	do(chromedp.SendKeys("#search", probe.Label), chromedp.SendKeys("#search", "\r"), chromedp.Sleep(300*time.Millisecond))
	eval(`location.hash`, &hash)
	if panel := text("#panel"); !strings.Contains(hash, "node="+probe.ID) || !strings.Contains(panel, probe.Label) {
		t.Errorf("search %q: fragment %q, panel %q", probe.Label, hash, short(panel))
	}

	// an edge: a click with the mouse at the middle of one of the person's
	// edges as drawn (sigma's framedGraphToViewport of its ends), the one
	// whose midpoint is clearest of every node and every other edge drawn
	// (at least 1.5 px); then its evidence in the panel
	do(chromedp.Sleep(700 * time.Millisecond)) // the camera's move to the person
	var target struct {
		X, Y         float64
		Other, Quote string
		Candidates   int
	}
	pick := fmt.Sprintf(`(() => {
		const d = JSON.parse(document.getElementById('cablegraph-data').textContent);
		const x = JSON.parse(document.getElementById('cablegraph-details').textContent);
		const s = window.cablegraph.sigma, g = window.cablegraph.graph;
		const me = d.nodes.findIndex(n => n.id === %q);
		const vp = (id) => { const n = s.getNodeDisplayData(id); return n && !n.hidden ? s.framedGraphToViewport(n) : null; };
		const rect = s.getContainer().getBoundingClientRect();
		const segDist = (p, a, b) => {
			const dx = b.x - a.x, dy = b.y - a.y, l = dx * dx + dy * dy;
			const t = l ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l)) : 0;
			return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
		};
		const drawn = [];
		g.forEachEdge((key, a, src, dst) => {
			const e = s.getEdgeDisplayData(key), p = vp(src), q = vp(dst);
			if (e && !e.hidden && p && q) drawn.push({k: a.i, p, q});
		});
		const nodes = [];
		g.forEachNode((key) => { const n = s.getNodeDisplayData(key); if (n && !n.hidden && n.size > 0) nodes.push({c: s.framedGraphToViewport(n), r: s.scaleSize(n.size)}); });
		let best = null, cands = 0;
		d.edges.forEach(([a, b], k) => {
			if (a !== me && b !== me) return;
			const p = vp(d.nodes[a].id), q = vp(d.nodes[b].id);
			if (!p || !q) return;
			const da = s.getNodeDisplayData(d.nodes[a].id), db = s.getNodeDisplayData(d.nodes[b].id);
			const m = s.framedGraphToViewport({x: (da.x + db.x) / 2, y: (da.y + db.y) / 2}); // the edge's midpoint
			if (m.x < 20 || m.y < 20 || m.x > rect.width - 20 || m.y > rect.height - 20) return;
			if (s.getNodeAtPosition(m)) return;
			// the clearance: how far the midpoint is from every node's rim
			// and every other edge drawn; the clearest edge is clicked (its
			// own line is nearer to the pointer than any other)
			let clear = Infinity;
			nodes.forEach(n => { clear = Math.min(clear, Math.hypot(n.c.x - m.x, n.c.y - m.y) - n.r); });
			drawn.forEach(o => { if (o.k !== k) clear = Math.min(clear, segDist(m, o.p, o.q)); });
			if (clear < 1.5) return;
			cands++;
			if (!best || clear > best.clear) best = {clear, k, m, other: a === me ? b : a};
		});
		if (!best) return {Candidates: 0};
		return {X: rect.left + best.m.x, Y: rect.top + best.m.y, Other: d.nodes[best.other].id,
			Quote: x.meetings[x.edges[best.k].m[0]].quote, Candidates: cands};
	})()`, probe.ID)
	eval(pick, &target)
	for zoom := 0; target.Candidates == 0 && zoom < 3; zoom++ {
		// none clear at this zoom (a hub in a dense part): closer in
		var ratio float64
		eval(`(() => { const c = window.cablegraph.sigma.getCamera(); c.setState({ratio: c.getState().ratio / 2}); return c.getState().ratio; })()`, &ratio)
		do(chromedp.Sleep(400 * time.Millisecond))
		t.Logf("%s: no edge of %s clear to click: camera ratio %.3f", name, probe.ID, ratio)
		eval(pick, &target)
	}
	if target.Candidates == 0 {
		t.Fatalf("no edge of %s to click: every midpoint is off the canvas, under a node or within 1.5 px of another edge or node", probe.ID)
	}
	do(chromedp.MouseClickXY(target.X, target.Y), chromedp.Sleep(500*time.Millisecond))
	eval(`location.hash`, &hash)
	panel := text("#panel")
	if quote := strings.Join(strings.Fields(target.Quote), " "); !strings.Contains(strings.Join(strings.Fields(panel), " "), quote[:min(60, len(quote))]) {
		t.Errorf("click at (%.0f, %.0f) on the edge %s-%s: the panel lacks the evidence %q:\n%s", target.X, target.Y, probe.ID, target.Other, short(quote), short(panel))
	}
	if !strings.Contains(hash, "edge=") || !strings.Contains(hash, probe.ID) || !strings.Contains(hash, target.Other) {
		t.Errorf("edge %s-%s clicked, fragment %q", probe.ID, target.Other, hash)
	}
	t.Logf("%s: clicked the edge %s-%s at (%.0f, %.0f) (the clearest of %d at least 1.5 px from any other edge or node)", name, probe.ID, target.Other, target.X, target.Y, target.Candidates)

	// a time range: fewer edges shown
	var ignore any
	before := text("#counts")
	do(chromedp.SetValue("#from", "2009-01-01"), chromedp.SetValue("#to", "2009-03-31"))
	eval(`['from','to'].forEach(id => { const el = document.getElementById(id); el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true})); }), true`, &ignore)
	do(chromedp.Sleep(500 * time.Millisecond))
	after := text("#counts")
	eval(`location.hash`, &hash)
	if before == after || !strings.Contains(hash, "from=2009-01-01") {
		t.Errorf("time range: counts %q then %q, fragment %q", before, after, hash)
	}
	t.Logf("%s: counts %q, then for 2009-01-01..2009-03-31 %q", name, before, after)

	// the fragment opens the same view
	do(chromedp.Navigate(url + "#node=" + probe.ID + "&from=2009-01-01&to=2009-03-31"))
	waitReady()
	do(chromedp.Sleep(300 * time.Millisecond))
	if panel, again := text("#panel"), text("#counts"); !strings.Contains(panel, probe.Label) || again != after {
		t.Errorf("a link to the view: panel %q, counts %q (want %q)", short(panel), again, after)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Error(p)
	}
	for _, r := range requests {
		t.Errorf("network request: %s", r)
	}
}

// coldPaint opens url in a fresh headless Chromium and returns the page's
// first paint (window.cablegraph.firstPaintMs).
func coldPaint(t *testing.T, exe, url string) float64 {
	t.Helper()
	actx, cancel := chromedp.NewExecAllocator(context.Background(), browserOptions(exe)...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	sctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	for {
		paint, err := chromedp.Run(sctx, chromedp.Poll[float64](`window.cablegraph && window.cablegraph.ready === true && window.cablegraph.firstPaintMs`, chromedp.WithPollingTimeout(30*time.Second)))
		if err == nil {
			return paint
		}
		if sctx.Err() != nil {
			t.Fatalf("the page never said it was ready: %v", err)
		}
		time.Sleep(200 * time.Millisecond) // the poll lost its page: again
	}
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// milestones lists the page's timings (ms since the navigation started) in order.
func milestones(m map[string]float64) string {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(m[a], m[b]) })
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %.0f", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// loadavg is the machine's load (1, 5, 15 minutes): timings are noisy under load.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

// browserOptions start Debian's headless Chromium as the test runs it.
func browserOptions(exe string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1280, 800))
}

func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
