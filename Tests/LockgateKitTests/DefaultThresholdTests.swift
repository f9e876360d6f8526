import Classifier
import Foundation
import LockgateCore
import LockgateKit
import Policy
import Testing

/// The default policy gates at the thresholds the shipped model chose on cross-validation (issue #5: "the default
/// policy's block threshold is chosen on cross-validation"); scripts/set-default-thresholds keeps them equal.
@Suite struct DefaultThresholdTests {
    @Test func defaultPolicyUsesTheBundledModelsThresholds() throws {
        let model = try #require(try BundledModel.load(), "no model ships in Sources/Classifier/Resources")
        for ecosystem in Ecosystem.allCases {
            let chosen = model.thresholds.thresholds(for: ecosystem)
            let policy = Policy.defaultPolicy.thresholds(for: ecosystem)
            #expect(abs(policy.block - chosen.block) < 1e-9, "\(ecosystem) block: run scripts/set-default-thresholds")
            #expect(abs(policy.warn - chosen.warn) < 1e-9, "\(ecosystem) warn: run scripts/set-default-thresholds")
        }
        #expect(abs(Policy.defaultPolicy.thresholds.block - model.thresholds.all.block) < 1e-9)
        #expect(abs(Policy.defaultPolicy.thresholds.warn - model.thresholds.all.warn) < 1e-9)
    }

    @Test func shippedDefaultFileMatchesTheBuiltInPolicy() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = try PolicyLoader.load(path: root.appendingPathComponent("policies/default.yml").path)
        for ecosystem in Ecosystem.allCases {
            #expect(file.thresholds(for: ecosystem) == Policy.defaultPolicy.thresholds(for: ecosystem))
        }
    }
}
