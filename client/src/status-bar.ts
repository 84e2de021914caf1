import { DiagnosticSeverity, languages, StatusBarAlignment, window, type Disposable, type StatusBarItem, type TextDocument } from 'vscode';
import { isManuscript } from './languages';

const REFRESH_DELAY_MS = 150;

/** `$(beaker) 41 · $(error) 1 $(warning) 2`: the affinities read, and the errors and warnings as the Problems panel counts them. */
export function statusText(affinities: number, errors: number, warnings: number): string {
  return `$(beaker) ${affinities} · $(error) ${errors} $(warning) ${warnings}`;
}

export function statusTooltip(affinities: number, errors: number, warnings: number): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `PharmaLens: ${affinities} ${affinities === 1 ? 'affinity' : 'affinities'} read, ${plural(errors, 'error')}, ${plural(warnings, 'warning')} (information and hints not counted). Click for the affinity table, a workspace check or the settings.`;
}

function pharmalensProblems(document: TextDocument): { errors: number; warnings: number } {
  const own = languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'pharmalens');
  return { errors: own.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length, warnings: own.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning).length };
}

/** The affinities, errors and warnings of the active manuscript; hidden for other documents. Clicking opens a menu. */
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
    const { errors, warnings } = pharmalensProblems(document);
    this.item.text = statusText(affinities, errors, warnings);
    this.item.tooltip = statusTooltip(affinities, errors, warnings);
    this.item.accessibilityInformation = { label: statusTooltip(affinities, errors, warnings) };
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
