-- The unique indexes every ON CONFLICT of the suite needs. CREATE TABLE IF NOT EXISTS
-- skips a table that already exists, so a database whose tables predate the suite may
-- lack them, and each upsert would then fail at run time ("there is no unique or
-- exclusion constraint matching the ON CONFLICT specification").
-- For each conflict target: nothing happens when a plain (not partial, not deferrable)
-- unique index or constraint on exactly those columns exists; otherwise rows that
-- share the columns (all of them non-NULL) are looked for, and when there are none the
-- unique index is created (IF NOT EXISTS: additive). Duplicates anywhere stop the
-- migration with one line naming each table, its columns and a few duplicated values;
-- it runs in one transaction, so nothing is changed then.
-- The partial target pipeline_jobs (unique_key) WHERE status IN ('queued', 'running')
-- is created by 0003 with its table columns.

DO $conflict_targets$
DECLARE
  target RECORD;
  column_list TEXT;
  all_set TEXT;
  examples TEXT;
  problems TEXT[] := '{}';
  missing TEXT[] := '{}';
BEGIN
  FOR target IN
    SELECT * FROM (VALUES
      ('works', ARRAY['id'], 'works_id_conflict_key'),
      ('segments', ARRAY['edition_id', 'segment_type', 'number'], 'segments_edition_type_number_conflict_key'),
      ('assets', ARRAY['r2_key'], 'assets_r2_key_conflict_key'),
      ('segment_assets', ARRAY['segment_id', 'asset_id'], 'segment_assets_segment_asset_conflict_key'),
      ('job_schedules', ARRAY['name'], 'job_schedules_name_conflict_key'),
      ('host_pacing', ARRAY['host'], 'host_pacing_host_conflict_key')
    ) AS t(table_name, columns, index_name)
  LOOP
    CONTINUE WHEN EXISTS (
      SELECT 1
        FROM pg_index i
       WHERE i.indrelid = to_regclass(target.table_name)
         AND i.indisunique AND i.indimmediate AND i.indisvalid
         AND i.indpred IS NULL AND i.indexprs IS NULL
         AND i.indnatts = cardinality(target.columns)
         AND (SELECT array_agg(a.attname::text ORDER BY a.attname)
                FROM pg_attribute a
               WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::smallint[]))
             = (SELECT array_agg(c ORDER BY c) FROM unnest(target.columns) AS c));
    SELECT string_agg(format('%I', c), ', '), string_agg(format('%I IS NOT NULL', c), ' AND ')
      INTO column_list, all_set
      FROM unnest(target.columns) AS c;
    EXECUTE format(
      'SELECT string_agg(v, ''; '') FROM ('
      '  SELECT ''('' || concat_ws('', '', %s) || '') x'' || count(*) AS v FROM %I WHERE %s'
      '   GROUP BY %s HAVING count(*) > 1 ORDER BY count(*) DESC, 1 LIMIT 3) AS d',
      column_list, target.table_name, all_set, column_list)
      INTO examples;
    IF examples IS NOT NULL THEN
      problems := problems || format('%s (%s): %s', target.table_name, column_list, examples);
    ELSE
      missing := missing || format('CREATE UNIQUE INDEX IF NOT EXISTS %I ON %I (%s)',
                                   target.index_name, target.table_name, column_list);
    END IF;
  END LOOP;
  IF cardinality(problems) > 0 THEN
    RAISE EXCEPTION 'duplicate rows keep the unique indexes upserts need from being added, nothing was changed; remove them and migrate again: %',
      array_to_string(problems, ' | ');
  END IF;
  FOR i IN 1 .. cardinality(missing) LOOP
    EXECUTE missing[i];
  END LOOP;
END
$conflict_targets$;
