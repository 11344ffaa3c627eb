import { describe, expect, it } from 'vitest';
import { databaseInUri } from './client.ts';

describe('databaseInUri', () => {
  it.each([
    ['mongodb://127.0.0.1:27017/', null],
    ['mongodb://127.0.0.1:27017', null],
    ['mongodb://127.0.0.1:27017/practice', 'practice'],
    ['mongodb://u:p@a:1,b:2/practice?replicaSet=rs0', 'practice'],
    ['mongodb+srv://cluster.example.net/mock%20loop?retryWrites=true', 'mock loop']
  ])('%s → %s', (uri, name) => expect(databaseInUri(uri)).toBe(name));
});
