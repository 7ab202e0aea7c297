#if canImport(Glibc)
import Glibc
#endif

/// How the time of `body` grows with its input size: the best of `runs` timings at `factor` times
/// the size over the best at the size. Linear code gives about `factor`, quadratic code about
/// `factor` squared; tests assert a bound far from both ends (never a time threshold), so a
/// loaded machine does not make them fail.
public func growth(size: Int, factor: Int = 8, runs: Int = 3, _ body: (Int) -> Void) -> Double {
    func best(_ n: Int) -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            var start = timespec(), end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            body(n)
            clock_gettime(CLOCK_MONOTONIC, &end)
            times.append(Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
        }
        return max(times.min()!, 1e-6)
    }
    let small = best(size)
    return best(size * factor) / small
}
