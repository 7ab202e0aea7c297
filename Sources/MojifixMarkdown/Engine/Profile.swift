/// A named rule set: `safe` (the default: every rule but the opt-in ones), `precommit` (the safe
/// fixes, and the opt-in rules as suggestions that never change a byte), `export` (for pipelines:
/// the opt-in rules too, except the on-request ones, which are a choice between opposites).
public enum Profile: String, Sendable, CaseIterable {
    case safe, precommit, export

    /// The rules the profile runs (`safe` and `precommit`: `RuleRegistry.defaultEnabled`).
    public var rules: Set<String> {
        switch self {
        case .safe, .precommit: return RuleRegistry.defaultEnabled
        case .export: return Set(RuleRegistry.rules.map { $0.name }).subtracting(RuleRegistry.onRequestOnly)
        }
    }

    /// The rules the profile runs as suggestions only (warnings, no edit): `precommit` suggests
    /// the opt-in rules, so a commit is never blocked by them but the author sees them.
    public var suggestedRules: Set<String> {
        self == .precommit ? RuleRegistry.optIn.subtracting(RuleRegistry.onRequestOnly) : []
    }

    /// `safe, precommit, export`, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension NormalizeOptions {
    /// The options of a profile, with rules turned on and off beyond it.
    public init(profile: Profile, enable: [String] = [], disable: [String] = []) {
        self.init(enabledRules: profile.rules.union(enable).subtracting(disable))
        suggestedRules = profile.suggestedRules.subtracting(disable)
    }
}
