// Package cable holds a diplomatic cable as read from a dump (Raw) and as
// parsed (Cable): its metadata (reference id, date-time group, origin,
// classification, subject, TAGS, Classified By, signer, references) and its
// normalized body. It sits between the readers (package source) and the
// pipeline's later stages, which work on Cable values.
package cable
