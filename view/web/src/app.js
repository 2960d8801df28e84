// cablegraph graph.html: the page logic (see view/DATA.md for the data contract).
// sigma.js 3 draws a graphology graph built from the inline JSON; the layout,
// sizes and communities come precomputed, nothing is laid out here.
import Graph from "graphology";
import Sigma from "sigma";
import { DEFAULT_EDGE_PROGRAM_CLASSES } from "sigma/settings";
import { EdgeLineProgram } from "sigma/rendering";

// A fixed palette (community index modulo its length): distinct, readable on white.
const PALETTE = [
  "#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#edc948",
  "#76b7b2", "#ff9da7", "#9c755f", "#3b8f8a", "#8f6bd1", "#c46b1b",
];
const EDGE_COLOR = "#c9ced6";
const EDGE_FOCUS = "#5b6472";
const EDGE_SELECTED = "#d1495b";
const DIM_NODE = "#e4e6ea";

const $ = (id) => document.getElementById(id);

// h builds DOM nodes: h("div", {class: "x", onclick: fn}, child, "text", ...).
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v == null || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "class") el.className = v;
      else el.setAttribute(k, v === true ? "" : v);
    }
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid == null || kid === false) continue;
    el.append(kid instanceof Node ? kid : String(kid));
  }
  return el;
}

// fill replaces an element's children (null and false children are skipped).
const fill = (el, ...kids) => el.replaceChildren(...kids.flat(Infinity).filter((k) => k != null && k !== false));

// uniq drops names that differ only by case, accents or punctuation.
const uniq = (list) => {
  const seen = new Set();
  return (list || []).filter((t) => !seen.has(norm(t)) && seen.add(norm(t)));
};

const plural = (n, one, many) => `${n} ${n === 1 ? one : many || one + "s"}`;

// norm folds case, accents, hyphens and punctuation: "Al-Mālikī" -> "al maliki".
function norm(s) {
  return String(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const api = (window.cablegraph = window.cablegraph || {});
api.ready = false;
// Milestones in ms since navigation start, for measuring the first paint.
const timings = (api.timings = { script: performance.now() });

function fail(msg) {
  const p = $("panel");
  if (p) fill(p, h("p", { class: "error" }, msg));
  console.warn("cablegraph: " + msg);
}

function main() {
  let data;
  try {
    data = JSON.parse($("cablegraph-data").textContent);
  } catch (e) {
    fail("No graph data in this page (" + e.message + ").");
    return;
  }
  timings.parsed = performance.now();
  const N = data.nodes || [];
  const E = (data.edges || []).map(([s, t, w]) => ({ s, t, w }));
  // The details (DATA.md: offices, aliases, meetings, cables) come after the
  // script in the page and are parsed when first needed (see loadDetails).
  let M = [];
  let C = [];
  const title = data.title || "cablegraph";
  document.title = title;
  $("title").textContent = title;
  if (data.note) {
    $("note").textContent = data.note;
    $("note").hidden = false;
  }

  // ---- indexes -------------------------------------------------------------
  const byId = new Map();
  N.forEach((n, i) => byId.set(n.id, i));
  const adj = N.map(() => []); // node index -> edge indexes
  const pairKey = new Map(); // "s,t" (s<t) -> edge index
  E.forEach((e, i) => {
    adj[e.s].push(i);
    adj[e.t].push(i);
    pairKey.set(Math.min(e.s, e.t) + "," + Math.max(e.s, e.t), i);
  });
  let mDate = []; // a meeting's date: its own, else its cable's
  let minDate = "", maxDate = "";
  let cableText = [];

  // loadDetails parses the second part of the data once the parser has read
  // it (it follows this script) and merges it in: false while it has not.
  let details = false;
  function loadDetails() {
    if (details) return true;
    const el = $("cablegraph-details");
    if (!el) return false;
    details = true;
    let d = {};
    try {
      d = JSON.parse(el.textContent);
    } catch (e) {
      fail("No details in this page (" + e.message + ").");
    }
    (d.nodes || []).forEach((x, i) => N[i] && Object.assign(N[i], x));
    (d.edges || []).forEach((x, i) => E[i] && Object.assign(E[i], x));
    M = d.meetings || [];
    C = d.cables || [];
    mDate = M.map((m) => m.date || (C[m.cable] && C[m.cable].date) || "");
    for (const d of mDate) {
      if (!d) continue;
      if (!minDate || d < minDate) minDate = d;
      if (!maxDate || d > maxDate) maxDate = d;
    }
    cableText = C.map((c) => [c.origin || "", ...(c.tags || [])].join("\u0001").toLowerCase());
    for (const el of [from, to]) {
      if (minDate) el.min = minDate;
      if (maxDate) el.max = maxDate;
    }
    syncInputs();
    timings.details = performance.now();
    return true;
  }
  // later(fn) runs fn with the details: now, or once the page is read.
  const later = (fn) => (...args) => {
    if (loadDetails()) return fn(...args);
    document.addEventListener("DOMContentLoaded", () => loadDetails() && fn(...args), { once: true });
  };

  // ---- graph ---------------------------------------------------------------
  const graph = new Graph({ type: "undirected", allowSelfLoops: false });
  const addNode = (i) => {
    const n = N[i];
    graph.addNode(n.id, {
      i,
      x: n.x,
      y: n.y,
      size: n.size || 3,
      label: n.label || n.id,
      color: PALETTE[((n.community | 0) % PALETTE.length + PALETTE.length) % PALETTE.length],
    });
  };
  const addEdge = (i) => {
    const e = E[i];
    graph.addEdgeWithKey(String(i), N[e.s].id, N[e.t].id, { i });
  };
  N.forEach((n, i) => n.shown !== false && addNode(i));
  E.forEach((e, i) => graph.hasNode(N[e.s].id) && graph.hasNode(N[e.t].id) && addEdge(i));

  timings.graph = performance.now();

  // The frame must cover every node, drawn or not, so that revealing one moves
  // nothing: when people not drawn lie outside the drawn ones, two hidden nodes
  // hold the corners (sigma frames the graph by its nodes' x/y; a custom bbox
  // would cost a second full pass before the first frame).
  if (graph.order < N.length) {
    const ext = (list) => {
      const b = [Infinity, -Infinity, Infinity, -Infinity];
      for (const n of list) {
        b[0] = Math.min(b[0], n.x);
        b[1] = Math.max(b[1], n.x);
        b[2] = Math.min(b[2], n.y);
        b[3] = Math.max(b[3], n.y);
      }
      return b;
    };
    const all = ext(N), drawn = ext(N.filter((n) => n.shown !== false));
    if (all.some((v, k) => v !== drawn[k])) {
      graph.addNode("\u0000frame-min", { i: -1, x: all[0], y: all[2], size: 0, hidden: true, label: null });
      graph.addNode("\u0000frame-max", { i: -1, x: all[1], y: all[3], size: 0, hidden: true, label: null });
    }
  }

  // ---- state ---------------------------------------------------------------
  const st = {
    from: "", to: "", min: 1, filter: "", // "": no bound
    sel: null, // {type: "node", i} | {type: "edge", i}
    hover: null, // node index
  };
  const edgeCount = new Int32Array(E.length); // meetings in range and filter
  const nodeKept = new Uint8Array(N.length);
  let filterOn = false;
  let shownNodes = 0, shownEdges = 0;

  const meetingIn = (mi, cableOK) => {
    const d = mDate[mi];
    if (st.from || st.to) {
      if (!d) return false;
      if (st.from && d < st.from) return false;
      if (st.to && d > st.to) return false;
    }
    return !cableOK || cableOK[M[mi].cable] === 1;
  };

  function computeFilter() {
    const f = st.filter.trim().toLowerCase();
    let cableOK = null;
    if (f) {
      cableOK = new Uint8Array(C.length);
      cableText.forEach((t, i) => (cableOK[i] = t.includes(f) ? 1 : 0));
    }
    filterOn = !!f || st.min > 1 || !!st.from || !!st.to;
    if (filterOn) loadDetails(); // the callers that set a filter run once the page is read
    nodeKept.fill(filterOn ? 0 : 1);
    for (let i = 0; i < E.length; i++) {
      const e = E[i];
      let c = 0;
      if (!filterOn) c = e.w || (e.m ? e.m.length : 0);
      else for (const mi of e.m || []) if (meetingIn(mi, cableOK)) c++;
      edgeCount[i] = c;
      if (c > 0 && c >= st.min) {
        nodeKept[e.s] = 1;
        nodeKept[e.t] = 1;
      }
    }
    shownNodes = 0;
    shownEdges = 0;
    graph.forEachNode((_, a) => {
      if (nodeKept[a.i]) shownNodes++;
    });
    graph.forEachEdge((_, a) => {
      if (edgeKeptIdx(a.i)) shownEdges++;
    });
    const counts = $("counts");
    counts.textContent = `${shownNodes} ${shownNodes === 1 ? "person" : "people"}, ${plural(shownEdges, "edge")} shown`;
    counts.dataset.nodes = shownNodes;
    counts.dataset.edges = shownEdges;
    const tot = data.total || { nodes: N.length, edges: E.length };
    $("totals").textContent = shownNodes === tot.nodes && shownEdges === tot.edges ? "" : `of ${tot.nodes} people, ${tot.edges} edges`;
  }
  const edgeKeptIdx = (i) => edgeCount[i] > 0 && edgeCount[i] >= st.min;

  // ---- reducers ------------------------------------------------------------
  // focus: the hovered node, else the selection, with its neighbourhood.
  let focusNode = -1, focusEdge = -1;
  const focusNb = new Set();
  function computeFocus() {
    focusNb.clear();
    focusNode = -1;
    focusEdge = -1;
    const n = st.hover != null ? st.hover : st.sel && st.sel.type === "node" ? st.sel.i : -1;
    if (n >= 0) {
      focusNode = n;
      for (const ei of adj[n]) {
        if (!edgeKeptIdx(ei)) continue;
        const e = E[ei];
        focusNb.add(e.s === n ? e.t : e.s);
      }
    } else if (st.sel && st.sel.type === "edge") {
      focusEdge = st.sel.i;
      focusNb.add(E[focusEdge].s).add(E[focusEdge].t);
    }
  }

  function nodeReducer(key, a) {
    const i = a.i;
    if (i < 0) return a; // a frame corner
    const isSel = st.sel && ((st.sel.type === "node" && st.sel.i === i) ||
      (st.sel.type === "edge" && (E[st.sel.i].s === i || E[st.sel.i].t === i)));
    if (!nodeKept[i] && !isSel && i !== st.hover) {
      a.hidden = true;
      return a;
    }
    if (focusNode >= 0 || focusEdge >= 0) {
      if (i === focusNode || isSel) {
        a.highlighted = true;
        a.forceLabel = true;
        a.zIndex = 2;
      } else if (focusNb.has(i)) {
        a.zIndex = 1;
        if (focusNb.size <= 40) a.forceLabel = true;
      } else {
        a.color = DIM_NODE;
        a.label = null;
        a.zIndex = 0;
      }
    }
    return a;
  }

  function edgeReducer(key, a) {
    const i = a.i;
    const c = edgeCount[i];
    const e = E[i];
    const sel = st.sel && st.sel.type === "edge" && st.sel.i === i;
    if (!sel && !(c > 0 && c >= st.min)) {
      a.hidden = true;
      return a;
    }
    a.size = Math.min(6, 0.6 + Math.log2(Math.max(1, c)) * 0.9);
    a.color = EDGE_COLOR;
    if (sel) {
      a.color = EDGE_SELECTED;
      a.size = Math.max(a.size, 2.5);
      a.zIndex = 2;
    } else if (focusNode >= 0) {
      if (e.s === focusNode || e.t === focusNode) {
        a.color = EDGE_FOCUS;
        a.zIndex = 1;
      } else a.hidden = true;
    } else if (focusEdge >= 0) {
      a.hidden = true;
    }
    // one meeting: a hairline (GL lines), much cheaper for software WebGL to
    // draw than the antialiased quad of the thicker edges
    if (c <= 1 && !sel) a.type = "thin";
    return a;
  }

  // ---- sigma (made once the state is known, so the first frame is the only pass)
  const container = $("graph");
  let sigma = null;
  const redraw = (opts) => sigma && sigma.refresh(opts);
  const sigmaSettings = {
    nodeReducer,
    edgeReducer,
    // Edges are picked by geometry (edgeAt): sigma's edge events would draw
    // every edge a second time, into a picking layer, before the first frame.
    enableEdgeEvents: false,
    zIndex: true,
    defaultEdgeColor: EDGE_COLOR,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    labelSize: 12,
    labelWeight: "500",
    labelColor: { color: "#1f2933" },
    labelDensity: 0.6,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 7,
    hideEdgesOnMove: E.length > 20000,
    minCameraRatio: 0.02,
    maxCameraRatio: 4,
    stagePadding: 24,
    // No arrows here: the default "arrow" program would be compiled for nothing.
    edgeProgramClasses: { arrow: DEFAULT_EDGE_PROGRAM_CLASSES.line, thin: EdgeLineProgram },
  };

  // ---- panel ---------------------------------------------------------------
  const panel = $("panel");
  const personLink = (i) =>
    h("button", { class: "link", type: "button", onclick: () => select(i, true) }, N[i].label || N[i].id);
  const dl = (rows) =>
    h("dl", null, rows.filter((r) => r && r[1] != null && r[1] !== "" && !(Array.isArray(r[1]) && !r[1].length))
      .map(([k, v]) => [h("dt", null, k), h("dd", null, Array.isArray(v) ? v.join(", ") : v)]));

  function showHelp() {
    fill(panel,
      h("h2", null, "Who met whom"),
      h("p", null, "Search a person above, click a node to see whom they met, or click a tie to read every meeting behind it with the cable's own words."),
      h("p", { class: "muted" }, "Hover a node to see its neighbours. Node size: meetings; colour: community. The dates, minimum meetings and post/TAG filter keep only meetings that match; the address bar keeps the view, so a link to it reopens it."),
    );
  }

  function showNode(i) {
    const n = N[i];
    const met = adj[i].map((ei) => ({ ei, o: E[ei].s === i ? E[ei].t : E[ei].s, w: E[ei].w || 0, c: edgeCount[ei] }));
    met.sort((a, b) => b.w - a.w || (N[a.o].label || "").localeCompare(N[b.o].label || ""));
    const rows = met.map(({ ei, o, w, c }) =>
      h("li", { class: edgeKeptIdx(ei) ? null : "out" },
        personLink(o),
        h("button", { class: "count", type: "button", title: "Read the meetings", onclick: () => selectEdge(ei, false) },
          filterOn && c !== w ? `${c}/${w}` : String(w), " ›")));
    fill(panel,
      h("h2", null, n.label || n.id),
      n.shown === false ? h("p", { class: "muted" }, "Not among the people drawn by default; shown here on demand.") : null,
      !nodeKept[i] && n.shown !== false ? h("p", { class: "muted" }, "Hidden by the current filters.") : null,
      dl([
        ["id", n.id],
        ["offices", n.offices],
        ["aliases", uniq(n.aliases)],
        ["cables", n.cables],
        ["meetings", n.meetings],
        ["first", n.first],
        ["last", n.last],
      ]),
      h("h3", null, `Met ${plural(met.length, "person", "people")}`, filterOn ? h("span", { class: "muted" }, " (in range/all)") : null),
      met.length ? h("ol", { class: "met" }, rows) : h("p", { class: "muted" }, "No meetings in the data."),
    );
    panel.scrollTop = 0;
  }

  function showEdge(ei) {
    const e = E[ei];
    const f = st.filter.trim().toLowerCase();
    let cableOK = null;
    if (f) cableOK = C.map((_, ci) => (cableText[ci].includes(f) ? 1 : 0));
    // Oldest first (undated last), then in cable order.
    const order = (e.m || []).slice().sort((x, y) => (mDate[x] || "9999").localeCompare(mDate[y] || "9999") || x - y);
    const ms = order.map((mi) => {
      const m = M[mi], c = C[m.cable] || {};
      const inr = !filterOn || meetingIn(mi, cableOK);
      return h("li", { class: "meeting" + (inr ? "" : " out") },
        h("div", { class: "mhead" },
          h("span", { class: "date" }, m.date || (c.date ? c.date + " (cable)" : "undated")),
          h("span", { class: "kind" }, m.kind || "meeting"),
          m.place ? h("span", { class: "place" }, m.place) : null),
        h("blockquote", null, m.quote || ""),
        (m.people || []).length > 2
          ? h("div", { class: "with" }, "With: ", (m.people || []).map((p, k) => [k ? ", " : "", personLink(p)]))
          : null,
        h("div", { class: "cable" },
          h("code", null, c.id || "?"), " ", c.subject ? h("span", { class: "subject" }, c.subject) : null,
          h("div", { class: "muted" }, [c.origin, c.date, (c.tags || []).join(" ")].filter(Boolean).join(" · "))));
    });
    fill(panel,
      h("h2", null, personLink(e.s), h("span", { class: "amp" }, " & "), personLink(e.t)),
      h("p", { class: "muted" },
        plural(e.w || ms.length, "meeting"), e.first ? `, ${e.first}` : "", e.last && e.last !== e.first ? ` to ${e.last}` : "",
        filterOn ? ` (${edgeCount[ei]} in the current filters)` : ""),
      h("ol", { class: "meetings" }, ms),
    );
    panel.scrollTop = 0;
  }

  // ---- selection -----------------------------------------------------------
  function ensureDrawn(i) {
    const id = N[i].id;
    if (graph.hasNode(id)) return;
    addNode(i); // revealed on demand (shown: false), with its ties to drawn people
    for (const ei of adj[i]) {
      const e = E[ei];
      if (graph.hasNode(N[e.s].id) && graph.hasNode(N[e.t].id) && !graph.hasEdge(String(ei))) addEdge(ei);
    }
    computeFilter();
  }

  let pendingCentre = null;
  function centreOn(ids, ratio, animate = true) {
    if (!sigma) {
      pendingCentre = [ids, ratio];
      return;
    }
    const pts = ids.map((id) => sigma.getNodeDisplayData(id)).filter(Boolean);
    if (!pts.length) return;
    const x = pts.reduce((s, p) => s + p.x, 0) / pts.length;
    const y = pts.reduce((s, p) => s + p.y, 0) / pts.length;
    const cam = sigma.getCamera();
    const target = { x, y, ratio: Math.min(cam.getState().ratio, ratio) };
    if (animate) cam.animate(target, { duration: 450 });
    else cam.setState(target);
  }

  function select(i, centre) {
    if (i == null || i < 0) return;
    if (!loadDetails()) return later(select)(i, centre);
    ensureDrawn(i);
    st.sel = { type: "node", i };
    st.hover = null;
    computeFocus();
    redraw();
    showNode(i);
    if (centre) centreOn([N[i].id], 0.35);
    writeHash();
  }

  function selectEdge(ei, centre) {
    if (ei == null || ei < 0) return;
    if (!loadDetails()) return later(selectEdge)(ei, centre);
    const e = E[ei];
    ensureDrawn(e.s);
    ensureDrawn(e.t);
    st.sel = { type: "edge", i: ei };
    st.hover = null;
    computeFocus();
    redraw();
    showEdge(ei);
    if (centre) centreOn([N[e.s].id, N[e.t].id], 0.5);
    writeHash();
  }

  function clearSelection() {
    st.sel = null;
    computeFocus();
    redraw();
    showHelp();
    writeHash();
  }

  const edgeOf = (a, b) => {
    const s = byId.get(a), t = byId.get(b);
    if (s == null || t == null) return -1;
    const k = pairKey.get(Math.min(s, t) + "," + Math.max(s, t));
    return k == null ? -1 : k;
  };

  function bindSigma() {
  sigma.on("clickNode", ({ node }) => select(graph.getNodeAttribute(node, "i"), false));
  sigma.on("clickStage", ({ event }) => {
    const ei = edgeAt(event.x, event.y);
    if (ei >= 0) selectEdge(ei, false);
    else if (st.sel) clearSelection();
  });
  sigma.on("enterNode", ({ node }) => {
    st.hover = graph.getNodeAttribute(node, "i");
    container.style.cursor = "pointer";
    computeFocus();
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on("leaveNode", () => {
    st.hover = null;
    container.style.cursor = "";
    computeFocus();
    sigma.refresh({ skipIndexation: true });
  });
  // an edge under the pointer shows the hand (looked up once a frame)
  let moved = null;
  sigma.on("moveBody", ({ event }) => {
    if (!moved) requestAnimationFrame(() => {
      if (st.hover == null) container.style.cursor = edgeAt(moved.x, moved.y) >= 0 ? "pointer" : "";
      moved = null;
    });
    moved = { x: event.x, y: event.y };
  });
  }

  // edgeAt returns the index of the edge drawn nearest the viewport point
  // (x, y), within a few pixels of its line, or -1: what sigma draws (after
  // the reducers) is what can be clicked.
  function edgeAt(x, y) {
    const at = new Map(); // node key -> viewport position, or null when not drawn
    const pos = (key) => {
      let p = at.get(key);
      if (p === undefined) {
        const d = sigma.getNodeDisplayData(key);
        p = d && !d.hidden ? sigma.framedGraphToViewport(d) : null;
        at.set(key, p);
      }
      return p;
    };
    let best = -1, bestD = Infinity;
    graph.forEachEdge((key, a, src, dst) => {
      const d = sigma.getEdgeDisplayData(key);
      if (!d || d.hidden) return;
      const p = pos(src), q = pos(dst);
      if (!p || !q) return;
      const dx = q.x - p.x, dy = q.y - p.y, len2 = dx * dx + dy * dy;
      const t = len2 ? Math.max(0, Math.min(1, ((x - p.x) * dx + (y - p.y) * dy) / len2)) : 0;
      const ex = p.x + t * dx - x, ey = p.y + t * dy - y;
      const dist = Math.sqrt(ex * ex + ey * ey);
      if (dist <= Math.max(4, sigma.scaleSize(d.size || 1) / 2 + 3) && dist < bestD) {
        bestD = dist;
        best = a.i;
      }
    });
    return best;
  }

  // ---- search --------------------------------------------------------------
  // The name index is built on first use, not before the first frame.
  let keys = null;
  // (Before the details are read, the names without the aliases, not kept.)
  const nameKeys = () => {
    if (keys) return keys;
    const k = N.map((n) => [n.label || n.id, n.id, ...(n.aliases || [])].map((t) => {
      const k = norm(t);
      return { t, k, c: k.replace(/ /g, "") };
    }));
    if (details) keys = k;
    return k;
  };
  const search = $("search");
  const sugg = $("suggestions");
  let hits = [], active = -1;

  function findPeople(q, limit) {
    const k = norm(q), c = k.replace(/ /g, "");
    if (!c) return [];
    const out = [];
    loadDetails();
    const keys = nameKeys();
    for (let i = 0; i < N.length; i++) {
      let best = 0, via = null;
      for (const key of keys[i]) {
        let s = 0;
        if (key.k === k || key.c === c) s = 4;
        else if (key.k.startsWith(k) || key.c.startsWith(c)) s = 3;
        else if ((" " + key.k).includes(" " + k)) s = 2;
        else if (key.c.includes(c)) s = 1;
        if (s > best) {
          best = s;
          via = key.t;
        }
      }
      if (best) out.push({ i, s: best, via });
    }
    out.sort((a, b) => b.s - a.s || (N[b.i].meetings || 0) - (N[a.i].meetings || 0) || a.i - b.i);
    return out.slice(0, limit);
  }

  function renderSuggestions() {
    fill(sugg, hits.map((hit, k) => {
      const n = N[hit.i];
      const label = n.label || n.id;
      return h("li", {
        role: "option", id: "sugg-" + k, class: k === active ? "active" : null,
        "aria-selected": k === active ? "true" : "false",
        onmousedown: (ev) => { ev.preventDefault(); choose(k); },
      },
      h("span", { class: "name" }, label),
      hit.via && norm(hit.via) !== norm(label) ? h("span", { class: "via" }, hit.via) : null,
      h("span", { class: "meta" }, plural(n.meetings || 0, "meeting"), n.shown === false ? " · not drawn" : ""));
    }));
    sugg.hidden = !hits.length;
    search.setAttribute("aria-expanded", hits.length ? "true" : "false");
    if (active >= 0) search.setAttribute("aria-activedescendant", "sugg-" + active);
    else search.removeAttribute("aria-activedescendant");
  }

  function choose(k) {
    const hit = hits[k];
    if (!hit) return;
    search.value = N[hit.i].label || N[hit.i].id;
    hits = [];
    active = -1;
    renderSuggestions();
    select(hit.i, true);
  }

  search.addEventListener("input", () => {
    hits = findPeople(search.value, 12);
    active = hits.length ? 0 : -1;
    renderSuggestions();
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!hits.length) hits = findPeople(search.value, 12);
      if (hits.length) active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      renderSuggestions();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (!hits.length) hits = findPeople(search.value, 12);
      choose(active >= 0 ? active : 0);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      hits = [];
      active = -1;
      renderSuggestions();
    }
  });
  search.addEventListener("blur", () => setTimeout(() => { hits = []; active = -1; renderSuggestions(); }, 100));

  // ---- filters -------------------------------------------------------------
  $("controls").addEventListener("submit", (ev) => ev.preventDefault());
  const from = $("from"), to = $("to"), minW = $("min-weight"), filt = $("filter");
  function syncInputs() {
    from.value = st.from || minDate;
    to.value = st.to || maxDate;
    minW.value = String(st.min);
    filt.value = st.filter;
  }
  function applyFilters() {
    if (!loadDetails()) return later(applyFilters)();
    computeFilter();
    computeFocus();
    redraw();
    if (st.sel && st.sel.type === "node") showNode(st.sel.i);
    else if (st.sel && st.sel.type === "edge") showEdge(st.sel.i);
    writeHash();
  }
  const onDates = () => {
    st.from = from.value && from.value !== minDate ? from.value : "";
    st.to = to.value && to.value !== maxDate ? to.value : "";
    applyFilters();
  };
  from.addEventListener("change", onDates);
  to.addEventListener("change", onDates);
  from.addEventListener("input", onDates);
  to.addEventListener("input", onDates);
  const onMin = () => {
    const v = parseInt(minW.value, 10);
    st.min = v > 1 ? v : 1;
    applyFilters();
  };
  minW.addEventListener("input", onMin);
  minW.addEventListener("change", onMin);
  let filtTimer = 0;
  const onFilt = () => {
    clearTimeout(filtTimer);
    if (st.filter === filt.value) return;
    st.filter = filt.value;
    applyFilters();
  };
  filt.addEventListener("input", () => { clearTimeout(filtTimer); filtTimer = setTimeout(onFilt, 120); });
  filt.addEventListener("change", onFilt);
  $("reset").addEventListener("click", () => {
    st.from = "";
    st.to = "";
    st.min = 1;
    st.filter = "";
    syncInputs();
    applyFilters();
    sigma.getCamera().animatedReset({ duration: 300 });
  });
  $("zoom-in").addEventListener("click", () => sigma.getCamera().animatedZoom({ duration: 250 }));
  $("zoom-out").addEventListener("click", () => sigma.getCamera().animatedUnzoom({ duration: 250 }));
  $("zoom-fit").addEventListener("click", () => sigma.getCamera().animatedReset({ duration: 300 }));
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && st.sel && document.activeElement === document.body) clearSelection();
  });

  // ---- URL fragment --------------------------------------------------------
  let lastHash = null;
  function writeHash() {
    const p = [];
    if (st.sel && st.sel.type === "node") p.push("node=" + encodeURIComponent(N[st.sel.i].id));
    if (st.sel && st.sel.type === "edge") {
      const e = E[st.sel.i];
      p.push("edge=" + encodeURIComponent(N[e.s].id) + "~" + encodeURIComponent(N[e.t].id));
    }
    if (st.from) p.push("from=" + st.from);
    if (st.to) p.push("to=" + st.to);
    if (st.min > 1) p.push("min=" + st.min);
    if (st.filter) p.push("filter=" + encodeURIComponent(st.filter));
    const hash = p.length ? "#" + p.join("&") : "";
    if (hash === lastHash) return;
    lastHash = hash;
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (e) {
      /* some file:// contexts refuse replaceState; the view still works */
    }
  }
  const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s || "");
  function readHash() {
    if (location.hash.length > 1 && !loadDetails()) return later(readHash)();
    const q = new URLSearchParams(location.hash.replace(/^#/, ""));
    st.from = isDate(q.get("from")) ? q.get("from") : "";
    st.to = isDate(q.get("to")) ? q.get("to") : "";
    const m = parseInt(q.get("min") || "1", 10);
    st.min = m > 1 ? m : 1;
    st.filter = q.get("filter") || "";
    syncInputs();
    computeFilter();
    st.sel = null;
    let ei = -1;
    const edge = q.get("edge");
    if (edge) {
      const [a, b] = edge.split("~");
      ei = edgeOf(a, b);
    }
    const node = q.get("node");
    if (ei >= 0) selectEdge(ei, true);
    else if (node && byId.has(node)) select(byId.get(node), true);
    else {
      computeFocus();
      redraw();
      showHelp();
      writeHash();
    }
  }
  window.addEventListener("hashchange", () => {
    if (location.hash !== lastHash) readHash();
  });
  window.addEventListener("resize", () => sigma && sigma.scheduleRefresh());

  function start() {
    readHash();
    timings.state = performance.now();
    sigma = new Sigma(graph, container, sigmaSettings); // processes and draws the first frame
    timings.sigma = performance.now();
    api.sigma = sigma;
    bindSigma();
    if (pendingCentre) centreOn(pendingCentre[0], pendingCentre[1], false);
    // The first frame is painted once the next one begins (its WebGL pixels
    // have been drawn and handed to the compositor by then).
    requestAnimationFrame(() => {
      timings.frame = performance.now();
      requestAnimationFrame(() => {
        api.firstPaintMs = timings.painted = performance.now();
        painted = true;
        isReady();
        // the details, while the reader looks: the first click need not wait
        const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
        idle(() => loadDetails() || later(() => {})(), { timeout: 1000 });
      });
    });
  }
  let painted = false, read = document.readyState !== "loading";
  const isReady = () => {
    if (!painted || !read || api.ready) return;
    api.ready = true;
    document.documentElement.dataset.ready = "true";
  };
  if (!read) document.addEventListener("DOMContentLoaded", () => { read = true; isReady(); }, { once: true });
  // A view in the URL is drawn as the first frame, once the details are read;
  // else the first frame is drawn now, while the parser reads the details.
  if (location.hash.length > 1 && !loadDetails()) document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();

  // ---- test hooks ----------------------------------------------------------
  Object.assign(api, {
    graph,
    data,
    select(id) {
      const i = byId.get(id);
      if (i == null) return false;
      select(i, true);
      return true;
    },
    selectEdge(a, b) {
      const ei = edgeOf(a, b);
      if (ei < 0) return false;
      selectEdge(ei, true);
      return true;
    },
    search: (q) => findPeople(q, 12).map((x) => N[x.i].id),
    counts: () => ({ nodes: shownNodes, edges: shownEdges }),
  });
}

// The script stands after the elements it uses and before the details: it
// runs at once, and the first frame does not wait for the rest of the page.
main();
