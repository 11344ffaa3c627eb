function groupAnagrams(strs: string[]): string[][] {
  const groups: string[][] = [];
  const sortedOf = (word: string) => [...word].sort().join('');
  for (const word of strs) {
    const group = groups.find((g) => sortedOf(g[0]) === sortedOf(word));
    if (group) group.push(word);
    else groups.push([word]);
  }
  return groups;
}
