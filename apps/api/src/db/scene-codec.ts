/**
 * How a whiteboard is stored: as JSON text. Excalidraw's lines and arrows hold nested arrays of points, which the
 * embedded server cannot store as documents; a scene is only ever read and written whole, so text loses nothing.
 */
import type { Scene } from '@mockloop/contracts';

/** A scene as it will be stored, and its size there (what the 10 MiB limit counts). */
export interface EncodedScene {
  json: string;
  bytes: number;
}

export function encodeScene(scene: Scene): EncodedScene {
  const json = JSON.stringify(scene);
  return { json, bytes: Buffer.byteLength(json, 'utf8') };
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
