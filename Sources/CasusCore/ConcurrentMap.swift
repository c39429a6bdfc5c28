import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores in chunks, for pure work on many elements (fingerprints
    /// of tens of thousands of imported parts). Results keep the order; the first error is thrown.
    /// Short arrays are mapped on the calling thread.
    public func concurrentMap<T: Sendable>(
        minimumPerChunk: Int = 512, _ transform: @Sendable (Element) throws -> T
    ) throws -> [T] {
        let chunks = Swift.min(count / Swift.max(1, minimumPerChunk), 64)
        guard chunks > 1 else { return try map(transform) }
        let results = ResultSlots<T>(count: count)
        let size = (count + chunks - 1) / chunks
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * size)..<Swift.min(count, (chunk + 1) * size)
                for index in range {
                    results.set(index, Result { try transform(elements[index]) })
                }
            }
        }
        return try results.values()
    }
}

/// One slot per element, each written by exactly one chunk, read after all chunks are done. The
/// slots are raw memory: an array in a class would be one shared variable to Swift's access checks.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<T, any Error>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ result: Result<T, any Error>) { slots[index] = result }

    func values() throws -> [T] { try slots.map { try $0!.get() } }
}
