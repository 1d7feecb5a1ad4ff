import Crypto
import Yams

/// Turns a workflow file into a checked ``Workflow``, or says with file, line and reason why not.
///
/// The format is documented in `workflows/README.md`. Everything a district might mistype is
/// refused here, at load time, never discovered in the middle of a negotiation.
public enum WorkflowLoader {
    public static func load(yaml: String, file: String) throws(DataFileError) -> Workflow {
        try load(bytes: Array(yaml.utf8), file: file)
    }

    public static func load(bytes: [UInt8], file: String) throws(DataFileError) -> Workflow {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DataFileError(file: file, reason: "not UTF-8 text")
        }
        let digest = SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        var parser = Parser(reader: YAMLReader(file: file))
        return try parser.parse(text, digest: digest)
    }
}

extension WorkflowLoader {
    struct Parser {
        let reader: YAMLReader
        var stepNodes: [String: Node] = [:]

        init(reader: YAMLReader) { self.reader = reader }

        mutating func parse(_ text: String, digest: String) throws(DataFileError) -> Workflow {
            let root = try reader.root(text)
            let top = try reader.mapping(root, allowed: ["workflow", "version", "level", "title", "initial", "steps", "deadlines", "actions"], what: "the workflow")
            func required(_ key: String) throws(DataFileError) -> Node {
                guard let node = top.first(where: { $0.key == key })?.value else { throw reader.fail(root, "missing '\(key)'") }
                return node
            }
            let name = try reader.string(try required("workflow"), what: "workflow")
            let version = try reader.integer(try required("version"), what: "version")
            let levelNode = try required("level")
            guard let level = Level(rawValue: try reader.string(levelNode, what: "level")) else {
                throw reader.fail(levelNode, "unknown level; expected enterprise, industry or regional")
            }
            let title = try top.first(where: { $0.key == "title" }).map { (entry) throws(DataFileError) in try reader.string(entry.value, what: "title") } ?? name

            let stepList = try parseStepNames(try required("steps"))
            var index: [String: Int] = [:]
            for (position, step) in stepList.enumerated() { index[step.name] = position }
            let deadlines = try parseDeadlines(try required("deadlines"), steps: index)
            var steps: [Workflow.Step] = []
            for step in stepList { steps.append(try parseStep(step.node, name: step.name, deadlines: deadlines)) }
            let actions = try parseActions(try required("actions"), steps: index, deadlines: deadlines)
            let initialNode = try required("initial")
            guard let initial = index[try reader.string(initialNode, what: "initial")] else {
                throw reader.fail(initialNode, "initial step '\(initialNode.string ?? "")' is not one of the steps")
            }
            let workflow = Workflow(name: name, version: version, level: level, title: title, digest: digest, steps: steps,
                                    initialStep: initial, actions: actions, deadlines: deadlines)
            try checkStructure(workflow)
            return workflow
        }

        mutating func parseStepNames(_ node: Node) throws(DataFileError) -> [(name: String, node: Node)] {
            var result: [(name: String, node: Node)] = []
            for item in try reader.sequence(node, what: "steps") {
                let entries = try reader.mapping(item, allowed: ["name", "title", "about", "terminal", "takes-effect", "opens"], what: "a step")
                guard let nameNode = entries.first(where: { $0.key == "name" })?.value else { throw reader.fail(item, "a step needs a name") }
                let name = try reader.string(nameNode, what: "step name")
                guard stepNodes[name] == nil else { throw reader.fail(nameNode, "duplicate step '\(name)'") }
                stepNodes[name] = nameNode
                result.append((name, item))
            }
            guard !result.isEmpty else { throw reader.fail(node, "a workflow needs steps") }
            return result
        }

        func parseStep(_ node: Node, name: String, deadlines: [String: Workflow.DeadlineDefinition]) throws(DataFileError) -> Workflow.Step {
            var step = Workflow.Step(name: name, title: name, about: "", terminal: false, takesEffect: false, opens: [], line: reader.line(node))
            for entry in try reader.mapping(node, what: "step '\(name)'") {
                switch entry.key {
                case "title": step.title = try reader.string(entry.value, what: "title")
                case "about": step.about = try reader.string(entry.value, what: "about")
                case "terminal": step.terminal = try reader.bool(entry.value, what: "terminal")
                case "takes-effect": step.takesEffect = try reader.bool(entry.value, what: "takes-effect")
                case "opens": step.opens = try deadlineNames(entry.value, deadlines: deadlines)
                default: break
                }
            }
            return step
        }

        func deadlineNames(_ node: Node, deadlines: [String: Workflow.DeadlineDefinition]) throws(DataFileError) -> [String] {
            let names = try reader.strings(node, what: "deadline names")
            for name in names where deadlines[name] == nil {
                throw reader.fail(node, "unknown deadline '\(name)'; declared: \(deadlines.keys.sorted().joined(separator: ", "))")
            }
            return names
        }

        func step(_ node: Node, _ steps: [String: Int]) throws(DataFileError) -> Int {
            let name = try reader.string(node, what: "step")
            guard let index = steps[name] else {
                throw reader.fail(node, "unknown step '\(name)'; the steps are: \(steps.sorted { $0.value < $1.value }.map(\.key).joined(separator: ", "))")
            }
            return index
        }

        func parseDeadlines(_ node: Node, steps: [String: Int]) throws(DataFileError) -> [String: Workflow.DeadlineDefinition] {
            var result: [String: Workflow.DeadlineDefinition] = [:]
            for item in try reader.sequence(node, what: "deadlines") {
                let entries = try reader.mapping(item, allowed: ["name", "title", "within", "until", "before", "days", "article", "lapse", "late"], what: "a deadline")
                func value(_ key: String) -> Node? { entries.first(where: { $0.key == key })?.value }
                guard let nameNode = value("name") else { throw reader.fail(item, "a deadline needs a name") }
                let name = try reader.string(nameNode, what: "deadline name")
                guard result[name] == nil else { throw reader.fail(nameNode, "duplicate deadline '\(name)'") }
                let length: Workflow.DeadlineLength
                if let within = value("within") {
                    length = try parseLength(within)
                } else if let until = value("until") {
                    length = .until(field: try reader.string(until, what: "until"))
                } else if let before = value("before") {
                    guard let days = value("days") else { throw reader.fail(item, "deadline '\(name)': 'before' needs 'days'") }
                    length = .before(field: try reader.string(before, what: "before"), days: try reader.integer(days, what: "days"))
                } else {
                    throw reader.fail(item, "deadline '\(name)' needs 'within', 'until' or 'before'")
                }
                guard let article = value("article") else { throw reader.fail(item, "deadline '\(name)' needs the article it comes from") }
                result[name] = Workflow.DeadlineDefinition(
                    name: name,
                    title: try value("title").map { (node) throws(DataFileError) in try reader.string(node, what: "title") } ?? name,
                    length: length,
                    article: try reader.string(article, what: "article"),
                    lapse: try value("lapse").map { (node) throws(DataFileError) in try step(node, steps) },
                    refusesLate: try value("late").map { (node) throws(DataFileError) in try lateness(node) } ?? false,
                    line: reader.line(item))
            }
            return result
        }

        /// `late: recorded` (the default: a late act is taken and marked late) or `late: refused`.
        func lateness(_ node: Node) throws(DataFileError) -> Bool {
            switch try reader.string(node, what: "late") {
            case "recorded": return false
            case "refused": return true
            case let other: throw reader.fail(node, "late: '\(other)' is neither 'recorded' (a late act is taken and marked late) nor 'refused'")
            }
        }

        /// `20 days`, `5 working-days`, or `ladder` (the escalation rung's own time).
        func parseLength(_ node: Node) throws(DataFileError) -> Workflow.DeadlineLength {
            let text = try reader.string(node, what: "within")
            if text == "ladder" { return .escalationRung }
            let parts = text.split(separator: " ")
            guard parts.count == 2, let count = Int(parts[0]), count > 0 else {
                throw reader.fail(node, "bad deadline '\(text)'; write e.g. '20 days', '5 working-days' or 'ladder'")
            }
            switch parts[1] {
            case "days", "day": return .calendarDays(count)
            case "working-days", "working-day": return .workingDays(count)
            default: throw reader.fail(node, "bad deadline unit '\(parts[1])'; use 'days' (calendar) or 'working-days' (工作日)")
            }
        }

        func parseActions(_ node: Node, steps: [String: Int], deadlines: [String: Workflow.DeadlineDefinition]) throws(DataFileError) -> [Workflow.ActionDefinition] {
            var result: [Workflow.ActionDefinition] = []
            var seen = Set<ActionKind>()
            let allowed: Set<String> = ["action", "article", "from", "to", "outcomes", "roles", "each-side", "once", "guards", "opens", "closes", "extends"]
            for item in try reader.sequence(node, what: "actions") {
                let entries = try reader.mapping(item, allowed: allowed, what: "an action")
                func value(_ key: String) -> Node? { entries.first(where: { $0.key == key })?.value }
                guard let kindNode = value("action") else { throw reader.fail(item, "an action needs 'action: NAME'") }
                let kindName = try reader.string(kindNode, what: "action")
                guard let kind = ActionKind(rawValue: kindName) else {
                    throw reader.fail(kindNode, "unknown action '\(kindName)'; the catalogue has: \(ActionKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard seen.insert(kind).inserted else { throw reader.fail(kindNode, "duplicate action '\(kindName)'") }
                guard let articleNode = value("article") else {
                    throw reader.fail(item, "action '\(kindName)' needs the article it comes from ('article: S1 art 42'): every refusal of it cites it")
                }
                let article = try reader.string(articleNode, what: "article")
                guard let fromNode = value("from") else { throw reader.fail(item, "action '\(kindName)' needs 'from'") }
                var from = Set<Int>()
                for stepNode in try stepNodesList(fromNode) { from.insert(try step(stepNode, steps)) }
                guard let rolesNode = value("roles") else { throw reader.fail(item, "action '\(kindName)' has no roles: say who may take it") }
                var roles: [Role] = []
                for roleName in try reader.strings(rolesNode, what: "roles") {
                    guard let role = Role(rawValue: roleName), role != .system else {
                        throw reader.fail(rolesNode, "unknown role '\(roleName)'; roles are: \(Role.allCases.filter { $0 != .system }.map(\.rawValue).joined(separator: ", "))")
                    }
                    roles.append(role)
                }
                guard !roles.isEmpty else { throw reader.fail(rolesNode, "action '\(kindName)' has no roles: say who may take it") }
                let eachSide = try value("each-side").map { (node) throws(DataFileError) in try reader.bool(node, what: "each-side") } ?? false
                let once = try value("once").map { (node) throws(DataFileError) in try reader.bool(node, what: "once") } ?? false
                if eachSide, roles.contains(where: { $0.side == nil }) {
                    throw reader.fail(rolesNode, "action '\(kindName)' is taken by each side, so its roles must be employee-side and employer-side")
                }
                var guards: [Workflow.Guard] = []
                if let guardsNode = value("guards") {
                    for guardNode in try reader.sequence(guardsNode, what: "guards") { guards.append(try parseGuard(guardNode)) }
                }
                let target: Workflow.Target
                switch (value("to"), value("outcomes")) {
                case (nil, nil): target = .stay
                case (let toNode?, nil): target = .step(try step(toNode, steps))
                case (nil, let outcomesNode?):
                    var outcomes: [String: Int] = [:]
                    for entry in try reader.mapping(outcomesNode, what: "outcomes") { outcomes[entry.key] = try step(entry.value, steps) }
                    let classifiers = guards.filter { $0.rule.outcomes != nil }
                    guard classifiers.count == 1, let expected = classifiers[0].rule.outcomes else {
                        throw reader.fail(outcomesNode, "action '\(kindName)' has outcomes, so exactly one guard must decide them (e.g. congress-vote)")
                    }
                    guard Set(outcomes.keys) == Set(expected) else {
                        throw reader.fail(outcomesNode, "rule '\(classifiers[0].rule.rawValue)' decides the outcomes \(expected.joined(separator: ", ")); map each of them, and no others, to a step")
                    }
                    target = .outcomes(outcomes)
                case (let toNode?, _?):
                    throw reader.fail(toNode, "action '\(kindName)' has both 'to' and 'outcomes'; use one")
                }
                if case .outcomes = target {} else if let classifier = guards.first(where: { $0.rule.outcomes != nil }) {
                    throw reader.fail(item, "rule '\(classifier.rule.rawValue)' decides outcomes; action '\(kindName)' must map them with 'outcomes:'")
                }
                result.append(Workflow.ActionDefinition(
                    kind: kind, article: article, from: from, target: target, roles: roles, eachSide: eachSide, once: once, guards: guards,
                    opens: try value("opens").map { (node) throws(DataFileError) in try deadlineNames(node, deadlines: deadlines) } ?? [],
                    closes: try value("closes").map { (node) throws(DataFileError) in try deadlineNames(node, deadlines: deadlines) } ?? [],
                    extends: try value("extends").map { (node) throws(DataFileError) in try deadlineNames(node, deadlines: deadlines)[0] },
                    line: reader.line(item)))
            }
            return result
        }

        func stepNodesList(_ node: Node) throws(DataFileError) -> [Node] {
            node.scalar != nil ? [node] : try reader.sequence(node, what: "from")
        }

        /// `rule-name` or `rule-name: {param: value}`.
        func parseGuard(_ node: Node) throws(DataFileError) -> Workflow.Guard {
            let ruleName: String
            var parameterNode: Node?
            if node.scalar != nil {
                ruleName = try reader.string(node, what: "guard")
            } else {
                let entries = try reader.mapping(node, what: "a guard")
                guard entries.count == 1 else { throw reader.fail(node, "a guard is 'rule' or 'rule: {parameters}'") }
                ruleName = entries[0].key
                parameterNode = entries[0].value
            }
            guard let rule = RuleID(rawValue: ruleName) else {
                throw reader.fail(node, "unknown rule '\(ruleName)'; the catalogue has: \(RuleID.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var parameters: [String: RuleParameter] = [:]
            if let parameterNode, parameterNode.scalar?.string != "" {
                for entry in try reader.mapping(parameterNode, allowed: Set(rule.parameters.keys), what: "rule '\(ruleName)'") {
                    let type = rule.parameters[entry.key]!
                    switch type {
                    case .integer: parameters[entry.key] = .integer(try reader.integer(entry.value, what: entry.key))
                    case .text: parameters[entry.key] = .text(try reader.string(entry.value, what: entry.key))
                    case .list: parameters[entry.key] = .list(try reader.strings(entry.value, what: entry.key))
                    case .fraction:
                        guard let fraction = Fraction(try reader.string(entry.value, what: entry.key)) else {
                            throw reader.fail(entry.value, "\(entry.key) must be a fraction such as 2/3")
                        }
                        parameters[entry.key] = .fraction(fraction)
                    }
                }
            }
            if let problem = rule.checkParameters(parameters) { throw reader.fail(node, "rule '\(ruleName)': \(problem)") }
            return Workflow.Guard(rule, parameters)
        }

        /// Every step reachable from the initial one; every non-terminal step has a way out; no
        /// action leaves a terminal step.
        func checkStructure(_ workflow: Workflow) throws(DataFileError) {
            var reachable: Set<Int> = [workflow.initialStep]
            var frontier = [workflow.initialStep]
            func successors(of step: Int) -> [Int] {
                var next: [Int] = []
                for action in workflow.actions where action.from.contains(step) {
                    switch action.target {
                    case .stay: break
                    case .step(let target): next.append(target)
                    case .outcomes(let map): next.append(contentsOf: map.values)
                    }
                }
                // A deadline that can lapse while the negotiation sits here moves it on by itself.
                for deadline in workflow.deadlines.values {
                    if let lapse = deadline.lapse, opensWhileIn(step, deadline.name, workflow) { next.append(lapse) }
                }
                return next
            }
            while let step = frontier.popLast() {
                for next in successors(of: step) where reachable.insert(next).inserted { frontier.append(next) }
            }
            for (index, step) in workflow.steps.enumerated() {
                if !reachable.contains(index) {
                    throw DataFileError(file: reader.file, line: reader.line(stepNodes[step.name]!), reason: "step '\(step.name)' cannot be reached from '\(workflow.steps[workflow.initialStep].name)'")
                }
                let leaving = successors(of: index).filter { $0 != index }
                if step.terminal, workflow.actions.contains(where: { $0.from.contains(index) }) {
                    throw DataFileError(file: reader.file, line: step.line, reason: "step '\(step.name)' is terminal but actions start from it")
                }
                if !step.terminal, leaving.isEmpty {
                    throw DataFileError(file: reader.file, line: step.line, reason: "step '\(step.name)' has no way out and is not terminal")
                }
            }
        }

        /// A deadline can lapse while the negotiation sits in `step` when entering the step or an
        /// action taken from it opens the deadline.
        func opensWhileIn(_ step: Int, _ deadline: String, _ workflow: Workflow) -> Bool {
            workflow.steps[step].opens.contains(deadline)
                || workflow.actions.contains { $0.from.contains(step) && $0.opens.contains(deadline) }
        }
    }
}
