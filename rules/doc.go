// Package rules holds cablegraph's rule sets: titles and offices with their
// abbreviations, gazetteers of people, places and organizations with
// aliases, head nouns of organization names, words that are never names,
// and name particles. Rule sets are data (YAML or JSON): a default set is
// embedded in the binary, and a user's files extend or override it. Load
// checks a file up front and reports problems as file:line errors; the
// extract package compiles a merged Set into its matchers.
package rules
