package cable

// DefaultParser is defaultParser, for the tests of package cable_test.
var DefaultParser = defaultParser
