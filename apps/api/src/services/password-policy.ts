/**
 * Which passwords an account may have: one zxcvbn-ts estimate (its common-password, English and keyboard-pattern
 * lists, and the person's own e-mail and name) instead of a hand list. The lists are loaded on the first sign-up,
 * not when the server starts.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * zxcvbn's scores run 0–4; 3 is "safely unguessable: moderate protection from an offline slow-hash scenario"
 * (about 10^8 guesses or more), which is what an argon2id hash of a leaked database faces.
 */
export const MIN_PASSWORD_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | null = null;

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en')
  ]).then(
    ([{ ZxcvbnFactory }, common, en]) =>
      new ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary }
      })
  );
  estimator.catch(() => (estimator = null));
  return estimator;
}

/**
 * Why `password` may not be used, in a sentence the sign-up page shows under the field; null when it may.
 * `userInputs` are what the person told us (e-mail, name): a password made of them is easy to guess.
 */
export async function passwordWeakness(password: string, userInputs: string[] = []): Promise<string | null> {
  const zxcvbn = await loadEstimator();
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]).filter((s) => s.length >= 3);
  const { score, feedback } = zxcvbn.check(password, inputs);
  if (score >= MIN_PASSWORD_SCORE) return null;
  const why = feedback.warning ? `${feedback.warning.replace(/\.?$/, '.')} ` : '';
  const hint = feedback.suggestions[0] ?? 'Add another word or two that are not common together.';
  return `This password is too easy to guess. ${why}${hint}`;
}
