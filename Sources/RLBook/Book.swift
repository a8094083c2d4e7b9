/// The figures `rl book` draws, in the book's order: one line each. A new figure is its own file
/// in `Figures/` (named after it, `Figure2_2.swift`) and one line here.
public enum Book {
    public static let figures: [BookFigure] = [
        Figure2_2.figure,
        Figure2_3.figure,
        Figure2_4.figure,
        Figure2_5.figure,
        Figure2_6.figure,
        Figure4_1.figure,
        Figure4_2.figure,
        Figure4_3.figure,
        Figure5_1.figure,
        Figure5_2.figure,
        Figure5_3.figure,
        Figure5_4.figure,
        Example6_2.figure,
        Figure6_3.figure,
        Figure6_4.figure,
        Figure6_6.figure,
        Figure6_5.figure,
        Figure7_2.figure,
        Figure8_2.figure,
        Figure8_4.figure,
        Figure8_5.figure,
        Example8_4.figure,
        Figure8_7.figure,
        Figure8_8.figure,
        Figure9_1.figure,
        Figure9_2.figure,
        Figure9_5.figure,
        Figure9_10.figure,
        Figure10_1.figure,
        Figure10_2.figure,
        Figure10_3.figure,
        Figure10_4.figure,
        Figure10_5.figure,
        Figure11_2.figure,
        Figure11_5.figure,
        Figure12_3.figure,
        Figure12_6.figure,
        Figure12_8.figure,
        Figure12_10.figure,
        Figure12_11.figure,
        Figure13_1.figure,
        Figure13_2.figure,
    ]

    /// The figure with this id (`2.2`), if `rl` draws it.
    public static func figure(_ id: String) -> BookFigure? { figures.first { $0.id == id } }

    /// The ids, for messages.
    public static var idList: String { figures.map(\.id).joined(separator: ", ") }
}
