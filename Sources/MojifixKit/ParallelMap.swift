import Dispatch
import Synchronization

/// `items.map` on every core, results in input order. Each worker takes the next item as it
/// finishes one (sizes vary a lot: an archive's files, a batch of heavy mojibake), and has its
/// own tools (ICU converters are not shared between threads).
package enum ParallelMap {
    package static func map<Worker, Item, Result>(_ items: [Item], workers: [Worker], _ transform: (Worker, Item) -> Result) -> [Result] {
        guard !items.isEmpty, !workers.isEmpty else { return [] }
        let next = Atomic<Int>(0)
        var results = [Result?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { slots in
            let base = slots.baseAddress!
            DispatchQueue.concurrentPerform(iterations: min(workers.count, items.count)) { worker in
                while case let index = next.wrappingAdd(1, ordering: .relaxed).oldValue, index < items.count {
                    (base + index).pointee = transform(workers[worker], items[index])
                }
            }
        }
        return results.map { $0! }
    }
}
