"use strict";
// Starts `notelint lsp` for Markdown documents through vscode-languageclient. Plain
// CommonJS: no build step.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");
const { documentSelector } = require("./selector");

let client;

/** The server's settings, as `initializationOptions` and `workspace/didChangeConfiguration` send them. */
function serverSettings() {
  const config = vscode.workspace.getConfiguration("notelint");
  return {
    configPath: config.get("configPath") || undefined,
    select: config.get("select", []),
    ignore: config.get("ignore", []),
    configOverride: config.get("configOverride", []),
    docsUrl: config.get("docsUrl") || undefined,
    completion: config.get("completion", true),
    symbols: config.get("symbols", true),
    hover: config.get("hover", true),
  };
}

function createClient() {
  const command = vscode.workspace.getConfiguration("notelint").get("path") || "notelint";
  const serverOptions = { command, args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector,
    initializationOptions: serverSettings(),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/.notelint.yml") },
  };
  return new LanguageClient("notelint", "notelint", serverOptions, clientOptions);
}

async function activate(context) {
  client = createClient();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("notelint")) return;
      if (event.affectsConfiguration("notelint.path")) {
        // A different executable: start it afresh.
        await client.stop();
        client = createClient();
        await client.start();
      } else {
        await client.sendNotification("workspace/didChangeConfiguration", { settings: { notelint: serverSettings() } });
      }
    }),
    vscode.commands.registerCommand("notelint.restart", async () => {
      await client.stop();
      client = createClient();
      await client.start();
    }),
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
