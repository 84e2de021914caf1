import { window } from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

/** Restarts the language server when it stops unexpectedly, telling the user; gives up after a crash loop. */
export function restartingErrorHandler(): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
    closed: (): CloseHandlerResult => {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        const message = `PharmaLens: the language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. Run "PharmaLens: Restart Server" to try again.`;
        return { action: CloseAction.DoNotRestart, message };
      }
      restarts.push(now);
      void window.showWarningMessage('PharmaLens: the language server stopped unexpectedly and was restarted.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
