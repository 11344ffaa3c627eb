/** The coding editor keeps exactly what is typed through latency and a forced conflict, on a desktop-sized page. */
import { editorConflictSuite } from '../support/editor-conflict-suite.ts';

editorConflictSuite('desktop', { width: 1440, height: 900 });
