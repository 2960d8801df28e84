// Builds view/assets/viewer.js, viewer.css and LICENSES.txt from src/ (npm run build).
// One minified IIFE bundle (es2020), no source maps, no legal comments: the
// licences of every bundled package go to LICENSES.txt instead, found from the
// bundle's own metafile so the list cannot drift from what is inside.
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "../assets");
fs.mkdirSync(out, { recursive: true });

const js = await esbuild.build({
  entryPoints: [path.join(here, "src/app.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  platform: "browser",
  legalComments: "none",
  charset: "utf8",
  metafile: true,
  write: false,
  absWorkingDir: here,
  define: { "process.env.NODE_ENV": '"production"' },
});
const css = await esbuild.build({
  entryPoints: [path.join(here, "src/app.css")],
  bundle: true,
  minify: true,
  target: ["chrome100", "firefox100", "safari15"],
  legalComments: "none",
  charset: "utf8",
  write: false,
  absWorkingDir: here,
});

const jsText = js.outputFiles[0].text;
const cssText = css.outputFiles[0].text;
// The Go side inlines these into page.html: they must not close their element
// nor carry a placeholder of the template, nor point at the network.
for (const [name, text, bad] of [
  ["viewer.js", jsText, /<\/script|<!--|\{\{(TITLE|CSS|DATA|JS)\}\}/i],
  ["viewer.css", cssText, /<\/style|\{\{(TITLE|CSS|DATA|JS)\}\}|url\(\s*["']?(?!data:)|@import/i],
]) {
  const m = text.match(bad);
  if (m) throw new Error(`${name}: contains ${JSON.stringify(m[0])}, cannot be inlined`);
}
fs.writeFileSync(path.join(out, "viewer.js"), jsText);
fs.writeFileSync(path.join(out, "viewer.css"), cssText);

// Licences of the packages whose code is in the bundle.
const pkgs = new Map();
for (const input of Object.keys(js.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (!m) continue;
  const dir = path.join(here, "node_modules", m[1]);
  if (pkgs.has(m[1])) continue;
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const lic = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying)/i.test(f)).sort();
  if (!lic.length) throw new Error(`${m[1]}: no licence file in ${dir}`);
  pkgs.set(m[1], { version: meta.version, license: meta.license, files: lic.map((f) => fs.readFileSync(path.join(dir, f), "utf8").trim()) });
}
const names = [...pkgs.keys()].sort();
let txt = "Third-party software bundled in viewer.js (built by view/web: npm run build).\n" +
  "Each package's licence text is copied from its npm package.\n\n" +
  names.map((n) => `  ${n}@${pkgs.get(n).version} (${pkgs.get(n).license})`).join("\n") + "\n";
for (const n of names) {
  const p = pkgs.get(n);
  txt += "\n" + "=".repeat(78) + `\n${n}@${p.version} (${p.license})\n` + "=".repeat(78) + "\n\n" + p.files.join("\n\n") + "\n";
}
fs.writeFileSync(path.join(out, "LICENSES.txt"), txt);

const kb = (s) => (Buffer.byteLength(s) / 1024).toFixed(1) + " KiB";
console.log(`viewer.js ${kb(jsText)}, viewer.css ${kb(cssText)}; bundled: ${names.join(", ")}`);
