/// Where the index lives: `--db PATH`, else `NOTELINT_ARXIV_DB`, else
/// `$XDG_DATA_HOME/notelint/arxiv.sqlite` (`~/.local/share` when XDG_DATA_HOME is unset or
/// not absolute).
public enum IndexLocation {
    public static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["NOTELINT_ARXIV_DB"], !variable.isEmpty { return variable }
        var data = environment["XDG_DATA_HOME"] ?? ""
        if !data.hasPrefix("/") { data = (environment["HOME"] ?? "") + "/.local/share" }
        return data + "/notelint/arxiv.sqlite"
    }
}
