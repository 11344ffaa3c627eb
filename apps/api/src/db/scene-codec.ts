/**
 * How a whiteboard is stored: as JSON text. Excalidraw's lines and arrows hold nested arrays of points, which the
 * embedded server cannot store as documents; a scene is only ever read and written whole, so text loses nothing.
 */
import type { Scene } from '@mockloop/contracts';

export function encodeScene(scene: Scene): string {
  return JSON.stringify(scene);
}

/** An absent scene (nothing drawn yet) reads as an empty one. */
export function decodeScene(json: string | undefined | null): Scene {
  return json ? (JSON.parse(json) as Scene) : { elements: [] };
}

/** A replay snapshot keeps the elements only: images never change, so they are not copied. */
export function encodeElements(elements: Scene['elements']): string {
  return JSON.stringify(elements);
}

export function decodeElements(json: string): Scene['elements'] {
  return JSON.parse(json) as Scene['elements'];
}
