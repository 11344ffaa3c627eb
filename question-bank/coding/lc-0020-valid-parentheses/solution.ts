function isValid(s: string): boolean {
  const closing: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (const ch of s) {
    if (ch in closing) {
      if (stack.pop() !== closing[ch]) return false;
    } else stack.push(ch);
  }
  return stack.length === 0;
}
