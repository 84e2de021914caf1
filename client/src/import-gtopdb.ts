import * as path from 'node:path';
import { ConfigurationTarget, ProgressLocation, Uri, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_GTOPDB_REQUEST, type ImportGtopdbParams, type ImportGtopdbResult } from '../../server/src/protocol';

/** Where the import is written unless the caller says: beside the downloaded files. */
function defaultDestination(files: readonly Uri[]): Uri {
  return Uri.file(path.join(path.dirname(files[0].fsPath), 'gtopdb.pharmalens-kb.json'));
}

/** Adds the file to `pharmalens.knowledgeBase.extraFiles` of the workspace (or of the user when no folder is open). */
async function useKnowledgeBaseFile(file: Uri): Promise<void> {
  const configuration = workspace.getConfiguration('pharmalens');
  const current = configuration.get<string[]>('knowledgeBase.extraFiles', []);
  if (current.includes(file.fsPath)) return;
  const target = workspace.workspaceFolders?.length ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
  await configuration.update('knowledgeBase.extraFiles', [...current, file.fsPath], target);
}

/**
 * *Import GtoPdb Download…*: asks for GtoPdb's interactions.csv (with ligands.csv, targets_and_families.csv if wanted)
 * and where to save, has the server import them, and offers to use the result. Tests pass the files, the destination
 * and `use` to skip the dialogs.
 */
export async function importGtopdb(client: LanguageClient, files?: Uri[], destination?: Uri, use?: boolean): Promise<ImportGtopdbResult | undefined> {
  const chosen = files ?? (await window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Import',
    title: 'GtoPdb download: interactions.csv (and optionally ligands.csv, targets_and_families.csv)',
    filters: { 'GtoPdb CSV': ['csv'] },
  }));
  if (!chosen || chosen.length === 0) return undefined;
  const out = destination ?? (await window.showSaveDialog({ defaultUri: defaultDestination(chosen), filters: { 'PharmaLens knowledge base': ['json'] }, title: 'Save the imported knowledge base' }));
  if (!out) return undefined;
  const params: ImportGtopdbParams = { files: chosen.map((file) => file.fsPath), out: out.fsPath };
  let result: ImportGtopdbResult;
  try {
    result = await window.withProgress({ location: ProgressLocation.Notification, title: 'PharmaLens: importing the GtoPdb download' }, () => client.sendRequest<ImportGtopdbResult>(IMPORT_GTOPDB_REQUEST, params));
  } catch (error) {
    void window.showErrorMessage(`PharmaLens: import failed: ${(error as Error).message}`);
    return undefined;
  }
  const skipped = result.skippedRows > 0 ? ` ${result.skippedRows} unreadable row(s) skipped (see the output).` : '';
  client.outputChannel.appendLine(result.summary.join('\n'));
  const answer = use ?? (await window.showInformationMessage(`PharmaLens: GtoPdb ${result.release} imported, ${result.records} affinity records.${skipped} Use it in place of the bundled GtoPdb records?`, 'Use it', 'Not now')) === 'Use it';
  if (answer) await useKnowledgeBaseFile(Uri.file(result.outFile));
  return result;
}
