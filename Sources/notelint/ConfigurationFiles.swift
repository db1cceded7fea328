import JSONRPC
import NoteLint

/// The two files generated from the rule registry: the JSON Schema of `.notelint.yml`
/// (`schema/notelint.schema.json`, for YAML editors) and the commented default that
/// `notelint init` writes.
enum ConfigurationFiles {
    static func schema() -> String {
        let level = JSON.object([
            ("enum", .array(["off", "error", "warning", "info", "on"].map { .string($0) } + [.bool(false), .bool(true)]))
        ])
        var rules: [(String, JSON)] = []
        for rule in RuleRegistry.descriptions {
            var properties: [(String, JSON)] = [("severity", .object([("$ref", .string("#/definitions/level"))]))]
            for option in rule.options {
                properties.append((option.name, optionSchema(option)))
            }
            rules.append(
                (
                    rule.id,
                    .object([
                        ("description", .string(rule.summary)),
                        (
                            "anyOf",
                            .array([
                                .object([("$ref", .string("#/definitions/level"))]),
                                .object([
                                    ("type", .string("object")), ("additionalProperties", .bool(false)),
                                    ("properties", .object(properties)),
                                ]),
                            ])
                        ),
                    ])
                ))
        }
        let schema = JSON.object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("title", .string("notelint configuration (.notelint.yml)")),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .array([.string("version")])),
            (
                "properties",
                .object([
                    ("version", .object([("const", .int(1)), ("description", .string("The configuration format's version."))])),
                    (
                        "exclude",
                        .object([
                            ("description", .string("Path patterns, relative to this file's folder, that folder searches skip.")),
                            ("type", .string("array")), ("items", .object([("type", .string("string"))])),
                        ])
                    ),
                    (
                        "include",
                        .object([
                            ("description", .string("When set, folder searches keep only the paths matching one of these patterns.")),
                            ("type", .string("array")), ("items", .object([("type", .string("string"))])),
                        ])
                    ),
                    (
                        "extends",
                        .object([
                            ("description", .string("Another configuration file this one builds on, relative to this file.")),
                            ("type", .string("string")),
                        ])
                    ),
                    ("rules", .object([("$ref", .string("#/definitions/rules"))])),
                    (
                        "arxiv",
                        .object([
                            ("description", .string("Where arXiv metadata comes from and how long it is kept.")),
                            ("type", .string("object")), ("additionalProperties", .bool(false)),
                            (
                                "properties",
                                .object([
                                    (
                                        "api_url",
                                        .object([
                                            ("type", .string("string")),
                                            (
                                                "description",
                                                .string(
                                                    "The arXiv API address (default https://export.arxiv.org/api/query): a mirror or proxy."
                                                )
                                            ),
                                        ])
                                    ),
                                    (
                                        "cache_days",
                                        .object([
                                            ("type", .string("integer")), ("minimum", .int(0)),
                                            ("description", .string("Days a cached paper stays fresh (default 30; not-found answers: 1).")),
                                        ])
                                    ),
                                ])
                            ),
                        ])
                    ),
                    (
                        "entries",
                        .object([
                            (
                                "description",
                                .string("The fields of an entry and the kind of each value; the kind decides which rules read a field.")
                            ),
                            ("type", .string("object")), ("additionalProperties", .bool(false)),
                            (
                                "properties",
                                .object([
                                    (
                                        "fields",
                                        .object([
                                            ("type", .string("object")), ("minProperties", .int(1)),
                                            (
                                                "additionalProperties",
                                                .object([
                                                    (
                                                        "anyOf",
                                                        .array([
                                                            .object([("$ref", .string("#/definitions/kind"))]),
                                                            .object([
                                                                ("type", .string("object")), ("additionalProperties", .bool(false)),
                                                                (
                                                                    "properties",
                                                                    .object([
                                                                        ("kind", .object([("$ref", .string("#/definitions/kind"))])),
                                                                        ("required", .object([("type", .string("boolean"))])),
                                                                    ])
                                                                ),
                                                            ]),
                                                        ])
                                                    )
                                                ])
                                            ),
                                        ])
                                    )
                                ])
                            ),
                        ])
                    ),
                    (
                        "overrides",
                        .object([
                            ("description", .string("Rule settings for some paths, applied in order.")),
                            ("type", .string("array")),
                            (
                                "items",
                                .object([
                                    ("type", .string("object")), ("additionalProperties", .bool(false)),
                                    ("required", .array([.string("files")])),
                                    (
                                        "properties",
                                        .object([
                                            (
                                                "files",
                                                .object([
                                                    (
                                                        "anyOf",
                                                        .array([
                                                            .object([("type", .string("string"))]),
                                                            .object([
                                                                ("type", .string("array")),
                                                                ("items", .object([("type", .string("string"))])),
                                                            ]),
                                                        ])
                                                    )
                                                ])
                                            ),
                                            ("rules", .object([("$ref", .string("#/definitions/rules"))])),
                                        ])
                                    ),
                                ])
                            ),
                        ])
                    ),
                ])
            ),
            (
                "definitions",
                .object([
                    ("level", level),
                    ("kind", .object([("enum", .array(EntrySchema.Kind.allCases.map { .string($0.rawValue) }))])),
                    (
                        "rules",
                        .object([
                            ("description", .string("Rule id -> off, a severity, or a mapping with `severity` and the rule's options.")),
                            ("type", .string("object")), ("additionalProperties", .bool(false)), ("properties", .object(rules)),
                        ])
                    ),
                ])
            ),
        ])
        return schema.pretty() + "\n"
    }

    private static func optionSchema(_ option: RuleOption) -> JSON {
        let strings = JSON.object([("type", .string("array")), ("items", .object([("type", .string("string"))]))])
        let body: [(String, JSON)]
        switch option.kind {
        case .strings:
            body = [("anyOf", .array([strings, .object([("type", .string("string"))])]))]
        case .stringListsByKey:
            body = [("type", .string("object")), ("additionalProperties", strings)]
        case .oneOf(let values):
            body = [("enum", .array(values.map { .string($0) }))]
        }
        return .object([("description", .string(option.summary))] + body)
    }

    /// A commented `.notelint.yml` listing every rule at its default.
    static func defaultConfiguration() -> String {
        var lines =
            [
                "# notelint configuration. Every rule is listed at its default: set a rule to off,",
                "# error, warning or info, or change its options. `notelint explain RULE` tells what",
                "# a rule checks. The JSON Schema of this file is schema/notelint.schema.json in",
                "# notelint's source (installed as share/notelint/notelint.schema.json).",
                "version: 1",
                "",
                "# Path patterns, relative to this file, that folder searches skip.",
                "exclude: []",
                "",
                "# The fields of an entry and the kind of each value (text, url, date, arxiv-subjects, list):",
                "# the kind decides which rules read a field. These are the defaults.",
                "entries:",
                "  fields:",
            ]
            + EntrySchema.readingList.fields.map { field in
                "    \(field.name): {kind: \(field.kind.rawValue)\(field.required ? ", required: true" : "")}"
            } + [
                "",
                "rules:",
            ]
        for rule in RuleRegistry.descriptions {
            lines.append("  # \(rule.summary)")
            // A rule whose severity depends on the finding stays `on`: a severity would apply to all.
            let severity = rule.severityNote == nil ? rule.defaultSeverity.rawValue : "on"
            if rule.severityNote != nil { lines.append("  # (\(rule.severityNote!))") }
            if rule.options.isEmpty {
                lines.append("  \(rule.id): \(severity)")
            } else {
                lines.append("  \(rule.id):")
                lines.append("    severity: \(severity)")
                for option in rule.options { lines.append("    \(option.name): \(option.defaultValue)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
