/** The mutation check, part 4 of 4 (see mutants-suite.ts). */
import { mutantSuite } from './mutants-suite.ts';

await mutantSuite(3);
