#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The environment variables notelint reads, looked up one by one with `getenv`: building
/// `ProcessInfo.environment` copies every variable of the process into a dictionary, about
/// half a million instructions each time, which a one-note `check` paid three times.
public enum ProcessEnvironment {
    /// Every variable notelint's command line reads (a test keeps this list complete).
    public static let names = [
        "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "NO_COLOR", "TERM", "NOTELINT_ARXIV_DB", "NOTELINT_ARXIV_API_URL",
        "NOTELINT_ARXIV_OAI_URL",
        "NOTELINT_ARXIV_BACKOFF",
        "NOTELINT_ARXIV_CA_FILE", "NOTELINT_ARXIV_DEADLINE", "NOTELINT_ARXIV_INTERVAL", "NOTELINT_LSP_TEST_DELAY",
        "NOTELINT_WORKSPACE_LIMIT",
    ]

    /// Those of `names` that are set, with their values.
    public static var notelintVariables: [String: String] {
        var found: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { found[name] = String(cString: value) }
        }
        return found
    }
}
