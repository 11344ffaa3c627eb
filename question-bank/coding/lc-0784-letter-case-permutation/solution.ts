function letterCasePermutation(s: string): string[] {
  let result = [''];
  for (const ch of s) {
    const isLetter = ch.toLowerCase() !== ch.toUpperCase();
    const options = isLetter ? [ch.toLowerCase(), ch.toUpperCase()] : [ch];
    result = result.flatMap((prefix) => options.map((c) => prefix + c));
  }
  return result;
}
