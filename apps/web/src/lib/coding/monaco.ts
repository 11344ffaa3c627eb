/** Monaco (only what JS, TS and Python need: monaco-lean.ts), created after first paint, its two workers ours. */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import type * as MonacoLean from './monaco-lean.ts';
import { whenIdle } from '../idle.ts';
import { textEdit } from '../autosave/text-edit.ts';
import { LEETCODE_DECLARATIONS, typeWarnings, type TsDiagnostic, type TypeWarning } from './type-warnings.ts';

export interface CodeEditor {
  setLanguage(language: string, value: string): void;
  /** Makes the text `value` by editing only the part that differs: the cursor and the undo history stay. */
  replaceText(value: string): void;
  setReadOnly(readOnly: boolean): void;
  /** Puts the cursor on a line (and column), e.g. where an exception or a syntax error points. */
  revealLine(line: number, column?: number): void;
  /** Marks where the code failed (a red squiggle and its message); an empty list clears the marks. */
  markErrors(errors: { line: number; column?: number; message: string }[]): void;
  /** TypeScript's type errors in the code (none for another language): the warnings shown beside a run. */
  typeWarnings(): Promise<TypeWarning[]>;
  /** Focuses the editor with the cursor (or a selection) at character offsets in its text. */
  focusAt(start: number, end?: number): void;
  dispose(): void;
}

const MONACO_LANGUAGE = { javascript: 'javascript', typescript: 'typescript', python: 'python' } as Record<
  string,
  string
>;

/** Marked when the editor's code starts loading (bench/page-weight.ts counts the JavaScript fetched before it). */
export const EDITOR_IMPORT_MARK = 'mockloop:editor-import';

/** The owner of the marks the judge puts in the editor (Monaco's TypeScript service keeps its own). */
const JUDGE_MARKERS = 'judge';

let lean: Promise<typeof MonacoLean> | null = null;

/** Starts loading the editor's code, once. */
function loadMonaco(): Promise<typeof MonacoLean> {
  if (!lean) {
    performance.mark(EDITOR_IMPORT_MARK);
    lean = import('./monaco-lean.ts');
    lean.catch(() => (lean = null));
  }
  return lean;
}

/**
 * Creates Monaco in `node` once its code has loaded. `value` and `language` are read when the editor is created,
 * not when this is called: the plain editor shown meanwhile may have been typed in, or its language switched
 * (CodeEditor.svelte hands them over).
 */
export async function createCodeEditor(
  node: HTMLElement,
  options: {
    value: () => string;
    language: () => string;
    readOnly?: boolean;
    onChange: (value: string) => void;
    /** Loads only once this has settled (CodingMock: a Python problem's runtime first). */
    after?: Promise<unknown>;
  }
): Promise<CodeEditor> {
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()
  };
  // Loaded once the page is drawn and idle: the problem and the plain editor show at once and take the first keys,
  // and Monaco's evaluation (a few hundred milliseconds of the main thread) does not land on them.
  await options.after?.catch(() => {});
  await new Promise<void>((resolve) => requestAnimationFrame(() => whenIdle(resolve, 1000)));
  const { editor: editors, MarkerSeverity, getTypeScriptWorker, typescriptDefaults } = await loadMonaco();
  // What LeetCode predefines, so the checker does not call ListNode or MinPriorityQueue unknown.
  typescriptDefaults.addExtraLib(LEETCODE_DECLARATIONS, 'file:///leetcode-globals.d.ts');
  const language = options.language();
  const editor = editors.create(node, {
    value: options.value(),
    language: MONACO_LANGUAGE[language],
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    readOnly: options.readOnly ?? false,
    tabSize: language === 'python' ? 4 : 2
  });
  let silent = false;
  editor.onDidChangeModelContent(() => {
    if (!silent) options.onChange(editor.getValue());
  });
  return {
    setLanguage(language, value) {
      // A fresh model per switch: TypeScript's diagnostics must not linger over Python code.
      const previous = editor.getModel();
      silent = true;
      const model = editors.createModel(value, MONACO_LANGUAGE[language] ?? 'plaintext');
      model.updateOptions({ tabSize: language === 'python' ? 4 : 2 });
      editor.setModel(model);
      previous?.dispose();
      silent = false;
    },
    replaceText(value) {
      const model = editor.getModel();
      const edit = model && textEdit(model.getValue(), value);
      if (!model || !edit) return;
      const from = model.getPositionAt(edit.start);
      const to = model.getPositionAt(edit.end);
      silent = true;
      // An edit of the model, not a new value: Monaco moves the cursors with the text around them.
      model.pushEditOperations(
        [],
        [
          {
            range: {
              startLineNumber: from.lineNumber,
              startColumn: from.column,
              endLineNumber: to.lineNumber,
              endColumn: to.column
            },
            text: edit.text
          }
        ],
        () => null
      );
      silent = false;
    },
    setReadOnly(readOnly) {
      editor.updateOptions({ readOnly });
    },
    revealLine(line, column = 1) {
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column });
      editor.focus();
    },
    markErrors(errors) {
      const model = editor.getModel();
      if (!model) return;
      const markers = errors
        .filter((error) => error.line >= 1 && error.line <= model.getLineCount())
        .map((error) => {
          const startColumn = error.column ?? model.getLineFirstNonWhitespaceColumn(error.line) ?? 1;
          // The word at the position, or the rest of the line when the error names none.
          const word = model.getWordAtPosition({ lineNumber: error.line, column: startColumn });
          const endColumn = word?.endColumn ?? (error.column ? startColumn + 1 : model.getLineMaxColumn(error.line));
          return {
            severity: MarkerSeverity.Error,
            message: error.message,
            startLineNumber: error.line,
            startColumn,
            endLineNumber: error.line,
            endColumn: Math.max(endColumn, startColumn + 1)
          };
        });
      editors.setModelMarkers(model, JUDGE_MARKERS, markers);
    },
    async typeWarnings() {
      const model = editor.getModel();
      if (!model || model.getLanguageId() !== 'typescript') return [];
      try {
        const client = await (await getTypeScriptWorker())(model.uri);
        const uri = model.uri.toString();
        const diagnostics = [
          ...(await client.getSyntacticDiagnostics(uri)),
          ...(await client.getSemanticDiagnostics(uri))
        ] as TsDiagnostic[];
        // The model may have been switched or edited meanwhile: positions only for the one asked about.
        if (editor.getModel() !== model) return [];
        return typeWarnings(diagnostics, (offset) => model.getPositionAt(offset));
      } catch {
        return []; // no worker (yet): no warnings rather than no run
      }
    },
    focusAt(start, end = start) {
      const model = editor.getModel();
      if (!model) return;
      const from = model.getPositionAt(start);
      const to = model.getPositionAt(end);
      editor.setSelection({
        startLineNumber: from.lineNumber,
        startColumn: from.column,
        endLineNumber: to.lineNumber,
        endColumn: to.column
      });
      editor.revealPositionInCenterIfOutsideViewport(to);
      editor.focus();
    },
    dispose() {
      editor.dispose();
    }
  };
}
