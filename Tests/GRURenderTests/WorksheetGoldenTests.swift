import Testing
import GRURender

/// `gru-explain worksheet lesson1` compared with its golden files under Golden/
/// (`GRU_EXPLAIN_RECORD=1 swift test` rewrites them). GRUCheckTests fills the same sheet in and
/// checks it; here only the layout is pinned.
@Suite struct WorksheetGoldenTests {
    static let cases: [(String, RenderOptions)] = [
        ("worksheet.lesson1.zh.txt", RenderOptions(language: .zh)),
        ("worksheet.lesson1.en.txt", RenderOptions(language: .en)),
        ("worksheet.lesson1.en.ascii.txt", RenderOptions(language: .en, ascii: true)),
        ("worksheet.lesson1.zh.forward-t2.txt", RenderOptions(language: .zh, sections: [.forward], timestep: 2)),
    ]

    @Test(arguments: cases.map(\.0))
    func matchesGolden(_ file: String) throws {
        let options = Self.cases.first { $0.0 == file }!.1
        try Golden.check(WorksheetRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: options), file: file)
    }
}
