extension SceneItem {
    /// The item moved `dx` to the right and `dy` down: a picture drawn at the origin, placed
    /// where a frame puts it.
    public func offset(x dx: Double, y dy: Double) -> SceneItem {
        func moved(_ point: Point) -> Point { Point(x: point.x + dx, y: point.y + dy) }
        return switch self {
        case .rectangle(let rect, let colour):
            .rectangle(Rect(x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height), colour)
        case .circle(let x, let y, let radius, let colour): .circle(centerX: x + dx, centerY: y + dy, radius: radius, colour)
        case .line(let x1, let y1, let x2, let y2, let colour): .line(fromX: x1 + dx, fromY: y1 + dy, toX: x2 + dx, toY: y2 + dy, colour)
        case .text(let text, let x, let y, let size, let colour): .text(text, x: x + dx, y: y + dy, pixelSize: size, colour)
        case .polygon(let points, let colour): .polygon(points.map(moved), colour)
        case .polyline(let points, let width, let colour): .polyline(points.map(moved), width: width, colour)
        }
    }
}
