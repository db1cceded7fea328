/// Inputs that make naive parsers quadratic or deeply recursive. bench/pathological.py builds
/// the same shapes at benchmark sizes and prints their time per MB.
public enum PathologicalNotes {
    public static let all: [(name: String, make: @Sendable () -> [UInt8])] = [
        ("100,000 footnote references", { bytes(String(repeating: "Text.[^a] ", count: 100_000) + "\n") }),
        ("50,000 nested list levels", { bytes(String(repeating: "- ", count: 50_000) + "Title: x\n") }),
        ("50,000 nested block quotes", { bytes(String(repeating: ">", count: 50_000) + " Title: x\n") }),
        ("10 MB single line", { bytes(String(repeating: "Title: x [^a] `b` ", count: 10_000_000 / 18)) }),
        (
            "100,000 entries",
            {
                bytes(
                    String(
                        repeating:
                            "Title: A paper\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021-04-20\nSubjects: Computation and Language (cs.CL)\n\n",
                        count: 100_000))
            }
        ),
        ("only backticks", { bytes(String(repeating: "`", count: 1_000_000)) }),
        ("backtick runs of growing length", { bytes((1...1_500).map { String(repeating: "`", count: $0) }.joined(separator: " ") + "\n") }),
        (
            "unclosed anchors and ids",
            { bytes("[x](#x)\n" + String(repeating: "{#", count: 100_000) + "\n" + String(repeating: "<a id=\"", count: 50_000) + "\n") }
        ),
        ("dollars that open no math", { bytes(String(repeating: "$5 ", count: 200_000) + "[^a]\n\n[^a]: x\n") }),
        ("schemes glued in one link", { bytes("[a](https://x.org/" + String(repeating: "ahttp://", count: 50_000) + ")\n") }),
    ]

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
