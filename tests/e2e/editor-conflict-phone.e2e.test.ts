/** The coding editor keeps exactly what is typed through latency and a forced conflict, on a phone-sized page. */
import { editorConflictSuite } from '../support/editor-conflict-suite.ts';

editorConflictSuite('phone', { width: 390, height: 844 });
