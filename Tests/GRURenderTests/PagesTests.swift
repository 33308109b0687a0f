import GRUCore
import Testing
@testable import GRURender
import GRULessons

/// The walkthrough cut into pages, for `run --step` and the HTML slides.
@Suite struct PagesTests {
    @Test(arguments: Language.allCases) func lesson1HasOnePagePerBlockOfTheLesson(language: Language) {
        let pages = Walkthrough(trace: Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: language)).pages()
        // model; forward t = 1, 2, 3; loss; BPTT t = 3, 2, 1; accumulation; update; training; application.
        #expect(pages.map(\.section) == [.model, .forward, .forward, .forward, .loss, .bptt, .bptt, .bptt,
                                         .accumulation, .update, .training, .apply])
        let timestep = Message.timestep.text(language, "1")
        // The section's explanation stays with its first timestep.
        #expect(pages[1].blocks.first.map { if case .heading = $0 { true } else { false } } == true)
        #expect(pages[1].blocks.contains(.subheading(timestep)))
        #expect(pages[2].blocks.first == .subheading(Message.timestep.text(language, "2")))
        #expect(pages[7].blocks.first == .subheading(timestep))      // BPTT runs from T down to 1
        // The title opens the first page.
        #expect(pages[0].blocks.first == .title(language == .zh ? Lesson1.lesson.title.zh : Lesson1.lesson.title.en))
    }

    @Test(arguments: [RenderOptions(language: .zh), RenderOptions(language: .en, ascii: true),
                      RenderOptions(language: .en, sections: [.bptt, .training], timestep: 2, color: true)])
    func pagesJoinedAreTheWholeWalkthrough(options: RenderOptions) {
        let pages = TextRenderer.pages(Lesson1.trace, lesson: Lesson1.lesson, options: options)
        let whole = TextRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: options)
        // The same lines in the same order; only the blank lines between pages are dropped.
        func nonBlank(_ s: String) -> [Substring] { s.split(separator: "\n") }
        #expect(pages.flatMap(nonBlank) == nonBlank(whole))
        for page in pages {
            #expect(page.hasSuffix("\n") && !page.hasSuffix("\n\n") && !page.hasPrefix("\n"))
        }
    }
}
