import MojifixText

/// The engine's name for the shared UTF-8 helpers (`MojifixText.UTF8Bytes`): inside MojifixCore,
/// `UTF8` means these, not the standard library's codec.
typealias UTF8 = UTF8Bytes

/// Line and column of byte offsets, for reports of plans and findings (`MojifixText.LineIndex`).
public typealias LineIndex = MojifixText.LineIndex
