/// The lockgate version, reported in every output and sent as the User-Agent.
public enum LockgateVersion {
    /// The current version (semantic versioning).
    public static let current = "0.1.0"
    /// Where users read about lockgate.
    public static let informationURI = "https://github.com/lockgate/lockgate"
}
