// Package gold reads hand annotations of cables (the format of
// testdata/gold/GUIDELINES.md) and scores cablegraph's output against
// them: people, places and organizations matched one to one by folded
// names, micro precision, recall and F1 over all cables, offices on
// matched people, and meeting edges with their misses by class. The
// identity measure (Report.Identity) checks one person, one id across
// cables, with the links of a same-person file, and ids given to two
// people; a Split scores halves of the gold apart. `cablegraph eval`
// prints the scores.
package gold
