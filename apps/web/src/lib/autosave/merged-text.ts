/**
 * A text box's value set by editing only the part that changed (a merge with another window's work): the cursor,
 * the selection and the scroll stay where the person was typing, which setting `value` whole would reset.
 */
import type { Action } from 'svelte/action';
import { textEdit } from './text-edit.ts';

export const mergedText: Action<HTMLTextAreaElement | HTMLInputElement, string> = (node, value) => {
  node.value = value;
  return {
    update(next: string) {
      const edit = textEdit(node.value, next);
      if (edit) node.setRangeText(edit.text, edit.start, edit.end, 'preserve');
    }
  };
};
