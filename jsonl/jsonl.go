// Package jsonl reads JSON Lines files such as cables.jsonl, a line at a
// time, with errors that name the file and line. The graph, the merge of
// shards and the scoring against gold all read cablegraph's outputs with it.
package jsonl

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// MaxLine is the longest line read (a cable with its text can be large).
const MaxLine = 512 << 20

// Each decodes every line of r into a new T and calls fn with it. name is
// the file's name for errors ("cables.jsonl:12: ...").
func Each[T any](r io.Reader, name string, fn func(*T) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), MaxLine)
	line := 0
	for sc.Scan() {
		line++
		v := new(T)
		if err := json.Unmarshal(sc.Bytes(), v); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if err := fn(v); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return nil
}
