import RLRender
import Testing

@Suite struct ShapeGeometryTests {
    let triangle = [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 0, y: 10)]

    @Test func aPolygonIsInsideBetweenPairsOfCrossings() {
        #expect(ShapeGeometry.crossings(of: triangle, atY: 5) == [0, 5])
        #expect(ShapeGeometry.polygon(triangle, contains: 2, 2))
        #expect(ShapeGeometry.polygon(triangle, contains: 0, 5))  // the left edge is inside
        #expect(!ShapeGeometry.polygon(triangle, contains: 5, 5))  // the right edge is not
        #expect(!ShapeGeometry.polygon(triangle, contains: 8, 8))
        #expect(!ShapeGeometry.polygon(triangle, contains: 2, -1))
        // Fewer than three points enclose nothing.
        #expect(ShapeGeometry.crossings(of: Array(triangle.prefix(2)), atY: 0) == [])
    }

    @Test func aVertexOnTheScanLineIsCrossedOnce() {
        // A diamond: its left and right vertices lie on y = 5.
        let diamond = [Point(x: 5, y: 0), Point(x: 10, y: 5), Point(x: 5, y: 10), Point(x: 0, y: 5)]
        #expect(ShapeGeometry.crossings(of: diamond, atY: 5) == [0, 10])
        #expect(ShapeGeometry.polygon(diamond, contains: 5, 5))
    }

    @Test func aStrokeCoversItsWidthAndAtLeastAPixel() {
        let line = [Point(x: 0, y: 10), Point(x: 20, y: 10)]
        #expect(ShapeGeometry.stroke(line, width: 4, covers: 10, 11.9))
        #expect(!ShapeGeometry.stroke(line, width: 4, covers: 10, 12.1))
        #expect(!ShapeGeometry.stroke(line, width: 4, covers: 21, 10))  // past the end: square ends, no cap
        // A line thinner than a pixel still covers one row of pixel centres, not two.
        #expect(!ShapeGeometry.stroke(line, width: 0.1, covers: 10, 10.5))
        let rows = [9.5, 10.5].filter { ShapeGeometry.stroke(line, width: 0.1, minimumWidth: 1, covers: 10, $0) }
        #expect(rows.count == 1)
    }

    @Test func aStrokesJointsAreRounded() {
        let bend = [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 10)]
        // Outside the corner, within half the width of the joint: covered; at the square corner: not.
        #expect(ShapeGeometry.stroke(bend, width: 4, covers: 11, -1))
        #expect(!ShapeGeometry.stroke(bend, width: 4, covers: 11.9, -1.9))
    }

    @Test func aSegmentsCornersAreHalfTheWidthEitherSide() {
        let corners = ShapeGeometry.segmentCorners(from: Point(x: 0, y: 0), to: Point(x: 10, y: 0), width: 2)
        #expect(corners == [Point(x: 0, y: 1), Point(x: 10, y: 1), Point(x: 10, y: -1), Point(x: 0, y: -1)])
        #expect(ShapeGeometry.segmentCorners(from: Point(x: 1, y: 1), to: Point(x: 1, y: 1), width: 2).isEmpty)
    }
}

@Suite struct SceneItemOffsetTests {
    @Test func everyKindOfItemMovesByTheOffset() {
        let items: [SceneItem] = [
            .rectangle(Rect(x: 1, y: 2, width: 3, height: 4), .black), .circle(centerX: 1, centerY: 2, radius: 3, .black),
            .line(fromX: 1, fromY: 2, toX: 3, toY: 4, .black), .text("A", x: 1, y: 2, pixelSize: 1, .black),
            .polygon([Point(x: 1, y: 2)], .black), .polyline([Point(x: 1, y: 2)], width: 1, .black),
        ]
        let moved: [SceneItem] = [
            .rectangle(Rect(x: 11, y: 22, width: 3, height: 4), .black), .circle(centerX: 11, centerY: 22, radius: 3, .black),
            .line(fromX: 11, fromY: 22, toX: 13, toY: 24, .black), .text("A", x: 11, y: 22, pixelSize: 1, .black),
            .polygon([Point(x: 11, y: 22)], .black), .polyline([Point(x: 11, y: 22)], width: 1, .black),
        ]
        #expect(items.map { $0.offset(x: 10, y: 20) } == moved)
    }
}
