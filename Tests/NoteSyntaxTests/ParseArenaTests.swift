import CParseArena
import Dispatch
import Foundation
import NoteInvariants
import Synchronization
import Testing

@testable import NoteSyntax

/// The allocator cmark-gfm parses with: each thread's arena hands out blocks that keep their
/// bytes until the arena is reset, and a reset gives the large slabs back.
@Suite struct ParseArenaTests {
    @Test func blocksKeepTheirBytesThroughGrowingAndMoving() throws {
        let allocator = parse_arena_allocator()!.pointee
        var generator = SeededGenerator(seed: 17)
        var blocks: [(pointer: UnsafeMutablePointer<UInt8>, count: Int, fill: UInt8)] = []
        for step in 0..<4_000 {
            let fill = UInt8(truncatingIfNeeded: step)
            if !blocks.isEmpty && Bool.random(using: &generator) {
                // Grow or shrink a block: the last one grows in place, the others move.
                let index = Bool.random(using: &generator) ? blocks.count - 1 : Int.random(in: 0..<blocks.count, using: &generator)
                let old = blocks[index]
                let count = Int.random(in: 1...(step % 100 == 0 ? 3_000_000 : 5_000), using: &generator)
                let raw = try #require(allocator.realloc(old.pointer, count))
                let pointer = raw.assumingMemoryBound(to: UInt8.self)
                let kept = min(old.count, count)
                #expect((0..<kept).allSatisfy { pointer[$0] == old.fill }, "block \(index) lost its bytes")
                pointer.update(repeating: fill, count: count)
                blocks[index] = (pointer, count, fill)
            } else {
                let count = Int.random(in: 0...700, using: &generator)
                let raw = try #require(allocator.calloc(count, 1))
                let pointer = raw.assumingMemoryBound(to: UInt8.self)
                #expect((0..<count).allSatisfy { pointer[$0] == 0 }, "calloc's block is not zeroed")
                #expect(Int(bitPattern: raw) % 16 == 0)
                pointer.update(repeating: fill, count: count)
                blocks.append((pointer, count, fill))
            }
        }
        for (index, block) in blocks.enumerated() {
            #expect((0..<block.count).allSatisfy { block.pointer[$0] == block.fill }, "block \(index) was overwritten")
        }
        #expect(parse_arena_reserved() > 3_000_000)
        parse_arena_reset()
        #expect(parse_arena_reserved() <= 1 << 20)
    }

    @Test func parsesOnManyThreadsMatchParsesOnOne() {
        var generator = SeededGenerator(seed: 5)
        let pieces = [
            "Title: A paper\nLink: https://arxiv.org/abs/2104.09864\n\n", "| a | b |\n|---|---|\n| 1 | 2 |\n\n", "- item\n  - nested\n",
            "text with [^a] and `code`\n\n[^a]: a note\n\n", "```\ncode\n```\n", "> quote\n", "# Heading\n", "a long line of prose ",
        ]
        let notes: [[UInt8]] = (0..<48).map { index in
            let count = index % 8 == 0 ? 20_000 : Int.random(in: 1...60, using: &generator)
            return Array((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
        }
        let alone = notes.map { Note(source: SourceText(bytes: $0)).dump() }
        let together = Mutex([String](repeating: "", count: notes.count))
        DispatchQueue.concurrentPerform(iterations: notes.count) { index in
            let dump = Note(source: SourceText(bytes: notes[index])).dump()
            together.withLock { $0[index] = dump }
        }
        #expect(together.withLock { $0 } == alone)
    }

    /// A text over `CmarkBridge.arenaLimit` is parsed with malloc, its tree freed node by node:
    /// a thread that has parsed nothing else never takes a slab.
    @Test func textsOverTheLimitAreParsedWithoutTheArena() {
        let record = "Title: A paper about parsing\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n\n"
        let count = CmarkBridge.arenaLimit / record.utf8.count + 1_000
        let text = Array(String(repeating: record, count: count).utf8)
        let seen = Mutex((entries: 0, blocks: 0, reserved: -1))
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            let note = Note(source: SourceText(bytes: text))
            seen.withLock { $0 = (note.entries.count, note.blocks.count, parse_arena_reserved()) }
            finished.signal()
        }
        thread.start()
        finished.wait()
        let (entries, blocks, reserved) = seen.withLock { $0 }
        #expect(entries == count)
        #expect(blocks == count + 1)
        #expect(reserved == 0)
    }
}
