package view_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/record"
	"github.com/cablegraph/cablegraph/view"
)

// synthCables makes cables whose meetings link n people as the corpus's
// do: about three edges a person (the corpus: 12,187 edges of 4,080
// people), in communities of 40 with a quarter of the meetings across
// them, and a few people in each community meeting most. The synth
// package cannot grow the graph (its copies of the corpus's cables name
// the same people), so the page's scale is measured on these.
func synthCables(n int, seed uint64) []*record.Cable {
	const comm = 40
	r := rand.New(rand.NewPCG(seed, 15))
	ncomm := (n + comm - 1) / comm
	pick := func(c int) int { // someone of community c, the first more often
		size := min(comm, n-c*comm)
		return c*comm + int(float64(size)*math.Pow(r.Float64(), 2.5))
	}
	person := func(i int) record.Entity {
		return record.Entity{ID: fmt.Sprintf("person-%06d", i), Name: fmt.Sprintf("Person %d", i), Aliases: []string{fmt.Sprintf("P. %d", i)}}
	}
	var cs []*record.Cable
	for m := range 7 * n / 2 {
		a := m % n // everyone meets at least once
		if m >= n {
			a = pick(r.IntN(ncomm))
		}
		c := a / comm
		if r.IntN(4) == 0 {
			c = r.IntN(ncomm)
		}
		b := pick(c)
		if a == b {
			continue
		}
		pa, pb := person(a), person(b)
		ids := []string{pa.ID, pb.ID}
		slices.Sort(ids)
		day := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(5*365)).Format("2006-01-02")
		cs = append(cs, &record.Cable{
			Meta:     cable.Meta{RefID: fmt.Sprintf("SYN%07d", m), Date: day, Origin: fmt.Sprintf("Embassy %d", c%50), Subject: "SYNTHETIC", Tags: []string{"PREL"}},
			Entities: &record.Entities{People: []record.Entity{pa, pb}},
			Meetings: []record.Meeting{{Participants: ids, Kind: "meeting", Date: &day, Evidence: record.Span{Text: pa.Name + " met " + pb.Name + "."}}},
		})
	}
	return cs
}

// synthPage writes the graph.html of synthCables(n) with every person drawn.
func synthPage(t *testing.T, n int) (path string, d *view.Data, size int64) {
	t.Helper()
	cs := synthCables(n, 1)
	g := graph.New(graph.Options{})
	for _, c := range cs {
		if err := g.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	b := view.NewBuilder(g, graph.Options{}, "synthetic", n)
	for _, c := range cs {
		b.Add(c)
	}
	d = b.Data()
	path = filepath.Join(t.TempDir(), fmt.Sprintf("synth-%d.html", n))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := view.Write(f, d); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, d, st.Size()
}

// scaleFigures are a page's figures in the browser. Wall-clock times
// on a machine shared with other work mostly measure the others, so the
// CPU time Chromium's processes spend on a frame is taken too.
type scaleFigures struct {
	Fresh    float64 // first paint in a fresh browser, ms (median of three)
	Frame    float64 // median frame while the camera moves, ms
	FrameCPU float64 // Chromium's CPU time per frame while the camera moves, ms
	Select   float64 // a person selected (what a click does) to the frame after it painted, ms
	Hover    float64 // a hover highlight on or off (a refresh of the reducers) to the frame after it painted, ms (median of 8)
	HoverCPU float64 // Chromium's CPU time per hover highlight on or off, ms
}

// smooth says whether a page at these figures is smooth: Chromium
// spends at most 50 ms of CPU on a frame of a camera move (20 frames a
// second even on one core) and at most 100 ms on a hover highlight (an
// answer within a tenth of a second). With software WebGL only small
// graphs are (the README's design notes have the figures).
func (f scaleFigures) smooth() bool {
	return f.FrameCPU <= 50 && f.HoverCPU <= 100
}

// inBudget says whether a page at these figures keeps the budget the
// page is held to at view.MaxDrawn people on software WebGL: a first
// paint under 2 s in a fresh browser, a camera-move frame within 250 ms
// of Chromium's CPU and a hover within 350 ms (at 5,000 synthetic people
// about 180 and 240 under a load of 8 on 2 cores).
func (f scaleFigures) inBudget() bool {
	return f.Fresh < 2000 && f.FrameCPU <= 250 && f.HoverCPU <= 350
}

// withinTwice says whether a page keeps its first paint under 2 s and
// its camera-move frame and hover within twice the budget's CPU.
func (f scaleFigures) withinTwice() bool {
	return f.Fresh < 2000 && f.FrameCPU <= 2*250 && f.HoverCPU <= 2*350
}

// chromeCPU returns the CPU time (user and system, ms) used so far by the
// processes this test started (Chromium's browser, renderer and GPU
// processes), from /proc; 0 where there is no /proc.
func chromeCPU() float64 {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	type proc struct {
		ppid int
		cpu  float64
	}
	procs := map[int]proc{}
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
		if len(f) < 13 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		ut, _ := strconv.ParseFloat(f[11], 64)
		st, _ := strconv.ParseFloat(f[12], 64)
		procs[pid] = proc{ppid, (ut + st) * 10} // USER_HZ is 100 on Linux
	}
	me, total := os.Getpid(), 0.0
	for _, p := range procs {
		for q, k := p.ppid, 0; q > 1 && k < 20; k++ {
			if q == me {
				total += p.cpu
				break
			}
			q = procs[q].ppid
		}
	}
	return total
}

// measure opens the page at url: three fresh browsers for the first
// paint, then, in one of them, a camera move, a selection and a hover.
func measure(t *testing.T, exe, url, probe string) scaleFigures {
	t.Helper()
	var f scaleFigures
	var colds []float64
	for range 3 {
		colds = append(colds, coldPaint(t, exe, url))
	}
	f.Fresh = median(colds)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), browserOptions(exe)...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.cablegraph && window.cablegraph.ready === true)`, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		t.Fatalf("%s never said it was ready: %v", url, err)
	}
	run := func(js string, v any) {
		t.Helper()
		r, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](js, chromedp.EvalAwaitPromise))
		if err == nil {
			err = json.Unmarshal(r, v)
		}
		if err != nil {
			t.Fatalf("%s: %v", short(js), err)
		}
	}
	var frames []float64
	cpu := chromeCPU()
	run(`new Promise((done) => {
		const cam = window.cablegraph.sigma.getCamera(), out = [];
		let last = performance.now();
		const t0 = last;
		cam.animate({x: 0.6, y: 0.4, ratio: 0.6}, {duration: 1500});
		const tick = () => {
			const now = performance.now();
			out.push(now - last);
			last = now;
			if (now - t0 < 1500) requestAnimationFrame(tick); else done(out);
		};
		requestAnimationFrame(tick);
	})`, &frames)
	f.FrameCPU = (chromeCPU() - cpu) / float64(len(frames))
	frames = frames[1:] // the first is the wait for the first frame
	slices.Sort(frames)
	f.Frame = frames[len(frames)/2]
	painted := `requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)))`
	run(fmt.Sprintf(`new Promise((done) => {
		const t0 = performance.now();
		window.cablegraph.select(%q);
		%s;
	})`, probe, painted), &f.Select)
	// hovers: sigma's enterNode and leaveNode, as the pointer gives them
	var hovers []float64
	cpu = chromeCPU()
	run(fmt.Sprintf(`new Promise(async (done) => {
		const s = window.cablegraph.sigma, out = [];
		const ev = {event: {x: 0, y: 0, original: new MouseEvent("mousemove")}, preventSigmaDefault() {}};
		for (let k = 0; k < 8; k++) {
			const t0 = performance.now();
			s.emit(k %% 2 ? "leaveNode" : "enterNode", {node: %q, ...ev});
			await new Promise((next) => requestAnimationFrame(() => requestAnimationFrame(next)));
			out.push(performance.now() - t0);
		}
		done(out);
	})`, probe), &hovers)
	f.HoverCPU = (chromeCPU() - cpu) / float64(len(hovers))
	f.Hover = median(hovers)
	return f
}

// TestScale measures graph.html on synthetic graphs drawn whole: at
// view.MaxDrawn people (the most the page draws) it must paint in under
// 2 s and stay within twice its budget (scaleFigures.inBudget, logged). CABLEGRAPH_VIEW_SCALE=2000,5000,10000 measures
// those sizes instead and logs a table (the README's design notes).
func TestScale(t *testing.T) {
	exe := chrome()
	if exe == "" {
		t.Skip("Chromium not found (Debian package chromium; .ci/run installs it; or set CABLEGRAPH_CHROME): the scale test is skipped")
	}
	if testing.Short() {
		t.Skip("-short: the scale test is skipped")
	}
	sizes := []int{view.MaxDrawn}
	if env := os.Getenv("CABLEGRAPH_VIEW_SCALE"); env != "" {
		sizes = nil
		for _, s := range strings.Split(env, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n < 10 {
				t.Fatalf("CABLEGRAPH_VIEW_SCALE=%q: want sizes (people) separated by commas", env)
			}
			sizes = append(sizes, n)
		}
	}
	t.Logf("load %s", loadavg())
	for _, n := range sizes {
		start := time.Now()
		path, d, size := synthPage(t, n)
		built := time.Since(start)
		// the most met person, for the selection and the hover
		best := 0
		for i, nd := range d.Nodes {
			if nd.Meetings > d.Nodes[best].Meetings {
				best = i
			}
		}
		f := measure(t, exe, "file://"+path, d.Nodes[best].ID)
		t.Logf("%6d people %6d edges, page %5.1f MB (built in %4.1f s): first paint %5.0f ms fresh; camera move %3.0f ms a frame (CPU %3.0f); select %4.0f ms; hover %4.0f ms (CPU %3.0f); smooth %v, in budget %v; load %s",
			len(d.Nodes), len(d.Edges), float64(size)/1e6, built.Seconds(), f.Fresh, f.Frame, f.FrameCPU, f.Select, f.Hover, f.HoverCPU, f.smooth(), f.inBudget(), loadavg())
		// the budget is what MaxDrawn was chosen by, measured with care;
		// in make test, beside other tests on a shared machine, CPU time
		// per frame varies by half again (299 and 355 ms seen at load 3
		// for 180 and 240 at rest), so the test fails at twice the frame
		// and hover budget, and at the first paint the page promises
		if n == view.MaxDrawn && !f.withinTwice() {
			t.Errorf("at view.MaxDrawn (%d people drawn) the page is far over its budget (first paint 2 s, frame CPU 500 ms, hover CPU 700 ms): %+v", n, f)
		}
	}
}
