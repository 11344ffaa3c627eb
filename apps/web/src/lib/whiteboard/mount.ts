/** Mounts Excalidraw (React) into a DOM node; React, Excalidraw and its CSS load only when this is called. */
import type { Scene } from '@mockloop/contracts';
import type { ExcalidrawImperativeAPI, ExcalidrawProps } from '@excalidraw/excalidraw/types';

export interface WhiteboardHandle {
  setReadOnly(readOnly: boolean): void;
  /** Replaces the scene (used when another tab's work is merged in). */
  update(scene: Scene): void;
  exportPng(): Promise<Blob>;
  exportSvg(): Promise<string>;
  unmount(): void;
}

interface MountOptions {
  scene: Scene;
  readOnly: boolean;
  onchange: (scene: Scene) => void;
}

declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

/** The font Excalidraw gives new text, and the characters a label is typed in first. */
const TEXT_FONT = '20px Excalifont';
const TEXT_SAMPLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ()[]{}.,:;!?%/+-=<>→';
const FONT_WAIT_MS = 4000;

/**
 * Resolves once the text font is loaded. Excalidraw sizes a text box with whatever font is ready when it is typed
 * and keeps that size, so a label typed while Excalifont was still loading stayed clipped for good; the whiteboard
 * therefore opens for input only after this (or after FONT_WAIT_MS, so a broken font never locks the board).
 */
async function textFontReady(): Promise<void> {
  const deadline = Date.now() + FONT_WAIT_MS;
  // Excalidraw adds its font faces to document.fonts while it mounts; until then there is nothing to load.
  while (![...document.fonts].some((face) => face.family.replaceAll('"', '') === 'Excalifont')) {
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await Promise.race([
    document.fonts.load(TEXT_FONT, TEXT_SAMPLE),
    new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())))
  ]);
}

/**
 * Names the canvas-menu button, which Excalidraw renders without one (excalidraw/excalidraw#11297), each time
 * React renders it again (the phone and desktop layouts have different buttons).
 */
function nameUnlabelledButtons(node: HTMLElement): MutationObserver {
  const label = () => {
    for (const button of node.querySelectorAll('button.main-menu-trigger:not([aria-label])')) {
      button.setAttribute('aria-label', 'Canvas menu');
    }
  };
  const observer = new MutationObserver(label);
  observer.observe(node, { childList: true, subtree: true });
  label();
  return observer;
}

export async function mountExcalidraw(node: HTMLElement, options: MountOptions): Promise<WhiteboardHandle> {
  // Fonts come from our own origin (copied at build time), never from a CDN: this path for `npm run dev`, and
  // vite-plugins/excalidraw-self-hosted.ts rewrites Excalidraw's CDN fallback in the built app.
  window.EXCALIDRAW_ASSET_PATH = '/excalidraw-assets/';
  const [React, ReactDOM, excalidraw] = await Promise.all([
    import('react'),
    import('react-dom/client'),
    import('@excalidraw/excalidraw'),
    import('@excalidraw/excalidraw/index.css')
  ]);
  let api: ExcalidrawImperativeAPI | null = null;
  let readOnly = options.readOnly;
  let lastSignature = signature(options.scene);
  const root = ReactDOM.createRoot(node);

  const render = () =>
    root.render(
      React.createElement(excalidraw.Excalidraw, {
        initialData: {
          elements: options.scene.elements as never,
          files: (options.scene.files ?? {}) as never,
          appState: { viewBackgroundColor: '#ffffff' },
          scrollToContent: true
        },
        viewModeEnabled: readOnly,
        excalidrawAPI: (value) => (api = value),
        UIOptions: { canvasActions: { loadScene: false, saveToActiveFile: false, export: false } },
        onChange: ((elements, _appState, files) => {
          // Excalidraw calls onChange for pointer moves too; only real edits (a new version sum) count.
          const scene = { elements: elements as unknown as Scene['elements'], files: files as Scene['files'] };
          const next = signature(scene);
          if (next !== lastSignature) {
            lastSignature = next;
            options.onchange(scene);
          }
        }) satisfies ExcalidrawProps['onChange']
      } satisfies ExcalidrawProps)
    );
  render();
  const labels = nameUnlabelledButtons(node);
  await textFontReady();

  return {
    setReadOnly(value) {
      if (value === readOnly) return;
      readOnly = value;
      render();
    },
    update(scene) {
      lastSignature = signature(scene);
      api?.updateScene({ elements: scene.elements as never });
      if (scene.files) api?.addFiles(Object.values(scene.files) as never);
    },
    async exportPng() {
      if (!api) throw new Error('the whiteboard is not ready');
      return excalidraw.exportToBlob({
        elements: api.getSceneElements(),
        files: api.getFiles(),
        mimeType: 'image/png',
        appState: { exportBackground: true, viewBackgroundColor: '#ffffff' }
      });
    },
    async exportSvg() {
      if (!api) throw new Error('the whiteboard is not ready');
      const svg = await excalidraw.exportToSvg({
        elements: api.getSceneElements(),
        files: api.getFiles(),
        appState: { exportBackground: true, viewBackgroundColor: '#ffffff' }
      });
      return svg.outerHTML;
    },
    unmount() {
      labels.disconnect();
      root.unmount();
    }
  };
}

/** Changes iff an element was added, removed or edited (Excalidraw bumps `version` on every edit), or a file added. */
function signature(scene: Scene): string {
  let sum = 0;
  for (const element of scene.elements) sum += Number((element as { version?: number }).version ?? 0);
  return `${scene.elements.length}:${sum}:${Object.keys(scene.files ?? {}).length}`;
}
