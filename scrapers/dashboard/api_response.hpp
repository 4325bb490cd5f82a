// What an /api/ handler answers: an HTTP status and a JSON body.
//
// Errors are {"error": "<one line>"} with the status their kind calls for:
// invalid_argument 400, unauthorized 401, not_found 404, database 503, anything else
// 500; messages are one line (tracking::one_line) and carry no secret (the database
// layer scrubs passwords; the dashboard never puts its token in a message).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"

namespace scrapers::dashboard {

using Json = nlohmann::json;

struct ApiResponse {
  int status = 200;
  Json body = Json::object();
};

ApiResponse error_response(int status, const std::string& message);
ApiResponse error_response(const Error& error);

// The body of a Result<Json>, or its error.
inline ApiResponse respond(Result<Json> result) {
  if (!result) return error_response(result.error());
  return ApiResponse{200, std::move(*result)};
}

template <class T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace scrapers::dashboard
