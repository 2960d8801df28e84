// Package extract finds the people (with their offices), places and
// organizations of a cable, with byte offsets into the cable as read, and
// tells when two names are the same person.
//
// It runs in the pipeline's worker stage after normalization. A rule
// tagger does the work: one pass over the tokens of the normalized text
// with a token trie built from the rule set (titles, gazetteers), name
// patterns around titles ("A/S Welch", "UK national Andrew Gilmour", "Vice
// Presidents Hashimi and Abdul Mehdi"), organization names by their head
// nouns ("Colombian Commission of Jurists"), and capitalized names that are
// no common words (word statistics from the corpus). Cables written in
// capitals are recased first. Mentions are then resolved within the cable:
// surnames and title-only references ("the Ambassador") join the person
// they stand for, and the gazetteer gives well-known people one name.
package extract
