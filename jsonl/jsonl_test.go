package jsonl

import (
	"errors"
	"strings"
	"testing"
)

func TestEach(t *testing.T) {
	type rec struct{ A int }
	var sum int
	err := Each(strings.NewReader("{\"A\":1}\n{\"A\":2}\n"), "x.jsonl", func(r *rec) error { sum += r.A; return nil })
	if err != nil || sum != 3 {
		t.Errorf("sum %d err %v", sum, err)
	}
	err = Each(strings.NewReader("{\"A\":1}\n{bad\n"), "x.jsonl", func(r *rec) error { return nil })
	if err == nil || !strings.HasPrefix(err.Error(), "x.jsonl:2:") {
		t.Errorf("bad line: %v", err)
	}
	stop := errors.New("stop")
	err = Each(strings.NewReader("{\"A\":1}\n"), "x.jsonl", func(r *rec) error { return stop })
	if !errors.Is(err, stop) || !strings.HasPrefix(err.Error(), "x.jsonl:1:") {
		t.Errorf("callback error: %v", err)
	}
}
