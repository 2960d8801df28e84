package record

import (
	"slices"
	"testing"
)

func TestRemap(t *testing.T) {
	tests := []struct {
		ids  []string
		to   map[string]string
		want []string
	}{
		{[]string{"b", "a"}, nil, []string{"a", "b"}},
		{[]string{"crocker", "ryan-crocker", "maliki"}, map[string]string{"crocker": "ryan-crocker"}, []string{"maliki", "ryan-crocker"}},
		{nil, map[string]string{"a": "b"}, []string{}},
	}
	for _, tt := range tests {
		if got := Remap(tt.ids, tt.to); !slices.Equal(got, tt.want) {
			t.Errorf("Remap(%q, %v) = %q, want %q", tt.ids, tt.to, got, tt.want)
		}
	}
}
