// Development check of a filled graph.html in headless Chromium (playwright-core
// driving the Debian chromium; no browser download). The Go side has its own
// chromedp test; this one is for working on the page.
//
//   node dev/check.mjs /tmp/vfix/corpus.html [--screenshot ../../docs/graph-html.png] [--runs 3]
//
// Checks: no console errors; first paint (window.cablegraph.firstPaintMs) < 2 s;
// search selects; selectEdge shows the meeting quotes in #panel; #from/#to change
// #counts; the URL fragment round-trips; no network request but the file itself.
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a) && !a.endsWith(".png"));
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!file) {
  console.error("usage: node dev/check.mjs PAGE.html [--screenshot out.png] [--runs N]");
  process.exit(2);
}
const url = pathToFileURL(path.resolve(file)).href;
const runs = parseInt(opt("--runs") || "3", 10);
const shot = opt("--screenshot");
const exe = process.env.CHROMIUM || "/usr/bin/chromium";

const browser = await chromium.launch({
  executablePath: exe,
  headless: true,
  args: ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader"],
});
const failures = [];
const check = (ok, what, detail) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ": " + detail : ""}`);
  if (!ok) failures.push(what);
};

// CPU time (ms) used so far by this script's descendant processes (Chromium's
// browser, renderer and GPU processes): on a machine shared with other work the
// wall-clock first paint mostly measures the others; this measures the page.
function cpuMs() {
  const kids = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
      kids.set(+d, { ppid: +f[1], cpu: +f[11] + +f[12] });
    } catch {}
  }
  const mine = (pid) => {
    for (let p = pid, k = 0; p > 1 && k < 20; k++) {
      if (p === process.pid) return true;
      p = kids.get(p) ? kids.get(p).ppid : 0;
    }
    return false;
  };
  let t = 0;
  for (const [pid, v] of kids) if (pid !== process.pid && mine(pid)) t += v.cpu;
  return (t * 1000) / 100; // USER_HZ is 100 on Linux
}

async function open(href) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const log = { errors: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push("pageerror: " + e.message));
  page.on("request", (r) => log.requests.push(r.url()));
  // Anything but the page itself is refused (and recorded above).
  await ctx.route("**/*", (route) => (route.request().url().split("#")[0] === url ? route.continue() : route.abort()));
  const t0 = Date.now(), c0 = cpuMs();
  await page.goto(href, { waitUntil: "load" });
  await page.waitForFunction(() => window.cablegraph && window.cablegraph.ready === true, null, { timeout: 30000 });
  const wall = Date.now() - t0, cpu = cpuMs() - c0;
  return { ctx, page, log, wall, cpu };
}
const counts = (page) => page.$eval("#counts", (el) => el.textContent);
const others = (log) => log.requests.filter((u) => u.split("#")[0] !== url);

// 1. first paint, several fresh loads.
const paints = [], cpus = [];
console.log(`     load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} on ${(await import("node:os")).cpus().length} cores`);
for (let r = 0; r < runs; r++) {
  const { ctx, page, log, wall, cpu } = await open(url);
  const fp = await page.evaluate(() => window.cablegraph.firstPaintMs);
  const tm = await page.evaluate(() => window.cablegraph.timings);
  paints.push(fp);
  cpus.push(cpu);
  console.log(`     load ${r + 1}: firstPaintMs ${fp.toFixed(0)} (script ${tm.script.toFixed(0)}, data ${tm.parsed.toFixed(0)}, graph ${tm.graph.toFixed(0)}, ` +
    `state ${tm.state.toFixed(0)}, sigma ${tm.sigma.toFixed(0)}); wall ${wall} ms, Chromium CPU ${cpu.toFixed(0)} ms; ${await counts(page)}`);
  check(log.errors.length === 0, "no console errors", log.errors.join(" | "));
  check(others(log).length === 0, "no network request but the file", others(log).join(" "));
  await ctx.close();
}
paints.sort((a, b) => a - b);
cpus.sort((a, b) => a - b);
console.log(`     Chromium CPU time per load: median ${cpus[cpus.length >> 1].toFixed(0)} ms`);
check(paints[paints.length - 1] < 2000, "first paint < 2 s", `median ${paints[paints.length >> 1].toFixed(0)} ms, max ${paints[paints.length - 1].toFixed(0)} ms`);

const { ctx, page, log } = await open(url);
const info = await page.evaluate(() => {
  // the two parts of the data (view/DATA.md v2)
  const d = JSON.parse(document.getElementById("cablegraph-data").textContent);
  const x = JSON.parse(document.getElementById("cablegraph-details").textContent);
  const top = d.nodes.filter((n) => n.shown !== false).sort((a, b) => b.meetings - a.meetings)[0];
  const order = d.edges.map((e, k) => k).sort((a, b) => d.edges[b][2] - d.edges[a][2]);
  const e = order[0];
  const withQuote = d.edges.findIndex((_, k) => x.edges[k].m.some((mi) => x.meetings[mi].quote.length > 30));
  const q = withQuote >= 0 ? withQuote : e;
  return {
    top: { id: top.id, label: top.label },
    heavy: d.nodes[d.edges[e][0]].id + "~" + d.nodes[d.edges[e][1]].id,
    edge: { s: d.nodes[d.edges[q][0]].id, t: d.nodes[d.edges[q][1]].id, quotes: x.edges[q].m.map((mi) => x.meetings[mi].quote) },
    nodes: d.nodes.length,
    drawn: window.cablegraph.graph.order,
    edges: window.cablegraph.graph.size,
  };
});
console.log(`     graph: ${info.nodes} people in the data, ${info.drawn} drawn, ${info.edges} edges drawn`);

// 2. search: type part of the busiest person's name, take the first suggestion.
const q = info.top.label.split(/\s+/).pop().slice(0, 6);
await page.click("#search");
await page.keyboard.type(q, { delay: 20 });
await page.waitForSelector("#suggestions:not([hidden]) li");
const suggs = await page.$$eval("#suggestions li .name", (els) => els.map((e) => e.textContent));
const k = suggs.indexOf(info.top.label);
for (let j = 0; j < k; j++) await page.keyboard.press("ArrowDown");
await page.keyboard.press("Enter");
const h2 = await page.$eval("#panel h2", (el) => el.textContent);
const hash1 = await page.evaluate(() => location.hash);
check(k >= 0 && h2 === info.top.label && hash1.includes("node=" + encodeURIComponent(info.top.id)),
  "search selects", `"${q}" -> ${suggs.length} suggestions, panel "${h2}", ${hash1}`);

// 3. selectEdge shows the quotes.
await page.evaluate(([s, t]) => window.cablegraph.selectEdge(s, t), [info.edge.s, info.edge.t]);
const panelText = await page.$eval("#panel", (el) => el.textContent);
const missing = info.edge.quotes.filter((qt) => !panelText.includes(qt));
check(missing.length === 0, "selectEdge shows the meeting quotes", `${info.edge.s}~${info.edge.t}: ${info.edge.quotes.length} quotes, ${missing.length} missing`);

// 4. dates change the counts.
const before = await counts(page);
const range = await page.evaluate(() => [document.getElementById("from").min, document.getElementById("to").max]);
const mid = await page.evaluate(([a, b]) => {
  const t = (Date.parse(a) + Date.parse(b)) / 2;
  return new Date(t).toISOString().slice(0, 10);
}, range);
await page.fill("#from", mid);
const after = await counts(page);
const to = String(+mid.slice(0, 4) + 4) + mid.slice(4);
await page.fill("#to", to < range[1] ? to : range[1]);
const after2 = await counts(page);
await page.fill("#min-weight", "2");
await page.fill("#filter", "PREL");
await page.waitForTimeout(300);
const after3 = await counts(page);
check(before !== after, "#from changes #counts", `${range[0]}..${range[1]}: "${before}" -> from ${mid}: "${after}" -> to: "${after2}" -> min 2, PREL: "${after3}"`);

// 5. the URL fragment round-trips: a fresh page on the same URL shows the same view.
const href = await page.evaluate(() => location.href);
const state = async (p) => p.evaluate(() => ({
  hash: location.hash,
  from: document.getElementById("from").value,
  to: document.getElementById("to").value,
  min: document.getElementById("min-weight").value,
  filter: document.getElementById("filter").value,
  counts: document.getElementById("counts").textContent,
  panel: document.querySelector("#panel h2") && document.querySelector("#panel h2").textContent,
}));
const s1 = await state(page);
const second = await open(href);
const s2 = await state(second.page);
check(JSON.stringify(s1) === JSON.stringify(s2), "URL fragment round-trips", s1.hash);
check(second.log.errors.length === 0 && others(second.log).length === 0, "no errors or requests on the reopened view");
await second.ctx.close();

check(log.errors.length === 0, "no console errors during the interactions", log.errors.join(" | "));
check(others(log).length === 0, "no network request during the interactions", others(log).join(" "));
await ctx.close();

// 6. screenshot of the overview (optional).
if (shot) {
  // The busiest person selected (the people met in the panel), the whole network in view.
  const { ctx: c3, page: p3 } = await open(url + "#node=" + encodeURIComponent(info.top.id));
  await p3.evaluate(() => window.cablegraph.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
  await p3.waitForTimeout(600);
  await p3.screenshot({ path: shot });
  console.log(`     screenshot: ${shot}`);
  await c3.close();
}

await browser.close();
if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("all checks passed");
