// Written by scripts/set-version.sh from VERSION; edit VERSION and run the script instead.
extension Notelint {
    static let version = "0.1.0"
}
