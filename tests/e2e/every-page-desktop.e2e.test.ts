/**
 * Every page at a desktop's 1440 px: nothing scrolls sideways, axe-core finds no serious or critical violation of ours,
 * the console shows no error, and a screenshot is kept.
 */
import { everyPageSuite } from '../support/every-page-suite.ts';

everyPageSuite({ width: 1440, height: 900 });
