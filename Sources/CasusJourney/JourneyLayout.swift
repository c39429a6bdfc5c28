import CasusCore
import Foundation

/// How a journey map is drawn: for a screen, or for a printed page, where it goes without its title,
/// legend and hand-off texts (the document prints those as text) and with boxes side by side in time.
public enum JourneyStyle: Sendable {
    case screen, print
}

/// Positions for everything on a journey map: a time axis in days (long silences compressed and
/// labelled), lanes whose boxes stack instead of overlapping, and the bands above and below.
struct JourneyLayout {
    static let titleColumn = 180.0
    static let boxWidth = 156.0
    static let lineHeight = 14.0
    static let fontSize = 11.0
    /// Average advance of the sans-serif font at 11 px; text wraps by it, never clips.
    static let charWidth = 6.4
    static let gap = 8.0
    static let breakWidth = 64.0
    static let breakThreshold = 150

    struct Box {
        let item: JourneyItem
        let x: Double
        var y: Double
        let lines: [String]
        /// How many of the lines are the date and channel.
        let headLines: Int
        let height: Double
        /// The range an approximate or month/year date stands for, in x.
        let spanFrom: Double
        let spanTo: Double
    }

    struct LaneBand {
        let lane: Lane
        let y: Double
        let height: Double
        /// The lane's name as drawn in the title column.
        let titleLines: [String]
    }

    struct Silence {
        let x: Double
        let days: Int
    }

    struct HandoffMark {
        let handoff: JourneyHandoff
        let number: Int
        let x: Double
        let fromY: Double
        let toY: Double
        let labelX: Double
        var labelY: Double
        let lines: [String]
        let labelHeight: Double
    }

    struct PhaseBand {
        let title: String
        let from: Double
        let to: Double
        /// Offset within the phase band, when phases overlap in time.
        let row: Double
    }

    struct Moment {
        let item: JourneyItem
        let x: Double
        var y: Double
        let lines: [String]
        let height: Double
    }

    /// The legend under the map, wrapped to the map's width so a narrow map (a report's part) keeps all of it.
    struct Legend {
        var top = 0.0
        /// The evidence keys, row by row, each with its x.
        var evidence: [[(evidence: Evidence, x: Double)]] = []
        var explanation: [String] = []
        /// The bottlenecks the map shows, with their codes.
        var knelpunten: [String] = []
    }

    let map: JourneyMap
    let style: JourneyStyle
    private(set) var legend = Legend()
    private(set) var boxes: [Box] = []
    private(set) var lanes: [LaneBand] = []
    private(set) var silences: [Silence] = []
    private(set) var handoffs: [HandoffMark] = []
    private(set) var phases: [PhaseBand] = []
    private(set) var moments: [Moment] = []
    private(set) var ticks: [(x: Double, label: String, major: Bool)] = []
    /// Vertical extent of each band.
    private(set) var phaseTop = 0.0, momentTop = 0.0, momentHeight = 0.0, impactTop = 0.0, lanesTop = 0.0,
        axisTop = 0.0, handoffTop = 0.0
    private(set) var width = 0.0, height = 0.0
    var impactHeight: Double { style == .print ? 90 : 130 }
    /// Room in a lane above its boxes (for the bar of a vague date).
    var boxTop: Double { style == .print ? 10 : 16 }
    /// A key moment's box: as wide as an event's when printed, so moments side by side do not stack.
    var momentWidth: Double { style == .print ? Self.boxWidth : Self.boxWidth + 40 }
    private var anchors: [(day: Int, x: Double)] = []
    /// Printed: an event's place among the events of its day.
    private var slots: [String: Int] = [:]
    private var undatedStart = 0.0

    init(_ map: JourneyMap, style: JourneyStyle = .screen) {
        self.map = map
        self.style = style
        buildScale()
        layOut()
    }

    // MARK: Time

    static func middle(_ date: FuzzyDate) -> Int { (date.firstDay + date.lastDay) / 2 }

    /// Piecewise linear: each stretch between dates at one scale; a silence longer than the threshold is drawn as a labelled break.
    private mutating func buildScale() {
        var days = Set(map.items.compactMap { $0.date.map(Self.middle) })
        for item in map.items where item.date != nil { if let end = item.endDate { days.insert(end.lastDay) } }
        for h in map.handoffs { if let d = h.date { days.insert(Self.middle(d)) } }
        let sorted = days.sorted()
        guard let first = sorted.first else { undatedStart = Self.titleColumn + Self.gap; return }
        var linear = 0
        for (a, b) in zip(sorted, sorted.dropFirst()) where b - a <= Self.breakThreshold { linear += b - a }
        let perDay = min(6, max(0.35, 1500 / Double(max(1, linear))))
        // Printed, each event has a slot a box wide, also beside others of the same day: boxes stand side by
        // side in time order instead of stacking.
        var itemsPerDay: [Int: Int] = [:]
        for item in map.items {
            guard let date = item.date else { continue }
            if style == .print { slots[item.eventId] = itemsPerDay[Self.middle(date), default: 0] }
            itemsPerDay[Self.middle(date), default: 0] += 1
        }
        let step = style == .print ? Self.boxWidth + Self.gap : 0
        var x = Self.titleColumn + Self.gap * 2
        var slotsEnd = x + Double(itemsPerDay[first] ?? 0) * step
        anchors = [(first, x)]
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            if b - a > Self.breakThreshold {
                let breakWidth = max(Self.breakWidth, step)
                silences.append(Silence(x: x + breakWidth / 2, days: b - a))
                x += breakWidth
            } else {
                x += Double(b - a) * perDay
            }
            if let count = itemsPerDay[b] {
                x = max(x, slotsEnd)
                slotsEnd = x + Double(count) * step
            }
            anchors.append((b, x))
        }
        undatedStart = max(x, slotsEnd - step) + Self.boxWidth + Self.breakWidth
        // Month ticks where months are wide enough to label, year ticks always.
        var (year, month) = Self.yearMonth(first)
        let last = sorted.last!
        var labelledYear: Int?
        while true {
            let day = FuzzyDate(year: year, month: month, day: 1).firstDay
            if day > last { break }
            if day >= first, let tx = position(day, exact: true) {
                if month == 1 || perDay * 30 >= 36 {
                    // The first tick of each year says the year, also after a silence.
                    let label =
                        month == 1
                        ? String(year) : Self.monthName(month, map.language) + (labelledYear == year ? "" : " \(year)")
                    ticks.append((tx, label, month == 1 || labelledYear != year))
                    labelledYear = year
                }
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        // The first dates get a label even when no month starts near them (a silence may follow).
        if let x0 = position(first), ticks.first.map({ $0.x > x0 + 40 }) ?? true {
            let (y0, m0) = Self.yearMonth(first)
            ticks.insert((x0, Self.monthName(m0, map.language) + " \(y0)", true), at: 0)
        }
    }

    /// The x of a day; with `exact`, nil inside a compressed silence.
    func position(_ day: Int, exact: Bool = false) -> Double? {
        guard let first = anchors.first else { return nil }
        if day <= first.day { return first.x }
        for (a, b) in zip(anchors, anchors.dropFirst()) where day <= b.day {
            if b.day - a.day > Self.breakThreshold {
                if exact && day != a.day && day != b.day { return nil }
                return day == b.day ? b.x : a.x
            }
            return a.x + (b.x - a.x) * Double(day - a.day) / Double(max(1, b.day - a.day))
        }
        return anchors.last!.x
    }

    static func yearMonth(_ dayNumber: Int) -> (Int, Int) {
        // Civil date from days since 1970-01-01.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month)
    }

    static func monthName(_ month: Int, _ language: Language) -> String {
        let nl = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        let en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return (language == .en ? en : nl)[month - 1]
    }

    // MARK: Text

    /// Greedy word wrap by estimated width (the first line may be narrower); a word longer than a line is broken.
    static func wrap(_ text: String, width: Double, firstLineWidth: Double? = nil) -> [String] {
        let perLine = max(4, Int(width / charWidth))
        let firstPerLine = firstLineWidth.map { max(4, Int($0 / charWidth)) } ?? perLine
        var lines: [String] = []
        var current = ""
        /// Characters on the line being filled.
        func limit() -> Int { lines.isEmpty ? firstPerLine : perLine }
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var word = String(word)
            while word.count > limit() {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                    continue
                }
                let cut = limit() - 1
                lines.append(String(word.prefix(cut)) + "-")
                word = String(word.dropFirst(cut))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= limit() {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Places rectangles top-down so that none overlaps one already placed (a skyline per band).
    static func stack(
        _ x: Double, _ width: Double, _ height: Double, among placed: [(x: Double, y: Double, w: Double, h: Double)]
    ) -> Double {
        let overlapping = placed.filter { $0.x < x + width + gap && x < $0.x + $0.w + gap }
        var y = 0.0
        var moved = true
        while moved {
            moved = false
            for other in overlapping where y < other.y + other.h + gap && other.y < y + height + gap {
                y = other.y + other.h + gap
                moved = true
            }
        }
        return y
    }

    // MARK: Bands

    private mutating func layOut() {
        let blueprint = map.view != .overview
        // Phases: from the dossier, else periods between long silences.
        phaseTop = style == .print ? 8 : 34
        // Phase bands over the items: from the dossier, else periods between long silences; overlapping ones in rows.
        var order: [String] = []
        var spans: [String: (Double, Double)] = [:]
        for item in map.items {
            guard let x = itemX(item), let name = item.phase ?? derivedPhase(item, x) else { continue }
            if spans[name] == nil { order.append(name) }
            let current = spans[name] ?? (x, x + Self.boxWidth)
            spans[name] = (min(current.0, x), max(current.1, x + Self.boxWidth))
        }
        var placedPhases: [(x: Double, y: Double, w: Double, h: Double)] = []
        for name in order {
            let (from, to) = spans[name]!
            let width = max(to - from, Double(name.count) * Self.charWidth + 12)
            let row = Self.stack(from, width, 20, among: placedPhases)
            placedPhases.append((from, row, width, 20))
            phases.append(PhaseBand(title: name, from: from, to: from + width, row: row))
        }
        var y = phaseTop + (placedPhases.map { $0.y + $0.h }.max() ?? 0) + 10
        // Key moments with her words, above the curve.
        momentTop = y
        var placedMoments: [(x: Double, y: Double, w: Double, h: Double)] = []
        for item in map.items where item.keyMoment || item.quote != nil {
            guard let x = itemX(item) else { continue }
            let text = item.quote.map { "“\($0)”" } ?? item.what
            let lines = Self.wrap(text, width: momentWidth - 12)
            let h = Double(lines.count) * Self.lineHeight + 10
            let my = Self.stack(x, momentWidth, h, among: placedMoments)
            placedMoments.append((x, my, momentWidth, h))
            moments.append(Moment(item: item, x: x, y: my, lines: lines, height: h))
        }
        momentHeight = (placedMoments.map { $0.y + $0.h }.max() ?? 0) + (placedMoments.isEmpty ? 0 : 10)
        y += momentHeight
        impactTop = y
        y += impactHeight + 16
        lanesTop = y
        for lane in map.lanes {
            var placed: [(x: Double, y: Double, w: Double, h: Double)] = []
            for item in map.items where item.laneId == lane.id {
                let x = itemX(item) ?? 0
                var head = item.date.map { $0.description } ?? map.t("zonder datum", "no date")
                if let channel = item.channel, blueprint { head += " · " + channel }
                // The first line leaves room for the evidence letter in the corner.
                let headLines = Self.wrap(head, width: Self.boxWidth - 12, firstLineWidth: Self.boxWidth - 30)
                var lines = headLines + Self.wrap(item.what, width: Self.boxWidth - 12)
                if blueprint, !item.knelpunten.isEmpty {
                    lines.append("⚑ " + item.knelpunten.map(\.code).joined(separator: " "))
                }
                let h = Double(lines.count) * Self.lineHeight + 10
                let by = Self.stack(x, Self.boxWidth, h, among: placed)
                placed.append((x, by, Self.boxWidth, h))
                // The bar above a box: the range a vague date stands for, or how long something lasted.
                let span =
                    item.date.map { (position($0.firstDay) ?? x, position(item.endDate?.lastDay ?? $0.lastDay) ?? x) }
                    ?? (x, x)
                boxes.append(
                    Box(
                        item: item, x: x, y: y + boxTop + by, lines: lines, headLines: headLines.count, height: h,
                        spanFrom: span.0, spanTo: span.1))
            }
            let titleLines = Self.wrap(laneTitle(lane), width: Self.titleColumn - 16)
            // Tall enough for its name; printed, a lane with nothing in it takes no more than that.
            let titleHeight = Double(titleLines.count) * Self.lineHeight + 10
            let height =
                placed.isEmpty && style == .print
                ? max(24, titleHeight)
                : max(
                    lane.kind == .agencyBack ? 44 : 56, (placed.map { $0.y + $0.h }.max() ?? 0) + boxTop + 12,
                    titleHeight)
            lanes.append(LaneBand(lane: lane, y: y, height: height, titleLines: titleLines))
            y += height
        }
        axisTop = y
        y += 40
        // Hand-offs: arrows between lane centres; their texts in numbered boxes below the axis (printed: in
        // the document's text instead).
        handoffTop = y + 20
        let labelled = style == .screen
        let texts = labelled ? map.handoffTexts : []
        var placedLabels: [(x: Double, y: Double, w: Double, h: Double)] = []
        for (i, handoff) in map.handoffs.enumerated() {
            guard let from = lanes.first(where: { $0.lane.id == handoff.fromLane }),
                let to = lanes.first(where: { $0.lane.id == handoff.toLane })
            else { continue }
            let x = (handoff.date.map { position(Self.middle($0)) ?? 0 } ?? undatedStart) + 4
            let lines = labelled ? Self.wrap(texts[i], width: Self.boxWidth + 40 - 12) : []
            let h = labelled ? Double(lines.count) * Self.lineHeight + 10 : 0
            let ly = labelled ? Self.stack(x, Self.boxWidth + 40, h, among: placedLabels) : 0
            if labelled { placedLabels.append((x, ly, Self.boxWidth + 40, h)) }
            handoffs.append(
                HandoffMark(
                    handoff: handoff, number: i + 1, x: x, fromY: from.y + 8, toY: to.y + 8,
                    labelX: x, labelY: handoffTop + ly, lines: lines, labelHeight: h))
        }
        let right = (boxes.map { $0.x + Self.boxWidth }.max() ?? Self.titleColumn) + (labelled ? 40 : 16)
        width = max(
            labelled ? 900 : 0, right,
            (handoffs.filter { !$0.lines.isEmpty }.map { $0.labelX + Self.boxWidth + 40 }.max() ?? 0) + 20,
            // The last date on the axis, which an event's end date can put past every box.
            (anchors.last?.x ?? 0) + 30,
            (moments.map { $0.x + momentWidth }.max() ?? 0) + 20)
        guard style == .screen else {
            // Printed: the map ends under the axis and its silences' labels; the legend is the document's.
            height = axisTop + 54
            return
        }
        y = handoffTop + (placedLabels.map { $0.y + $0.h }.max() ?? 0) + 30
        layOutLegend(top: y + 20)
    }

    /// The legend from `top`; the map ends below it.
    private mutating func layOutLegend(top: Double) {
        legend.top = top
        var row: [(evidence: Evidence, x: Double)] = []
        var x = 12.0
        for evidence in Evidence.allCases {
            let wide = 40 + Double(evidence.label.text(map.language).count) * Self.charWidth
            if x + wide > width - 12 && !row.isEmpty {
                legend.evidence.append(row)
                row = []
                x = 12
            }
            row.append((evidence, x))
            x += wide
        }
        legend.evidence.append(row)
        legend.explanation = Self.wrap(map.legendExplanation, width: width - 24)
        if let knelpunten = map.legendKnelpunten { legend.knelpunten = Self.wrap(knelpunten, width: width - 24) }
        // Baselines: the title at `top`, a row of keys every 22, then the wrapped lines; room below the last.
        height =
            top + Double(legend.evidence.count + 1) * 22 + Double(legend.explanation.count) * Self.lineHeight + 6
            + Double(legend.knelpunten.count) * Self.lineHeight + 14
    }

    /// Without phases in the dossier: periods between the long silences.
    private func derivedPhase(_ item: JourneyItem, _ x: Double) -> String? {
        guard !map.items.contains(where: { $0.phase != nil }) else { return nil }
        let before = silences.filter { $0.x < x }.count
        return item.date == nil
            ? map.t("Zonder datum", "Undated") : map.t("Periode \(before + 1)", "Period \(before + 1)")
    }

    /// A lane's name in the title column: an agency's visible lane says so, its backstage lane is named by that.
    func laneTitle(_ lane: Lane) -> String {
        switch lane.kind {
        case .endUser, .person: lane.title
        // Printed, the line of visibility says it on its own: the name stays short.
        case .agencyFront:
            lane.title + (map.view == .overview || style == .print ? "" : map.t(" — zichtbaar", " — visible"))
        case .agencyBack: map.t("achter de schermen", "backstage")
        }
    }

    /// The x of an item: its date, or a place after the dated ones, in order.
    func itemX(_ item: JourneyItem) -> Double? {
        if let date = item.date {
            return position(Self.middle(date)).map {
                $0 + Double(slots[item.eventId] ?? 0) * (Self.boxWidth + Self.gap)
            }
        }
        let undated = map.items.filter { $0.date == nil }
        guard let index = undated.firstIndex(where: { $0.eventId == item.eventId }) else { return nil }
        return undatedStart + Double(index) * (Self.boxWidth + Self.gap)
    }

    /// Points of the end user's experience, left to right.
    var curve: [(x: Double, impact: Int, item: JourneyItem)] {
        map.items.compactMap { item in
            guard let impact = item.impact, let x = itemX(item) else { return nil }
            return (x + 6, max(-2, min(2, impact)), item)
        }.sorted { $0.x < $1.x }
    }

    func impactY(_ impact: Int) -> Double {
        impactTop + impactHeight / 2 - Double(impact) * (impactHeight / 2 - 12) / 2
    }
}
