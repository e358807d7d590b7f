// Starts `patternbook lsp --stdio` for Markdown files; everything else is the language server's.
const { workspace } = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

exports.activate = (context) => {
  const command = workspace.getConfiguration('patternbook').get('command') || 'patternbook';
  client = new LanguageClient(
    'patternbook',
    'Patternbook',
    { command, args: ['lsp', '--stdio'], options: { shell: process.platform === 'win32' } },
    {
      documentSelector: [{ scheme: 'file', language: 'markdown' }],
      // Saved patterns, the configuration and the template change what the others are checked against.
      synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.{md,markdown,json,yaml,yml}') },
    },
  );
  context.subscriptions.push(client);
  return client.start();
};

exports.deactivate = () => client?.stop();
