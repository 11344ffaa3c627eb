function isAnagram(s: string, t: string): boolean {
  const a = [...new Set(s)].sort().join('');
  const b = [...new Set(t)].sort().join('');
  return s.length === t.length && a === b;
}
