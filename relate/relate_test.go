package relate

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/rules"
)

func meetings(t *testing.T, text string) string {
	t.Helper()
	return meetingsOf(t, text)
}

// meetingsDTG finds the meetings of a text sent by the date-time group
// 080801Z FEB 09, rather than dated by release metadata only.
func meetingsDTG(t *testing.T, text string) string {
	t.Helper()
	return meetingsOf(t, "P 080801Z FEB 09\n"+text)
}

func meetingsOf(t *testing.T, text string) string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, err := cable.NewParser(set.ClassifiedByOffices, set.Particles).Parse(cable.Raw{RefID: "09TEST1", Created: "2/8/2009 08:01", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	res := extract.New(set).Cable(c)
	var out []string
	for _, m := range New(set).Cable(c, &res) {
		s := strings.Join(m.Participants, "+") + " " + m.Kind + " " + deref(m.Date)
		if m.Place != nil {
			s += " @" + *m.Place
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func TestMeetings(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"met with, date, place", "1. (C) Amb Khalilzad met November 9 with UK national Andrew Gilmour in New York.",
			"andrew-gilmour+khalilzad meeting 2008-11-09 @New York"},
		{"in a meeting with", "1. (C) In a February 6 meeting with Ambassador Crocker, Prime Minister Maliki said so.",
			"crocker+maliki meeting 2009-02-06"},
		{"a list of calls", "1. (C) UN Secretary General Ban Ki Moon visited Baghdad February 6, meeting with President Talabani, Prime Minister Maliki and Vice Presidents Hashimi and Abdul Mehdi.",
			"abdul-mehdi+ban-ki-moon meeting 2009-02-06 @Baghdad; ban-ki-moon+hashimi meeting 2009-02-06 @Baghdad; ban-ki-moon+maliki meeting 2009-02-06 @Baghdad; ban-ki-moon+talabani meeting 2009-02-06 @Baghdad"},
		{"accompanied by and a pronoun", "1. (C) UN Secretary General Ban Ki Moon arrived on February 6. Accompanied by SRSG Staffan di Mistura, he met with General Odierno.",
			"ban-ki-moon+odierno+staffan-de-mistura meeting 2009-02-06"},
		{"a call, earlier, undated", "1. (C) UN Secretary General Ban Ki Moon arrived on February 6. Ban noted that President Obama had called him.",
			"ban-ki-moon+barack-obama call "},
		{"month/day", "1. (C) On 8/20, Ambassador Jeffrey Feltman met with Speaker Nabih Berri.",
			"jeffrey-feltman+nabih-berri meeting 2008-08-20"},
		{"month/day before meeting", "1. (C) In an 11/9 meeting with Polcouns Jeffrey Feltman, Speaker Nabih Berri said so.",
			"jeffrey-feltman+nabih-berri meeting 2008-11-09"},
		{"month/day/year", "1. (C) Ambassador Jeffrey Feltman met with Speaker Nabih Berri on 1/20/09.",
			"jeffrey-feltman+nabih-berri meeting 2009-01-20"},
		{"9/11 is no date", "1. (C) After the 9/11 attacks, Ambassador Jeffrey Feltman met with Speaker Nabih Berri.",
			"jeffrey-feltman+nabih-berri meeting "},
		{"the previous day", "1. (C) Ambassador Jeffrey Feltman met with Speaker Nabih Berri on January 2. The previous day, Feltman met with President Michel Suleiman.",
			"jeffrey-feltman+michel-suleiman meeting 2009-01-01; jeffrey-feltman+nabih-berri meeting 2009-01-02"},
		{"the date of another event before the meeting's", "1. (C) In the wake of the March 2 police assault, Ambassador Michael Ranneberger met with Justice Minister Martha Karua on March 3.",
			"martha-karua+michael-ranneberger meeting 2009-03-03"},
		{"a meeting's date before another event's", "1. (C) In a February 15 meeting with Senator John Kerry, Foreign Secretary Nirupama Rao said the talks slated for February 25 were on track.",
			"john-kerry+nirupama-rao meeting 2009-02-15"},
		{"looking forward to a meeting is no meeting", "1. (C) AL SYG Amr Moussa is looking forward to his August 23 meeting with S/E Scott Gration.",
			""},
		{"an audience with", "1. (C) Secretary of the Navy Donald Winter had an audience with King Hamad on November 16.",
			"donald-winter+hamad meeting 2008-11-16"},
		{"a weekday to come is no date", "1. (C) President Obama telephoned President Lee, who promised an answer by Monday.",
			"barack-obama+lee call "},
		{"later that same day", "1. (C) The talks went well.\n\n2. (C) Ambassador Jeffrey Feltman met with Speaker Nabih Berri on January 2.\n\n3. (C) Later that same day, Defense Minister Elias Murr met with President Michel Suleiman.",
			"elias-murr+michel-suleiman meeting 2009-01-02; jeffrey-feltman+nabih-berri meeting 2009-01-02"},
		{"weekday", "1. (C) President Obama telephoned President Lee on Thursday.",
			"barack-obama+lee call 2009-02-05"},
		{"plans and refusals are no meetings", "1. (C) Prime Minister Maliki will meet President Talabani. General Odierno declined to meet Foreign Minister Zebari. Ambassador Crocker hopes to meet with President Barzani.",
			""},
		{"no one named after the phrase", "1. (C) Ambassador Crocker met with the press at Foreign Minister Zebari's house.",
			""},
		{"the other side named by a later participants sentence", "1. (C) Senator Ana Lopez and Mayor Pedro Vargas sat down with members of the visiting CODEL on February 3. American participants included Representative John Hale (D-NC), Representative Mary Stone (R-TX), their staff and the Consul General.",
			"ana-lopez+john-hale+mary-stone+pedro-vargas meeting 2009-02-03"},
		{"joined by, a sentence later", "1. (C) Ambassador Crocker met Foreign Minister Zebari on February 2. He was accompanied by Deputy Chief of Mission Patricia Butenis.",
			"crocker+patricia-butenis+zebari meeting 2009-02-02"},
		{"accompanied by people with titles", "1. (C) Ambassador Crocker met Foreign Minister Zebari on February 2. Zebari was accompanied by Defense Minister Abdul Qadir, National Police (NP) Chief Ali Ghalib, and MFA Coordinator Sana Hadi.",
			"abdul-qadir+ali-ghalib+crocker+sana-hadi+zebari meeting 2009-02-02"},
		{"an apposition ends the list", "1. (C) Ambassador Crocker met with Andrew Gilmour, deputy director for Ban Ki Moon's office, on February 2.",
			"andrew-gilmour+crocker meeting 2009-02-02"},
		{"joined by, a heading between", "1. (C) Ambassador Crocker met Foreign Minister Zebari on February 2.\n\nBILATERAL COOPERATION\n\n2. (C) Zebari was accompanied by Deputy Foreign Minister Labid Abbawi.",
			"crocker+labid-abbawi+zebari meeting 2009-02-02"},
		{"also present, words of the occasion between", "1. (C) Ambassador Crocker met Foreign Minister Zebari on February 2. Also present on the American side was State Department Coordinator for Energy Affairs, David Goldwyn.",
			"crocker+david-goldwyn+zebari meeting 2009-02-02"},
		{"a date and a place between the verb and with", "1. (C) Mitchell Reiss met on June 30 in Dublin with Irish Prime Minister Bertie Ahern.",
			"bertie-ahern+mitchell-reiss meeting 2008-06-30 @Dublin"},
		{"also participated", "1. (C) Ambassador Linda Jewell met with President Rafael Correa on March 3. FM Maria Salvador also participated.",
			"linda-jewell+maria-salvador+rafael-correa meeting 2009-03-03"},
		{"accompanied by, a description before the name", "1. (C) Ambassador Crocker met Foreign Minister Zebari on February 2. Zebari was accompanied by his senior deputy, Labid Abbawi.",
			"crocker+labid-abbawi+zebari meeting 2009-02-02"},
		{"accompanied by, a title in lower case", "1. (C) Ambassador Crocker met Foreign Minister Zebari on February 2. Zebari was accompanied by chief of staff Labid Abbawi.",
			"crocker+labid-abbawi+zebari meeting 2009-02-02"},
		{"accompanied by, a clause is no description", "1. (C) Ambassador Crocker met Foreign Minister Zebari on February 2. Zebari was accompanied by his wife, who knows Labid Abbawi.",
			"crocker+zebari meeting 2009-02-02"},
		{"a heading before the opening paragraph gives its date to later meetings", "SUMMARY\n\n1. (SBU) AUSTR Shaun Donnelly and USTR Director Paul Burkhead held meetings with Portuguese trade officials in Lisbon on August 28. They discussed Doha.\n\n2. (SBU) Donnelly and Burkhead held a joint meeting with Vitor Escaria, the Prime Minister's Economic Adviser.",
			"paul-burkhead+shaun-donnelly+vitor-escaria meeting 2008-08-28"},
		{"a later speaker who told us is a source, not the main meeting's", "1. (C) Ambassador Ryan Crocker met Prime Minister Nouri al-Maliki on February 2.\n\n2. (C) Maliki said the elections would be held.\n\n3. (C) Deputy Foreign Minister Labid Abbawi told us the date was set. Foreign Minister Hoshyar Zebari said the list was ready.",
			"hoshyar-zebari+nouri-al-maliki+ryan-crocker meeting 2009-02-02"},
		{"separate meetings: one who speaks later spoke at their own", "1. (C) On January 25, Deputy Director Alex Burkart met separately with Deputy Prime Minister Khalid Mubarak and MFA U/S Abdullah Karim.\n\n2. (C) Abdullah Karim told Burkart that Bahrain was ready.\n\n3. (C) Khalid Mubarak said the GOB had identified the need.",
			"abdullah-karim+alex-burkart meeting 2009-01-25; alex-burkart+khalid-mubarak meeting 2009-01-25"},
		{"a separate meeting is one meeting, apart from the first", "1. (C) U/S Ellen Tauscher met with National Security Advisor Uzi Arad on December 1.\n\n2. (C) In a separate meeting on December 1, U/S Tauscher met with MFA Director General Yossi Gal, Deputy Director General Baruch Bina and Alon Bar.\n\n3. (C) Yossi Gal said Israel was ready.",
			"alon-bar+baruch-bina+ellen-tauscher+yossi-gal meeting 2008-12-01; ellen-tauscher+uzi-arad meeting 2008-12-01"},
		{"a list whose items have appositions set off by commas", "1. (C) On January 31, Deputy Assistant Secretary of Defense Colin Kahl met with Major General Mohammad al-Assar, Assistant to the Minister of Defense, Major General Ahmad Moataz, Chief of the American Relations Branch, and Major General Fouad Arafa, Consultant to the Military Intelligence Department.",
			"ahmad-moataz+colin-kahl+fouad-arafa+mohammad-al-assar meeting 2009-01-31"},
		{"a semicolon list: an apposition's abbreviations, no name in an apposition", "1. (C) Deputy Minister Stanislaw Komorowski met on January 12 with USAF MG Paul Schafer, EUCOM Director; USAF BG John Hesterman, Joint Staff Deputy Director for Political Affairs; Ambassador Lee Feinstein, U.S. Embassy Warsaw; and Ms. Nancy Morgan, MDA Director.",
			"john-hesterman+lee-feinstein+nancy-morgan+paul-schafer+stanislaw-komorowski meeting 2009-01-12"},
		{"one who attended the meeting", "1. (C) Ambassador Crocker met Foreign Minister Zebari on February 2. Deputy Foreign Minister Labid Abbawi also attended the meeting.",
			"crocker+labid-abbawi+zebari meeting 2009-02-02"},
		{"one who attended, no meeting told", "1. (C) Deputy Foreign Minister Labid Abbawi attended the meeting.",
			""},
		{"a speaker tells of others' meeting", "1. (C) Deputy Foreign Minister Labid Abbawi said that Prime Minister Maliki was upbeat in a February 2 meeting with Ambassador Crocker.",
			"crocker+maliki meeting 2009-02-02"},
		{"a speaker tells of a meeting of his own", "1. (C) Deputy Foreign Minister Labid Abbawi said that he had met with Ambassador Crocker on February 2.",
			"crocker+labid-abbawi meeting 2009-02-02"},
		{"joined by, no meeting reported", "1. (C) Foreign Minister Zebari was accompanied by Deputy Foreign Minister Labid Abbawi.",
			"labid-abbawi+zebari meeting "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetings(t, tt.text); got != tt.want {
				t.Errorf("meetings of %q\n got  %s\n want %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	text := "Ambassador Ryan C. Crocker met the U.S. team. Then Amb. Smith left! Did he? Yes."
	var got []string
	for _, s := range sentences(text, 0, len(text)) {
		got = append(got, text[s[0]:s[1]])
	}
	want := "Ambassador Ryan C. Crocker met the U.S. team.|Then Amb. Smith left!|Did he?|Yes."
	if strings.Join(got, "|") != want {
		t.Errorf("sentences = %q", got)
	}
}

func TestParticipantLists(t *testing.T) {
	prose := "The meeting took place in a cordial atmosphere and covered the\n" +
		"whole range of questions the two sides had raised in the months\n" +
		"before it, from trade to the security of the border region and\n" +
		"the return of refugees to their homes in the north of the country.\n"
	tests := []struct {
		name, text, want string
	}{
		{"one person per line, grouped by side",
			"1. (U) March 4, 2009; 10:00 a.m.; Ministry of Foreign Affairs, Lima.\n\n" +
				"2. (U) Participants:\n\nU.S.\nThe Ambassador\nDeputy Secretary James Steinberg\n" +
				"Mr. Paul Hale, Deputy Chief of Staff to the Deputy Secretary\n\n" +
				"PERU\nForeign Minister Jose Garcia Belaunde\nRaul Salazar, Director for North America\n\n" +
				"3. (C) " + prose,
			"james-steinberg+jose-garcia-belaunde+paul-hale+raul-salazar meeting 2009-03-04 @Lima"},
		{"a person named in a possessive is not the line's",
			"1. (U) March 4, 2009; 10:00 a.m.; Ministry of Foreign Affairs, Lima.\n\n" +
				"2. (U) Participants:\n\nU.S.\nDeputy Secretary James Steinberg\n\n" +
				"PERU\nForeign Minister Jose Garcia Belaunde\nForeign Minister's Staff Raul Salazar\n\n" +
				"3. (C) " + prose,
			"james-steinberg+jose-garcia-belaunde+raul-salazar meeting 2009-03-04 @Lima"},
		{"on the heading's line",
			"1. (C) " + prose + "\n2. (U) Participants: Foreign Minister Jose Garcia Belaunde, Deputy Secretary James Steinberg.\n\n3. (C) " + prose,
			"james-steinberg+jose-garcia-belaunde meeting "},
		{"on the heading's line and past the line break",
			"1. (C) " + prose + "\n2. (U) Participants: USG: Ambassador Robert Tuttle; Deputy Secretary Kimmitt;\n\nRobert Saliterman, Spokesman; Warren Chane, ECONOFF. UK: Mervyn King, Governor, Bank of England.\n\n3. (C) " + prose,
			"kimmitt+mervyn-king+robert-saliterman+robert-tuttle+warren-chane meeting "},
		{"the heading alone, the list numbered after it",
			"1. (C) " + prose + "\n2. (U) Participants\n\n3. (SBU) U.S.A.:\nSenator Benjamin Cardin (D-MD)\n\nSenator Roger Wicker (R-MS)\nSenator Tom Udall (D-NM)\nCharge d'Affaires Maura Connelly\n\nSYRIA:\nForeign Minister Walid al-Muallim\n",
			"benjamin-cardin+maura-connelly+roger-wicker+tom-udall+walid-al-muallim meeting "},
		{"a roster is no meeting",
			"1. (U) Post nominates the following officers to attend the\ncourse on crime scene management from November 14 to 18.\n\n" +
				"2. (U) Participants:\nCaptain Rigoberto Bogantes Vargas\nDOB: 09/02/1956\nMajor Olman Jimenez Montero\nDOB: 03/10/1961\n\n3. (U) " + strings.ReplaceAll(prose, "meeting", "course"),
			""},
		{"a heading word in prose is no list",
			"1. (C) " + prose + "\n2. (C) The participants agreed that Minister Jose Garcia Belaunde would write to Senator Paul Hale.\n\n3. (C) " + prose,
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetings(t, tt.text); got != tt.want {
				t.Errorf("meetings of %q\n got  %s\n want %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestCalledIsNotAlwaysACall(t *testing.T) {
	tests := []struct{ text, want string }{
		{"1. (C) President Obama called President Lee on Thursday.", "barack-obama+lee call 2009-02-05"},
		{"1. (C) Prince Khalid opened a painters village in Abha called Al Muftah Hassan.", ""},
		{"1. (C) President Chavez called President Uribe a liar on television.", ""},
		{"1. (C) Minister Tarso Genro, called Pedro Malasartes by his rivals, resigned.", ""},
		{"1. (C) Ambassador Eric Edelman told \"Mehmet Ali Birand\" that he had resigned.", ""},
	}
	for _, tt := range tests {
		if got := meetings(t, tt.text); got != tt.want {
			t.Errorf("meetings of %q\n got  %s\n want %s", tt.text, got, tt.want)
		}
	}
}

func TestGrammar(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"an appeal is no visit", "1. (C) Senator John Kerry called on President Hamid Karzai to hold a runoff.", ""},
		{"a visit to discuss", "1. (C) Senator John Kerry called on President Hamid Karzai to discuss the runoff.", "hamid-karzai+john-kerry meeting "},
		{"the informant is no participant", "1. (C) According to Senator John Kerry, Prime Minister Gordon Brown met with President Hamid Karzai.", "gordon-brown+hamid-karzai meeting "},
		{"an abbreviation in brackets", "1. (C) Ambassador Philip Drouin met with Botswana Vice President (VP) Mompati Merafhe.", "mompati-merafhe+philip-drouin meeting "},
		{"the subject right before told", "1. (C) Although General Ali Khodaidad will stay, Chief of Staff Omer Daudzai told Ambassador Karl Eikenberry that the ministry would close.", "karl-eikenberry+omer-daudzai meeting "},
		{"a person in another's title is no participant", "1. (C) Marco Aurelio Garcia, the foreign policy advisor to President Lula, met with Senator John Kerry on February 3.", "john-kerry+marco-aurelio-garcia meeting 2009-02-03"},
		{"possessives are not participants", "1. (C) Prime Minister Gordon Brown met with Aafia Siddiqui's mother.", ""},
		{"a list of items set apart by semicolons, each with an apposition", "1. (C) Representative Darrell Issa met with Joseph Sayah, Lebanese Consul General in Sao Paulo; Souheil Yamount, a long-time advisor to the Hariri Family Group; and Guilherme Mattar, a Director of the Chamber.", "darrell-issa+guilherme-mattar+joseph-sayah+souheil-yamount meeting  @Sao Paulo"},
		{"a list item's title in lower case", "1. (C) Ambassador Pierre Prosper joined by EUR DAS Stephens, EUR/SCE officer Jennifer Mitchell and Embassy legal officers, opened their visit by meeting with Prosecutor Carla Del Ponte.", "carla-del-ponte+jennifer-mitchell+pierre-prosper+stephens meeting "},
		{"a title with of before the met person", "1. (C) Senator John Kerry met February 13 with Prime Minister (and Foreign Minister) of Qatar Sheikh Hamad bin Jassim Al Thani (HBJ).", "hamad-bin-jassim-al-thani+john-kerry meeting 2009-02-13"},
		{"a semicolon after a clause ends the list", "1. (C) Representative Darrell Issa met with Joseph Sayah, who said trade was up; Souheil Yamount agreed.", "darrell-issa+joseph-sayah meeting "},
		{"a list that ends unnamed accompanied", "1. (C) Secretary Leavitt met with President Arias in his office. Director Stieger and Econoff accompanied the Secretary. Vice Minister Ana Cecilia Morice joined Arias.", "ana-cecilia-morice+leavitt+oscar-arias+stieger meeting "},
		{"joined an organization is no meeting", "1. (C) Minister Carlos Sosa joined the Socialist Party in 1990.", ""},
		{"an opening occasion and the clause that tells it", "1. (C) Ambassador Craig Kelly arrived. At a dinner with FM Alejandro Foxley March 16, President Jose Luis Cea told the Ambassador a ruling could come soon.", "alejandro-foxley+craig-kelly+jose-luis-cea meeting 2009-03-16"},
		{"the Ambassador in a list without the", "1. (C) Ambassador Barbara Stephenson arrived. On December 10, Ambassador, DCM Gilmour and PolSec officer met FM Varela.", "barbara-stephenson+gilmour+varela meeting 2008-12-10"},
		{"a meeting in an aside is not the cable's", "1. (C) The verdict sparked protests. (Note: In 2008, Ambassador Anne Patterson met with Chairman Asma Jehangir. End Note)\n\n2. (C) Spokesman Abdul Basit said the government was dismayed.", "anne-patterson+asma-jehangir meeting "},
		{"a person in an aside is no participant", "1. (C) Ambassador Jeffrey Feltman arrived. Health Minister Mohammad Khalifeh (Shia, allied with Nabih Berri) told the Ambassador that Hizballah is cornered.", "jeffrey-feltman+mohammad-khalifeh meeting "},
		{"a title's abbreviation in brackets is no aside", "1. (C) Charge d'Affaires Sam Watson arrived. Charge d'Affaires (CDA) met Bjarni Benediktsson on November 11.", "bjarni-benediktsson+sam-watson meeting 2008-11-11"},
		{"a pronoun opens the clause after the occasion", "1. (C) In a meeting with Antonio Delfim Netto, he said he was supporting President Lula.", ""},
		{"later that day", "1. (C) Ambassador Mahley met with Chairman Hakobian on January 14.\n\n2. (C) Later that afternoon, President Sargsian received Ambassador Mahley.\n\n3. (C) The next day, Ambassador Mahley met with Foreign Minister Edward Nalbandian.", "edward-nalbandian+mahley meeting 2009-01-15; hakobian+mahley meeting 2009-01-14; mahley+sargsian meeting 2009-01-14"},
		{"separate meetings with two", "1. (C) The Charge held separate meetings with Gustavo de Aristegui and Jorge Moragas on May 5.\n\nLLORENS\n", "gustavo-de-aristegui+llorens meeting 2009-05-05; jorge-moragas+llorens meeting 2009-05-05"},
		{"the Ambassador is the post's, not a foreign one", "Classified By: Tracey Jacobson, Ambassador, U.S. Embassy Dushanbe, STATE. REASON: 1.4 (b), (d)\n\n1. (C) Russian Ambassador Ramazan Abdulatipov informed the Ambassador that he would not attend.\n\nJACOBSON\n", "jacobson+ramazan-abdulatipov meeting "},
		{"called X a name is no call", "1. (C) President Hugo Chavez called President Alvaro Uribe a traitor.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetings(t, tt.text); got != tt.want {
				t.Errorf("meetings of %q\n got  %s\n want %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestPlansAndSpeech(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a plan six words before", "1. (C) Secretary General Jaap de Hoop Scheffer said he would attend a high-level meeting with President Hamid Karzai.", ""},
		{"a plan in another clause does not count", "1. (C) Ambassador Ryan Crocker, who will leave Baghdad soon, met with Prime Minister Maliki on February 2.", "maliki+ryan-crocker meeting 2009-02-02"},
		{"a date after the cable's is not the meeting's", "1. (C) President Leonel Fernandez assured Minister Jose Luis Abraham that he would act. Personnel changes come on August 16.", "jose-luis-abraham+leonel-fernandez meeting "},
		{"a subject line announcing a meeting", "SUBJECT: SCENESETTER FOR SECRETARY RICE'S MEETING WITH PRESIDENT ALVARO URIBE\n\n1. (C) The visit comes at a good time.", ""},
		{"a subject line reporting a meeting", "SUBJECT: MINISTER PEREZ'S MEETING WITH PRESIDENT ALVARO URIBE\n\n1. (C) The visit came at a good time.", "alvaro-uribe+perez meeting "},
		{"the date of an arrival dates the meeting after it", "1. (C) On February 2 Senator John Kerry arrived in Kabul. He met with President Hamid Karzai.", "hamid-karzai+john-kerry meeting 2009-02-02"},
		{"the date of a decision does not", "1. (C) On February 2 the cabinet decided to raise taxes. Senator John Kerry met with President Hamid Karzai.", "hamid-karzai+john-kerry meeting "},
		{"speech to a person", "1. (C) Foreign Minister Celso Amorim stressed to Ambassador Clifford Sobel that Brazil would not send troops.", "celso-amorim+clifford-sobel meeting "},
		{"speech to the press is no meeting", "1. (C) Foreign Minister Celso Amorim told reporters that Brazil would not send troops.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := meetingsDTG(t, tt.text)
			if got != tt.want {
				t.Errorf("meetings of %q\n got  %s\n want %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestOneMeetingPerPhrase(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"two meetings in one sentence", "1. (C) Senator John Harte met with Minister Pedro Reinert, and Senator Ana Bobo met with Minister Carlos Osborn.",
			"ana-bobo+carlos-osborn meeting ; john-harte+pedro-reinert meeting "},
		{"a separate meeting, the subject left out", "1. (C) Vice Foreign Minister Kim Sung met with Speaker Damdin Tsogtbaatar and also held a separate meeting with President Tsakhia Elbegdorj.",
			"damdin-tsogtbaatar+kim-sung meeting ; kim-sung+tsakhia-elbegdorj meeting "},
		{"briefed on a meeting", "1. (C) Special Envoy James LeMoyne briefed Ambassador William Wood on his meeting with Commissioner Luis Restrepo.",
			"james-lemoyne+luis-restrepo meeting ; james-lemoyne+william-wood meeting "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetings(t, tt.text); got != tt.want {
				t.Errorf("meetings of %q\n got  %s\n want %s", tt.text, got, tt.want)
			}
		})
	}
}

// TestOpeningDate: a later paragraph that reports the occasion the cable
// opens with takes its date, but not a meeting told as of another time.
func TestOpeningDate(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"the first paragraph's visit dates a later meeting of its people",
			"1. (C) During a January 13 visit to Brasilia, Ambassador Gregory Schulte discussed Iran.\n\n2. (C) Undersecretary Everton Vargas told Schulte that Brazil agreed.",
			"everton-vargas+gregory-schulte meeting 2009-01-13"},
		{"not a meeting of other people",
			"1. (C) During a January 13 visit to Brasilia, Ambassador Gregory Schulte discussed Iran.\n\n2. (C) Undersecretary Everton Vargas told Director Ed McGinnis that Brazil agreed.",
			"ed-mcginnis+everton-vargas meeting "},
		{"the paragraph's date is not a meeting's told as of another time",
			"1. (C) On January 13 Ambassador Gregory Schulte met Minister Celso Amorim. Amorim described his recent meetings with President Hugo Chavez.",
			"celso-amorim+gregory-schulte meeting 2009-01-13; celso-amorim+hugo-chavez meeting "},
		{"not a meeting told as of another time",
			"1. (C) During a January 13 visit to Brasilia, Ambassador Gregory Schulte discussed Iran.\n\n2. (C) Schulte had recently discussed Iran with Undersecretary Everton Vargas.",
			"everton-vargas+gregory-schulte meeting "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetings(t, tt.text); got != tt.want {
				t.Errorf("meetings of %q\n got  %s\n want %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestOccasions(t *testing.T) {
	d := func(s string) *string { return &s }
	m := func(date *string, start int, ids ...string) Meeting {
		return Meeting{Participants: ids, Kind: "meeting", Date: date, Evidence: extract.Span{Start: start}}
	}
	tests := []struct {
		name string
		in   []Meeting
		want string
	}{
		{"the subject's meeting is the list's", []Meeting{m(d("2009-03-31"), 10, "a", "b"), m(nil, 50, "a", "b", "c", "d")},
			"a+b+c+d 2009-03-31 @10"},
		{"a later sentence about the same meeting", []Meeting{m(nil, 10, "a", "b", "c"), m(d("2009-03-31"), 80, "b", "c")},
			"a+b+c 2009-03-31 @10"},
		{"other dates are other meetings", []Meeting{m(d("2009-03-30"), 10, "a", "b"), m(d("2009-03-31"), 50, "a", "b", "c")},
			"a+b 2009-03-30 @10; a+b+c 2009-03-31 @50"},
		{"sharing people is not enough", []Meeting{m(nil, 10, "a", "b", "c"), m(nil, 50, "a", "b", "d")},
			"a+b+c  @10; a+b+d  @50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range occasions(tt.in) {
				got = append(got, strings.Join(m.Participants, "+")+" "+deref(m.Date)+" @"+fmt.Sprint(m.Evidence.Start))
			}
			if g := strings.Join(got, "; "); g != tt.want {
				t.Errorf("occasions = %s, want %s", g, tt.want)
			}
		})
	}
}

func TestGroupOrCalls(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"met with three is one meeting", "1. (C) Senator John Kerry met with President Hamid Karzai, Foreign Minister Rangin Spanta and Minister Anwar Ahady.",
			"anwar-ahady+hamid-karzai+john-kerry+rangin-spanta meeting "},
		{"met separately with three", "1. (C) Senator John Kerry met separately with President Hamid Karzai, Foreign Minister Rangin Spanta and Minister Anwar Ahady.",
			"anwar-ahady+john-kerry meeting ; hamid-karzai+john-kerry meeting ; john-kerry+rangin-spanta meeting "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetings(t, tt.text); got != tt.want {
				t.Errorf("meetings of %q\n got  %s\n want %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestListHead(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	f := New(set)
	for w, want := range map[string]bool{"participants": true, "partipants": true, "particpants": true, "attendees": true, "parties": false, "participation": false, "present": true, "presents": false} {
		if got := f.listHead(w); got != want {
			t.Errorf("listHead(%q) = %v, want %v", w, got, want)
		}
	}
}

// FuzzFindDate: any sentence gives no date or a real one, never a panic
// (dates written "8/20", "1/20/09", "February 6, 2009", weekdays).
func FuzzFindDate(f *testing.F) {
	for _, s := range []string{"On 8/20, the Ambassador met", "an 11/9 meeting", "on 1/20/2009", "on 2/30/99", "Aguirre's 2/13/07 meeting", "on 12/", "the 9/11 attacks", "February 29, 2009", "on Thursday"} {
		f.Add(s)
	}
	sent := time.Date(2009, 2, 8, 8, 1, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d := findDate(s, scan(s, 0), sent)
		if d == nil {
			return
		}
		if _, err := time.Parse("2006-01-02", *d); err != nil {
			t.Fatalf("findDate(%q) = %q, no date: %v", s, *d, err)
		}
	})
}
