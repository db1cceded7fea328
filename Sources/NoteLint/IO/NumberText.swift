/// Numbers written as ASCII digits into bytes, as `String(_:)` and `String(_:radix: 16)` write
/// them: string interpolation cost a warm run thousands of instructions a file for its cache
/// keys.
public enum NumberText {
    public static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude), base: 10, to: &out)
    }

    public static func appendDecimal(_ value: UInt64, to out: inout [UInt8]) { appendDigits(value, base: 10, to: &out) }

    /// Lower-case, with leading zeros up to `minimumDigits` only.
    public static func appendHex(_ value: UInt64, minimumDigits: Int = 1, to out: inout [UInt8]) {
        appendDigits(value, base: 16, minimumDigits: minimumDigits, to: &out)
    }

    @inline(__always)
    private static func appendDigits(_ value: UInt64, base: UInt64, minimumDigits: Int = 1, to out: inout [UInt8]) {
        var count = 1
        var power = base
        while count < 20 && value / power > 0 {
            count += 1
            let (next, overflow) = power.multipliedReportingOverflow(by: base)
            if overflow { break }
            power = next
        }
        count = max(count, minimumDigits)
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: count))
        var rest = value
        for index in stride(from: start + count - 1, through: start, by: -1) {
            let digit = UInt8(rest % base)
            out[index] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
            rest /= base
        }
    }
}
