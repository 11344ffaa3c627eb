/**
 * Which passwords an account may have: one zxcvbn-ts estimate (its common-password, English and keyboard-pattern
 * lists, and the person's own e-mail and name) instead of a hand list. The lists are loaded on the first sign-up,
 * not when the server starts.
 */
import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as LanguageCommon from '@zxcvbn-ts/language-common';
import type * as LanguageEn from '@zxcvbn-ts/language-en';

/**
 * zxcvbn's scores run 0–4; 3 is "safely unguessable: moderate protection from an offline slow-hash scenario"
 * (about 10^8 guesses or more), which is what an argon2id hash of a leaked database faces.
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * `require`, not `import()`: npm start runs the server as one script compiled with V8's code cache, where a dynamic
 * import has no callback and throws; the packages ship CommonJS builds.
 */
const requireLater = createRequire(import.meta.url);

let estimator: ZxcvbnCore.ZxcvbnFactory | null = null;

function loadEstimator(): ZxcvbnCore.ZxcvbnFactory {
  if (estimator) return estimator;
  const { ZxcvbnFactory } = requireLater('@zxcvbn-ts/core') as typeof ZxcvbnCore;
  const common = requireLater('@zxcvbn-ts/language-common') as typeof LanguageCommon;
  const en = requireLater('@zxcvbn-ts/language-en') as typeof LanguageEn;
  estimator = new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary }
  });
  return estimator;
}

/**
 * Why `password` may not be used, in a sentence the sign-up page shows under the field; null when it may.
 * `userInputs` are what the person told us (e-mail, name): a password made of them is easy to guess.
 */
export async function passwordWeakness(password: string, userInputs: string[] = []): Promise<string | null> {
  const zxcvbn = loadEstimator();
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]).filter((s) => s.length >= 3);
  const { score, feedback } = zxcvbn.check(password, inputs);
  if (score >= MIN_PASSWORD_SCORE) return null;
  const why = feedback.warning ? `${feedback.warning.replace(/\.?$/, '.')} ` : '';
  const hint = feedback.suggestions[0] ?? 'Add another word or two that are not common together.';
  return `This password is too easy to guess. ${why}${hint}`;
}
