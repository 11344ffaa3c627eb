function decodeString(s: string): string {
  const stack: [before: string, times: number][] = [];
  let current = '';
  let count = 0;
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') count = count * 10 + Number(ch);
    else if (ch === '[') {
      stack.push([current, count]);
      current = '';
      count = 0;
    } else if (ch === ']') {
      const [before, times] = stack.pop()!;
      current = before + current.repeat(times);
    } else current += ch;
  }
  return current;
}
