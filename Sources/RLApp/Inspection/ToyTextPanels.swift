import RLCore

extension PolicyPanel {
    /// Taxi's maps: one 5 × 5 map of the taxi's position (north at the top) for each place of
    /// the passenger (a stand, or in the taxi) and destination.
    static func taxi(_ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        if selection.paddle != nil || selection.direction != nil {
            throw InspectionError("--paddle and --direction apply to pong policies only")
        }
        if !selection.slices.isEmpty { throw InspectionError("--slice: taxi's 16 panels are all drawn, one per passenger and destination") }
        let space = MultiDiscrete([5, 5, 5, 4])
        let stands = ["Red", "Green", "Yellow", "Blue"]
        var panels: [PolicyPanel] = []
        for passenger in 0..<5 {
            for destination in 0..<4 where passenger != destination {
                let place = passenger == 4 ? "in the taxi" : "at \(stands[passenger])"
                panels.append(
                    PolicyPanel(
                        title: "passenger \(place), destination \(stands[destination])",
                        rowLabels: (0..<5).map { "row \($0)" }, columnLabels: (0..<5).map(String.init),
                        rowAxis: "taxi row (north at the top)", columnAxis: "taxi column",
                        states: (0..<5).map { row in (0..<5).map { column in space.index(of: [row, column, passenger, destination]) } }))
            }
        }
        return panels
    }

    /// Blackjack's two charts of Sutton & Barto's Figure 5.2: stick or hit for each player sum
    /// (21 at the top, down to 12; below 12 a hit can never bust) and dealer card (ace first),
    /// with a usable ace and without.
    static func blackjack(_ selection: PanelSelection) throws(InspectionError) -> [PolicyPanel] {
        if selection.paddle != nil || selection.direction != nil {
            throw InspectionError("--paddle and --direction apply to pong policies only")
        }
        if !selection.slices.isEmpty { throw InspectionError("--slice: blackjack's two panels (usable ace or not) are always drawn") }
        let space = MultiDiscrete([32, 11, 2])
        let sums = Array((12...21).reversed())
        return [(1, "usable ace"), (0, "no usable ace")].map { ace, words in
            PolicyPanel(
                title: words, rowLabels: sums.map { "sum \($0)" }, columnLabels: ["A"] + (2...10).map(String.init),
                rowAxis: "player's sum", columnAxis: "dealer showing",
                states: sums.map { sum in (1...10).map { dealer in space.index(of: [sum, dealer, ace]) } })
        }
    }
}
