package fold

import "testing"

func TestName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nouri al-Maliki", "nouri al maliki"},
		{"AL MALIKI", "al maliki"},
		{"  Zoë   Ünal ", "zoe unal"},
		{"O'Brien", "o brien"},
		{"Ryan C. Crocker", "ryan c crocker"},
		{"ryan-crocker", "ryan crocker"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Name(tt.in); got != tt.want {
			t.Errorf("Name(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
