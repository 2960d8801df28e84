// Package layout places the people of a network in the plane and groups
// them into communities, before the network is drawn: ForceAtlas2 (Jacomy
// et al. 2014, with Barnes-Hut repulsion) for the positions and Louvain
// (Blondel et al. 2008) for the communities. Both are deterministic: the
// same network gives the same numbers, whatever the machine.
package layout

import (
	"math"
	"runtime"
	"sync"
)

// Edge joins nodes A and B (indexes) with a weight (meetings).
type Edge struct {
	A, B   int
	Weight float64
}

// Options tune ForceAtlas2; the zero value takes the defaults.
type Options struct {
	Iterations int     // default 300
	Scaling    float64 // repulsion (kr); default 10
	Gravity    float64 // pull to the centre (kg); default 1
	Theta      float64 // Barnes-Hut accuracy; default 1.2
}

func (o Options) withDefaults() Options {
	if o.Iterations <= 0 {
		o.Iterations = 300
	}
	if o.Scaling <= 0 {
		o.Scaling = 10
	}
	if o.Gravity <= 0 {
		o.Gravity = 1
	}
	if o.Theta <= 0 {
		o.Theta = 1.2
	}
	return o
}

// Point is a position.
type Point struct{ X, Y float64 }

// ForceAtlas2 returns positions for n nodes joined by edges. Nodes start
// on a sunflower spiral in index order (no randomness); each node's mass
// is its degree plus one, as in ForceAtlas2, so hubs push harder and sit
// apart.
func ForceAtlas2(n int, edges []Edge, opts Options) []Point {
	o := opts.withDefaults()
	pos := make([]Point, n)
	golden := math.Pi * (3 - math.Sqrt(5))
	for i := range pos {
		r := 10 * math.Sqrt(float64(i)+0.5)
		pos[i] = Point{r * math.Cos(float64(i)*golden), r * math.Sin(float64(i)*golden)}
	}
	if n < 2 {
		return pos
	}
	mass := make([]float64, n)
	for i := range mass {
		mass[i] = 1
	}
	for _, e := range edges {
		mass[e.A]++
		mass[e.B]++
	}
	force := make([]Point, n)
	old := make([]Point, n)
	speed, efficiency := 1.0, 1.0
	tree := &quadTree{}
	for range o.Iterations {
		copy(old, force)
		for i := range force {
			force[i] = Point{}
		}
		// repulsion, through a Barnes-Hut tree of the current positions
		tree.build(pos, mass)
		repelAll(tree, pos, mass, o, force)
		// gravity towards the centre
		for i, p := range pos {
			if d := math.Hypot(p.X, p.Y); d > 0 {
				f := o.Gravity * mass[i] / d
				force[i].X -= p.X * f
				force[i].Y -= p.Y * f
			}
		}
		// attraction along edges (linear in distance)
		for _, e := range edges {
			dx, dy := pos[e.A].X-pos[e.B].X, pos[e.A].Y-pos[e.B].Y
			w := e.Weight
			if w <= 0 {
				w = 1
			}
			force[e.A].X -= dx * w
			force[e.A].Y -= dy * w
			force[e.B].X += dx * w
			force[e.B].Y += dy * w
		}
		// adaptive speed (swinging and traction, as ForceAtlas2)
		var swinging, traction float64
		for i := range pos {
			swinging += mass[i] * math.Hypot(old[i].X-force[i].X, old[i].Y-force[i].Y)
			traction += mass[i] * 0.5 * math.Hypot(old[i].X+force[i].X, old[i].Y+force[i].Y)
		}
		jitter := 0.05 * math.Sqrt(float64(n))
		minJitter := math.Sqrt(jitter)
		jt := jitter * math.Max(minJitter, math.Min(jitter, traction/(float64(n)*float64(n))))
		const minSpeedEfficiency = 0.05
		if swinging/traction > 2 {
			if efficiency > minSpeedEfficiency {
				efficiency *= 0.5
			}
			jt = math.Max(jt, jitter)
		}
		target := jt * efficiency * traction / math.Max(swinging, 1e-9)
		if swinging > jt*traction {
			if efficiency > minSpeedEfficiency {
				efficiency *= 0.7
			}
		} else if speed < 1000 {
			efficiency *= 1.3
		}
		speed += math.Min(target-speed, 0.5*speed)
		for i := range pos {
			sw := mass[i] * math.Hypot(old[i].X-force[i].X, old[i].Y-force[i].Y)
			f := speed / (1 + math.Sqrt(speed*sw))
			// no node moves further than 10 units a step: keeps hubs from flying off
			if d := math.Hypot(force[i].X, force[i].Y) * f; d > 10 {
				f *= 10 / d
			}
			pos[i].X += force[i].X * f
			pos[i].Y += force[i].Y * f
		}
	}
	return pos
}

// repelAll adds every node's repulsion to force, the nodes shared among
// the cores (each node's force is its own: the same sums whatever the
// split).
func repelAll(tree *quadTree, pos []Point, mass []float64, o Options, force []Point) {
	workers := min(runtime.GOMAXPROCS(0), 1+len(pos)/256)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var stack []int
			for i := w; i < len(pos); i += workers {
				stack = tree.repel(i, pos, mass, o.Scaling, o.Theta, &force[i], stack)
			}
		}()
	}
	wg.Wait()
}
