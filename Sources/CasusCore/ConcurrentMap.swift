import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores in chunks, for pure work on many elements (fingerprints
    /// of tens of thousands of imported parts, the tokens of a long text). Results keep the order;
    /// the first error is thrown. Short arrays are mapped on the calling thread. Inlinable, so the
    /// caller's module specialises it: generic code per element would cost more than the work.
    @inlinable
    public func concurrentMap<T: Sendable>(
        minimumPerChunk: Int = 512, _ transform: @Sendable (Element) throws -> T
    ) throws -> [T] {
        let chunks = Swift.min(count / Swift.max(1, minimumPerChunk), 64)
        guard chunks > 1 else { return try map(transform) }
        let size = (count + chunks - 1) / chunks
        let slots = ChunkResults<T>(count: chunks)
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * size)..<Swift.min(elements.count, (chunk + 1) * size)
                slots.set(chunk, Result { try elements[range].map(transform) })
            }
        }
        var results: [T] = []
        results.reserveCapacity(count)
        for chunk in 0..<chunks { results += try slots.take(chunk) }
        return results
    }
}

/// One slot per chunk, each written by exactly one worker, read after all are done. The slots are
/// raw memory: an array in a class would be one shared variable to Swift's access checks.
@usableFromInline
final class ChunkResults<T>: @unchecked Sendable {
    @usableFromInline let slots: UnsafeMutableBufferPointer<Result<[T], any Error>?>

    @usableFromInline init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    @usableFromInline func set(_ index: Int, _ result: Result<[T], any Error>) { slots[index] = result }

    @usableFromInline func take(_ index: Int) throws -> [T] { try slots[index]!.get() }
}
