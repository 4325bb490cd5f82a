#include "common/http/url.hpp"

#include <algorithm>
#include <cctype>

#include "common/text/ascii.hpp"

namespace scrapers::http {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

Error bad_url(std::string_view text, std::string_view why) {
  return make_error(ErrorKind::invalid_argument, "invalid URL: " + std::string(why),
                    std::string(text.substr(0, 200)));
}

bool is_unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

// Percent-encodes spaces and non-ASCII bytes; everything else is kept as written.
std::string normalise_bytes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ' || c >= 0x80) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    } else {
      out += ch;
    }
  }
  return out;
}

bool has_control_chars(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c < 0x20 || c == 0x7F;
  });
}

bool valid_host(std::string_view host) {
  if (host.empty()) return false;
  if (host.front() == '[') {
    return host.size() > 2 && host.back() == ']' && std::all_of(host.begin() + 1, host.end() - 1, [](char c) {
             return std::isxdigit(static_cast<unsigned char>(c)) != 0 || c == ':' || c == '.';
           });
  }
  return std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
  });
}

// RFC 3986 5.2.4.
std::string remove_dot_segments(std::string_view input) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  const bool absolute = !input.empty() && input.front() == '/';
  if (absolute) pos = 1;
  bool trailing_slash = false;
  while (pos <= input.size()) {
    const auto next = input.find('/', pos);
    const auto segment = input.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
    trailing_slash = next == std::string_view::npos && (segment == "." || segment == "..");
    if (segment == "..") {
      if (!out.empty()) out.pop_back();
    } else if (segment != ".") {
      out.push_back(segment);
    }
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  std::string result = absolute ? "/" : "";
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i > 0) result += '/';
    result += out[i];
  }
  if (trailing_slash && (result.empty() || result.back() != '/')) result += '/';
  return result;
}

Result<Url> parse_authority(std::string_view text, std::string_view authority, Url url) {
  if (authority.find('@') != std::string_view::npos) return bad_url(text, "user-info not allowed");
  std::string_view host = authority;
  std::string_view port;
  const auto close = authority.rfind(']');
  const auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && (close == std::string_view::npos || colon > close)) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (!valid_host(host)) return bad_url(text, "missing or malformed host");
  url.host = scrapers::text::to_ascii_lower(host);
  url.port = url.scheme == "https" ? 443 : 80;
  if (!port.empty()) {
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(),
                                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
      return bad_url(text, "malformed port");
    }
    url.port = std::stoi(std::string(port));
    if (url.port < 1 || url.port > 65535) return bad_url(text, "port out of range");
  }
  return url;
}

}  // namespace

std::string Url::origin() const {
  std::string out = scheme + "://" + host;
  if (!default_port()) out += ":" + std::to_string(port);
  return out;
}

std::string Url::path_and_query() const { return query.empty() ? path : path + "?" + query; }

std::string Url::to_string() const { return origin() + path_and_query(); }

Result<Url> parse_url(std::string_view text) {
  if (has_control_chars(text)) return bad_url(text, "control characters");
  const auto sep = text.find("://");
  if (sep == std::string_view::npos) return bad_url(text, "not an absolute URL");
  Url url;
  url.scheme = scrapers::text::to_ascii_lower(text.substr(0, sep));
  if (url.scheme != "http" && url.scheme != "https") {
    return bad_url(text, "only http and https are allowed, not '" + url.scheme + "'");
  }
  std::string_view rest = text.substr(sep + 3);
  rest = rest.substr(0, rest.find('#'));
  const auto authority_end = rest.find_first_of("/?");
  auto parsed = parse_authority(text, rest.substr(0, authority_end), std::move(url));
  if (!parsed.ok() || authority_end == std::string_view::npos) {
    if (parsed.ok()) parsed->path = "/";
    return parsed;
  }
  rest = rest.substr(authority_end);
  const auto question = rest.find('?');
  parsed->path = normalise_bytes(rest.substr(0, question));
  if (parsed->path.empty()) parsed->path = "/";
  if (question != std::string_view::npos) parsed->query = normalise_bytes(rest.substr(question + 1));
  return parsed;
}

Result<std::string> resolve_url(std::string_view base_text, std::string_view href_text) {
  auto base = parse_url(base_text);
  if (!base.ok()) return std::move(base).error();
  std::string_view href = href_text;
  while (!href.empty() && (href.front() == ' ' || href.front() == '\t')) href.remove_prefix(1);
  while (!href.empty() && (href.back() == ' ' || href.back() == '\t')) href.remove_suffix(1);
  href = href.substr(0, href.find('#'));

  const auto colon = href.find(':');
  const auto first_delim = href.find_first_of("/?");
  if (colon != std::string_view::npos && (first_delim == std::string_view::npos || colon < first_delim)) {
    auto absolute = parse_url(href);  // has a scheme of its own
    if (!absolute.ok()) return std::move(absolute).error();
    absolute->path = remove_dot_segments(absolute->path);
    return absolute->to_string();
  }
  if (href.substr(0, 2) == "//") {
    auto absolute = parse_url(base->scheme + ":" + std::string(href));
    if (!absolute.ok()) return std::move(absolute).error();
    absolute->path = remove_dot_segments(absolute->path);
    return absolute->to_string();
  }
  const auto question = href.find('?');
  const std::string_view path = href.substr(0, question);
  Url target = *base;
  if (question != std::string_view::npos) target.query = normalise_bytes(href.substr(question + 1));
  if (path.empty()) {
    if (question == std::string_view::npos) target.query = base->query;
  } else if (path.front() == '/') {
    target.path = remove_dot_segments(normalise_bytes(path));
    if (question == std::string_view::npos) target.query.clear();
  } else {
    const std::string merged = base->path.substr(0, base->path.rfind('/') + 1) + normalise_bytes(path);
    target.path = remove_dot_segments(merged);
    if (question == std::string_view::npos) target.query.clear();
  }
  if (target.path.empty()) target.path = "/";
  return target.to_string();
}

bool same_origin(std::string_view url, std::string_view base) {
  const auto a = parse_url(url);
  const auto b = parse_url(base);
  return a.ok() && b.ok() && a->scheme == b->scheme && a->host == b->host && a->port == b->port;
}

bool same_host(std::string_view url, std::string_view base) {
  const auto a = parse_url(url);
  const auto b = parse_url(base);
  if (!a.ok() || !b.ok()) return false;
  auto strip = [](std::string_view host) { return host.substr(0, 4) == "www." ? host.substr(4) : host; };
  return strip(a->host) == strip(b->host);
}

std::string encode_query_component(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out += ch;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::string decode_query_component(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) != 0 &&
               std::isxdigit(static_cast<unsigned char>(text[i + 2])) != 0) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string build_query(const QueryParams& params) {
  std::string out;
  for (const auto& [key, value] : params) {
    if (!out.empty()) out += '&';
    out += encode_query_component(key);
    out += '=';
    out += encode_query_component(value);
  }
  return out;
}

QueryParams parse_query(std::string_view query) {
  QueryParams params;
  std::size_t pos = 0;
  while (pos <= query.size() && !query.empty()) {
    const auto amp = query.find('&', pos);
    const auto part = query.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
    if (!part.empty()) {
      const auto eq = part.find('=');
      params.emplace_back(decode_query_component(part.substr(0, eq)),
                          eq == std::string_view::npos ? "" : decode_query_component(part.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    pos = amp + 1;
  }
  return params;
}

}  // namespace scrapers::http
