/// A version's `created` stamp (`Mon, 2 Apr 2007 19:18:42 GMT`) as its day, `2007-04-02`;
/// nil for another shape.
enum SnapshotDate {
    private static let months: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map {
        Array($0.utf8)
    }

    static func day(_ stamp: [UInt8]) -> String? {
        let parts = stamp.split(separator: UInt8(ascii: " "))
        // Weekday, day, month, year, time, zone.
        guard parts.count >= 4, let day = number(parts[1]), (1...31).contains(day), let year = number(parts[3]), parts[3].count == 4,
            parts[2].count == 3
        else { return nil }
        let name = parts[2].map { $0 | 0x20 }
        guard let month = months.firstIndex(where: { $0.elementsEqual(name) }) else { return nil }
        return "\(year)-\(pad(month + 1))-\(pad(day))"
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 4 else { return nil }
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
