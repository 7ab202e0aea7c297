import CMojifixBuildInfo
import MojifixICU

/// What `mojifix --version` prints: the release, the commit it was built from, and the ICU and
/// Unicode versions its conversions and character properties come from.
enum Version {
    static let release = "0.9.0"

    static var text: String {
        """
        mojifix \(release) (commit \(String(cString: mj_build_commit())))
        ICU \(ICUProperties.icuVersion), Unicode \(ICUProperties.unicodeVersion)
        """
    }
}
