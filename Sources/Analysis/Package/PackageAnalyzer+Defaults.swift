extension PackageAnalyzer {
    /// Creates an analyser with lockgate's JavaScript and Python analysers.
    public init() {
        self.init(javascript: JavaScriptAnalyzer(), python: PythonAnalyzer())
    }
}
