// Package picture draws the who-met-whom network as SVG pictures a reader
// can read at the width of a README: the largest connected component with
// its most important people named (Network), and one person's ego network
// with the date and cable of every meeting on its lines (Ego). It sits
// after graph (the network built from cables.jsonl) and uses layout for
// the positions (ForceAtlas2) and the communities (Louvain); no label
// covers another (Picture.Overlaps checks it), and the same graph gives
// the same bytes.
package picture
