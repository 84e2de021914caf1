import { languages, StatusBarAlignment, window, type Disposable, type StatusBarItem, type TextDocument } from 'vscode';
import { isManuscript } from './languages';

const REFRESH_DELAY_MS = 150;

export function statusText(affinities: number, issues: number): string {
  return `PharmaLens: ${affinities} ${affinities === 1 ? 'affinity' : 'affinities'}, ${issues} ${issues === 1 ? 'issue' : 'issues'}`;
}

function pharmalensIssues(document: TextDocument): number {
  return languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'pharmalens').length;
}

/** "PharmaLens: N affinities, M issues" for the active manuscript; hidden for other documents. Clicking opens the table. */
export class ManuscriptStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: Promise<void> = Promise.resolve();
  private visible = false;

  constructor(command: string, private readonly countAffinities: (document: TextDocument) => Promise<number>) {
    this.item = window.createStatusBarItem('pharmalens.status', StatusBarAlignment.Right, 100);
    this.item.name = 'PharmaLens';
    this.item.command = command;
    this.item.tooltip = 'Show the affinity table';
    this.subscriptions.push(
      window.onDidChangeActiveTextEditor(() => this.scheduleRefresh()),
      languages.onDidChangeDiagnostics((event) => {
        const active = window.activeTextEditor?.document.uri.toString();
        if (event.uris.some((uri) => uri.toString() === active)) this.scheduleRefresh();
      }),
    );
    this.scheduleRefresh();
  }

  /** What the item shows now (`undefined` when hidden): for tests. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Updates the item for the active editor and resolves when done. */
  refresh(): Promise<void> {
    this.latest = this.latest.then(() => this.update()).catch(() => this.hide());
    return this.latest;
  }

  private async update(): Promise<void> {
    const document = window.activeTextEditor?.document;
    if (!document || !isManuscript(document)) return this.hide();
    const affinities = await this.countAffinities(document);
    if (window.activeTextEditor?.document !== document) return;
    this.item.text = statusText(affinities, pharmalensIssues(document));
    this.item.show();
    this.visible = true;
  }

  private hide(): void {
    this.item.hide();
    this.visible = false;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.item.dispose();
  }
}
