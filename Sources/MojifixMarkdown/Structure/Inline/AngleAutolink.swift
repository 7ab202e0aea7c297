/// `<scheme:...>` and `<local@domain>` autolinks (CommonMark 6.5).
extension InlineScanner {
    /// `<scheme:...>` or `<local@domain>`.
    func angleAutolinkEnd(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = t.count
        let j = i + 1
        if j < n && MDByte.isAlpha(t[j]) {
            var k = j + 1
            while k < n && k - j < 32 && (MDByte.isAlnum(t[k]) || t[k] == MDByte.plus || t[k] == MDByte.dot || t[k] == MDByte.minus) {
                k += 1
            }
            if k < n && t[k] == MDByte.colon && k - j >= 2 {
                var m = k + 1
                while m < n {
                    let c = t[m]
                    if c == MDByte.greater { return m + 1 }
                    if c <= MDByte.space || c == MDByte.less || c == 0x7F { break }
                    m += 1
                }
            }
        }
        var k = j
        while k < n && InlineScanner.isEmailLocal(t[k]) { k += 1 }
        guard k > j, k < n, t[k] == MDByte.at else { return nil }
        var m = k + 1
        while true {
            let labelStart = m
            while m < n && (MDByte.isAlnum(t[m]) || t[m] == MDByte.minus) && m - labelStart < 63 { m += 1 }
            guard m > labelStart, MDByte.isAlnum(t[labelStart]), MDByte.isAlnum(t[m - 1]) else { return nil }
            if m < n && t[m] == MDByte.dot { m += 1; continue }
            break
        }
        return m < n && t[m] == MDByte.greater ? m + 1 : nil
    }

    static func isEmailLocal(_ b: UInt8) -> Bool {
        if MDByte.isAlnum(b) { return true }
        switch b {
        case 0x2E, 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2F, 0x3D, 0x3F, 0x5E, 0x5F, 0x60, 0x7B, 0x7C, 0x7D, 0x7E, 0x2D:
            return true
        default:
            return false
        }
    }
}
