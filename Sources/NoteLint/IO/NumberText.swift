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

    /// The digits are written backwards into a word-sized scratch and appended in one copy: a
    /// warm run writes four numbers for every file it checks.
    @inline(__always)
    private static func appendDigits(_ value: UInt64, base: UInt64, minimumDigits: Int = 1, to out: inout [UInt8]) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let capacity = MemoryLayout.size(ofValue: scratch)
        // At most 20 decimal digits; leading zeros fill up to the scratch's size.
        let minimum = min(max(minimumDigits, 1), capacity)
        withUnsafeMutableBytes(of: &scratch) { digits in
            var start = capacity
            var rest = value
            while rest > 0 || capacity - start < minimum {
                start -= 1
                let digit = UInt8(truncatingIfNeeded: rest % base)
                digits[start] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
                rest /= base
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: digits[start...]))
        }
    }
}
