#include "tracking/catalog.hpp"

#include "tracking/sql_support.hpp"

namespace scrapers::tracking {
namespace {

using detail::in_transaction;
using detail::nullable;
using detail::text_or_null;

Edition edition_from_row(const pqxx::row& row) {
  return Edition{row["id"].as<std::string>(),
                 row["work_id"].as<std::string>(),
                 row["media_type"].is_null() ? "" : row["media_type"].as<std::string>(),
                 row["provider"].is_null() ? "" : row["provider"].as<std::string>(),
                 row["canonical_url"].is_null() ? "" : row["canonical_url"].as<std::string>(),
                 false};
}

Segment segment_from_row(const pqxx::row& row) {
  return Segment{row["id"].as<std::string>(),
                 row["edition_id"].as<std::string>(),
                 row["work_id"].as<std::string>(),
                 row["number"].is_null() ? "" : row["number"].as<std::string>(),
                 row["title"].is_null() ? "" : row["title"].as<std::string>(),
                 text_or_null(row["canonical_url"]),
                 row["has_asset"].as<bool>()};
}

constexpr const char* kEditionColumns = "id, work_id, media_type, provider, canonical_url";

// Columns of list_segments/load_segments; $1 is the asset role (NULL = any role).
constexpr const char* kSegmentSelect = R"sql(
  SELECT s.id, s.edition_id, e.work_id, s.number::text AS number, s.title, s.canonical_url,
         EXISTS (SELECT 1 FROM segment_assets sa
                  WHERE sa.segment_id = s.id AND ($1::text IS NULL OR sa.role = $1)) AS has_asset
    FROM segments s JOIN editions e ON e.id = s.edition_id
)sql";

}  // namespace

std::string to_array_literal(const std::vector<std::string>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : detail::safe_text(values[i])) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

Result<bool> work_exists(Database& db, const std::string& work_id) {
  return in_transaction(db, "looking up work " + work_id, [&](pqxx::work& tx) {
    return !tx.exec_params("SELECT 1 FROM works WHERE id = $1::uuid", work_id).empty();
  });
}

Result<bool> ensure_work(Database& db, const std::string& work_id, const std::string& title) {
  return in_transaction(db, "creating work " + work_id, [&](pqxx::work& tx) {
    auto inserted = tx.exec_params(
        "INSERT INTO works (id, title) VALUES ($1::uuid, $2) ON CONFLICT (id) DO NOTHING RETURNING id", work_id,
        detail::safe_text(title));
    return !inserted.empty();
  });
}

Result<std::string> create_work(Database& db, const std::string& title) {
  return in_transaction(db, "creating a work", [&](pqxx::work& tx) {
    return tx.exec_params1("INSERT INTO works (title) VALUES ($1) RETURNING id", detail::safe_text(title))[0]
        .as<std::string>();
  });
}

Result<std::optional<Edition>> find_edition(Database& db, const std::string& edition_id) {
  return in_transaction(db, "looking up edition " + edition_id, [&](pqxx::work& tx) {
    auto rows = tx.exec_params(std::string("SELECT ") + kEditionColumns + " FROM editions WHERE id = $1::uuid",
                               edition_id);
    return rows.empty() ? std::optional<Edition>{} : std::optional<Edition>{edition_from_row(rows[0])};
  });
}

Result<std::vector<Edition>> editions_of_work(Database& db, const std::string& work_id) {
  return in_transaction(db, "listing editions of work " + work_id, [&](pqxx::work& tx) {
    std::vector<Edition> editions;
    for (const auto& row : tx.exec_params(std::string("SELECT ") + kEditionColumns +
                                              " FROM editions WHERE work_id = $1::uuid"
                                              " ORDER BY created_at, id",
                                          work_id)) {
      editions.push_back(edition_from_row(row));
    }
    return editions;
  });
}

Result<Edition> get_or_create_edition(Database& db, const EditionKey& key) {
  return in_transaction(db, "getting edition " + key.provider + " of work " + key.work_id, [&](pqxx::work& tx) {
    // Serialise get-or-create per (work, media type, provider). The SELECT below runs
    // after the lock is held, so under READ COMMITTED it sees a racing run's commit.
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                   "editions:" + key.work_id + ":" + key.media_type + ":" + key.provider);
    auto found = tx.exec_params(std::string("SELECT ") + kEditionColumns +
                                    " FROM editions WHERE work_id = $1::uuid AND media_type = $2"
                                    " AND provider = $3 ORDER BY created_at, id LIMIT 1",
                                key.work_id, key.media_type, key.provider);
    if (!found.empty()) return edition_from_row(found[0]);
    auto row = tx.exec_params1(
        std::string("INSERT INTO editions (work_id, media_type, provider, canonical_url, is_official)"
                    " VALUES ($1::uuid, $2, $3, $4, $5) RETURNING ") +
            kEditionColumns,
        key.work_id, key.media_type, key.provider, key.canonical_url, key.is_official);
    Edition edition = edition_from_row(row);
    edition.created = true;
    return edition;
  });
}

Result<UpsertCounts> upsert_segments(Database& db, const std::string& edition_id, const std::string& segment_type,
                                     const std::vector<SegmentInput>& segments) {
  std::vector<std::string> numbers, titles, urls;
  for (const auto& s : segments) {
    numbers.push_back(s.number);
    titles.push_back(s.title);
    urls.push_back(s.canonical_url);
  }
  // xmax = 0 marks a freshly inserted row; rows the WHERE clause leaves alone are
  // not returned at all, so skipped = total - inserted - updated.
  static constexpr const char* kUpsert = R"sql(
    WITH input AS (
      SELECT * FROM unnest($3::numeric[], $4::text[], $5::text[]) AS t(number, title, url)
    ), upserted AS (
      INSERT INTO segments (edition_id, segment_type, number, title, canonical_url)
      SELECT $1::uuid, $2, number, title, url FROM input
      ON CONFLICT (edition_id, segment_type, number) DO UPDATE
        SET title = EXCLUDED.title, canonical_url = EXCLUDED.canonical_url
        WHERE segments.canonical_url IS DISTINCT FROM EXCLUDED.canonical_url
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted) AS inserted,
           count(*) FILTER (WHERE NOT inserted) AS updated
      FROM upserted
  )sql";
  return in_transaction(db, "saving " + std::to_string(segments.size()) + " segments", [&](pqxx::work& tx) {
    auto row = tx.exec_params1(kUpsert, edition_id, segment_type, to_array_literal(numbers),
                               to_array_literal(titles), to_array_literal(urls));
    UpsertCounts counts;
    counts.inserted = row["inserted"].as<int>();
    counts.updated = row["updated"].as<int>();
    counts.skipped = static_cast<int>(segments.size()) - counts.inserted - counts.updated;
    return counts;
  });
}

Result<std::vector<Segment>> list_segments(Database& db, const SegmentQuery& query) {
  const std::string sql = std::string(kSegmentSelect) + R"sql(
     WHERE ($2::uuid IS NULL OR s.edition_id = $2::uuid)
       AND ($3::uuid IS NULL OR e.work_id = $3::uuid)
       AND ($4::numeric IS NULL OR s.number >= $4::numeric)
       AND ($5::numeric IS NULL OR s.number <= $5::numeric)
     ORDER BY e.created_at, e.id, s.number
  )sql";
  return in_transaction(db, "listing segments", [&](pqxx::work& tx) {
    std::vector<Segment> out;
    for (const auto& row :
         tx.exec_params(sql, nullable(query.asset_role), nullable(query.edition_id), nullable(query.work_id),
                        nullable(query.min_number), nullable(query.max_number))) {
      out.push_back(segment_from_row(row));
    }
    return out;
  });
}

Result<std::vector<Segment>> load_segments(Database& db, const std::vector<std::string>& ids,
                                           const std::optional<std::string>& asset_role) {
  const std::string sql = std::string(kSegmentSelect) + R"sql(
      JOIN unnest($2::uuid[]) WITH ORDINALITY AS wanted(id, position) ON wanted.id = s.id
     ORDER BY wanted.position
  )sql";
  return in_transaction(db, "loading segments", [&](pqxx::work& tx) {
    std::vector<Segment> out;
    for (const auto& row : tx.exec_params(sql, nullable(asset_role), to_array_literal(ids))) {
      out.push_back(segment_from_row(row));
    }
    return out;
  });
}

Result<std::optional<AssetHolder>> find_asset_holder(Database& db, const std::string& key, bool prefix,
                                                     const std::string& segment_id) {
  static constexpr const char* kHolder = R"sql(
    SELECT a.r2_key, s.id, s.number::text
      FROM assets a
      JOIN segment_assets sa ON sa.asset_id = a.id
      JOIN segments s ON s.id = sa.segment_id
     WHERE (CASE WHEN $2::boolean THEN left(a.r2_key, length($1::text)) = $1::text ELSE a.r2_key = $1::text END)
       AND sa.segment_id <> $3::uuid
     ORDER BY s.number, s.id
     LIMIT 1
  )sql";
  return in_transaction(db, "looking up who holds asset key " + key, [&](pqxx::work& tx) {
    const auto rows = tx.exec_params(kHolder, key, prefix, segment_id);
    if (rows.empty()) return std::optional<AssetHolder>();
    return std::optional<AssetHolder>(AssetHolder{rows[0][0].as<std::string>(), rows[0][1].as<std::string>(),
                                                  rows[0][2].is_null() ? "" : rows[0][2].as<std::string>()});
  });
}

Result<std::string> register_and_link_asset(Database& db, const AssetRecord& asset, const std::string& segment_id,
                                            const std::string& role) {
  // The DO UPDATE's WHERE keeps an asset that another segment links to as it is: no
  // row comes back, nothing is linked, and the caller hears why.
  static constexpr const char* kRegister = R"sql(
    WITH asset AS (
      INSERT INTO assets (provider, bucket, r2_key, asset_type, content_type, bytes, sha256, upload_source)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (r2_key) DO UPDATE
        SET provider = EXCLUDED.provider, bucket = EXCLUDED.bucket, asset_type = EXCLUDED.asset_type,
            content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256,
            upload_source = EXCLUDED.upload_source
        WHERE NOT EXISTS (SELECT 1 FROM segment_assets other
                           WHERE other.asset_id = assets.id AND other.segment_id <> $9::uuid)
      RETURNING id
    )
    INSERT INTO segment_assets (segment_id, asset_id, role)
    SELECT $9::uuid, id, $10 FROM asset
    ON CONFLICT (segment_id, asset_id) DO UPDATE SET role = EXCLUDED.role
    RETURNING asset_id
  )sql";
  auto linked = in_transaction(db, "registering asset " + asset.key, [&](pqxx::work& tx) {
    const auto rows = tx.exec_params(kRegister, asset.provider, asset.bucket, asset.key, asset.asset_type,
                                     asset.content_type, asset.bytes, asset.sha256, asset.upload_source,
                                     segment_id, role);
    return rows.empty() ? std::optional<std::string>() : std::optional<std::string>(rows[0][0].as<std::string>());
  });
  if (!linked.ok()) return std::move(linked).error();
  if (*linked) return std::move(**linked);
  return make_error(ErrorKind::invalid_argument,
                    "asset key " + asset.key + " already belongs to another segment's asset; not re-pointed",
                    "segment " + segment_id);
}

}  // namespace scrapers::tracking
