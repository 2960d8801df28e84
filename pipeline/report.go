package pipeline

import (
	"fmt"
	"time"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/graph"
)

// Report accounts for a run: what was read, written and lost, and why.
type Report struct {
	Inputs []InputReport `json:"inputs"`
	// InputBytes is what was read from the inputs (compressed size for
	// gzip); Bytes is the size of the cable records, uncompressed.
	InputBytes    int64 `json:"input_bytes"`
	Bytes         int64 `json:"bytes"`
	CablesRead    int   `json:"cables_read"`
	CablesWritten int   `json:"cables_written"`
	CablesFailed  int   `json:"cables_failed"`
	// CablesDuplicate counts cables whose refid was already written: kept
	// once. Read = written + failed + duplicate, always.
	CablesDuplicate int `json:"cables_duplicate"`
	// InputsFailed counts the inputs that could not be read to their end
	// (and the paths that could not be listed); each is in Failures.
	InputsFailed int `json:"inputs_failed"`
	// Shard is "i/n" when the run took one share of the cables;
	// CablesOtherShards counts the cables left to the other shards (not
	// in CablesRead).
	Shard             string    `json:"shard,omitempty"`
	CablesOtherShards int       `json:"cables_other_shards,omitempty"`
	Duplicates        []Failure `json:"duplicates"`
	Failures          []Failure `json:"failures"`
	// Warnings counts repairs and gaps by kind ("no date-time group",
	// "empty body"); WarningSamples lists the first few of each with the
	// cable they concern.
	Warnings       map[string]int `json:"warnings"`
	WarningSamples []Failure      `json:"warning_samples,omitempty"`
	Dates          DateStats      `json:"dates"`
	AllCaps        int            `json:"all_caps"`
	// PeopleMerged counts the person ids replaced by another id of the
	// same person found in other cables.
	PeopleMerged int        `json:"people_merged"`
	Graph        GraphStats `json:"graph"`
	Outputs      []string   `json:"outputs"`
	Interrupted  bool       `json:"interrupted"`
	Started      time.Time  `json:"started"`
	Timings      Timings    `json:"timings"`
	Jobs         int        `json:"jobs"`
}

// Stats are the size and the components of a graph.
func Stats(g *graph.Graph) GraphStats {
	st := GraphStats{Nodes: len(g.Nodes()), Edges: len(g.Edges())}
	if cs := g.Components(); len(cs) > 0 {
		st.Components, st.Largest = len(cs), cs[0]
	}
	return st
}

// GraphStats is the size of the who-met-whom graph exported.
type GraphStats struct {
	Nodes int `json:"nodes"`
	Edges int `json:"edges"`
	// Components is how many connected components the graph has (groups
	// of people joined by chains of meetings); Largest the people in the
	// largest.
	Components int `json:"components"`
	Largest    int `json:"largest_component"`
}

// InputReport is one input file's share of the run.
type InputReport struct {
	Path   string `json:"path"`
	Bytes  int64  `json:"bytes"`
	Cables int    `json:"cables"`
	Failed int    `json:"failed"`
	Error  string `json:"error,omitempty"` // the input could not be read to its end
}

// Failure is a cable (or record) that could not be processed, or a warning.
type Failure struct {
	Source cable.Position `json:"source"`
	Cable  string         `json:"cable,omitempty"`
	Reason string         `json:"reason"`
}

func (f Failure) String() string {
	if f.Cable != "" {
		return fmt.Sprintf("%s: %s: %s", f.Source, f.Cable, f.Reason)
	}
	return fmt.Sprintf("%s: %s", f.Source, f.Reason)
}

// DateStats says where the cables' dates came from.
type DateStats struct {
	DTG     int `json:"dtg"`     // from the date-time group
	Release int `json:"release"` // from the release's metadata
	None    int `json:"none"`
}

// Timings are wall-clock seconds for the run and, summed over the
// workers, the seconds of the per-cable work (parse, normalize, extract,
// find meetings, encode).
type Timings struct {
	Total     float64 `json:"total_seconds"`
	CableWork float64 `json:"cable_work_seconds"`
	MBPerSec  float64 `json:"mb_per_second"`
}

const samplesPerWarning = 5
