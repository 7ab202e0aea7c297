/// The characters of a text that any decoder reacts to, listed by `ReadingSieve.sift` in the one
/// pass it makes over the text, so that each decoder walks this list instead of decoding the
/// text's UTF-8 again (a garbled record was decoded by four to seven decoders, and decoding was
/// most of their work).
///
/// Listed: every non-ASCII character some table has (and U+FFFD, which may hide a byte), and the
/// others a decoder may read inside a sequence: an ASCII character or one no table has right
/// after a listed one, and ASCII up to three in a row while each one before is a space (a lost
/// NBSP) or a `?` (a lost byte). A UTF-8 sequence needs at most three more characters after its
/// lead, a CP949 pair one, and a character no table has ends both and starts neither: every
/// character left out is met with no sequence and no lead open, where both decoders pass over it.
struct SiftedCharacters {
    struct Character {
        /// (32 bits: a text is never longer than `RepairOptions.largestInput`, under 2^31 bytes.)
        let start: Int32
        let scalar: UInt32
        /// The sieve's row of a non-ASCII character (its byte in every table); 0 for ASCII.
        let row: UInt16
        let length: UInt8
    }

    /// A place where a UTF-8 decoder may start a unit: a listed character whose byte is a lead
    /// for it, followed right away by one that can come second (see `ReadingSieve`).
    struct Place {
        /// The lead's index in `list`.
        let index: Int32
        /// The UTF-8 decoders for which it is such a place (bit k: decoder k).
        let decoders: UInt64
    }

    var list: [Character] = []
    /// The places, in the order of the text: a UTF-8 decoder's units start only there, so it
    /// walks from each of its places instead of the whole list (a garbled record's decoders met
    /// two or three characters for each place of theirs).
    var places: [Place] = []
    /// Per decoder, its byte for each row (-1: none), `rows` entries a decoder (the sieve's table).
    let columns: [Int16]
    let rows: Int
    /// The text ends here: the sequence a decoder reads from the list never runs past it.
    let end: Int
}

extension UnitDecoder {
    /// `units(in:range:)` for the range `characters` was sifted from, this decoder being column
    /// `k` of the sieve: the same units, from the list.
    ///
    /// A UTF-8 decoder reads from each of its places on while a sequence is open: between them it
    /// has none open (a lead always breaks the sequence before it and starts its own, and a lead
    /// that is not a place starts one the next character breaks), so it finds what walking the
    /// whole list finds. A place inside a unit just found (a CESU-8 pair's second half) is passed.
    func units(_ characters: SiftedCharacters, decoder k: Int, _ p: UnsafeBufferPointer<UInt8>) -> [DecodedUnit] {
        var units: [DecodedUnit] = []
        if misreading.actual == .windows949 {
            forEachCP949Unit(characters, decoder: k, &units) { units, unit, _ in units.append(unit) }
            return units
        }
        characters.columns.withUnsafeBufferPointer { columns in
            characters.list.withUnsafeBufferPointer { list in characters.places.withUnsafeBufferPointer { places in
                let bytes = UnsafeBufferPointer(rebasing: columns[k * characters.rows..<(k + 1) * characters.rows])
                let bit: UInt64 = 1 << UInt64(k)
                var next = 0  // where the next character to take starts (after a unit: its end)
                for place in places where place.decoders & bit != 0 {
                    var j = Int(place.index)
                    if Int(list[j].start) < next { continue }
                    var sequence = UTF8Sequence()
                    repeat {
                        let c = list[j]
                        let byte = c.scalar < 0x80 ? Int(c.scalar) : Int(bytes[Int(c.row)])
                        next = step(&sequence, c.scalar, Int(c.length), byte: byte, at: Int(c.start), p, end: characters.end, &units)
                        j += 1
                    } while sequence.need > 0 && j < list.count
                }
            } }
        }
        return units
    }

    /// `forEachCP949Unit(_:_:_:)` for the range `characters` was sifted from, from the list.
    @inline(__always)
    func forEachCP949Unit<State>(_ characters: SiftedCharacters, decoder k: Int, _ state: inout State,
                                 _ body: (inout State, DecodedUnit, Int) -> Void) {
        characters.columns.withUnsafeBufferPointer { columns in
            let bytes = UnsafeBufferPointer(rebasing: columns[k * characters.rows..<(k + 1) * characters.rows])
            var lead = CP949Lead()
            for c in characters.list {
                if c.scalar < 0x80 && lead.byte < 0 && !asciiMayLead { continue }
                // (The table's own byte for ASCII, as when decoding the text.)
                let byte = c.scalar < 0x80 ? table.byte(for: c.scalar).map(Int.init) ?? -1
                    : Int(bytes[Int(c.row)])
                step(&lead, byte: byte, at: Int(c.start), Int(c.length), &state, body)
            }
        }
    }
}
