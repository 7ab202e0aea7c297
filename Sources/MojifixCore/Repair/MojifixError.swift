internal import MojifixICU

/// Why the engine could not be set up: the ICU of this machine lacks or refuses a conversion the
/// engine needs. `Repairer` and `FileNameRepair` open their ICU converters and build their tables
/// once, in `init`; every later call works with those, so this error can only come from an `init`.
/// (A refused repair is a `RepairError`; a plan that does not replay is a `PlanReplayer.Failure`.)
public enum MojifixError: Error, Equatable, Sendable, CustomStringConvertible {
    /// ICU does not know a charset the engine needs (an ICU build without its full data).
    case unknownCharset(String)
    /// A conversion the engine makes while building its tables met bytes or characters without an
    /// exact mapping (an ICU whose tables differ from the ones mojifix was written against).
    case illegalInput
    /// Any other ICU failure, with ICU's status code (a `U_*` error code).
    case converterFailure(code: Int32)

    /// The same failure, named in this module's terms (ICU's own error type is not public).
    init(_ error: ICUError) {
        switch error {
        case .unknownCharset(let name): self = .unknownCharset(name)
        case .illegalInput: self = .illegalInput
        case .failure(let code): self = .converterFailure(code: code)
        }
    }

    public var description: String {
        switch self {
        case .unknownCharset(let name): return "ICU does not know the charset \"\(name)\""
        case .illegalInput: return "ICU met input without an exact mapping while building mojifix's tables"
        case .converterFailure(let code): return "ICU failed with status \(code)"
        }
    }
}
