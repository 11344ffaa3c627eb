/** Monaco, loaded on the coding page only, with its workers bundled by Vite and served by us. */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

export interface CodeEditor {
  setLanguage(language: string, value: string): void;
  setReadOnly(readOnly: boolean): void;
  /** Puts the cursor on a line, e.g. the line an exception points at. */
  revealLine(line: number): void;
  dispose(): void;
}

const MONACO_LANGUAGE = { javascript: 'javascript', typescript: 'typescript', python: 'python' } as Record<
  string,
  string
>;

export async function createCodeEditor(
  node: HTMLElement,
  options: { value: string; language: string; readOnly?: boolean; onChange: (value: string) => void }
): Promise<CodeEditor> {
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()
  };
  const monaco = await import('monaco-editor');
  const editor = monaco.editor.create(node, {
    value: options.value,
    language: MONACO_LANGUAGE[options.language],
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    readOnly: options.readOnly ?? false,
    tabSize: options.language === 'python' ? 4 : 2
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
      const model = monaco.editor.createModel(value, MONACO_LANGUAGE[language] ?? 'plaintext');
      model.updateOptions({ tabSize: language === 'python' ? 4 : 2 });
      editor.setModel(model);
      previous?.dispose();
      silent = false;
    },
    setReadOnly(readOnly) {
      editor.updateOptions({ readOnly });
    },
    revealLine(line) {
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column: 1 });
    },
    dispose() {
      editor.dispose();
    }
  };
}
