// The content catalog: works → editions → segments → assets, as the scrapers use it.
//
// Guarantees:
// - Idempotent writes: works and editions are get-or-create; an edition is found by
//   (work_id, media_type, provider) under a transaction-level advisory lock, so two
//   runs racing on the same work never create duplicates (the production schema has no
//   unique index there to lean on).
// - A whole chapter/episode list is upserted in ONE statement, whatever its length:
//   new numbers are inserted, rows whose canonical_url differs get the new title and
//   url (updated), identical rows are left alone (skipped).
// - An asset row and its segment link are written by one statement: never half.
// - An asset linked to one segment is never re-pointed: registering its key for
//   another segment is refused (the row, its bytes and its links stay as they were).
// - Numbers travel as exact decimal text ("10.5"), never through a double.
// Every function returns a one-line, password-free Error on database failure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/util/error.hpp"
#include "tracking/database.hpp"

namespace scrapers::tracking {

struct EditionKey {
  std::string work_id;
  std::string media_type;  // 'novel' | 'manhwa' | 'anime'
  std::string provider;
  std::string canonical_url;
  bool is_official = false;
};

struct Edition {
  std::string id;
  std::string work_id;
  std::string media_type;
  std::string provider;
  std::string canonical_url;
  bool created = false;  // true when get_or_create_edition inserted it
};

struct SegmentInput {
  std::string number;  // exact decimal text, e.g. "12" or "10.5"
  std::string title;
  std::string canonical_url;
};

struct UpsertCounts {
  int inserted = 0;
  int updated = 0;
  int skipped = 0;
};

struct Segment {
  std::string id;
  std::string edition_id;
  std::string work_id;
  std::string number;  // as PostgreSQL prints the NUMERIC
  std::string title;
  std::optional<std::string> canonical_url;
  bool has_asset = false;  // an asset is linked (with the query's role, when one is given)
};

// Which segments to list: those of one edition or of every edition of a work,
// optionally limited to a number range, ordered by edition (creation order) then number.
struct SegmentQuery {
  std::optional<std::string> edition_id;
  std::optional<std::string> work_id;
  std::optional<std::string> min_number;
  std::optional<std::string> max_number;
  std::optional<std::string> asset_role;  // has_asset counts only links with this role
};

struct AssetRecord {
  std::string provider;
  std::string bucket;
  std::string key;
  std::string asset_type;    // e.g. 'cleaned_text', 'raw_subtitle'
  std::string content_type;  // e.g. 'text/html'
  std::int64_t bytes = 0;
  std::string sha256;
  std::string upload_source = "pipeline";
};

Result<bool> work_exists(Database& db, const std::string& work_id);
// Inserts the work with this id and title unless it exists; true when it was created.
Result<bool> ensure_work(Database& db, const std::string& work_id, const std::string& title);
Result<std::string> create_work(Database& db, const std::string& title);

Result<std::optional<Edition>> find_edition(Database& db, const std::string& edition_id);
Result<std::vector<Edition>> editions_of_work(Database& db, const std::string& work_id);
Result<Edition> get_or_create_edition(Database& db, const EditionKey& key);

// Duplicated numbers in `segments` are an error of the caller (dedupe first).
Result<UpsertCounts> upsert_segments(Database& db, const std::string& edition_id, const std::string& segment_type,
                                     const std::vector<SegmentInput>& segments);

Result<std::vector<Segment>> list_segments(Database& db, const SegmentQuery& query);
// The given segments in the given order; ids that do not exist are left out.
Result<std::vector<Segment>> load_segments(Database& db, const std::vector<std::string>& ids,
                                           const std::optional<std::string>& asset_role);

// A segment other than the asking one that holds an asset by its key.
struct AssetHolder {
  std::string key;
  std::string segment_id;
  std::string segment_number;
};

// The first segment other than `segment_id` linked to an asset whose key is `key`
// (with `prefix`: starts with `key`), nullopt when there is none.
Result<std::optional<AssetHolder>> find_asset_holder(Database& db, const std::string& key, bool prefix,
                                                     const std::string& segment_id);

// Upserts the asset by key and links it to the segment with `role`; returns the asset
// id. invalid_argument, changing nothing, when the key's asset is linked to another
// segment (see find_asset_holder).
Result<std::string> register_and_link_asset(Database& db, const AssetRecord& asset, const std::string& segment_id,
                                            const std::string& role);

// '{"a","b\"c"}': a PostgreSQL array literal of the given texts, for one bound parameter.
std::string to_array_literal(const std::vector<std::string>& values);

}  // namespace scrapers::tracking
