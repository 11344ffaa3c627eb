/** The committee's rules as lines of text, the level bars named from the catalogue: what the packet sends. */
import { COMMITTEE_RULES, levelBarRows } from './committee.ts';
import { getRubric } from './rubrics/index.ts';

/** The rules as lines of text, then one line per levelled criterion with its bars. */
export function committeeRuleLines(): string[] {
  const rules = COMMITTEE_RULES.map((rule) => `${rule.title}: ${rule.text}`);
  const bars = levelBarRows(getRubric).map(
    (row) =>
      `Level bar, ${row.rubricTitle} · ${row.criterionName}: senior ${row.bars.senior}, staff ${row.bars.staff}, principal ${row.bars.principal} (of 4).`
  );
  return [...rules, ...bars];
}
