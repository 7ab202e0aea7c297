internal import MojifixICU

/// Lines of signs through a reading only the language model decides (CP866, KOI8-R, Windows-1253
/// and 1256 show UTF-8's bytes as letters): the model cannot price a sign against the letters it
/// replaces, so a line whose units all decode to signs (`Scontento тАУ scusa` is `–` through CP866)
/// was never confirmed, whatever the line gained.
extension MojibakePass {
    /// The line's units are all signs of prose (`latinOneSigns` too), none touching a letter of its source characters'
    /// own script (`ЗатварятДв` may be a Cyrillic word), and the line gains twice the margin:
    /// its source characters stand as words of another script in it, which no writer types.
    /// (The caller also asks that nothing else on the line be correctly encoded non-ASCII text.)
    static func confirmsSigns(_ judged: ReadingPlausibility.Judgement, _ units: some Collection<DecodedUnit>,
                              _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard judged.lineGain >= 2 * lineGain, !units.isEmpty else { return false }
        return units.allSatisfy { unit in
            let sign = ReadingPlausibility.isSignOfProse(unit.scalar) || latinOneSigns.contains(unit.scalar)
            return !unit.lossy && unit.evidence > 0 && sign && !touchesItsOwnScript(unit, p)
        }
    }

    /// NBSP, and the signs of Latin-1 that Unicode counts as letters: `µ` `ª` `º`.
    private static let latinOneSigns: Set<UInt32> = [0xA0, 0xAA, 0xB5, 0xBA]

    /// A letter right before or after the unit in the script of the unit's first source letter,
    /// unless Latin: the Latin letters Windows-1256 shows (`â€”`) glue to no word of the
    /// charset's own script, the one clean text in it is written in.
    private static func touchesItsOwnScript(_ unit: DecodedUnit, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = unit.start
        var script: ICUScript? = nil
        while i < unit.end && script == nil {
            let (s, length) = UTF8.decode(p, at: i)
            script = ScalarTraits.letterScript(s)
            i += length
        }
        guard let script, script != .latin else { return false }
        return [UTF8.scalar(before: unit.start, in: p), UTF8.scalar(at: unit.end, in: p)].contains { s in
            ScalarTraits.isLetter(s) && ScalarTraits.letterScript(s) == script
        }
    }
}
