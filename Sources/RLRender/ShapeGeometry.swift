/// Which points a polygon or a stroke covers: the one rule every painter samples (the SDL
/// painter at its pixels' centres, the terminal at its half blocks'), so a window, a PNG and
/// the terminal agree on the shapes.
public enum ShapeGeometry {
    /// The x coordinates, in increasing order, where the polygon's edges cross the horizontal
    /// line at `y`; between the first and second, the third and fourth, ... is inside (even-odd
    /// rule). An edge counts from its upper end, not its lower one, so a vertex on the line is
    /// crossed once and neighbouring polygons sharing an edge do not overlap.
    public static func crossings(of polygon: [Point], atY y: Double) -> [Double] {
        guard polygon.count >= 3 else { return [] }
        var result: [Double] = []
        var previous = polygon[polygon.count - 1]
        for point in polygon {
            if (previous.y <= y) != (point.y <= y) {
                result.append(previous.x + (y - previous.y) / (point.y - previous.y) * (point.x - previous.x))
            }
            previous = point
        }
        return result.sorted()
    }

    /// Whether (x, y) is inside the polygon (even-odd rule; left edges inside, right edges out).
    public static func polygon(_ polygon: [Point], contains x: Double, _ y: Double) -> Bool {
        crossings(of: polygon, atY: y).count(where: { $0 <= x }) % 2 == 1
    }

    /// Whether (x, y) is on the stroke through `points`, `width` wide (its joints rounded) and
    /// at least `minimumWidth` wide: one pixel of the painter, so a thin line never vanishes.
    /// Across a segment the band is half open, so a one-pixel line on a pixel boundary covers
    /// one row of pixel centres, not two.
    public static func stroke(_ points: [Point], width: Double, minimumWidth: Double = 0, covers x: Double, _ y: Double) -> Bool {
        let half = max(width, minimumWidth) / 2
        for (from, to) in zip(points, points.dropFirst()) {
            let dx = to.x - from.x, dy = to.y - from.y
            let lengthSquared = dx * dx + dy * dy
            guard lengthSquared > 0 else { continue }
            let along = ((x - from.x) * dx + (y - from.y) * dy) / lengthSquared
            guard along >= 0 && along <= 1 else { continue }
            let across = ((x - from.x) * dy - (y - from.y) * dx) / lengthSquared.squareRoot()
            if across >= -half && across < half { return true }
        }
        // Round joints, so the outside of a bend has no notch.
        for joint in points.dropFirst().dropLast() where (x - joint.x) * (x - joint.x) + (y - joint.y) * (y - joint.y) < half * half {
            return true
        }
        return false
    }

    /// The four corners of the segment from `from` to `to` drawn `width` wide with square ends:
    /// a stroke's segment as a polygon, for painters that fill polygons.
    public static func segmentCorners(from: Point, to: Point, width: Double) -> [Point] {
        let dx = to.x - from.x, dy = to.y - from.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return [] }
        let nx = -dy / length * width / 2, ny = dx / length * width / 2
        return [
            Point(x: from.x + nx, y: from.y + ny), Point(x: to.x + nx, y: to.y + ny),
            Point(x: to.x - nx, y: to.y - ny), Point(x: from.x - nx, y: from.y - ny),
        ]
    }
}
