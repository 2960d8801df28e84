// Package relate finds who met whom in a cable: each occasion the cable
// reports as having happened at which named people met in person or spoke
// by phone or video, with its kind, date, place and the sentence that says
// so. It runs in the pipeline's worker stage after extraction, on the
// normalized text and the people extraction found; its phrases come from
// the rule set, so users can add their own.
package relate
