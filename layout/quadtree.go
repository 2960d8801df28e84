package layout

import "math"

// quadTree is a Barnes-Hut tree: each cell holds the mass of the nodes in
// it and their centre of mass, so that a far cell repels as one body.
type quadTree struct {
	cells []cell
}

type cell struct {
	cx, cy, half float64 // the square: centre and half side
	mass         float64
	mx, my       float64 // centre of mass (sum of mass × position while building)
	node         int     // the one node of a leaf, -1 when none or split
	child        [4]int  // cell indexes; 0: none (cell 0 is the root)
}

// build puts the positions into a fresh tree, reusing its storage.
func (t *quadTree) build(pos []Point, mass []float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	half := math.Max(maxX-minX, maxY-minY)/2 + 1
	t.cells = append(t.cells[:0], cell{cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: half, node: -1})
	for i := range pos {
		t.insert(0, i, pos, mass, 0)
	}
	for i := range t.cells {
		c := &t.cells[i]
		if c.mass > 0 {
			c.mx /= c.mass
			c.my /= c.mass
		}
	}
}

func (t *quadTree) insert(ci, i int, pos []Point, mass []float64, depth int) {
	for {
		c := &t.cells[ci]
		empty := c.mass == 0
		c.mass += mass[i]
		c.mx += pos[i].X * mass[i]
		c.my += pos[i].Y * mass[i]
		leaf := c.child == [4]int{}
		if empty {
			c.node = i // an empty leaf takes the node
			return
		}
		if depth > 40 { // nodes at one point: keep them together in this leaf
			return
		}
		if leaf && c.node >= 0 { // split: move the resident node down
			j := c.node
			c.node = -1
			k := t.child(ci, pos[j])
			t.addMass(k, j, pos, mass)
		}
		ci = t.child(ci, pos[i])
		depth++
	}
}

// addMass puts node j, already counted in the parent, into cell k as its
// only node (k is new, so empty).
func (t *quadTree) addMass(k, j int, pos []Point, mass []float64) {
	c := &t.cells[k]
	c.mass = mass[j]
	c.mx, c.my = pos[j].X*mass[j], pos[j].Y*mass[j]
	c.node = j
}

// child returns the index of the quadrant of cell ci holding p, making it.
func (t *quadTree) child(ci int, p Point) int {
	c := t.cells[ci]
	q := 0
	if p.X >= c.cx {
		q |= 1
	}
	if p.Y >= c.cy {
		q |= 2
	}
	if c.child[q] != 0 {
		return c.child[q]
	}
	h := c.half / 2
	nc := cell{cx: c.cx - h, cy: c.cy - h, half: h, node: -1}
	if q&1 != 0 {
		nc.cx = c.cx + h
	}
	if q&2 != 0 {
		nc.cy = c.cy + h
	}
	t.cells = append(t.cells, nc)
	t.cells[ci].child[q] = len(t.cells) - 1
	return len(t.cells) - 1
}

// repel adds to f the repulsion node i feels from every other node,
// cells far enough (size / distance < theta) taken as one body.
func (t *quadTree) repel(i int, pos []Point, mass []float64, kr, theta float64, f *Point, stack []int) []int {
	stack = append(stack[:0], 0)
	p := pos[i]
	for len(stack) > 0 {
		ci := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		c := &t.cells[ci]
		if c.mass == 0 || c.node == i && c.child == [4]int{} {
			continue
		}
		dx, dy := p.X-c.mx, p.Y-c.my
		d2 := dx*dx + dy*dy
		leaf := c.child == [4]int{}
		if leaf || 2*c.half/math.Sqrt(d2) < theta {
			if d2 < 1e-9 {
				continue // the same point: no direction to push in
			}
			k := kr * mass[i] * c.mass / d2
			f.X += dx * k
			f.Y += dy * k
			continue
		}
		for _, ch := range c.child {
			if ch != 0 {
				stack = append(stack, ch)
			}
		}
	}
	return stack
}
