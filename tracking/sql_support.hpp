// Internal to tracking/: helpers shared by the .cpp files that run SQL. Not part of the
// public API (it includes <pqxx/pqxx>; nothing outside tracking/ may include it).
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "common/text/control_chars.hpp"
#include "common/util/error.hpp"
#include "common/util/uuid.hpp"
#include "tracking/database.hpp"

namespace scrapers::tracking::detail {

// NULL for an absent value (libpqxx 6 has no std::optional parameters).
inline const char* nullable(const std::optional<std::string>& value) { return value ? value->c_str() : nullptr; }

inline std::optional<std::string> text_or_null(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

// Runs `work(tx)` in one transaction and commits; any exception becomes a one-line Error.
template <class F>
auto in_transaction(Database& db, std::string_view doing, F&& work) {
  using T = std::invoke_result_t<F, pqxx::work&>;
  using Out = std::conditional_t<std::is_void_v<T>, Ok, T>;
  try {
    pqxx::work tx(db.connection());
    if constexpr (std::is_void_v<T>) {
      work(tx);
      tx.commit();
      return Result<Out>(Ok{});
    } else {
      Out value = work(tx);
      tx.commit();
      return Result<Out>(std::move(value));
    }
  } catch (const std::exception& e) {
    return Result<Out>(db.to_error(e, doing));
  }
}

inline Status check_uuid(std::string_view value, std::string_view what) {
  if (is_uuid(value)) return Ok{};
  return make_error(ErrorKind::invalid_argument, "invalid " + std::string(what) + " '" +
                                                     std::string(value.substr(0, 64)) + "': expected a UUID");
}

// JSON as text for a jsonb parameter; invalid UTF-8 becomes U+FFFD instead of throwing,
// and NUL and the other control characters jsonb or libpq refuse are dropped
// (common/text/control_chars.hpp). Every jsonb parameter of the module goes through here.
inline std::string jsonb_text(const nlohmann::json& value) {
  return text::json_without_control_escapes(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// Remote text (titles, URLs, error messages) for a text parameter: NUL and the other
// control characters PostgreSQL or libpq refuse are dropped.
inline std::string safe_text(std::string_view value) { return text::without_control_chars(value); }
inline std::optional<std::string> safe_text_or_null(const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  return safe_text(*value);
}

// SQL text reading a timestamptz column as ISO 8601 UTC ("2026-11-28T17:00:00Z").
inline std::string iso_utc(std::string_view column) {
  return "to_char(" + std::string(column) + R"( AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))";
}

}  // namespace scrapers::tracking::detail
