import Testing
import Foundation
@testable import NoteSyntax

@Test(arguments: [100, 1000, 5000, 20000]) func scratch(depth: Int) {
    let t = Date()
    let n = Note("---\na: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n")
    print(depth, n.frontMatter?.problem as Any, Date().timeIntervalSince(t))
    let t2 = Date()
    let n2 = Note("---\n" + (0..<depth).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n---\n")
    print(depth, n2.frontMatter?.problem as Any, Date().timeIntervalSince(t2))
}
