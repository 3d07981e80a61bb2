/**
 * Diagnostics for clients without pull diagnostics: published on open, after
 * `debounceMs` of quiet while typing (`run: onType`) or on save only
 * (`run: onSave`), and cleared on close. A result is published only if the
 * document is still at the version it was computed for.
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { VersionedText } from '../documentStore/specModels';
import { describeError, type ErrorLog } from '../runSafe';
import type { CarveoutSettings } from '../shared/settings';

export interface PushDiagnosticsDeps {
  document(uri: string): VersionedText | undefined;
  allDocuments(): readonly VersionedText[];
  settingsOf(uri: string): Promise<CarveoutSettings>;
  diagnose(document: VersionedText): Promise<Diagnostic[]>;
  publish(params: PublishDiagnosticsParams): void;
  log: ErrorLog;
}

export class PushDiagnostics {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version each document was last validated at, so that the change event of an open does not validate twice. */
  private readonly requested = new Map<string, number>();

  constructor(private readonly deps: PushDiagnosticsDeps) {}

  opened(document: VersionedText): void {
    this.validate(document.uri);
  }

  async changed(document: VersionedText): Promise<void> {
    if (this.requested.get(document.uri) === document.version) return;
    const settings = await this.deps.settingsOf(document.uri);
    if (settings.run !== 'onType') return;
    this.cancelTimer(document.uri);
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        this.validate(document.uri);
      }, settings.debounceMs),
    );
  }

  async saved(document: VersionedText): Promise<void> {
    const settings = await this.deps.settingsOf(document.uri);
    if (settings.run === 'onSave') this.validate(document.uri);
  }

  closed(uri: string): void {
    this.cancelTimer(uri);
    this.requested.delete(uri);
    this.deps.publish({ uri, diagnostics: [] });
  }

  /** Validates every open document again, after settings or profile files changed. */
  revalidateAll(): void {
    for (const document of this.deps.allDocuments()) {
      this.cancelTimer(document.uri);
      this.validate(document.uri);
    }
  }

  private cancelTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private validate(uri: string): void {
    const document = this.deps.document(uri);
    if (!document) return;
    const version = document.version;
    this.requested.set(uri, version);
    this.deps.diagnose(document).then(
      (diagnostics) => {
        // A newer version has its own validation coming; this result would only flicker.
        if (this.deps.document(uri)?.version !== version) return;
        this.deps.publish({ uri, version, diagnostics });
      },
      (error: unknown) => this.deps.log.error(`Carveout: diagnostics for ${uri} failed: ${describeError(error)}`),
    );
  }
}
