/**
 * Every page at a phone's 390 px: nothing scrolls sideways, axe-core finds no serious or critical violation of ours,
 * the console shows no error, and a screenshot is kept.
 */
import { everyPageSuite } from '../support/every-page-suite.ts';

everyPageSuite({ width: 390, height: 844 });
