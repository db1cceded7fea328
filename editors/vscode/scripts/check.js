"use strict";
// Checks the extension without installing its packages: the manifest's fields VS Code reads
// (engines.vscode, main, activationEvents, contributes.configuration and the types of its
// properties, commands), the document selector, and `node --check` of every JavaScript file.
// Prints each problem and exits 1 when there is one.
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const problems = [];
const problem = (message) => problems.push(message);

const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

for (const field of ["name", "displayName", "description", "version", "publisher"]) {
  if (typeof manifest[field] !== "string" || manifest[field] === "") problem(`package.json: \`${field}\` must be a non-empty string`);
}
if (!/^\^?\d+\.\d+\.\d+$/.test((manifest.engines || {}).vscode || "")) {
  problem("package.json: `engines.vscode` must be a version range such as ^1.82.0");
}
if (typeof manifest.main !== "string" || !fs.existsSync(path.join(root, manifest.main))) {
  problem(`package.json: \`main\` (${manifest.main}) must name a file of the extension`);
}
const events = manifest.activationEvents;
if (!Array.isArray(events) || !events.includes("onLanguage:markdown")) {
  problem("package.json: `activationEvents` must include onLanguage:markdown");
}
const client = (manifest.dependencies || {})["vscode-languageclient"];
if (!client) problem("package.json: `vscode-languageclient` must be a dependency");

// contributes.configuration: every property has a JSON Schema type, and a default of that type.
const jsonTypes = new Set(["string", "boolean", "number", "integer", "array", "object", "null"]);
const typeOf = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value);
const configuration = (manifest.contributes || {}).configuration || {};
const properties = configuration.properties || {};
if (Object.keys(properties).length === 0) problem("package.json: `contributes.configuration.properties` is empty");
for (const [name, property] of Object.entries(properties)) {
  if (!name.startsWith("notelint.")) problem(`configuration: \`${name}\` is not under notelint.`);
  const types = Array.isArray(property.type) ? property.type : [property.type];
  for (const type of types) if (!jsonTypes.has(type)) problem(`configuration: \`${name}\` has type ${JSON.stringify(property.type)}`);
  if (!("default" in property)) {
    problem(`configuration: \`${name}\` has no default`);
  } else {
    const actual = typeOf(property.default);
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number"))) {
      problem(`configuration: \`${name}\`'s default ${JSON.stringify(property.default)} is not of type ${types.join(" or ")}`);
    }
  }
  if (property.enum && !property.enum.includes(property.default)) problem(`configuration: \`${name}\`'s default is not in its enum`);
  if (typeof property.description !== "string" || property.description === "") problem(`configuration: \`${name}\` has no description`);
}
// The settings the server reads must all be there.
for (const setting of ["path", "configPath", "select", "ignore", "configOverride", "docsUrl", "completion", "symbols", "hover"]) {
  if (!properties[`notelint.${setting}`]) problem(`configuration: \`notelint.${setting}\` is missing`);
}

// The document selector: Markdown, on disk and unsaved.
const { documentSelector } = require(path.join(root, "selector.js"));
const languages = new Set((documentSelector || []).map((filter) => filter.language));
if (languages.size !== 1 || !languages.has("markdown")) problem(`selector.js: documents must be Markdown, not ${[...languages]}`);
if (!documentSelector.some((filter) => filter.scheme === "file")) problem("selector.js: files on disk (scheme file) are not selected");

// Commands the extension registers must be declared, and the other way round.
const source = fs.readFileSync(path.join(root, manifest.main || "extension.js"), "utf8");
const registered = [...source.matchAll(/registerCommand\("([^"]+)"/g)].map((match) => match[1]).sort();
const declared = ((manifest.contributes || {}).commands || []).map((command) => command.command).sort();
if (JSON.stringify(registered) !== JSON.stringify(declared)) {
  problem(`commands: registered ${JSON.stringify(registered)} but declared ${JSON.stringify(declared)}`);
}

// Syntax of every JavaScript file.
const files = [];
const walk = (folder) => {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith(".js")) files.push(full);
  }
};
walk(root);
for (const file of files) {
  try {
    execFileSync(process.execPath, ["--check", file], { stdio: "pipe" });
  } catch (error) {
    problem(`node --check ${path.relative(root, file)}: ${error.stderr.toString().trim()}`);
  }
}

if (problems.length > 0) {
  for (const message of problems) console.error(message);
  process.exit(1);
}
console.log(`vscode extension: manifest, ${Object.keys(properties).length} settings and ${files.length} JavaScript files checked`);
