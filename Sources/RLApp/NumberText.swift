/// A number in its shortest exact form, without a trailing ".0" for whole numbers.
public func formatNumber(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
