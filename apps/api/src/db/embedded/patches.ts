/**
 * Source changes MockLoop makes to FerretDB's vendored module before building it. Each edit names the exact
 * text it replaces, so a FerretDB upgrade that moves that text fails the build loudly instead of shipping an
 * unpatched server.
 */
export interface SourceEdit {
  find: string;
  replace: string;
}

export interface SourcePatch {
  /** Path inside the vendored build folder. */
  file: string;
  why: string;
  edits: readonly SourceEdit[];
}

const lines = (...text: string[]) => text.join('\n');

/** The SQLite backend's original `_id` pushdown, written out in both `Query` and `Explain`. */
const idPushdown = (extra: string[]) =>
  lines(
    '\t// that logic should exist in one place',
    '\t// TODO https://github.com/FerretDB/FerretDB/issues/3235',
    '\tif params.Filter.Len() == 1 {',
    '\t\tv, _ := params.Filter.Get("_id")',
    '\t\tswitch v.(type) {',
    '\t\tcase string, types.ObjectID:',
    ...extra,
    '\t\t\twhereClause = fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn)',
    '\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}',
    '\t\t}',
    '\t}'
  );

export const FERRETDB_PATCHES: readonly SourcePatch[] = [
  {
    file: 'vendor/github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata/metadata.go',
    why:
      'Every collection has a unique SQLite index on `_ferretdb_sjson->"_id"`, but the lookups by `_id` ' +
      "(finds, updates, deletes) are written `->'$._id'`. SQLite matches an expression index by the " +
      'expression’s text, so none of them used the index and each scanned the table (EXPLAIN QUERY PLAN: ' +
      "SCAN). `->'_id'` means the same path and matches the index (SEARCH … USING INDEX).",
    edits: [
      {
        find: `\tIDColumn = DefaultColumn + "->'$._id'"`,
        replace: `\tIDColumn = DefaultColumn + "->'_id'" // MockLoop: the form the _id index is written in`
      }
    ]
  },
  {
    file: 'vendor/github.com/FerretDB/FerretDB/internal/backends/sqlite/collection.go',
    why:
      'The backend narrowed a query by `_id` only when `_id` was the filter’s sole key, so `{ _id, userId, ' +
      'revision }` (every owner-checked read and every autosave) read and decoded the whole collection. It now ' +
      'narrows whenever the filter pins `_id` to a string or ObjectId, in one function that `Query` and ' +
      '`Explain` share. That is safe because every caller of `Query` still applies the whole filter to the rows ' +
      'that come back; `Explain` reports a filter pushdown only when `_id` was the whole filter, as before.',
    edits: [
      {
        find: '// Query implements backends.Collection interface.',
        replace: lines(
          '// mockloopIDWhere narrows a query to the row whose _id the filter pins, whatever other keys it has.',
          'func mockloopIDWhere(filter *types.Document) (string, []any) {',
          '\tidKeys := 0',
          '\tfor _, k := range filter.Keys() {',
          '\t\tif k == "_id" {',
          '\t\t\tidKeys++',
          '\t\t}',
          '\t}',
          '\tif idKeys != 1 {',
          '\t\treturn "", nil',
          '\t}',
          '\tv, _ := filter.Get("_id")',
          '\tswitch v.(type) {',
          '\tcase string, types.ObjectID:',
          '\t\treturn fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}',
          '\t}',
          '\treturn "", nil',
          '}',
          '',
          '// Query implements backends.Collection interface.'
        )
      },
      { find: idPushdown([]), replace: '\twhereClause, args = mockloopIDWhere(params.Filter)' },
      {
        find: idPushdown(['\t\t\tfilterPushdown = true']),
        replace: lines(
          '\twhereClause, args = mockloopIDWhere(params.Filter)',
          '\tfilterPushdown = whereClause != "" && params.Filter.Len() == 1'
        )
      }
    ]
  },
  {
    file: 'vendor/github.com/FerretDB/FerretDB/internal/handler/msg_update.go',
    why:
      'An update reads the matching documents and writes them back in two steps with nothing held in between, ' +
      'so concurrent updates of one document lost writes (40 parallel `$inc` left 5) and a filter on a revision ' +
      'matched a document another writer had already changed (optimistic concurrency let both saves win). ' +
      'Updates, and findAndModify below, now hold a lock per collection from the read to the write, which makes ' +
      'each single-document update atomic as MongoDB’s are. SQLite has one writer at a time anyway.',
    edits: [
      {
        find: lines('\t"context"', '\t"fmt"', '', '\t"github.com/FerretDB/wire"'),
        replace: lines('\t"context"', '\t"fmt"', '\t"sync"', '', '\t"github.com/FerretDB/wire"')
      },
      {
        find: '// updateDocument iterate through all documents in collection and update them.',
        replace: lines(
          '// mockloopWriteLocks: one mutex per "db.collection", held by read-modify-write commands.',
          'var mockloopWriteLocks sync.Map',
          '',
          '// mockloopLockCollection locks a collection for one read-modify-write and returns the unlock.',
          'func mockloopLockCollection(db, collection string) func() {',
          '\tmu, _ := mockloopWriteLocks.LoadOrStore(db+"."+collection, &sync.Mutex{})',
          '\tmu.(*sync.Mutex).Lock()',
          '\treturn mu.(*sync.Mutex).Unlock',
          '}',
          '',
          '// updateDocument iterate through all documents in collection and update them.'
        )
      },
      {
        find: lines(
          'func (h *Handler) updateDocument(ctx context.Context, params *common.UpdateParams) (int32, int32, *types.Array, error) {',
          '\tvar matched, modified int32'
        ),
        replace: lines(
          'func (h *Handler) updateDocument(ctx context.Context, params *common.UpdateParams) (int32, int32, *types.Array, error) {',
          '\tdefer mockloopLockCollection(params.DB, params.Collection)()',
          '\tvar matched, modified int32'
        )
      }
    ]
  },
  {
    file: 'vendor/github.com/FerretDB/FerretDB/internal/handler/msg_findandmodify.go',
    why: 'The same read-then-write as update (see msg_update.go): findAndModify takes the same per-collection lock.',
    edits: [
      {
        find: 'func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {',
        replace: lines(
          'func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {',
          '\tdefer mockloopLockCollection(params.DB, params.Collection)()'
        )
      }
    ]
  }
];

/** Applies a patch's edits to a file's text; the text each edit replaces must occur exactly once. */
export function applySourcePatch(source: string, patch: SourcePatch): string {
  return patch.edits.reduce((text, edit) => {
    const at = text.indexOf(edit.find);
    if (at === -1 || text.includes(edit.find, at + 1)) {
      const where = at === -1 ? 'nowhere' : 'more than once';
      throw new Error(`${patch.file}: the text an edit replaces occurs ${where}:\n${edit.find}`);
    }
    return text.slice(0, at) + edit.replace + text.slice(at + edit.find.length);
  }, source);
}
