/// The readings `MojibakePass.readings` found in one text, and the costs of its lines as written
/// that the language model priced meanwhile. Both depend on the text alone, so a pass run again
/// on the same text (a repair's next round reads the text the last layer left, which the round
/// before also read, and found nothing more in) takes them instead of finding them again: what
/// it then decides, with the layer just peeled off and the lossy option of that run, is its own.
/// `Repairer` keeps it for one repair only. The reading `choose` picked first depends on them
/// alone too (the language model's contest of a clean text's readings was priced twice).
struct ReadingsOfText {
    let text: [UInt8]
    let readings: [MojibakePass.Reading]
    let writtenCosts: [Int: Double]
    /// What `choose` picked from `readings` (its reading nil: none), when it was asked.
    let firstChoice: FirstChoice?

    struct FirstChoice {
        let reading: MojibakePass.Reading?
    }
}
