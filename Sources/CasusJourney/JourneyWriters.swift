import CasusCore
import CasusDocuments
import Foundation

/// Draws a journey map as SVG: deterministic (same map, same bytes), readable in black and white
/// (evidence as letters and line styles, missing hand-offs dashed and crossed), accessible
/// (`role="img"`, title and description).
public enum SVGJourneyWriter {
    public static func render(_ map: JourneyMap) -> String { drawing(map).svg }

    /// The size in pixels the drawing would have, without drawing it.
    public static func size(_ map: JourneyMap, style: JourneyStyle) -> (width: Double, height: Double) {
        let layout = JourneyLayout(map, style: style)
        return (layout.width, layout.height)
    }

    /// The SVG with its size in pixels, for placing it in a document.
    public static func drawing(
        _ map: JourneyMap, style: JourneyStyle = .screen
    ) -> (svg: String, width: Double, height: Double) {
        let layout = JourneyLayout(map, style: style)
        return (draw(map, layout), layout.width, layout.height)
    }

    static func draw(_ map: JourneyMap, _ layout: JourneyLayout) -> String {
        var svg = Canvas()
        let w = layout.width, h = layout.height
        let titleId = "kaart-titel", descId = "kaart-beschrijving"
        svg.line(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(w))\" height=\"\(f(h))\" viewBox=\"0 0 \(f(w)) \(f(h))\" role=\"img\" aria-labelledby=\"\(titleId) \(descId)\" font-family=\"'Liberation Sans', Arial, sans-serif\" font-size=\"11\">"
        )
        svg.line(
            "<title id=\"\(titleId)\">\(XMLText.escape(map.t("Klantreis", "Customer journey") + ": " + map.title))</title>"
        )
        svg.line("<desc id=\"\(descId)\">\(XMLText.escape(map.summary))</desc>")
        svg.line(
            "<defs><marker id=\"pijl\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#222\"/></marker>"
                + "<marker id=\"pijl-open\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#fff\" stroke=\"#B5472A\" stroke-width=\"1.5\"/></marker></defs>"
        )
        svg.line("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
        let printed = layout.style == .print
        if !printed {
            svg.text(12, 22, map.t("Klantreis", "Customer journey") + " — " + map.title, size: 15, weight: "bold")
        }

        // Phases.
        for (i, phase) in layout.phases.enumerated() {
            let top = layout.phaseTop + phase.row
            svg.line(
                "<rect x=\"\(f(phase.from))\" y=\"\(f(top))\" width=\"\(f(phase.to - phase.from))\" height=\"20\" fill=\"\(i % 2 == 0 ? "#e8ecf1" : "#f5f5f5")\" stroke=\"#8a8a8a\"/>"
            )
            svg.text(phase.from + 6, top + 14, phase.title, weight: "bold")
        }

        // Key moments with her words.
        if !layout.moments.isEmpty {
            svg.text(12, layout.momentTop + 14, map.t("Sleutelmomenten", "Key moments"), weight: "bold")
            for moment in layout.moments {
                let y = layout.momentTop + moment.y
                svg.line(
                    "<rect x=\"\(f(moment.x))\" y=\"\(f(y))\" width=\"\(f(layout.momentWidth))\" height=\"\(f(moment.height))\" fill=\"#fff8e6\" stroke=\"#B5472A\" stroke-width=\"1.2\" rx=\"3\"/>"
                )
                svg.lines(moment.x + 6, y + 15, moment.lines, style: "italic")
                svg.line(
                    "<line x1=\"\(f(moment.x + 6))\" y1=\"\(f(y + moment.height))\" x2=\"\(f(moment.x + 6))\" y2=\"\(f(layout.impactTop + 4))\" stroke=\"#B5472A\" stroke-dasharray=\"1 3\"/>"
                )
            }
        }

        // Her experience: a curve on the scale -2..+2.
        svg.text(
            12, layout.impactTop + 14, map.t("Beleving van \(map.endUser)", "\(map.endUser)'s experience"),
            weight: "bold")
        for impact in -2...2 {
            let y = layout.impactY(impact)
            svg.line(
                "<line x1=\"\(f(JourneyLayout.titleColumn))\" y1=\"\(f(y))\" x2=\"\(f(w - 10))\" y2=\"\(f(y))\" stroke=\"#d0d0d0\"\(impact == 0 ? "" : " stroke-dasharray=\"2 4\"")/>"
            )
            svg.text(JourneyLayout.titleColumn - 8, y + 4, impact > 0 ? "+\(impact)" : "\(impact)", anchor: "end")
        }
        let points = layout.curve
        if points.count > 1 {
            svg.line(
                "<polyline fill=\"none\" stroke=\"#1F3A5F\" stroke-width=\"2\" points=\""
                    + points.map { "\(f($0.x)),\(f(layout.impactY($0.impact)))" }.joined(separator: " ") + "\"/>")
        }
        for point in points {
            let y = layout.impactY(point.impact)
            if point.impact <= -2 {
                // A pain point: a triangle with "!", not just a colour.
                svg.line(
                    "<path d=\"M\(f(point.x - 7)),\(f(y + 6)) L\(f(point.x + 7)),\(f(y + 6)) L\(f(point.x)),\(f(y - 8)) z\" fill=\"#B5472A\" stroke=\"#222\"/>"
                )
                svg.text(point.x, y + 4, "!", size: 9, weight: "bold", anchor: "middle", fill: "#fff")
            } else if point.item.keyMoment {
                svg.line(
                    "<path d=\"M\(f(point.x)),\(f(y - 7)) L\(f(point.x + 7)),\(f(y)) L\(f(point.x)),\(f(y + 7)) L\(f(point.x - 7)),\(f(y)) z\" fill=\"#1F3A5F\" stroke=\"#222\"/>"
                )
            } else {
                svg.line("<circle cx=\"\(f(point.x))\" cy=\"\(f(y))\" r=\"4\" fill=\"#1F3A5F\"/>")
            }
        }

        // Lanes.
        for (i, band) in layout.lanes.enumerated() {
            let fill = band.lane.kind == .agencyBack ? "#f2f2f2" : (i % 2 == 0 ? "#fbfbfb" : "#ffffff")
            svg.line(
                "<rect x=\"0\" y=\"\(f(band.y))\" width=\"\(f(w))\" height=\"\(f(band.height))\" fill=\"\(fill)\" stroke=\"#c8c8c8\"/>"
            )
            svg.lines(
                8, band.y + 16, band.titleLines,
                weight: band.lane.kind == .agencyBack ? "normal" : "bold",
                style: band.lane.kind == .agencyBack ? "italic" : "normal")
            if band.lane.kind == .agencyBack {
                // The line of visibility between what the end user saw and what happened out of sight.
                svg.line(
                    "<line x1=\"0\" y1=\"\(f(band.y))\" x2=\"\(f(w))\" y2=\"\(f(band.y))\" stroke=\"#1F3A5F\" stroke-width=\"1.5\" stroke-dasharray=\"10 4\"/>"
                )
                svg.text(
                    w - 12, band.y - 3, map.t("zichtlijn", "line of visibility"), size: 9, anchor: "end",
                    fill: "#1F3A5F")
            }
        }
        // Long silences: a break in the axis and a light band through the lanes, behind the boxes.
        for silence in layout.silences {
            let x = silence.x
            svg.line(
                "<rect x=\"\(f(x - 6))\" y=\"\(f(layout.lanesTop))\" width=\"12\" height=\"\(f(layout.axisTop - layout.lanesTop + 14))\" fill=\"#e6e6e6\"/>"
            )
            svg.line(
                "<path d=\"M\(f(x - 6)),\(f(layout.axisTop + 2)) l4,6 l4,-6 l4,6\" fill=\"none\" stroke=\"#222\"/>")
            let months = max(1, Int((Double(silence.days) / 30.4).rounded()))
            svg.text(
                x, layout.axisTop + 44, map.t("\(months) mnd. stil", "\(months) mo. silent"), size: 9, anchor: "middle",
                style: "italic")
        }
        // Hand-offs: the arrow behind the boxes, its number (or ✕) in the free strip at the top of the lane it leaves.
        for mark in layout.handoffs {
            let happened = mark.handoff.happened
            let stroke =
                happened
                ? "stroke=\"#222\" marker-end=\"url(#pijl)\""
                : "stroke=\"#B5472A\" stroke-dasharray=\"6 4\" marker-end=\"url(#pijl-open)\""
            svg.line(
                "<line x1=\"\(f(mark.x))\" y1=\"\(f(mark.fromY))\" x2=\"\(f(mark.x))\" y2=\"\(f(mark.toY + (mark.toY > mark.fromY ? -2 : 2)))\" stroke-width=\"1.6\" \(stroke)/>"
            )
        }
        for box in layout.boxes {
            if box.spanTo - box.spanFrom > 2 {
                svg.line(
                    "<line x1=\"\(f(box.spanFrom))\" y1=\"\(f(box.y - 4))\" x2=\"\(f(box.spanTo))\" y2=\"\(f(box.y - 4))\" stroke=\"#555\" stroke-width=\"1\"/>"
                )
            }
            svg.line(
                "<rect x=\"\(f(box.x))\" y=\"\(f(box.y))\" width=\"\(f(JourneyLayout.boxWidth))\" height=\"\(f(box.height))\" fill=\"#ffffff\" stroke=\"#222\" "
                    + "stroke-width=\"\(box.item.evidence == .bevestigd ? "2" : "1")\"\(dash(box.item.evidence)) rx=\"2\"><title>\(XMLText.escape(box.item.eventId + ": " + box.item.what))</title></rect>"
            )
            for (i, head) in box.lines.prefix(box.headLines).enumerated() {
                svg.text(box.x + 6, box.y + 14 + Double(i) * JourneyLayout.lineHeight, head, size: 10, weight: "bold")
            }
            svg.lines(
                box.x + 6, box.y + 14 + Double(box.headLines) * JourneyLayout.lineHeight,
                Array(box.lines.dropFirst(box.headLines)))
            // Evidence as a letter in the corner.
            svg.line(
                "<rect x=\"\(f(box.x + JourneyLayout.boxWidth - 16))\" y=\"\(f(box.y))\" width=\"16\" height=\"14\" fill=\"#1F3A5F\"/>"
            )
            svg.text(
                box.x + JourneyLayout.boxWidth - 8, box.y + 11, box.item.evidence.code, size: 10, weight: "bold",
                anchor: "middle", fill: "#fff")
        }

        for mark in layout.handoffs {
            let happened = mark.handoff.happened
            svg.line(
                "<circle cx=\"\(f(mark.x))\" cy=\"\(f(mark.fromY))\" r=\"7\" fill=\"\(happened ? "#ffffff" : "#B5472A")\" stroke=\"#222\"/>"
            )
            svg.text(
                mark.x, mark.fromY + 3.5, happened ? "\(mark.number)" : "✕", size: 9, weight: "bold", anchor: "middle",
                fill: happened ? "#222" : "#fff")
            guard !mark.lines.isEmpty else { continue }
            svg.line(
                "<rect x=\"\(f(mark.labelX))\" y=\"\(f(mark.labelY))\" width=\"\(f(JourneyLayout.boxWidth + 40))\" height=\"\(f(mark.labelHeight))\" fill=\"#ffffff\" stroke=\"\(happened ? "#222" : "#B5472A")\"\(happened ? "" : " stroke-dasharray=\"6 4\"")/>"
            )
            svg.lines(mark.labelX + 6, mark.labelY + 15, mark.lines, weight: happened ? "normal" : "bold")
        }
        // Axis with silences.
        svg.line(
            "<line x1=\"\(f(JourneyLayout.titleColumn))\" y1=\"\(f(layout.axisTop + 8))\" x2=\"\(f(w - 10))\" y2=\"\(f(layout.axisTop + 8))\" stroke=\"#222\"/>"
        )
        for tick in layout.ticks {
            svg.line(
                "<line x1=\"\(f(tick.x))\" y1=\"\(f(layout.axisTop + (tick.major ? 0 : 4)))\" x2=\"\(f(tick.x))\" y2=\"\(f(layout.axisTop + 14))\" stroke=\"#222\"/>"
            )
            svg.text(
                tick.x, layout.axisTop + 28, tick.label, size: tick.major ? 11 : 9,
                weight: tick.major ? "bold" : "normal", anchor: "middle")
        }
        if layout.handoffs.contains(where: { !$0.lines.isEmpty }) {
            svg.text(12, layout.handoffTop + 14, map.t("Overdrachten", "Hand-offs"), weight: "bold")
        }
        guard !printed else {
            svg.line("</svg>")
            return svg.text
        }

        // Legend.
        var y = layout.legend.top
        svg.text(12, y, map.t("Legenda", "Legend"), weight: "bold")
        for row in layout.legend.evidence {
            y += 22
            for (evidence, x) in row {
                svg.line(
                    "<rect x=\"\(f(x))\" y=\"\(f(y - 10))\" width=\"22\" height=\"14\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"\(evidence == .bevestigd ? "2" : "1")\"\(dash(evidence))/>"
                )
                svg.text(x + 11, y + 1, evidence.code, size: 10, weight: "bold", anchor: "middle")
                svg.text(x + 28, y + 1, evidence.label.text(map.language))
            }
        }
        y += 22
        svg.lines(12, y, layout.legend.explanation)
        y += Double(layout.legend.explanation.count) * JourneyLayout.lineHeight + 6
        svg.lines(12, y, layout.legend.knelpunten)
        svg.line("</svg>")
        return svg.text
    }

    /// Line style per evidence level, so it reads without colour.
    static func dash(_ evidence: Evidence) -> String {
        switch evidence {
        case .verhaal: " stroke-dasharray=\"2 2\""
        case .document: " stroke-dasharray=\"6 3\""
        case .bevestigd, .genuanceerd, .gecorrigeerd: ""
        case .betwist: " stroke-dasharray=\"8 2 2 2\""
        case .geweigerd: " stroke-dasharray=\"1 4\""
        }
    }

    /// A coordinate with one decimal, written without `String(format:)` (which dominated drawing time).
    static func f(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return (tenths < 0 ? "-" : "") + String(whole) + "." + String(fraction)
    }

    /// Accumulates SVG text.
    struct Canvas {
        var text = ""

        mutating func line(_ s: String) { text += s + "\n" }

        mutating func text(
            _ x: Double, _ y: Double, _ content: String, size: Double = 11, weight: String = "normal",
            anchor: String = "start",
            style: String = "normal", fill: String = "#1a1a1a"
        ) {
            var attributes = "x=\"\(f(x))\" y=\"\(f(y))\""
            if size != 11 { attributes += " font-size=\"\(f(size))\"" }
            if weight != "normal" { attributes += " font-weight=\"\(weight)\"" }
            if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
            if style != "normal" { attributes += " font-style=\"\(style)\"" }
            if fill != "#1a1a1a" { attributes += " fill=\"\(fill)\"" }
            line("<text \(attributes)>\(XMLText.escape(content))</text>")
        }

        mutating func lines(
            _ x: Double, _ y: Double, _ lines: [String], weight: String = "normal", style: String = "normal"
        ) {
            for (i, content) in lines.enumerated() {
                text(x, y + Double(i) * JourneyLayout.lineHeight, content, weight: weight, style: style)
            }
        }
    }
}

/// The equivalent of the map as a table and as chronological text, and an HTML page with all three.
public enum JourneyText {
    public static func tableRows(_ map: JourneyMap) -> [[String]] {
        let laneTitles = Dictionary(
            map.lanes.map {
                ($0.id, $0.kind == .agencyBack ? $0.title + map.t(" (achter de schermen)", " (backstage)") : $0.title)
            },
            uniquingKeysWith: { a, _ in a })
        return map.items.map { item in
            [
                item.date?.description ?? map.t("zonder datum", "no date"), laneTitles[item.laneId] ?? item.laneId,
                item.what,
                [item.experience, item.quote.map { "“\($0)”" }].compactMap { $0 }.joined(separator: " "),
                item.impact.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "", item.evidence.label.text(map.language),
                item.knelpunten.map { $0.label.text(map.language) }.joined(separator: "; "),
            ]
        }
    }

    public static func header(_ map: JourneyMap) -> [String] {
        [
            map.t("Datum", "Date"), map.t("Wie", "Who"), map.t("Wat er gebeurde", "What happened"),
            map.t("Beleving", "Experience"),
            map.t("Score", "Score"), map.t("Bewijs", "Evidence"), map.t("Knelpunten", "Bottlenecks"),
        ]
    }

    /// The map as one HTML page through the document model and `HTMLWriter`: the drawing (wide, so it
    /// scrolls instead of shrinking), then the same facts as a table, in order, and the hand-offs.
    public static func html(_ map: JourneyMap) -> String {
        String(decoding: HTMLWriter.render(document(map)), as: UTF8.self)
    }

    /// The map as a document: a figure followed by the same facts as text.
    public static func document(_ map: JourneyMap) -> Document {
        let title = map.t("Klantreis", "Customer journey") + ": " + map.title
        var blocks: [Block] = [.paragraph([.text(map.summary)])]
        blocks.append(
            .figure(
                Figure(
                    svg: SVGJourneyWriter.render(map), alt: title,
                    caption: map.t(
                        "De klantreis als kaart; dezelfde gegevens staan hieronder als tabel en als tekst.",
                        "The journey as a map; the same facts follow as a table and as text."), wide: true)))
        blocks.append(.heading(level: 1, text: [.text(map.t("Gebeurtenissen", "Events"))], anchor: "gebeurtenissen"))
        blocks.append(
            .table(
                Table(
                    caption: map.t("Alle gebeurtenissen op de kaart", "Every event on the map"), header: header(map),
                    plainRows: tableRows(map))))
        blocks.append(.heading(level: 1, text: [.text(map.t("In volgorde", "In order"))], anchor: "volgorde"))
        blocks.append(
            .list(
                ordered: true,
                items: map.items.map { item in
                    var line: [Inline] = [
                        .strong([.text(item.date?.description ?? map.t("zonder datum", "no date"))]),
                        .text(" — " + item.what),
                    ]
                    if let quote = item.quote { line.append(.text(" “" + quote + "”")) }
                    return line
                }))
        blocks.append(
            .heading(
                level: 1, text: [.text(map.t("Overdrachten tussen instanties", "Hand-offs between agencies"))],
                anchor: "overdrachten"))
        let handoffs: [[Inline]] = map.handoffs.map { h in
            let from = map.lanes.first { $0.id == h.fromLane }?.title ?? h.fromLane
            let to = map.lanes.first { $0.id == h.toLane }?.title ?? h.toLane
            var line: [Inline] = [.text("\(h.date?.description ?? "?"): \(from) → \(to): \(h.what)")]
            if !h.happened { line.append(.strong([.text(" (" + map.t("niet gebeurd", "did not happen") + ")")])) }
            return line
        }
        blocks.append(.list(ordered: false, items: handoffs.isEmpty ? [[.text(map.t("geen", "none"))]] : handoffs))
        return Document(meta: DocumentMeta(title: title, date: "", language: map.language.rawValue), blocks: blocks)
    }

    /// Every event as CSV (RFC 4180), one row each.
    public static func csv(_ map: JourneyMap) -> String {
        func field(_ value: String) -> String {
            value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        let header = [
            "id", "datum", "ongeveer", "baan", "kanaal", "zichtbaar", "wat", "beleving", "impact", "bewijs",
            "knelpunten", "sleutelmoment", "fase",
        ]
        let lanes = Dictionary(map.lanes.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var out = header.joined(separator: ",") + "\r\n"
        for item in map.items {
            let row = [
                item.eventId, item.date.map { $0.description.replacingOccurrences(of: "~", with: "") } ?? "",
                item.date?.approximate == true ? "ja" : "nee",
                (lanes[item.laneId] ?? item.laneId) + (item.laneId.hasPrefix("back:") ? " (achter de schermen)" : ""),
                item.channel ?? "",
                item.visibleToEndUser ? "ja" : "nee", item.what,
                [item.experience, item.quote.map { "“\($0)”" }].compactMap { $0 }.joined(separator: " "),
                item.impact.map(String.init) ?? "", item.evidence.rawValue,
                item.knelpunten.map(\.id).joined(separator: ";"), item.keyMoment ? "ja" : "nee", item.phase ?? "",
            ]
            out += row.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A Mermaid `journey` diagram. Lossy: Mermaid has one score per task, no dates, lanes or backstage.
    public static func mermaid(_ map: JourneyMap) -> String {
        func clean(_ text: String) -> String {
            // Mermaid reads ':' as a separator and '#' / ';' as markup; keep the words, drop those.
            text.replacingOccurrences(of: ":", with: " –").replacingOccurrences(of: "#", with: "").replacingOccurrences(
                of: ";", with: ","
            )
            .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        }
        let lanes = Dictionary(map.lanes.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var out =
            "%% "
            + map.t(
                "Klantreis uit casus. Mermaid laat weg: datums en tijdas, achter de schermen, overdrachten (ook de gemiste), bewijs, knelpunten en citaten. Score = beleving + 3 (1..5).",
                "Customer journey from casus. Mermaid leaves out: dates and time axis, backstage, hand-offs (missed ones too), evidence, bottlenecks and quotes. Score = impact + 3 (1..5)."
            ) + "\n"
        out += "journey\n    title \(clean(map.t("Klantreis", "Customer journey") + " – " + map.title))\n"
        var currentSection: String?
        for item in map.items where item.visibleToEndUser {
            let section = clean(item.phase ?? (item.date.map { String($0.year) } ?? map.t("Zonder datum", "Undated")))
            if section != currentSection {
                out += "    section \(section.isEmpty ? "-" : section)\n"
                currentSection = section
            }
            let score = max(1, min(5, (item.impact ?? 0) + 3))
            var task = clean((item.date.map { "\($0.description) " } ?? "") + item.what)
            if task.count > 80 { task = String(task.prefix(79)) + "…" }
            // A comma separates actors in Mermaid, so names lose theirs.
            let actors = [lanes[item.laneId] ?? ""] + (item.laneId == "enduser" ? [] : [map.endUser])
            let cleanActors = actors.map { clean($0).replacingOccurrences(of: ",", with: " –") }
            out += "      \(task): \(score): \(cleanActors.filter { !$0.isEmpty }.joined(separator: ", "))\n"
        }
        return out
    }
}
