import Foundation
import RLCore
import RLFeatures
import RLTestSupport
import Testing

/// Our tile coding against Sutton's `tiles3` (the book's reference implementation, from
/// incompleteideas.net/tiles/tiles3.py, reproduced below as published) and against the dense
/// numbering docs/CONTINUOUS.md gives a Python reader: on random points, every tiling must cut
/// the space exactly where `tiles3` cuts it, and the index must be the documented formula's.
@Suite struct Tiles3ReferenceTests {
    static let script = #"""
        import json, sys
        from math import floor

        class IHT:
            def __init__(self, sizeval):
                self.size = sizeval; self.overfullCount = 0; self.dictionary = {}
            def count(self): return len(self.dictionary)
            def fullp(self): return len(self.dictionary) >= self.size
            def getindex(self, obj, readonly=False):
                d = self.dictionary
                if obj in d: return d[obj]
                elif readonly: return None
                size = self.size; count = self.count()
                if count >= size:
                    if self.overfullCount == 0: print('IHT full, starting to allow collisions')
                    self.overfullCount += 1
                    return hash(obj) % self.size
                else:
                    d[obj] = count
                    return count

        def hashcoords(coordinates, m, readonly=False):
            if type(m) == IHT: return m.getindex(tuple(coordinates), readonly)
            if type(m) == int: return hash(tuple(coordinates)) % m
            if m == None: return coordinates

        def tiles(ihtORsize, numtilings, floats, ints=[], readonly=False):
            qfloats = [floor(f * numtilings) for f in floats]
            Tiles = []
            for tiling in range(numtilings):
                tilingX2 = tiling * 2
                coords = [tiling]
                b = tiling
                for q in qfloats:
                    coords.append((q + b) // numtilings)
                    b += tilingX2
                coords.extend(ints)
                Tiles.append(hashcoords(coords, ihtORsize, readonly))
            return Tiles

        spec = json.loads(sys.argv[1])
        n, k, low, high = spec["tilings"], spec["tiles"], spec["low"], spec["high"]
        iht = IHT(1 << 22)
        for point in spec["points"]:
            # tiles3 wants coordinates scaled so that a tile is 1 wide.
            scaled = [min(max((x - l) / (h - l), 0), 1) * k for x, l, h in zip(point, low, high)]
            reference = tiles(iht, n, scaled)
            # docs/CONTINUOUS.md's dense numbering: tiling t, then each coordinate's tile in 0...k.
            dense = []
            for t in range(n):
                index = 0
                for d, s in enumerate(scaled):
                    q = floor(s * n)
                    index = index * (k + 1) + (q + (t * (2 * d + 1)) % n) // n
                dense.append(t * (k + 1) ** len(scaled) + index)
            print(json.dumps({"reference": reference, "dense": dense}))
        """#

    @Test(arguments: [(tilings: 8, tiles: 8, dimensions: 2), (tilings: 4, tiles: 5, dimensions: 4), (tilings: 16, tiles: 3, dimensions: 3)])
    func everyTilingCutsTheSpaceWhereTiles3CutsIt(tilings: Int, tiles: Int, dimensions: Int) throws {
        let low = (0..<dimensions).map { -1.5 + Double($0) }, high = (0..<dimensions).map { 2.0 + 3 * Double($0) }
        let coding = try TileCoding(tilings: tilings, tiles: tiles, ranges: FeatureRanges(low: low, high: high))
        var generator = Xoshiro256StarStar(seed: 11)
        // Points inside the ranges, a few outside (clamped), and the corners.
        var points = (0..<400).map { _ in
            (0..<dimensions).map { low[$0] - 0.2 + (high[$0] - low[$0] + 0.4) * generator.nextUnitDouble() }
        }
        points += [low, high]
        let spec: [String: Any] = ["tilings": tilings, "tiles": tiles, "low": low, "high": high, "points": points]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: spec), as: UTF8.self)
        let run = try runPython(Self.script, arguments: [json])
        try #require(run.status == 0, "\(run.output)")
        let lines = run.output.split(separator: "\n")
        try #require(lines.count == points.count, "\(run.output.prefix(300))")

        // Per tiling: ours ↔ tiles3's index must be a bijection over the sample (the same cells).
        var forward = Array(repeating: [Int: Int](), count: tilings), backward = forward
        for (point, line) in zip(points, lines) {
            let answer = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [Int]])
            var features = ActiveFeatures(capacity: tilings)
            coding.activeTiles(of: { point[$0] }, into: &features)
            let ours = Array(features.indices.prefix(features.count))
            #expect(ours == answer["dense"], "\(point)")
            for (tiling, (mine, theirs)) in zip(ours, try #require(answer["reference"])).enumerated() {
                #expect(forward[tiling][mine, default: theirs] == theirs && backward[tiling][theirs, default: mine] == mine, "\(point)")
                forward[tiling][mine] = theirs
                backward[tiling][theirs] = mine
            }
        }
        // The sample really exercises the tilings: many distinct cells each.
        #expect(forward.allSatisfy { $0.count >= min(20, tiles * tiles) })
    }
}
