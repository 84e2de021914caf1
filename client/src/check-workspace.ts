import { commands, ProgressLocation, Uri, window, workspace } from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { CHECK_FILES_REQUEST, checkSummary, isSkippedFolderName, languageIdOfPath, type CheckFilesParams, type CheckFilesResult } from '../../server/src/protocol';
import { enabledLanguages } from './languages';

/** The workspace's manuscripts in enabled languages; `files.exclude` applies, as in the Explorer. */
async function workspaceManuscripts(): Promise<Uri[]> {
  const enabled = new Set(enabledLanguages());
  // Case-insensitive extensions (`.Rmd`, `.TEX`): match every file whose extension, lower-cased, names a manuscript.
  const found = await workspace.findFiles('**/*.{md,markdown,qmd,Qmd,rmd,Rmd,RMD,tex,TEX,ltx}');
  return found
    // The folders the CLI and the server skip too, judged relative to the workspace folder (a workspace that itself
    // lies under a hidden folder is still checked).
    .filter((uri) => !workspace.asRelativePath(uri, false).split('/').slice(0, -1).some(isSkippedFolderName))
    .filter((uri) => {
      const language = languageIdOfPath(uri.path);
      return language !== undefined && enabled.has(language);
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

let runs = 0;

/**
 * Checks every manuscript of the workspace with a cancellable progress notification; the findings land in the
 * Problems panel. Returns the server's result (for tests), undefined when there was nothing to check.
 */
export async function checkWorkspace(client: LanguageClient): Promise<CheckFilesResult | undefined> {
  const uris = await workspaceManuscripts();
  if (uris.length === 0) {
    void window.showInformationMessage('PharmaLens: no Markdown, Quarto, R Markdown or LaTeX manuscript in this workspace.');
    return undefined;
  }
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: `PharmaLens: checking ${uris.length} manuscript${uris.length === 1 ? '' : 's'}`, cancellable: true },
    async (progress, cancellation) => {
      const workDoneToken = `pharmalens-check-${process.pid}-${++runs}`;
      let reported = 0;
      const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== 'report') return;
        const percentage = value.percentage ?? reported;
        progress.report({ message: value.message, increment: percentage - reported });
        reported = percentage;
      });
      try {
        const params: CheckFilesParams = { uris: uris.map((uri) => uri.toString()), workDoneToken };
        return await client.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, params, cancellation);
      } finally {
        listening.dispose();
      }
    },
  );
  void reportResult(result);
  return result;
}

async function reportResult(result: CheckFilesResult): Promise<void> {
  const summary = `PharmaLens: ${checkSummary(result)}.`;
  const problems = result.files.some((file) => file.errors + file.warnings + file.information + file.hints > 0);
  const show = problems ? 'Show Problems' : undefined;
  const chosen = result.unreadable.length > 0
    ? await window.showWarningMessage(`${summary} ${result.unreadable[0].message}`, ...(show ? [show] : []))
    : await window.showInformationMessage(summary, ...(show ? [show] : []));
  if (chosen === show && show) await commands.executeCommand('workbench.actions.view.problems');
}
