import NoteLint

/// `--statistics`: how many findings each rule made, most first.
struct StatisticsReporter {
    func finish(_ files: [RenderedFile], to output: Output) {
        var counts: [String: Int] = [:]
        for file in files {
            for (rule, count) in file.rules { counts[rule, default: 0] += count }
        }
        let rows = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let width = max(rows.map { String($0.value).count }.max() ?? 1, 5)
        let ruleWidth = max(rows.map(\.key.count).max() ?? 4, 4)
        output.line(pad("COUNT", width, left: true) + "  " + pad("RULE", ruleWidth) + "  SUMMARY")
        for (rule, count) in rows {
            let summary = RuleRegistry.rule(withID: rule)?.description.summary ?? ""
            output.line(pad(String(count), width, left: true) + "  " + pad(rule, ruleWidth) + "  " + summary)
        }
        output.line("\(rows.reduce(0) { $0 + $1.value }) findings in \(files.count) file\(files.count == 1 ? "" : "s")")
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(width - text.count, 0))
        return left ? padding + text : text + padding
    }
}
