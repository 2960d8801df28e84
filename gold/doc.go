// Package gold reads hand annotations of cables (the format of
// testdata/gold/GUIDELINES.md) and scores cablegraph's output against
// them: people, places and organizations matched one to one by folded
// names, micro precision, recall and F1 over all cables, and offices on
// matched people. `cablegraph eval` prints the scores.
package gold
