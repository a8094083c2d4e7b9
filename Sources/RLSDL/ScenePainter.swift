import CSDL2
import RLRender

/// Paints a ``Scene`` on any SDL renderer (a window's or a software one), `scale` pixels per
/// scene unit. The scene says what to draw; this only says how.
public enum ScenePainter {
    public static func paint(_ scene: Scene, on renderer: OpaquePointer, scale: Double, offsetX: Double = 0, offsetY: Double = 0) {
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND)
        setColor(scene.background, on: renderer)
        var background = pixelRect(
            Rect(x: 0, y: 0, width: scene.width, height: scene.height), scale: scale, offsetX: offsetX, offsetY: offsetY)
        SDL_RenderFillRect(renderer, &background)
        for item in scene.items where item.isFinite {
            switch item {
            case .rectangle(let rect, let color):
                setColor(color, on: renderer)
                var pixels = pixelRect(rect, scale: scale, offsetX: offsetX, offsetY: offsetY)
                SDL_RenderFillRect(renderer, &pixels)
            case .text(let string, let x, let y, let size, let color):
                setColor(color, on: renderer)
                // Font pixels snap to whole screen pixels, so strokes stay even at any scale
                // and text stays readable when the scene is drawn small.
                let fontPixel = max(1, (size * scale).rounded())
                let width = Double(BitmapFont.width(of: string))
                // Text in the right half keeps its right edge (a right-aligned HUD stays inside).
                let keepsRightEdge = x + width * size / 2 > scene.width / 2
                let left =
                    keepsRightEdge
                    ? (offsetX + (x + width * size) * scale).rounded() - width * fontPixel
                    : (offsetX + x * scale).rounded()
                let top = (offsetY + y * scale).rounded()
                for rect in BitmapFont.rectangles(for: string, x: left, y: top, pixelSize: fontPixel) {
                    var pixels = pixelRect(rect, scale: 1)
                    SDL_RenderFillRect(renderer, &pixels)
                }
            case .circle(let centerX, let centerY, let radius, let color):
                setColor(color, on: renderer)
                fillCircle(centerX: offsetX + centerX * scale, centerY: offsetY + centerY * scale, radius: radius * scale, on: renderer)
            case .line(let fromX, let fromY, let toX, let toY, let color):
                setColor(color, on: renderer)
                let width = max(1, Int32((scale).rounded()))
                // A line one scene unit wide: several parallel one-pixel lines.
                let vertical = abs(toY - fromY) > abs(toX - fromX)
                for offset in 0..<width {
                    let dx = vertical ? offset - width / 2 : 0
                    let dy = vertical ? 0 : offset - width / 2
                    SDL_RenderDrawLine(
                        renderer,
                        Int32((offsetX + fromX * scale).rounded()) + dx, Int32((offsetY + fromY * scale).rounded()) + dy,
                        Int32((offsetX + toX * scale).rounded()) + dx, Int32((offsetY + toY * scale).rounded()) + dy)
                }
            case .polygon(let points, let color):
                setColor(color, on: renderer)
                fillPolygon(points.map { Point(x: offsetX + $0.x * scale, y: offsetY + $0.y * scale) }, on: renderer)
            case .polyline(let points, let width, let color):
                setColor(color, on: renderer)
                strokePolyline(
                    points.map { Point(x: offsetX + $0.x * scale, y: offsetY + $0.y * scale) }, width: width * scale, on: renderer)
            }
        }
    }

    /// The pixel rectangle covering a scene rectangle: edges rounded, so neighbouring
    /// rectangles tile without gaps or overlaps.
    public static func pixelRect(_ rect: Rect, scale: Double, offsetX: Double = 0, offsetY: Double = 0) -> SDL_Rect {
        let left = Int32((offsetX + rect.x * scale).rounded())
        let top = Int32((offsetY + rect.y * scale).rounded())
        let right = Int32((offsetX + (rect.x + rect.width) * scale).rounded())
        let bottom = Int32((offsetY + (rect.y + rect.height) * scale).rounded())
        return SDL_Rect(x: left, y: top, w: right - left, h: bottom - top)
    }

    static func setColor(_ color: RGBA, on renderer: OpaquePointer) {
        SDL_SetRenderDrawColor(renderer, color.red, color.green, color.blue, color.alpha)
    }

    /// A filled disc, one horizontal span per pixel row, covering the pixels whose centres lie
    /// inside the circle.
    static func fillCircle(centerX: Double, centerY: Double, radius: Double, on renderer: OpaquePointer) {
        let top = Int32((centerY - radius).rounded(.down))
        let bottom = Int32((centerY + radius).rounded(.up))
        for row in top...bottom {
            let dy = Double(row) + 0.5 - centerY
            let squared = radius * radius - dy * dy
            guard squared >= 0 else { continue }
            let half = squared.squareRoot()
            let left = Int32((centerX - half - 0.5).rounded(.up))
            let right = Int32((centerX + half - 0.5).rounded(.down))
            if right >= left {
                var span = SDL_Rect(x: left, y: row, w: right - left + 1, h: 1)
                SDL_RenderFillRect(renderer, &span)
            }
        }
    }

    /// A filled polygon in pixel coordinates, one horizontal span per pixel row between each
    /// pair of edge crossings: the pixels whose centres ``ShapeGeometry`` puts inside.
    static func fillPolygon(_ points: [Point], on renderer: OpaquePointer) {
        guard let top = points.map(\.y).min(), let bottom = points.map(\.y).max() else { return }
        // Only the rows the renderer has: a shape far off the picture costs nothing.
        var outputWidth: Int32 = 0, outputHeight: Int32 = 0
        SDL_GetRendererOutputSize(renderer, &outputWidth, &outputHeight)
        let firstRow = max(0, top.rounded(.down)), lastRow = min(Double(outputHeight), bottom.rounded(.up))
        guard firstRow <= lastRow else { return }
        for row in Int32(firstRow)...Int32(lastRow) {
            let crossings = ShapeGeometry.crossings(of: points, atY: Double(row) + 0.5)
            for pair in stride(from: 0, to: crossings.count - 1, by: 2) {
                // Pixel i is inside when its centre i + 0.5 is in [left crossing, right crossing).
                let left = max(0, (crossings[pair] - 0.5).rounded(.up))
                let right = min(Double(outputWidth), (crossings[pair + 1] - 0.5).rounded(.up) - 1)
                if right >= left {
                    var span = SDL_Rect(x: Int32(left), y: row, w: Int32(right - left) + 1, h: 1)
                    SDL_RenderFillRect(renderer, &span)
                }
            }
        }
    }

    /// Connected segments `width` pixels wide (one at least) in pixel coordinates: a filled
    /// quad per segment and a disc at each joint, as ``ShapeGeometry/stroke`` covers them.
    static func strokePolyline(_ points: [Point], width: Double, on renderer: OpaquePointer) {
        let width = max(width, 1)
        for (from, to) in zip(points, points.dropFirst()) {
            fillPolygon(ShapeGeometry.segmentCorners(from: from, to: to, width: width), on: renderer)
        }
        for joint in points.dropFirst().dropLast() { fillCircle(centerX: joint.x, centerY: joint.y, radius: width / 2, on: renderer) }
    }
}

extension SceneItem {
    /// Whether every coordinate is a finite number (a painter skips the others rather than trap).
    var isFinite: Bool {
        switch self {
        case .rectangle(let rect, _): [rect.x, rect.y, rect.width, rect.height].allSatisfy { $0.isFinite && abs($0) < 1e9 }
        case .circle(let x, let y, let radius, _): [x, y, radius].allSatisfy { $0.isFinite && abs($0) < 1e9 }
        case .line(let x1, let y1, let x2, let y2, _): [x1, y1, x2, y2].allSatisfy { $0.isFinite && abs($0) < 1e9 }
        case .text(_, let x, let y, let size, _): [x, y, size].allSatisfy { $0.isFinite && abs($0) < 1e9 }
        case .polygon(let points, _): points.allSatisfy { $0.x.isFinite && $0.y.isFinite && abs($0.x) < 1e9 && abs($0.y) < 1e9 }
        case .polyline(let points, let width, _):
            width.isFinite && width < 1e9 && points.allSatisfy { $0.x.isFinite && $0.y.isFinite && abs($0.x) < 1e9 && abs($0.y) < 1e9 }
        }
    }
}
