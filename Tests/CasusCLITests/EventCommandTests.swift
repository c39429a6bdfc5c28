import Foundation
import Testing

@Suite("Events on the command line")
struct EventCommandTests {
    @Test("the channel is said back as stored, so 'post' read as 'brief' is visible")
    func channelSaidBack() throws {
        let cli = CLI()
        try cli.ok(["init", "--samples"])
        let out = try cli.ok([
            "event", "add", "bezwaar-wmo", "--actor", "cak", "--what", "Brief over de eigen bijdrage.", "--channel",
            "post", "--date", "2023-01-05",
        ])
        #expect(out.contains("Kanaal: brief."), "\(out)")
    }
}
