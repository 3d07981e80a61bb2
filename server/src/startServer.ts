/**
 * The language server's wiring: capabilities, the document store, settings
 * and profile resolution, diagnostics (pushed or pulled) and one handler per
 * feature. Each feature module maps the shared SpecModel to protocol types;
 * this file only connects them, and runs every handler through `runSafe`.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { today } from './core/selectRegime';
import { DocumentActivity } from './documentStore/documentActivity';
import { documentKind } from './documentStore/documentKind';
import { analyseSnapshot, snapshotOf, SpecModels, type SpecState, type VersionedText } from './documentStore/specModels';
import { provideCodeActions, resolveCodeAction } from './features/codeActions';
import { waiverDraft } from './fixes/waiverDraft';
import { provideCodeLenses } from './features/codeLens';
import { COMPLETION_TRIGGER_CHARACTERS, provideCompletion } from './features/completion';
import { notCheckedDiagnostic, specDiagnostics, type RuleDocs } from './features/diagnostics';
import { regimeInfos, summarizeSpec } from './features/documentSummary';
import { provideDocumentSymbols } from './features/documentSymbols';
import type { WorkspaceCache } from './features/analyzeWorkspace';
import { buildWorkspaceReport } from './features/exposureReportRequest';
import { emptyListing, workspaceFindings } from './features/workspaceFindings';
import { provideFoldingRanges } from './features/folding';
import { provideHover } from './features/hover';
import { profileFileDiagnostics } from './features/profileDiagnostics';
import { pullDiagnostics } from './features/pullDiagnostics';
import { PushDiagnostics } from './features/pushDiagnostics';
import { provideWaiverHints } from './features/waiverHints';
import { workspaceDiagnostics } from './features/workspaceDiagnostics';
import { loadBuiltinProfile } from './profile/loadProfile';
import { runSafe, runSafeNotification, type ErrorLog } from './runSafe';
import type { ServerRuntime } from './runtime/serverRuntime';
import { DocumentSummaryRequest, ExposureReportRequest, PingRequest, RegimesRequest, WorkspaceFindingsRequest, type InitializationOptions } from './shared/protocol';
import type { SpecModel } from './specModel';
import { ClientSettings } from './workspaceSettings/clientSettings';
import { DocumentSettingsResolver } from './workspaceSettings/documentSettings';
import { ProfileFileWatcher } from './workspaceSettings/fileWatching';
import { ProfileResolver, workspaceRoot } from './workspaceSettings/profileResolver';
import { WorkspaceFolders } from './workspaceSettings/workspaceFolders';
import { readSource, readWithin } from './workspaceSettings/workspaceReads';

/** What the client can do, read once from `initialize`. */
interface ClientFeatures {
  configuration: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  inlayHintRefresh: boolean;
  workspaceFolders: boolean;
  dynamicConfiguration: boolean;
  dynamicWatchers: boolean;
  relativePatterns: boolean;
  snippets: boolean;
  resolveCodeActionEdits: boolean;
  snippetEdits: boolean;
  /** Not a client capability: the `carveout.workspaceDiagnostics` setting, sent in the initialization options. */
  workspaceDiagnostics: boolean;
}

function clientFeatures(capabilities: ClientCapabilities, initializationOptions?: unknown): ClientFeatures {
  const workspace = capabilities.workspace;
  const options = (initializationOptions ?? {}) as InitializationOptions;
  return {
    configuration: workspace?.configuration === true,
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: workspace?.diagnostics?.refreshSupport === true,
    codeLensRefresh: workspace?.codeLens?.refreshSupport === true,
    inlayHintRefresh: workspace?.inlayHint?.refreshSupport === true,
    workspaceFolders: workspace?.workspaceFolders === true,
    dynamicConfiguration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    dynamicWatchers: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relativePatterns: workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
    snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    resolveCodeActionEdits: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    snippetEdits: workspace?.workspaceEdit?.snippetEditSupport === true,
    workspaceDiagnostics: options.workspaceDiagnostics === true,
  };
}

export function serverCapabilities(features: Pick<ClientFeatures, 'pullDiagnostics' | 'workspaceDiagnostics'>): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
    documentSymbolProvider: { label: 'Carveout' },
    foldingRangeProvider: true,
    codeLensProvider: { resolveProvider: false },
    inlayHintProvider: { resolveProvider: false },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  if (features.pullDiagnostics) {
    // Specs depend on config and profile files, not on each other; file changes trigger a refresh instead.
    // Workspace diagnostics make the client poll every few seconds, so they are only on when the user asks.
    capabilities.diagnosticProvider = { identifier: 'carveout', interFileDependencies: false, workspaceDiagnostics: features.workspaceDiagnostics };
  }
  return capabilities;
}

export interface ServerOptions {
  /** URI of the shipped rules reference, which diagnostic codes link to. */
  rulesDocUri?: string;
}

/** Wires the server to `connection`; `runtime` is how it reads the workspace, on the disk or through the client. */
export function startServer(connection: Connection, runtime: ServerRuntime, options: ServerOptions = {}): void {
  const log: ErrorLog = { error: (message) => connection.console.error(message) };
  const builtin = loadBuiltinProfile();
  const ruleDocs: RuleDocs | undefined = options.rulesDocUri
    ? { uri: options.rulesDocUri, profileId: builtin.id, rules: new Set(builtin.rules.map((rule) => rule.id)) }
    : undefined;
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders(runtime);
  const activity = new DocumentActivity();
  let features: ClientFeatures = clientFeatures({});
  let watcher: ProfileFileWatcher | undefined;
  // Only for clients without `workspace/configuration`: the settings they push with didChangeConfiguration.
  let pushedSettings: unknown;

  const clientSettings = new ClientSettings(
    (scopeUri) => (features.configuration ? connection.workspace.getConfiguration({ scopeUri, section: 'carveout' }) : Promise.resolve(pushedSettings)),
    log,
  );
  const profiles = new ProfileResolver(runtime);
  const settings = new DocumentSettingsResolver(clientSettings, profiles, folders, runtime);
  const settingsOf = async (uri: string) => {
    const resolved = await settings.get(uri);
    watcher?.watch(profiles.namedProfiles());
    return resolved;
  };
  const specs = new SpecModels(settingsOf);

  const kindOf = (uri: string) => documentKind(runtime.uriToPath(uri), runtime.paths, (path) => profiles.isNamedProfile(path));

  async function specState(uri: string): Promise<SpecState | undefined> {
    const document = documents.get(uri);
    if (!document || kindOf(uri) !== 'spec') return undefined;
    return specs.get(document);
  }

  async function specModel(uri: string): Promise<SpecModel | undefined> {
    const state = await specState(uri);
    return state?.kind === 'analysed' ? state.model : undefined;
  }

  async function diagnose(document: VersionedText, cached = true): Promise<Diagnostic[]> {
    const kind = kindOf(document.uri);
    if (kind === 'spec') {
      const state = cached ? await specs.get(document) : analyseSnapshot(snapshotOf(document), await settingsOf(document.uri));
      return specDiagnostics(state, ruleDocs);
    }
    const path = runtime.uriToPath(document.uri);
    if (kind === 'other' || path === undefined) return [];
    const text = document.getText();
    const client = await clientSettings.get(document.uri);
    if (text.length > client.maxFileSize) {
      const reason = `Carveout did not check this file: it has ${text.length.toLocaleString('en-US')} characters, more than the carveout.maxFileSize setting allows (${client.maxFileSize.toLocaleString('en-US')}).`;
      return [notCheckedDiagnostic(reason, 0)];
    }
    const root = workspaceRoot(runtime.paths, folders.folderOf(path)?.path, path);
    return profileFileDiagnostics(text, path, kind, runtime, readWithin(runtime, root, readSource(runtime)));
  }

  const push = new PushDiagnostics({
    document: (uri) => documents.get(uri),
    allDocuments: () => documents.all(),
    settingsOf: (uri) => clientSettings.get(uri),
    diagnose: (document) => diagnose(document),
    publish: (params) => void connection.sendDiagnostics(params).catch((error: unknown) => log.error(`Carveout: cannot publish diagnostics: ${String(error)}`)),
    log,
  });

  /** After settings or profile files change: every model is stale, and the client must see new diagnostics and lenses. */
  function refreshAll(): void {
    specs.invalidate();
    if (features.pullDiagnostics) {
      if (features.diagnosticRefresh) connection.languages.diagnostics.refresh().catch((error: unknown) => log.error(`Carveout: diagnostic refresh failed: ${String(error)}`));
    } else {
      push.revalidateAll();
    }
    if (features.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => log.error(`Carveout: code lens refresh failed: ${String(error)}`));
    // A new regime or profile can change which findings a waiver silences.
    if (features.inlayHintRefresh) connection.languages.inlayHint.refresh().catch((error: unknown) => log.error(`Carveout: inlay hint refresh failed: ${String(error)}`));
  }

  function profileFilesChanged(): void {
    profiles.clear();
    refreshAll();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    features = clientFeatures(params.capabilities, params.initializationOptions);
    watcher = new ProfileFileWatcher(connection, log, features.dynamicWatchers, features.relativePatterns, runtime);
    profiles.setTrusted((params.initializationOptions as InitializationOptions | undefined)?.workspaceTrusted !== false);
    if (params.workspaceFolders) folders.set(params.workspaceFolders);
    else if (params.rootUri) folders.set([{ uri: params.rootUri, name: 'root' }]);
    return { capabilities: serverCapabilities(features), serverInfo: { name: 'carveout' } };
  });

  connection.onInitialized(() =>
    runSafeNotification(log, 'initialized', () => {
      if (features.dynamicConfiguration) {
        connection.client.register(DidChangeConfigurationNotification.type, { section: 'carveout' }).catch((error: unknown) => log.error(`Carveout: ${String(error)}`));
      }
      watcher?.start();
      if (features.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) =>
          runSafeNotification(log, 'workspace folders', () => {
            folders.change(event);
            clientSettings.clear();
            profileFilesChanged();
          }),
        );
      }
    }),
  );

  connection.onDidChangeConfiguration((params) =>
    runSafeNotification(log, 'didChangeConfiguration', () => {
      const raw = (params.settings as { carveout?: unknown } | null | undefined)?.carveout;
      if (raw !== undefined) pushedSettings = raw;
      clientSettings.clear();
      profileFilesChanged();
    }),
  );

  connection.onDidChangeWatchedFiles(() => runSafeNotification(log, 'didChangeWatchedFiles', profileFilesChanged));

  documents.onDidOpen((event) =>
    runSafeNotification(log, 'didOpen', () => {
      activity.opened(event.document);
      if (!features.pullDiagnostics) push.opened(event.document);
    }),
  );
  documents.onDidChangeContent((event) =>
    runSafeNotification(log, 'didChange', async () => {
      activity.changed(event.document);
      if (!features.pullDiagnostics) await push.changed(event.document);
    }),
  );
  documents.onDidSave((event) =>
    runSafeNotification(log, 'didSave', async () => {
      const document = event.document;
      activity.saved(document);
      const kind = kindOf(document.uri);
      // Without file watching, saving a config or profile in the editor is the change that matters.
      if (kind === 'workspace-config' || kind === 'profile') profileFilesChanged();
      if (kind !== 'spec') return;
      if (!features.pullDiagnostics) await push.saved(document);
      else if ((await clientSettings.get(document.uri)).run === 'onSave' && features.diagnosticRefresh) await connection.languages.diagnostics.refresh();
    }),
  );
  documents.onDidClose((event) =>
    runSafeNotification(log, 'didClose', () => {
      const uri = event.document.uri;
      activity.closed(uri);
      specs.forget(uri);
      clientSettings.forget(uri);
      if (!features.pullDiagnostics) push.closed(uri);
    }),
  );

  connection.languages.diagnostics.on((params, token) =>
    runSafe(log, 'diagnostics', token, { kind: 'full' as const, items: [] }, () =>
      pullDiagnostics(
        {
          document: (uri) => documents.get(uri),
          settingsOf: (uri) => clientSettings.get(uri),
          diagnose,
          generation: () => specs.generation,
          quietFor: (uri, ms) => activity.quietFor(uri, ms),
          savedSnapshot: (uri) => activity.savedSnapshot(uri),
        },
        params,
        token,
      ),
    ),
  );

  connection.languages.diagnostics.onWorkspace((params, token) =>
    runSafe(log, 'workspaceDiagnostics', token, { items: [] }, () =>
      workspaceDiagnostics(
        {
          runtime,
          folders: () => folders.list(),
          isOpen: (uri) => documents.get(uri) !== undefined,
          maxFileSize: async (uri) => (await clientSettings.get(uri)).maxFileSize,
          diagnose: (document) => diagnose(document, false),
          generation: () => specs.generation,
        },
        params,
        token,
      ),
    ),
  );

  connection.languages.inlayHint.on((params, token) =>
    runSafe(log, 'inlayHint', token, [], async () => {
      const model = await specModel(params.textDocument.uri);
      return model ? provideWaiverHints(model, params.range) : [];
    }),
  );

  connection.onHover((params, token) =>
    runSafe(log, 'hover', token, null, async () => {
      const model = await specModel(params.textDocument.uri);
      return model ? provideHover(model, params.position, (await settingsOf(params.textDocument.uri)).client.audience) : null;
    }),
  );

  connection.onCodeAction((params, token) =>
    runSafe(log, 'codeAction', token, [], async () => {
      const model = await specModel(params.textDocument.uri);
      if (!model) return [];
      const reviewer = (await settingsOf(params.textDocument.uri)).client.reviewer || (await runtime.reviewerName());
      return provideCodeActions(model, params, {
        resolveEdits: features.resolveCodeActionEdits,
        snippetEdits: features.snippetEdits,
        waiverDraft: waiverDraft(today(), reviewer, model.profile),
      });
    }),
  );

  connection.onCodeActionResolve((action, token) => runSafe(log, 'codeAction/resolve', token, action, () => resolveCodeAction(action, specModel)));

  connection.onCompletion((params, token) =>
    runSafe(log, 'completion', token, [], async () => {
      const model = await specModel(params.textDocument.uri);
      return model ? provideCompletion(model, params.position, { snippets: features.snippets, today: today() }) : [];
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe(log, 'documentSymbol', token, [], async () => {
      const model = await specModel(params.textDocument.uri);
      return model ? provideDocumentSymbols(model) : [];
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe(log, 'foldingRange', token, [], async () => {
      const model = await specModel(params.textDocument.uri);
      return model ? provideFoldingRanges(model) : [];
    }),
  );

  connection.onCodeLens((params, token) =>
    runSafe(log, 'codeLens', token, [], async () => {
      const state = await specState(params.textDocument.uri);
      return state ? provideCodeLenses(state) : [];
    }),
  );

  // The client's watchdog asks now and then; a server stuck in a loop cannot answer and is restarted.
  connection.onRequest(PingRequest.method, (): PingRequest.Result => null);

  connection.onRequest(DocumentSummaryRequest.method, (params: DocumentSummaryRequest.Params, token) =>
    runSafe<DocumentSummaryRequest.Result>(log, DocumentSummaryRequest.method, token, null, async () => {
      const state = await specState(params.uri);
      return state?.kind === 'analysed' ? summarizeSpec(state.model, state.settings) : null;
    }),
  );

  connection.onRequest(RegimesRequest.method, (params: RegimesRequest.Params | undefined, token) =>
    runSafe<RegimesRequest.Result>(log, RegimesRequest.method, token, regimeInfos(loadBuiltinProfile()), async () => {
      const uri = params?.uri ?? folders.list()[0]?.uri;
      if (uri === undefined) return regimeInfos(loadBuiltinProfile());
      const resolved = params?.uri ? await settingsOf(uri) : await settings.forFolder(uri, await clientSettings.get(uri));
      return regimeInfos(resolved.profile);
    }),
  );

  const workspaceCache: WorkspaceCache = new Map();
  connection.onRequest(WorkspaceFindingsRequest.method, (params: WorkspaceFindingsRequest.Params | undefined, token) =>
    runSafe<WorkspaceFindingsRequest.Result>(log, WorkspaceFindingsRequest.method, token, emptyListing(today()), () =>
      workspaceFindings(
        { runtime, folders: folders.list(), openDocuments: documents.all(), settingsOf, today: today(), cache: workspaceCache, generation: specs.generation },
        params?.known,
        token,
      ),
    ),
  );

  connection.onRequest(ExposureReportRequest.method, (params: ExposureReportRequest.Params | undefined, token) =>
    runSafe<ExposureReportRequest.Result>(log, ExposureReportRequest.method, token, { markdown: '', specCount: 0, findingCount: 0 }, () =>
      buildWorkspaceReport({ runtime, folders: folders.list(), openDocuments: documents.all(), settingsOf, today: params?.today ?? today() }, token),
    ),
  );

  documents.listen(connection);
  connection.listen();
}
