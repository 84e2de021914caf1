import * as vscode from 'vscode';

export const EXTENSION_ID = 'pharmalens.pharmalens';

const HOVER_WAIT_MS = 45_000;
const POLL_MS = 250;

export function projectRoot(): vscode.Uri {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension.extensionUri;
}

/** Opens a project file in an editor (which activates the extension through onLanguage) and waits for activation. */
export async function openInEditor(relativePath: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(projectRoot(), relativePath);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  return document;
}

/** Offset where the prose starts: after YAML front matter, or after \begin{document}. */
function bodyStart(text: string): number {
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  if (frontMatter) return frontMatter[0].length;
  const latexBody = text.indexOf('\\begin{document}');
  return latexBody >= 0 ? latexBody + '\\begin{document}'.length : 0;
}

/** Position in the middle of the first whole-word occurrence of `word` in the document's body. */
export function positionOfWord(document: vscode.TextDocument, word: string, flags = ''): vscode.Position {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, `g${flags}`);
  pattern.lastIndex = bodyStart(document.getText());
  const match = pattern.exec(document.getText());
  if (!match) throw new Error(`"${word}" not found in the body of ${document.uri.fsPath}`);
  return document.positionAt(match.index + Math.floor(word.length / 2));
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', document.uri, position);
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n\n');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Hovers until some provider answers or the wait runs out, and returns the answer ('' if none). The language server
 * may still be starting or loading the knowledge base, so an early empty answer is not yet a failure.
 */
export async function hoverOnceAnswered(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const deadline = Date.now() + HOVER_WAIT_MS;
  let text = await hoverText(document, position);
  while (text.trim() === '' && Date.now() < deadline) {
    await sleep(POLL_MS);
    text = await hoverText(document, position);
  }
  return text;
}
