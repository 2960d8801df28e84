package normalize

import "testing"

func TestFooterStart(t *testing.T) {
	tests := []struct {
		name, text string
		want       int // -1: none
	}{
		{"footer after the signer", "1. (C) Text. End comment. STEVENS 0 03/17/2008 21436 PGOV,PREL,LY BACK TO THE FUTURE? In a recent speech ...", 33},
		{"footer on its own line", "12. (S/NF) Text. JEFFREY\n\n0 07/29/2009 10808 ECON,PINS,IR,TU TURKEY-IRAN BORDER\nEconoffs recently traveled", 25},
		{"no footer", "1. (C) On 03/17/2008 the Ambassador met 0 people. RICE", -1},
		{"another cable follows", "Please handle accordingly.\n0 02/05/2009 960 TBIO,KFLU,EG\nEGYPT'S 54th\n\nUNCLAS CAIRO 000210\nSUBJECT:\n1.(SBU) On February 4", -1},
		{"a count in prose", "They seized 0 03/17/2008 shipments", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want < 0 {
				want = len(tt.text)
			}
			if got := FooterStart(tt.text, 0); got != want {
				t.Errorf("FooterStart = %d, want %d (%q)", got, want, tt.text[min(got, len(tt.text)):])
			}
		})
	}
}
