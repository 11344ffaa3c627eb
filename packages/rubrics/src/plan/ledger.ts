/**
 * The 16-week roadmap's Learning Ledger ("pages: `Goals`, `Oops List`, `Daily Log`"), kept per user, as Markdown.
 */

export interface Ledger {
  goals: string[];
  oops: { on: string; text: string }[];
  log: { on: string; text: string }[];
}

export const emptyLedger = (): Ledger => ({ goals: [], oops: [], log: [] });

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/** The ledger as a Markdown page, its three sections in the roadmap's order, dated entries oldest first. */
export function ledgerMarkdown(ledger: Ledger, title = 'Learning Ledger'): string {
  const dated = (entries: Ledger['log']) =>
    [...entries].sort((a, b) => a.on.localeCompare(b.on)).map((e) => `- **${e.on}** ${oneLine(e.text)}`);
  const section = (name: string, items: string[]) => [
    `## ${name}`,
    '',
    ...(items.length ? items : ['_Nothing yet._']),
    ''
  ];
  return [
    `# ${title}`,
    '',
    ...section(
      'Goals',
      ledger.goals.map((g) => `- ${oneLine(g)}`)
    ),
    ...section('Oops List', dated(ledger.oops)),
    ...section('Daily Log', dated(ledger.log))
  ].join('\n');
}
