import Foundation
import Testing
@testable import GRURender
import GRUCore
import GRULessons
import GRUTestSupport

/// The slides of lesson1, lesson2 and lesson3 (full and `--sequence 1`, both languages) in headless
/// Chromium, at 1920×1080 and on a 4:3 1024×768 projector; lesson1's handouts printed to PDF.
///
/// The page's own self-test (`#selftest`, see `HTMLScript`) presses →, Space, PageDown, ←,
/// PageUp, End and Home and the presenter's keys (?, b, ., a number and Enter, +, −, t, l), clicks
/// the buttons and the zh/en switch, fits every slide in every language, measures its table text,
/// checks every chart label against its chart and the other labels, and reports overflow;
/// Scripts/selftest_cdp.py hands its JSON report back. Screenshots of a few
/// slides in zh and en go to $GRU_EXPLAIN_SCREENSHOTS (default: a folder in the temporary
/// directory, printed) for a person to look at, and are checked for their size here.
///
/// `realKeysThroughTheDevToolsProtocol` presses the keys a second way, as real input.
///
/// Skipped, with the reason printed, when Chromium is not installed; under CI=true a missing
/// Chromium fails instead (.ci/run installs it).
@Suite struct BrowserTests {
    static let chromium: String? = {
        // GRU_EXPLAIN_CHROMIUM names another browser binary (or, set to a missing file, pretends there is none).
        let candidates = ProcessInfo.processInfo.environment["GRU_EXPLAIN_CHROMIUM"].map { [$0] }
            ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let enabled = chromium != nil || inCI

    /// The folder of this test process's pages. A static has no teardown, so the folders of
    /// earlier test processes that have ended are removed here.
    static let folder: URL = {
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix("gru-explain-browser-") {
            if let pid = Int32(name.dropFirst("gru-explain-browser-".count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        let dir = temporary.appendingPathComponent("gru-explain-browser-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// lesson1 in both languages, opening in Chinese, written once for all the tests.
    static let page: URL = {
        let file = folder.appendingPathComponent("lesson1.html")
        let html = HTMLRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: .zh), languages: [.zh, .en])
        try? Data(html.utf8).write(to: file)
        return file
    }()

    /// lesson3 with --sequence 1, both languages, opening in English: its pages and its file.
    static let lesson3 = bundled("lesson3", sequence: 1)

    /// A bundled lesson in both languages, opening in English: its pages and its file.
    static func bundled(_ id: String, sequence: Int? = nil) -> (decks: [[Page]], page: URL) {
        let (lesson, trace) = (Bundled.lesson(id), Bundled.trace(id))
        let options = RenderOptions(language: .en, sequence: sequence)
        let decks = Language.allCases.map { HTMLRenderer.pages(trace, lesson: lesson, options: options, language: $0) }
        let file = folder.appendingPathComponent("\(id)\(sequence.map { "-sequence\($0)" } ?? "").html")
        try? Data(HTMLRenderer.render(trace, lesson: lesson, options: options, languages: [.zh, .en]).utf8).write(to: file)
        return (decks, file)
    }
    static let lesson2 = bundled("lesson2")
    static let lesson3Full = bundled("lesson3")

    /// The decks the self-test runs on.
    enum Deck: String, CaseIterable, CustomStringConvertible, Sendable {
        case lesson1, lesson2, lesson3, lesson3Sequence1
        var description: String { rawValue }
        var page: URL {
            switch self {
            case .lesson1: return BrowserTests.page
            case .lesson2: return BrowserTests.lesson2.page
            case .lesson3: return BrowserTests.lesson3Full.page
            case .lesson3Sequence1: return BrowserTests.lesson3.page
            }
        }
        var decks: [[Page]] {
            switch self {
            case .lesson1: return HTMLTests.decks()
            case .lesson2: return BrowserTests.lesson2.decks
            case .lesson3: return BrowserTests.lesson3Full.decks
            case .lesson3Sequence1: return BrowserTests.lesson3.decks
            }
        }
    }

    static let screenshots: URL = {
        let dir = ProcessInfo.processInfo.environment["GRU_EXPLAIN_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-screenshots")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    struct Size: CustomStringConvertible, Sendable {
        var width: Int, height: Int
        var description: String { "\(width)x\(height)" }
        /// The page's height in a browser window of this size on a screen of this size: the
        /// browser's tabs and address bar and the system's taskbar take 143 px (what Chromium's
        /// headless `--window-size` left the self-test from the start: 1920×937 and 1024×625).
        var windowed: Size { Size(width: width, height: height - 143) }
    }
    static let sizes = [Size(width: 1920, height: 1080), Size(width: 1024, height: 768)]

    /// Runs headless Chromium with its own profile and returns what it printed on stdout.
    static func run(_ arguments: [String], size: Size) async throws -> String {
        let chromium = try #require(Self.chromium, "CI=true but Chromium is not installed: .ci/run should install the chromium package")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("gru-explain-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        // Chromium that hangs is stopped after four minutes.
        return try await ChildProcess.run(URL(fileURLWithPath: chromium),
                                          ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                           "--hide-scrollbars", "--force-prefers-reduced-motion", "--user-data-dir=\(profile.path)",
                                           "--window-size=\(size.width),\(size.height)", "--virtual-time-budget=3000"] + arguments,
                                          // Its temporary files (an org.chromium.Chromium.* folder it leaves
                                          // behind) in the profile, which is removed, as cdp.py does.
                                          environment: ProcessInfo.processInfo.environment.merging(["TMPDIR": profile.path]) { $1 },
                                          stopAfter: 240).stdoutText
    }

    @Test(.enabled(if: enabled && python != nil, "Chromium or python3 is not installed (apt-get install chromium): the browser test is skipped"),
          arguments: Deck.allCases, sizes)
    func keysSwitchAndNoOverflow(deck: Deck, size: Size) async throws {
        let page = size.windowed
        let (text, status) = try await Self.runScript("selftest_cdp.py", [deck.page.path, String(page.width), String(page.height)],
                                                      mergingStandardError: false, stopAfter: 240)
        let report = try #require(status == 0 ? (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] : nil,
                                  "no self-test report from the page: \(text.prefix(300))")
        let slides = report["slides"] as? Int ?? 0
        let layout = SlideLayout.slides(deck.decks)
        #expect(slides == layout.count)
        let checks = report["checks"] as? [[String: Any]] ?? []
        #expect(checks.count >= 15)
        for check in checks where check["ok"] as? Bool != true {
            Issue.record("\(deck) \(size): \(check["name"] ?? "?") failed: \(check["detail"] ?? "")")
        }
        let overflow = report["overflow"] as? [[String: Any]] ?? []
        #expect(overflow.isEmpty, "\(deck) \(size): slides that do not fit even at 70 % type: \(overflow)")
        // The estimate in SlideLayout keeps the type at full size (or nearly) on every slide.
        let minFit = report["minFit"] as? Double ?? 0
        #expect(minFit >= 0.9, "\(deck) \(size): a slide had to shrink its type to \(minFit)")
        let fits = report["fits"] as? [String: [Double]] ?? [:]
        #expect(Set(fits.keys) == ["zh", "en"])
        // No chart label overlaps another or leaves its chart, on any slide, in either language.
        let charts = report["charts"] as? [[String: Any]] ?? []
        #expect(charts.isEmpty, "\(deck) \(size): \(charts.count) chart labels out of place: \(charts.prefix(10))")
        #expect(report["chartSlides"] as? Int ?? 0 >= 4)
        // No formula breaks inside a token (`Why[1][1]`, `∂L/∂a_r₃`, `(1 − 0.7387)`): only before
        // a term's = + or −, its further lines under its right-hand side.
        let splits = try #require(report["splitFormulas"] as? [[String: Any]], "no splitFormulas in the self-test report")
        #expect(splits.isEmpty, "\(deck) \(size): \(splits.count) formulas broken inside a token: \(splits.prefix(10))")
        // The type grows to fill the slide: lesson1's median slide with a table shows its table text
        // at 28 px or more at 1920×1080 and 18 px or more at 1024×768.
        if deck == .lesson1 {
            let wanted = size.width == 1920 ? 28.0 : 18.0
            let text = report["tableText"] as? [String: [Any]] ?? [:]
            #expect(Set(text.keys) == ["zh", "en"])
            for (language, sizes) in text {
                let measured = sizes.compactMap { $0 as? Double }.sorted()
                #expect(measured.count >= 15)
                let median = measured.isEmpty ? 0 : measured[measured.count / 2]
                #expect(median >= wanted, "\(size) \(language): median table text \(median) px, \(measured)")
            }
        }
        // That is because the estimate is never short of the height the browser gives a slide's
        // content (it also counts the margin below the last block, which the browser leaves out).
        let estimates = layout.map(\.estimate)
        let heights = report["heights"] as? [String: [Double]] ?? [:]
        #expect(Set(heights.keys) == ["zh", "en"])
        for (language, drawn) in heights.sorted(by: { $0.key < $1.key }) {
            #expect(drawn.count == estimates.count)
            for (n, height) in zip(drawn, estimates).map({ $0 }).enumerated() where height.0 > height.1 {
                Issue.record("\(deck) \(size) \(language): slide \(n + 1) is \(height.0) rem tall, estimated \(height.1)")
            }
        }
    }

    @Test(.enabled(if: enabled && python != nil, "Chromium or python3 is not installed: the screenshots are skipped"), arguments: sizes)
    func screenshots(size: Size) async throws {
        // lesson1: the title slide, forward timestep 1, the first BPTT slide, the loss curve;
        // lesson3 --sequence 1: the forward pass's first slide (which says what is shown) and the
        // loss (the other sequences as sums); in zh and en. One browser per deck goes to each
        // slide's address in turn (Scripts/screenshots_cdp.py).
        func first(_ deck: Deck, where condition: (SlideLayout.Slide, Page) -> Bool) -> Int {
            let pages = deck.decks[0]
            return SlideLayout.slides(deck.decks).firstIndex { condition($0, pages[$0.page]) }! + 1
        }
        let forward = first(.lesson1) { slide, page in page.section == .forward && slide.items.count > 2 }
        let bptt = first(.lesson1) { _, page in page.section == .bptt }
        let training = first(.lesson1) { slide, page in
            slide.items.contains { if case .lossCurve = page.blocks[$0.block] { true } else { false } }
        }
        let shots: [(Deck, [Int])] = [(.lesson1, [1, forward, bptt, training]),
                                      (.lesson3Sequence1, [first(.lesson3Sequence1) { _, page in page.section == .forward },
                                                           first(.lesson3Sequence1) { _, page in page.section == .loss }])]
        for (deck, slides) in shots {
            let files = ["zh", "en"].flatMap { language in
                slides.map { ("\(language)/\($0)", Self.screenshots.appendingPathComponent("\(deck)-\(language)-\($0)-\(size).png")) }
            }
            for (_, file) in files { try? FileManager.default.removeItem(at: file) }
            let (text, status) = try await Self.runScript("screenshots_cdp.py", [deck.page.path, String(size.width), String(size.height)]
                                                    + files.map { "\($0.0)=\($0.1.path)" })
            #expect(status == 0 && text.hasSuffix("OK\n"), "\(deck) \(size): \(text)")
            for (_, file) in files {
                let png = try Data(contentsOf: file)
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(file.lastPathComponent) is not a PNG")
                // Width and height from the IHDR chunk.
                let dimensions = png.count >= 24 ? (png[16..<20].reduce(0) { $0 << 8 | Int($1) }, png[20..<24].reduce(0) { $0 << 8 | Int($1) }) : (0, 0)
                #expect(dimensions == (size.width, size.height), "\(file.lastPathComponent) is \(dimensions)")
            }
        }
        print("Screenshots of the slides: \(Self.screenshots.path)")
    }

    static let pdfinfo: String? = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let pdftotext: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// What a program printed on stdout.
    static func output(_ program: String, _ arguments: [String]) async throws -> String {
        try await ChildProcess.run(URL(fileURLWithPath: program), arguments).stdoutText
    }

    /// lesson1's handouts, printed by Chromium to A4 PDF (zh, en, and the both deck) and read back
    /// with poppler's pdfinfo and pdftotext, page by page: zh and en each take at most 14 pages
    /// (they took 19); every page opens with the lesson's title or a section's name, a page in the
    /// forward pass or BPTT names its timestep, a timestep cut between pages says "(continued)",
    /// no page ends on a heading, every page carries "Page n of N", and the both deck prints both
    /// languages. (The column widths of a cut table: HTMLTests.aCutTableKeepsItsColumnWidths.)
    @Test(.enabled(if: enabled && (inCI || (pdfinfo != nil && pdftotext != nil)),
                   "Chromium or poppler-utils (pdfinfo, pdftotext) is not installed: the print test is skipped"),
          arguments: ["zh", "en", "both"])
    func handoutsPrintOnNumberedA4Pages(deck: String) async throws {
        let pdfinfo = try #require(Self.pdfinfo, "CI=true but pdfinfo is not installed: .ci/run should install poppler-utils")
        let pdftotext = try #require(Self.pdftotext, "CI=true but pdftotext is not installed: .ci/run should install poppler-utils")
        let languages: [Language] = deck == "both" ? [.zh, .en] : [deck == "zh" ? .zh : .en]
        let html = HTMLRenderer.render(Lesson1.trace, lesson: Lesson1.lesson, options: RenderOptions(language: languages[0]), languages: languages)
        let file = Self.folder.appendingPathComponent("print-\(deck).html")
        let pdf = Self.folder.appendingPathComponent("print-\(deck).pdf")
        try Data(html.utf8).write(to: file)
        try? FileManager.default.removeItem(at: pdf)
        _ = try await Self.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", file.absoluteString], size: Size(width: 1280, height: 720))
        let info = try await Self.output(pdfinfo, [pdf.path])
        let count = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) }, "no page count in \(info)")
        #expect(info.contains("(A4)"), "not A4: \(info)")
        if deck != "both" { #expect(count <= 14, "lesson1 prints on \(count) pages") }
        let text = try await Self.output(pdftotext, ["-layout", pdf.path, "-"])
        // pdftotext spaces CJK and Latin text apart as it likes: lines are compared without spaces.
        func squeezed(_ s: String) -> String { s.filter { !$0.isWhitespace } }
        let pages = text.components(separatedBy: "\u{0C}").map { page in
            page.split(separator: "\n").map { squeezed(String($0)) }.filter { !$0.isEmpty }
        }.filter { !$0.isEmpty }
        #expect(pages.count == count)
        let titles = languages.map { squeezed($0 == .zh ? Lesson1.lesson.title.zh : Lesson1.lesson.title.en) }
        let timestep = /^(时间步|Timestep)\d+(（续）|\(continued\))?$/
        let section = /^\d·.+/
        var continued = 0
        for (n, lines) in pages.enumerated() {
            let number = lines.last ?? ""
            #expect(number == squeezed(Message.printPage.text(languages[0], String(n + 1), String(count))), "page \(n + 1) ends with \(number)")
            let first = lines[0]
            #expect(titles.contains { $0.hasPrefix(first) || first.hasPrefix($0) } || first.wholeMatch(of: section) != nil,
                    "page \(n + 1) opens with \(first)")
            let forwardOrBPTT = [Walkthrough.title(.forward), Walkthrough.title(.bptt)].flatMap { m in languages.map { squeezed(m.text($0)) } }
            let flow = languages.map { squeezed(Message.gradientFlowTitle.text($0)) }
            // A page that opens with a section's introduction (in the both deck, the English one
            // after the Chinese: "Backpropagation through time (BPTT) works backwards …") comes
            // before the section's first timestep, so it names none.
            let opensSection = lines.count > 1 && forwardOrBPTT.contains { lines[1].hasPrefix($0) }
            if forwardOrBPTT.contains(where: { first.contains($0) }), lines.count > 1, !opensSection, !flow.contains(where: { lines[1].hasPrefix($0) }) {
                #expect(lines.dropFirst().prefix(6).contains { $0.wholeMatch(of: timestep) != nil }, "page \(n + 1) names no timestep: \(lines.prefix(3))")
            }
            if lines.prefix(2).contains(where: { $0.hasSuffix("（续）") || $0.hasSuffix("(continued)") }) { continued += 1 }
            let lastContent = lines.count > 1 ? lines[lines.count - 2] : ""
            #expect(lastContent.wholeMatch(of: timestep) == nil && lastContent.wholeMatch(of: /\d·[^│|0-9]+/) == nil,
                    "page \(n + 1) ends on the heading \(lastContent)")
        }
        #expect(continued >= 2)
        if deck == "both" {
            #expect(text.contains(Walkthrough.title(.forward).text(.zh)) && text.contains(Walkthrough.title(.forward).text(.en)))
        }
    }

    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Real key presses and clicks through the DevTools protocol (Scripts/slides_cdp.py, python3's
    /// standard library only): the browser's own input handling, focus and default actions included.
    @Test(.enabled(if: enabled && python != nil, "Chromium or python3 is not installed: the DevTools key test is skipped"))
    func realKeysThroughTheDevToolsProtocol() async throws {
        let (text, status) = try await Self.runScript("slides_cdp.py", [Self.page.path, "1280", "720"])
        #expect(status == 0, "\(text)")
        #expect(text.hasSuffix("OK\n"), "\(text)")
    }

    /// Runs one of Scripts/*.py with Chromium's path first, its page in the shared browser
    /// (`SharedBrowser`); what it printed and its exit status.
    static func runScript(_ script: String, _ arguments: [String], mergingStandardError: Bool = true, stopAfter seconds: Int = 120,
                          kind: ChildProcess.Kind = .working) async throws -> (text: String, status: Int32) {
        let chromium = try #require(Self.chromium, "CI=true but Chromium is not installed: .ci/run should install the chromium package")
        let python = try #require(Self.python, "python3 is not installed")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/\(script)")
        let r = try await ChildProcess.run(URL(fileURLWithPath: python), [script.path, chromium] + arguments,
                                           environment: try await SharedBrowser.environment(chromium: chromium, python: python),
                                           mergingStandardError: mergingStandardError, stopAfter: seconds, kind: kind)
        return (r.stdoutText, r.status)
    }
}
