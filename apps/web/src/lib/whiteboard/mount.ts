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

export async function mountExcalidraw(node: HTMLElement, options: MountOptions): Promise<WhiteboardHandle> {
  // Fonts come from our own origin (copied at build time), never from a CDN.
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
