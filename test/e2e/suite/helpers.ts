import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'pharmalens.pharmalens';

const HOVER_WAIT_MS = 45_000;
const POLL_MS = 250;

/**
 * The project folder, where the fixtures and examples are: PHARMALENS_E2E_ROOT (set by run.mjs, which may run the
 * suites against the extension installed from its .vsix), else the extension's own folder.
 */
export function projectRoot(): vscode.Uri {
  if (process.env.PHARMALENS_E2E_ROOT) return vscode.Uri.file(process.env.PHARMALENS_E2E_ROOT);
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

/** What the shim answers to a screenshot request. */
export interface Screenshot {
  /** The PNG's absolute path. */
  path: string;
  /** Image size in pixels. */
  width: number;
  height: number;
  /** The innerText of the element the picture was taken around. */
  text: string;
}

export interface ScreenshotOptions {
  /** CSS pixels around the element (and the `include` boxes). */
  padding?: number;
  /** Selectors whose first visible element is also kept in the picture, e.g. the editor line under a hover. */
  include?: string[];
  /** Widen the picture to at least this many CSS pixels (kept inside the window). */
  minWidth?: number;
}

const SCREENSHOT_WAIT_MS = 30_000;

/** The directory the web shim watches for screenshot requests; `undefined` outside the shim (desktop VS Code). */
export function artifactsDir(): string | undefined {
  return process.env.PHARMALENS_E2E_ARTIFACTS || undefined;
}

/**
 * Asks the web shim (scripts/e2e/vscode-web-shim.mjs) for a screenshot of the first visible element matching `selector`,
 * saved as <artifacts>/<name>.png, and waits for the answer. Returns `undefined` when no shim runs the workbench
 * (PHARMALENS_E2E_ARTIFACTS unset, e.g. desktop VS Code with VSCODE_E2E_DESKTOP=1): callers then check what they can
 * through the vscode API alone. Throws when the shim reports a failure or does not answer within 30 s.
 */
export async function screenshot(name: string, selector: string, options: ScreenshotOptions = {}): Promise<Screenshot | undefined> {
  const dir = artifactsDir();
  if (!dir) return undefined;
  const base = path.join(dir, name);
  for (const stale of [`${base}.done.json`, `${base}.png`]) fs.rmSync(stale, { force: true });
  // Written under another name, then renamed: the shim never reads half a request.
  fs.writeFileSync(`${base}.request.json.tmp`, JSON.stringify({ selector, ...options }));
  fs.renameSync(`${base}.request.json.tmp`, `${base}.request.json`);
  const deadline = Date.now() + SCREENSHOT_WAIT_MS;
  while (!fs.existsSync(`${base}.done.json`)) {
    if (Date.now() > deadline) throw new Error(`no answer to the screenshot request ${base}.request.json within ${SCREENSHOT_WAIT_MS / 1000} s`);
    await sleep(100);
  }
  const done = JSON.parse(fs.readFileSync(`${base}.done.json`, 'utf8')) as
    | { ok: true; width: number; height: number; text: string }
    | { ok: false; error: string };
  if (!done.ok) throw new Error(`screenshot ${name} of ${selector} failed: ${done.error}`);
  return { path: `${base}.png`, width: done.width, height: done.height, text: done.text };
}

const DIAGNOSTIC_WAIT_MS = 45_000;

/** The document's PharmaLens diagnostics, once there are some or the wait runs out ([] then). */
export async function pharmalensDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + DIAGNOSTIC_WAIT_MS;
  for (;;) {
    const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'pharmalens');
    if (found.length > 0 || Date.now() > deadline) return found;
    await sleep(POLL_MS);
  }
}

/** Moves the active editor's cursor to `position` and scrolls it into view. */
export function placeCursor(position: vscode.Position): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error('no active editor');
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
